// The messages of "New from Excel file" between the page and the io worker. The workbook (a
// SheetJS object) stays in the worker; the page holds a token naming it and gets plain data back.
import type { Problem } from '../scoring/validate';
import type { Template } from '../scoring/model';
import type { AnalyzeChoice, Difference, ExcelMapping, FieldRole, FormOffset, Issue, ReviewItem, SheetSummary } from './excel-template/index';
import type { CellValue } from './excel-template/same-value';
import type { IoProblem } from './problems';

/** Why a file, a sheet or a mapping gave nothing to show. */
export type ExcelRefusal =
  /** Not a workbook at all (no zip, no OLE header): a text file, a picture, a renamed document. */
  | { readonly kind: 'notWorkbook'; readonly file: string }
  /** Refused before reading: a zip bomb, a file that unpacks too large. */
  | { readonly kind: 'problem'; readonly problem: IoProblem }
  /** The import's own reasons (unreadable, too large, no such sheet …). */
  | { readonly kind: 'issues'; readonly issues: readonly Issue[] }
  /** The worker no longer holds the workbook (it was restarted): open it again. */
  | { readonly kind: 'closed' };

export type ExcelOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: ExcelRefusal };

export interface ExcelOpenRequest {
  /** Names this opening; later requests carry it so a restarted worker is noticed. */
  readonly token: string;
  readonly file: string;
  readonly bytes: ArrayBuffer;
}

export interface ExcelOpened {
  readonly file: string;
  readonly sheets: readonly SheetSummary[];
  readonly macros: boolean;
  /** Workbook-level findings (macros). */
  readonly issues: readonly Issue[];
  /** A rating workbook Kaohe exported: the template it carries, to take back as it is. */
  readonly own?: { readonly template: Template; readonly sheet: string };
}

/** One cell of the sheet preview: its shown text, its formula, and the block it spans when merged. */
export interface PreviewCell {
  readonly text: string;
  readonly formula?: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** The top rows of a sheet as a person sees them: merged cells once, with their spans. */
export interface SheetPreview {
  readonly sheet: string;
  /** Rows (0-based) from 0 to `rows.length - 1`; `null` where a merged cell covers the place. */
  readonly rows: readonly (readonly (PreviewCell | null)[])[];
  readonly cols: number;
  /** The sheet has more rows / columns than shown. */
  readonly moreRows: boolean;
  readonly moreCols: boolean;
}

/** A person the file holds: their row of the mapped sheet (one row per person) or their sheet (a form each). */
export interface ExcelPersonName {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  /** 0-based; -1 for a form per person. */
  readonly row: number;
  /** Forms on one sheet: where this person's copy is. */
  readonly offset: FormOffset;
}

export interface ExcelAnalyzeRequest {
  readonly token: string;
  readonly sheet: string;
  /** The layout, header row and name column the person chose; the rest is guessed. */
  readonly choice?: AnalyzeChoice;
}

export interface ExcelAnalyzed {
  readonly mapping: ExcelMapping;
  readonly preview: SheetPreview;
  readonly people: readonly ExcelPersonName[];
}

export interface ExcelBuildRequest {
  readonly token: string;
  readonly mapping: ExcelMapping;
}

/** A computed field of the comparison: an indicator, a section, the total, the grade … */
export interface ComparedColumn {
  readonly field: string;
  readonly name: string;
  readonly role: FieldRole;
}

export interface ComparedCell {
  readonly kaohe: CellValue;
  readonly excel: CellValue;
  readonly same: boolean;
}

export interface ComparedPerson {
  readonly id: string;
  readonly name: string;
  /** The person's cell of each column, in `columns` order. */
  readonly cells: readonly ComparedCell[];
}

/** Kaohe's scores beside Excel's cached values: every person × every computed field. */
export interface Comparison {
  readonly columns: readonly ComparedColumn[];
  readonly people: readonly ComparedPerson[];
  readonly compared: number;
  readonly differing: number;
  /** Every person and field where they differ, with the person's cell (`考核表!O5`). */
  readonly differences: readonly Difference[];
}

export interface ExcelBuilt {
  readonly template: Template;
  readonly review: readonly ReviewItem[];
  /** File and sheet findings (macros, error values, formulas that differ by person). */
  readonly issues: readonly Issue[];
  /** `validateTemplate` on the result. */
  readonly problems: readonly Problem[];
  readonly comparison: Comparison;
}
