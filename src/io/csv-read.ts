// CSV (and tab-separated "Unicode text") into a RawTable, with papaparse. Values stay text:
// "007" is an employee number, not 7; values.ts turns text into numbers per input later.
import Papa from 'papaparse';
import { decodeText, type EncodingChoice, type TextEncodingName } from './decode';
import type { IoProblem } from './problems';
import { fileProblem } from './problems';
import type { RawTable } from './table';
import { columnCount, trimTrailingBlankRows } from './table';
import { IMPORT_LIMITS, type ImportLimits } from './limits';

export type CsvResult =
  | { readonly ok: true; readonly table: RawTable; readonly encoding: TextEncodingName; readonly detected: boolean; readonly delimiter: string }
  | { readonly ok: false; readonly problem: IoProblem };

/** Rows before the header that a file may have (titles, instructions). */
const LEADING_ROWS = 50;

export function readCsv(file: string, bytes: Uint8Array, encoding: EncodingChoice = 'auto', limits: ImportLimits = IMPORT_LIMITS): CsvResult {
  if (bytes.byteLength > limits.fileBytes) return { ok: false, problem: fileProblem('fileTooLarge', file, { limit: limits.fileBytes, size: bytes.byteLength }) };
  const decoded = decodeText(bytes, encoding);
  const maxRows = limits.rows + LEADING_ROWS + 1;
  // `preview` stops papaparse after one row more than allowed: a 200k-row file is refused
  // after reading the first 100k, not after parsing all of it.
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter: guessDelimiter(decoded.text), skipEmptyLines: false, preview: maxRows + 1 });
  // Empty cells stay '' (every reader treats '' as blank): no copy of 100,000 rows.
  const rows = trimTrailingBlankRows(parsed.data);
  if (rows.length === 0) return { ok: false, problem: fileProblem('empty', file) };
  if (rows.length > maxRows) return { ok: false, problem: fileProblem('tooManyRows', file, { limit: limits.rows }) };
  const columns = columnCount(rows);
  if (columns > limits.columns) return { ok: false, problem: fileProblem('tooManyColumns', file, { limit: limits.columns, count: columns }) };
  return {
    ok: true,
    table: { file, sheet: '', rows },
    encoding: decoded.encoding,
    detected: decoded.detected,
    delimiter: parsed.meta.delimiter,
  };
}

/**
 * papaparse guesses from the first rows, but counts blank lines as one-field rows, so a short
 * tab-separated file ending in a line break reads as one column. Guess on the first rows without
 * blank lines, then parse everything keeping them (row numbers must match what Excel shows).
 */
function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimiter: '', skipEmptyLines: 'greedy', preview: 20 });
  return sample.meta.delimiter || ',';
}

