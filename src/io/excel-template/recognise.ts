// Recognises the common shapes of a translated formula and turns them into the matching no-code
// rule: nested IF on thresholds → bands, MAX(0, N − a×[x]) → deduction, [x]/5*20 → scale,
// CHOOSE/lookup on levels → levels, MIN([a]/[t],1)*N → ratio, one IF → threshold; sums and
// weighted sums → sections and totals; IF chains / LOOKUP on the total → grade bands. Every
// recognised rule is checked against the formula it replaces; on any difference the formula stays.
import type { Node, ScopeValue } from '../../formula/index';
import { printFormula } from '../../formula/index';
import { emptyTemplate, type Band, type ComparisonOp, type DeductionItem, type GradeBand, type Indicator, type LevelRow, type Rule, type Template } from '../../scoring/model';
import { gradeFormula, ruleFormula } from '../../scoring/index';
import { printKaohe } from './excel-formula';
import { chainOf, comparisonOf, constantOf, linearOf, literalOf, sameTree, type Interval } from './shapes';
import { agreeOn, aroundEach, numbersIn, probeScopes, type Scope } from './verify';

export type { Scope } from './verify';

export interface RuleContext {
  /** The indicator's max when the sheet states it (a 满分/分值 column or row). */
  readonly max?: number;
  /** Each person's values by name, as Excel cached them: recognised rules must agree on all. */
  readonly scopes: readonly Scope[];
}

export interface RecognisedRule {
  readonly rule: Rule;
  /** The max the shape implies (deduction start, top band …), or the stated one; undefined if neither. */
  readonly max: number | undefined;
}

/** Only the parts of a template `ruleFormula` and `gradeFormula` read. */
const PROBE_TEMPLATE: Template = emptyTemplate('excel-probe');

function formulaRule(ast: Node, max: number | undefined): RecognisedRule {
  return { rule: { kind: 'formula', formula: printKaohe(ast) }, max };
}

const COMPARISON_OPS: readonly string[] = ['>=', '>', '<=', '<', '=', '<>'];

function isComparisonOp(op: string): op is ComparisonOp {
  return COMPARISON_OPS.includes(op);
}

function call(node: Node, name: string): readonly Node[] | undefined {
  return node.type === 'call' && node.name === name ? node.args : undefined;
}

function bandOf(interval: Interval, points: number): Band {
  return { from: interval.from, fromInclusive: interval.fromInclusive, to: interval.to, toInclusive: interval.toInclusive, points };
}

/** `IF([x]>=1,0,-1)`: one comparison, two numbers. */
function thresholdOf(ast: Node): Rule | undefined {
  const args = call(ast, 'IF');
  if (args?.length !== 3) return undefined;
  const test = comparisonOf(args[0] as Node);
  const pass = constantOf(args[1] as Node);
  const fail = constantOf(args[2] as Node);
  if (!test || pass === undefined || fail === undefined || !isComparisonOp(test.op)) return undefined;
  return { kind: 'threshold', input: test.subject, op: test.op, value: test.value, pass, fail };
}

/** Nested IF (or IFS) on thresholds of one subject, numbers out. */
function bandsOf(ast: Node): Rule | undefined {
  const chain = chainOf(ast);
  if (!chain || chain.branches.some((branch) => typeof branch.value !== 'number') || typeof chain.otherwise === 'string') return undefined;
  const bands = chain.branches.map((branch) => bandOf(branch.interval, branch.value as number));
  return { kind: 'bands', input: chain.subject, bands, otherwise: chain.otherwise ?? null };
}

/** The linear part floored by a constant: `MAX(f, lin)`, `MAX(lin, f)`, `IF(lin<f, f, lin)` and mirrors. */
function flooredOf(ast: Node): { floor: number; inner: Node } | undefined {
  const max = call(ast, 'MAX');
  if (max?.length === 2) {
    const [a, b] = max as [Node, Node];
    const fa = constantOf(a);
    const fb = constantOf(b);
    if (fa !== undefined && fb === undefined) return { floor: fa, inner: b };
    if (fb !== undefined && fa === undefined) return { floor: fb, inner: a };
    return undefined;
  }
  const branch = call(ast, 'IF');
  if (branch?.length !== 3) return undefined;
  const [test, then, otherwise] = branch as [Node, Node, Node];
  if (test.type !== 'binary') return undefined;
  const floor = constantOf(test.right);
  if (floor === undefined) return undefined;
  // IF(lin<f,f,lin) / IF(lin<=f,f,lin) and IF(lin>f,lin,f) / IF(lin>=f,lin,f).
  const below = (test.op === '<' || test.op === '<=') && constantOf(then) === floor && sameTree(test.left, otherwise);
  const above = (test.op === '>' || test.op === '>=') && constantOf(otherwise) === floor && sameTree(test.left, then);
  return below || above ? { floor, inner: test.left } : undefined;
}

/** `MAX(0, 30-2*[延时次数]-2*[未提出解决方案次数])`: start minus penalties per count, floored. */
function deductionOf(ast: Node): { items: DeductionItem[]; start: number; floor: number } | undefined {
  const floored = flooredOf(ast);
  const linear = floored && linearOf(floored.inner);
  if (!floored || !linear || linear.terms.size === 0) return undefined;
  const items: DeductionItem[] = [];
  for (const [input, coefficient] of linear.terms) {
    if (!(coefficient < 0)) return undefined;
    items.push({ input, penalty: -coefficient });
  }
  return { items, start: linear.constant, floor: floored.floor };
}

/** `[x]/5*20`, `[x]*20/5`, `[x]*4` (with a stated max): a rating scaled to the max. */
function scaleOf(ast: Node, statedMax: number | undefined): { rule: Rule; max: number } | undefined {
  const linear = linearOf(ast);
  if (!linear || linear.constant !== 0 || linear.terms.size !== 1) return undefined;
  const [input, factor] = [...linear.terms][0] as [string, number];
  if (!(factor > 0)) return undefined;
  // The explicit `x/h*m` shape names both numbers; `x*k` needs the stated max to find h.
  const explicit = ast.type === 'binary' && (ast.op === '*' || ast.op === '/') ? explicitScale(ast) : undefined;
  const max = statedMax ?? explicit?.max;
  if (max === undefined || !(max > 0)) return undefined;
  const high = Number((max / factor).toPrecision(12));
  return { rule: { kind: 'scale', input, low: 0, high }, max };
}

function explicitScale(ast: Node & { type: 'binary' }): { max: number } | undefined {
  // (x/h)*m or (x*m)/h
  if (ast.op === '*' && ast.left.type === 'binary' && ast.left.op === '/') {
    const max = constantOf(ast.right);
    return max === undefined ? undefined : { max };
  }
  if (ast.op === '/' && ast.left.type === 'binary' && ast.left.op === '*') {
    const max = constantOf(ast.left.right) ?? constantOf(ast.left.left);
    return max === undefined ? undefined : { max };
  }
  return undefined;
}

function levelRows(values: readonly (number | string)[], points: readonly number[]): LevelRow[] {
  return values.map((value, i) => ({ value, points: points[i] as number }));
}

function literalsOf(node: Node): (number | string)[] | undefined {
  if (node.type !== 'array') return undefined;
  const cells = node.rows.flat().map(literalOf);
  return cells.every((cell) => cell !== undefined) ? (cells as (number | string)[]) : undefined;
}

function numbersOf(node: Node): number[] | undefined {
  const cells = literalsOf(node);
  return cells?.every((cell) => typeof cell === 'number') ? (cells as number[]) : undefined;
}

/** CHOOSE([级别],4,8,12,16,20); SWITCH; INDEX(points, MATCH(x, levels, 0)); LOOKUP on whole levels. */
function levelsOf(ast: Node): Rule | undefined {
  const choose = call(ast, 'CHOOSE');
  if (choose && choose[0]?.type === 'name' && choose.length > 1) {
    const points = choose.slice(1).map(constantOf);
    if (points.some((p) => p === undefined)) return undefined;
    return { kind: 'levels', input: choose[0].name, levels: levelRows(points.map((_, i) => i + 1), points as number[]) };
  }
  const switched = call(ast, 'SWITCH');
  if (switched && switched[0]?.type === 'name' && switched.length >= 3) {
    const pairs = switched.slice(1);
    // A default other than #N/A would give points to unknown levels; a level table does not.
    if (pairs.length % 2 === 1 && !(pairs[pairs.length - 1]?.type === 'error')) return undefined;
    const values: (number | string)[] = [];
    const points: number[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const value = literalOf(pairs[i] as Node);
      const point = constantOf(pairs[i + 1] as Node);
      if (value === undefined || point === undefined) return undefined;
      values.push(value);
      points.push(point);
    }
    return { kind: 'levels', input: switched[0].name, levels: levelRows(values, points) };
  }
  const index = call(ast, 'INDEX');
  const match = index?.length === 2 ? call(index[1] as Node, 'MATCH') : undefined;
  if (index && match?.length === 3 && match[0]?.type === 'name' && constantOf(match[2] as Node) === 0) {
    const points = numbersOf(index[0] as Node);
    const values = literalsOf(match[1] as Node);
    if (!points || !values || points.length !== values.length) return undefined;
    return { kind: 'levels', input: match[0].name, levels: levelRows(values, points) };
  }
  const lookup = call(ast, 'LOOKUP');
  if (lookup?.length === 3 && lookup[0]?.type === 'name') {
    const values = numbersOf(lookup[1] as Node);
    const points = numbersOf(lookup[2] as Node);
    if (!values || !points || values.length !== points.length || !values.every(Number.isInteger)) return undefined;
    return { kind: 'levels', input: lookup[0].name, levels: levelRows(values, points) };
  }
  return undefined;
}

/** `MIN([实际]/[目标],1)*N` (and `N*MIN(…)`, `MIN(1,…)`, a constant target, target/actual). */
function ratioOf(ast: Node, statedMax: number | undefined): { rule: Rule; max: number } | undefined {
  if (ast.type !== 'binary' || ast.op !== '*') return undefined;
  const leftMax = constantOf(ast.left);
  const max = leftMax ?? constantOf(ast.right);
  const min = call(leftMax !== undefined ? ast.right : ast.left, 'MIN');
  if (max === undefined || min?.length !== 2 || (statedMax !== undefined && statedMax !== max)) return undefined;
  const [a, b] = min as [Node, Node];
  const capFirst = constantOf(a);
  const cap = capFirst ?? constantOf(b);
  const ratio = capFirst !== undefined ? b : a;
  if (cap === undefined || !(cap > 0) || ratio.type !== 'binary' || ratio.op !== '/') return undefined;
  const { left, right } = ratio;
  const rightConstant = constantOf(right);
  const leftConstant = constantOf(left);
  if (left.type === 'name' && right.type === 'name') return { rule: { kind: 'ratio', actual: left.name, target: right.name, direction: 'higher', cap }, max };
  if (left.type === 'name' && rightConstant !== undefined) return { rule: { kind: 'ratio', actual: left.name, target: rightConstant, direction: 'higher', cap }, max };
  if (right.type === 'name' && leftConstant !== undefined) return { rule: { kind: 'ratio', actual: right.name, target: leftConstant, direction: 'lower', cap }, max };
  return undefined;
}

function maxOfPoints(points: readonly (number | null)[]): number {
  return Math.max(0, ...points.filter((p): p is number => p !== null));
}

function candidates(ast: Node, stated: number | undefined): { rule: Rule; max: number | undefined; probes: 'levels' | 'all' }[] {
  const found: { rule: Rule; max: number | undefined; probes: 'levels' | 'all' }[] = [];
  if (ast.type === 'name') found.push({ rule: { kind: 'direct', input: ast.name }, max: stated, probes: 'all' });
  const threshold = thresholdOf(ast);
  if (threshold?.kind === 'threshold') found.push({ rule: threshold, max: stated ?? maxOfPoints([threshold.pass, threshold.fail]), probes: 'all' });
  const bands = bandsOf(ast);
  if (bands?.kind === 'bands') found.push({ rule: bands, max: stated ?? maxOfPoints([...bands.bands.map((b) => b.points), bands.otherwise]), probes: 'all' });
  const deduction = deductionOf(ast);
  if (deduction) {
    const max = stated ?? deduction.start;
    // `start` is the max unless the sheet says otherwise; written out only when it differs.
    const { items, start, floor } = deduction;
    const rule: Rule = start === max ? { kind: 'deduction', items, floor } : { kind: 'deduction', items, start, floor };
    found.push({ rule, max, probes: 'all' });
  }
  const ratio = ratioOf(ast, stated);
  if (ratio) found.push({ ...ratio, probes: 'all' });
  const scale = scaleOf(ast, stated);
  if (scale) found.push({ ...scale, probes: 'all' });
  const levels = levelsOf(ast);
  if (levels?.kind === 'levels') found.push({ rule: levels, max: stated ?? maxOfPoints(levels.levels.map((l) => l.points)), probes: 'levels' });
  return found;
}

function namesIn(node: Node): string[] {
  switch (node.type) {
    case 'name':
      return [node.name];
    case 'unary':
    case 'percent':
      return namesIn(node.arg);
    case 'binary':
      return [...namesIn(node.left), ...namesIn(node.right)];
    case 'call':
      return node.args.flatMap(namesIn);
    default:
      return [];
  }
}

function probesFor(ast: Node, rule: Rule, people: readonly Scope[], names: readonly string[]): ScopeValue[] {
  const seen = people.flatMap((scope) => names.map((name) => scope[name] ?? null));
  if (rule.kind === 'levels') return [...rule.levels.map((level) => level.value), ...seen];
  return [...aroundEach(numbersIn(ast)), ...seen, null];
}

/**
 * The rule for an indicator's translated formula: a recognised no-code rule when one computes the
 * same values (people and probes), else `{ kind: 'formula' }` with the formula as Kaohe text.
 */
export function recogniseRule(ast: Node, context: RuleContext): RecognisedRule {
  const original = printFormula(ast);
  const names = [...new Set(namesIn(ast))];
  for (const candidate of candidates(ast, context.max)) {
    const max = candidate.max ?? 0;
    const indicator: Indicator = { id: 'probe', name: 'probe', quantitative: true, max, rule: candidate.rule };
    const formula = ruleFormula(indicator, PROBE_TEMPLATE);
    const scopes = probeScopes(names, context.scopes, probesFor(ast, candidate.rule, context.scopes, names));
    if (agreeOn(original, formula, scopes)) return { rule: candidate.rule, max: candidate.max };
  }
  return formulaRule(ast, context.max);
}

/** How a section or total combines its parts. */
export type Combination =
  | { readonly kind: 'sum'; readonly names: readonly string[]; readonly base: number }
  | { readonly kind: 'weighted'; readonly weights: ReadonlyMap<string, number>; readonly base: number };

/**
 * `SUM([a],[b])`, `[a]+[b]`, `[业绩]*80%+[行为]*20%`, a written-out SUMPRODUCT, `AVERAGE([a],[b])`:
 * a plain or weighted sum of names (plus a constant base). Undefined for anything else.
 */
export function recogniseCombination(ast: Node): Combination | undefined {
  const linear = linearOf(ast);
  if (!linear || linear.terms.size === 0) return undefined;
  if ([...linear.terms.values()].every((coefficient) => coefficient === 1)) return { kind: 'sum', names: [...linear.terms.keys()], base: linear.constant };
  return { kind: 'weighted', weights: linear.terms, base: linear.constant };
}

/** Grade bands read from an IF chain or a LOOKUP on the total; undefined for anything else. */
function gradeCandidates(ast: Node, totalName: string): GradeBand[] | undefined {
  const chain = chainOf(ast);
  if (chain) {
    if (chain.subject !== totalName) return undefined;
    const parts = chain.branches.map((branch) => ({ interval: branch.interval, label: branch.value }));
    if (chain.rest.length > 1) return undefined;
    const rest = chain.rest[0];
    if (rest && chain.otherwise !== undefined) parts.push({ interval: rest, label: chain.otherwise });
    if (parts.some((part) => typeof part.label !== 'string')) return undefined;
    // Highest band first; each band starts where the one below ends.
    parts.sort((a, b) => (b.interval.from ?? Number.NEGATIVE_INFINITY) - (a.interval.from ?? Number.NEGATIVE_INFINITY));
    return parts.map((part) => ({ label: String(part.label), min: part.interval.from, minInclusive: part.interval.from === null ? true : part.interval.fromInclusive }));
  }
  const lookup = call(ast, 'LOOKUP');
  if (lookup?.length === 3 && lookup[0]?.type === 'name' && lookup[0].name === totalName) {
    const keys = numbersOf(lookup[1] as Node);
    const labels = literalsOf(lookup[2] as Node);
    if (!keys || !labels || keys.length !== labels.length || labels.some((label) => typeof label !== 'string')) return undefined;
    return keys.map((min, i) => ({ label: String(labels[i]), min, minInclusive: true })).reverse();
  }
  return undefined;
}

/** The grade formula as grade bands, when they give the same grade for every person and probe. */
export function recogniseGrades(ast: Node, totalName: string, scopes: readonly Scope[]): GradeBand[] | undefined {
  const grades = gradeCandidates(ast, totalName);
  if (!grades) return undefined;
  const formula = gradeFormula({ ...PROBE_TEMPLATE, grades, labels: { total: totalName } });
  // Below the lowest band Excel's LOOKUP gives #N/A and Kaohe no grade: neither is a grade.
  const lowest = grades[grades.length - 1]?.min ?? null;
  const totals = [...aroundEach(numbersIn(ast)), ...scopes.map((scope) => scope[totalName] ?? null)].filter(
    (value) => lowest === null || (typeof value === 'number' && value >= lowest),
  );
  const probes = probeScopes([totalName], scopes, totals);
  return agreeOn(printFormula(ast), formula, probes) ? grades : undefined;
}
