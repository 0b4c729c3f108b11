// One-off evaluation of formula text against a scope of named values: the formula editor's
// preview and the tests. The scope becomes a one-row sheet; TEAM(x) is the 1×1 column of x.
import { compile } from './compile';
import { parse } from './parser';
import type { ArrayValue, ErrorValue, EvalContext, Scalar, Value } from './types';
import { errorValue, isArray, makeArray } from './values';

export type ScopeValue = Scalar | ErrorValue;

/** Excel shows the top-left cell of an array in a single cell. */
function topLeft(value: Value): ScopeValue {
  if (!isArray(value)) return value;
  const first = value.data[0] ?? null;
  return isArray(first) ? errorValue('#VALUE!') : first;
}

/**
 * Parses, compiles and runs `source`. A name missing from `scope` is `#NAME?`; a syntax error
 * is `#VALUE!` with the parser's message as detail ("syntax error: expected ')' at 14").
 */
export function evaluate(source: string, scope: Readonly<Record<string, ScopeValue>>): ScopeValue {
  const parsed = parse(source);
  if (!parsed.ok) return errorValue('#VALUE!', `syntax error: ${parsed.error.message}`);
  const names = Object.keys(scope);
  const slots = new Map(names.map((name, slot) => [name, slot]));
  const columns: Value[][] = names.map((name) => [scope[name] ?? null]);
  const teams: ArrayValue[] = columns.map((column) => makeArray(1, 1, column));
  const formula = compile(parsed.ast, { resolve: (name) => slots.get(name) });
  const ctx: EvalContext = {
    row: 0,
    columns,
    team: (slot) => teams[slot] ?? makeArray(0, 0, []),
    teamSize: 1,
    epoch: 0,
  };
  return topLeft(formula(ctx));
}
