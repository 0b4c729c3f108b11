// Section scores, the total and the grade, written as formulas (总分 = 业绩×80% + 行为×20%).
import type { GradeBand, Indicator, Section, Template } from './model';
import { nameRef, numberLiteral, percent, stringLiteral, sumOf } from './formula-text';

export const DEFAULT_LABELS = { total: '总分', grade: '等级', rank: '排名' } as const;

export function totalName(template: Template): string {
  return template.labels?.total ?? DEFAULT_LABELS.total;
}

export function gradeName(template: Template): string {
  return template.labels?.grade ?? DEFAULT_LABELS.grade;
}

export function rankName(template: Template): string {
  return template.labels?.rank ?? DEFAULT_LABELS.rank;
}

export function baseIndicators(section: Section): Indicator[] {
  return section.indicators.filter((indicator) => !indicator.bonus);
}

export function bonusIndicators(template: Template): Indicator[] {
  return template.sections.flatMap((section) => section.indicators.filter((indicator) => indicator.bonus === true));
}

/** Highest score a section can reach: Σ max for `sum`, 100 for `weighted` and `average`. */
export function sectionMax(section: Section): number {
  if (section.combine !== 'sum') return 100;
  return baseIndicators(section).reduce((sum, indicator) => sum + indicator.max, 0);
}

/** A term `[a]/30*10`, simplified to `[a]` when the factor is 1. */
function scaledTerm(name: string, numerator: number, denominator: number): string {
  const factor = numerator / denominator;
  if (Math.abs(factor - 1) < 1e-12) return nameRef(name);
  if (denominator === 1) return `${nameRef(name)}*${numberLiteral(numerator)}`;
  return `${nameRef(name)}/${numberLiteral(denominator)}*${numberLiteral(numerator)}`;
}

export function sectionFormula(section: Section): string {
  const indicators = baseIndicators(section);
  if (indicators.length === 0) return '0';
  switch (section.combine) {
    case 'sum':
      return sumOf(indicators.map((indicator) => nameRef(indicator.name)));
    case 'weighted':
      // Σ wᵢ × scoreᵢ/maxᵢ × 100: a 30-point item with a 10% weight counts 10.
      return sumOf(indicators.map((indicator) => scaledTerm(indicator.name, (indicator.weight ?? 0) * 100, indicator.max)));
    case 'average': {
      const terms = indicators.map((indicator) => scaledTerm(indicator.name, 100, indicator.max));
      return indicators.length === 1 ? terms[0]! : `AVERAGE(${terms.join(',')})`;
    }
  }
}

export function totalFormula(template: Template): string {
  const total = template.total;
  if (total.kind === 'formula') return total.formula.replace(/^\s*=/, '');
  const bonus = bonusIndicators(template).map((indicator) => nameRef(indicator.name));
  const base = total.base ? [numberLiteral(total.base)] : [];
  if (total.kind === 'weighted') {
    const terms = template.sections.map((section) => `${nameRef(section.name)}*${percent(section.weight ?? 0)}`);
    return sumOf([...base, ...terms, ...bonus]);
  }
  const sections = template.sections.map((section) => nameRef(section.name));
  if (total.outOf === undefined) return sumOf([...base, ...sections, ...bonus]);
  const max = template.sections.reduce((sum, section) => sum + sectionMax(section), 0);
  const scaled = Math.abs(max - total.outOf) < 1e-12 ? sumOf(sections) : `(${sumOf(sections)})/${numberLiteral(max)}*${numberLiteral(total.outOf)}`;
  return sumOf([...base, scaled, ...bonus]);
}

/**
 * A score as Excel keeps it: 15 significant digits. Binary noise such as 12 × 0.7 / 0.7 =
 * 11.999999999999998 must not drop a 60 to 不合格 or split a tie.
 */
export function toExcelPrecision(value: number): number {
  // Fast path: a value with at most 6 decimals below 1e9 already has ≤ 15 significant digits, so
  // rounding would give it back unchanged (most scores: 14, 8.75). toPrecision makes a string.
  if (Math.abs(value) < 1e9 && Math.round(value * 1e6) / 1e6 === value) return value + 0; // + 0: −0 reads 0, as toPrecision gives
  return Number(value.toPrecision(15));
}

/** Does a total reach a grade band's lower edge? */
export function meetsGrade(total: number, band: GradeBand): boolean {
  if (band.min === null) return true;
  const rounded = toExcelPrecision(total);
  return band.minInclusive ? rounded >= band.min : rounded > band.min;
}

/** The grade of a total: the first band (highest first) whose edge the total reaches. */
export function gradeFor(total: number, grades: readonly GradeBand[]): GradeBand | null {
  const rounded = toExcelPrecision(total);
  for (const band of grades) {
    if (band.min === null || (band.minInclusive ? rounded >= band.min : rounded > band.min)) return band;
  }
  return null;
}

export function gradeFormula(template: Template): string {
  const subject = nameRef(totalName(template));
  let text = '""';
  for (let i = template.grades.length - 1; i >= 0; i--) {
    const band = template.grades[i]!;
    text = band.min === null ? stringLiteral(band.label) : `IF(${subject}${band.minInclusive ? '>=' : '>'}${numberLiteral(band.min)},${stringLiteral(band.label)},${text})`;
  }
  return text;
}
