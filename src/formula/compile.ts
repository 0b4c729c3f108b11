// Compiles an AST to closures over EvalContext. Literal subtrees are folded at compile time;
// subtrees that read no row names (only TEAM columns, TEAMSIZE and constants) are computed
// once per sheet pass and reused for every row. Never uses eval or new Function.
import { toBoolean } from './coerce';
import { foldModeOf, foldRun } from './fast-calls';
import { binaryRun } from './fast-ops';
import { arityProblem, functionSpec } from './functions/registry';
import type { FunctionSpec } from './functions/spec';
import { applyNegate, applyPercent } from './operators';
import type { CompileOptions, CompiledFormula, EvalContext, Node, Value } from './types';
import { NUM, errorValue, isError, makeArray } from './values';

type Run = CompiledFormula;

/** What a compiled subtree depends on: nothing, the team columns only, or the current row. */
type Compiled =
  | { readonly kind: 'constant'; readonly value: Value }
  | { readonly kind: 'invariant'; readonly run: Run }
  | { readonly kind: 'row'; readonly run: Run };

type CallNode = Extract<Node, { type: 'call' }>;

const EMPTY_TEAM = makeArray(0, 0, []);

/** Constant subtrees never read the context; folding runs them against this one. */
const FOLDING_CONTEXT: EvalContext = { row: 0, columns: [], team: () => EMPTY_TEAM, teamSize: 0, epoch: -1 };

function constant(value: Value): Compiled {
  return { kind: 'constant', value };
}

function constantRun(value: Value): Run {
  return () => value;
}

/**
 * Caches a row-invariant subtree for one sheet pass. The pass is identified by `epoch` (the
 * sheet bumps it before each pass) and by the `columns` object, so two sheets that happen to
 * share an epoch number never see each other's results.
 */
function cachedPerPass(run: Run): Run {
  let epoch = NaN;
  // Held weakly: a compiled template outlives its sheets and must not keep a dropped sheet's
  // columns alive. The value is kept (at most one team column, for a cached TEAM(x)).
  let columns: WeakRef<EvalContext['columns']> | undefined;
  let value: Value = null;
  return (ctx) => {
    if (ctx.epoch === epoch && columns?.deref() === ctx.columns) return value;
    value = run(ctx);
    epoch = ctx.epoch;
    columns = new WeakRef(ctx.columns);
    return value;
  };
}

/** The closure to call from a parent that is itself constant or row-invariant. */
function plainRun(compiled: Compiled): Run {
  return compiled.kind === 'constant' ? constantRun(compiled.value) : compiled.run;
}

/** The closure to call from a row-dependent parent: invariant children are cached. */
function rowRun(compiled: Compiled): Run {
  if (compiled.kind === 'constant') return constantRun(compiled.value);
  return compiled.kind === 'invariant' ? cachedPerPass(compiled.run) : compiled.run;
}

/** Builds a parent from its children, folding or hoisting by what the children depend on. */
function combine(children: readonly Compiled[], build: (runs: Run[]) => Run): Compiled {
  if (children.every((child) => child.kind === 'constant')) {
    return constant(build(children.map(plainRun))(FOLDING_CONTEXT));
  }
  if (children.some((child) => child.kind === 'row')) return { kind: 'row', run: build(children.map(rowRun)) };
  return { kind: 'invariant', run: build(children.map(plainRun)) };
}

function compileName(name: string, options: CompileOptions): Compiled {
  const slot = options.resolve(name);
  if (slot === undefined) return constant(errorValue('#NAME?', name));
  return {
    kind: 'row',
    run: (ctx) => (ctx.columns[slot] as ArrayLike<Value>)[ctx.row] ?? null,
  };
}

function compileTeam(node: CallNode, options: CompileOptions): Compiled {
  const arg = node.args[0];
  if (arg?.type !== 'name') return constant(errorValue('#VALUE!', 'TEAM takes a name, e.g. TEAM([总分])'));
  const slot = options.resolve(arg.name);
  if (slot === undefined) return constant(errorValue('#NAME?', arg.name));
  return { kind: 'invariant', run: (ctx) => ctx.team(slot) };
}

// IF is the hot path of band rules; a constant condition picks its branch at compile time.
function compileIf(node: CallNode, children: readonly Compiled[]): Compiled {
  const [condition] = children;
  if (condition?.kind === 'constant') {
    const chosen = toBoolean(condition.value);
    if (isError(chosen)) return constant(chosen);
    if (chosen) return children[1] ?? constant(null);
    return children[2] ?? constant(false);
  }
  return combine(children, (runs) => {
    const [test, then, otherwise] = runs as [Run, Run, Run | undefined];
    const orElse: Run = otherwise ?? (() => false);
    return (ctx) => {
      const c = test(ctx);
      if (c === true) return then(ctx);
      if (c === false) return orElse(ctx);
      const chosen = toBoolean(c);
      if (isError(chosen)) return chosen;
      return chosen ? then(ctx) : orElse(ctx);
    };
  });
}

/**
 * Eager calls evaluate their arguments into one buffer per call site, so a call allocates
 * nothing per row. A re-entrant call (only possible if the sheet evaluates formulas from
 * inside `team()`) gets a fresh buffer instead of clobbering the outer one.
 */
function eagerRun(spec: FunctionSpec & { kind: 'eager' }, runs: readonly Run[], refs: readonly boolean[]): Run {
  const count = runs.length;
  const buffer: Value[] = new Array<Value>(count).fill(null);
  let depth = 0;
  return (ctx) => {
    depth += 1;
    const args = depth === 1 ? buffer : new Array<Value>(count);
    for (let i = 0; i < count; i++) args[i] = (runs[i] as Run)(ctx);
    const result = spec.call(args, refs);
    depth -= 1;
    return result;
  };
}

function compileCall(node: CallNode, options: CompileOptions): Compiled {
  const spec = functionSpec(node.name);
  if (spec === undefined) return constant(errorValue('#NAME?', `${node.name}()`));
  const problem = arityProblem(spec, node.args.length);
  if (problem !== undefined) return constant(errorValue('#VALUE!', problem));
  if (spec.kind === 'context') {
    if (spec.name === 'TEAM') return compileTeam(node, options);
    return { kind: 'invariant', run: (ctx) => ctx.teamSize };
  }
  const children = node.args.map((arg) => compileNode(arg, options));
  if (spec.name === 'IF') return compileIf(node, children);
  if (spec.kind === 'lazy') return combine(children, (runs) => (ctx) => spec.call(runs, ctx));
  const refs = node.args.map((arg) => arg.type === 'name');
  const mode = foldModeOf(spec.name);
  if (mode !== undefined) return combine(children, (runs) => foldRun(mode, runs, refs));
  return combine(children, (runs) => eagerRun(spec, runs, refs));
}

function compileUnary(node: Extract<Node, { type: 'unary' }>, options: CompileOptions): Compiled {
  const child = compileNode(node.arg, options);
  // Unary plus changes nothing, not even text (Excel's =+"a" is "a").
  if (node.op === '+') return child;
  return combine([child], ([run]) => {
    const arg = run as Run;
    return (ctx) => {
      const v = arg(ctx);
      return typeof v === 'number' ? -v : applyNegate(v);
    };
  });
}

function compilePercent(node: Extract<Node, { type: 'percent' }>, options: CompileOptions): Compiled {
  return combine([compileNode(node.arg, options)], ([run]) => {
    const arg = run as Run;
    return (ctx) => {
      const v = arg(ctx);
      return typeof v === 'number' ? v / 100 : applyPercent(v);
    };
  });
}

function compileBinary(node: Extract<Node, { type: 'binary' }>, options: CompileOptions): Compiled {
  const left = compileNode(node.left, options);
  const right = compileNode(node.right, options);
  const rightNumber = right.kind === 'constant' && typeof right.value === 'number' ? right.value : undefined;
  return combine([left, right], ([l, r]) => binaryRun(node.op, l as Run, r as Run, rightNumber));
}

function compileArray(node: Extract<Node, { type: 'array' }>, options: CompileOptions): Compiled {
  const width = node.rows[0]?.length ?? 0;
  const cells = node.rows.flat().map((cell) => compileNode(cell, options));
  return combine(cells, (runs) => (ctx) => makeArray(node.rows.length, width, runs.map((run) => run(ctx))));
}

function compileNode(node: Node, options: CompileOptions): Compiled {
  switch (node.type) {
    case 'number':
      return constant(Number.isFinite(node.value) ? node.value : NUM);
    case 'string':
    case 'boolean':
      return constant(node.value);
    case 'error':
      return constant(errorValue(node.code));
    case 'name':
      return compileName(node.name, options);
    case 'unary':
      return compileUnary(node, options);
    case 'percent':
      return compilePercent(node, options);
    case 'binary':
      return compileBinary(node, options);
    case 'call':
      return compileCall(node, options);
    case 'array':
      return compileArray(node, options);
  }
}

/** Compiles a formula to a closure; call it once per row. */
export function compile(ast: Node, options: CompileOptions): CompiledFormula {
  const compiled = compileNode(ast, options);
  if (compiled.kind === 'constant') return constantRun(compiled.value);
  if (compiled.kind === 'invariant') return cachedPerPass(compiled.run);
  return compiled.run;
}

/** True when the formula reads no row names, so its value is the same for every person. */
export function isRowInvariant(ast: Node, options: CompileOptions): boolean {
  return compileNode(ast, options).kind !== 'row';
}
