// How a built-in function is described: arity and help text for the editor, and how it runs.
import type { CompiledFormula, EvalContext, Value } from '../types';

/**
 * Runs on evaluated arguments. `refs[i]` is true when argument i is a name: Excel prints it as
 * a cell reference, so aggregates skip its text and blanks the way they skip range cells.
 * The `args` array is reused between calls: read it, never keep it.
 */
export type EagerCall = (args: readonly Value[], refs: readonly boolean[]) => Value;

/** Runs on unevaluated arguments, for functions that skip branches (IF, IFERROR, CHOOSE …). */
export type LazyCall = (args: readonly CompiledFormula[], ctx: EvalContext) => Value;

interface SpecBase {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Shown by autocompletion, e.g. `ROUND(number, digits)`. */
  readonly signature: string;
  readonly description: string;
}

export type FunctionSpec =
  | (SpecBase & { readonly kind: 'eager'; readonly call: EagerCall })
  | (SpecBase & { readonly kind: 'lazy'; readonly call: LazyCall })
  /** TEAM and TEAMSIZE read the evaluation context directly; compile.ts builds them. */
  | (SpecBase & { readonly kind: 'context' });

export function eager(
  name: string,
  arity: readonly [number, number],
  signature: string,
  description: string,
  call: EagerCall,
): FunctionSpec {
  return { kind: 'eager', name, minArgs: arity[0], maxArgs: arity[1], signature, description, call };
}

export function lazy(
  name: string,
  arity: readonly [number, number],
  signature: string,
  description: string,
  call: LazyCall,
): FunctionSpec {
  return { kind: 'lazy', name, minArgs: arity[0], maxArgs: arity[1], signature, description, call };
}
