// Calibration (绩效校准): a target grade distribution for the workspace (优秀 ≤ 20%, 不合格 ≥ 5%,
// or a forced curve), where a period breaks it, and the people nearest the grade edges who would
// move to mend it. Pure: grades and totals in, counts and people out.
import type { GradeBand } from './model';
import { toExcelPrecision } from './composite';

/** Shares are fractions (0.2 for 20%). `null` means no limit on that side. */
export interface GradeLimit {
  readonly grade: string;
  readonly atLeast: number | null;
  readonly atMost: number | null;
}

export interface CurveShare {
  readonly grade: string;
  readonly share: number;
}

export type DistributionTarget =
  /** Limits per grade: 优秀 at most 20%, 不合格 at least 5%. */
  | { readonly kind: 'limits'; readonly limits: readonly GradeLimit[] }
  /** A forced curve (强制分布): every grade gets its share of the people, the shares adding to 100%. */
  | { readonly kind: 'curve'; readonly shares: readonly CurveShare[] };

export type TargetProblem =
  | { readonly code: 'shareRange'; readonly grade: string }
  | { readonly code: 'limitOrder'; readonly grade: string }
  | { readonly code: 'curveSum'; readonly sum: number }
  | { readonly code: 'unknownGrade'; readonly grade: string };

const EPSILON = 1e-9;

function isShare(value: number | null): boolean {
  return value === null || (Number.isFinite(value) && value >= 0 && value <= 1);
}

/** What is wrong with a target for a template's grades; empty when it can be saved. */
export function targetProblems(target: DistributionTarget, bands: readonly GradeBand[]): TargetProblem[] {
  const known = new Set(bands.map((band) => band.label));
  const problems: TargetProblem[] = [];
  const rows = target.kind === 'limits' ? target.limits : target.shares;
  for (const row of rows) if (!known.has(row.grade)) problems.push({ code: 'unknownGrade', grade: row.grade });
  if (target.kind === 'limits') {
    for (const limit of target.limits) {
      if (!isShare(limit.atLeast) || !isShare(limit.atMost)) problems.push({ code: 'shareRange', grade: limit.grade });
      else if (limit.atLeast !== null && limit.atMost !== null && limit.atLeast > limit.atMost) problems.push({ code: 'limitOrder', grade: limit.grade });
    }
    return problems;
  }
  for (const row of target.shares) if (!isShare(row.share)) problems.push({ code: 'shareRange', grade: row.grade });
  const sum = toExcelPrecision(target.shares.reduce((total, row) => total + row.share, 0));
  if (Math.abs(sum - 1) > 1e-6) problems.push({ code: 'curveSum', sum });
  return problems;
}

/** A stored target read back: anything malformed becomes `null` (no target), never a crash. */
export function restoreTarget(value: unknown): DistributionTarget | null {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return null;
  const share = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const grade = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  if (value.kind === 'limits' && 'limits' in value && Array.isArray(value.limits)) {
    const limits: GradeLimit[] = [];
    for (const row of value.limits as unknown[]) {
      if (typeof row !== 'object' || row === null) continue;
      const r = row as Record<string, unknown>;
      const label = grade(r.grade);
      if (label !== null) limits.push({ grade: label, atLeast: share(r.atLeast), atMost: share(r.atMost) });
    }
    return { kind: 'limits', limits };
  }
  if (value.kind === 'curve' && 'shares' in value && Array.isArray(value.shares)) {
    const shares: CurveShare[] = [];
    for (const row of value.shares as unknown[]) {
      if (typeof row !== 'object' || row === null) continue;
      const r = row as Record<string, unknown>;
      const label = grade(r.grade);
      const s = share(r.share);
      if (label !== null && s !== null) shares.push({ grade: label, share: s });
    }
    return { kind: 'curve', shares };
  }
  return null;
}

/**
 * How many of `graded` people a grade may hold. A limit rounds towards keeping it (at most 20% of
 * 11 is 2 people, at least 5% of 11 is 1); a curve share is met by either whole count around it
 * (20% of 11 = 2.2 → 2 or 3), since no whole number of people is exactly 2.2.
 */
export function allowedCount(target: DistributionTarget, grade: string, graded: number): { low: number; high: number } | null {
  if (target.kind === 'limits') {
    const limit = target.limits.find((row) => row.grade === grade);
    if (!limit || (limit.atLeast === null && limit.atMost === null)) return null;
    return {
      low: limit.atLeast === null ? 0 : Math.ceil(limit.atLeast * graded - EPSILON),
      high: limit.atMost === null ? graded : Math.floor(limit.atMost * graded + EPSILON),
    };
  }
  const row = target.shares.find((r) => r.grade === grade);
  if (!row) return null;
  return { low: Math.floor(row.share * graded + EPSILON), high: Math.ceil(row.share * graded - EPSILON) };
}

export interface LimitCheck {
  readonly grade: string;
  readonly count: number;
  readonly share: number;
  readonly low: number;
  readonly high: number;
  readonly status: 'ok' | 'over' | 'under';
  /** People too many (over) or too few (under); 0 when ok. */
  readonly by: number;
}

export interface DistributionCheck {
  /** People with a grade of the template (the base of every share). */
  readonly graded: number;
  /** One per grade the target limits, in the template's grade order. */
  readonly checks: readonly LimitCheck[];
  readonly broken: readonly LimitCheck[];
}

/** Check the grades people hold (calibrated where calibrated) against a target. */
export function checkDistribution(bands: readonly GradeBand[], target: DistributionTarget, grades: readonly (string | null)[]): DistributionCheck {
  const counts = new Map(bands.map((band) => [band.label, 0]));
  for (const grade of grades) {
    const count = grade === null ? undefined : counts.get(grade);
    if (count !== undefined) counts.set(grade!, count + 1);
  }
  const graded = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const checks: LimitCheck[] = [];
  for (const band of bands) {
    const allowed = allowedCount(target, band.label, graded);
    if (!allowed) continue;
    const count = counts.get(band.label) ?? 0;
    const status = count > allowed.high ? 'over' : count < allowed.low ? 'under' : 'ok';
    const by = status === 'over' ? count - allowed.high : status === 'under' ? allowed.low - count : 0;
    checks.push({ grade: band.label, count, share: graded === 0 ? 0 : count / graded, low: allowed.low, high: allowed.high, status, by });
  }
  return { graded, checks, broken: checks.filter((check) => check.status !== 'ok') };
}

export interface CalibrationCandidate {
  readonly personId: string;
  readonly total: number;
  /** The grade the person holds now (calibrated if calibrated). */
  readonly grade: string;
  /** False when a manager already calibrated the person: their grade is a decision, not a score. */
  readonly movable: boolean;
}

export interface BoundaryPerson {
  readonly personId: string;
  readonly total: number;
  readonly from: string;
  readonly to: string;
  /** Points between the total and the edge of the grade it would move across. */
  readonly distance: number;
}

interface Move {
  readonly to: string;
  readonly distance: number;
}

/** The nearer of moving down across the band's own lower edge or up across the edge above. */
function movesOut(bands: readonly GradeBand[], index: number, total: number): Move[] {
  const moves: Move[] = [];
  const band = bands[index]!;
  const below = bands[index + 1];
  const above = bands[index - 1];
  if (below && band.min !== null) moves.push({ to: below.label, distance: toExcelPrecision(total - band.min) });
  if (above && above.min !== null) moves.push({ to: above.label, distance: toExcelPrecision(above.min - total) });
  return moves;
}

/** Take the `count` nearest, and everyone tied with the last one taken: a tie is never split silently. */
function nearest(people: BoundaryPerson[], count: number): BoundaryPerson[] {
  const sorted = people.sort((a, b) => a.distance - b.distance || a.total - b.total);
  if (count <= 0 || sorted.length === 0) return [];
  const cut = sorted[Math.min(count, sorted.length) - 1]!.distance;
  return sorted.filter((person, i) => i < count || person.distance === cut);
}

/**
 * The people at the boundary of a broken limit. Too many in a grade: its members nearest an
 * edge, who would move across it. Too few: the members of the neighbouring grades nearest this
 * grade, who would move into it. As many as the limit is broken by, plus anyone tied with them.
 */
export function boundaryPeople(bands: readonly GradeBand[], check: LimitCheck, people: readonly CalibrationCandidate[]): BoundaryPerson[] {
  const index = bands.findIndex((band) => band.label === check.grade);
  if (index < 0 || check.status === 'ok') return [];
  const movable = people.filter((person) => person.movable);
  const found: BoundaryPerson[] = [];
  if (check.status === 'over') {
    for (const person of movable) {
      if (person.grade !== check.grade) continue;
      const [best] = movesOut(bands, index, person.total).sort((a, b) => a.distance - b.distance);
      if (best) found.push({ personId: person.personId, total: person.total, from: person.grade, to: best.to, distance: best.distance });
    }
    return nearest(found, check.by);
  }
  const band = bands[index]!;
  const above = bands[index - 1];
  const below = bands[index + 1];
  for (const person of movable) {
    if (above && person.grade === above.label && above.min !== null) {
      found.push({ personId: person.personId, total: person.total, from: person.grade, to: band.label, distance: toExcelPrecision(person.total - above.min) });
    } else if (below && person.grade === below.label && band.min !== null) {
      found.push({ personId: person.personId, total: person.total, from: person.grade, to: band.label, distance: toExcelPrecision(band.min - person.total) });
    }
  }
  return nearest(found, check.by);
}

/** The grade that counts: the calibrated one when a manager recorded it, else the computed one. */
export function effectiveGrade(computed: string | null, calibrated: string | undefined): string | null {
  return calibrated ?? computed;
}
