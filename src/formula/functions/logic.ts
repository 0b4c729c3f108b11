// Conditions and choices. IF, IFS, IFERROR, IFNA, SWITCH and CHOOSE evaluate only the branch
// they return, so an error in a branch not taken never leaks (Excel does the same).
// AND and OR evaluate every argument: Excel's AND(FALSE,1/0) is #DIV/0!.
import { scalarsEqual } from '../compare';
import { toBoolean, toScalar } from '../coerce';
import type { CompiledFormula, ErrorValue, EvalContext, Value } from '../types';
import { NA, VALUE, isArray, isError, makeArray } from '../values';
import { integerArg } from './args';
import { eager, lazy, type FunctionSpec } from './spec';

function run(args: readonly CompiledFormula[], index: number, ctx: EvalContext): Value {
  const arg = args[index];
  return arg === undefined ? null : arg(ctx);
}

export function ifFunction(args: readonly CompiledFormula[], ctx: EvalContext): Value {
  const condition = toBoolean(run(args, 0, ctx));
  if (isError(condition)) return condition;
  if (condition) return run(args, 1, ctx);
  return args.length > 2 ? run(args, 2, ctx) : false;
}

function ifs(args: readonly CompiledFormula[], ctx: EvalContext): Value {
  for (let i = 0; i + 1 < args.length; i += 2) {
    const condition = toBoolean(run(args, i, ctx));
    if (isError(condition)) return condition;
    if (condition) return run(args, i + 1, ctx);
  }
  return NA;
}

function replaceErrors(args: readonly CompiledFormula[], ctx: EvalContext, matches: (v: Value) => boolean): Value {
  const value = run(args, 0, ctx);
  if (matches(value)) return run(args, 1, ctx);
  if (!isArray(value) || !value.data.some(matches)) return value;
  const fallback = run(args, 1, ctx);
  return makeArray(value.rows, value.cols, value.data.map((v) => (matches(v) ? fallback : v)));
}

function isNotAvailable(value: Value): boolean {
  return isError(value) && value.code === '#N/A';
}

function switchFunction(args: readonly CompiledFormula[], ctx: EvalContext): Value {
  const subject = toScalar(run(args, 0, ctx));
  if (isError(subject)) return subject;
  const cases = args.length - 1;
  for (let i = 1; i + 1 < args.length; i += 2) {
    const candidate = toScalar(run(args, i, ctx));
    if (isError(candidate)) return candidate;
    if (scalarsEqual(subject, candidate)) return run(args, i + 1, ctx);
  }
  return cases % 2 === 1 ? run(args, args.length - 1, ctx) : NA;
}

function choose(args: readonly CompiledFormula[], ctx: EvalContext): Value {
  const index = integerArg(run(args, 0, ctx));
  if (isError(index)) return index;
  if (index < 1 || index >= args.length) return VALUE;
  return run(args, index, ctx);
}

/** The TRUE/FALSE an AND/OR argument contributes, `undefined` when it is skipped. */
function logicalOf(value: Value, direct: boolean): boolean | ErrorValue | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (isError(value)) return value;
  if (!direct || value === null || isArray(value)) return undefined;
  return toBoolean(value);
}

function logical(all: boolean) {
  return (args: readonly Value[], refs: readonly boolean[]): Value => {
    let seen = false;
    let result = all;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? null;
      const values = isArray(arg) ? arg.data : [arg];
      const direct = !isArray(arg) && refs[i] !== true;
      for (const value of values) {
        const b = logicalOf(value, direct);
        if (b === undefined) continue;
        if (typeof b !== 'boolean') return b;
        seen = true;
        if (all && !b) result = false;
        if (!all && b) result = true;
      }
    }
    return seen ? result : VALUE;
  };
}

function not(args: readonly Value[]): Value {
  const b = toBoolean(args[0] ?? null);
  return isError(b) ? b : !b;
}

export const LOGIC_FUNCTIONS: readonly FunctionSpec[] = [
  lazy('IF', [2, 3], 'IF(condition, then, [else])', 'then when condition is TRUE, else otherwise (FALSE when else is left out).', ifFunction),
  lazy('IFS', [2, 254], 'IFS(condition1, value1, [condition2, value2], …)', 'The value of the first TRUE condition; #N/A when none is.', ifs),
  lazy('IFERROR', [2, 2], 'IFERROR(value, fallback)', 'value, or fallback when value is any error.', (args, ctx) => replaceErrors(args, ctx, isError)),
  lazy('IFNA', [2, 2], 'IFNA(value, fallback)', 'value, or fallback when value is #N/A.', (args, ctx) => replaceErrors(args, ctx, isNotAvailable)),
  lazy('SWITCH', [3, 254], 'SWITCH(value, case1, result1, …, [default])', 'The result of the first case equal to value; default or #N/A otherwise.', switchFunction),
  lazy('CHOOSE', [2, 255], 'CHOOSE(index, value1, value2, …)', 'The index-th value (1-based).', choose),
  eager('AND', [1, 255], 'AND(logical1, …)', 'TRUE when every argument is TRUE.', logical(true)),
  eager('OR', [1, 255], 'OR(logical1, …)', 'TRUE when any argument is TRUE.', logical(false)),
  eager('NOT', [1, 1], 'NOT(logical)', 'Reverses TRUE and FALSE.', not),
  eager('TRUE', [0, 0], 'TRUE()', 'The value TRUE.', () => true),
  eager('FALSE', [0, 0], 'FALSE()', 'The value FALSE.', () => false),
];
