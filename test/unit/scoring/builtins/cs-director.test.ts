// Golden test: 客户服务总监绩效考核表 (seed 001). Ratio items: MIN(MAX(actual/target, 0), 1) × 100;
// section = 0.3 × 满意度 + 0.3 × 关怀计划 + 0.4 × 团队绩效 (all out of 100).
import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { csDirector } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

function sheet(personId: string, satGrowth: number, satTarget: number | null, custGrowth: number, custTarget: number, team: number) {
  return entriesOf(personId, {
    satisfaction_growth: satGrowth,
    satisfaction_target: satTarget,
    customer_growth: custGrowth,
    customer_target: custTarget,
    team_performance: team,
  });
}

describe('客户服务总监绩效考核表', () => {
  it('is a quarterly template', () => {
    expect(csDirector.periodKind).toBe('quarter');
  });

  const result = scorePeriod(csDirector, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...sheet('p1', 0.1, 0.1, 0.15, 0.1, 100),
      ...sheet('p2', 0.05, 0.1, 0.08, 0.1, 90),
      ...sheet('p3', -0.02, 0.1, 0.1, 0.1, 50),
      ...sheet('p4', 0.25, 0.25, 0.5, 0.5, 75),
      ...sheet('p5', 0.1, 0.1, 0, 0.1, 47.5),
    ],
  });

  it('gives 100 at the target growth and caps growth above it', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: {
        satisfaction: 100, // 10%/10% = 1 → 100
        customer_care: 100, // 15%/10% = 1.5 → capped at 1 → 100
        team_performance: 100,
      },
      sections: { kpi: 100 }, // 0.3×100 + 0.3×100 + 0.4×100
      total: 100,
      grade: '优秀',
      rank: 1,
    });
  });

  it('scores proportionally below the target', () => {
    expectPerson(personOf(result, 'p2'), {
      indicators: {
        satisfaction: 50, // 5%/10% = 0.5 → 50
        customer_care: 80, // 8%/10% = 0.8 → 80
        team_performance: 90,
      },
      total: 75, // 0.3×50 + 0.3×80 + 0.4×90 = 15 + 24 + 36
      grade: '良好', // 70 ≤ 75 < 90
      rank: 3,
    });
  });

  it('gives 0 for negative growth and grades the 90 and 50 edges inclusively', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: {
        satisfaction: 0, // −2%/10% = −0.2 → clamped to 0
        customer_care: 100, // 10%/10%
        team_performance: 50,
      },
      total: 50, // 0 + 30 + 20
      grade: '一般', // 50 ≥ 50
      rank: 4,
    });
    expectPerson(personOf(result, 'p4'), {
      indicators: { satisfaction: 100, customer_care: 100, team_performance: 75 }, // 25%/25%; 50%/50%
      total: 90, // 30 + 30 + 0.4×75 = 30 + 30 + 30
      grade: '优秀', // 90 ≥ 90
      rank: 2,
    });
    expectPerson(personOf(result, 'p5'), {
      indicators: { satisfaction: 100, customer_care: 0, team_performance: 47.5 }, // 0%/10% = 0
      total: 49, // 30 + 0 + 0.4×47.5 = 30 + 19
      grade: '不合格', // 49 < 50
      rank: 5,
    });
  });

  it('gives #DIV/0! for a blank target, and no grade or rank', () => {
    const alone = scorePeriod(csDirector, {
      people: [{ id: 'x', name: 'x' }],
      entries: sheet('x', 0.1, null, 0.1, 0.1, 80),
    });
    const x = personOf(alone, 'x');
    expect(x.indicators['satisfaction']?.score).toMatchObject({ type: 'error', code: '#DIV/0!' }); // 10%/blank = 10%/0
    expect(x.total).toMatchObject({ type: 'error', code: '#DIV/0!' });
    expect(x.grade).toBeNull();
    expect(x.rank).toBeNull();
  });
});
