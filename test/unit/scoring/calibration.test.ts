import { describe, expect, it } from 'vitest';
import {
  allowedCount,
  boundaryPeople,
  checkDistribution,
  effectiveGrade,
  restoreTarget,
  targetProblems,
  type CalibrationCandidate,
  type DistributionTarget,
} from '../../../src/scoring/calibration';
import type { GradeBand } from '../../../src/scoring/model';

const GRADES: GradeBand[] = [
  { label: 'A', min: 90, minInclusive: true },
  { label: 'B', min: 80, minInclusive: true },
  { label: 'C', min: 70, minInclusive: true },
  { label: 'D', min: 60, minInclusive: true },
  { label: 'E', min: null, minInclusive: true, failing: true },
];

function gradeOf(total: number): string {
  return GRADES.find((band) => band.min === null || total >= band.min)!.label;
}

/** People p0, p1 … with the given totals and the grades those totals earn. */
function team(...totals: number[]): CalibrationCandidate[] {
  return totals.map((total, i) => ({ personId: `p${i}`, total, grade: gradeOf(total), movable: true }));
}

const LIMITS: DistributionTarget = {
  kind: 'limits',
  limits: [
    { grade: 'A', atLeast: null, atMost: 0.2 },
    { grade: 'E', atLeast: 0.05, atMost: null },
  ],
};

describe('allowed counts', () => {
  it('a limit rounds towards keeping it: A ≤ 20% of 11 is 2 people, E ≥ 5% of 11 is 1', () => {
    expect(allowedCount(LIMITS, 'A', 11)).toEqual({ low: 0, high: 2 });
    expect(allowedCount(LIMITS, 'E', 11)).toEqual({ low: 1, high: 11 });
    expect(allowedCount(LIMITS, 'B', 11)).toBeNull();
  });

  it('exact shares are whole counts despite binary fractions (20% of 10 is 2, 5% of 20 is 1)', () => {
    expect(allowedCount(LIMITS, 'A', 10)).toEqual({ low: 0, high: 2 });
    expect(allowedCount(LIMITS, 'E', 20)).toEqual({ low: 1, high: 20 });
    // 0.7 × 10 = 7.000000000000001 in binary: still exactly 7.
    expect(allowedCount({ kind: 'limits', limits: [{ grade: 'B', atLeast: 0.7, atMost: 0.7 }] }, 'B', 10)).toEqual({ low: 7, high: 7 });
  });

  it('a curve share is met by either whole count around it: 20% of 11 → 2 or 3', () => {
    const curve: DistributionTarget = { kind: 'curve', shares: [{ grade: 'A', share: 0.2 }] };
    expect(allowedCount(curve, 'A', 11)).toEqual({ low: 2, high: 3 });
    expect(allowedCount(curve, 'A', 10)).toEqual({ low: 2, high: 2 });
  });
});

describe('checking a period against the target', () => {
  it('finds A over its limit and E under its floor, with counts and shares', () => {
    // 10 people: 4 A, 3 B, 3 C, no E.
    const people = team(99, 95, 93, 91, 85, 84, 80, 75, 72, 70);
    const check = checkDistribution(GRADES, LIMITS, people.map((p) => p.grade));
    expect(check.graded).toBe(10);
    expect(check.checks).toEqual([
      { grade: 'A', count: 4, share: 0.4, low: 0, high: 2, status: 'over', by: 2 },
      { grade: 'E', count: 0, share: 0, low: 1, high: 10, status: 'under', by: 1 },
    ]);
    expect(check.broken.map((c) => c.grade)).toEqual(['A', 'E']);
  });

  it('ungraded people are not in the base of the shares', () => {
    const check = checkDistribution(GRADES, LIMITS, ['A', 'B', 'B', 'B', 'E', null, null]);
    expect(check.graded).toBe(5);
    expect(check.checks[0]).toMatchObject({ grade: 'A', count: 1, share: 0.2, status: 'ok' });
  });

  it('a calibrated grade counts instead of the computed one', () => {
    expect(effectiveGrade('A', 'B')).toBe('B');
    expect(effectiveGrade('A', undefined)).toBe('A');
    const computed = ['A', 'A', 'A', 'B', 'C'];
    const calibrated = computed.map((grade, i) => effectiveGrade(grade, i < 2 ? 'B' : undefined));
    expect(checkDistribution(GRADES, LIMITS, computed).checks[0]!.status).toBe('over');
    expect(checkDistribution(GRADES, LIMITS, calibrated).checks[0]).toMatchObject({ count: 1, high: 1, status: 'ok' });
  });

  it('a forced curve is broken by any grade off its share', () => {
    const curve: DistributionTarget = {
      kind: 'curve',
      shares: [
        { grade: 'A', share: 0.1 },
        { grade: 'B', share: 0.2 },
        { grade: 'C', share: 0.4 },
        { grade: 'D', share: 0.2 },
        { grade: 'E', share: 0.1 },
      ],
    };
    const people = team(95, 85, 84, 75, 74, 73, 72, 65, 64, 50);
    expect(checkDistribution(GRADES, curve, people.map((p) => p.grade)).broken).toEqual([]);
    const skewed = team(95, 94, 84, 75, 74, 73, 72, 65, 64, 50);
    expect(checkDistribution(GRADES, curve, skewed.map((p) => p.grade)).broken.map((c) => [c.grade, c.status, c.by])).toEqual([
      ['A', 'over', 1],
      ['B', 'under', 1],
    ]);
  });
});

describe('boundary people', () => {
  it('too many A: the A people nearest the A edge would move down to B', () => {
    const people = team(99, 95, 93, 91, 85, 84, 80, 75, 72, 70);
    const [overA] = checkDistribution(GRADES, LIMITS, people.map((p) => p.grade)).broken;
    expect(boundaryPeople(GRADES, overA!, people)).toEqual([
      { personId: 'p3', total: 91, from: 'A', to: 'B', distance: 1 },
      { personId: 'p2', total: 93, from: 'A', to: 'B', distance: 3 },
    ]);
  });

  it('too few E: the D people nearest the E edge would move in; C is not a neighbour', () => {
    const people = team(95, 85, 75, 68, 61, 60.5, 70);
    const check = checkDistribution(GRADES, LIMITS, people.map((p) => p.grade)).broken.find((c) => c.grade === 'E')!;
    expect(check.by).toBe(1);
    expect(boundaryPeople(GRADES, check, people)).toEqual([{ personId: 'p5', total: 60.5, from: 'D', to: 'E', distance: 0.5 }]);
  });

  it('too few in a middle grade: the nearest from both sides compete', () => {
    const target: DistributionTarget = { kind: 'limits', limits: [{ grade: 'C', atLeast: 0.4, atMost: null }] };
    // C holds 1 of 5 and needs 2: B at 80.5 is 0.5 above C's top edge, D at 69 is 1 below its floor.
    const people = team(80.5, 85, 75, 69, 50);
    const check = checkDistribution(GRADES, target, people.map((p) => p.grade)).broken[0]!;
    expect(boundaryPeople(GRADES, check, people)).toEqual([{ personId: 'p0', total: 80.5, from: 'B', to: 'C', distance: 0.5 }]);
  });

  it('a tie at the cut is never split: both tied people are listed', () => {
    const people = team(99, 91, 91, 85, 70, 50, 50, 50, 50, 50);
    const [overA] = checkDistribution(GRADES, LIMITS, people.map((p) => p.grade)).broken;
    expect(overA).toMatchObject({ grade: 'A', count: 3, high: 2, by: 1 });
    expect(boundaryPeople(GRADES, overA!, people).map((p) => p.personId)).toEqual(['p1', 'p2']);
  });

  it('people already calibrated are not offered again', () => {
    const people = team(99, 95, 93, 91, 85, 84, 80, 75, 72, 70).map((p) => (p.personId === 'p3' ? { ...p, movable: false } : p));
    const [overA] = checkDistribution(GRADES, LIMITS, people.map((p) => p.grade)).broken;
    expect(boundaryPeople(GRADES, overA!, people).map((p) => p.personId)).toEqual(['p2', 'p1']);
  });

  it('a middle grade over its limit moves people across whichever edge is nearer', () => {
    const target: DistributionTarget = { kind: 'limits', limits: [{ grade: 'B', atLeast: null, atMost: 0.2 }] };
    const people = team(89.5, 88, 81, 84, 60);
    const check = checkDistribution(GRADES, target, people.map((p) => p.grade)).broken[0]!;
    expect(check.by).toBe(3);
    expect(boundaryPeople(GRADES, check, people)).toEqual([
      { personId: 'p0', total: 89.5, from: 'B', to: 'A', distance: 0.5 },
      { personId: 'p2', total: 81, from: 'B', to: 'C', distance: 1 },
      { personId: 'p1', total: 88, from: 'B', to: 'A', distance: 2 },
    ]);
  });
});

describe('target validation and restore', () => {
  it('names the grade with a bad share, reversed limits, a curve not adding to 100%, unknown grades', () => {
    expect(
      targetProblems(
        { kind: 'limits', limits: [{ grade: 'A', atLeast: null, atMost: 1.5 }, { grade: 'B', atLeast: 0.5, atMost: 0.2 }, { grade: 'Z', atLeast: 0.1, atMost: null }] },
        GRADES,
      ),
    ).toEqual([{ code: 'unknownGrade', grade: 'Z' }, { code: 'shareRange', grade: 'A' }, { code: 'limitOrder', grade: 'B' }]);
    expect(targetProblems({ kind: 'curve', shares: [{ grade: 'A', share: 0.3 }, { grade: 'B', share: 0.6 }] }, GRADES)).toEqual([{ code: 'curveSum', sum: 0.9 }]);
    expect(targetProblems({ kind: 'curve', shares: [{ grade: 'A', share: 0.1 }, { grade: 'B', share: 0.2 }, { grade: 'C', share: 0.7 }] }, GRADES)).toEqual([]);
  });

  it('restores a stored target and drops what is malformed, never throws', () => {
    expect(restoreTarget(LIMITS)).toEqual(LIMITS);
    expect(restoreTarget({ kind: 'curve', shares: [{ grade: 'A', share: 0.5 }, { grade: '', share: 0.5 }, { grade: 'B', share: 'x' }, null] })).toEqual({
      kind: 'curve',
      shares: [{ grade: 'A', share: 0.5 }],
    });
    expect(restoreTarget({ kind: 'limits', limits: [{ grade: 'A', atMost: 'lots' }] })).toEqual({ kind: 'limits', limits: [{ grade: 'A', atLeast: null, atMost: null }] });
    expect(restoreTarget(null)).toBeNull();
    expect(restoreTarget('curve')).toBeNull();
    expect(restoreTarget({ kind: 'other' })).toBeNull();
  });
});
