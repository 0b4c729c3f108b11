// Test workbooks built with SheetJS the way Excel saves them: formulas with the values Excel would
// have cached (computed here by HyperFormula, an independent engine), percent formats, merged
// cells, Chinese sheet names; written to .xlsx bytes and read back through the import's reader.
import * as XLSX from '@e965/xlsx';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { readExcelWorkbook, type ExcelWorkbook } from '../../../../src/io/excel-template/workbook';
import { forHyperFormula } from '../../formula/hyperformula-oracle';

/**
 * A cell: a value, a formula (`=...` as Excel shows it), or either with a number format; a formula
 * HyperFormula lacks (RANK) gets its cached value written by hand.
 */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { readonly f: string; readonly z?: string; readonly cached?: number | string }
  | { readonly v: number; readonly z: string };

export interface SheetSpec {
  readonly rows: readonly (readonly CellSpec[])[];
  /** Merged blocks as A1 ranges (`A1:R1`). */
  readonly merges?: readonly string[];
}

function formulaText(spec: CellSpec): string | undefined {
  if (typeof spec === 'string' && spec.startsWith('=')) return spec.slice(1);
  if (typeof spec === 'object' && spec !== null && 'f' in spec) return spec.f.replace(/^=/, '');
  return undefined;
}

/** HyperFormula does not know file prefixes (`_xlfn.`); Excel's display text has none either. */
function forOracle(formula: string): string {
  // HyperFormula reads only quoted sheet names outside ASCII: 权重!B2 → '权重'!B2.
  const quoted = formula.replace(/(^|[^'\p{L}\p{N}_.])([\p{L}_][\p{L}\p{N}_.]*)!/gu, "$1'$2'!");
  return `=${forHyperFormula(quoted.replace(/_xlfn\.(_xlws\.)?/g, ''))}`;
}

function oracleValues(sheets: Readonly<Record<string, SheetSpec>>): Record<string, unknown[][]> {
  const content = Object.fromEntries(
    Object.entries(sheets).map(([name, sheet]) => [
      name,
      sheet.rows.map((row) =>
        row.map((spec): string | number | boolean | null => {
          const formula = formulaText(spec);
          if (typeof spec === 'object' && spec !== null && 'cached' in spec) return null;
          if (formula !== undefined) return forOracle(formula);
          if (typeof spec === 'string') return `'${spec}`;
          if (typeof spec === 'object' && spec !== null) return 'v' in spec ? spec.v : null;
          return spec;
        }),
      ),
    ]),
  );
  const hf = HyperFormula.buildFromSheets(content, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const values: Record<string, unknown[][]> = {};
  for (const name of Object.keys(sheets)) values[name] = hf.getSheetValues(hf.getSheetId(name) as number);
  hf.destroy();
  return values;
}

const ERROR_NUMBER: Readonly<Record<string, number>> = { '#NULL!': 0, '#DIV/0!': 7, '#VALUE!': 15, '#REF!': 23, '#NAME?': 29, '#NUM!': 36, '#N/A': 42 };

function cachedCell(value: unknown): XLSX.CellObject {
  if (value instanceof DetailedCellError) return { t: 'e', v: ERROR_NUMBER[value.value] ?? 42, w: value.value };
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  return { t: 's', v: '' };
}

/** The sheets as SheetJS worksheets, formulas carrying HyperFormula's results as cached values. */
export function buildBook(sheets: Readonly<Record<string, SheetSpec>>): XLSX.WorkBook {
  const values = oracleValues(sheets);
  const book = XLSX.utils.book_new();
  for (const [name, spec] of Object.entries(sheets)) {
    const sheet: XLSX.WorkSheet = {};
    let lastCol = 0;
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const address = XLSX.utils.encode_cell({ r, c });
        const formula = formulaText(cell);
        const format = typeof cell === 'object' && cell !== null ? cell.z : undefined;
        const handComputed = typeof cell === 'object' && cell !== null && 'cached' in cell ? cell.cached : undefined;
        const cached = handComputed ?? values[name]?.[r]?.[c];
        if (formula !== undefined) sheet[address] = { ...cachedCell(cached), f: formula, ...(format ? { z: format } : {}) };
        else if (typeof cell === 'object' && 'v' in cell) sheet[address] = { t: 'n', v: cell.v, z: cell.z };
        else sheet[address] = cachedCell(cell);
        lastCol = Math.max(lastCol, c);
      });
    });
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.rows.length - 1), c: lastCol } });
    if (spec.merges) sheet['!merges'] = spec.merges.map((range) => XLSX.utils.decode_range(range));
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return book;
}

/** .xlsx bytes as Excel would save them. */
export function xlsxBytes(book: XLSX.WorkBook): Uint8Array {
  const written: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx' });
  if (!(written instanceof ArrayBuffer)) throw new Error('SheetJS did not write bytes');
  return new Uint8Array(written);
}

/** Written to .xlsx and read back with the import's own reader. */
export function roundTrip(sheets: Readonly<Record<string, SheetSpec>>, fileName = '考核.xlsx'): ExcelWorkbook {
  return read(xlsxBytes(buildBook(sheets)), fileName);
}

export function read(bytes: Uint8Array, fileName = '考核.xlsx'): ExcelWorkbook {
  const result = readExcelWorkbook(bytes, fileName);
  if (!result.ok) throw new Error(`unreadable: ${JSON.stringify(result.issues)}`);
  return result.workbook;
}

/** The cached value HyperFormula computed for a cell, to state expectations independently. */
export function oracleValue(sheets: Readonly<Record<string, SheetSpec>>, sheet: string, address: string): unknown {
  const { r, c } = XLSX.utils.decode_cell(address);
  return oracleValues(sheets)[sheet]?.[r]?.[c];
}

export const pct = (v: number): CellSpec => ({ v, z: '0%' });
