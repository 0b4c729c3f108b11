// Golden test: 铭铉集团 客户服务部绩效考核指标评价标准 (seed 000). Deductions from each item's points,
// floored at 0; 超支档数 = INT(ROUND(MAX(0, 实际费用/预算费用 − 1)/5%, 9)), 1 point each.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
import { mingxuanCsDeptKpi } from '../../../../src/scoring/builtins';
import { entriesOf, expectNumber, expectPerson, personOf } from './helpers';

interface Counts {
  late: number;
  noSolution: number;
  delayDays: number;
  omissions: number;
  errors: number;
  actual: number;
  budget: number;
  latePlans: number;
  conduct: number;
}

function sheet(personId: string, c: Counts) {
  return entriesOf(personId, {
    late_feedback: c.late,
    no_solution: c.noSolution,
    service_delay_days: c.delayDays,
    report_omissions: c.omissions,
    report_errors: c.errors,
    actual_cost: c.actual,
    budget_cost: c.budget,
    late_plans: c.latePlans,
    conduct_rating: c.conduct,
  });
}

describe('客户服务部绩效考核指标评价标准', () => {
  const result = scorePeriod(mingxuanCsDeptKpi, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, name: id })),
    entries: [
      ...sheet('p1', { late: 0, noSolution: 0, delayDays: 0, omissions: 0, errors: 0, actual: 10000, budget: 10000, latePlans: 0, conduct: 5 }),
      ...sheet('p2', { late: 3, noSolution: 1, delayDays: 2, omissions: 1, errors: 2, actual: 10500, budget: 10000, latePlans: 3, conduct: 4 }),
      ...sheet('p3', { late: 10, noSolution: 8, delayDays: 8, omissions: 5, errors: 6, actual: 13000, budget: 10000, latePlans: 12, conduct: 2 }),
      ...sheet('p4', { late: 1, noSolution: 0, delayDays: 0, omissions: 0, errors: 1, actual: 10999, budget: 10000, latePlans: 1, conduct: 5 }),
      ...sheet('p5', { late: 0, noSolution: 2, delayDays: 1, omissions: 2, errors: 0, actual: 9000, budget: 10000, latePlans: 0, conduct: 3 }),
      ...sheet('p6', { late: 0, noSolution: 0, delayDays: 0, omissions: 0, errors: 0, actual: 11000, budget: 10000, latePlans: 0, conduct: 0 }),
    ],
  });

  it('gives full marks with no deductions and spending on budget', () => {
    const p1 = personOf(result, 'p1');
    expectNumber(p1.derived['overrun_steps'], 0); // MAX(0, 10000/10000 − 1) = 0 → 0 steps
    expectPerson(p1, {
      indicators: {
        feedback_timeliness: 30,
        after_sales_timeliness: 35,
        report_accuracy: 20,
        budget_execution: 5, // 5 − 0
        plan_completion: 5,
        conduct: 5, // direct
      },
      sections: { kpi: 100 }, // 30 + 35 + 20 + 5 + 5 + 5
      total: 100,
      grade: '优秀',
      rank: 1,
    });
  });

  it('deducts per count, and exactly 5% over budget is one step', () => {
    const p2 = personOf(result, 'p2');
    expectNumber(p2.derived['overrun_steps'], 1); // (10500/10000 − 1)/5% = 0.05/0.05 = 1 (ROUND removes float noise) → INT 1
    expectPerson(p2, {
      indicators: {
        feedback_timeliness: 22, // 30 − 2×3 − 2×1 = 22
        after_sales_timeliness: 25, // 35 − 5×2 = 25
        report_accuracy: 14, // 20 − 2×1 − 2×2 = 14
        budget_execution: 4, // 5 − 1×1 = 4
        plan_completion: 3.5, // 5 − 0.5×3 = 3.5
        conduct: 4,
      },
      sections: { kpi: 72.5 }, // 22 + 25 + 14 + 4 + 3.5 + 4
      total: 72.5,
      grade: '良好', // 70 ≤ 72.5 < 90
      rank: 5, // 100 > 94.5 > 93 > 85 > 72.5 > 2
    });
  });

  it('floors every deduction at 0 (5分止 for the budget)', () => {
    const p3 = personOf(result, 'p3');
    expectNumber(p3.derived['overrun_steps'], 6); // (13000/10000 − 1)/5% = 0.3/0.05 = 6
    expectPerson(p3, {
      indicators: {
        feedback_timeliness: 0, // 30 − 2×10 − 2×8 = −6 → 0
        after_sales_timeliness: 0, // 35 − 5×8 = −5 → 0
        report_accuracy: 0, // 20 − 2×5 − 2×6 = −2 → 0
        budget_execution: 0, // 5 − 6 = −1 → 0
        plan_completion: 0, // 5 − 0.5×12 = −1 → 0
        conduct: 2,
      },
      sections: { kpi: 2 },
      total: 2,
      grade: '不合格',
      rank: 6,
    });
  });

  it('counts only full 5% steps and nothing under budget', () => {
    const p4 = personOf(result, 'p4');
    expectNumber(p4.derived['overrun_steps'], 1); // (10999/10000 − 1)/5% = 0.0999/0.05 = 1.998 → INT 1
    expectPerson(p4, {
      indicators: {
        feedback_timeliness: 28, // 30 − 2×1
        after_sales_timeliness: 35,
        report_accuracy: 18, // 20 − 2×1
        budget_execution: 4, // 5 − 1
        plan_completion: 4.5, // 5 − 0.5×1
        conduct: 5,
      },
      total: 94.5, // 28 + 35 + 18 + 4 + 4.5 + 5
      grade: '优秀',
      rank: 2,
    });
    const p5 = personOf(result, 'p5');
    expectNumber(p5.derived['overrun_steps'], 0); // MAX(0, 9000/10000 − 1) = MAX(0, −0.1) = 0
    expectPerson(p5, {
      indicators: {
        feedback_timeliness: 26, // 30 − 2×2
        after_sales_timeliness: 30, // 35 − 5×1
        report_accuracy: 16, // 20 − 2×2
        budget_execution: 5, // under budget: no deduction
        plan_completion: 5,
        conduct: 3,
      },
      total: 85, // 26 + 30 + 16 + 5 + 5 + 3
      grade: '良好',
      rank: 4,
    });
    const p6 = personOf(result, 'p6');
    expectNumber(p6.derived['overrun_steps'], 2); // (11000/10000 − 1)/5% = 0.1/0.05 = 2
    expectPerson(p6, {
      indicators: { budget_execution: 3, conduct: 0 }, // 5 − 2; direct 0
      total: 93, // 30 + 35 + 20 + 3 + 5 + 0
      grade: '优秀',
      rank: 3,
    });
  });
});
