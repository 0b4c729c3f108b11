// 绩效系数 → 绩效工资 and the budget check, worked by hand.
import { describe, expect, it } from 'vitest';
import {
  blocksSaving,
  budgetCheck,
  coefficientFor,
  coefficientProblems,
  payLines,
  performancePay,
  roundMoney,
  suggestedCoefficients,
  type CoefficientRow,
} from '../../../src/scoring/pay';
import type { GradeBand } from '../../../src/scoring/model';

const GRADES: GradeBand[] = [
  { label: '优秀', min: 90, minInclusive: true },
  { label: '良好', min: 70, minInclusive: true },
  { label: '合格', min: 60, minInclusive: true },
  { label: '不合格', min: null, minInclusive: true, failing: true },
];

const TABLE: CoefficientRow[] = [
  { grade: '优秀', coefficient: 1.2 },
  { grade: '良好', coefficient: 1 },
  { grade: '合格', coefficient: 0.8 },
  { grade: '不合格', coefficient: 0 },
];

describe('coefficient table', () => {
  it('suggests the common coefficients for the template\'s grades, and none for a grade it does not know', () => {
    expect(suggestedCoefficients(GRADES)).toEqual([
      { grade: '优秀', coefficient: 1.2 },
      { grade: '良好', coefficient: 1 },
      { grade: '合格', coefficient: 0.8 },
      { grade: '不合格', coefficient: 0 },
    ]);
    expect(suggestedCoefficients([{ label: 'S', min: 95, minInclusive: true }, { label: 'A', min: null, minInclusive: true }])).toEqual([
      { grade: 'S', coefficient: null },
      { grade: 'A', coefficient: 1.2 },
    ]);
  });

  it('looks a grade up; no grade or a grade missing from the table has no coefficient', () => {
    expect(coefficientFor(TABLE, '优秀')).toBe(1.2);
    expect(coefficientFor(TABLE, '不合格')).toBe(0);
    expect(coefficientFor(TABLE, null)).toBeNull();
    expect(coefficientFor(TABLE, 'A')).toBeNull();
    expect(coefficientFor(TABLE.slice(0, 2), '合格')).toBeNull();
  });

  it('refuses duplicate grades, empty grades and coefficients below 0 or above 10; an unknown grade only warns', () => {
    const problems = coefficientProblems(
      [
        { grade: '优秀', coefficient: 1.2 },
        { grade: '优秀', coefficient: 1.3 },
        { grade: ' ', coefficient: 1 },
        { grade: '良好', coefficient: -0.1 },
        { grade: '合格', coefficient: 120 },
        { grade: '合格2', coefficient: Number.NaN },
        { grade: 'S', coefficient: 1.5 },
      ],
      GRADES,
    );
    expect(problems).toEqual([
      { code: 'duplicateGrade', index: 1, grade: '优秀' },
      { code: 'emptyGrade', index: 2 },
      { code: 'coefficientRange', index: 3, grade: '良好' },
      { code: 'coefficientRange', index: 4, grade: '合格' },
      { code: 'coefficientRange', index: 5, grade: '合格2' },
      { code: 'unknownGrade', index: 5, grade: '合格2' },
      { code: 'unknownGrade', index: 6, grade: 'S' },
    ]);
    expect(blocksSaving(problems)).toBe(true);
    expect(blocksSaving(coefficientProblems([{ grade: 'S', coefficient: 1.5 }], GRADES))).toBe(false);
    expect(coefficientProblems(TABLE, GRADES)).toEqual([]);
  });
});

describe('绩效工资 = 基数 × 系数', () => {
  it('is rounded to cents as Excel ROUND(x, 2) does, without binary noise', () => {
    expect(7000 * 1.1).not.toBe(7700);
    expect(performancePay(7000, 1.1)).toBe(7700);
    expect(performancePay(8000, 1.2)).toBe(9600);
    expect(performancePay(6543.21, 0.8)).toBe(5234.57); // 5234.568
    expect(roundMoney(1.005)).toBe(1.01); // 1.005 is 1.00499999… in binary; Excel says 1.01
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundMoney(-2.675)).toBe(-2.68);
    expect(performancePay(5000, 0)).toBe(0);
  });

  it('has no pay without a base or without a coefficient', () => {
    expect(performancePay(null, 1.2)).toBeNull();
    expect(performancePay(undefined, 1.2)).toBeNull();
    expect(performancePay(5000, null)).toBeNull();
  });
});

describe('budget check', () => {
  const bases = new Map([
    ['a', 8000],
    ['b', 6000],
    ['c', 5000],
    ['d', 5000],
    ['e', 4000],
  ]);
  const people = [
    { personId: 'a', grade: '优秀' }, // 9,600
    { personId: 'b', grade: '良好' }, // 6,000
    { personId: 'c', grade: '合格' }, // 4,000
    { personId: 'd', grade: '不合格' }, // 0
    { personId: 'e', grade: null }, // temporary cover: no grade, no pay
    { personId: 'f', grade: '良好' }, // no base
    { personId: 'g', grade: 'S' }, // grade without a coefficient (a calibrated label the table lacks)
  ];

  it('adds the team\'s pay and says how much of the pool is left', () => {
    const lines = payLines(people, TABLE, bases);
    expect(lines.map((line) => line.pay)).toEqual([9600, 6000, 4000, 0, null, null, null]);
    const check = budgetCheck(lines, 20000);
    expect(check).toEqual({ total: 19600, paid: 4, missingBase: 1, missingCoefficient: 1, pool: 20000, remaining: 400, share: 0.98, over: false });
  });

  it('is over when the total passes the pool, and has no verdict without a pool', () => {
    const lines = payLines(people, TABLE, bases);
    const over = budgetCheck(lines, 19000);
    expect(over.over).toBe(true);
    expect(over.remaining).toBe(-600);
    expect(over.share).toBeCloseTo(19600 / 19000, 12);
    const exact = budgetCheck(lines, 19600);
    expect([exact.over, exact.remaining]).toEqual([false, 0]);
    expect(budgetCheck(lines, null)).toMatchObject({ total: 19600, pool: null, remaining: null, share: null, over: false });
    expect(budgetCheck(lines, 0)).toMatchObject({ share: null, over: true, remaining: -19600 });
  });

  it('adds cents exactly: 0.1 + 0.2 of pay is 0.30', () => {
    const check = budgetCheck(
      [
        { personId: 'x', grade: '良好', coefficient: 1, base: 0.1, pay: 0.1 },
        { personId: 'y', grade: '良好', coefficient: 1, base: 0.2, pay: 0.2 },
      ],
      0.3,
    );
    expect(check.total).toBe(0.3);
    expect(check.over).toBe(false);
  });
});
