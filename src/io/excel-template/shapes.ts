// Reading a translated formula's shape: constants, linear sums (`30-2*[a]-2*[b]`,
// `[业绩]*80%+[行为]*20%`) and IF chains on one subject cut into intervals. Pure tree walks.
import { printFormula } from '../../formula/index';
import type { BinaryOp, Node } from '../../formula/types';

/** A number written as a literal, a percent, a sign or arithmetic of those (`100*20%`). */
export function constantOf(node: Node): number | undefined {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'percent': {
      const value = constantOf(node.arg);
      return value === undefined ? undefined : value / 100;
    }
    case 'unary': {
      const value = constantOf(node.arg);
      return value === undefined ? undefined : node.op === '-' ? -value : value;
    }
    case 'binary': {
      const left = constantOf(node.left);
      const right = constantOf(node.right);
      if (left === undefined || right === undefined) return undefined;
      if (node.op === '+') return left + right;
      if (node.op === '-') return left - right;
      if (node.op === '*') return left * right;
      if (node.op === '/') return right === 0 ? undefined : left / right;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A literal value a branch returns: a number or a text (grades). */
export function literalOf(node: Node): number | string | undefined {
  if (node.type === 'string') return node.value;
  return constantOf(node);
}

/** `constant + Σ coefficient × name`, names in first-seen order. */
export interface Linear {
  readonly constant: number;
  readonly terms: ReadonlyMap<string, number>;
}

function combine(a: Linear, b: Linear, sign: 1 | -1): Linear {
  const terms = new Map(a.terms);
  for (const [name, coefficient] of b.terms) terms.set(name, (terms.get(name) ?? 0) + sign * coefficient);
  return { constant: a.constant + sign * b.constant, terms };
}

function scaled(a: Linear, factor: number): Linear {
  return { constant: a.constant * factor, terms: new Map([...a.terms].map(([name, c]) => [name, c * factor])) };
}

/** The expression as a linear form, or undefined when it is not one (products of names, calls). */
export function linearOf(node: Node): Linear | undefined {
  const constant = constantOf(node);
  if (constant !== undefined) return { constant, terms: new Map() };
  switch (node.type) {
    case 'name':
      return { constant: 0, terms: new Map([[node.name, 1]]) };
    case 'unary': {
      const inner = linearOf(node.arg);
      return inner && (node.op === '-' ? scaled(inner, -1) : inner);
    }
    case 'percent': {
      const inner = linearOf(node.arg);
      return inner && scaled(inner, 0.01);
    }
    case 'binary': {
      if (node.op === '+' || node.op === '-') {
        const left = linearOf(node.left);
        const right = linearOf(node.right);
        return left && right && combine(left, right, node.op === '+' ? 1 : -1);
      }
      if (node.op === '*') {
        const leftConstant = constantOf(node.left);
        const rightConstant = constantOf(node.right);
        const factor = leftConstant ?? rightConstant;
        const inner = leftConstant !== undefined ? linearOf(node.right) : rightConstant !== undefined ? linearOf(node.left) : undefined;
        return factor !== undefined && inner ? scaled(inner, factor) : undefined;
      }
      if (node.op === '/') {
        const divisor = constantOf(node.right);
        const inner = linearOf(node.left);
        return divisor && inner ? scaled(inner, 1 / divisor) : undefined;
      }
      return undefined;
    }
    case 'call': {
      // SUM(a,b) and AVERAGE(a,b) of linear parts are linear too (section totals).
      if ((node.name !== 'SUM' && node.name !== 'AVERAGE') || node.args.length === 0) return undefined;
      const parts = node.args.map(linearOf);
      if (parts.some((part) => part === undefined)) return undefined;
      const zero: Linear = { constant: 0, terms: new Map() };
      const sum = (parts as Linear[]).reduce((acc, part) => combine(acc, part, 1), zero);
      return node.name === 'SUM' ? sum : scaled(sum, 1 / parts.length);
    }
    default:
      return undefined;
  }
}

/** Structural equality of two trees (spans ignored): their canonical texts are the same. */
export function sameTree(a: Node, b: Node): boolean {
  return printFormula(a) === printFormula(b);
}

/** An interval of the subject: `null` edges are unbounded. */
export interface Interval {
  readonly from: number | null;
  readonly fromInclusive: boolean;
  readonly to: number | null;
  readonly toInclusive: boolean;
}

const EVERYTHING: Interval = { from: null, fromInclusive: false, to: null, toInclusive: false };

const FLIP: Readonly<Record<string, BinaryOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' };

/** `[x] op c` (or `c op [x]`, flipped): the subject's name, the operator and the constant. */
export function comparisonOf(node: Node): { subject: string; op: BinaryOp; value: number } | undefined {
  if (node.type !== 'binary' || !(node.op in FLIP) || node.op === '&') return undefined;
  const rightValue = constantOf(node.right);
  if (node.left.type === 'name' && rightValue !== undefined) return { subject: node.left.name, op: node.op, value: rightValue };
  const leftValue = constantOf(node.left);
  if (node.right.type === 'name' && leftValue !== undefined) return { subject: node.right.name, op: FLIP[node.op] as BinaryOp, value: leftValue };
  return undefined;
}

function intervalOfComparison(op: BinaryOp, value: number): Interval | undefined {
  switch (op) {
    case '>=':
      return { from: value, fromInclusive: true, to: null, toInclusive: false };
    case '>':
      return { from: value, fromInclusive: false, to: null, toInclusive: false };
    case '<=':
      return { from: null, fromInclusive: false, to: value, toInclusive: true };
    case '<':
      return { from: null, fromInclusive: false, to: value, toInclusive: false };
    case '=':
      return { from: value, fromInclusive: true, to: value, toInclusive: true };
    default:
      return undefined;
  }
}

function intersect(a: Interval, b: Interval): Interval {
  let from = a.from;
  let fromInclusive = a.fromInclusive;
  if (b.from !== null && (from === null || b.from > from || (b.from === from && !b.fromInclusive))) {
    from = b.from;
    fromInclusive = b.fromInclusive;
  }
  let to = a.to;
  let toInclusive = a.toInclusive;
  if (b.to !== null && (to === null || b.to < to || (b.to === to && !b.toInclusive))) {
    to = b.to;
    toInclusive = b.toInclusive;
  }
  return { from, fromInclusive, to, toInclusive };
}

function isEmpty(a: Interval): boolean {
  if (a.from === null || a.to === null) return false;
  return a.from > a.to || (a.from === a.to && !(a.fromInclusive && a.toInclusive));
}

/** `rest` minus `taken`: up to two intervals (below and above what was taken). */
function remove(rest: Interval, taken: Interval): Interval[] {
  const parts: Interval[] = [];
  if (taken.from !== null) parts.push(intersect(rest, { from: null, fromInclusive: false, to: taken.from, toInclusive: !taken.fromInclusive }));
  if (taken.to !== null) parts.push(intersect(rest, { from: taken.to, fromInclusive: !taken.toInclusive, to: null, toInclusive: false }));
  return parts.filter((part) => !isEmpty(part));
}

/** A condition on one subject as an interval: `[x]>=85%`, or `AND([x]>=85%,[x]<90%)`. */
function conditionOf(node: Node): { subject: string; interval: Interval } | undefined {
  const single = comparisonOf(node);
  if (single) {
    const interval = intervalOfComparison(single.op, single.value);
    return interval && { subject: single.subject, interval };
  }
  if (node.type === 'call' && node.name === 'AND' && node.args.length > 0) {
    const parts = node.args.map(conditionOf);
    const subject = parts[0]?.subject;
    if (subject === undefined || parts.some((part) => part?.subject !== subject)) return undefined;
    return { subject, interval: parts.reduce((acc, part) => intersect(acc, (part as { interval: Interval }).interval), EVERYTHING) };
  }
  return undefined;
}

export interface Chain {
  readonly subject: string;
  /** In the order of the IF chain: the first that contains the value wins. */
  readonly branches: readonly { readonly interval: Interval; readonly value: number | string }[];
  /** What the last else gives; undefined when every value is taken by a branch. */
  readonly otherwise: number | string | undefined;
  /** The values the else gets (none, one or more intervals). */
  readonly rest: readonly Interval[];
}

/** Branches of `IF(c1,v1,IF(c2,v2,…,else))` or `IFS(c1,v1,…,TRUE,else)` as (condition, value) pairs. */
function branchesOf(node: Node): { branches: { condition: Node; value: Node }[]; otherwise: Node | undefined } | undefined {
  const branches: { condition: Node; value: Node }[] = [];
  let current: Node = node;
  if (current.type === 'call' && current.name === 'IFS' && current.args.length >= 2 && current.args.length % 2 === 0) {
    const args = current.args;
    for (let i = 0; i < args.length; i += 2) branches.push({ condition: args[i] as Node, value: args[i + 1] as Node });
    const last = branches[branches.length - 1];
    if (last && last.condition.type === 'boolean' && last.condition.value) {
      branches.pop();
      return { branches, otherwise: last.value };
    }
    return { branches, otherwise: undefined };
  }
  while (current.type === 'call' && current.name === 'IF' && current.args.length === 3) {
    branches.push({ condition: current.args[0] as Node, value: current.args[1] as Node });
    current = current.args[2] as Node;
  }
  return branches.length === 0 ? undefined : { branches, otherwise: current };
}

/**
 * A nested IF whose conditions all test one subject against constants and whose values are
 * literals, cut into the interval each branch really gets (what earlier branches took removed).
 * Undefined when a branch would get two separate pieces or nothing at all.
 */
export function chainOf(node: Node): Chain | undefined {
  const found = branchesOf(node);
  if (!found) return undefined;
  let subject: string | undefined;
  let rest: Interval[] = [EVERYTHING];
  const branches: { interval: Interval; value: number | string }[] = [];
  for (const { condition, value } of found.branches) {
    const parsed = conditionOf(condition);
    const literal = literalOf(value);
    if (!parsed || literal === undefined || (subject !== undefined && parsed.subject !== subject)) return undefined;
    subject = parsed.subject;
    const pieces = rest.map((part) => intersect(part, parsed.interval)).filter((part) => !isEmpty(part));
    if (pieces.length !== 1) return undefined;
    branches.push({ interval: pieces[0] as Interval, value: literal });
    rest = rest.flatMap((part) => remove(part, parsed.interval));
  }
  if (subject === undefined) return undefined;
  if (rest.length === 0) return { subject, branches, otherwise: undefined, rest };
  const otherwise = found.otherwise === undefined ? undefined : literalOf(found.otherwise);
  if (otherwise === undefined) return undefined;
  return { subject, branches, otherwise, rest };
}
