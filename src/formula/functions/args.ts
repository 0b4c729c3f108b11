// Argument rules shared by the function library, following Excel: direct arguments coerce
// (TRUE is 1, "3" is 3, "abc" is #VALUE!), while cells of ranges, array constants and names
// count only when they hold numbers.
import { numberFromText, toNumber } from '../coerce';
import { addNumbers } from '../operators';
import type { ArrayValue, ErrorValue, Value } from '../types';
import { VALUE, isArray, isError, makeArray } from '../values';

/** What an aggregate does with one value: count a number, return an error, or skip it. */
export function aggregateNumber(value: Value, direct: boolean): number | ErrorValue | undefined {
  if (typeof value === 'number') return value;
  if (isError(value)) return value;
  if (!direct) return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return numberFromText(value) ?? VALUE;
  // A blank produced by an expression (not a name) counts as 0, like a direct argument.
  if (value === null) return 0;
  return undefined;
}

export const SUM = 0;
export const MIN = 1;
export const MAX = 2;
export type FoldMode = typeof SUM | typeof MIN | typeof MAX;

export function combine(mode: FoldMode, total: number, n: number): number {
  if (mode === SUM) return addNumbers(total, n);
  if (mode === MIN) return n < total ? n : total;
  return n > total ? n : total;
}

/**
 * Sum, minimum or maximum of the numbers in args[from..to), without allocating.
 * `seed` starts the fold with a value already counted (CLAMP chains MAX into MIN this way).
 * No numbers at all gives 0, as in Excel.
 */
export function foldNumbers(
  args: readonly Value[],
  refs: readonly boolean[],
  mode: FoldMode,
  from = 0,
  to = args.length,
  seed?: number,
): number | ErrorValue {
  let total = seed ?? 0;
  let counted = seed !== undefined;
  for (let i = from; i < to; i++) {
    const arg = args[i] ?? null;
    if (isArray(arg)) {
      const data = arg.data;
      for (let j = 0; j < data.length; j++) {
        const n = aggregateNumber(data[j] ?? null, false);
        if (n === undefined) continue;
        if (typeof n !== 'number') return n;
        total = counted ? combine(mode, total, n) : n;
        counted = true;
      }
      continue;
    }
    const n = aggregateNumber(arg, refs[i] !== true);
    if (n === undefined) continue;
    if (typeof n !== 'number') return n;
    total = counted ? combine(mode, total, n) : n;
    counted = true;
  }
  return total;
}

/** How many numbers AVERAGE divides by (same rules as foldNumbers; errors were seen there). */
export function countAggregated(args: readonly Value[], refs: readonly boolean[]): number {
  let count = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? null;
    if (isArray(arg)) {
      for (const element of arg.data) if (typeof element === 'number') count += 1;
    } else if (typeof aggregateNumber(arg, refs[i] !== true) === 'number') {
      count += 1;
    }
  }
  return count;
}

/** Every number the aggregate rules keep, in order; for MEDIAN and friends. */
export function collectNumbers(args: readonly Value[], refs: readonly boolean[]): number[] | ErrorValue {
  const numbers: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? null;
    const values = isArray(arg) ? arg.data : [arg];
    const direct = !isArray(arg) && refs[i] !== true;
    for (const value of values) {
      const n = aggregateNumber(value, direct);
      if (n === undefined) continue;
      if (typeof n !== 'number') return n;
      numbers.push(n);
    }
  }
  return numbers;
}

/** A whole number argument: truncated toward zero, like Excel's integer parameters. */
export function integerArg(value: Value): number | ErrorValue {
  const n = toNumber(value);
  return isError(n) ? n : Math.trunc(n);
}

/** A range argument; a single value acts as a 1×1 range. */
export function asArray(value: Value): ArrayValue {
  return isArray(value) ? value : makeArray(1, 1, [value]);
}

/** Argument i, or `fallback` when the caller left it out. */
export function optional(args: readonly Value[], index: number, fallback: Value): Value {
  return index < args.length ? (args[index] ?? null) : fallback;
}
