// The table of built-in functions, looked up by upper-case name.
import { COHORT_FUNCTIONS } from './cohort';
import { CONDITIONAL_FUNCTIONS } from './conditional';
import { INFO_FUNCTIONS } from './info';
import { LOGIC_FUNCTIONS } from './logic';
import { LOOKUP_FUNCTIONS } from './lookup';
import { MATH_FUNCTIONS } from './math';
import { RANK_FUNCTIONS } from './rank';
import type { FunctionSpec } from './spec';
import { STATS_FUNCTIONS } from './stats';
import { TEXT_FUNCTIONS } from './text';

const ALL: readonly FunctionSpec[] = [
  ...STATS_FUNCTIONS,
  ...CONDITIONAL_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...LOOKUP_FUNCTIONS,
  ...RANK_FUNCTIONS,
  ...INFO_FUNCTIONS,
  ...COHORT_FUNCTIONS,
  ...TEXT_FUNCTIONS,
];

const BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(ALL.map((spec) => [spec.name, spec]));

export function functionSpec(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export const FUNCTION_SPECS: readonly FunctionSpec[] = ALL;

/** Function names for autocompletion, alphabetical. */
export const FUNCTION_NAMES: readonly string[] = ALL.map((spec) => spec.name).sort();

/** The message for a call with the wrong number of arguments, or undefined when it is fine. */
export function arityProblem(spec: FunctionSpec, count: number): string | undefined {
  if (spec.name === 'IFS' && count % 2 === 1) return 'IFS takes pairs of condition and value';
  if (count >= spec.minArgs && count <= spec.maxArgs) return undefined;
  if (spec.minArgs === spec.maxArgs) {
    return `${spec.name} takes ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
  }
  if (spec.maxArgs === Infinity || count < spec.minArgs) {
    return `${spec.name} needs at least ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
  }
  return `${spec.name} takes at most ${spec.maxArgs} arguments`;
}
