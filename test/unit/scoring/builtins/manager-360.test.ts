// Golden test: 三级经理测评 (seed 002). 业绩评价 items rated by the company (supervisor) only; 360° items by
// 公司领导 supervisor 0.5, 平级 peer 0.25, 下级 subordinate 0.25 — raters within a role averaged first,
// roles without entries left out and the rest renormalised. Areas average their items;
// total = 0.6 × 业绩评价 + 0.4 × 360°测评.
import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { manager360 } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

describe('三级经理测评', () => {
  const result = scorePeriod(manager360, {
    people: ['p1', 'p2', 'p3'].map((id) => ({ id, name: id })),
    entries: [
      // p1
      ...entriesOf('p1', { kpi: 90, management: 80, culture: 90, teamwork: 80, service: 70, management_ability: 100 }, 'supervisor', '总经理'),
      ...entriesOf('p1', { culture: 80, teamwork: 80 }, 'peer', '平级甲'),
      ...entriesOf('p1', { culture: 70 }, 'peer', '平级乙'),
      ...entriesOf('p1', { culture: 60, teamwork: 100, service: 90 }, 'subordinate', '下级甲'),
      ...entriesOf('p1', { service: 80 }, 'subordinate', '下级乙'),
      // p2
      ...entriesOf('p2', { kpi: 100, management: 100, culture: 90, teamwork: 90, service: 90, management_ability: 90 }, 'supervisor'),
      ...entriesOf('p2', { culture: 90, teamwork: 90, service: 90, management_ability: 90 }, 'peer'),
      ...entriesOf('p2', { culture: 90, teamwork: 90, service: 90, management_ability: 90 }, 'subordinate'),
      // p3 — a peer also "rates" the KPI, which only the company rates: ignored.
      ...entriesOf('p3', { kpi: 60, management: 50, culture: 60, teamwork: 50, service: 60, management_ability: 65 }, 'supervisor'),
      ...entriesOf('p3', { kpi: 100, culture: 60, teamwork: 70, service: 60, management_ability: 65 }, 'peer'),
      ...entriesOf('p3', { culture: 40, teamwork: 70, service: 60, management_ability: 65 }, 'subordinate'),
    ],
  });

  it('weights roles, averages raters and renormalises missing roles', () => {
    const p1 = personOf(result, 'p1');
    expectPerson(p1, {
      indicators: {
        kpi: 90,
        management: 80,
        culture: 78.75, // 0.5×90 + 0.25×(80+70)/2 + 0.25×60 = 45 + 18.75 + 15
        teamwork: 85, // 0.5×80 + 0.25×80 + 0.25×100 = 40 + 20 + 25
        service: 75, // no peer: (0.5×70 + 0.25×(90+80)/2) / 0.75 = (35 + 21.25) / 0.75
        management_ability: 100, // supervisor only: 100
      },
      sections: {
        results: 85, // (90 + 80) / 2
        review: 84.6875, // (78.75 + 85 + 75 + 100) / 4 = 338.75 / 4
      },
      total: 84.875, // 0.6×85 + 0.4×84.6875 = 51 + 33.875
      grade: '良好',
      rank: 2,
    });
    expect(p1.indicators['service']?.missingRoles).toEqual(['peer']);
    expect(p1.indicators['management_ability']?.missingRoles).toEqual(['peer', 'subordinate']);
    expect(p1.indicators['kpi']?.missingRoles).toEqual([]);
  });

  it('scores a unanimous 90 as 90', () => {
    expectPerson(personOf(result, 'p2'), {
      sections: { results: 100, review: 90 },
      total: 96, // 0.6×100 + 0.4×90 = 60 + 36
      grade: '优秀',
      rank: 1,
    });
  });

  it('takes the KPI from the company only', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: {
        kpi: 60, // the peer's 100 does not count
        culture: 55, // 0.5×60 + 0.25×60 + 0.25×40 = 30 + 15 + 10
        teamwork: 60, // 0.5×50 + 0.25×70 + 0.25×70 = 25 + 17.5 + 17.5
      },
      sections: {
        results: 55, // (60 + 50) / 2
        review: 60, // (55 + 60 + 60 + 65) / 4
      },
      total: 57, // 0.6×55 + 0.4×60 = 33 + 24
      grade: '不合格',
      rank: 3,
    });
  });
});
