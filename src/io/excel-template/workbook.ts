// Opening a workbook someone sent: SheetJS reads it with formulas and cached values, macros are
// noticed (never run), and sheets larger than the import reads are marked with the reason.
import * as XLSX from '@e965/xlsx';
import type { WorkBook } from '@e965/xlsx';
import { extentOf } from './cells';
import { issue, type Issue } from './issues';

export const EXCEL_LIMITS = {
  /** Bytes of a file the import opens. */
  maxBytes: 20 * 1024 * 1024,
  /** Rows × columns of the used block of one sheet. */
  maxCells: 200_000,
  /** Rows of one sheet read at most. */
  maxRows: 10_000,
} as const;

export interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly hidden: boolean;
  /** Too large to import; `issue` says how large and the limit. */
  readonly issue?: Issue;
}

/** A workbook ready for analysis: SheetJS's object plus what the import noticed about it. */
export interface ExcelWorkbook {
  readonly book: WorkBook;
  readonly fileName: string;
  readonly sheets: readonly SheetSummary[];
  /** VBA macros are in the file (they are never run). */
  readonly macros: boolean;
  /**
   * Excel shows R1C1 references for this workbook. Only a display setting: files store formulas
   * in A1 either way, so the mapping's `r1c1` stays off for formulas read from the file.
   */
  readonly r1c1: boolean;
  /** Workbook-level findings: macros. */
  readonly issues: readonly Issue[];
}

export type WorkbookResult = { readonly ok: true; readonly workbook: ExcelWorkbook } | { readonly ok: false; readonly issues: readonly Issue[] };

function refMode(book: WorkBook): string | undefined {
  const props: unknown = book.Workbook;
  if (typeof props !== 'object' || props === null || !('CalcPr' in props)) return undefined;
  const calc: unknown = props.CalcPr;
  if (typeof calc !== 'object' || calc === null || !('refMode' in calc)) return undefined;
  return typeof calc.refMode === 'string' ? calc.refMode : undefined;
}

/** Wraps a SheetJS workbook (read with `cellFormula: true`) for analysis. */
export function wrapWorkbook(book: WorkBook, fileName = ''): ExcelWorkbook {
  const hidden = book.Workbook?.Sheets ?? [];
  const sheets = book.SheetNames.map((name, index): SheetSummary => {
    const sheet = book.Sheets[name];
    const full = sheet?.['!fullref'];
    const { rows, cols } = sheet ? extentOf(full === undefined ? sheet : { '!ref': full }) : { rows: 0, cols: 0 };
    const tooLarge = rows * cols > EXCEL_LIMITS.maxCells || rows > EXCEL_LIMITS.maxRows;
    const summary = { name, rows, cols, hidden: (hidden[index]?.Hidden ?? 0) !== 0 };
    return tooLarge ? { ...summary, issue: issue('sheetTooLarge', { sheet: name, rows, cols, limit: EXCEL_LIMITS.maxCells }) } : summary;
  });
  const macros = book.vbaraw !== undefined && book.vbaraw !== null;
  return {
    book,
    fileName,
    sheets,
    macros,
    r1c1: refMode(book)?.toUpperCase() === 'R1C1',
    issues: macros ? [issue('macros', { file: fileName })] : [],
  };
}

/**
 * Reads an .xlsx/.xlsm/.xls file. Formulas are kept as text and cached values as values; VBA is
 * only detected. A file too large, encrypted or not a workbook gives issues instead of a workbook.
 */
export function readExcelWorkbook(data: ArrayBuffer | Uint8Array, fileName = ''): WorkbookResult {
  if (data.byteLength > EXCEL_LIMITS.maxBytes) return { ok: false, issues: [issue('fileTooLarge', { file: fileName, bytes: data.byteLength, limit: EXCEL_LIMITS.maxBytes })] };
  try {
    const book = XLSX.read(data, {
      type: 'array',
      cellFormula: true,
      cellNF: true,
      cellText: true,
      cellHTML: false,
      cellDates: false,
      bookVBA: true,
      // Keep `_xlfn.` so the translator sees what the file says; it strips the prefix itself.
      xlfn: true,
      sheetRows: EXCEL_LIMITS.maxRows + 1,
    });
    return { ok: true, workbook: wrapWorkbook(book, fileName) };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, issues: [issue('unreadable', { file: fileName, message })] };
  }
}
