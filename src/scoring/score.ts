// scorePeriod: a team's period scored in one call — per person each indicator's score (with a
// lazily built explanation), section scores, total, grade and rank. Weekly indicators are scored
// week by week and summed into the month (seed 003: 每周统计, 全月共4周).
import type { Value } from '../formula/types';
import { isError } from '../formula/index';
import type { RaterRole, Template } from './model';
import { buildGraph, type CompiledTemplate, type IndicatorPlan } from './graph';
import { combinedScore, createSheet, rolePresent, type Sheet } from './sheet';
import { explainIndicator, invalidValues } from './explain';
import type { Explanation, IndicatorResult, PeriodResult, PersonResult, ScoreValue, SheetInput } from './sheet-types';

const compiledCache = new WeakMap<Template, CompiledTemplate>();

/** Compile once per template object; templates are immutable values. */
export function compileTemplate(template: Template): CompiledTemplate {
  let compiled = compiledCache.get(template);
  if (!compiled) {
    compiled = buildGraph(template);
    compiledCache.set(template, compiled);
  }
  return compiled;
}

function scalar(value: Value | undefined): ScoreValue {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && value.type === 'array') return null;
  return value;
}

export interface WeekScores {
  readonly week: string;
  readonly sheet: Sheet;
}

/** Per weekly indicator, per person (input order): each week's score, null when not rated that week. */
function weeklyParts(compiled: CompiledTemplate, input: SheetInput): { weeks: WeekScores[]; sums: Map<string, Value[]> } {
  const weeks = (input.weeks ?? []).map((week) => ({ week: week.key, sheet: createSheet(compiled, { people: input.people, entries: week.entries }) }));
  const sums = new Map<string, Value[]>();
  for (const plan of compiled.indicators) {
    if (!plan.weekly) continue;
    sums.set(
      plan.indicator.id,
      input.people.map((person) => {
        let sum: Value = null;
        for (const { sheet } of weeks) {
          const score = weekScore(sheet, plan, person.id);
          if (score === null) continue;
          if (isError(score)) return score;
          if (typeof score === 'number') sum = (typeof sum === 'number' ? sum : 0) + score;
        }
        return sum;
      }),
    );
  }
  return { weeks, sums };
}

/** A weekly indicator's score for one person in one week, or null if nobody rated it that week. */
function weekScore(sheet: Sheet, plan: IndicatorPlan, personId: string): Value {
  const row = sheet.rowOf.get(personId);
  if (row === undefined || row < 0) return null;
  const rated = plan.roles.some((_, i) => rolePresent(sheet.columns, plan, i, row));
  return rated ? combinedScore(sheet.columns, plan, row) : null;
}

export interface ScoredPeriod extends PeriodResult {
  readonly sheet: Sheet;
  readonly weeks: readonly WeekScores[];
}

export function scorePeriod(template: Template, input: SheetInput): ScoredPeriod {
  const compiled = compileTemplate(template);
  const { weeks, sums } = compiled.hasWeekly ? weeklyParts(compiled, input) : { weeks: [], sums: new Map<string, Value[]>() };
  const sheet = createSheet(compiled, input, { weekSums: sums });
  // Per-person results are objects for every indicator of every person: built on first use, so a
  // view that reads the sheet's columns (the rating grid) never pays for 10,000 of them.
  let people: PersonResult[] | undefined;
  return {
    sheet,
    weeks,
    get people() {
      people ??= resultsOf(sheet, weeks);
      return people;
    },
  };
}

export function resultsOf(sheet: Sheet, weeks: readonly WeekScores[] = []): PersonResult[] {
  return sheet.people.map((person) => personResult(sheet, weeks, person.id));
}

function emptyResult(personId: string): PersonResult {
  return { personId, status: 'leave', rated: false, invalid: [], indicators: {}, sections: {}, derived: {}, bonus: null, total: null, grade: null, rank: null, outputs: {} };
}


const NO_ROLES: RaterRole[] = [];

/**
 * One indicator's result. A class with its parts worked out on first read, not an object literal:
 * the dashboard makes 400,000 of these for a call centre (10,000 people × 40 indicators), and
 * each literal with its arrays, role map and getter was garbage to collect.
 */
class IndicatorOutcome implements IndicatorResult {
  private missing: readonly RaterRole[] | undefined;
  private roles: Partial<Record<RaterRole, ScoreValue>> | null | undefined;
  private explained: Explanation | undefined;

  constructor(
    readonly score: ScoreValue,
    private readonly sheet: Sheet,
    private readonly weeks: readonly WeekScores[],
    private readonly plan: IndicatorPlan,
    private readonly row: number,
    private readonly personId: string,
  ) {}

  /** Roles with a weight but no entries for this person (reported, never silently zero). */
  get missingRoles(): readonly RaterRole[] {
    if (this.missing === undefined) {
      const { plan, row } = this;
      let missing: RaterRole[] = NO_ROLES;
      if (!plan.weekly) {
        for (let i = 0; i < plan.roles.length; i++) {
          if (!rolePresent(this.sheet.columns, plan, i, row)) missing = missing === NO_ROLES ? [plan.roles[i]!.role] : [...missing, plan.roles[i]!.role];
        }
      }
      this.missing = missing;
    }
    return this.missing;
  }

  /** Score per rater role, when the indicator has more than one role. */
  get byRole(): Partial<Record<RaterRole, ScoreValue>> | undefined {
    if (this.roles === undefined) {
      const { plan, row } = this;
      if (plan.roles.length < 2) this.roles = null;
      else {
        const roles: Partial<Record<RaterRole, ScoreValue>> = {};
        plan.roles.forEach((w, i) => (roles[w.role] = scalar(this.sheet.columns[plan.roleSlots[i]!]![row])));
        this.roles = roles;
      }
    }
    return this.roles ?? undefined;
  }

  get explanation(): Explanation {
    this.explained ??= this.plan.weekly ? weeklyExplanation(this.weeks, this.plan, this.personId, this.score) : explainIndicator(this.sheet, this.plan, this.row);
    return this.explained;
  }
}

export function personResult(sheet: Sheet, weeks: readonly WeekScores[], personId: string): PersonResult {
  const row = sheet.rowOf.get(personId);
  const status = sheet.statusOf(personId);
  if (row === undefined || row < 0) return { ...emptyResult(personId), status };
  const { compiled, columns } = sheet;
  const at = (slot: number) => scalar(columns[slot]![row]);

  const indicators: Record<string, IndicatorResult> = {};
  let bonus: ScoreValue = compiled.indicators.some((plan) => plan.indicator.bonus) ? 0 : null;
  for (const plan of compiled.indicators) {
    const score = at(plan.finalSlot);
    const result = new IndicatorOutcome(score, sheet, weeks, plan, row, personId);
    indicators[plan.indicator.id] = result;
    if (plan.indicator.bonus && bonus !== null && !isError(bonus)) {
      if (isError(score)) bonus = score;
      else if (typeof score === 'number') bonus += score;
    }
  }
  const sections = Object.fromEntries([...compiled.sectionSlots].map(([id, slot]) => [id, at(slot)]));
  const primary = compiled.primaryRole;
  const derived = Object.fromEntries(
    compiled.template.inputs
      .filter((input) => input.formula)
      .map((input) => [input.id, at(compiled.derivedSlots.get(`${input.scope === 'team' ? 'team' : primary}|${input.id}`)!)]),
  );
  const outputs = Object.fromEntries([...compiled.outputSlots].map(([id, slot]) => [id, at(slot)]));
  const total = at(compiled.totalSlot);
  const gradeValue = at(compiled.gradeSlot);
  const rankValue = at(compiled.rankSlot);
  return {
    personId,
    status,
    rated: sheet.isRated(row),
    invalid: invalidValues(sheet, row),
    indicators,
    sections,
    derived,
    bonus,
    total,
    grade: status === 'active' && typeof gradeValue === 'string' && gradeValue !== '' ? gradeValue : null,
    rank: typeof rankValue === 'number' ? rankValue : null,
    outputs,
  };
}

function weeklyExplanation(weeks: readonly WeekScores[], plan: IndicatorPlan, personId: string, points: ScoreValue): Explanation {
  return {
    kind: 'weeks',
    parts: weeks.map(({ week, sheet }) => ({ week, points: scalar(weekScore(sheet, plan, personId)) })),
    points,
  };
}
