// Kaohe's own helpers. Each is defined as exactly the plain Excel formula excel.ts prints for
// it, so a workbook exported with live formulas recomputes the same scores.
import { compareScalars } from '../compare';
import { toScalar } from '../coerce';
import type { CompiledFormula, EvalContext, Value } from '../types';
import { NA, VALUE, isArray, isError } from '../values';
import { MAX, MIN, asArray, foldNumbers } from './args';
import type { FunctionSpec } from './spec';
import { eager, lazy } from './spec';

// MIN(MAX(x, lo), hi), with MIN/MAX's own rules (a blank name is skipped, not 0).
function clamp(args: readonly Value[], refs: readonly boolean[]): Value {
  const atLeast = foldNumbers(args, refs, MAX, 0, 2);
  if (isError(atLeast)) return atLeast;
  return foldNumbers(args, refs, MIN, 2, 3, atLeast);
}

/**
 * IF(x>=t1, p1, IF(x>=t2, p2, … otherwise)): the points of the first threshold x reaches.
 * Thresholds are meant to be descending; `otherwise` runs only when no threshold is reached.
 */
function band(args: readonly CompiledFormula[], ctx: EvalContext): Value {
  const x = toScalar((args[0] as CompiledFormula)(ctx));
  if (isError(x)) return x;
  const thresholds = asArray((args[1] as CompiledFormula)(ctx));
  const points = asArray((args[2] as CompiledFormula)(ctx));
  if (thresholds.data.length !== points.data.length) return VALUE;
  for (let i = 0; i < thresholds.data.length; i++) {
    const threshold = thresholds.data[i] ?? null;
    if (isError(threshold)) return threshold;
    if (isArray(threshold)) return VALUE;
    if (compareScalars(x, threshold) >= 0) return points.data[i] ?? null;
  }
  const otherwise = args[3];
  return otherwise === undefined ? NA : otherwise(ctx);
}

export const COHORT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    kind: 'context',
    name: 'TEAM',
    minArgs: 1,
    maxArgs: 1,
    signature: 'TEAM([name])',
    description: "The whole team's column of a name, for RANK.EQ, AVERAGE, MEDIAN … over the cohort.",
  },
  {
    kind: 'context',
    name: 'TEAMSIZE',
    minArgs: 0,
    maxArgs: 0,
    signature: 'TEAMSIZE()',
    description: 'Number of people scored together in this period.',
  },
  eager('CLAMP', [3, 3], 'CLAMP(value, low, high)', 'value limited to low..high; prints to Excel as MIN(MAX(value, low), high).', clamp),
  lazy('BAND', [3, 4], 'BAND(value, thresholds, points, [otherwise])', 'Points of the first (descending) threshold value reaches; otherwise (default #N/A) below all.', band),
];
