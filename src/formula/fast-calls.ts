// SUM, MIN and MAX over plain numbers without the argument buffer: `MAX(0,30-2*[a]-2*[b])`
// folds as it goes and allocates nothing. The first non-number hands the rest of the call to
// the general rules in functions/args.ts.
import { MAX, MIN, SUM, combine, foldNumbers, type FoldMode } from './functions/args';
import type { CompiledFormula, Value } from './types';

const FOLDS: Readonly<Record<string, FoldMode>> = { SUM, MIN, MAX };

export function foldModeOf(name: string): FoldMode | undefined {
  return FOLDS[name];
}

export function foldRun(mode: FoldMode, runs: readonly CompiledFormula[], refs: readonly boolean[]): CompiledFormula {
  const count = runs.length;
  const rest: Value[] = new Array<Value>(count).fill(null);
  let depth = 0;
  return (ctx) => {
    let total = 0;
    let counted = false;
    for (let i = 0; i < count; i++) {
      const value = (runs[i] as CompiledFormula)(ctx);
      if (typeof value === 'number') {
        total = counted ? combine(mode, total, value) : value;
        counted = true;
        continue;
      }
      depth += 1;
      const args = depth === 1 ? rest : new Array<Value>(count).fill(null);
      args[i] = value;
      for (let j = i + 1; j < count; j++) args[j] = (runs[j] as CompiledFormula)(ctx);
      const result = foldNumbers(args, refs, mode, i, count, counted ? total : undefined);
      depth -= 1;
      return result;
    }
    return total;
  };
}
