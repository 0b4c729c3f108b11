// Cell addresses and references as Excel writes them: A1 (`$C$5`, `C$5`), whole columns and rows,
// sheet-qualified (`'权重'!$B$3`), and R1C1 (`R5C3`, `R[-1]C`) resolved against the formula's cell.

/** Excel's grid: columns A..XFD, rows 1..1048576 (0-based here). */
export const MAX_COLUMN = 16383;
export const MAX_ROW = 1048575;

/** A cell, 0-based. `$` marks (absolute) are kept for display; they never change the target. */
export interface CellAddress {
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

/** A cell or a rectangle of cells, optionally on another sheet of the same workbook. */
export interface Reference {
  /** Sheet name as written (quotes removed); undefined: the formula's own sheet. */
  readonly sheet?: string;
  readonly start: CellAddress;
  /** Same as `start` for a single cell. */
  readonly end: CellAddress;
  /** `C:C` / `3:3` style: the whole column(s) or row(s). */
  readonly whole?: 'columns' | 'rows';
}

/** The cell a formula sits in: relative R1C1 references count from it. */
export interface FormulaOrigin {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export function isSingleCell(ref: Reference): boolean {
  return ref.whole === undefined && ref.start.row === ref.end.row && ref.start.col === ref.end.col;
}

/** `C` for 2, `AA` for 26. */
export function columnLetters(col: number): string {
  let text = '';
  let n = col + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    text = String.fromCharCode(65 + rest) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

/** 2 for `C`, undefined past XFD. */
export function columnIndex(letters: string): number | undefined {
  let n = 0;
  for (const char of letters.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) return undefined;
    n = n * 26 + (code - 64);
  }
  const col = n - 1;
  return col >= 0 && col <= MAX_COLUMN ? col : undefined;
}

/** `C5` (no `$`) for row 4, column 2. */
export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const A1_CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;

/** Reads `$C$5`, `C$5`, `c5`; undefined when it is not a cell inside Excel's grid. */
export function parseA1Cell(text: string): CellAddress | undefined {
  const match = A1_CELL.exec(text);
  if (match === null) return undefined;
  const col = columnIndex(match[2] as string);
  const row = Number(match[4]) - 1;
  if (col === undefined || row < 0 || row > MAX_ROW) return undefined;
  return { row, col, rowAbsolute: match[3] === '$', colAbsolute: match[1] === '$' };
}

/** Reads `C:E` / `$C:$C` as whole columns. */
export function parseColumnRange(text: string): Reference | undefined {
  const match = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})$/.exec(text);
  if (match === null) return undefined;
  const first = columnIndex(match[2] as string);
  const last = columnIndex(match[4] as string);
  if (first === undefined || last === undefined) return undefined;
  return {
    start: { row: 0, col: Math.min(first, last), rowAbsolute: true, colAbsolute: match[1] === '$' },
    end: { row: MAX_ROW, col: Math.max(first, last), rowAbsolute: true, colAbsolute: match[3] === '$' },
    whole: 'columns',
  };
}

/** Reads `3:5` / `$3:$3` as whole rows. */
export function parseRowRange(text: string): Reference | undefined {
  const match = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})$/.exec(text);
  if (match === null) return undefined;
  const first = Number(match[2]) - 1;
  const last = Number(match[4]) - 1;
  if (first < 0 || last < 0 || first > MAX_ROW || last > MAX_ROW) return undefined;
  return {
    start: { row: Math.min(first, last), col: 0, rowAbsolute: match[1] === '$', colAbsolute: true },
    end: { row: Math.max(first, last), col: MAX_COLUMN, rowAbsolute: match[3] === '$', colAbsolute: true },
    whole: 'rows',
  };
}

const R1C1_PART = /^R(\[-?[0-9]+\]|[0-9]+)?C(\[-?[0-9]+\]|[0-9]+)?$/i;

/** `5` (absolute, 1-based) or `[-1]` (relative) → 0-based index; undefined when off the grid. */
function r1c1Index(part: string | undefined, base: number, max: number): { index: number; absolute: boolean } | undefined {
  if (part === undefined) return { index: base, absolute: false };
  const relative = part.startsWith('[');
  const n = Number(relative ? part.slice(1, -1) : part);
  const index = relative ? base + n : n - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) return undefined;
  return { index, absolute: !relative };
}

/** Reads `R5C3`, `R[-1]C`, `RC[2]` relative to `origin`; undefined when it is not such a cell. */
export function parseR1C1Cell(text: string, origin: FormulaOrigin): CellAddress | undefined {
  const match = R1C1_PART.exec(text);
  if (match === null) return undefined;
  const row = r1c1Index(match[1], origin.row, MAX_ROW);
  const col = r1c1Index(match[2], origin.col, MAX_COLUMN);
  if (row === undefined || col === undefined) return undefined;
  return { row: row.index, col: col.index, rowAbsolute: row.absolute, colAbsolute: col.absolute };
}

/** `'权重'` → `权重`, `'it''s'` → `it's`, `Sheet1` unchanged. */
export function unquoteSheet(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replaceAll("''", "'") : text;
}

/** A sheet name as Excel writes it before `!`: quoted unless it is plain letters and digits. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && parseA1Cell(name) === undefined ? name : `'${name.replaceAll("'", "''")}'`;
}

function addressText(cell: CellAddress): string {
  return `${cell.colAbsolute ? '$' : ''}${columnLetters(cell.col)}${cell.rowAbsolute ? '$' : ''}${cell.row + 1}`;
}

/** A reference as A1 text, e.g. `'权重'!$B$3:$B$6` or `C:C`, for messages and the review list. */
export function referenceText(ref: Reference): string {
  const sheet = ref.sheet === undefined ? '' : `${quoteSheet(ref.sheet)}!`;
  if (ref.whole === 'columns') {
    const mark = (cell: CellAddress) => `${cell.colAbsolute ? '$' : ''}${columnLetters(cell.col)}`;
    return `${sheet}${mark(ref.start)}:${mark(ref.end)}`;
  }
  if (ref.whole === 'rows') {
    const mark = (cell: CellAddress) => `${cell.rowAbsolute ? '$' : ''}${cell.row + 1}`;
    return `${sheet}${mark(ref.start)}:${mark(ref.end)}`;
  }
  if (isSingleCell(ref)) return `${sheet}${addressText(ref.start)}`;
  return `${sheet}${addressText(ref.start)}:${addressText(ref.end)}`;
}

/** A rectangle from two corners written in any order (`B5:A1` is `A1:B5`). */
export function rangeOf(sheet: string | undefined, a: CellAddress, b: CellAddress): Reference {
  const top = a.row <= b.row ? a : b;
  const bottom = a.row <= b.row ? b : a;
  const left = a.col <= b.col ? a : b;
  const right = a.col <= b.col ? b : a;
  const start: CellAddress = { row: top.row, col: left.col, rowAbsolute: top.rowAbsolute, colAbsolute: left.colAbsolute };
  const end: CellAddress = { row: bottom.row, col: right.col, rowAbsolute: bottom.rowAbsolute, colAbsolute: right.colAbsolute };
  return sheet === undefined ? { start, end } : { sheet, start, end };
}
