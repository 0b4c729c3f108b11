// The operators on any values: coercion, error propagation and array broadcasting.
// compile.ts has number-only fast paths and falls back to these for everything else.
import { compareScalars, NUMBER_EPSILON } from './compare';
import { toNumber, toText } from './coerce';
import type { BinaryOp, ErrorValue, Scalar, Value } from './types';
import { DIV0, NA, NUM, VALUE, isArray, isError, makeArray } from './values';

type Operand = Scalar | ErrorValue;

/** A finite number, or `#NUM!` for overflow and NaN (Excel has no infinities). */
export function finite(value: number): number | ErrorValue {
  return value - value === 0 ? value : NUM;
}

/**
 * Addition that snaps cancellation noise to zero, as Excel and HyperFormula do:
 * 0.3-0.1-0.2 is 0, not -2.8e-17, so "target met" checks stay exact.
 */
export function addNumbers(a: number, b: number): number {
  const sum = a + b;
  return Math.abs(sum) < NUMBER_EPSILON * Math.abs(a) ? 0 : sum;
}

export function power(base: number, exponent: number): number | ErrorValue {
  if (base === 0 && exponent === 0) return NUM;
  if (base === 0 && exponent < 0) return DIV0;
  return finite(Math.pow(base, exponent));
}

export function arithmetic(op: '+' | '-' | '*' | '/' | '^', a: number, b: number): number | ErrorValue {
  switch (op) {
    case '+':
      return finite(addNumbers(a, b));
    case '-':
      return finite(addNumbers(a, -b));
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? DIV0 : finite(a / b);
    case '^':
      return power(a, b);
  }
}

export function comparison(op: '=' | '<>' | '<' | '<=' | '>' | '>=', order: number): boolean {
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function scalarBinary(op: BinaryOp, a: Operand, b: Operand): Value {
  // Operand errors win over coercion errors, the left one first.
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === '&') {
    const left = toText(a);
    if (isError(left)) return left;
    const right = toText(b);
    if (isError(right)) return right;
    return left + right;
  }
  if (op === '+' || op === '-' || op === '*' || op === '/' || op === '^') {
    const left = toNumber(a);
    if (isError(left)) return left;
    const right = toNumber(b);
    if (isError(right)) return right;
    return arithmetic(op, left, right);
  }
  return comparison(op, compareScalars(a, b));
}

/** Element (row, col) of an operand stretched to a bigger shape; #N/A where it has no cell. */
function elementAt(value: Value, row: number, col: number): Operand {
  if (!isArray(value)) return value;
  const r = value.rows === 1 ? 0 : row;
  const c = value.cols === 1 ? 0 : col;
  if (r >= value.rows || c >= value.cols) return NA;
  const element = value.data[r * value.cols + c];
  return element === undefined || isArray(element) ? VALUE : element;
}

/** Elementwise over arrays like Excel's dynamic arrays: scalars and single rows/columns stretch. */
function broadcast(op: BinaryOp, a: Value, b: Value): Value {
  const rows = Math.max(isArray(a) ? a.rows : 1, isArray(b) ? b.rows : 1);
  const cols = Math.max(isArray(a) ? a.cols : 1, isArray(b) ? b.cols : 1);
  const data: Value[] = new Array<Value>(rows * cols);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      data[row * cols + col] = scalarBinary(op, elementAt(a, row, col), elementAt(b, row, col));
    }
  }
  return makeArray(rows, cols, data);
}

export function applyBinary(op: BinaryOp, a: Value, b: Value): Value {
  if (isArray(a) || isArray(b)) return broadcast(op, a, b);
  return scalarBinary(op, a, b);
}

function mapArray(value: Value, f: (v: Value) => Value): Value {
  if (!isArray(value)) return f(value);
  return makeArray(value.rows, value.cols, value.data.map(f));
}

function negateScalar(value: Value): Value {
  const n = toNumber(value);
  return isError(n) ? n : -n;
}

function percentScalar(value: Value): Value {
  const n = toNumber(value);
  return isError(n) ? n : n / 100;
}

export function applyNegate(value: Value): Value {
  return mapArray(value, negateScalar);
}

/** Unary plus leaves its operand alone, text included (`=+"a"` is "a" in Excel). */
export function applyPlus(value: Value): Value {
  return value;
}

export function applyPercent(value: Value): Value {
  return mapArray(value, percentScalar);
}
