// Golden test: 餐厅服务员考核评分表 (seed 001). Each item: rating 1–10 scaled onto its full marks,
// score = rating / 10 × points. Order: 出勤率10 服务态度15 沟通能力15 应变能力15 团队合作10 工作效率15 知识掌握10 卫生和整洁10.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { restaurantWaiter } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

const IDS = ['attendance', 'attitude', 'communication', 'adaptability', 'teamwork', 'efficiency', 'knowledge', 'hygiene'] as const;

function ratings(personId: string, values: readonly number[]) {
  return entriesOf(personId, Object.fromEntries(IDS.map((id, i) => [`${id}_rating`, values[i] ?? null])));
}

describe('餐厅服务员考核评分表', () => {
  const result = scorePeriod(restaurantWaiter, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...ratings('p1', [10, 10, 10, 10, 10, 10, 10, 10]),
      ...ratings('p2', [1, 1, 1, 1, 1, 1, 1, 1]),
      ...ratings('p3', [9, 9, 9, 9, 9, 9, 9, 9]),
      ...ratings('p4', [8, 7, 7, 6, 8, 7, 6, 7]),
      ...ratings('p5', [10, 8, 9, 9, 9, 9, 9, 9]),
    ],
  });

  it('gives 100 for tens and 10 for ones', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { attendance: 10, attitude: 15 }, // 10/10×10; 10/10×15
      sections: { items: 100 }, // 10 + 15 + 15 + 15 + 10 + 15 + 10 + 10
      total: 100,
      grade: '优秀',
      rank: 1,
    });
    expectPerson(personOf(result, 'p2'), {
      indicators: { attendance: 1, attitude: 1.5 }, // 1/10×10; 1/10×15
      total: 10, // a tenth of 100
      grade: '不合格',
      rank: 5,
    });
  });

  it('grades exactly 90 as 优秀', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { attendance: 9, attitude: 13.5 }, // 9/10×10; 9/10×15
      total: 90, // 4 ten-point items × 9 + 4 fifteen-point items × 13.5 = 36 + 54
      grade: '优秀',
      rank: 2,
    });
  });

  it('closes the 89–90 and 69–70 gaps of the seed', () => {
    expectPerson(personOf(result, 'p5'), {
      indicators: { attendance: 10, attitude: 12 }, // 10/10×10; 8/10×15
      total: 89.5, // 10 + 12 + 13.5 + 13.5 + 9 + 13.5 + 9 + 9
      grade: '良好', // 70 ≤ 89.5 < 90 (the seed's "70-89分")
      rank: 3,
    });
    expectPerson(personOf(result, 'p4'), {
      indicators: {
        attendance: 8, // 8/10×10
        attitude: 10.5, // 7/10×15
        communication: 10.5, // 7/10×15
        adaptability: 9, // 6/10×15
        teamwork: 8, // 8/10×10
        efficiency: 10.5, // 7/10×15
        knowledge: 6, // 6/10×10
        hygiene: 7, // 7/10×10
      },
      total: 69.5, // 8 + 10.5 + 10.5 + 9 + 8 + 10.5 + 6 + 7
      grade: '合格', // 60 ≤ 69.5 < 70 (the seed's "60-69分")
      rank: 4,
    });
  });
});
