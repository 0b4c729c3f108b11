// Where the active cell goes on a key, as in Excel. Coordinates are view rows and columns.
import type { CellRef, ViewRange } from './types';

export type Direction = 'up' | 'down' | 'left' | 'right';

const STEP: Readonly<Record<Direction, CellRef>> = {
  up: { row: -1, col: 0 },
  down: { row: 1, col: 0 },
  left: { row: 0, col: -1 },
  right: { row: 0, col: 1 },
};

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** One step, staying inside the sheet. */
export function step(cell: CellRef, direction: Direction, rows: number, cols: number, by = 1): CellRef {
  const delta = STEP[direction];
  return { row: clamp(cell.row + delta.row * by, 0, rows - 1), col: clamp(cell.col + delta.col * by, 0, cols - 1) };
}

/**
 * Ctrl+arrow: from a filled cell with a filled neighbour, to the last filled cell of that run;
 * otherwise to the next filled cell, or the edge of the sheet when there is none.
 */
export function jump(cell: CellRef, direction: Direction, rows: number, cols: number, isBlank: (row: number, col: number) => boolean): CellRef {
  const delta = STEP[direction];
  const inside = (c: CellRef) => c.row >= 0 && c.row < rows && c.col >= 0 && c.col < cols;
  const next = (c: CellRef) => ({ row: c.row + delta.row, col: c.col + delta.col });
  let current = cell;
  let ahead = next(current);
  if (!inside(ahead)) return current;
  if (!isBlank(current.row, current.col) && !isBlank(ahead.row, ahead.col)) {
    while (inside(ahead) && !isBlank(ahead.row, ahead.col)) {
      current = ahead;
      ahead = next(current);
    }
    return current;
  }
  while (inside(ahead)) {
    current = ahead;
    if (!isBlank(current.row, current.col)) return current;
    ahead = next(current);
  }
  return current;
}

/** The rectangle spanned by two corners. */
export function rangeOf(anchor: CellRef, focus: CellRef): ViewRange {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function inRange(range: ViewRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/**
 * The fill handle dragged from `source` to the cell `to`: the source grows down, up, right or
 * left (whichever way the pointer went furthest), or stays as it is while the pointer is inside.
 */
export function fillTarget(source: ViewRange, to: CellRef): ViewRange {
  const down = to.row - source.bottom;
  const up = source.top - to.row;
  const right = to.col - source.right;
  const left = source.left - to.col;
  const vertical = Math.max(down, up);
  const horizontal = Math.max(right, left);
  if (vertical <= 0 && horizontal <= 0) return source;
  if (vertical >= horizontal) return down > 0 ? { ...source, bottom: to.row } : { ...source, top: to.row };
  return right > 0 ? { ...source, right: to.col } : { ...source, left: to.col };
}

/** The cell of `source` a filled cell copies: the source block repeated in every direction. */
export function fillSourceCell(source: ViewRange, row: number, col: number): CellRef {
  const height = source.bottom - source.top + 1;
  const width = source.right - source.left + 1;
  const mod = (n: number, m: number) => ((n % m) + m) % m;
  return { row: source.top + mod(row - source.top, height), col: source.left + mod(col - source.left, width) };
}
