// Golden test: 客服经理绩效考核表 (seed 000). Sub-items 0–100 (entered under the indicator id),
// each area = average of its sub-items, total = 0.4 × 服务质量 + 0.3 × 团队管理 + 0.2 × 绩效达成 + 0.1 × 个人发展.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { csManagerWeighted } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

function scores(personId: string, s: readonly [number, number, number], t: readonly [number, number, number], d: readonly [number, number, number], learning: number) {
  return entriesOf(personId, {
    satisfaction: s[0],
    resolution: s[1],
    quality_review: s[2],
    recruiting: t[0],
    goals: t[1],
    performance_mgmt: t[2],
    personal_goals: d[0],
    improvement: d[1],
    incentives: d[2],
    learning,
  });
}

describe('客服经理绩效考核表', () => {
  const result = scorePeriod(csManagerWeighted, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...scores('p1', [90, 80, 70], [100, 90, 80], [60, 70, 80], 100),
      ...scores('p2', [100, 100, 100], [100, 100, 100], [100, 100, 100], 100),
      ...scores('p3', [90, 90, 90], [90, 90, 90], [90, 90, 90], 90),
      ...scores('p4', [50, 60, 70], [60, 60, 60], [55, 65, 60], 60),
      ...scores('p5', [100, 0, 50], [40, 50, 60], [70, 80, 90], 0),
    ],
  });

  it('averages each area and weights the areas', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { satisfaction: 90, resolution: 80, learning: 100 }, // direct
      sections: {
        service_quality: 80, // (90 + 80 + 70) / 3
        team_management: 90, // (100 + 90 + 80) / 3
        delivery: 70, // (60 + 70 + 80) / 3
        development: 100, // 100 / 1
      },
      total: 83, // 0.4×80 + 0.3×90 + 0.2×70 + 0.1×100 = 32 + 27 + 14 + 10
      grade: '良好', // 70 ≤ 83 < 90
      rank: 3,
    });
    expectPerson(personOf(result, 'p2'), {
      sections: { service_quality: 100, team_management: 100, delivery: 100, development: 100 },
      total: 100, // 40 + 30 + 20 + 10
      grade: '优秀',
      rank: 1,
    });
  });

  it('grades the 90 and 60 edges inclusively', () => {
    expectPerson(personOf(result, 'p3'), {
      sections: { service_quality: 90, team_management: 90, delivery: 90, development: 90 },
      total: 90, // 0.4×90 + 0.3×90 + 0.2×90 + 0.1×90 = 36 + 27 + 18 + 9
      grade: '优秀', // 90 ≥ 90
      rank: 2,
    });
    expectPerson(personOf(result, 'p4'), {
      sections: {
        service_quality: 60, // (50 + 60 + 70) / 3
        team_management: 60, // (60 + 60 + 60) / 3
        delivery: 60, // (55 + 65 + 60) / 3
        development: 60,
      },
      total: 60, // 24 + 18 + 12 + 6
      grade: '合格', // 60 ≥ 60
      rank: 4,
    });
  });

  it('lets a zero drag its area down', () => {
    expectPerson(personOf(result, 'p5'), {
      indicators: { resolution: 0, learning: 0 },
      sections: {
        service_quality: 50, // (100 + 0 + 50) / 3
        team_management: 50, // (40 + 50 + 60) / 3
        delivery: 80, // (70 + 80 + 90) / 3
        development: 0,
      },
      total: 51, // 0.4×50 + 0.3×50 + 0.2×80 + 0.1×0 = 20 + 15 + 16 + 0
      grade: '不合格', // 51 < 60
      rank: 5,
    });
  });
});
