// The scored sheet as CSV: UTF-8 with a BOM so Excel shows Chinese, computed values (not
// formulas), and every text cell that starts with = + - @, tab, CR or LF neutralised with a
// leading ' so a spreadsheet never runs it. Numbers stay numbers, at the 15 significant digits
// Excel shows (79.2, not 79.19999999999999); percent columns read as percents (99%). The xlsx
// keeps full precision.
import Papa from 'papaparse';
import { isError } from '../formula/index';
import type { Value } from '../formula/types';
import { scoredGrid, type PeriodExport } from './scored-grid';
import type { NumberFormat } from './sheet-layout';

/**
 * papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which misses a value with a
 * line break after the first character; only the first character matters.
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

export const UTF8_BOM = '\ufeff';

/** A number as Excel shows it: 15 significant digits, so binary noise never reaches the file. */
function excelNumber(value: number): number {
  return Number(value.toPrecision(15));
}

function csvCell(value: Value, format: NumberFormat = 'general'): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isError(value)) return value.code;
  if (typeof value === 'object') return '';
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return '#NUM!';
  // 0.99 → "99%": the import reads it back as 0.99.
  if (format === 'percent') return `${excelNumber(value * 100)}%`;
  return excelNumber(value);
}

/**
 * Rows of values as CSV text with a BOM; text cells that could run as formulas are neutralised.
 * `formats` (per column) writes percent columns as percents.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Value[])[], formats: readonly NumberFormat[] = []): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((value, c) => csvCell(value, formats[c]))) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return `${UTF8_BOM}${body}\r\n`;
}

export function exportScoresCsv(data: PeriodExport): string {
  const grid = scoredGrid(data);
  return toCsv(
    grid.layout.columns.map((column) => column.header),
    grid.rows.map((row) => row.values),
    grid.layout.columns.map((column) => column.format),
  );
}
