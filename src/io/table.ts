// A sheet read from a file, before anything is interpreted: rows of plain cell values. CSV and
// Excel readers both produce it; mapping and validation only ever see this shape.

/** What a cell holds once read: text, a number, a boolean, or nothing. Never an object. */
export type CellValue = string | number | boolean | null;

export interface RawTable {
  /** File name as the person chose it; every problem names it. */
  readonly file: string;
  /** Sheet name, or '' for a CSV file. */
  readonly sheet: string;
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * Columns where the workbook formatted numbers as percents: 0.9 shown as 90% is a fraction
   * already and must not be divided by 100 again.
   */
  readonly percentColumns?: readonly number[];
}

/** Excel's column name of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The widest row, so every row can be read column by column. */
export function columnCount(rows: readonly (readonly CellValue[])[]): number {
  let widest = 0;
  for (const row of rows) if (row.length > widest) widest = row.length;
  return widest;
}

/** Trailing rows with nothing in them (Excel often keeps a few formatted blank rows). */
export function trimTrailingBlankRows<T extends readonly CellValue[]>(rows: T[]): T[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((cell) => isBlank(cell))) end -= 1;
  return end === rows.length ? rows : rows.slice(0, end);
}
