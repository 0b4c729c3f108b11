// Per person of a period: where their review stands and what they are paid by grade. The review
// page, the rating sheet's status column, the dashboard's budget check and the printed scorecard
// all read it this way, so they never disagree. Computes nothing the core does not: the status and
// the pay come from src/scoring/review.ts and src/scoring/pay.ts.
import { translate, type Locale } from '../../i18n/catalog';
import { coefficientFor, type CoefficientRow, effectiveGrade, performancePay, type PersonResult, reviewStatus, type ReviewStatus } from '../../scoring/index';
import type { CalibrationRecord, PayBaseRecord, PeriodSheetData, PersonRecord, ReviewRecord } from '../../store/index';

/** What the review and pay of a period need besides its sheet. */
export interface ReviewInputs {
  readonly reviews: readonly ReviewRecord[];
  readonly calibrations: readonly CalibrationRecord[];
  /** The template family's grade → coefficient table; null when none is set up. */
  readonly coefficients: readonly CoefficientRow[] | null;
  readonly bases: readonly PayBaseRecord[];
}

export const NO_REVIEW_INPUTS: ReviewInputs = { reviews: [], calibrations: [], coefficients: null, bases: [] };

export interface ReviewRow {
  readonly person: PersonRecord;
  readonly result: PersonResult;
  readonly review: ReviewRecord | undefined;
  /** null for people not assessed this period (on leave, temporary cover): they have no review. */
  readonly status: ReviewStatus | null;
  readonly calibration: CalibrationRecord | undefined;
  /** The grade that counts: calibrated, else computed. */
  readonly grade: string | null;
  readonly coefficient: number | null;
  readonly base: number | null;
  readonly pay: number | null;
}

/** People with anything entered for them in the period (or its weeks). */
export function ratedIds(data: PeriodSheetData): Set<string> {
  const rated = new Set<string>();
  for (const column of data.columns ?? []) for (const id of column.personIds) rated.add(id);
  if (!data.columns) for (const entry of data.input.entries) rated.add(entry.personId);
  for (const week of data.input.weeks ?? []) for (const entry of week.entries) rated.add(entry.personId);
  return rated;
}

/** Lookups for one period: the status and pay of a person given their result. */
export function reviewLookup(inputs: ReviewInputs) {
  const reviews = new Map(inputs.reviews.map((review) => [review.personId, review]));
  const calibrations = new Map(inputs.calibrations.map((calibration) => [calibration.personId, calibration]));
  const bases = new Map(inputs.bases.map((base) => [base.personId, base.amount]));
  return {
    review: (personId: string) => reviews.get(personId),
    /** 待评分 until the person is graded with values entered; null when not assessed at all. */
    status(personId: string, assessed: boolean, scored: boolean): ReviewStatus | null {
      return assessed ? reviewStatus(reviews.get(personId), scored) : null;
    },
    calibration: (personId: string) => calibrations.get(personId),
    grade(personId: string, computed: string | null): string | null {
      // A calibration counts only for someone with a computed grade (assessed, with a total).
      return computed === null ? null : effectiveGrade(computed, calibrations.get(personId)?.grade);
    },
    coefficient: (grade: string | null) => (inputs.coefficients ? coefficientFor(inputs.coefficients, grade) : null),
    base: (personId: string) => bases.get(personId) ?? null,
    hasPay: inputs.coefficients !== null,
  };
}

export type ReviewLookup = ReturnType<typeof reviewLookup>;

export function reviewRows(data: PeriodSheetData, results: readonly PersonResult[], inputs: ReviewInputs): ReviewRow[] {
  const lookup = reviewLookup(inputs);
  const rated = ratedIds(data);
  return data.people.map((person, i) => {
    const result = results[i]!;
    const assessed = result.status === 'active';
    const grade = lookup.grade(person.id, result.grade);
    const coefficient = lookup.coefficient(grade);
    const base = lookup.base(person.id);
    return {
      person,
      result,
      review: lookup.review(person.id),
      status: lookup.status(person.id, assessed, assessed && result.grade !== null && rated.has(person.id)),
      calibration: result.grade === null ? undefined : lookup.calibration(person.id),
      grade,
      coefficient,
      base,
      pay: performancePay(base, coefficient),
    };
  });
}

export function statusText(status: ReviewStatus | null, locale: Locale): string {
  return status === null ? translate(locale, 'review.status.none') : translate(locale, `review.status.${status}`);
}

/** Money as HR reads it: two decimals, grouped (9,600.00). */
export function moneyText(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function coefficientText(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return value.toLocaleString(locale, { maximumFractionDigits: 4, useGrouping: false });
}
