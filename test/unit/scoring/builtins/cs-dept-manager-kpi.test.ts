// Golden test: 客服部经理绩效考核表 (seed 000). Bands A–E (A=5 … E=1 of 5), weighted 30/20/20/30
// into 0–100: section = Σ wᵢ × pointsᵢ / 5 × 100, so A is worth 100 × w, B 80 × w, C 60 × w, D 40 × w, E 20 × w.
import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { builtinById, csDeptManagerKpi } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

const rates = (team: number, satisfaction: number, feedback: number, personal: number) => ({
  team_goal_rate: team,
  satisfaction_rate: satisfaction,
  good_feedback_rate: feedback,
  personal_goal_rate: personal,
});

describe('客服部经理绩效考核表', () => {
  const result = scorePeriod(csDeptManagerKpi, {
    people: [
      { id: 'p1', name: '甲' },
      { id: 'p2', name: '乙' },
      { id: 'p3', name: '丙' },
      { id: 'p4', name: '丁' },
      { id: 'p5', name: '戊' },
    ],
    entries: [
      ...entriesOf('p1', rates(1, 0.9, 0.91, 1.01)),
      ...entriesOf('p2', rates(0.9, 0.8, 0.7, 0.899)),
      ...entriesOf('p3', rates(0.8, 0.6, 0.59, 0.7)),
      ...entriesOf('p4', rates(0.69, 0.95, 0.8, 0.79)),
      ...entriesOf('p5', rates(0.5, 0.59, 0.6, 0.6)),
    ],
  });

  it('is the registered built-in', () => {
    expect(builtinById('builtin.cs-dept-manager-kpi')).toBe(csDeptManagerKpi);
  });

  it('reads 100% exactly as B, 90% satisfaction exactly as B, and just above as A', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: {
        team_goal: 4, // 100% is "90%至100%之间" (B), not "超过100%" → 4
        satisfaction: 4, // 90% is "80%至90%之间" (B, both ends), not "超过90%" → 4
        staff_feedback: 5, // 91% > 90% → A → 5
        personal_goal: 5, // 101% > 100% → A → 5
      },
      sections: { kpi: 90 }, // 0.3×4/5×100 + 0.2×4/5×100 + 0.2×5/5×100 + 0.3×5/5×100 = 24 + 16 + 20 + 30 = 90
      total: 90, // single section, total = section
      grade: 'A', // 90 ≥ 90 → A (weighted level 4.5 rounds half up to 5)
      rank: 1, // 90 > 70 > 54 > 42 > 24
    });
  });

  it('puts lower edges into the band above', () => {
    expectPerson(personOf(result, 'p2'), {
      indicators: {
        team_goal: 4, // 90% exactly → B (90% ≤ x ≤ 100%) → 4
        satisfaction: 4, // 80% exactly → B (80% ≤ x ≤ 90%) → 4
        staff_feedback: 3, // 70% exactly → C (70% ≤ x < 80%) → 3
        personal_goal: 3, // 89.9% → C (80% ≤ x < 90%) → 3
      },
      sections: { kpi: 70 }, // 0.3×80 + 0.2×80 + 0.2×60 + 0.3×60 = 24 + 16 + 12 + 18 = 70
      total: 70,
      grade: 'B', // 70 ≥ 70 → B
      rank: 2,
    });
  });

  it('scores D and E bands', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: {
        team_goal: 3, // 80% exactly → C → 3
        satisfaction: 2, // 60% exactly → D (60% ≤ x < 70%) → 2
        staff_feedback: 1, // 59% < 60% → E → 1
        personal_goal: 2, // 70% exactly → D (70% ≤ x < 80%) → 2
      },
      sections: { kpi: 42 }, // 0.3×60 + 0.2×40 + 0.2×20 + 0.3×40 = 18 + 8 + 4 + 12 = 42
      total: 42,
      grade: 'D', // 30 ≤ 42 < 50 → D
      rank: 4,
    });
    expectPerson(personOf(result, 'p4'), {
      indicators: {
        team_goal: 1, // 69% < 70% → E → 1
        satisfaction: 5, // 95% > 90% → A → 5
        staff_feedback: 4, // 80% exactly → B → 4
        personal_goal: 2, // 79% → D → 2
      },
      sections: { kpi: 54 }, // 0.3×20 + 0.2×100 + 0.2×80 + 0.3×40 = 6 + 20 + 16 + 12 = 54
      total: 54,
      grade: 'C', // 50 ≤ 54 < 70 → C
      rank: 3,
    });
    expectPerson(personOf(result, 'p5'), {
      indicators: {
        team_goal: 1, // 50% → E → 1
        satisfaction: 1, // 59% → E → 1
        staff_feedback: 2, // 60% → D → 2
        personal_goal: 1, // 60% < 70% → E → 1
      },
      sections: { kpi: 24 }, // 0.3×20 + 0.2×20 + 0.2×40 + 0.3×20 = 6 + 4 + 8 + 6 = 24
      total: 24,
      grade: 'E', // 24 < 30 → E
      rank: 5,
    });
  });
});
