// The scored sheet as CSV: UTF-8 with a BOM so Excel shows Chinese, computed values (not
// formulas), and every text cell that starts with = + - @, tab, CR or LF neutralised with a
// leading ' so a spreadsheet never runs it. Numbers stay numbers.
import Papa from 'papaparse';
import { isError } from '../formula/index';
import type { Value } from '../formula/types';
import { scoredGrid, type PeriodExport } from './scored-grid';

/**
 * papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which misses a value with a
 * line break after the first character; only the first character matters.
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

export const UTF8_BOM = '\ufeff';

function csvCell(value: Value): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isError(value)) return value.code;
  if (typeof value === 'object') return '';
  return value;
}

/** Rows of values as CSV text with a BOM; text cells that could run as formulas are neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly Value[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(csvCell)) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return `${UTF8_BOM}${body}\r\n`;
}

export function exportScoresCsv(data: PeriodExport): string {
  const grid = scoredGrid(data);
  return toCsv(
    grid.layout.columns.map((column) => column.header),
    grid.rows.map((row) => row.values),
  );
}
