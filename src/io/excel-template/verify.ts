// Does a recognised rule compute what the Excel formula computes? Both are evaluated (by Kaohe's
// interpreter, never as code) on every person of the file and on probe values around each
// constant of the formula, where band edges decide.
import { evaluate, type Node, type ScopeValue } from '../../formula/index';
import { sameValue } from './same-value';

export type Scope = Readonly<Record<string, ScopeValue>>;

/** Every number written in a formula (thresholds, points), for probing around them. */
export function numbersIn(node: Node): number[] {
  switch (node.type) {
    case 'number':
      return [node.value];
    case 'percent':
      return numbersIn(node.arg).map((value) => value / 100);
    case 'unary':
      return numbersIn(node.arg).flatMap((value) => [value, -value]);
    case 'binary':
      return [...numbersIn(node.left), ...numbersIn(node.right)];
    case 'call':
      return node.args.flatMap(numbersIn);
    case 'array':
      return node.rows.flat().flatMap(numbersIn);
    default:
      return [];
  }
}

/** Each value, and a hair below and above it (1e-7 relative: far beyond float noise). */
export function aroundEach(values: readonly number[]): number[] {
  const out = new Set<number>([0, 1]);
  for (const value of values) {
    const delta = 1e-7 * Math.max(1, Math.abs(value));
    out.add(value).add(value - delta).add(value + delta);
  }
  return [...out];
}

/**
 * The people's scopes, plus scopes that vary one name at a time over `probes` (the first
 * person's values, or blanks, for the other names).
 */
export function probeScopes(names: readonly string[], people: readonly Scope[], probes: readonly ScopeValue[]): Scope[] {
  const base: Scope = people[0] ?? Object.fromEntries(names.map((name) => [name, null]));
  const varied = names.flatMap((name) => probes.map((value): Scope => ({ ...base, [name]: value })));
  return [...people, ...varied];
}

/** True when both formulas give the same value in every scope. */
export function agreeOn(original: string, candidate: string, scopes: readonly Scope[]): boolean {
  return scopes.every((scope) => sameValue(evaluate(original, scope), evaluate(candidate, scope)));
}
