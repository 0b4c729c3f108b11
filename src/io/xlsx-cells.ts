// Values as SheetJS cell objects, number formats, column widths: the small vocabulary every
// workbook Kaohe writes shares.
import type { CellObject, ColInfo } from '@e965/xlsx';
import { isError } from '../formula/index';
import type { ErrorCode, Value } from '../formula/types';
import type { NumberFormat } from './sheet-layout';

/** Excel's numbers for error values (as SheetJS stores them in `v`). */
const ERROR_NUMBERS: Readonly<Record<ErrorCode, number>> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  // Excel has no #CYCLE!; its own circular-reference warning would show instead.
  '#CYCLE!': 0x2a,
};

export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string | undefined>> = {
  general: undefined,
  percent: '0.00%',
  score: '0.00',
  count: '0',
  money: '#,##0.00',
  text: '@',
};

/** A cell with a value, and optionally a formula whose cached result the value is. */
export function cellOf(value: Value | undefined, format?: string, formula?: string): CellObject {
  // Built field by field, without spreads: a large export makes millions of these.
  const cell: CellObject = { t: 'z' };
  if (formula) cell.f = formula;
  if (format) cell.z = format;
  if (value === null || value === undefined) return cell;
  switch (typeof value) {
    case 'number':
      if (Number.isFinite(value)) {
        cell.t = 'n';
        cell.v = value;
      } else {
        cell.t = 'e';
        cell.v = ERROR_NUMBERS['#NUM!'];
      }
      return cell;
    case 'string':
      cell.t = 's';
      cell.v = value;
      return cell;
    case 'boolean':
      cell.t = 'b';
      cell.v = value;
      return cell;
    default:
      if (isError(value)) {
        cell.t = 'e';
        cell.v = ERROR_NUMBERS[value.code];
      }
      return cell;
  }
}

export function textCell(text: string): CellObject {
  return { t: 's', v: text };
}

/** Display width of text in Excel character units: CJK characters are two wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return width;
}

/** Column widths from the header and the first rows, between 6 and 40 characters. */
export function columnWidths(rows: readonly (readonly CellObject[])[], sample = 100): ColInfo[] {
  const widths: number[] = [];
  rows.slice(0, sample + 1).forEach((row) => {
    row.forEach((cell, c) => {
      const shown = cell.v === undefined ? '' : typeof cell.v === 'number' ? cell.v.toFixed(2) : String(cell.v);
      widths[c] = Math.max(widths[c] ?? 6, Math.min(40, displayWidth(shown) + 2));
    });
  });
  return widths.map((wch) => ({ wch }));
}
