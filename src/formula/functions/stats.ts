// Aggregates: SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, MEDIAN, LARGE, SMALL, SUMPRODUCT.
// Over ranges and names only numbers count; direct arguments coerce (see args.ts).
import { numberFromText, toNumber } from '../coerce';
import type { ErrorValue, Value } from '../types';
import { DIV0, NUM, VALUE, isArray, isError } from '../values';
import { MAX, MIN, SUM, asArray, collectNumbers, countAggregated, foldNumbers } from './args';
import { eager, type FunctionSpec } from './spec';
import { sortedNumbersOf } from './sorted';

function average(args: readonly Value[], refs: readonly boolean[]): Value {
  const total = foldNumbers(args, refs, SUM);
  if (isError(total)) return total;
  const count = countAggregated(args, refs);
  return count === 0 ? DIV0 : total / count;
}

// COUNT never fails: errors and text are simply not numbers.
function count(args: readonly Value[], refs: readonly boolean[]): Value {
  let n = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? null;
    if (isArray(arg)) {
      for (const value of arg.data) if (typeof value === 'number') n += 1;
      continue;
    }
    if (typeof arg === 'number') n += 1;
    else if (refs[i] === true) continue;
    else if (typeof arg === 'boolean') n += 1;
    else if (typeof arg === 'string' && numberFromText(arg) !== undefined) n += 1;
  }
  return n;
}

function countA(args: readonly Value[]): Value {
  let n = 0;
  for (const arg of args) {
    if (isArray(arg)) {
      for (const value of arg.data) if (value !== null) n += 1;
    } else if (arg !== null) {
      n += 1;
    }
  }
  return n;
}

/** Ascending numbers of the arguments; a lone range uses its memoised sorted copy. */
function sortedOf(args: readonly Value[], refs: readonly boolean[]): Float64Array | ErrorValue {
  const only = args[0];
  if (args.length === 1 && isArray(only)) return sortedNumbersOf(only);
  const numbers = collectNumbers(args, refs);
  return isError(numbers) ? numbers : Float64Array.from(numbers).sort();
}

function median(args: readonly Value[], refs: readonly boolean[]): Value {
  const sorted = sortedOf(args, refs);
  if (isError(sorted)) return sorted;
  const n = sorted.length;
  if (n === 0) return NUM;
  const middle = n >> 1;
  const upper = sorted[middle] as number;
  return n % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

// LARGE and SMALL truncate k and answer #NUM! outside 1..n, like Excel.
function kth(fromTop: boolean) {
  return (args: readonly Value[], refs: readonly boolean[]): Value => {
    const sorted = sortedOf(args.slice(0, 1), refs);
    if (isError(sorted)) return sorted;
    const k = toNumber(args[1] ?? null);
    if (isError(k)) return k;
    const index = Math.trunc(k);
    if (k < 1 || index > sorted.length) return NUM;
    return (fromTop ? sorted[sorted.length - index] : sorted[index - 1]) as number;
  };
}

// SUMPRODUCT multiplies same-shaped ranges cell by cell; non-numbers count as 0.
function sumProduct(args: readonly Value[]): Value {
  const arrays = args.map(asArray);
  const first = arrays[0];
  if (first === undefined) return VALUE;
  if (arrays.some((a) => a.rows !== first.rows || a.cols !== first.cols)) return VALUE;
  let total = 0;
  for (let i = 0; i < first.data.length; i++) {
    let product = 1;
    for (const array of arrays) {
      const value = array.data[i] ?? null;
      if (isError(value)) return value;
      product *= typeof value === 'number' ? value : 0;
    }
    total += product;
  }
  return total;
}

function extreme(mode: typeof MIN | typeof MAX) {
  return (args: readonly Value[], refs: readonly boolean[]): Value => foldNumbers(args, refs, mode);
}

export const STATS_FUNCTIONS: readonly FunctionSpec[] = [
  eager('SUM', [1, 255], 'SUM(number1, …)', 'Adds numbers; text and blanks in ranges are skipped.', (args, refs) => foldNumbers(args, refs, SUM)),
  eager('AVERAGE', [1, 255], 'AVERAGE(number1, …)', 'Arithmetic mean of the numbers; #DIV/0! when there are none.', average),
  eager('MIN', [1, 255], 'MIN(number1, …)', 'Smallest number (0 when there are none).', extreme(MIN)),
  eager('MAX', [1, 255], 'MAX(number1, …)', 'Largest number (0 when there are none).', extreme(MAX)),
  eager('COUNT', [1, 255], 'COUNT(value1, …)', 'How many numbers.', count),
  eager('COUNTA', [1, 255], 'COUNTA(value1, …)', 'How many values are not blank.', countA),
  eager('MEDIAN', [1, 255], 'MEDIAN(number1, …)', 'The middle number; #NUM! when there are none.', median),
  eager('LARGE', [2, 2], 'LARGE(range, k)', 'The k-th largest number.', kth(true)),
  eager('SMALL', [2, 2], 'SMALL(range, k)', 'The k-th smallest number.', kth(false)),
  eager('SUMPRODUCT', [1, 255], 'SUMPRODUCT(range1, [range2], …)', 'Sum of the products of corresponding cells.', sumProduct),
];
