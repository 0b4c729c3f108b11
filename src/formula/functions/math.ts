// Numeric functions of one or two scalars: rounding, INT, TRUNC, MOD, ABS, POWER, SQRT.
import { toNumber } from '../coerce';
import { finite, power } from '../operators';
import type { ErrorValue, Value } from '../types';
import { DIV0, NUM, isError } from '../values';
import { integerArg, optional } from './args';
import { roundTo } from './rounding';
import { eager, type FunctionSpec } from './spec';

function unary(f: (n: number) => number | ErrorValue) {
  return (args: readonly Value[]): Value => {
    const n = toNumber(args[0] ?? null);
    return isError(n) ? n : f(n);
  };
}

function rounding(direction: 'nearest' | 'up' | 'down', defaultDigits?: number) {
  return (args: readonly Value[]): Value => {
    const n = toNumber(args[0] ?? null);
    if (isError(n)) return n;
    const digits = integerArg(optional(args, 1, defaultDigits ?? 0));
    if (isError(digits)) return digits;
    return roundTo(n, digits, direction);
  };
}

// Excel's MOD takes the sign of the divisor: MOD(-1,3) is 2.
function mod(args: readonly Value[]): Value {
  const n = toNumber(args[0] ?? null);
  if (isError(n)) return n;
  const d = toNumber(args[1] ?? null);
  if (isError(d)) return d;
  if (d === 0) return DIV0;
  return finite(n - d * Math.floor(n / d));
}

function powerOf(args: readonly Value[]): Value {
  const base = toNumber(args[0] ?? null);
  if (isError(base)) return base;
  const exponent = toNumber(args[1] ?? null);
  if (isError(exponent)) return exponent;
  return power(base, exponent);
}

export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  eager('ROUND', [2, 2], 'ROUND(number, digits)', 'Rounds half away from zero to `digits` decimals (negative digits round left of the point).', rounding('nearest')),
  eager('ROUNDUP', [2, 2], 'ROUNDUP(number, digits)', 'Rounds away from zero.', rounding('up')),
  eager('ROUNDDOWN', [2, 2], 'ROUNDDOWN(number, digits)', 'Rounds toward zero.', rounding('down')),
  eager('TRUNC', [1, 2], 'TRUNC(number, [digits])', 'Cuts off decimals without rounding.', rounding('down', 0)),
  eager('INT', [1, 1], 'INT(number)', 'Rounds down to the nearest integer (INT(-1.5) is -2).', unary(Math.floor)),
  eager('ABS', [1, 1], 'ABS(number)', 'Absolute value.', unary(Math.abs)),
  eager('SQRT', [1, 1], 'SQRT(number)', 'Square root; #NUM! for a negative number.', unary((n) => (n < 0 ? NUM : Math.sqrt(n)))),
  eager('MOD', [2, 2], 'MOD(number, divisor)', 'Remainder with the sign of the divisor.', mod),
  eager('POWER', [2, 2], 'POWER(number, power)', 'number^power.', powerOf),
];
