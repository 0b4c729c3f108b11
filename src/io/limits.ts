// How much an import may ask of the page. Files come from other people's machines, so a file
// that is too big, too long or too slow is refused with a message instead of freezing the tab.
export const IMPORT_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 64 * 1024 * 1024,
  /** Bytes an xlsx may unpack to (sum of what its zip entries claim). */
  unpackedBytes: 512 * 1024 * 1024,
  /** Unpacked ÷ packed for one zip entry: real XML packs about 10–40×; zip bombs pack 1000× and more. */
  packRatio: 400,
  /** Zip entries in one workbook. */
  zipEntries: 5_000,
  /** Data rows in one sheet (the header and instruction rows are not counted). */
  rows: 100_000,
  columns: 1_000,
  /** Excel's own limit for the text of one cell. */
  cellChars: 32_767,
  /** Milliseconds the worker may take to read or validate one file before it is stopped. */
  timeMs: 60_000,
  /** Problems listed in a report; the rest are counted. */
  problems: 1_000,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };
