// LOOKUP, MATCH, INDEX, ROWS and COLUMNS over ranges and array constants.
import { compareScalars } from '../compare';
import { toNumber, toScalar } from '../coerce';
import type { ArrayValue, ErrorValue, Scalar, Value } from '../types';
import { NA, REF, VALUE, isArray, isError, makeArray } from '../values';
import { asArray, integerArg, optional } from './args';
import { wildcardPattern } from './criteria';
import { eager, type FunctionSpec } from './spec';

type MatchType = -1 | 0 | 1;

function sameKind(a: Scalar, b: Scalar): boolean {
  return a !== null && b !== null && typeof a === typeof b;
}

function isVector(array: ArrayValue): boolean {
  return array.rows === 1 || array.cols === 1;
}

function exactPosition(target: Scalar, cells: readonly Value[]): number {
  const pattern = typeof target === 'string' && /[*?~]/.test(target) ? wildcardPattern(target) : undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    if (isError(cell) || isArray(cell)) continue;
    if (pattern !== undefined) {
      if (typeof cell === 'string' && pattern.test(cell)) return i;
    } else if (sameKind(target, cell) && compareScalars(target, cell) === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * Approximate match in sorted data: the last cell on the right side of `target` before the
 * first cell past it (type 1: ≤ target in ascending data; type -1: ≥ target in descending).
 * Cells of another type are skipped, as Excel's lookups do.
 */
function approximatePosition(target: Scalar, cells: readonly Value[], type: 1 | -1): number {
  let found = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    if (isError(cell) || isArray(cell) || !sameKind(target, cell)) continue;
    const order = compareScalars(cell, target) * type;
    if (order > 0) break;
    found = i;
  }
  return found;
}

/** 0-based position of `target` in `cells`, or -1. */
export function matchPosition(target: Scalar, cells: readonly Value[], type: MatchType): number {
  if (target === null) return -1;
  return type === 0 ? exactPosition(target, cells) : approximatePosition(target, cells, type);
}

function match(args: readonly Value[]): Value {
  const target = toScalar(args[0] ?? null);
  if (isError(target)) return target;
  const range = asArray(args[1] ?? null);
  if (!isVector(range)) return NA;
  const typeNumber = toNumber(optional(args, 2, 1));
  if (isError(typeNumber)) return typeNumber;
  const type: MatchType = typeNumber > 0 ? 1 : typeNumber < 0 ? -1 : 0;
  const position = matchPosition(target, range.data, type);
  return position < 0 ? NA : position + 1;
}

/** Excel's LOOKUP array form searches the longer side's first line and returns from its last. */
function lookupVectors(range: ArrayValue): { keys: Value[]; results: Value[] } {
  const keys: Value[] = [];
  const results: Value[] = [];
  const byColumns = range.cols > range.rows;
  const length = byColumns ? range.cols : range.rows;
  for (let i = 0; i < length; i++) {
    const keyIndex = byColumns ? i : i * range.cols;
    const resultIndex = byColumns ? (range.rows - 1) * range.cols + i : i * range.cols + range.cols - 1;
    keys.push(range.data[keyIndex] ?? null);
    results.push(range.data[resultIndex] ?? null);
  }
  return { keys, results };
}

function lookup(args: readonly Value[]): Value {
  const target = toScalar(args[0] ?? null);
  if (isError(target)) return target;
  const range = asArray(args[1] ?? null);
  let keys: readonly Value[] = range.data;
  let results: readonly Value[];
  if (args.length > 2) {
    const resultRange = asArray(args[2] ?? null);
    if (!isVector(range) || !isVector(resultRange)) return NA;
    results = resultRange.data;
  } else {
    ({ keys, results } = lookupVectors(range));
  }
  const position = matchPosition(target, keys, 1);
  if (position < 0) return NA;
  return position < results.length ? (results[position] ?? null) : NA;
}

function indexRowOrColumn(range: ArrayValue, row: number, col: number): Value {
  if (row === 0 && col === 0) return range;
  if (row === 0) return makeArray(range.rows, 1, range.data.filter((_, i) => i % range.cols === col - 1));
  if (col === 0) return makeArray(1, range.cols, range.data.slice((row - 1) * range.cols, row * range.cols));
  return range.data[(row - 1) * range.cols + col - 1] ?? null;
}

// INDEX(range, n) on a single row or column picks the n-th cell; on a 2-D range, the n-th row.
function index(args: readonly Value[]): Value {
  const range = asArray(args[0] ?? null);
  const first = integerArg(args[1] ?? null);
  if (isError(first)) return first;
  let row = first;
  let col: number | ErrorValue = 0;
  if (args.length > 2) {
    col = integerArg(args[2] ?? null);
    if (isError(col)) return col;
  } else if (range.rows === 1) {
    row = 1;
    col = first;
  } else if (range.cols === 1) {
    col = 1;
  }
  if (row < 0 || col < 0) return VALUE;
  if (row > range.rows || col > range.cols) return REF;
  return indexRowOrColumn(range, row, col);
}

function dimension(which: 'rows' | 'cols') {
  return (args: readonly Value[]): Value => {
    const value = args[0] ?? null;
    if (isError(value)) return value;
    return isArray(value) ? value[which] : 1;
  };
}

export const LOOKUP_FUNCTIONS: readonly FunctionSpec[] = [
  eager('LOOKUP', [2, 3], 'LOOKUP(value, lookup_range, [result_range])', 'Finds the largest key ≤ value in ascending keys and returns the matching result.', lookup),
  eager('MATCH', [2, 3], 'MATCH(value, range, [type])', 'Position of value: type 1 largest ≤ (ascending), 0 exact (wildcards allowed), -1 smallest ≥ (descending).', match),
  eager('INDEX', [2, 3], 'INDEX(range, row, [column])', 'The cell at row and column (1-based); #REF! outside the range.', index),
  eager('ROWS', [1, 1], 'ROWS(range)', 'Number of rows.', dimension('rows')),
  eager('COLUMNS', [1, 1], 'COLUMNS(range)', 'Number of columns.', dimension('cols')),
];
