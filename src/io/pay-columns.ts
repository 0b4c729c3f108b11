// The pay columns of an exported sheet: 校准等级, 绩效系数, 绩效工资基数, 绩效工资 after
// the scores. In the workbook the coefficient is a lookup of the final grade in a sheet of its own
// (grade → coefficient) and the pay is base × coefficient rounded to cents, both live formulas; the
// CSV holds the same values. Only written when the workspace has a coefficient table for the template.
import { translate, type Locale } from '../i18n/catalog';
import type { Value } from '../formula/types';
import { coefficientFor, performancePay, type CoefficientRow } from '../scoring/pay';
import type { LayoutColumn, LayoutKind, SheetLayout } from './sheet-layout';
import { columnLetter } from './table';

/** What the pay columns need, gathered by the page (plain arrays: it crosses to the io worker). */
export interface PayExport {
  /** grade → 绩效系数 of the period's template family. */
  readonly coefficients: readonly CoefficientRow[];
  /** [person id, 绩效工资基数]. */
  readonly bases: readonly (readonly [string, number])[];
  /** [person id, calibrated grade]: the grade that counts when there is one. */
  readonly calibrated: readonly (readonly [string, string])[];
}

export const PAY_KINDS = ['calibratedGrade', 'coefficient', 'payBase', 'pay'] as const satisfies readonly LayoutKind[];
export type PayKind = (typeof PAY_KINDS)[number];

export function isPayKind(kind: LayoutKind): kind is PayKind {
  return (PAY_KINDS as readonly string[]).includes(kind);
}

const HEADER_KEYS: Readonly<Record<PayKind, string>> = {
  calibratedGrade: 'review.export.calibratedGrade',
  coefficient: 'review.export.coefficient',
  payBase: 'review.export.payBase',
  pay: 'review.export.pay',
};

/** The layout with the four pay columns after the last one. */
export function withPayColumns(layout: SheetLayout, locale: Locale): SheetLayout {
  const start = layout.columns.length;
  const added: LayoutColumn[] = PAY_KINDS.map((kind, i) => ({
    kind,
    header: translate(locale, HEADER_KEYS[kind]),
    index: start + i,
    letter: columnLetter(start + i),
    format: kind === 'calibratedGrade' ? 'text' : kind === 'coefficient' ? 'general' : 'money',
  }));
  return { ...layout, columns: [...layout.columns, ...added] };
}

/** The name of the coefficient sheet and the notes' sentence for each pay column. */
export function coefficientSheetName(locale: Locale): string {
  return translate(locale, 'review.export.coefficientSheet');
}

export function payColumnNote(kind: PayKind, locale: Locale): string {
  return translate(locale, `review.export.kind.${kind}`, { sheet: coefficientSheetName(locale) });
}

/** Per person: the values the pay columns hold, as the app computes them. */
export function payValuesFor(pay: PayExport): (personId: string, grade: string | null) => Record<PayKind, Value> {
  const bases = new Map(pay.bases);
  const calibrated = new Map(pay.calibrated);
  return (personId, grade) => {
    // A calibration counts only for someone with a computed grade (assessed, with a total).
    const calibratedGrade = grade === null ? null : (calibrated.get(personId) ?? null);
    const coefficient = coefficientFor(pay.coefficients, calibratedGrade ?? grade);
    const base = bases.get(personId) ?? null;
    return { calibratedGrade: calibratedGrade ?? '', coefficient, payBase: base, pay: performancePay(base, coefficient) };
  };
}

/** `'绩效系数'!$A$2:$B$5`: the grade → coefficient table in its own sheet. */
export function coefficientRange(locale: Locale, rows: number): string {
  const name = coefficientSheetName(locale).replaceAll("'", "''");
  return `'${name}'!$A$2:$B$${Math.max(2, rows + 1)}`;
}

/**
 * The formula of a pay column in one row: the coefficient looks the final grade up (blank for
 * people without a grade, and for a grade the table lacks); the pay is ROUND(base × coefficient, 2)
 * when both are numbers.
 */
export function payFormula(layout: SheetLayout, kind: PayKind, row: number | string, range: string): string | undefined {
  const letter = (wanted: LayoutKind) => layout.columns.find((column) => column.kind === wanted)?.letter;
  if (kind === 'coefficient') {
    const grade = letter('grade');
    const calibrated = letter('calibratedGrade');
    if (!grade || !calibrated) return undefined;
    return `IF(${grade}${row}="","",IFERROR(VLOOKUP(IF(${calibrated}${row}<>"",${calibrated}${row},${grade}${row}),${range},2,FALSE),""))`;
  }
  if (kind === 'pay') {
    const coefficient = letter('coefficient');
    const base = letter('payBase');
    if (!coefficient || !base) return undefined;
    return `IF(AND(ISNUMBER(${base}${row}),ISNUMBER(${coefficient}${row})),ROUND(${base}${row}*${coefficient}${row},2),"")`;
  }
  return undefined;
}
