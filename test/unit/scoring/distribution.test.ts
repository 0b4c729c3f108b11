import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../src/scoring/index';
import {
  assessedTotals,
  fullScore,
  gradeDistribution,
  heatColumns,
  heatRow,
  rankingOrder,
  scoreHistogram,
  sectionAverages,
  tiedRanks,
} from '../../../src/scoring/distribution';
import type { GradeBand, Template } from '../../../src/scoring/model';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import { entries, indicator, input, people, templateOf } from './fixtures';

const GRADES: GradeBand[] = [
  { label: 'A', min: 90, minInclusive: true },
  { label: 'B', min: 70, minInclusive: true },
  { label: 'C', min: null, minInclusive: true, failing: true },
];

/** Two sections: 业绩 (sum of two direct items, 60 + 40) and 行为 (one direct item of 100, weighted). */
function twoSections(): Template {
  const base = templateOf([], []);
  return {
    ...base,
    sections: [
      { id: 'work', name: '业绩', combine: 'sum', indicators: [indicator('sales', '销售', 60, { kind: 'direct' }), indicator('visits', '回访', 40, { kind: 'direct' })] },
      { id: 'conduct', name: '行为', combine: 'sum', indicators: [indicator('attitude', '态度', 100, { kind: 'direct' })] },
    ],
    total: { kind: 'sum', outOf: 100 },
    grades: GRADES,
  };
}

describe('grade distribution', () => {
  it('counts each band in template order, shares of the graded people only', () => {
    const result = gradeDistribution(GRADES, ['A', 'B', 'B', null, 'C', 'B', null]);
    expect(result.bands).toEqual([
      { label: 'A', count: 1, share: 0.2 },
      { label: 'B', count: 3, share: 0.6 },
      { label: 'C', count: 1, share: 0.2 },
    ]);
    expect(result.graded).toBe(5);
    expect(result.ungraded).toBe(2);
  });

  it('a grade that is not a band counts as ungraded; nobody graded gives zero shares', () => {
    expect(gradeDistribution(GRADES, ['X']).ungraded).toBe(1);
    expect(gradeDistribution(GRADES, []).bands.map((b) => b.share)).toEqual([0, 0, 0]);
  });

  it('matches the grades scorePeriod gives the example sheet', () => {
    const template = templateOf([input('x', '分数')], [indicator('k', '得分', 100, { kind: 'direct', input: '分数' })], { grades: GRADES });
    const scored = scorePeriod(template, {
      people: [...people('a', 'b', 'c', 'd'), { id: 't', name: 't', status: 'temporary' }],
      entries: entries({ a: { x: 95 }, b: { x: 90 }, c: { x: 89.5 }, d: { x: 10 }, t: { x: 99 } }),
    });
    const result = gradeDistribution(GRADES, scored.people.map((p) => p.grade));
    expect(result.bands.map((b) => b.count)).toEqual([2, 1, 1]);
    expect(result.ungraded).toBe(1); // the temporary cover is ranked, not graded
  });
});

describe('score histogram', () => {
  it('bins of 10 from 0 to the full score; the top edge falls in the last bin', () => {
    const bins = scoreHistogram([0, 9.99, 10, 55, 100, 89.99999999999999], 10, 100);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, includesTo: false, count: 2 });
    expect(bins[1]!.count).toBe(1);
    expect(bins[5]!.count).toBe(1);
    // 89.99999999999999 rounds to 90 at 15 digits: it is a 90, as Excel shows it.
    expect(bins[9]).toEqual({ from: 90, to: 100, includesTo: true, count: 2 });
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(6);
  });

  it('widens for negative totals and totals above the full score (bonus points)', () => {
    const bins = scoreHistogram([-3, 104], 10, 100);
    expect(bins[0]!.from).toBe(-10);
    expect(bins.at(-1)!.to).toBe(110);
    expect(bins.filter((b) => b.count > 0).map((b) => [b.from, b.count])).toEqual([
      [-10, 1],
      [100, 1],
    ]);
  });

  it('assessed totals leave out temporary, leave and error totals', () => {
    const person = (status: 'active' | 'temporary' | 'leave', total: number | null) => ({ personId: 'x', status, total, grade: null, rank: null, sections: {}, indicators: {} });
    expect(assessedTotals([person('active', 80), person('temporary', 90), person('leave', 70), person('active', null)])).toEqual([80]);
  });

  it('full score of the example template is 100, of a sum sheet rescaled to 100 also 100', () => {
    expect(fullScore(customerMonthly)).toBe(100);
    expect(fullScore(twoSections())).toBe(100);
  });
});

describe('section averages and heat map', () => {
  const template = twoSections();
  const scored = scorePeriod(template, {
    people: [...people('a', 'b'), { id: 'l', name: 'l', status: 'leave' }, { id: 't', name: 't', status: 'temporary' }],
    entries: entries({ a: { sales: 60, visits: 20, attitude: 90 }, b: { sales: 30, visits: 40, attitude: 50 }, l: { sales: 0, visits: 0, attitude: 0 }, t: { sales: 45, visits: 30, attitude: 70 } }),
  });

  it('averages each section over everyone but people on leave', () => {
    const averages = sectionAverages(template, scored.people);
    expect(averages).toEqual([
      { sectionId: 'work', name: '业绩', average: 75, max: 100, share: 0.75, count: 3 },
      { sectionId: 'conduct', name: '行为', average: 70, max: 100, share: 0.7, count: 3 },
    ]);
  });

  it('heat map cells are score ÷ max per indicator', () => {
    const columns = heatColumns(template);
    expect(columns.map((c) => [c.name, c.max])).toEqual([
      ['销售', 60],
      ['回访', 40],
      ['态度', 100],
    ]);
    const row = heatRow(columns, scored.people[0]!);
    expect(row.cells.map((c) => c.share)).toEqual([1, 0.5, 0.9]);
  });

  it('heat map leaves bonus items out and shows a missing score as null', () => {
    const withBonus = templateOf([], [indicator('k', '得分', 10, { kind: 'direct' }), indicator('extra', '加分', 5, { kind: 'bonus', min: -5, max: 5 }, { bonus: true })]);
    const columns = heatColumns(withBonus);
    expect(columns.map((c) => c.indicatorId)).toEqual(['k']);
    const row = heatRow(columns, { personId: 'x', status: 'active', total: null, grade: null, rank: null, sections: {}, indicators: {} });
    expect(row.cells).toEqual([{ score: null, share: null }]);
  });
});

describe('ranking', () => {
  it('orders by rank, keeps the sheet order inside a tie, puts the unranked last', () => {
    const rows = [
      { id: 'a', rank: 3 },
      { id: 'b', rank: null },
      { id: 'c', rank: 1 },
      { id: 'd', rank: 1 },
      { id: 'e', rank: 2 },
    ];
    expect(rankingOrder(rows).map((r) => r.id)).toEqual(['c', 'd', 'e', 'a', 'b']);
    expect([...tiedRanks(rows)]).toEqual([1]);
  });

  it('ties follow the template: competition gives 1,1,3 and dense gives 1,1,2', () => {
    const base = templateOf([input('x', '分数')], [indicator('k', '得分', 100, { kind: 'direct', input: '分数' })]);
    const input_ = { people: people('a', 'b', 'c'), entries: entries({ a: { x: 90 }, b: { x: 90 }, c: { x: 80 } }) };
    expect(rankingOrder(scorePeriod(base, input_).people).map((p) => p.rank)).toEqual([1, 1, 3]);
    expect(rankingOrder(scorePeriod({ ...base, rankTies: 'dense' }, input_).people).map((p) => p.rank)).toEqual([1, 1, 2]);
  });
});
