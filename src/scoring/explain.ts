// Why a score is what it is, as data: the band matched, the deductions counted, the roles
// combined. Computed on demand for one person (the grid asks when a cell is clicked).
import type { Value } from '../formula/types';
import { isError, refsOf, parse } from '../formula/index';
import type { Band, Indicator, LevelRow, RaterRole } from './model';
import type { IndicatorPlan } from './graph';
import type { Sheet } from './sheet';
import { isInvalidEntry, rolePresent } from './sheet';
import type { Explanation, InvalidValue, ScoreValue } from './sheet-types';
import { entryName, ruleFormula } from './rules';

function scalar(value: Value | undefined): ScoreValue {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && value.type === 'array') return null;
  return value;
}

function asNumber(value: ScoreValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === '') return 0;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return Number.NaN;
}

export function bandContains(band: Band, value: number): boolean {
  if (band.from !== null && (band.fromInclusive ? value < band.from : value <= band.from)) return false;
  if (band.to !== null && (band.toInclusive ? value > band.to : value >= band.to)) return false;
  return true;
}

function levelMatches(row: LevelRow, value: ScoreValue): boolean {
  if (typeof row.value === 'number') return asNumber(value) === row.value;
  return typeof value === 'string' && value.trim().toLowerCase() === row.value.toLowerCase();
}

function compare(value: number, op: string, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '=':
      return value === threshold;
    default:
      return value !== threshold;
  }
}

/** Numbers of a team column (blank, text and errors left out), as AVERAGE and RANK.EQ see it. */
function teamNumbers(sheet: Sheet, slot: number): number[] {
  return sheet.columns[slot]!.filter((value): value is number => typeof value === 'number');
}

export function explainRule(sheet: Sheet, indicator: Indicator, role: RaterRole, row: number, points: ScoreValue): Explanation {
  const invalid = invalidRead(sheet, indicator, role, row);
  if (invalid) return invalid;
  const layer = sheet.compiled.layers.get(role)!;
  const valueOf = (name: string): ScoreValue => {
    const slot = layer.get(name);
    return slot === undefined ? null : scalar(sheet.columns[slot]![row]);
  };
  const rule = indicator.rule;
  switch (rule.kind) {
    case 'direct':
      return { kind: 'direct', value: valueOf(rule.input ?? entryName(indicator)) };
    case 'scale':
      return { kind: 'scale', value: valueOf(rule.input), low: rule.low, high: rule.high, max: indicator.max, points };
    case 'levels': {
      const value = valueOf(rule.input);
      return { kind: 'levels', value, row: rule.levels.find((level) => levelMatches(level, value)) ?? null, points };
    }
    case 'bands': {
      const value = valueOf(rule.input);
      const number = asNumber(value);
      const band = Number.isNaN(number) ? null : (rule.bands.find((b) => bandContains(b, number)) ?? null);
      return { kind: 'bands', value, band, points };
    }
    case 'deduction':
      return {
        kind: 'deduction',
        start: rule.start ?? indicator.max,
        items: rule.items.map((item) => ({ name: item.input, count: valueOf(item.input), penalty: item.penalty })),
        floor: rule.floor ?? 0,
        points,
      };
    case 'ratio': {
      const actual = valueOf(rule.actual);
      const target = typeof rule.target === 'number' ? rule.target : valueOf(rule.target);
      const a = asNumber(actual);
      const t = asNumber(target);
      const raw = rule.direction === 'higher' ? a / t : t / a;
      const ratio = Number.isFinite(raw) ? raw : null;
      return { kind: 'ratio', actual, target, direction: rule.direction, ratio, max: indicator.max, points };
    }
    case 'threshold': {
      const value = valueOf(rule.input);
      const number = asNumber(value);
      return { kind: 'threshold', value, op: rule.op, threshold: rule.value, passed: Number.isNaN(number) ? null : compare(number, rule.op, rule.value), points };
    }
    case 'rank': {
      const value = valueOf(rule.input);
      const slot = layer.get(rule.input);
      const numbers = slot === undefined ? [] : teamNumbers(sheet, slot);
      const number = asNumber(value);
      const rank = Number.isNaN(number) ? null : 1 + numbers.filter((other) => (rule.order === 'desc' ? other > number : other < number)).length;
      let reference: ScoreValue = null;
      let below = false;
      if (rule.below) {
        reference = rule.below.reference === 'average' ? average(numbers) : rule.below.reference;
        below = typeof reference === 'number' && (rule.order === 'desc' ? number < reference : number > reference);
      }
      return { kind: 'rank', value, rank, below, reference, points };
    }
    case 'relative': {
      const value = valueOf(rule.input);
      const slot = layer.get(rule.input);
      const mean = average(slot === undefined ? [] : teamNumbers(sheet, slot));
      const number = asNumber(value);
      const worse = mean === null || Number.isNaN(number) ? null : rule.direction === 'higher' ? number < mean : number > mean;
      return { kind: 'relative', value, average: mean, worse, points };
    }
    case 'bonus':
      return { kind: 'bonus', value: valueOf(rule.input ?? entryName(indicator)), min: rule.min, max: rule.max, points };
    case 'formula': {
      const parsed = parse(ruleFormula(indicator, sheet.compiled.template));
      const names = parsed.ok ? refsOf(parsed.ast).row : [];
      return { kind: 'formula', formula: rule.formula, inputs: names.map((name) => ({ name, value: valueOf(name) })), points };
    }
  }
}

/** The values of a row that do not fit their input, as a person reads them (with the raw slot). */
function invalidWithSlots(sheet: Sheet, row: number): { slot: number; value: InvalidValue }[] {
  const { cells, template } = sheet.compiled;
  return sheet.invalidEntries(row).map((entry) => {
    const cell = cells[entry.slot]!;
    const key = cell.entryKey ?? entry.input.id;
    const indicator = cell.indicatorId ? template.sections.flatMap((s) => s.indicators).find((i) => i.id === cell.indicatorId) : undefined;
    const name = indicator?.name ?? entry.input.name;
    return { slot: entry.slot, value: { key, name, role: cell.role ?? sheet.compiled.primaryRole, value: entry.value, problem: entry.problem } };
  });
}

/** The values of a row that do not fit their input, as a person reads them. */
export function invalidValues(sheet: Sheet, row: number): InvalidValue[] {
  return invalidWithSlots(sheet, row).map((found) => found.value);
}

/** The rule reads a value that does not fit its input: that, not the rule, explains the score. */
function invalidRead(sheet: Sheet, indicator: Indicator, role: RaterRole, row: number): Explanation | null {
  const plan = sheet.compiled.indicators.find((p) => p.indicator.id === indicator.id);
  const index = plan ? plan.roles.findIndex((w) => w.role === role) : -1;
  if (!plan || index < 0 || !isInvalidEntry(sheet.columns[plan.roleSlots[index]!]![row])) return null;
  const reads = new Set(plan.presenceSlots[index]);
  const entries = invalidWithSlots(sheet, row).filter((found) => reads.has(found.slot)).map((found) => found.value);
  return entries.length > 0 ? { kind: 'invalid', entries } : null;
}

function average(numbers: readonly number[]): number | null {
  if (numbers.length === 0) return null;
  return numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
}

/** The explanation of an indicator's (non-weekly) score for one row. */
export function explainIndicator(sheet: Sheet, plan: IndicatorPlan, row: number): Explanation {
  const final = scalar(sheet.columns[plan.finalSlot]![row]);
  if (plan.roles.length === 1) {
    const role = plan.roles[0]!.role;
    return explainRule(sheet, plan.indicator, role, row, final);
  }
  const parts = plan.roles.flatMap((weight, i) => {
    if (!rolePresent(sheet.columns, plan, i, row)) return [];
    const score = scalar(sheet.columns[plan.roleSlots[i]!]![row]);
    return [{ role: weight.role, weight: weight.weight, score, detail: explainRule(sheet, plan.indicator, weight.role, row, score) }];
  });
  const missing = plan.roles.filter((_, i) => !rolePresent(sheet.columns, plan, i, row)).map((w) => w.role);
  return { kind: 'roles', parts, missing, points: final };
}

export function isScoreError(value: ScoreValue): boolean {
  return isError(value);
}
