// Decimal rounding that gives the answers people expect from Excel despite binary floats:
// ROUND(2.675,2) is 2.68 although 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.

type Direction = 'nearest' | 'up' | 'down';

/** `value` (≥ 0) cut to 15 significant digits, which is all Excel keeps. */
function toFifteenDigits(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const exponent = Math.floor(Math.log10(value));
  if (exponent > 14 || exponent < -290) return value;
  const scale = Math.pow(10, 14 - exponent);
  return Math.round(value * scale) / scale;
}

/** Rounds away from zero (`up`), toward zero (`down`) or half away from zero (`nearest`). */
export function roundTo(value: number, digits: number, direction: Direction): number {
  if (digits > 300) return value;
  if (digits < -300) return 0;
  const magnitude = Math.abs(value);
  const factor = Math.pow(10, Math.abs(digits));
  const scaled = toFifteenDigits(digits >= 0 ? magnitude * factor : magnitude / factor);
  let whole: number;
  if (direction === 'nearest') whole = Math.floor(scaled + 0.5);
  else if (direction === 'up') whole = Math.ceil(scaled);
  else whole = Math.floor(scaled);
  const rounded = digits >= 0 ? whole / factor : whole * factor;
  return value < 0 ? -rounded : rounded;
}
