// COUNTIF, SUMIF and AVERAGEIF: aggregate the cells whose partner cell meets a criterion.
import type { ArrayValue, ErrorValue, Value } from '../types';
import { DIV0, isArray, isError } from '../values';
import { asArray } from './args';
import { parseCriterion } from './criteria';
import { eager, type FunctionSpec } from './spec';

/** Cell (row, col) of `range`, or undefined outside it (Excel sizes sum_range like range). */
function cellAt(range: ArrayValue, row: number, col: number): Value | undefined {
  if (row >= range.rows || col >= range.cols) return undefined;
  return range.data[row * range.cols + col];
}

interface Totals {
  readonly sum: number;
  readonly count: number;
}

/** Sum and count of the numbers in `values` whose cell in `tested` meets the criterion. */
function conditionalTotal(args: readonly Value[]): Totals | ErrorValue {
  const tested = asArray(args[0] ?? null);
  const criterion = parseCriterion(args[1] ?? null);
  if (isError(criterion)) return criterion;
  const values = args.length > 2 ? asArray(args[2] ?? null) : tested;
  let sum = 0;
  let count = 0;
  for (let row = 0; row < tested.rows; row++) {
    for (let col = 0; col < tested.cols; col++) {
      const cell = cellAt(tested, row, col) ?? null;
      if (isArray(cell) || !criterion(cell)) continue;
      const value = cellAt(values, row, col);
      if (isError(value)) return value;
      if (typeof value !== 'number') continue;
      sum += value;
      count += 1;
    }
  }
  return { sum, count };
}

function countIf(args: readonly Value[]): Value {
  const tested = asArray(args[0] ?? null);
  const criterion = parseCriterion(args[1] ?? null);
  if (isError(criterion)) return criterion;
  let count = 0;
  for (const cell of tested.data) if (!isArray(cell) && criterion(cell)) count += 1;
  return count;
}

function sumIf(args: readonly Value[]): Value {
  const total = conditionalTotal(args);
  return isError(total) ? total : total.sum;
}

function averageIf(args: readonly Value[]): Value {
  const total = conditionalTotal(args);
  if (isError(total)) return total;
  return total.count === 0 ? DIV0 : total.sum / total.count;
}

export const CONDITIONAL_FUNCTIONS: readonly FunctionSpec[] = [
  eager('COUNTIF', [2, 2], 'COUNTIF(range, criterion)', 'How many cells meet the criterion (90, ">=90", "<>0", "王*").', countIf),
  eager('SUMIF', [2, 3], 'SUMIF(range, criterion, [sum_range])', 'Sum of the cells (or of sum_range) where range meets the criterion.', sumIf),
  eager('AVERAGEIF', [2, 3], 'AVERAGEIF(range, criterion, [average_range])', 'Average of the matching cells; #DIV/0! when none match.', averageIf),
];
