// Does a recognised rule compute what the Excel formula computes? Both are evaluated (by Kaohe's
// interpreter, never as code) on every person of the file and on probe values around each
// constant of the formula, where band edges decide.
import { compile, parse, type CompiledFormula, type EvalContext, type Node, type ScopeValue, type Value } from '../../formula/index';
import { errorValue, isArray, makeArray } from '../../formula/values';
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

/** Excel shows the top-left cell of an array in a single cell. */
function topLeft(value: Value): ScopeValue {
  if (!isArray(value)) return value;
  const first = value.data[0] ?? null;
  return isArray(first) ? errorValue('#VALUE!') : first;
}

function compiled(source: string, slots: ReadonlyMap<string, number>): CompiledFormula | undefined {
  const parsed = parse(source);
  return parsed.ok ? compile(parsed.ast, { resolve: (name) => slots.get(name) }) : undefined;
}

/** True when both formulas give the same value in every scope (each compiled once). */
export function agreeOn(original: string, candidate: string, scopes: readonly Scope[]): boolean {
  const names = [...new Set(scopes.flatMap((scope) => Object.keys(scope)))];
  const slots = new Map(names.map((name, slot) => [name, slot]));
  const left = compiled(original, slots);
  const right = compiled(candidate, slots);
  if (!left || !right) return false;
  return scopes.every((scope) => {
    // A one-row sheet per scope, as `evaluate` builds it.
    const columns: Value[][] = names.map((name) => [scope[name] ?? null]);
    const teams = columns.map((column) => makeArray(1, 1, column));
    const ctx: EvalContext = { row: 0, columns, team: (slot) => teams[slot] ?? makeArray(0, 0, []), teamSize: 1, epoch: 0 };
    return sameValue(topLeft(left(ctx)), topLeft(right(ctx)));
  });
}
