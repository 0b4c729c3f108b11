// toExcelPrecision: scores compared at Excel's 15 significant digits; the fast path for short
// decimals must give exactly what toPrecision(15) gives.
import { describe, expect, it } from 'vitest';
import { toExcelPrecision } from '../../../src/scoring/composite';

describe('toExcelPrecision', () => {
  it('rounds binary noise away at 15 significant digits', () => {
    expect(toExcelPrecision((0.7 * 12) / 0.7)).toBe(12);
    expect(toExcelPrecision(89.99999999999999)).toBe(90);
    expect(toExcelPrecision(0.1 + 0.2)).toBe(0.3);
  });

  it('leaves short decimals and integers as they are, exactly as toPrecision(15) would', () => {
    const samples = [0, -0, 8.75, 14, 0.85, 99.5, -3.125, 123456.789, 999999999.5, 1e-7, 1234567890123456, 2 / 3, 59.04, 0.000001];
    for (const value of samples) expect(toExcelPrecision(value)).toBe(Number(value.toPrecision(15)));
    for (let i = 0; i < 10_000; i++) {
      const value = Math.round(Math.random() * 1e8) / 100;
      expect(toExcelPrecision(value)).toBe(Number(value.toPrecision(15)));
    }
  });
});
