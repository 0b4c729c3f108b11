// What scoring a period takes in and gives back. Pure data; the store maps its records to these.
import type { ErrorValue, Scalar } from '../formula/types';
import type { Band, LevelRow, PersonStatus, RaterRole } from './model';
import type { EntryProblem } from './entry-values';

export interface SheetPerson {
  readonly id: string;
  readonly name: string;
  /** Default `active`. */
  readonly status?: PersonStatus;
}

/** One entered value: person × (input id or indicator id) × rater role (× rater name). */
export interface SheetEntry {
  readonly personId: string;
  /** Input id, or indicator id for indicators entered directly. */
  readonly key: string;
  readonly role: RaterRole;
  /** Optional rater name; several raters in one role are averaged. */
  readonly rater?: string;
  readonly value: Scalar;
}

/** Entries of one week, for indicators with `cadence: 'week'` rolled up into the month. */
export interface WeekEntries {
  /** ISO week key such as `2026-W45`. */
  readonly key: string;
  readonly entries: readonly SheetEntry[];
}

/** One column of entered values (input or indicator × role × rater): people and their values, in step. */
export interface EntryColumn {
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
  readonly personIds: readonly string[];
  readonly values: readonly (number | string | boolean)[];
}

export interface SheetInput {
  readonly people: readonly SheetPerson[];
  readonly entries: readonly SheetEntry[];
  /**
   * The same values as `entries`, column by column, when the caller has them so (the store does):
   * scoring reads these instead, with no object per value. When given, they must hold exactly the
   * values of `entries`.
   */
  readonly columns?: readonly EntryColumn[];
  /** The weeks of the period, oldest first (only for templates with weekly indicators). */
  readonly weeks?: readonly WeekEntries[];
}

export type ScoreValue = number | string | boolean | null | ErrorValue;

/** Why a score is what it is, as data; `describeExplanation` turns it into a sentence. */
export type Explanation =
  | { readonly kind: 'direct'; readonly value: ScoreValue }
  | { readonly kind: 'scale'; readonly value: ScoreValue; readonly low: number; readonly high: number; readonly max: number; readonly points: ScoreValue }
  | { readonly kind: 'levels'; readonly value: ScoreValue; readonly row: LevelRow | null; readonly points: ScoreValue }
  | { readonly kind: 'bands'; readonly value: ScoreValue; readonly band: Band | null; readonly points: ScoreValue }
  | {
      readonly kind: 'deduction';
      readonly start: number;
      readonly items: readonly { readonly name: string; readonly count: ScoreValue; readonly penalty: number }[];
      readonly floor: number;
      readonly points: ScoreValue;
    }
  | { readonly kind: 'ratio'; readonly actual: ScoreValue; readonly target: ScoreValue; readonly direction: 'higher' | 'lower'; readonly ratio: ScoreValue; readonly max: number; readonly points: ScoreValue }
  | { readonly kind: 'threshold'; readonly value: ScoreValue; readonly op: string; readonly threshold: number; readonly passed: boolean | null; readonly points: ScoreValue }
  | { readonly kind: 'rank'; readonly value: ScoreValue; readonly rank: number | null; readonly below: boolean; readonly reference: ScoreValue; readonly points: ScoreValue }
  | { readonly kind: 'relative'; readonly value: ScoreValue; readonly average: ScoreValue; readonly worse: boolean | null; readonly points: ScoreValue }
  | { readonly kind: 'bonus'; readonly value: ScoreValue; readonly min: number; readonly max: number; readonly points: ScoreValue }
  | { readonly kind: 'formula'; readonly formula: string; readonly inputs: readonly { readonly name: string; readonly value: ScoreValue }[]; readonly points: ScoreValue }
  /** Several raters: each role's score and weight. */
  | {
      readonly kind: 'roles';
      readonly parts: readonly { readonly role: RaterRole; readonly weight: number; readonly score: ScoreValue; readonly detail: Explanation }[];
      readonly missing: readonly RaterRole[];
      readonly points: ScoreValue;
    }
  /** Values entered that do not fit their input: they score nothing, and the score says why. */
  | { readonly kind: 'invalid'; readonly entries: readonly InvalidValue[] }
  /** Weekly indicator summed over the month's weeks. */
  | { readonly kind: 'weeks'; readonly parts: readonly { readonly week: string; readonly points: ScoreValue }[]; readonly points: ScoreValue };

/** A value entered for a person that does not fit its input (出色表现 7, not more than 5). */
export interface InvalidValue {
  /** Input id, or the indicator id of an indicator entered directly. */
  readonly key: string;
  /** The input's (or indicator's) name. */
  readonly name: string;
  readonly role: RaterRole;
  readonly value: ScoreValue;
  readonly problem: EntryProblem;
}

export interface IndicatorResult {
  readonly score: ScoreValue;
  /** Score per rater role, when the indicator has more than one role. */
  readonly byRole?: Partial<Record<RaterRole, ScoreValue>>;
  /** Roles with a weight but no entries for this person (reported, never silently zero). */
  readonly missingRoles: readonly RaterRole[];
  readonly explanation: Explanation;
}

export interface PersonResult {
  readonly personId: string;
  readonly status: PersonStatus;
  /**
   * False: nothing was entered for the person in the period (未评, not rated). Such a person has
   * no scores, total, grade or rank, and is left out of averages, distributions and calibration.
   */
  readonly rated: boolean;
  /**
   * Values entered that do not fit their input. They score nothing: the indicators reading them
   * and the total are incomplete (an error value), with no grade or rank.
   */
  readonly invalid: readonly InvalidValue[];
  /** By indicator id. */
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  /** By section id. */
  readonly sections: Readonly<Record<string, ScoreValue>>;
  /** Derived input values by input id (询单人数比). */
  readonly derived: Readonly<Record<string, ScoreValue>>;
  /** Sum of bonus/penalty indicators added outside the base. */
  readonly bonus: ScoreValue;
  readonly total: ScoreValue;
  /** `null` when not assessed (leave, temporary), not rated, or the total is an error. */
  readonly grade: string | null;
  /** `null` when not ranked (leave, not rated) or the total is an error. */
  readonly rank: number | null;
  /** Extra outputs by output id (公共提成). */
  readonly outputs: Readonly<Record<string, ScoreValue>>;
}

export interface PeriodResult {
  /** In the order of `SheetInput.people`. */
  readonly people: readonly PersonResult[];
}
