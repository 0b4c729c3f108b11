// Sorting and filtering rows by any column: the grid shows data rows in a view order. Sorting is
// an action, as in Excel: it is applied when chosen and stays put while values are edited.
import type { GridData, SortState } from './types';

export interface ColumnFilter {
  readonly col: number;
  /** `>80`, `<=60`, `=优秀`, `<>合格`, or text the cell must contain. */
  readonly text: string;
}

type Test = (text: string, value: number | string | null) => boolean;

function numberOf(text: string, value: number | string | null): number | null {
  if (typeof value === 'number') return value;
  const parsed = Number(text.replace(/%$/, '').trim());
  if (text.trim() === '' || !Number.isFinite(parsed)) return null;
  return text.trim().endsWith('%') ? parsed / 100 : parsed;
}

/** A filter's text as a test on a cell's text and sort value. */
export function filterTest(expression: string): Test | null {
  const text = expression.trim();
  if (text === '') return null;
  const match = /^(>=|<=|<>|!=|>|<|=)\s*(.*)$/.exec(text);
  if (!match) {
    const needle = text.toLowerCase();
    return (cell) => cell.toLowerCase().includes(needle);
  }
  const op = match[1]!;
  const operand = match[2]!.trim();
  const percent = operand.endsWith('%');
  const number = Number(percent ? operand.slice(0, -1) : operand);
  if (operand !== '' && Number.isFinite(number)) {
    const target = percent ? number / 100 : number;
    return (cell, value) => {
      const n = numberOf(cell, value);
      if (n === null) return op === '<>' || op === '!=';
      switch (op) {
        case '>':
          return n > target;
        case '>=':
          return n >= target;
        case '<':
          return n < target;
        case '<=':
          return n <= target;
        case '=':
          return n === target;
        default:
          return n !== target;
      }
    };
  }
  const same = (cell: string) => cell.trim().toLowerCase() === operand.toLowerCase();
  if (op === '=') return (cell) => same(cell);
  if (op === '<>' || op === '!=') return (cell) => !same(cell);
  return null;
}

/** One collator for every comparison (`localeCompare` with a locale builds one per call). */
const TEXT_ORDER = new Intl.Collator('zh-CN', { numeric: true });

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  // Blanks last, whatever the direction.
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return TEXT_ORDER.compare(a, b);
}

/**
 * Data rows in view order, or null when the view is the data order (no sort, no filter).
 * Ties keep data order, so a sorted sheet reads predictably.
 */
export function viewOrder(data: GridData, sort: SortState | null, filters: readonly ColumnFilter[]): number[] | null {
  const tests = filters.flatMap((filter) => {
    const test = filterTest(filter.text);
    return test ? [{ col: filter.col, test }] : [];
  });
  if (!sort && tests.length === 0) return null;
  const sortValue = (row: number, col: number) => (data.sortValue ? data.sortValue(row, col) : data.text(row, col));
  let rows: number[] = [];
  for (let row = 0; row < data.rowCount; row++) {
    if (tests.every(({ col, test }) => test(data.text(row, col), sortValue(row, col)))) rows.push(row);
  }
  if (sort) {
    const keys = new Map(rows.map((row) => [row, sortValue(row, sort.col)]));
    const sign = sort.direction === 'asc' ? 1 : -1;
    rows = rows.sort((a, b) => {
      const ka = keys.get(a) ?? null;
      const kb = keys.get(b) ?? null;
      const blankA = ka === null || ka === '';
      const blankB = kb === null || kb === '';
      if (blankA || blankB) return blankA === blankB ? a - b : blankA ? 1 : -1;
      return sign * compareValues(ka, kb) || a - b;
    });
  }
  return rows;
}
