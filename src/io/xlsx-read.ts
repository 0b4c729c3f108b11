// Excel workbooks (xlsx, xls) into RawTables with SheetJS. The zip directory is checked first
// (zip-guard.ts), rows are capped while reading, and every cell becomes a plain value.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { inspectZip } from './zip-guard';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { fileProblem, type IoProblem } from './problems';
import type { CellValue, RawTable } from './table';
import { columnCount, trimTrailingBlankRows } from './table';

export type FileKind = 'xlsx' | 'xls' | 'csv';

/** What the first bytes say the file is; the name decides only between text formats. */
export function fileKindOf(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

export interface ReadWorkbook {
  readonly file: string;
  /** Sheets a person sees, in workbook order. */
  readonly sheetNames: readonly string[];
  /** All sheets, hidden ones included (rater forms keep their key in one). */
  readonly allSheetNames: readonly string[];
  table(sheet: string): RawTable | IoProblem;
}

export type WorkbookResult = { readonly ok: true; readonly workbook: ReadWorkbook } | { readonly ok: false; readonly problem: IoProblem };

/** Rows before the header that a workbook may have (titles, instructions). */
const LEADING_ROWS = 50;

const ERROR_TEXT: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

export function readWorkbook(file: string, bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): WorkbookResult {
  if (bytes.byteLength > limits.fileBytes) return { ok: false, problem: fileProblem('fileTooLarge', file, { limit: limits.fileBytes, size: bytes.byteLength }) };
  const kind = fileKindOf(bytes);
  if (kind === 'csv') return { ok: false, problem: fileProblem('damaged', file) };
  if (kind === 'xlsx') {
    const verdict = inspectZip(bytes, limits);
    if (!verdict.ok) {
      const params = verdict.reason === 'unpackedTooLarge' ? { limit: limits.unpackedBytes, size: verdict.unpackedBytes ?? 0 } : undefined;
      return { ok: false, problem: fileProblem(verdict.reason, file, params) };
    }
  }
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellNF: true,
      cellStyles: false,
      bookVBA: false,
      sheetRows: limits.rows + LEADING_ROWS + 2,
    });
  } catch {
    return { ok: false, problem: fileProblem('damaged', file) };
  }
  if (!workbook.SheetNames || workbook.SheetNames.length === 0) return { ok: false, problem: fileProblem('damaged', file) };
  const hidden = new Set((workbook.Workbook?.Sheets ?? []).flatMap((sheet, i) => (sheet?.Hidden ? [workbook.SheetNames[i]!] : [])));
  return {
    ok: true,
    workbook: {
      file,
      sheetNames: workbook.SheetNames.filter((name) => !hidden.has(name)),
      allSheetNames: workbook.SheetNames,
      table: (sheet) => {
        const ws = workbook.Sheets[sheet];
        if (!ws || !Object.hasOwn(workbook.Sheets, sheet)) return fileProblem('sheetMissing', file, { sheet });
        return sheetTable(file, sheet, ws, limits);
      },
    },
  };
}

function sheetTable(file: string, sheet: string, ws: WorkSheet, limits: ImportLimits): RawTable | IoProblem {
  // With `sheetRows`, SheetJS keeps the real extent in !fullref: a longer sheet is refused.
  const extent = ws['!fullref'] ?? ws['!ref'];
  if (typeof extent === 'string') {
    const range = XLSX.utils.decode_range(extent);
    if (range.e.r + 1 > limits.rows + LEADING_ROWS + 1) return { ...fileProblem('tooManyRows', file, { limit: limits.rows }), sheet };
    if (range.e.c + 1 > limits.columns) return { ...fileProblem('tooManyColumns', file, { limit: limits.columns, count: range.e.c + 1 }), sheet };
  }
  const data: (CellObject[] | undefined)[] = ws['!data'] ?? [];
  const percent = new Set<number>();
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: CellValue[] = [];
    if (source) {
      for (let c = 0; c < source.length; c++) {
        const cell = source[c];
        row.push(cell ? cellValue(cell, c, percent) : null);
      }
    }
    rows.push(row);
  }
  const trimmed = trimTrailingBlankRows(rows);
  if (columnCount(trimmed) > limits.columns) return { ...fileProblem('tooManyColumns', file, { limit: limits.columns }), sheet };
  return { file, sheet, rows: trimmed, ...(percent.size > 0 ? { percentColumns: [...percent] } : {}) };
}

function cellValue(cell: CellObject, column: number, percent: Set<number>): CellValue {
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : '';
      if (format.includes('%')) percent.add(column);
      // Excel turns "2026-11" typed in a cell into a date; give it back as text.
      if (format !== '' && XLSX.SSF.is_date(format)) return dateText(value);
      return value;
    }
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return cell.v === true;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#VALUE!';
    default:
      return null;
  }
}

function dateText(serial: number): string {
  const date = XLSX.SSF.parse_date_code(serial);
  if (!date) return String(serial);
  return `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}
