// What the dashboard shows about one scored period: how many people got each grade, how the
// totals spread, each section's average, and each person's indicator scores as a share of max.
// Pure: scored people in, plain numbers out (the charts and their tables read these).
import type { GradeBand, PersonStatus, Template } from './model';
import type { ScoreValue } from './sheet-types';
import { baseIndicators, sectionMax, toExcelPrecision } from './composite';

/** The part of a scored person the dashboard maths reads (a `PersonResult` is one). */
export interface ScoredPerson {
  readonly personId: string;
  readonly status: PersonStatus;
  readonly total: ScoreValue;
  /** Computed grade; `null` when not assessed or the total is an error. */
  readonly grade: string | null;
  readonly rank: number | null;
  readonly sections: Readonly<Record<string, ScoreValue>>;
  readonly indicators: Readonly<Record<string, { readonly score: ScoreValue }>>;
}

export interface GradeCount {
  readonly label: string;
  readonly count: number;
  /** count ÷ graded people; 0 when nobody is graded. */
  readonly share: number;
}

export interface GradeDistribution {
  /** One row per grade band, highest first (the template's order). */
  readonly bands: readonly GradeCount[];
  /** People with a grade that is one of the bands. */
  readonly graded: number;
  /** People without a grade (not assessed, temporary, or an error in the total). */
  readonly ungraded: number;
}

/** Count grades per band. `grades` is one entry per person: a band label or null. */
export function gradeDistribution(bands: readonly GradeBand[], grades: readonly (string | null)[]): GradeDistribution {
  const counts = new Map(bands.map((band) => [band.label, 0]));
  let ungraded = 0;
  for (const grade of grades) {
    const count = grade === null ? undefined : counts.get(grade);
    if (count === undefined) ungraded += 1;
    else counts.set(grade!, count + 1);
  }
  const graded = grades.length - ungraded;
  return {
    bands: bands.map((band) => {
      const count = counts.get(band.label) ?? 0;
      return { label: band.label, count, share: graded === 0 ? 0 : count / graded };
    }),
    graded,
    ungraded,
  };
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  /** The last bin holds its upper edge too (a total of exactly 100 lands in 90–100). */
  readonly includesTo: boolean;
  readonly count: number;
}

/**
 * Totals counted in bins of `width` points. The bins run from 0 (or lower, for negative totals)
 * to at least `upTo` (the sheet's full score), so two periods' histograms line up.
 */
export function scoreHistogram(values: readonly number[], width = 10, upTo = 100): HistogramBin[] {
  if (!(width > 0)) throw new Error(`histogram width must be positive, got ${width}`);
  const rounded = values.map(toExcelPrecision);
  let low = 0;
  let high = upTo;
  for (const value of rounded) {
    low = Math.min(low, Math.floor(value / width) * width);
    high = Math.max(high, Math.ceil(value / width) * width);
  }
  const binCount = Math.max(1, Math.round((high - low) / width));
  const counts = new Array<number>(binCount).fill(0);
  for (const value of rounded) {
    const index = Math.min(binCount - 1, Math.floor(toExcelPrecision((value - low) / width)));
    counts[index]! += 1;
  }
  return counts.map((count, i) => ({ from: toExcelPrecision(low + i * width), to: toExcelPrecision(low + (i + 1) * width), includesTo: i === binCount - 1, count }));
}

/** Totals of the people a distribution counts: assessed (active) with a numeric total. */
export function assessedTotals(people: readonly ScoredPerson[]): number[] {
  return people.filter((p) => p.status === 'active' && typeof p.total === 'number').map((p) => p.total as number);
}

export interface SectionAverage {
  readonly sectionId: string;
  readonly name: string;
  /** `null` when nobody has a numeric score in the section. */
  readonly average: number | null;
  readonly max: number;
  /** average ÷ max. */
  readonly share: number | null;
  /** People averaged. */
  readonly count: number;
}

/** Each section's mean over the people counted in team averages (everyone but those on leave). */
export function sectionAverages(template: Template, people: readonly ScoredPerson[]): SectionAverage[] {
  const counted = people.filter((p) => p.status !== 'leave');
  return template.sections.map((section) => {
    const scores = counted.map((p) => p.sections[section.id]).filter((v): v is number => typeof v === 'number');
    const average = scores.length === 0 ? null : toExcelPrecision(scores.reduce((sum, v) => sum + v, 0) / scores.length);
    const max = sectionMax(section);
    return { sectionId: section.id, name: section.name, average, max, share: average === null || max === 0 ? null : average / max, count: scores.length };
  });
}

export interface HeatColumn {
  readonly indicatorId: string;
  readonly name: string;
  readonly max: number;
}

export interface HeatCell {
  readonly score: ScoreValue;
  /** score ÷ max, `null` for a missing or non-numeric score. Not clamped (a ratio may exceed 1). */
  readonly share: number | null;
}

export interface HeatRow {
  readonly personId: string;
  readonly cells: readonly HeatCell[];
}

/** Base indicators only: a bonus item has no scale to take a share of. */
export function heatColumns(template: Template): HeatColumn[] {
  return template.sections.flatMap((section) =>
    baseIndicators(section).map((indicator) => ({ indicatorId: indicator.id, name: indicator.name, max: indicator.max })),
  );
}

export function heatRow(columns: readonly HeatColumn[], person: ScoredPerson): HeatRow {
  return {
    personId: person.personId,
    cells: columns.map((column) => {
      const score = person.indicators[column.indicatorId]?.score ?? null;
      return { score, share: typeof score === 'number' && column.max > 0 ? score / column.max : null };
    }),
  };
}

/**
 * The ranking order: by rank (the engine applied the template's tie rule), unranked last; equal
 * ranks keep the sheet's order so a tie never looks decided.
 */
export function rankingOrder<P extends Pick<ScoredPerson, 'rank'>>(people: readonly P[]): P[] {
  return people
    .map((person, index) => ({ person, index }))
    .sort((a, b) => (a.person.rank ?? Infinity) - (b.person.rank ?? Infinity) || a.index - b.index)
    .map(({ person }) => person);
}

/** Ranks held by more than one person (shown as 并列 / tied). */
export function tiedRanks(people: readonly Pick<ScoredPerson, 'rank'>[]): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const { rank } of people) {
    if (rank === null) continue;
    if (seen.has(rank)) tied.add(rank);
    seen.add(rank);
  }
  return tied;
}

/** The highest total a sheet can reach without bonus items: its histogram's upper edge. */
export function fullScore(template: Template): number {
  const total = template.total;
  if (total.kind === 'sum') {
    if (total.outOf !== undefined) return total.outOf + (total.base ?? 0);
    return template.sections.reduce((sum, section) => sum + sectionMax(section), total.base ?? 0);
  }
  if (total.kind === 'weighted') {
    return template.sections.reduce((sum, section) => sum + sectionMax(section) * (section.weight ?? 0), total.base ?? 0);
  }
  return 100;
}
