import { describe, expect, it } from 'vitest';
import { gradeLabels, personSeries, teamSeries } from '../../../src/scoring/trends';
import { orderOutcomes, type PeriodOutcome, type PersonOutcome } from '../../../src/scoring/cross-period';
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
function month(key: string, totals: Record<string, number>, extra: PersonOutcome[] = []): PeriodOutcome {
  const people = Object.entries(totals).map(([personId, total]) => ({
    personId,
    status: 'active' as const,
    rated: true,
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
    month('2026-09', { a: 91, b: 58, c: 65 }, [
      { personId: 't', status: 'leave', rated: false, total: null, grade: null, rank: null },
      { personId: 'n', status: 'active', rated: false, total: null, grade: null, rank: null },
    ]),
  ];

  it('orders periods oldest first', () => {
    expect(orderOutcomes(snapshots).map((s) => s.key)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it("one person's total, rank and grade per period; absent periods are marked", () => {
    expect(personSeries(snapshots, 'c')).toEqual([
      { periodId: 'm2026-08', key: '2026-08', present: false, total: null, rank: null, grade: null },
      { periodId: 'm2026-09', key: '2026-09', present: true, total: 65, rank: 2, grade: '合格' },
      { periodId: 'm2026-10', key: '2026-10', present: true, total: 70, rank: 2, grade: '合格' },
    ]);
  });

  it('team average leaves out people on leave and people not rated; grade mix counts each label', () => {
    const series = teamSeries(snapshots);
    // Averages are rounded to 15 significant digits, as Excel keeps them.
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
    const renamed: PeriodOutcome = { periodId: 'old', key: '2026-07', grades: [{ label: '良', min: 60, minInclusive: true }, { label: '差', min: null, minInclusive: true }], people: [] };
    expect(gradeLabels([...snapshots, renamed])).toEqual(['优秀', '合格', '不合格', '良', '差']);
  });
});
