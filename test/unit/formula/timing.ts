// Rough timing of the compiled hot paths (not a test): `npx tsx test/unit/formula/timing.ts`.
// Prints nanoseconds per evaluation; the aim is 400,000 band evaluations well under 20 ms.
import { compile, parse } from '../../../src/formula/index';
import type { EvalContext, Node, Value } from '../../../src/formula/index';

const ROWS = 400_000;

function astOf(source: string): Node {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}

const names = ['x', 'a', 'b'];
const columns: Value[][] = names.map((_, slot) => Array.from({ length: ROWS }, (_, row) => ((row * 7919 + slot * 31) % 1000) / 10));
const team = columns.map((column) => ({ type: 'array' as const, rows: column.length, cols: 1, data: column }));
const ctx = { row: 0, columns, team: (slot: number) => team[slot]!, teamSize: ROWS, epoch: 1 } satisfies EvalContext;

const formulas = [
  'IF([x]>=90,20,IF([x]>=85,10,IF([x]>=80,5,0)))',
  'IF([x]>=90%*100,20,IF([x]>=85%*100,10,0))',
  '[a]*0.3+[b]*0.7',
  'MAX(0,30-2*[a]-2*[b])',
  'BAND([x],{90,85,80},{20,10,5},0)',
  '[x]-AVERAGE(TEAM([x]))',
  'RANK.EQ([x],TEAM([x]))',
];

for (const source of formulas) {
  const formula = compile(astOf(source), { resolve: (name) => names.indexOf(name) });
  let best = Infinity;
  let checksum = 0;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let row = 0; row < ROWS; row++) {
      (ctx as { row: number }).row = row;
      const v = formula(ctx);
      if (typeof v === 'number') checksum += v;
    }
    best = Math.min(best, performance.now() - started);
  }
  console.log(`${source.padEnd(50)} ${best.toFixed(1).padStart(7)} ms / ${ROWS} rows  (${((best * 1e6) / ROWS).toFixed(1)} ns each; checksum ${checksum.toFixed(0)})`);
}

// Rough allocation check (run with node --expose-gc --import tsx): the closures allocate no
// objects or arrays per row; what remains is V8 boxing fractional doubles returned across
// closure calls (HeapNumbers), which this number also picks up along with JIT noise.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc !== undefined) {
  for (const source of formulas.slice(0, 5)) {
    const formula = compile(astOf(source), { resolve: (name) => names.indexOf(name) });
    for (let row = 0; row < 1000; row++) formula({ ...ctx, row });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let row = 0; row < ROWS; row++) {
      (ctx as { row: number }).row = row;
      formula(ctx);
    }
    const after = process.memoryUsage().heapUsed;
    console.log(`${source.padEnd(50)} heap growth ${((after - before) / ROWS).toFixed(2)} bytes/row`);
  }
}
