// Golden test: 客户考核评分表(月度) (seed 001), the example workspace's template.
// Roles: 自评 self 0.3, 上级 supervisor 0.7; an indicator's score = Σ w × role score / Σ w over the roles
// that entered any of its inputs. 业绩 section = Σ wᵢ × scoreᵢ / maxᵢ × 100; 行为 section = Σ level points;
// total = 0.8 × 业绩 + 0.2 × 行为.
import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../../../src/formula/types';
import { scorePeriod } from '../../../../src/scoring/index';
import { customerMonthly, EXAMPLE_TEMPLATE } from '../../../../src/scoring/builtins';
import { entriesOf, expectNumber, expectPerson, personOf } from './helpers';

function results(v: {
  completion: number;
  info: number;
  referrals: number;
  visits: number;
  satisfaction: number;
  noResponse: boolean;
  unresolved: boolean;
  rateMissed: boolean;
  orphans: number;
}): Record<string, Scalar> {
  return {
    process_completion: v.completion,
    info_utilisation: v.info,
    new_referrals: v.referrals,
    key_account_visits: v.visits,
    satisfaction_score: v.satisfaction,
    complaint_no_response: v.noResponse,
    complaint_unresolved: v.unresolved,
    complaint_rate_missed: v.rateMissed,
    orphans_lost: v.orphans,
  };
}

function levels(focus: number, attentive: number, command: number, responsibility: number, professional: number): Record<string, Scalar> {
  return {
    customer_focus_level: focus,
    attentiveness_level: attentive,
    command_level: command,
    responsibility_level: responsibility,
    professionalism_level: professional,
  };
}

const ALL_MET = { noResponse: false, unresolved: false, rateMissed: false };

describe('客户考核评分表(月度)', () => {
  const result = scorePeriod(customerMonthly, {
    people: [
      { id: 'a', name: '张三' },
      { id: 'b', name: '李四' },
      { id: 'c', name: '王五' },
      { id: 'd', name: '赵六' },
      { id: 'e', name: '休假', status: 'leave' },
    ],
    entries: [
      // a: both roles rate everything.
      ...entriesOf('a', { ...results({ completion: 0.95, info: 0.9, referrals: 2, visits: 1, satisfaction: 92, ...ALL_MET, orphans: 0 }), ...levels(5, 5, 4, 4, 5) }, 'self'),
      ...entriesOf('a', { ...results({ completion: 0.9, info: 0.85, referrals: 0, visits: 0.9, satisfaction: 85, noResponse: true, unresolved: false, rateMissed: false, orphans: 1 }), ...levels(4, 4, 3, 4, 3) }, 'supervisor'),
      // b: no self-rating at all.
      ...entriesOf('b', { ...results({ completion: 0.899, info: 0.84, referrals: 1, visits: 1, satisfaction: 80, noResponse: true, unresolved: true, rateMissed: true, orphans: 0 }), ...levels(5, 5, 5, 5, 5) }, 'supervisor'),
      // c: top marks from both, except one self level.
      ...entriesOf('c', { ...results({ completion: 1, info: 0.95, referrals: 3, visits: 1, satisfaction: 90, ...ALL_MET, orphans: 0 }), ...levels(5, 5, 5, 5, 4) }, 'self'),
      ...entriesOf('c', { ...results({ completion: 1, info: 0.95, referrals: 3, visits: 1, satisfaction: 90, ...ALL_MET, orphans: 0 }), ...levels(5, 5, 5, 5, 5) }, 'supervisor'),
      // d: self rated only the behaviour levels; the supervisor rated everything.
      ...entriesOf('d', levels(4, 4, 4, 4, 4), 'self'),
      ...entriesOf('d', { ...results({ completion: 0.8, info: 0.9, referrals: 0, visits: 0.89, satisfaction: 84.9, noResponse: false, unresolved: true, rateMissed: false, orphans: 0 }), ...levels(3, 3, 3, 3, 3) }, 'supervisor'),
      // e: on leave; entries are ignored.
      ...entriesOf('e', { ...results({ completion: 1, info: 1, referrals: 9, visits: 1, satisfaction: 100, ...ALL_MET, orphans: 0 }), ...levels(5, 5, 5, 5, 5) }, 'supervisor'),
    ],
  });

  it('is the example workspace template', () => {
    expect(EXAMPLE_TEMPLATE).toBe(customerMonthly);
  });

  it('combines 自评 30% and 上级 70% per indicator', () => {
    const a = personOf(result, 'a');
    expectPerson(a, {
      indicators: {
        service_process: 20, // self 95% → 20, sup 90% exactly → 20; 0.3×20 + 0.7×20 = 20
        info_control: 13, // self 90% → 20, sup 85% exactly → 10; 0.3×20 + 0.7×10 = 6 + 7 = 13
        referrals: 3, // self 2 > 0 → 10, sup 0 → 0; 0.3×10 + 0.7×0 = 3
        key_accounts: 6.5, // self 100% → 10, sup 90% exactly → 5; 0.3×10 + 0.7×5 = 3 + 3.5 = 6.5
        satisfaction: 13, // self 92 → 20, sup 85 exactly → 10; 6 + 7 = 13
        complaints: 23, // self none unmet → 30, sup 1 unmet → 30 − 10 = 20; 0.3×30 + 0.7×20 = 9 + 14 = 23
        orphans: 1.5, // self 0 lost → 5, sup 1 lost → 0; 0.3×5 = 1.5
        customer_focus: 17.2, // self 5级 20, sup 4级 16; 6 + 11.2 = 17.2
        attentiveness: 17.2, // same as above
        command: 13.2, // self 4级 16, sup 3级 12; 4.8 + 8.4 = 13.2
        responsibility: 16, // 16 and 16
        professionalism: 14.4, // self 20, sup 12; 6 + 8.4 = 14.4
      },
      sections: {
        // 0.2×20/20×100 + 0.2×13/20×100 + 0.1×3/10×100 + 0.1×6.5/10×100 + 0.2×13/20×100 + 0.1×23/30×100 + 0.1×1.5/5×100
        // = 20 + 13 + 3 + 6.5 + 13 + 23/3 + 3 = 397/6 = 66.1666…
        results: 397 / 6,
        behaviour: 78, // 17.2 + 17.2 + 13.2 + 16 + 14.4
      },
      total: (0.8 * 397) / 6 + 0.2 * 78, // 52.9333… + 15.6 = 68.5333…
      grade: '合格', // 60 ≤ 68.53 < 70
      rank: 2, // 99.76 > 68.53 > 56 > 46.53
    });
    expect(a.indicators['service_process']?.missingRoles).toEqual([]);
  });

  it('uses the supervisor alone when the self-rating is missing', () => {
    const b = personOf(result, 'b');
    expectPerson(b, {
      indicators: {
        service_process: 10, // 89.9%: 85% ≤ x < 90% → 10
        info_control: 0, // 84%: the seed's 80–85% gap → 0
        referrals: 10, // 1 > 0 → 10
        key_accounts: 10, // 100% → 10
        satisfaction: 5, // 80 exactly → 5
        complaints: 0, // 30 − 10×3 = 0
        orphans: 5, // 0 lost → 5
        customer_focus: 20, // 5级
      },
      sections: {
        results: 45, // 0.2×10/20×100 + 0 + 0.1×10/10×100 + 0.1×10/10×100 + 0.2×5/20×100 + 0 + 0.1×5/5×100 = 10 + 0 + 10 + 10 + 5 + 0 + 10
        behaviour: 100, // 20 × 5
      },
      total: 56, // 0.8×45 + 0.2×100 = 36 + 20
      grade: '不合格', // 56 < 60
      rank: 3,
    });
    expect(b.indicators['service_process']?.missingRoles).toEqual(['self']);
    expect(b.indicators['customer_focus']?.missingRoles).toEqual(['self']);
  });

  it('gives 100 for the top bands and averages a differing level', () => {
    expectPerson(personOf(result, 'c'), {
      indicators: {
        service_process: 20, // 100% ≥ 90%
        info_control: 20, // 95% ≥ 90%
        satisfaction: 20, // 90 exactly → 20
        complaints: 30,
        orphans: 5,
        professionalism: 18.8, // self 4级 16, sup 5级 20; 0.3×16 + 0.7×20 = 4.8 + 14 = 18.8
      },
      sections: {
        results: 100, // every item at its max
        behaviour: 98.8, // 20 × 4 + 18.8
      },
      total: 99.76, // 0.8×100 + 0.2×98.8 = 80 + 19.76
      grade: '优秀',
      rank: 1,
    });
  });

  it('uses only the roles that rated an indicator', () => {
    const d = personOf(result, 'd');
    expectPerson(d, {
      indicators: {
        service_process: 0, // sup only: 80% is in the 80–85% gap → 0
        info_control: 20, // sup only: 90% → 20
        referrals: 0, // 0 → 0
        key_accounts: 0, // 89% < 90% → 0
        satisfaction: 5, // 84.9: 80 ≤ x < 85 → 5
        complaints: 20, // 30 − 10 (unresolved) = 20
        orphans: 5,
        customer_focus: 13.2, // self 4级 16, sup 3级 12: 0.3×16 + 0.7×12 = 4.8 + 8.4 = 13.2
        professionalism: 13.2,
      },
      sections: {
        results: 125 / 3, // 0 + 20 + 0 + 0 + 0.2×5/20×100 + 0.1×20/30×100 + 0.1×5/5×100 = 20 + 5 + 6.666… + 10 = 41.666…
        behaviour: 66, // 13.2 × 5
      },
      total: (0.8 * 125) / 3 + 0.2 * 66, // 33.333… + 13.2 = 46.5333…
      grade: '不合格',
      rank: 4,
    });
    expect(d.indicators['service_process']?.missingRoles).toEqual(['self']);
    expect(d.indicators['customer_focus']?.missingRoles).toEqual([]);
  });

  it('does not score people on leave', () => {
    const e = personOf(result, 'e');
    expect(e.status).toBe('leave');
    expect(e.total).toBeNull();
    expect(e.grade).toBeNull();
    expect(e.rank).toBeNull();
    expect(e.indicators['service_process']?.score ?? null).toBeNull();
    expectNumber(personOf(result, 'c').total, 99.76); // e's perfect sheet does not take first place
  });
});
