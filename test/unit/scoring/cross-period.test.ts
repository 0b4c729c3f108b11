import { describe, expect, it } from 'vitest';
import { crossPeriodFlags, type PeriodOutcome, type PersonOutcome } from '../../../src/scoring/cross-period';
import { csWeeklyKpi } from '../../../src/scoring/builtins/cs-weekly-kpi';

const rules = csWeeklyKpi.crossPeriod!;
const grades = csWeeklyKpi.grades;
const failingGrade = grades.find((band) => band.failing)!.label;
const passingGrade = grades.find((band) => !band.failing)!.label;

function month(key: string, people: Record<string, Partial<PersonOutcome>>): PeriodOutcome {
  return {
    key,
    people: new Map(Object.entries(people).map(([id, outcome]) => [id, { status: 'active', rank: null, grade: passingGrade, ...outcome }])),
  };
}

describe('cross-period flags (seed 003: 连续3个月排名第一 / 连续3个月不及格)', () => {
  it('flags first place three months running, ending at the current month', () => {
    const series = [
      month('2026-09', { a: { rank: 1 }, b: { rank: 2 } }),
      month('2026-10', { a: { rank: 1 }, b: { rank: 1 } }),
      month('2026-11', { a: { rank: 1 }, b: { rank: 1 } }),
    ];
    const flags = crossPeriodFlags(rules, grades, series, '2026-11');
    expect(flags.get('a')).toEqual([{ ruleId: 'top_three_months', kind: 'consecutiveRank', label: rules[0]!.label, periods: ['2026-09', '2026-10', '2026-11'] }]);
    expect(flags.has('b')).toBe(false);
  });

  it('flags three failing months, across a year boundary', () => {
    const series = [
      month('2026-11', { c: { grade: failingGrade, rank: 9 } }),
      month('2026-12', { c: { grade: failingGrade, rank: 8 } }),
      month('2027-01', { c: { grade: failingGrade, rank: 9 } }),
    ];
    expect(crossPeriodFlags(rules, grades, series, '2027-01').get('c')?.map((f) => f.ruleId)).toEqual(['failing_three_months']);
    // Looking at December, only two failing months lead up to it.
    expect(crossPeriodFlags(rules, grades, series, '2026-12').has('c')).toBe(false);
  });

  it('a missing month breaks the streak', () => {
    const series = [month('2026-08', { a: { rank: 1 } }), month('2026-09', { a: { rank: 1 } }), month('2026-11', { a: { rank: 1 } })];
    expect(crossPeriodFlags(rules, grades, series, '2026-11').size).toBe(0);
  });

  it('a month with nothing entered for the person does not count (blanks all tie for first)', () => {
    const series = [month('2026-09', { a: { rank: 1, rated: false } }), month('2026-10', { a: { rank: 1 } }), month('2026-11', { a: { rank: 1 } })];
    expect(crossPeriodFlags(rules, grades, series, '2026-11').size).toBe(0);
  });

  it('a month on leave or as temporary cover does not count', () => {
    const onLeave = [month('2026-09', { a: { rank: 1 } }), month('2026-10', { a: { status: 'leave', rank: null, grade: null } }), month('2026-11', { a: { rank: 1 } })];
    expect(crossPeriodFlags(rules, grades, onLeave, '2026-11').size).toBe(0);
    const temporary = [month('2026-09', { a: { rank: 1 } }), month('2026-10', { a: { status: 'temporary', rank: 1, grade: null } }), month('2026-11', { a: { rank: 1 } })];
    expect(crossPeriodFlags(rules, grades, temporary, '2026-11').size).toBe(0);
  });
});
