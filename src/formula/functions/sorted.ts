// Sorted numeric copies of ranges, memoised per range object: a team column handed to a
// formula never changes (types.ts), so RANK.EQ and friends sort it once, then binary-search.
import type { ArrayValue, ErrorValue } from '../types';
import { isError } from '../values';

const SORTED = new WeakMap<ArrayValue, Float64Array | ErrorValue>();

function buildSorted(array: ArrayValue): Float64Array | ErrorValue {
  const numbers: number[] = [];
  for (const value of array.data) {
    if (typeof value === 'number') numbers.push(value);
    else if (isError(value)) return value;
  }
  return Float64Array.from(numbers).sort();
}

/** The numbers of `array` in ascending order (text, booleans and blanks skipped), or its first error. */
export function sortedNumbersOf(array: ArrayValue): Float64Array | ErrorValue {
  let sorted = SORTED.get(array);
  if (sorted === undefined) {
    sorted = buildSorted(array);
    SORTED.set(array, sorted);
  }
  return sorted;
}

/** Index of the first element ≥ x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first element > x. */
export function upperBound(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= x) low = middle + 1;
    else high = middle;
  }
  return low;
}
