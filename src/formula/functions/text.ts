// CHAR: the one text function the exporter needs. Excel formulas written by printExcel spell a
// double quote inside text as CHAR(34), so a workbook Kaohe exported imports back unchanged.
import { toNumber } from '../coerce';
import type { Value } from '../types';
import { VALUE, isError } from '../values';
import { eager, type FunctionSpec } from './spec';

function char(args: readonly Value[]): Value {
  const n = toNumber(args[0] ?? null);
  if (isError(n)) return n;
  const code = Math.trunc(n);
  // Excel answers 1–255 (its code page); beyond ASCII we give the Latin-1 character.
  if (code < 1 || code > 255) return VALUE;
  return String.fromCharCode(code);
}

export const TEXT_FUNCTIONS: readonly FunctionSpec[] = [
  eager('CHAR', [1, 1], 'CHAR(number)', 'The character with this code (CHAR(34) is a double quote).', char),
];
