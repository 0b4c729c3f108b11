// A small columnar sheet for tests: named columns, one EvalContext per row, and counters
// that show how often the compiled formula asked for team columns.
import { compile, parse } from '../../../src/formula/index';
import type { ArrayValue, CompiledFormula, EvalContext, Node, Value } from '../../../src/formula/index';

export function astOf(source: string): Node {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
  return parsed.ast;
}

export interface TestSheet {
  readonly names: readonly string[];
  readonly size: number;
  /** How many times `team(slot)` was called since the sheet was made. */
  teamCalls(): number;
  /** Starts a new pass, as the scoring sheet does before each column. */
  bumpEpoch(): void;
  compile(source: string): CompiledFormula;
  /** The formula's value for every row, in one pass. */
  column(source: string): Value[];
  context(row: number): EvalContext;
}

export function createSheet(data: Readonly<Record<string, readonly Value[]>>): TestSheet {
  const names = Object.keys(data);
  const columns = names.map((name) => data[name] as readonly Value[]);
  const size = columns[0]?.length ?? 0;
  const teams: ArrayValue[] = columns.map((column) => ({ type: 'array', rows: column.length, cols: 1, data: column }));
  let calls = 0;
  let epoch = 1;
  const resolve = (name: string) => {
    const slot = names.indexOf(name);
    return slot < 0 ? undefined : slot;
  };
  const context = (row: number): EvalContext => ({
    row,
    columns,
    team: (slot) => {
      calls += 1;
      return teams[slot] as ArrayValue;
    },
    teamSize: size,
    epoch,
  });
  const compileSource = (source: string) => compile(astOf(source), { resolve });
  return {
    names,
    size,
    teamCalls: () => calls,
    bumpEpoch: () => {
      epoch += 1;
    },
    compile: compileSource,
    column: (source) => {
      const formula = compileSource(source);
      return Array.from({ length: size }, (_, row) => formula(context(row)));
    },
    context,
  };
}
