// Rules over consecutive periods, shown as flags on the person (seed 003 / seed 000: 连续3个月考核
// 排名第一奖励200元; 连续3个月考核不及格自动请辞). A streak must end at the period being looked at,
// run over calendar-consecutive periods (2026-09, 2026-10, 2026-11), and count only periods in
// which the person was assessed: a month on leave or as temporary cover breaks it.
import type { CrossPeriodRule, GradeBand, PersonStatus } from './model';
import { previousPeriodKey } from './periods';

export interface PersonOutcome {
  readonly status: PersonStatus;
  /** False when nothing was entered for the person that period: an empty sheet proves nothing. */
  readonly rated?: boolean;
  readonly rank: number | null;
  /** The grade that counts (a calibrated grade where a manager set one). */
  readonly grade: string | null;
}

/** One period's results, by person id. */
export interface PeriodOutcome {
  /** Period key (`2026-11`). */
  readonly key: string;
  readonly people: ReadonlyMap<string, PersonOutcome>;
  /** Failing grades of the template version this period was rated with (default: the caller's). */
  readonly failing?: ReadonlySet<string>;
}

export interface CrossPeriodFlag {
  readonly ruleId: string;
  readonly kind: CrossPeriodRule['kind'];
  readonly label: string;
  /** The period keys of the whole streak ending at the period looked at, oldest first. */
  readonly periods: readonly string[];
}

function meets(rule: CrossPeriodRule, outcome: PersonOutcome | undefined, failing: ReadonlySet<string>): boolean {
  // Both rules are about 考核 results: a month on leave, as temporary cover, or with nothing
  // entered is not a month first in the ranking, nor a failed one.
  if (!outcome || outcome.status !== 'active' || outcome.rated === false) return false;
  if (rule.kind === 'consecutiveRank') return outcome.rank !== null && outcome.rank <= rule.rank;
  return outcome.grade !== null && failing.has(outcome.grade);
}

/**
 * The periods ending at the last one of `series` that follow each other without a gap, newest
 * first. `series` may be in any order and contain other periods.
 */
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
 * Flags per person for the period `endKey`: every rule whose condition held in each of the last
 * `rule.periods` consecutive periods up to and including `endKey`.
 */
export function crossPeriodFlags(
  rules: readonly CrossPeriodRule[],
  grades: readonly GradeBand[],
  series: readonly PeriodOutcome[],
  endKey: string,
): Map<string, CrossPeriodFlag[]> {
  const flags = new Map<string, CrossPeriodFlag[]>();
  const run = consecutiveRun(series, endKey);
  const current = run[0];
  if (!current) return flags;
  const failing = new Set(grades.filter((band) => band.failing).map((band) => band.label));
  for (const rule of rules) {
    if (rule.periods < 1 || run.length < rule.periods) continue;
    for (const personId of current.people.keys()) {
      // The whole streak ending now (it may be longer than the rule asks: 4 months first in a row).
      let length = 0;
      while (length < run.length && meets(rule, run[length]!.people.get(personId), run[length]!.failing ?? failing)) length += 1;
      if (length < rule.periods) continue;
      const list = flags.get(personId) ?? [];
      list.push({ ruleId: rule.id, kind: rule.kind, label: rule.label, periods: run.slice(0, length).map((outcome) => outcome.key).reverse() });
      flags.set(personId, list);
    }
  }
  return flags;
}
