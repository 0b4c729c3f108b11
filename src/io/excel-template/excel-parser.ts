// Recursive-descent parser from Excel formula text to an Excel syntax tree: Kaohe's operators
// and precedence (they are Excel's), plus references, defined names and the constructs Kaohe
// cannot take (kept as `foreign` nodes so translation can say why, by name).
import type { BinaryOp } from '../../formula/types';
import { issue, type Issue } from './issues';
import { lexExcel, type ExcelToken, type LexOptions } from './excel-lexer';
import type { Reference } from './references';

export type ExcelNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'error'; readonly text: string }
  | { readonly type: 'ref'; readonly ref: Reference; readonly text: string }
  | { readonly type: 'name'; readonly name: string; readonly sheet?: string }
  | { readonly type: 'unary'; readonly op: '-' | '+'; readonly arg: ExcelNode }
  | { readonly type: 'percent'; readonly arg: ExcelNode }
  | { readonly type: 'binary'; readonly op: BinaryOp; readonly left: ExcelNode; readonly right: ExcelNode }
  /** `name` as written (prefixes such as `_xlfn.` kept); `null` is an empty argument (`IF(a,,1)`). */
  | { readonly type: 'call'; readonly name: string; readonly args: readonly (ExcelNode | null)[] }
  | { readonly type: 'array'; readonly rows: readonly (readonly ExcelNode[])[] }
  /** Parsed, but not something a template can hold; the issue says why. */
  | { readonly type: 'foreign'; readonly issue: Issue };

export type ExcelParseResult = { readonly ok: true; readonly ast: ExcelNode } | { readonly ok: false; readonly issue: Issue };

export interface ExcelParseOptions extends LexOptions {
  /** Longest formula text read (Excel's own limit is 8192 characters). */
  readonly maxLength?: number;
}

/** Excel allows 64 nested function levels; this is deep enough and keeps the stack safe. */
const MAX_DEPTH = 100;
const MAX_LENGTH = 8192;
const COMPARISONS: readonly BinaryOp[] = ['=', '<>', '<', '<=', '>', '>='];

class Failure {
  constructor(readonly issue: Issue) {}
}

interface State {
  readonly source: string;
  readonly tokens: readonly ExcelToken[];
  index: number;
  depth: number;
}

function syntax(state: State, message: string, token: ExcelToken | undefined): never {
  const position = token?.start ?? state.source.length;
  throw new Failure(issue('syntax', { message, position: position + 1 }));
}

function peek(state: State): ExcelToken | undefined {
  return state.tokens[state.index];
}

function take(state: State): ExcelToken | undefined {
  const token = state.tokens[state.index];
  state.index += 1;
  return token;
}

function expect(state: State, kind: ExcelToken['kind'], what: string): void {
  const token = take(state);
  if (token?.kind !== kind) syntax(state, `expected ${what}`, token);
}

function foreign(code: Issue['code'], params: Issue['params']): ExcelNode {
  return { type: 'foreign', issue: issue(code, params) };
}

function nextOperator(state: State, ops: readonly BinaryOp[]): BinaryOp | undefined {
  const token = peek(state);
  if (token?.kind !== 'operator' || !ops.includes(token.op)) return undefined;
  state.index += 1;
  return token.op;
}

function binaryLevel(state: State, ops: readonly BinaryOp[], operand: (state: State) => ExcelNode): ExcelNode {
  let left = operand(state);
  for (;;) {
    const op = nextOperator(state, ops);
    if (op === undefined) return left;
    const right = operand(state);
    left = { type: 'binary', op, left, right };
  }
}

function parseExpression(state: State): ExcelNode {
  state.depth += 1;
  if (state.depth > MAX_DEPTH) throw new Failure(issue('tooDeep', { limit: MAX_DEPTH }));
  const node = binaryLevel(state, COMPARISONS, (s) => binaryLevel(s, ['&'], (t) => binaryLevel(t, ['+', '-'], (u) => binaryLevel(u, ['*', '/'], (v) => binaryLevel(v, ['^'], parsePostfix)))));
  state.depth -= 1;
  return node;
}

function parsePostfix(state: State): ExcelNode {
  let node = parseUnary(state);
  for (;;) {
    const token = peek(state);
    if (token?.kind === 'percent') {
      state.index += 1;
      node = { type: 'percent', arg: node };
    } else if (token?.kind === 'spill' && !token.spaced) {
      state.index += 1;
      node = foreign('arrayFormula', { range: state.source.slice(0, token.end) });
    } else {
      return node;
    }
  }
}

function parseUnary(state: State): ExcelNode {
  const token = peek(state);
  if (token?.kind === 'operator' && (token.op === '-' || token.op === '+')) {
    state.index += 1;
    state.depth += 1;
    if (state.depth > MAX_DEPTH) throw new Failure(issue('tooDeep', { limit: MAX_DEPTH }));
    const arg = parseUnary(state);
    state.depth -= 1;
    return { type: 'unary', op: token.op, arg };
  }
  if (token?.kind === 'at') {
    // `@` (implicit intersection) only matters for ranges; on one value it changes nothing.
    state.index += 1;
    return parseIntersection(state);
  }
  return parseIntersection(state);
}

/** Two references side by side (`A1:B5 B2:C3`) intersect in Excel; a range `ref:ref` built from parts. */
function parseIntersection(state: State): ExcelNode {
  let node = parseRange(state);
  for (;;) {
    const token = peek(state);
    const startsOperand = token !== undefined && (token.kind === 'ref' || token.kind === 'name' || token.kind === 'lparen' || token.kind === 'function');
    if (!(startsOperand && token.spaced && isReferenceLike(node))) return node;
    parseRange(state);
    node = foreign('unsupportedOperator', { op: '␣' });
  }
}

function isReferenceLike(node: ExcelNode): boolean {
  return node.type === 'ref' || node.type === 'name' || node.type === 'foreign';
}

/** `A1:INDEX(...)` or `Name1:Name2`: ranges whose corners are computed. */
function parseRange(state: State): ExcelNode {
  const node = parsePrimary(state);
  const token = peek(state);
  if (token?.kind !== 'colon') return node;
  state.index += 1;
  parsePrimary(state);
  return foreign('unsupportedOperator', { op: ':' });
}

function parsePrimary(state: State): ExcelNode {
  const token = take(state);
  if (token === undefined) return syntax(state, 'expected a value', token);
  switch (token.kind) {
    case 'number':
      return { type: 'number', value: token.value };
    case 'string':
      return { type: 'string', value: token.value };
    case 'error':
      return { type: 'error', text: token.text };
    case 'ref':
      return { type: 'ref', ref: token.ref, text: token.text };
    case 'name': {
      const upper = token.name.toUpperCase();
      if (token.sheet === undefined && (upper === 'TRUE' || upper === 'FALSE')) return { type: 'boolean', value: upper === 'TRUE' };
      return token.sheet === undefined ? { type: 'name', name: token.name } : { type: 'name', name: token.name, sheet: token.sheet };
    }
    case 'foreign':
      if (token.what === 'external') return foreign('externalLink', { ref: token.text });
      if (token.what === 'structured') return foreign('structuredReference', { ref: token.text });
      return foreign('unsupportedOperator', { op: token.text });
    case 'function': {
      const call = parseCall(state, token.name);
      // LibreOffice writes the constants as calls, TRUE() and FALSE(): they are the same booleans.
      if (call.type === 'call' && call.args.length === 0 && /^(TRUE|FALSE)$/i.test(call.name)) return { type: 'boolean', value: call.name.toUpperCase() === 'TRUE' };
      return call;
    }
    case 'lparen': {
      const inner = parseExpression(state);
      if (peek(state)?.kind === 'comma') {
        // `(A1,B1)` is a union of references.
        while (peek(state)?.kind === 'comma') {
          state.index += 1;
          parseExpression(state);
        }
        expect(state, 'rparen', "')'");
        return foreign('unsupportedOperator', { op: ',' });
      }
      expect(state, 'rparen', "')'");
      return inner;
    }
    case 'lbrace':
      return parseArray(state);
    case 'invalid':
      return syntax(state, `unexpected '${token.text.slice(0, 20)}'`, token);
    default:
      return syntax(state, `unexpected '${state.source.slice(token.start, token.end)}'`, token);
  }
}

function parseCall(state: State, name: string): ExcelNode {
  const args: (ExcelNode | null)[] = [];
  if (peek(state)?.kind === 'rparen') {
    state.index += 1;
    return { type: 'call', name, args };
  }
  for (;;) {
    const token = peek(state);
    if (token?.kind === 'comma' || token?.kind === 'rparen') args.push(null);
    else args.push(parseExpression(state));
    const separator = take(state);
    if (separator?.kind === 'rparen') return { type: 'call', name, args };
    if (separator?.kind !== 'comma') syntax(state, "expected ',' or ')'", separator);
  }
}

function parseArrayElement(state: State): ExcelNode {
  const token = take(state);
  if (token?.kind === 'operator' && (token.op === '-' || token.op === '+')) {
    const number = take(state);
    if (number?.kind !== 'number') return syntax(state, 'expected a number', number);
    return { type: 'number', value: token.op === '-' ? -number.value : number.value };
  }
  if (token?.kind === 'number') return { type: 'number', value: token.value };
  if (token?.kind === 'string') return { type: 'string', value: token.value };
  if (token?.kind === 'error') return { type: 'error', text: token.text };
  if (token?.kind === 'name' && /^(TRUE|FALSE)$/i.test(token.name)) return { type: 'boolean', value: token.name.toUpperCase() === 'TRUE' };
  return syntax(state, 'array constants hold only literals', token);
}

function parseArray(state: State): ExcelNode {
  const rows: ExcelNode[][] = [[]];
  for (;;) {
    (rows[rows.length - 1] as ExcelNode[]).push(parseArrayElement(state));
    const separator = take(state);
    if (separator?.kind === 'rbrace') break;
    if (separator?.kind === 'semicolon') rows.push([]);
    else if (separator?.kind !== 'comma') syntax(state, "expected ',', ';' or '}'", separator);
  }
  const width = (rows[0] as ExcelNode[]).length;
  if (rows.some((row) => row.length !== width)) return syntax(state, 'array rows must have the same length', peek(state));
  return { type: 'array', rows };
}

/** Parses Excel formula text (a leading `=` is allowed). Never throws. */
export function parseExcel(source: string, options: ExcelParseOptions = {}): ExcelParseResult {
  const limit = options.maxLength ?? MAX_LENGTH;
  if (source.length > limit) return { ok: false, issue: issue('tooLong', { length: source.length, limit }) };
  const body = source.replace(/^\s*=/, '');
  const state: State = { source: body, tokens: lexExcel(body, options), index: 0, depth: 0 };
  try {
    const ast = parseExpression(state);
    const leftover = peek(state);
    if (leftover !== undefined) syntax(state, `unexpected '${body.slice(leftover.start, leftover.end)}'`, leftover);
    return { ok: true, ast };
  } catch (thrown) {
    if (thrown instanceof Failure) return { ok: false, issue: thrown.issue };
    throw thrown;
  }
}
