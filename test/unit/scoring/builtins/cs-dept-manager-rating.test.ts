// Golden test: 客服部经理考核评分表 (seed 000). Each item: rating 1–5 scaled onto its points,
// score = rating / 5 × points (10-point items: 2 × rating; 5-point items: rating).
import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { BUILTIN_TEMPLATES, csDeptManagerRating } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

const ITEM_IDS = [
  'product_knowledge', 'system_tools', 'communication', // 专业知识与技能 10/10/10
  'response', 'attitude', 'feedback', // 客户满意度 10/10/10
  'assignment', 'cooperation', 'leadership', // 团队管理与协作 10/5/5
  'task_quality', 'efficiency', // 绩效与工作质量 5/5
  'learning', 'innovation', // 自我发展与创新 5/5
] as const;

function ratings(personId: string, values: readonly number[]) {
  return entriesOf(personId, Object.fromEntries(ITEM_IDS.map((id, i) => [`${id}_rating`, values[i] ?? null])));
}

describe('客服部经理考核评分表', () => {
  const result = scorePeriod(csDeptManagerRating, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...ratings('p1', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
      ...ratings('p2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      ...ratings('p3', [4, 4, 5, 4, 5, 4, 4, 4, 4, 5, 4, 3, 4]),
      ...ratings('p4', [5, 5, 4, 5, 4, 5, 5, 5, 4, 4, 5, 3, 3]),
      ...ratings('p5', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
    ],
  });

  it('is listed second', () => {
    expect(BUILTIN_TEMPLATES[1]).toBe(csDeptManagerRating);
  });

  it('gives full marks for 5 everywhere', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { product_knowledge: 10, cooperation: 5 }, // 5/5×10 = 10; 5/5×5 = 5
      sections: { knowledge: 30, satisfaction: 30, team: 20, performance: 10, growth: 10 },
      total: 100, // 30 + 30 + 20 + 10 + 10
      grade: '优秀',
      rank: 1,
    });
  });

  it('gives a fifth of the points for the lowest rating, 1', () => {
    expectPerson(personOf(result, 'p2'), {
      indicators: { product_knowledge: 2, cooperation: 1 }, // 1/5×10 = 2; 1/5×5 = 1
      sections: { knowledge: 6, satisfaction: 6, team: 4, performance: 2, growth: 2 }, // 2+2+2; 2+2+2; 2+1+1; 1+1; 1+1
      total: 20, // 6 + 6 + 4 + 2 + 2
      grade: '不合格', // 20 < 60
      rank: 5,
    });
  });

  it('scales mixed ratings', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { product_knowledge: 8, communication: 10, cooperation: 4, learning: 3 }, // 4/5×10; 5/5×10; 4/5×5; 3/5×5
      sections: {
        knowledge: 26, // 8 + 8 + 10
        satisfaction: 26, // 8 + 10 + 8
        team: 16, // 8 + 4 + 4
        performance: 9, // 5 + 4
        growth: 7, // 3 + 4
      },
      total: 84, // 26 + 26 + 16 + 9 + 7
      grade: '良好', // 70 ≤ 84 < 90
      rank: 3,
    });
  });

  it('grades exactly 90 as 优秀 and exactly 60 as 合格', () => {
    expectPerson(personOf(result, 'p4'), {
      sections: {
        knowledge: 28, // 10 + 10 + 8
        satisfaction: 28, // 10 + 8 + 10
        team: 19, // 10 + 5 + 4
        performance: 9, // 4 + 5
        growth: 6, // 3 + 3
      },
      total: 90, // 28 + 28 + 19 + 9 + 6
      grade: '优秀', // 90 ≥ 90
      rank: 2,
    });
    expectPerson(personOf(result, 'p5'), {
      sections: { knowledge: 18, satisfaction: 18, team: 12, performance: 6, growth: 6 }, // 6×3; 6×3; 6+3+3; 3+3; 3+3
      total: 60, // 18 + 18 + 12 + 6 + 6
      grade: '合格', // 60 ≥ 60
      rank: 4,
    });
  });
});
