// RANK.EQ and PERCENTRANK.INC against a cohort. Each call is a binary search in the range's
// memoised sorted copy, so ranking a whole team costs O(n log n), not O(n²).
import { toNumber } from '../coerce';
import type { Value } from '../types';
import { NA, NUM, isError } from '../values';
import { asArray, integerArg, optional } from './args';
import { roundTo } from './rounding';
import { eager, type FunctionSpec } from './spec';
import { lowerBound, sortedNumbersOf, upperBound } from './sorted';

// Ties share the best rank: 90, 90, 80 rank 1, 1, 3. Order 0 (default) ranks the largest first.
function rankEq(args: readonly Value[]): Value {
  const x = toNumber(args[0] ?? null);
  if (isError(x)) return x;
  const sorted = sortedNumbersOf(asArray(args[1] ?? null));
  if (isError(sorted)) return sorted;
  const order = toNumber(optional(args, 2, 0));
  if (isError(order)) return order;
  const below = lowerBound(sorted, x);
  if (below >= sorted.length || sorted[below] !== x) return NA;
  return order === 0 ? sorted.length - upperBound(sorted, x) + 1 : below + 1;
}

/**
 * Excel's PERCENTRANK.INC: (number of values below x) / (n - 1), interpolated linearly when x
 * falls between two values, then truncated (not rounded) to `significance` digits.
 */
function percentRankInc(args: readonly Value[]): Value {
  const sorted = sortedNumbersOf(asArray(args[0] ?? null));
  if (isError(sorted)) return sorted;
  const x = toNumber(args[1] ?? null);
  if (isError(x)) return x;
  const significance = integerArg(optional(args, 2, 3));
  if (isError(significance)) return significance;
  if (significance < 1) return NUM;
  const n = sorted.length;
  if (n === 0) return NUM;
  if (x < (sorted[0] as number) || x > (sorted[n - 1] as number)) return NA;
  if (n === 1) return 1;
  const below = lowerBound(sorted, x);
  let rank: number;
  if (sorted[below] === x) {
    rank = below / (n - 1);
  } else {
    const lower = sorted[below - 1] as number;
    const upper = sorted[below] as number;
    rank = (below - 1 + (x - lower) / (upper - lower)) / (n - 1);
  }
  return roundTo(rank, significance, 'down');
}

export const RANK_FUNCTIONS: readonly FunctionSpec[] = [
  eager('RANK.EQ', [2, 3], 'RANK.EQ(number, range, [order])', 'Rank of number in range: 1 = largest (order 0) or smallest (order 1); ties share the best rank.', rankEq),
  eager('RANK', [2, 3], 'RANK(number, range, [order])', 'Same as RANK.EQ.', rankEq),
  eager('PERCENTRANK.INC', [2, 3], 'PERCENTRANK.INC(range, x, [significance])', 'Relative standing of x in range from 0 to 1, truncated to significance digits (default 3).', percentRankInc),
  eager('PERCENTRANK', [2, 3], 'PERCENTRANK(range, x, [significance])', 'Same as PERCENTRANK.INC.', percentRankInc),
];
