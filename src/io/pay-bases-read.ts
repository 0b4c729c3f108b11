// 绩效工资基数 from a file (CSV or a workbook's first sheet): a column naming people (工号 or 姓名)
// and a column of bases (its header says 基数 / base). Every row is checked before anything is
// stored; any error and nothing is. Problems name the file, sheet, row and column.
import { readCsv } from './csv-read';
import { matchField } from './mapping';
import { fileProblem, shortText, type IoProblem } from './problems';
import { isBlank, type CellValue, type RawTable } from './table';
import { personResolver, type ImportPerson } from './validate';
import { normalizeText, numberOf } from './values';
import { fileKindOf, readWorkbook } from './xlsx-read';

export interface PayBaseRead {
  readonly personId: string;
  readonly amount: number;
  /** Excel row number. */
  readonly row: number;
}

export interface PayBasesRead {
  readonly file: string;
  readonly bases: readonly PayBaseRead[];
  readonly problems: readonly IoProblem[];
}

/** Header words of the base column, compared after NFKC and lower case. */
const BASE_WORDS = ['绩效工资基数', '绩效基数', '工资基数', '基数', 'performancepaybase', 'paybase', 'base'];
/** The header is searched for in the first rows (a title may sit above it). */
const HEADER_SEARCH = 30;
/** Largest base accepted (the store's own bound). */
const MAX_BASE = 1e9;

function isBaseHeader(cell: CellValue | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const text = normalizeText(cell).replace(/[()（）]|元|¥|rmb/g, '');
  return BASE_WORDS.some((word) => text === word || (word.length > 2 && text.includes(word)));
}

interface Header {
  readonly row: number;
  readonly name: number;
  readonly employeeNo: number;
  readonly base: number;
}

function findHeader(rows: readonly (readonly CellValue[])[]): Header | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH); r++) {
    const row = rows[r]!;
    const fields = row.map((cell) => (typeof cell === 'string' ? matchField(cell) : undefined));
    const name = fields.indexOf('person.name');
    const employeeNo = fields.indexOf('person.employeeNo');
    const base = row.findIndex((cell) => isBaseHeader(cell));
    if ((name >= 0 || employeeNo >= 0) && base >= 0) return { row: r, name, employeeNo, base };
  }
  return undefined;
}

function tableOf(file: string, bytes: Uint8Array): RawTable | IoProblem {
  if (/\.(csv|txt|tsv)$/i.test(file) || fileKindOf(bytes) === 'csv') {
    const read = readCsv(file, bytes);
    return read.ok ? read.table : read.problem;
  }
  const read = readWorkbook(file, bytes);
  if (!read.ok) return read.problem;
  const sheet = read.workbook.sheetNames[0];
  if (sheet === undefined) return fileProblem('empty', file);
  return read.workbook.table(sheet);
}

function text(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

export function readPayBases(file: string, bytes: Uint8Array, people: readonly ImportPerson[], headers: { readonly base: string }): PayBasesRead {
  const table = tableOf(file, bytes);
  if (!('rows' in table)) return { file, bases: [], problems: [table] };
  const where = (row: number, column?: number, header?: string) => ({ file, ...(table.sheet ? { sheet: table.sheet } : {}), row: row + 1, ...(column !== undefined ? { column } : {}), ...(header ? { header } : {}) });
  const header = findHeader(table.rows);
  if (!header) {
    const hasPeople = table.rows.slice(0, HEADER_SEARCH).some((row) => row.some((cell) => typeof cell === 'string' && matchField(cell)?.startsWith('person.')));
    return { file, bases: [], problems: [{ code: hasPeople ? 'noBaseColumn' : 'noPersonColumn', severity: 'error', file, ...(table.sheet ? { sheet: table.sheet } : {}), expected: headers.base }] };
  }
  const resolver = personResolver({ people });
  const baseHeader = text(table.rows[header.row]![header.base]);
  const bases: PayBaseRead[] = [];
  const problems: IoProblem[] = [];
  const firstRow = new Map<string, number>();
  for (let r = header.row + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const name = header.name >= 0 ? text(row[header.name]) : '';
    const employeeNo = header.employeeNo >= 0 ? text(row[header.employeeNo]) : '';
    const cell = row[header.base];
    if (name === '' && employeeNo === '') {
      if (!isBlank(cell)) problems.push({ code: 'unknownPerson', severity: 'error', ...where(r, header.name >= 0 ? header.name : header.employeeNo), received: '' });
      continue;
    }
    // A blank base means "not given": the stored base stays as it is.
    if (isBlank(cell)) continue;
    const found = resolver.resolve(name, employeeNo, r + 1);
    const personColumn = employeeNo !== '' && header.employeeNo >= 0 ? header.employeeNo : header.name;
    if ('problem' in found) {
      problems.push({ code: found.problem, severity: 'error', ...where(r, personColumn), received: shortText(employeeNo || name) });
      continue;
    }
    const amount = typeof cell === 'number' ? cell : numberOf(text(cell).replace(/[元¥￥]|rmb/gi, '').trim())?.value;
    if (amount === undefined || !Number.isFinite(amount)) {
      problems.push({ code: 'notANumber', severity: 'error', ...where(r, header.base, baseHeader), expected: '8000', received: shortText(text(cell)) });
      continue;
    }
    if (amount < 0 || amount > MAX_BASE) {
      problems.push({ code: 'outOfRange', severity: 'error', ...where(r, header.base, baseHeader), expected: `0 – ${MAX_BASE}`, received: shortText(text(cell)) });
      continue;
    }
    const first = firstRow.get(found.ref);
    if (first !== undefined) {
      problems.push({ code: 'duplicateRow', severity: 'error', ...where(r, personColumn), received: shortText(employeeNo || name), params: { first } });
      continue;
    }
    firstRow.set(found.ref, r + 1);
    bases.push({ personId: found.ref, amount, row: r + 1 });
  }
  return { file, bases, problems };
}
