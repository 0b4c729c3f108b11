// Golden test: 客户服务主管考核评分表 (seed 001). Items entered directly (0..points); the seed's items add
// up to 120, total = Σ sections × 100 / 120.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { csSupervisor } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

// 总体工作表现 10/10/10, 团队管理 10/10, 客户满意度 10/10, 业绩指标 10/10, 沟通能力 5/5, 领导能力 5/5, 自我提升 5/5
const IDS = [
  'organise_team', 'process_strategy', 'complaint_handling',
  'develop_members', 'team_climate',
  'survey', 'complaint_rate',
  'targets', 'service_metrics',
  'clear_communication', 'cross_department',
  'coach_motivate', 'decisions',
  'self_study', 'training',
] as const;

function points(personId: string, values: readonly number[]) {
  return entriesOf(personId, Object.fromEntries(IDS.map((id, i) => [id, values[i] ?? null])));
}

describe('客户服务主管考核评分表', () => {
  const result = scorePeriod(csSupervisor, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id })),
    entries: [
      ...points('p1', [10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5, 5, 5, 5, 5]),
      ...points('p2', [10, 10, 8, 9, 9, 10, 10, 9, 9, 5, 4, 4, 5, 3, 3]),
      ...points('p3', [7, 7, 7, 7, 7, 7, 7, 7, 7, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5]),
      ...points('p4', [6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 3, 3, 2, 3, 3]),
      ...points('p5', [6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 3, 3, 3, 3, 3]),
    ],
  });

  it('rescales full marks (120) to 100', () => {
    expectPerson(personOf(result, 'p1'), {
      sections: { overall: 30, team: 20, satisfaction: 20, results: 20, communication: 10, leadership: 10, self_improvement: 10 },
      total: 100, // 120 × 100 / 120
      grade: '优秀',
      rank: 1,
    });
  });

  it('grades 108 of 120 (= 90) as 优秀', () => {
    expectPerson(personOf(result, 'p2'), {
      indicators: { complaint_handling: 8, cross_department: 4 },
      sections: {
        overall: 28, // 10 + 10 + 8
        team: 18, // 9 + 9
        satisfaction: 20, // 10 + 10
        results: 18, // 9 + 9
        communication: 9, // 5 + 4
        leadership: 9, // 4 + 5
        self_improvement: 6, // 3 + 3
      },
      total: 90, // (28 + 18 + 20 + 18 + 9 + 9 + 6) = 108; 108 × 100 / 120 = 90
      grade: '优秀',
      rank: 2,
    });
  });

  it('grades 84 of 120 (= 70) as 良好', () => {
    expectPerson(personOf(result, 'p3'), {
      sections: { overall: 21, team: 14, satisfaction: 14, results: 14, communication: 7, leadership: 7, self_improvement: 7 },
      total: 70, // (21 + 14 + 14 + 14 + 7 + 7 + 7) = 84; 84 × 100 / 120 = 70
      grade: '良好',
      rank: 3,
    });
  });

  it('puts 71 of 120 below and 72 of 120 on the 60 line', () => {
    expectPerson(personOf(result, 'p4'), {
      sections: { overall: 18, team: 12, satisfaction: 12, results: 12, communication: 6, leadership: 5, self_improvement: 6 },
      total: 7100 / 120, // (18 + 12 + 12 + 12 + 6 + 5 + 6) = 71; 71 × 100 / 120 = 59.1666…
      grade: '不合格', // 59.17 < 60
      rank: 5,
    });
    expectPerson(personOf(result, 'p5'), {
      sections: { leadership: 6 }, // 3 + 3
      total: 60, // 72 × 100 / 120
      grade: '合格', // 60 ≥ 60
      rank: 4,
    });
  });
});
