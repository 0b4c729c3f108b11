// The grid's contract: it knows columns, cell text, which cells are editable and what is wrong
// with a cell; it knows nothing about scores. Rows are the owner's data rows (0..rowCount-1);
// the grid sorts and filters them into its own view order and always speaks in data rows.

export interface GridColumn {
  readonly id: string;
  /** Header text (may contain a line break: "完成率\n自评"). */
  readonly title: string;
  /** Columns next to each other with the same group get one spanning group header. */
  readonly group?: string;
  /** Pixels. */
  readonly width: number;
  readonly editable: boolean;
  /** How the column looks: entered values, computed (read-only, tinted), or labels (names). */
  readonly kind: 'input' | 'computed' | 'label';
  readonly align?: 'start' | 'end';
  /** Suggestions offered while editing (levels, statuses, team names). */
  readonly options?: readonly string[];
  /** Longer text for the header's tooltip and screen readers. */
  readonly description?: string;
}

export type CellTone = 'muted' | 'error' | 'strong' | 'good' | 'warn';

export interface GridData {
  readonly rowCount: number;
  /** What the cell shows. */
  text(row: number, col: number): string;
  /** What F2 puts in the editor; defaults to `text`. */
  editText?(row: number, col: number): string;
  /** A value to sort by (numbers sort numerically, blanks last); defaults to `text`. */
  sortValue?(row: number, col: number): number | string | null;
  /** Why the cell's value does not fit, shown with the cell; null when fine. */
  problem?(row: number, col: number): string | null;
  tone?(row: number, col: number): CellTone | null;
  /** Is this particular cell editable (on top of the column's flag)? */
  editable?(row: number, col: number): boolean;
  /** Who or what the row is, for screen readers ("王芳"). */
  rowLabel?(row: number): string;
}

export interface CellText {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export type GridChangeKind = 'edit' | 'paste' | 'clear' | 'fill';

/** Something the person did that changes values; the owner parses, validates and stores it. */
export interface GridChange {
  readonly kind: GridChangeKind;
  readonly cells: readonly CellText[];
  /** Cells the change would have touched but could not: read-only, or beyond the last row/column. */
  readonly skipped: number;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A rectangle in view coordinates (view row index, column index), inclusive. */
export interface ViewRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SortState {
  readonly col: number;
  readonly direction: 'asc' | 'desc';
}
