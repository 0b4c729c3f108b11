// Golden test: 客服考核标准 (seed 003): total = 0.7 × 工作容量 + 0.3 × 满意度,
// 工作容量 = MIN(完成/目标, 1) × 100, 满意度 = rate × 100.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { csCapacitySatisfaction } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

function sheet(personId: string, done: number, target: number, satisfaction: number) {
  return entriesOf(personId, { work_done: done, work_target: target, satisfaction_rate: satisfaction });
}

describe('客服考核标准', () => {
  const result = scorePeriod(csCapacitySatisfaction, {
    people: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: id })),
    entries: [sheet('p1', 500, 500, 0.9), sheet('p2', 600, 500, 0.5), sheet('p3', 300, 500, 0.8), sheet('p4', 400, 500, 1)].flat(),
  });

  it('weights capacity 70% and satisfaction 30%', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { capacity_score: 100, satisfaction_score: 90 }, // 500/500; 90%
      sections: { capacity: 100, satisfaction: 90 },
      total: 97, // 0.7×100 + 0.3×90 = 70 + 27
      grade: '优秀',
      rank: 1,
    });
    expectPerson(personOf(result, 'p2'), {
      indicators: { capacity_score: 100, satisfaction_score: 50 }, // 600/500 capped at 1; 50%
      total: 85, // 70 + 15
      grade: '良好',
      rank: 3,
    });
    expectPerson(personOf(result, 'p3'), {
      indicators: { capacity_score: 60, satisfaction_score: 80 }, // 300/500 = 0.6; 80%
      total: 66, // 0.7×60 + 0.3×80 = 42 + 24
      grade: '合格',
      rank: 4,
    });
    expectPerson(personOf(result, 'p4'), {
      indicators: { capacity_score: 80, satisfaction_score: 100 }, // 400/500 = 0.8; 100%
      total: 86, // 0.7×80 + 0.3×100 = 56 + 30
      grade: '良好',
      rank: 2,
    });
  });
});
