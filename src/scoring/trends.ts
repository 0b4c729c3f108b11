// Series over periods: one person's total and rank, the team's average and grade mix, and the
// cross-period flags (连续3个月排名第一, 连续3个月不及格). Pure: scored periods in, points out.
import type { CrossPeriodRule, GradeBand, PersonStatus } from './model';
import type { ScoreValue } from './sheet-types';
import { settle } from './composite';
import { crossPeriodFlags as flagsByPerson, type PeriodOutcome } from './cross-period';

export interface SnapshotPerson {
  readonly personId: string;
  readonly status: PersonStatus;
  readonly total: ScoreValue;
  /** The grade that counts (calibrated where a manager calibrated it). */
  readonly grade: string | null;
  readonly rank: number | null;
}

/** One scored period of a template family. */
export interface PeriodSnapshot {
  readonly periodId: string;
  /** Period key (`2026-11`); snapshots of one series share a kind. */
  readonly key: string;
  /** The grades of the template version the period was rated with. */
  readonly grades: readonly GradeBand[];
  readonly people: readonly SnapshotPerson[];
}

/** Oldest first. Keys of one kind sort as text (2026-09 < 2026-10, 2026-W09 < 2026-W10). */
export function orderSnapshots(snapshots: readonly PeriodSnapshot[]): PeriodSnapshot[] {
  return [...snapshots].sort((a, b) => a.key.localeCompare(b.key));
}

export interface PersonPoint {
  readonly periodId: string;
  readonly key: string;
  /** False when the person was not on the period's sheet. */
  readonly present: boolean;
  readonly total: number | null;
  readonly rank: number | null;
  readonly grade: string | null;
}

export function personSeries(snapshots: readonly PeriodSnapshot[], personId: string): PersonPoint[] {
  return orderSnapshots(snapshots).map((snapshot) => {
    const person = snapshot.people.find((p) => p.personId === personId);
    return {
      periodId: snapshot.periodId,
      key: snapshot.key,
      present: person !== undefined,
      total: typeof person?.total === 'number' ? settle(person.total) : null,
      rank: person?.rank ?? null,
      grade: person?.grade ?? null,
    };
  });
}

export interface TeamPoint {
  readonly periodId: string;
  readonly key: string;
  /** Mean total of the people counted in team averages (everyone not on leave); null if none. */
  readonly average: number | null;
  readonly counted: number;
  /** Count per grade label, in the order of `gradeLabels(snapshots)`. */
  readonly mix: readonly { readonly label: string; readonly count: number }[];
}

/**
 * Every grade label the series uses: the latest template's grades first, in their order, then
 * labels only older versions had (a renamed grade stays visible in its own periods).
 */
export function gradeLabels(snapshots: readonly PeriodSnapshot[]): string[] {
  const labels: string[] = [];
  for (const snapshot of orderSnapshots(snapshots).reverse()) {
    for (const band of snapshot.grades) if (!labels.includes(band.label)) labels.push(band.label);
  }
  return labels;
}

/** `include` narrows the people (a team filter); default everyone. */
export function teamSeries(snapshots: readonly PeriodSnapshot[], include: (personId: string) => boolean = () => true): TeamPoint[] {
  const labels = gradeLabels(snapshots);
  return orderSnapshots(snapshots).map((snapshot) => {
    const people = snapshot.people.filter((p) => include(p.personId));
    const totals = people.filter((p) => p.status !== 'leave' && typeof p.total === 'number').map((p) => p.total as number);
    const counts = new Map(labels.map((label) => [label, 0]));
    for (const person of people) {
      if (person.grade !== null && counts.has(person.grade)) counts.set(person.grade, counts.get(person.grade)! + 1);
    }
    return {
      periodId: snapshot.periodId,
      key: snapshot.key,
      average: totals.length === 0 ? null : settle(totals.reduce((sum, v) => sum + v, 0) / totals.length),
      counted: totals.length,
      mix: labels.map((label) => ({ label, count: counts.get(label)! })),
    };
  });
}

/** When a template names no cross-period rules, the two the seeds ask for (客服绩效方案). */
export const DEFAULT_CROSS_PERIOD_RULES: readonly CrossPeriodRule[] = [
  { id: 'default.first', kind: 'consecutiveRank', rank: 1, periods: 3, label: '' },
  { id: 'default.failing', kind: 'consecutiveFailing', periods: 3, label: '' },
];

export interface CrossPeriodFlag {
  readonly personId: string;
  readonly rule: CrossPeriodRule;
  /** Keys of the run of periods that raised the flag, oldest first. */
  readonly keys: readonly string[];
}

/**
 * Flags that hold at the latest period, by the one rule engine in cross-period.ts: each period
 * judged by its own template version's failing grades and by the grade that counts.
 */
export function crossPeriodFlags(snapshots: readonly PeriodSnapshot[], rules: readonly CrossPeriodRule[]): CrossPeriodFlag[] {
  const ordered = orderSnapshots(snapshots);
  const latest = ordered.at(-1);
  if (!latest) return [];
  const series: PeriodOutcome[] = ordered.map((snapshot) => ({
    key: snapshot.key,
    failing: new Set(snapshot.grades.filter((band) => band.failing).map((band) => band.label)),
    people: new Map(snapshot.people.map((p) => [p.personId, { status: p.status, rank: p.rank, grade: p.grade }])),
  }));
  const byRule = new Map(rules.map((rule) => [rule.id, rule]));
  return [...flagsByPerson(rules, [], series, latest.key)].flatMap(([personId, flags]) =>
    flags.map((flag) => ({ personId, rule: byRule.get(flag.ruleId)!, keys: flag.periods })),
  );
}
