// Error values and the small guards every other formula file uses.
// Errors without a detail are shared frozen objects, so the hot path never allocates one.
import type { ArrayValue, ErrorCode, ErrorValue, Value } from './types';

export const ERROR_CODES: readonly ErrorCode[] = [
  '#DIV/0!',
  '#VALUE!',
  '#NAME?',
  '#N/A',
  '#NUM!',
  '#REF!',
  '#NULL!',
  '#CYCLE!',
];

function frozenError(code: ErrorCode): ErrorValue {
  return Object.freeze({ type: 'error', code });
}

export const DIV0 = frozenError('#DIV/0!');
export const VALUE = frozenError('#VALUE!');
export const NAME = frozenError('#NAME?');
export const NA = frozenError('#N/A');
export const NUM = frozenError('#NUM!');
export const REF = frozenError('#REF!');
const NULL_ERROR = frozenError('#NULL!');
const CYCLE = frozenError('#CYCLE!');

const SHARED: Readonly<Record<ErrorCode, ErrorValue>> = {
  '#DIV/0!': DIV0,
  '#VALUE!': VALUE,
  '#NAME?': NAME,
  '#N/A': NA,
  '#NUM!': NUM,
  '#REF!': REF,
  '#NULL!': NULL_ERROR,
  '#CYCLE!': CYCLE,
};

/** An error value; equality is by `code` only, the detail is for explanations. */
export function errorValue(code: ErrorCode, detail?: string): ErrorValue {
  if (detail === undefined) return SHARED[code];
  return Object.freeze({ type: 'error', code, detail });
}

export function isError(value: unknown): value is ErrorValue {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'error';
}

export function isArray(value: unknown): value is ArrayValue {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'array';
}

export function isErrorCode(text: string): text is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(text);
}

export function makeArray(rows: number, cols: number, data: readonly Value[]): ArrayValue {
  return { type: 'array', rows, cols, data };
}

/** A 1×1 array is a scalar in disguise (Excel's implicit intersection of a single cell). */
export function singleElement(array: ArrayValue): Value | undefined {
  return array.rows === 1 && array.cols === 1 ? array.data[0] : undefined;
}
