// Excel's ordering of values for comparisons, MATCH and SWITCH: number < text < boolean,
// text case-insensitive, blank equal to 0, "" and FALSE. Numbers equal to 13 significant
// digits compare equal, so float noise (0.7+0.2 vs 90%) never flips a band edge.
import type { ErrorValue, Scalar } from './types';

/** Relative tolerance for numeric equality; the same as HyperFormula's default. */
export const NUMBER_EPSILON = 1e-13;

export function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= NUMBER_EPSILON * scale) return 0;
  return a < b ? -1 : 1;
}

export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function typeRank(value: number | string | boolean): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

/** Blank takes the other side's type: 0, "" or FALSE. */
function blankLike(other: number | string | boolean): number | string | boolean {
  if (typeof other === 'number') return 0;
  if (typeof other === 'string') return '';
  return false;
}

/** -1, 0 or 1 in Excel's order. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  const left = a === null ? blankLike(b as number | string | boolean) : a;
  const right = b === null ? blankLike(left) : b;
  if (typeof left === 'number' && typeof right === 'number') return compareNumbers(left, right);
  if (typeof left === 'string' && typeof right === 'string') return compareText(left, right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return left === right ? 0 : left ? 1 : -1;
  return typeRank(left) < typeRank(right) ? -1 : 1;
}

/** Case-insensitive text equality without upper-casing strings that cannot be equal. */
function textEqual(a: string, b: string): boolean {
  if (a === b) return true;
  // Upper-casing keeps the length of everything but a few letters (ß → SS); Excel does not
  // equate those either, so different lengths are different texts.
  if (a.length !== b.length) return false;
  return a.toUpperCase() === b.toUpperCase();
}

export function scalarsEqual(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'string' && typeof b === 'string') return textEqual(a, b);
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b) === 0;
  return compareScalars(a, b) === 0;
}

/** Errors compare by code only (used by COUNTIF and MATCH on error literals). */
export function sameError(a: ErrorValue, b: ErrorValue): boolean {
  return a.code === b.code;
}
