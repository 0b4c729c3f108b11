// 绩效系数 → 绩效工资: the grade that counts (calibrated, else computed) looked up in a table of
// grade → coefficient (优秀 1.2, 良好 1.0, 合格 0.8, 不合格 0), times the person's 绩效工资基数, in
// cents; and the budget check of a team's total against a pool. Pure: numbers in, numbers out.
import type { GradeBand } from './model';

export interface CoefficientRow {
  readonly grade: string;
  readonly coefficient: number;
}

/** Coefficients seen in Chinese pay plans, offered when a table is first set up (a suggestion, never applied unasked). */
const COMMON_COEFFICIENTS: Readonly<Record<string, number>> = {
  优秀: 1.2,
  卓越: 1.3,
  良好: 1.0,
  合格: 0.8,
  一般: 0.8,
  基本合格: 0.6,
  待改进: 0.5,
  不合格: 0,
  不及格: 0,
  A: 1.2,
  B: 1.0,
  C: 0.8,
  D: 0.5,
  E: 0,
};

/** A coefficient this large is a typing slip (120 for 1.2), not a pay plan. */
export const MAX_COEFFICIENT = 10;

/** A row per grade of the template, with the common coefficient for grades that have one (null otherwise). */
export function suggestedCoefficients(grades: readonly GradeBand[]): { readonly grade: string; readonly coefficient: number | null }[] {
  return grades.map((band) => ({ grade: band.label, coefficient: COMMON_COEFFICIENTS[band.label] ?? null }));
}

export type CoefficientProblem =
  | { readonly code: 'duplicateGrade'; readonly index: number; readonly grade: string }
  | { readonly code: 'emptyGrade'; readonly index: number }
  | { readonly code: 'coefficientRange'; readonly index: number; readonly grade: string }
  /** A grade the template does not give: kept, but it will never apply (a warning). */
  | { readonly code: 'unknownGrade'; readonly index: number; readonly grade: string };

/** What is wrong with a table before it is saved; `unknownGrade` alone does not block saving. */
export function coefficientProblems(rows: readonly CoefficientRow[], grades: readonly GradeBand[]): CoefficientProblem[] {
  const known = new Set(grades.map((band) => band.label));
  const seen = new Set<string>();
  const problems: CoefficientProblem[] = [];
  rows.forEach((row, index) => {
    const grade = row.grade.trim();
    if (grade === '') {
      problems.push({ code: 'emptyGrade', index });
      return;
    }
    if (seen.has(grade)) problems.push({ code: 'duplicateGrade', index, grade });
    seen.add(grade);
    if (!Number.isFinite(row.coefficient) || row.coefficient < 0 || row.coefficient > MAX_COEFFICIENT) problems.push({ code: 'coefficientRange', index, grade });
    if (!known.has(grade)) problems.push({ code: 'unknownGrade', index, grade });
  });
  return problems;
}

export function blocksSaving(problems: readonly CoefficientProblem[]): boolean {
  return problems.some((problem) => problem.code !== 'unknownGrade');
}

/** The coefficient of a grade, or null when the person has no grade or the table has none for it. */
export function coefficientFor(rows: readonly CoefficientRow[], grade: string | null): number | null {
  if (grade === null || grade === '') return null;
  return rows.find((row) => row.grade === grade)?.coefficient ?? null;
}

/**
 * Rounded to cents as Excel's ROUND(x, 2) does: half away from zero, after dropping the binary
 * noise of the product (7,000 × 1.1 = 7,700.000000000001 is 7,700.00, and 1.005 rounds to 1.01).
 */
export function roundMoney(value: number): number {
  const cents = Number((Math.abs(value) * 100).toPrecision(15));
  const rounded = Math.round(cents) / 100;
  return value < 0 ? -rounded : rounded;
}

/** 绩效工资 = 绩效工资基数 × 绩效系数, in cents; null when either is missing. */
export function performancePay(base: number | null | undefined, coefficient: number | null): number | null {
  if (base === null || base === undefined || coefficient === null) return null;
  return roundMoney(base * coefficient);
}

export interface PayPerson {
  readonly personId: string;
  /** The grade that counts (calibrated, else computed); null when not graded. */
  readonly grade: string | null;
}

export interface PayLine extends PayPerson {
  readonly coefficient: number | null;
  readonly base: number | null;
  readonly pay: number | null;
}

export function payLines(people: readonly PayPerson[], rows: readonly CoefficientRow[], bases: ReadonlyMap<string, number>): PayLine[] {
  return people.map((person) => {
    const coefficient = coefficientFor(rows, person.grade);
    const base = bases.get(person.personId) ?? null;
    return { ...person, coefficient, base, pay: performancePay(base, coefficient) };
  });
}

export interface BudgetCheck {
  /** Σ 绩效工资 of the people with one, in cents. */
  readonly total: number;
  /** People whose pay is in the total. */
  readonly paid: number;
  /** Graded people without a 绩效工资基数: their pay is not in the total (the total is too low). */
  readonly missingBase: number;
  /** Graded people whose grade has no coefficient in the table. */
  readonly missingCoefficient: number;
  /** The pool, or null when none is set (no check). */
  readonly pool: number | null;
  /** pool − total (negative when over). */
  readonly remaining: number | null;
  /** total ÷ pool (1.05 = 105% of the pool); null without a pool or with a pool of 0. */
  readonly share: number | null;
  readonly over: boolean;
}

/** The team's total against the pool. People without a grade (leave, temporary cover) get no pay and are not counted. */
export function budgetCheck(lines: readonly PayLine[], pool: number | null): BudgetCheck {
  let total = 0;
  let paid = 0;
  let missingBase = 0;
  let missingCoefficient = 0;
  for (const line of lines) {
    if (line.grade === null) continue;
    if (line.pay !== null) {
      total += line.pay;
      paid += 1;
      continue;
    }
    if (line.coefficient === null) missingCoefficient += 1;
    else missingBase += 1;
  }
  total = roundMoney(total);
  const remaining = pool === null ? null : roundMoney(pool - total);
  return {
    total,
    paid,
    missingBase,
    missingCoefficient,
    pool,
    remaining,
    share: pool === null || pool === 0 ? null : total / pool,
    over: remaining !== null && remaining < 0,
  };
}
