// Rules over consecutive periods, shown as flags on the person (seed 003 / seed 000: 连续3个月考核
// 排名第一奖励200元; 连续3个月考核不及格自动请辞). The one engine for the rating sheet and the
// dashboard: each period becomes a `PeriodOutcome` through `periodOutcome` (from its scored sheet,
// with its calibrated grades), and `crossPeriodFlags` reads a series of them.
// A streak must end at the latest period, run over calendar-consecutive periods (2026-09, 2026-10,
// 2026-11), and count only periods in which the person was assessed and rated: a month on leave,
// as temporary cover, or with nothing entered (未评) breaks it.
import type { CrossPeriodRule, GradeBand, PersonStatus, Template } from './model';
import type { Sheet } from './sheet';
import { effectiveGrade } from './calibration';
import { previousPeriodKey } from './periods';

/** One person's result in one period, as cross-period rules and trends read it. */
export interface PersonOutcome {
  readonly personId: string;
  readonly status: PersonStatus;
  /** False when nothing was entered for the person that period (未评). */
  readonly rated: boolean;
  /** The total, or null (not rated, on leave, or an error). */
  readonly total: number | null;
  readonly rank: number | null;
  /**
   * The grade that counts: null when the sheet gives the person no grade to count (on leave,
   * temporary cover, not rated, or a total that is an error); else the calibrated grade where a
   * manager recorded one, else the computed one. A calibration alone never gives a grade.
   */
  readonly grade: string | null;
}

/** One scored period of a template family. */
export interface PeriodOutcome {
  readonly periodId: string;
  /** Period key (`2026-11`); the periods of one series share a kind. */
  readonly key: string;
  /** The grades of the template version the period was rated with. */
  readonly grades: readonly GradeBand[];
  readonly people: readonly PersonOutcome[];
}

/**
 * A period's outcome from its scored sheet: every person on it (also those on leave), with the
 * calibrated grade counting where one was recorded for a computed grade.
 */
export function periodOutcome(period: { readonly id: string; readonly key: string }, sheet: Sheet, calibrated: ReadonlyMap<string, string> = new Map()): PeriodOutcome {
  const { compiled } = sheet;
  const totals = sheet.columns[compiled.totalSlot]!;
  const grades = sheet.columns[compiled.gradeSlot]!;
  const ranks = sheet.columns[compiled.rankSlot]!;
  const people = sheet.people.map((person): PersonOutcome => {
    const status = sheet.statusOf(person.id);
    const row = sheet.rowOf.get(person.id) ?? -1;
    if (row < 0) return { personId: person.id, status, rated: false, total: null, rank: null, grade: null };
    const total = totals[row];
    const rank = ranks[row];
    const grade = grades[row];
    const computed = status === 'active' && typeof grade === 'string' && grade !== '' ? grade : null;
    return {
      personId: person.id,
      status,
      rated: sheet.isRated(row),
      total: typeof total === 'number' ? total : null,
      rank: typeof rank === 'number' ? rank : null,
      grade: effectiveGrade(computed, computed === null ? undefined : calibrated.get(person.id)),
    };
  });
  return { periodId: period.id, key: period.key, grades: compiled.template.grades, people };
}

/** When a template names no cross-period rules, the two the seeds ask for (客服绩效方案). */
export const DEFAULT_CROSS_PERIOD_RULES: readonly CrossPeriodRule[] = [
  { id: 'default.first', kind: 'consecutiveRank', rank: 1, periods: 3, label: '' },
  { id: 'default.failing', kind: 'consecutiveFailing', periods: 3, label: '' },
];

/** The rules a template's periods are judged by: its own, else the two defaults. */
export function crossPeriodRules(template: Template): readonly CrossPeriodRule[] {
  return template.crossPeriod && template.crossPeriod.length > 0 ? template.crossPeriod : DEFAULT_CROSS_PERIOD_RULES;
}

/** How many periods before the current one the rules look at (a 3-month rule needs the 2 before). */
export function historyDepth(rules: readonly CrossPeriodRule[]): number {
  return rules.length === 0 ? 0 : Math.max(...rules.map((rule) => rule.periods)) - 1;
}

export interface CrossPeriodFlag {
  readonly personId: string;
  readonly rule: CrossPeriodRule;
  /** The period keys of the whole streak ending at the latest period, oldest first. */
  readonly periods: readonly string[];
}

/** Oldest first. Keys of one kind sort as text (2026-09 < 2026-10, 2026-W09 < 2026-W10). */
export function orderOutcomes(series: readonly PeriodOutcome[]): PeriodOutcome[] {
  return [...series].sort((a, b) => a.key.localeCompare(b.key));
}

function meets(rule: CrossPeriodRule, outcome: PersonOutcome | undefined, failing: ReadonlySet<string>): boolean {
  // Both rules are about 考核 results: a month on leave, as temporary cover, or with nothing
  // entered is not a month first in the ranking, nor a failed one.
  if (!outcome || outcome.status !== 'active' || !outcome.rated) return false;
  if (rule.kind === 'consecutiveRank') return outcome.rank !== null && outcome.rank <= rule.rank;
  return outcome.grade !== null && failing.has(outcome.grade);
}

/** The periods ending at `endKey` that follow each other without a gap, newest first. */
export function consecutiveRun(series: readonly PeriodOutcome[], endKey: string): PeriodOutcome[] {
  const byKey = new Map(series.map((outcome) => [outcome.key, outcome]));
  const run: PeriodOutcome[] = [];
  let key: string | null = endKey;
  while (key !== null) {
    const outcome = byKey.get(key);
    if (!outcome) break;
    run.push(outcome);
    key = previousPeriodKey(key);
  }
  return run;
}

/**
 * Flags at the latest period of `series`: every rule whose condition held for the person in each
 * of the last `rule.periods` consecutive periods up to and including it. Each period is judged by
 * its own template version's failing grades and by the grade that counts.
 */
export function crossPeriodFlags(series: readonly PeriodOutcome[], rules: readonly CrossPeriodRule[]): CrossPeriodFlag[] {
  const latest = orderOutcomes(series).at(-1);
  if (!latest) return [];
  const run = consecutiveRun(series, latest.key).map((outcome) => ({
    key: outcome.key,
    people: new Map(outcome.people.map((person) => [person.personId, person])),
    failing: new Set(outcome.grades.filter((band) => band.failing).map((band) => band.label)),
  }));
  const flags: CrossPeriodFlag[] = [];
  for (const rule of rules) {
    if (rule.periods < 1 || run.length < rule.periods) continue;
    for (const { personId } of latest.people) {
      // The whole streak ending now (it may be longer than the rule asks: 4 months first in a row).
      let length = 0;
      while (length < run.length && meets(rule, run[length]!.people.get(personId), run[length]!.failing)) length += 1;
      if (length < rule.periods) continue;
      flags.push({ personId, rule, periods: run.slice(0, length).map((outcome) => outcome.key).reverse() });
    }
  }
  return flags;
}

/** Flags grouped by person, in rule order. */
export function flagsByPerson(flags: readonly CrossPeriodFlag[]): Map<string, CrossPeriodFlag[]> {
  const byPerson = new Map<string, CrossPeriodFlag[]>();
  for (const flag of flags) {
    const list = byPerson.get(flag.personId) ?? [];
    list.push(flag);
    byPerson.set(flag.personId, list);
  }
  return byPerson;
}
