// HyperFormula as an independent oracle for differential tests (GPL: tests only, never src/).
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { ErrorValue, Scalar } from '../../../src/formula/index';
import { isError } from '../../../src/formula/index';

export type OracleValue = Scalar | ErrorValue;

/** Excel text for HyperFormula, which knows TRUE/FALSE only as the functions TRUE()/FALSE(). */
export function forHyperFormula(excel: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < excel.length; i++) {
    const char = excel[i] as string;
    if (char === '"') inString = !inString;
    if (!inString && /^(TRUE|FALSE)(?![A-Za-z0-9_.(])/.test(excel.slice(i)) && !/[A-Za-z0-9_.]/.test(excel[i - 1] ?? '')) {
      const word = excel.startsWith('TRUE', i) ? 'TRUE' : 'FALSE';
      out += `${word}()`;
      i += word.length - 1;
      continue;
    }
    out += char;
  }
  return out;
}

/** A one-sheet workbook. Strings are stored as text (never parsed as numbers). */
export function createOracle() {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const sheet = hf.getSheetId(hf.addSheet('Sheet1')) as number;

  return {
    /** Replaces the sheet with `rows` (row 0 is Excel row 1). */
    setRows(rows: readonly (readonly Scalar[])[]): void {
      hf.setSheetContent(sheet, rows.map((row) => row.map((v) => (typeof v === 'string' ? `'${v}` : v))));
    },
    /** Evaluates Excel text (without `=`) in the cell at 0-based (row, col). */
    evaluate(formula: string, row = 0, col = 0): OracleValue {
      hf.setCellContents({ sheet, row, col }, [[`=${forHyperFormula(formula)}`]]);
      const value = hf.getCellValue({ sheet, row, col });
      if (value instanceof DetailedCellError) return { type: 'error', code: value.value as ErrorValue['code'] };
      return value ?? null;
    },
  };
}

/** Same value: numbers within 1e-9, errors by code, everything else exactly. */
export function sameValue(ours: OracleValue, theirs: OracleValue): boolean {
  if (isError(ours) || isError(theirs)) return isError(ours) && isError(theirs) && ours.code === theirs.code;
  if (typeof ours === 'number' && typeof theirs === 'number') return Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs));
  return ours === theirs;
}
