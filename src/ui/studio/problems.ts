// Validation problems of one part of the template (by path prefix), for showing them in place.
import type { Problem } from '../../scoring/index';

export function problemsUnder(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`));
}

/** The path of an indicator in the template, as validation problems name it. */
export function indicatorPath(section: number, index: number): string {
  return `sections[${section}].indicators[${index}]`;
}

/** A sum of weights shown as a percent, and whether it is off 100%. */
export function weightSum(weights: readonly (number | undefined)[]): { percent: number; ok: boolean } {
  const sum = weights.reduce<number>((total, weight) => total + (weight ?? 0), 0);
  return { percent: Number((sum * 100).toPrecision(10)), ok: Math.abs(sum - 1) < 1e-9 };
}
