// How many people a period's figures count: assessed, temporary cover, on leave, not yet rated
// (未评), with an incomplete total, ranked, and their average total. One definition for the
// sheet's summary line and the dashboard's, so "参与排名 12 人 · 平均总分 27.1" can never count
// people nobody has rated.
import type { PersonStatus } from './model';
import type { ScoreValue } from './sheet-types';
import type { Sheet } from './sheet';
import { isError } from '../formula/index';
import { toExcelPrecision } from './composite';

/** What the counts read of a person (a `PersonResult` or a `PersonOutcome` is one). */
export interface CountedPerson {
  readonly status: PersonStatus;
  readonly rated: boolean;
  readonly total: ScoreValue;
  readonly rank: number | null;
}

export interface PeriodCounts {
  readonly people: number;
  readonly assessed: number;
  readonly temporary: number;
  readonly leave: number;
  /** Assessed or temporary cover, with nothing entered yet. */
  readonly unrated: number;
  /** Rated, but the total is an error (a value that does not fit, a formula error): no grade, no rank. */
  readonly incomplete: number;
  readonly ranked: number;
  /** Mean total of the assessed people who have one; null when nobody has. */
  readonly average: number | null;
  /** People the average is of. */
  readonly averaged: number;
}

export function periodCounts(people: readonly CountedPerson[]): PeriodCounts {
  let assessed = 0;
  let temporary = 0;
  let leave = 0;
  let unrated = 0;
  let incomplete = 0;
  let ranked = 0;
  let sum = 0;
  let averaged = 0;
  for (const person of people) {
    if (person.status === 'leave') {
      leave += 1;
      continue;
    }
    if (person.status === 'active') assessed += 1;
    else temporary += 1;
    if (!person.rated) unrated += 1;
    else if (isError(person.total)) incomplete += 1;
    if (person.rank !== null) ranked += 1;
    if (person.status === 'active' && person.rated && typeof person.total === 'number') {
      sum += person.total;
      averaged += 1;
    }
  }
  return { people: people.length, assessed, temporary, leave, unrated, incomplete, ranked, average: averaged === 0 ? null : toExcelPrecision(sum / averaged), averaged };
}

/** The counts of a scored sheet, read straight from its columns (a 10,000-person sheet per keystroke). */
export function sheetCounts(sheet: Sheet): PeriodCounts {
  const { compiled } = sheet;
  const totals = sheet.columns[compiled.totalSlot]!;
  const ranks = sheet.columns[compiled.rankSlot]!;
  return periodCounts(
    sheet.people.map((person): CountedPerson => {
      const status = sheet.statusOf(person.id);
      const row = sheet.rowOf.get(person.id) ?? -1;
      if (row < 0) return { status, rated: false, total: null, rank: null };
      const total = totals[row];
      const rank = ranks[row];
      return { status, rated: sheet.isRated(row), total: total === undefined || (typeof total === 'object' && total !== null && !isError(total)) ? null : total, rank: typeof rank === 'number' ? rank : null };
    }),
  );
}
