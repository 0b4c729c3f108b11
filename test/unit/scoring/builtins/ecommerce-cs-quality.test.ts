// Golden test: 电商客服服务质量考核表 (seed 001). 客户问题解决率 = MIN(rate/90%, 1) × 10; three direct
// items 0–10; total out of 40; grades ≥ 30 优秀, ≥ 20 良好, ≥ 10 一般, else 不合格.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { ecommerceCsQuality } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

function sheet(personId: string, rate: number, timeliness: number, attitude: number, training: number) {
  return entriesOf(personId, { resolution_rate: rate, timeliness, attitude, training });
}

describe('电商客服服务质量考核表', () => {
  const result = scorePeriod(ecommerceCsQuality, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...sheet('p1', 0.95, 10, 10, 10),
      ...sheet('p2', 0.9, 8, 7, 5),
      ...sheet('p3', 0.45, 6, 5, 4),
      ...sheet('p4', 0.81, 0, 0.5, 0),
      ...sheet('p5', 0, 5, 3, 2),
    ],
  });

  it('gives full marks from 90% up', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { resolution: 10 }, // 95%/90% > 1 → capped → 10
      total: 40,
      grade: '优秀',
      rank: 1,
    });
    expectPerson(personOf(result, 'p2'), {
      indicators: { resolution: 10 }, // 90%/90% = 1 → 10
      total: 30, // 10 + 8 + 7 + 5
      grade: '优秀', // 30 ≥ 30
      rank: 2,
    });
  });

  it('scores below 90% proportionally', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { resolution: 5 }, // 45%/90% = 0.5 → 5
      total: 20, // 5 + 6 + 5 + 4
      grade: '良好', // 20 ≥ 20
      rank: 3,
    });
    expectPerson(personOf(result, 'p4'), {
      indicators: { resolution: 9 }, // 81%/90% = 0.9 → 9
      total: 9.5, // 9 + 0 + 0.5 + 0
      grade: '不合格', // 9.5 < 10
      rank: 5,
    });
    expectPerson(personOf(result, 'p5'), {
      indicators: { resolution: 0 }, // 0/90%
      total: 10, // 0 + 5 + 3 + 2
      grade: '一般', // 10 ≥ 10
      rank: 4,
    });
  });
});
