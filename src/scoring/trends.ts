// Series over periods: one person's total and rank, the team's average and grade mix. Pure:
// period outcomes (cross-period.ts, the same the cross-period flags read) in, points out.
import { toExcelPrecision } from './composite';
import { orderOutcomes, type PeriodOutcome } from './cross-period';

export interface PersonPoint {
  readonly periodId: string;
  readonly key: string;
  /** False when the person was not on the period's sheet. */
  readonly present: boolean;
  readonly total: number | null;
  readonly rank: number | null;
  readonly grade: string | null;
}

export function personSeries(snapshots: readonly PeriodOutcome[], personId: string): PersonPoint[] {
  return orderOutcomes(snapshots).map((snapshot) => {
    const person = snapshot.people.find((p) => p.personId === personId);
    return {
      periodId: snapshot.periodId,
      key: snapshot.key,
      present: person !== undefined,
      total: person && person.total !== null ? toExcelPrecision(person.total) : null,
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
export function gradeLabels(snapshots: readonly PeriodOutcome[]): string[] {
  const labels: string[] = [];
  for (const snapshot of orderOutcomes(snapshots).reverse()) {
    for (const band of snapshot.grades) if (!labels.includes(band.label)) labels.push(band.label);
  }
  return labels;
}

/** `include` narrows the people (a team filter); default everyone. */
export function teamSeries(snapshots: readonly PeriodOutcome[], include: (personId: string) => boolean = () => true): TeamPoint[] {
  const labels = gradeLabels(snapshots);
  return orderOutcomes(snapshots).map((snapshot) => {
    const people = snapshot.people.filter((p) => include(p.personId));
    const totals = people.filter((p) => p.status !== 'leave' && p.total !== null).map((p) => p.total!);
    const counts = new Map(labels.map((label) => [label, 0]));
    for (const person of people) {
      if (person.grade !== null && counts.has(person.grade)) counts.set(person.grade, counts.get(person.grade)! + 1);
    }
    return {
      periodId: snapshot.periodId,
      key: snapshot.key,
      average: totals.length === 0 ? null : toExcelPrecision(totals.reduce((sum, v) => sum + v, 0) / totals.length),
      counted: totals.length,
      mix: labels.map((label) => ({ label, count: counts.get(label)! })),
    };
  });
}
