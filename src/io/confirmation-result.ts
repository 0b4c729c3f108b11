// What a returned confirmation file gives, without reading files (the page imports this; the
// reading itself runs in the io worker): the result the sheet showed, and which answers to store.
import { effectiveGrade } from '../scoring/calibration';
import type { PersonResult } from '../scoring/sheet-types';
import type { IoProblem } from './problems';

/** The result a confirmation sheet showed: compared with the current one when it comes back. */
export interface ShownResult {
  readonly total: number | null;
  readonly grade: string | null;
}

export function shownResult(result: PersonResult, calibrated: string | undefined): ShownResult {
  return { total: typeof result.total === 'number' ? result.total : null, grade: result.grade === null ? null : effectiveGrade(result.grade, calibrated) };
}

export interface CellPlace {
  readonly row: number;
  readonly column: number;
}

export interface ConfirmationAnswerRead {
  readonly file: string;
  readonly sheet: string;
  readonly personId: string;
  readonly agree: boolean;
  readonly text: string;
  readonly by: string;
  readonly date: string;
  /** Where the 同意 / 不同意 cell is (for problems the store finds later). */
  readonly place: CellPlace;
}

export interface ConfirmationsRead {
  readonly answers: readonly ConfirmationAnswerRead[];
  readonly problems: readonly IoProblem[];
}

/** The answers to store: all of them when no file has an error, none otherwise. */
export function answersToApply(read: ConfirmationsRead): readonly ConfirmationAnswerRead[] | undefined {
  return read.answers.length > 0 && !read.problems.some((problem) => problem.severity === 'error') ? read.answers : undefined;
}
