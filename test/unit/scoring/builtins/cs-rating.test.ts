// Golden test: 客户服务考核评分表 (seed 001). Rating 1–5 scaled onto 20/20/15/20/25 points:
// 20-point items give 4 × rating, the 15-point item 3 × rating, the 25-point item 5 × rating.
// Grades: > 90 非常优秀, > 80 优秀, > 70 良好, > 60 一般, else 待提高.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { csRating } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

const IDS = ['knowledge', 'communication', 'responsiveness', 'attitude', 'problem_solving'] as const;

function ratings(personId: string, values: readonly number[]) {
  return entriesOf(personId, Object.fromEntries(IDS.map((id, i) => [`${id}_rating`, values[i] ?? null])));
}

describe('客户服务考核评分表', () => {
  const result = scorePeriod(csRating, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((id) => ({ id, name: id })),
    entries: [
      ...ratings('p1', [5, 5, 5, 5, 5]),
      ...ratings('p2', [5, 5, 5, 5, 3]),
      ...ratings('p3', [4, 5, 5, 5, 4]),
      ...ratings('p4', [3, 3, 3, 3, 3]),
      ...ratings('p5', [4, 3, 2, 3, 3]),
      ...ratings('p6', [4, 4, 4, 4, 4]),
      ...ratings('p7', [3, 3, 5, 4, 3]),
    ],
  });

  it('reads 91–100 as above 90', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { knowledge: 20, responsiveness: 15, problem_solving: 25 },
      total: 100,
      grade: '非常优秀',
      rank: 1,
    });
    expectPerson(personOf(result, 'p3'), {
      indicators: { knowledge: 16, problem_solving: 20 }, // 4/5×20; 4/5×25
      total: 91, // 16 + 20 + 15 + 20 + 20
      grade: '非常优秀', // 91 > 90
      rank: 2,
    });
    expectPerson(personOf(result, 'p2'), {
      indicators: { problem_solving: 15 }, // 3/5×25
      total: 90, // 20 + 20 + 15 + 20 + 15
      grade: '优秀', // 90 is in "81-90分", not > 90
      rank: 3,
    });
  });

  it('puts exactly 80 and 70 in the band below', () => {
    expectPerson(personOf(result, 'p6'), {
      indicators: { knowledge: 16, responsiveness: 12, problem_solving: 20 }, // 4×4; 3×4; 5×4
      total: 80, // 16 + 16 + 12 + 16 + 20
      grade: '良好', // 80 is in "71-80分"
      rank: 4,
    });
    expectPerson(personOf(result, 'p7'), {
      indicators: { knowledge: 12, responsiveness: 15, attitude: 16, problem_solving: 15 },
      total: 70, // 12 + 12 + 15 + 16 + 15
      grade: '一般', // 70 is in "61-70分"
      rank: 5,
    });
  });

  it('reads "60分以下" as 60 and below', () => {
    expectPerson(personOf(result, 'p5'), {
      indicators: { knowledge: 16, responsiveness: 6 }, // 4×4; 2×3
      total: 61, // 16 + 12 + 6 + 12 + 15
      grade: '一般', // 61 > 60
      rank: 6,
    });
    expectPerson(personOf(result, 'p4'), {
      total: 60, // 12 + 12 + 9 + 12 + 15
      grade: '待提高', // 60 is not > 60
      rank: 7,
    });
  });
});
