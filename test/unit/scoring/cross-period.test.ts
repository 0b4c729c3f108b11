// Cross-period flags (seed 003: 连续3个月排名第一 / 连续3个月不及格): one engine over period
// outcomes, for the rating sheet and the dashboard alike.
import { describe, expect, it } from 'vitest';
import {
  crossPeriodFlags,
  crossPeriodRules,
  DEFAULT_CROSS_PERIOD_RULES,
  periodOutcome,
  type PeriodOutcome,
  type PersonOutcome,
} from '../../../src/scoring/cross-period';
import { csWeeklyKpi } from '../../../src/scoring/builtins/cs-weekly-kpi';
import { scorePeriod } from '../../../src/scoring/score';
import type { GradeBand } from '../../../src/scoring/model';
import { entries, indicator, people, templateOf } from './fixtures';

const rules = csWeeklyKpi.crossPeriod!;
const grades = csWeeklyKpi.grades;
const failingGrade = grades.find((band) => band.failing)!.label;
const passingGrade = grades.find((band) => !band.failing)!.label;

function month(key: string, who: Record<string, Partial<PersonOutcome>>, bands: readonly GradeBand[] = grades): PeriodOutcome {
  return {
    periodId: `m${key}`,
    key,
    grades: bands,
    people: Object.entries(who).map(([personId, outcome]) => ({ personId, status: 'active', rated: true, total: 80, rank: null, grade: passingGrade, ...outcome })),
  };
}

const flagged = (flags: ReturnType<typeof crossPeriodFlags>) => flags.map((flag) => [flag.personId, flag.rule.id, flag.periods]);

describe('cross-period flags', () => {
  it('flags first place three months running, ending at the latest month', () => {
    const series = [
      month('2026-09', { a: { rank: 1 }, b: { rank: 2 } }),
      month('2026-10', { a: { rank: 1 }, b: { rank: 1 } }),
      month('2026-11', { a: { rank: 1 }, b: { rank: 1 } }),
    ];
    expect(flagged(crossPeriodFlags(series, rules))).toEqual([['a', 'top_three_months', ['2026-09', '2026-10', '2026-11']]]);
  });

  it('flags three failing months across a year boundary; the whole run is named when longer', () => {
    const series = [
      month('2026-10', { c: { grade: failingGrade } }),
      month('2026-11', { c: { grade: failingGrade } }),
      month('2026-12', { c: { grade: failingGrade } }),
      month('2027-01', { c: { grade: failingGrade } }),
    ];
    expect(flagged(crossPeriodFlags(series, rules))).toEqual([['c', 'failing_three_months', ['2026-10', '2026-11', '2026-12', '2027-01']]]);
    // Up to December only (the dashboard shows a chosen month and those before it).
    expect(flagged(crossPeriodFlags(series.slice(0, 2), rules))).toEqual([]);
  });

  it('a missing month breaks the streak: 连续 means calendar months', () => {
    const series = [month('2026-08', { a: { rank: 1 } }), month('2026-09', { a: { rank: 1 } }), month('2026-11', { a: { rank: 1 } })];
    expect(crossPeriodFlags(series, rules)).toEqual([]);
  });

  it('a month with nothing entered (未评), on leave or as temporary cover does not count', () => {
    for (const odd of [{ rated: false }, { status: 'leave' as const, rank: null, grade: null }, { status: 'temporary' as const, grade: null }]) {
      const series = [month('2026-09', { a: { rank: 1, grade: failingGrade } }), month('2026-10', { a: { rank: 1, grade: failingGrade, ...odd } }), month('2026-11', { a: { rank: 1, grade: failingGrade } })];
      expect(crossPeriodFlags(series, rules)).toEqual([]);
    }
  });

  it('each month is judged by its own template version’s failing grades', () => {
    const renamed: GradeBand[] = [{ label: '达标', min: 60, minInclusive: true }, { label: '未达标', min: null, minInclusive: true, failing: true }];
    const series = [month('2026-09', { a: { grade: failingGrade } }), month('2026-10', { a: { grade: '未达标' } }, renamed), month('2026-11', { a: { grade: failingGrade } })];
    expect(flagged(crossPeriodFlags(series, DEFAULT_CROSS_PERIOD_RULES))).toEqual([['a', 'default.failing', ['2026-09', '2026-10', '2026-11']]]);
  });

  it('a template without rules is judged by the two defaults; one with rules by its own', () => {
    expect(crossPeriodRules({ ...csWeeklyKpi, crossPeriod: [] })).toBe(DEFAULT_CROSS_PERIOD_RULES);
    expect(crossPeriodRules(csWeeklyKpi)).toBe(csWeeklyKpi.crossPeriod);
  });
});

describe('period outcomes from a scored sheet', () => {
  const template = templateOf([], [indicator('k', '得分', 100, { kind: 'direct' })]);

  it('a person with nothing entered is not rated and has no grade: never 连续3个月不及格', () => {
    const series = ['2026-09', '2026-10', '2026-11'].map((key) =>
      periodOutcome({ id: key, key }, scorePeriod(template, { people: people('a', 'blank'), entries: entries({ a: { k: 40 } }) }).sheet),
    );
    expect(series[0]!.people).toEqual([
      { personId: 'a', status: 'active', rated: true, total: 40, rank: 1, grade: '不合格' },
      { personId: 'blank', status: 'active', rated: false, total: null, rank: null, grade: null },
    ]);
    expect(flagged(crossPeriodFlags(series, DEFAULT_CROSS_PERIOD_RULES))).toEqual([
      ['a', 'default.first', ['2026-09', '2026-10', '2026-11']],
      ['a', 'default.failing', ['2026-09', '2026-10', '2026-11']],
    ]);
  });

  it('a calibrated grade counts instead of the computed one, only where there is a computed grade', () => {
    const sheet = scorePeriod(template, { people: people('a', 'blank'), entries: entries({ a: { k: 40 } }) }).sheet;
    const outcome = periodOutcome({ id: 'p', key: '2026-11' }, sheet, new Map([['a', '合格'], ['blank', '优秀']]));
    expect(outcome.people.map((p) => p.grade)).toEqual(['合格', null]);
  });
});
