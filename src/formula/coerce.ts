// Excel's implicit conversions: text to number in arithmetic, number to text in `&`,
// values to TRUE/FALSE in conditions. Blank (`null`) is 0, "" or FALSE.
import type { ErrorValue, Scalar, Value } from './types';
import { VALUE, isArray, isError, singleElement } from './values';

// Numeric text that Excel coerces: "12", " -1.5 ", "1e3", "50%". Thousands separators and
// currency signs depend on the locale, so they stay text here.
const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*%?\s*$/;

export function numberFromText(text: string): number | undefined {
  if (!NUMERIC_TEXT.test(text)) return undefined;
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (!Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}

/** A single value for a scalar argument: a 1×1 array is its element, a larger one is `#VALUE!`. */
export function toScalar(value: Value): Scalar | ErrorValue {
  if (!isArray(value)) return value;
  const single = singleElement(value);
  return single === undefined || isArray(single) ? VALUE : single;
}

export function toNumber(value: Value): number | ErrorValue {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return numberFromText(value) ?? VALUE;
  if (isError(value)) return value;
  return toNumber(toScalar(value));
}

export function toBoolean(value: Value): boolean | ErrorValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === null) return false;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    return VALUE;
  }
  if (isError(value)) return value;
  return toBoolean(toScalar(value));
}

export function toText(value: Value): string | ErrorValue {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isError(value)) return value;
  return toText(toScalar(value));
}

/**
 * A number as Excel's General format writes it in `&`: at most 15 significant digits, so
 * 0.1+0.2 joins as "0.3", and exponents as `1E+21`.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value === 0 ? 0 : value);
  const text = String(Number(value.toPrecision(15)));
  const exponent = text.indexOf('e');
  if (exponent < 0) return text;
  const mantissa = text.slice(0, exponent);
  const sign = text[exponent + 1] === '-' ? '-' : '+';
  const digits = text.slice(exponent + 2).padStart(2, '0');
  return `${mantissa}E${sign}${digits}`;
}
