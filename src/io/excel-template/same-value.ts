// When two results count as the same: numbers within 1e-9 relative (Excel keeps 15 digits, and
// Kaohe may add in another order), errors by code, blank as blank, everything else exactly.
import { isError } from '../../formula/index';
import type { ErrorValue, Scalar } from '../../formula/types';

export type CellValue = Scalar | ErrorValue;

export const RELATIVE_TOLERANCE = 1e-9;

export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (isError(left) || isError(right)) return isError(left) && isError(right) && left.code === right.code;
  if (typeof left === 'number' && typeof right === 'number') {
    return left === right || Math.abs(left - right) <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
  }
  return left === right;
}
