// Why a cell, a formula or a file could not be turned into part of a template, as data: a code
// (message key `excel.issue.<code>`) and the values the message needs. The UI translates them.
import type { MessageParams } from '../../i18n/catalog';

export const ISSUE_CODES = [
  /** The formula text does not parse as Excel. */
  'syntax',
  /** A function Kaohe does not have (its name is in `params.name`). */
  'unsupportedFunction',
  /** A user-defined (VBA or add-in) function: a macro, never run. */
  'macroFunction',
  /** A reference into another workbook (`[1]Sheet1!A1`). */
  'externalLink',
  /** A table's structured reference (`Table1[金额]`, `[@金额]`). */
  'structuredReference',
  /** An array (CSE) or dynamic-array formula, or a spill reference (`A1#`). */
  'arrayFormula',
  /** A reference to a cell that is neither a mapped field nor a constant the template can hold. */
  'outsideTable',
  /** A reference to another person's row. */
  'otherPerson',
  /** A range of one person's cells where one value is needed. */
  'rangeUse',
  /** Union (`(A1,B1)`), intersection (`A1:B2 B1:C3`), 3-D (`Sheet1:Sheet3!A1`) or computed ranges. */
  'unsupportedOperator',
  /** A defined name the workbook does not define (or one that is not a plain reference). */
  'definedName',
  /** An error value Kaohe does not know (`#SPILL!`, `#CALC!`). */
  'unsupportedError',
  /** A function called with arguments Kaohe cannot translate (e.g. VLOOKUP on a table of people). */
  'unsupportedArguments',
  /** Longer or deeper than the import allows. */
  'tooLong',
  'tooDeep',
  /** Formulas of one column (or form row) differ between people; the first person's is used. */
  'inconsistentFormula',
  /** The workbook carries VBA macros: reported, never run. */
  'macros',
  /** A sheet larger than the import reads. */
  'sheetTooLarge',
  /** The file is larger than the import reads. */
  'fileTooLarge',
  /** The file is not a workbook SheetJS can read (or is encrypted). */
  'unreadable',
  /** The sheet named in the mapping is not in the workbook. */
  'noSheet',
  /** The grade is not computed from the total: kept as an extra output, not as grade bands. */
  'gradeNotOnTotal',
  /** A mapped cell holds an Excel error for a person. */
  'errorValue',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  readonly code: IssueCode;
  readonly params: MessageParams;
  /** Where: `考核表!D5` (sheet and A1 address), when the issue belongs to one cell. */
  readonly cell?: string;
}

/** The message key of an issue, for `t(issueMessageKey(found), found.params)`. */
export function issueMessageKey(found: Issue): `excel.issue.${IssueCode}` {
  return `excel.issue.${found.code}`;
}

export function issue(code: IssueCode, params: MessageParams = {}, cell?: string): Issue {
  return cell === undefined ? { code, params } : { code, params, cell };
}
