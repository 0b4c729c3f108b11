// Kaohe's own rating workbook, fed back to "New from Excel file": it carries the template it was
// exported from (a sheet of JSON and a hidden key), so the wizard can give that template back
// exactly instead of guessing it from the formulas (which cannot say every rater weight or band).
import type { WorkBook } from '@e965/xlsx';
import type { Template } from '../../scoring/model';
import { fileProblem } from '../problems';
import type { CellValue, RawTable } from '../table';
import { readTemplateSheet, readWorkbookMeta } from '../workbook-read';
import { META_SHEET } from '../workbook-meta';
import type { ReadWorkbook } from '../xlsx-read';
import { cellAt, extentOf } from './cells';

export interface OwnTemplate {
  readonly template: Template;
  /** The sheet of scores the template was exported with. */
  readonly sheet: string;
}

/** Column A of a sheet as the key and the template sheet store their (split) text. */
function firstColumn(book: WorkBook, sheet: string): RawTable | undefined {
  const worksheet = book.Sheets[sheet];
  if (!worksheet || !Object.hasOwn(book.Sheets, sheet)) return undefined;
  const rows: CellValue[][] = [];
  const { rows: count } = extentOf(worksheet);
  for (let row = 0; row < count; row++) {
    const value = cellAt(worksheet, row, 0)?.v;
    rows.push([typeof value === 'string' ? value : null]);
  }
  return { file: '', sheet, rows };
}

/** The template a workbook exported by Kaohe carries, when it is one and the template is valid. */
export function ownTemplate(book: WorkBook): OwnTemplate | undefined {
  if (!book.SheetNames.includes(META_SHEET)) return undefined;
  const workbook: ReadWorkbook = {
    file: '',
    sheetNames: book.SheetNames,
    allSheetNames: book.SheetNames,
    table: (sheet) => firstColumn(book, sheet) ?? fileProblem('sheetMissing', '', { sheet }),
  };
  const meta = readWorkbookMeta(workbook);
  if (!meta.ok || meta.meta.kind !== 'scores') return undefined;
  const restored = readTemplateSheet(workbook, meta.meta);
  if (!restored?.ok) return undefined;
  return { template: restored.value, sheet: meta.meta.sheet };
}
