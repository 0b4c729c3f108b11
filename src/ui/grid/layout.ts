// Geometry of a virtualized grid: where each column starts, which rows and columns a scroll
// position shows, and the recycled "slots" that render them. A slot shows the row (or column)
// whose index is congruent to the slot number, so scrolling by one row re-renders one slot.

/** Left edge of each column (plus the total width at the end). */
export function columnOffsets(widths: readonly number[]): number[] {
  const offsets = new Array<number>(widths.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < widths.length; i++) offsets[i + 1] = offsets[i]! + widths[i]!;
  return offsets;
}

/** Index of the column containing x (offsets from `columnOffsets`), clamped to the columns. */
export function columnAt(offsets: readonly number[], x: number): number {
  let low = 0;
  let high = offsets.length - 2;
  if (high < 0) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= x) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface Span {
  readonly first: number;
  readonly last: number;
}

/** Rows overlapping [top, top + height), with `overscan` extra on each side. */
export function visibleRows(rowCount: number, rowHeight: number, top: number, height: number, overscan: number): Span {
  if (rowCount === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, last };
}

/** Columns in `from..to` (scrolled part) overlapping [left, left + width). */
export function visibleColumns(offsets: readonly number[], from: number, to: number, left: number, width: number, overscan: number): Span {
  if (to < from) return { first: 0, last: -1 };
  const base = offsets[from]!;
  const first = Math.max(from, columnAt(offsets, base + left) - overscan);
  const last = Math.min(to, columnAt(offsets, base + left + width) + overscan);
  return { first, last };
}

/**
 * Slots for a span: slot s shows the index i in the span with i % capacity === s, or -1.
 * Slots whose index did not change keep their value, so the renderer touches only the others.
 */
export function slotsFor(span: Span, capacity: number): number[] {
  const slots = new Array<number>(capacity).fill(-1);
  for (let i = span.first; i <= span.last; i++) slots[i % capacity] = i;
  return slots;
}
