// The mapping of a sheet onto a template: plain data the wizard shows and lets the user correct.
// `analyzeSheet` proposes one; `buildTemplate` turns one into a template.
import type { InputDef } from '../../scoring/model';

/**
 * What a mapped cell is to the template:
 * - `input`: a value entered per person (a formula column marked input becomes a derived input);
 * - `indicator`: an indicator's score (a formula, or points entered per person);
 * - `section`: a section's score (业绩考核 = SUM of its indicators);
 * - `total`, `grade`, `rank`: the total, the grade and the rank;
 * - `ignore`: not part of the template (notes, signatures, serial numbers).
 */
export type FieldRole = 'input' | 'indicator' | 'section' | 'total' | 'grade' | 'rank' | 'ignore';

/**
 * Where a field's cell is for each person: `row: 'person'` is the person's own row (one row per
 * person); a number is a fixed row (0-based) of the person's sheet (one form per person).
 */
export interface FieldPlace {
  readonly row: number | 'person';
  readonly col: number;
}

export interface MappedField {
  /** Stable key within the mapping: the column letters (`E`) or the cell (`G7`). */
  readonly key: string;
  readonly role: FieldRole;
  readonly at: FieldPlace;
  /** The name formulas and the template use; must be unique among fields that are not ignored. */
  readonly name: string;
  /** What the sheet says above or beside the cell (merged group header first), for the wizard. */
  readonly header: string;
  readonly inputType?: InputDef['type'];
  /** Indicators: the section they belong to (one of `ExcelMapping.sections`). */
  readonly section?: string;
  /** Indicators: weight (0.2 for 20%), max points, target and scoring text, when the sheet says them. */
  readonly weight?: number;
  readonly max?: number;
  readonly target?: string;
  readonly definition?: string;
}

/** Where one copy of a form sits on its sheet: rows and columns from the first copy. */
export interface FormOffset {
  readonly row: number;
  readonly col: number;
}

export type PeopleSpec =
  /** One row per person: the rows (0-based), where the name is and optionally an employee number. */
  | { readonly kind: 'rows'; readonly rows: readonly number[]; readonly nameColumn: number; readonly idColumn?: number }
  /**
   * One form per person on the mapped sheet: copies of the same form stacked down the sheet, or
   * side by side (a column per person or team, the names in the header). Field places are those of
   * the first copy; each copy is shifted by its offset. The name is at `nameCell` shifted likewise.
   */
  | { readonly kind: 'blocks'; readonly blocks: readonly FormOffset[]; readonly nameCell?: { readonly row: number; readonly col: number } }
  /** One sheet per person: the sheets (the mapped sheet first) and the cell holding the name. */
  | { readonly kind: 'sheets'; readonly sheets: readonly string[]; readonly nameCell?: { readonly row: number; readonly col: number } };

/**
 * How people are laid out: one row each (`rows`), one form each on the sheet (`form`), one sheet
 * each (`sheets`). The wizard lets the person choose; `analyzeSheet` proposes one.
 */
export type ExcelLayout = 'rows' | 'form' | 'sheets';
export const EXCEL_LAYOUTS: readonly ExcelLayout[] = ['rows', 'form', 'sheets'];

export interface ExcelMapping {
  readonly sheet: string;
  readonly layout: ExcelLayout;
  /** The row of column headers (0-based), for the wizard. */
  readonly headerRow: number;
  /** A title found above the table (客户考核评分表(月度)), used as the template's name. */
  readonly title?: string;
  readonly people: PeopleSpec;
  readonly fields: readonly MappedField[];
  /** Section names in order; every indicator names one of them. */
  readonly sections: readonly string[];
  /** Formula text uses R1C1 references (set when the workbook says so). */
  readonly r1c1?: boolean;
}

/** What the person chose in the wizard; anything left out is guessed. */
export interface AnalyzeChoice {
  readonly layout?: ExcelLayout;
  /** 0-based. */
  readonly headerRow?: number;
  /** One row per person: the column holding the names (0-based). */
  readonly nameColumn?: number;
}
