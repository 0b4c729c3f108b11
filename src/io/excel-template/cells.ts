// Reading cells of a SheetJS worksheet (sparse or dense): values as Kaohe sees them, formulas,
// number formats and merged header cells. Nothing here evaluates anything.
import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import type { ErrorCode, ErrorValue, Scalar } from '../../formula/types';
import { errorValue, isErrorCode } from '../../formula/values';
import { cellName } from './references';
import type { CellValue } from './same-value';

/** SheetJS stores an error cell's value as Excel's BIFF error number. */
const ERROR_NUMBERS: Readonly<Record<number, ErrorCode>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

export function cellAt(sheet: WorkSheet, row: number, col: number): CellObject | undefined {
  const dense = sheet['!data'];
  if (dense !== undefined) return dense[row]?.[col];
  const cell: unknown = sheet[cellName(row, col)];
  return isCellObject(cell) ? cell : undefined;
}

function isCellObject(value: unknown): value is CellObject {
  return typeof value === 'object' && value !== null && 't' in value;
}

/** The value Excel shows (cached for formula cells): number, text, boolean, error or blank. */
export function cellValue(cell: CellObject | undefined): CellValue {
  if (cell === undefined) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? cell.v.getTime() / 86400000 + 25569 : null;
    case 'e': {
      const text = typeof cell.w === 'string' ? cell.w : '';
      if (isErrorCode(text)) return errorValue(text);
      return errorValue(typeof cell.v === 'number' ? (ERROR_NUMBERS[cell.v] ?? '#N/A') : '#N/A');
    }
    default:
      return null;
  }
}

export function scalarOf(value: CellValue): Scalar {
  return typeof value === 'object' && value !== null ? null : value;
}

export function isErrorValue(value: CellValue): value is ErrorValue {
  return typeof value === 'object' && value !== null;
}

/** Text of a cell for headers and labels: trimmed, inner whitespace and line breaks collapsed. */
export function cellText(cell: CellObject | undefined): string {
  const value = cellValue(cell);
  if (value === null || isErrorValue(value)) return '';
  const text = typeof value === 'string' ? value : typeof cell?.w === 'string' ? cell.w : String(value);
  return text.replace(/\s+/g, ' ').trim();
}

/** The formula text of a cell (no `=`), or undefined. */
export function cellFormula(cell: CellObject | undefined): string | undefined {
  return typeof cell?.f === 'string' && cell.f !== '' ? cell.f : undefined;
}

/** An array (CSE) or dynamic-array formula: `F` is the block it fills. */
export function isArrayFormula(cell: CellObject | undefined): boolean {
  return typeof cell?.F === 'string' || cell?.D === true;
}

/** Shown as a percentage (`0.2` displayed `20%`): by number format, else by formatted text. */
export function isPercentCell(cell: CellObject | undefined): boolean {
  if (cell?.t !== 'n') return false;
  const format = typeof cell.z === 'string' ? cell.z : '';
  if (format.includes('%')) return true;
  return typeof cell.w === 'string' && cell.w.trim().endsWith('%');
}

export function mergesOf(sheet: WorkSheet): readonly Range[] {
  return sheet['!merges'] ?? [];
}

/** The merge covering a cell, if any. */
export function mergeAt(sheet: WorkSheet, row: number, col: number): Range | undefined {
  return mergesOf(sheet).find((m) => row >= m.s.r && row <= m.e.r && col >= m.s.c && col <= m.e.c);
}

/** Text shown at a cell, merged cells giving their top-left text everywhere they cover. */
export function shownText(sheet: WorkSheet, row: number, col: number): string {
  const merge = mergeAt(sheet, row, col);
  return merge ? cellText(cellAt(sheet, merge.s.r, merge.s.c)) : cellText(cellAt(sheet, row, col));
}

/** The used block of a sheet: from its `!ref`, 0-based inclusive ends; empty sheets give -1. */
export function extentOf(sheet: WorkSheet): { rows: number; cols: number } {
  const ref = sheet['!ref'];
  const match = ref === undefined ? null : /^[A-Z]+\d+(?::([A-Z]+)(\d+))?$/.exec(ref.replaceAll('$', ''));
  if (match === null || ref === undefined) return { rows: 0, cols: 0 };
  const [, lastCol, lastRow] = match;
  if (lastCol === undefined || lastRow === undefined) return { rows: 1, cols: 1 };
  let cols = 0;
  for (const char of lastCol) cols = cols * 26 + (char.charCodeAt(0) - 64);
  return { rows: Number(lastRow), cols };
}
