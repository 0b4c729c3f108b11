import { describe, expect, it } from 'vitest';
import { crossPeriodFlags, DEFAULT_CROSS_PERIOD_RULES, gradeLabels, orderSnapshots, personSeries, teamSeries, type PeriodSnapshot, type SnapshotPerson } from '../../../src/scoring/trends';
import type { GradeBand } from '../../../src/scoring/model';

const GRADES: GradeBand[] = [
  { label: '优秀', min: 90, minInclusive: true },
  { label: '合格', min: 60, minInclusive: true },
  { label: '不合格', min: null, minInclusive: true, failing: true },
];

function gradeOf(total: number): string {
  return GRADES.find((band) => band.min === null || total >= band.min)!.label;
}

/** A month with the given totals; ranks by total (competition). */
function month(key: string, totals: Record<string, number>, extra: SnapshotPerson[] = []): PeriodSnapshot {
  const people = Object.entries(totals).map(([personId, total]) => ({
    personId,
    status: 'active' as const,
    total,
    grade: gradeOf(total),
    rank: 1 + Object.values(totals).filter((other) => other > total).length,
  }));
  return { periodId: `m${key}`, key, grades: GRADES, people: [...people, ...extra] };
}

describe('series over periods', () => {
  const snapshots = [
    month('2026-10', { a: 95, b: 50, c: 70 }),
    month('2026-08', { a: 92, b: 55 }),
    month('2026-09', { a: 91, b: 58, c: 65 }, [{ personId: 't', status: 'leave', total: 0, grade: null, rank: null }]),
  ];

  it('orders periods oldest first', () => {
    expect(orderSnapshots(snapshots).map((s) => s.key)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it("one person's total, rank and grade per period; absent periods are marked", () => {
    expect(personSeries(snapshots, 'c')).toEqual([
      { periodId: 'm2026-08', key: '2026-08', present: false, total: null, rank: null, grade: null },
      { periodId: 'm2026-09', key: '2026-09', present: true, total: 65, rank: 2, grade: '合格' },
      { periodId: 'm2026-10', key: '2026-10', present: true, total: 70, rank: 2, grade: '合格' },
    ]);
  });

  it('team average leaves out people on leave; grade mix counts each label', () => {
    const series = teamSeries(snapshots);
    // Averages settle to 15 significant digits, as Excel keeps them.
    expect(series.map((p) => [p.key, p.average, p.counted])).toEqual([
      ['2026-08', 73.5, 2],
      ['2026-09', 71.3333333333333, 3],
      ['2026-10', 71.6666666666667, 3],
    ]);
    expect(series[0]!.mix).toEqual([
      { label: '优秀', count: 1 },
      { label: '合格', count: 0 },
      { label: '不合格', count: 1 },
    ]);
  });

  it('a team filter narrows the people', () => {
    expect(teamSeries(snapshots, (id) => id === 'a').map((p) => p.average)).toEqual([92, 91, 95]);
  });

  it('grade labels: the latest template first, then labels only older versions had', () => {
    const renamed: PeriodSnapshot = { periodId: 'old', key: '2026-07', grades: [{ label: '良', min: 60, minInclusive: true }, { label: '差', min: null, minInclusive: true }], people: [] };
    expect(gradeLabels([...snapshots, renamed])).toEqual(['优秀', '合格', '不合格', '良', '差']);
  });
});

describe('cross-period flags', () => {
  it('三个月排名第一 and 三个月不及格 hold at the latest month', () => {
    const snapshots = [month('2026-08', { a: 92, b: 55, c: 80 }), month('2026-09', { a: 91, b: 58, c: 95 }), month('2026-10', { a: 95, b: 50, c: 70 })];
    const flags = crossPeriodFlags(snapshots, DEFAULT_CROSS_PERIOD_RULES);
    expect(flags.map((f) => [f.personId, f.rule.kind])).toEqual([['b', 'consecutiveFailing']]);
    const four = [month('2026-07', { a: 99, b: 40 }), month('2026-08', { a: 92, b: 55 }), month('2026-09', { a: 98, b: 58 }), month('2026-10', { a: 95, b: 50 })];
    expect(crossPeriodFlags(four, DEFAULT_CROSS_PERIOD_RULES).map((f) => [f.personId, f.rule.kind, f.keys.length])).toEqual([
      ['a', 'consecutiveRank', 4],
      ['b', 'consecutiveFailing', 4],
    ]);
  });

  it('a missing month breaks the run: 连续 means calendar months, not rated periods', () => {
    const gap = [month('2026-06', { a: 99 }), month('2026-08', { a: 99 }), month('2026-09', { a: 99 })];
    expect(crossPeriodFlags(gap, DEFAULT_CROSS_PERIOD_RULES)).toEqual([]);
    const year = [month('2025-12', { a: 99 }), month('2026-01', { a: 99 }), month('2026-02', { a: 99 })];
    expect(crossPeriodFlags(year, DEFAULT_CROSS_PERIOD_RULES).map((f) => f.keys)).toEqual([['2025-12', '2026-01', '2026-02']]);
  });

  it('a tie for first counts as first; a template rule with another rank and length is honoured', () => {
    const tied = [month('2026-08', { a: 90, b: 90 }), month('2026-09', { a: 90, b: 90 })];
    const rule = { id: 'r', kind: 'consecutiveRank' as const, rank: 1, periods: 2, label: '连续2个月第一' };
    expect(crossPeriodFlags(tied, [rule]).map((f) => f.personId)).toEqual(['a', 'b']);
  });

  it('a temporary cover is neither first nor failing: they are ranked, but not 考核对象', () => {
    const temp = (key: string) => month(key, {}, [{ personId: 't', status: 'temporary', total: 10, grade: null, rank: 1 }]);
    const flags = crossPeriodFlags([temp('2026-08'), temp('2026-09'), temp('2026-10')], DEFAULT_CROSS_PERIOD_RULES);
    expect(flags).toEqual([]);
  });
});
