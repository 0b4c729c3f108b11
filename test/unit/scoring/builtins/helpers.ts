// Shared helpers for the built-in templates' golden tests.
import { expect } from 'vitest';
import type { Scalar } from '../../../../src/formula/types';
import type { RaterRole } from '../../../../src/scoring/model';
import type { PeriodResult, PersonResult, ScoreValue, SheetEntry } from '../../../../src/scoring/sheet-types';

/** Entries of one person (and one rater role, optionally one named rater) from `{ key: value }`. */
export function entriesOf(
  personId: string,
  values: Readonly<Record<string, Scalar>>,
  role: RaterRole = 'supervisor',
  rater?: string,
): SheetEntry[] {
  return Object.entries(values).map(([key, value]) => ({ personId, key, role, value, ...(rater ? { rater } : {}) }));
}

export function personOf(result: PeriodResult, personId: string): PersonResult {
  const person = result.people.find((p) => p.personId === personId);
  if (!person) throw new Error(`no result for ${personId}`);
  return person;
}

/** A numeric score equal to `expected` to 9 decimals. */
export function expectNumber(value: ScoreValue | undefined, expected: number): void {
  expect(typeof value, `expected the number ${expected}, got ${JSON.stringify(value)}`).toBe('number');
  expect(value as number).toBeCloseTo(expected, 9);
}

/** Score of one indicator of one person. */
export function scoreOf(person: PersonResult, indicatorId: string): ScoreValue | undefined {
  return person.indicators[indicatorId]?.score;
}

/** The person's indicator scores, section scores, total, grade and rank at once. */
export function expectPerson(
  person: PersonResult,
  expected: {
    readonly indicators?: Readonly<Record<string, number>>;
    readonly sections?: Readonly<Record<string, number>>;
    readonly bonus?: number;
    readonly total: number;
    readonly grade: string | null;
    readonly rank: number | null;
  },
): void {
  for (const [id, score] of Object.entries(expected.indicators ?? {})) {
    expect(person.indicators[id], `indicator ${id} of ${person.personId}`).toBeDefined();
    expectNumber(scoreOf(person, id), score);
  }
  for (const [id, score] of Object.entries(expected.sections ?? {})) expectNumber(person.sections[id], score);
  if (expected.bonus !== undefined) expectNumber(person.bonus, expected.bonus);
  expectNumber(person.total, expected.total);
  expect(person.grade).toBe(expected.grade);
  expect(person.rank).toBe(expected.rank);
}
