// Recursive-descent parser from formula text to the immutable AST of types.ts.
// Precedence, high to low: unary -/+, postfix %, ^ (left-assoc), * /, + -, &, comparisons.
import { lex, type Token } from './lexer';
import type { BinaryOp, Node, ParseResult, SyntaxError } from './types';

/** Deeper nesting than this is refused, so hostile input cannot overflow the stack. */
const MAX_DEPTH = 200;

const COMPARISONS: readonly BinaryOp[] = ['=', '<>', '<', '<=', '>', '>='];

interface Failure {
  readonly failure: SyntaxError;
}

interface State {
  readonly source: string;
  readonly tokens: readonly Token[];
  index: number;
  depth: number;
}

function fail(message: string, position: number, end: number = position): never {
  const failure: Failure = { failure: { message: `${message} at ${position}`, position, end } };
  throw failure;
}

function isFailure(thrown: unknown): thrown is Failure {
  return typeof thrown === 'object' && thrown !== null && 'failure' in thrown;
}

function peek(state: State): Token | undefined {
  return state.tokens[state.index];
}

function endOfInput(state: State): number {
  return state.source.length;
}

function quote(state: State, token: Token): string {
  const text = state.source.slice(token.start, token.end);
  return `'${text.length > 20 ? `${text.slice(0, 20)}…` : text}'`;
}

/** Fails with the lexer's message when the next token could not be read. */
function failOnInvalid(token: Token | undefined): void {
  if (token?.kind === 'invalid') fail(token.message, token.at, token.end);
}

function expectClosingParen(state: State): void {
  const token = peek(state);
  failOnInvalid(token);
  if (token === undefined) fail("expected ')'", endOfInput(state));
  if (token.kind !== 'rparen') fail("expected ')'", token.start, token.end);
  state.index += 1;
}

function nextOperator(state: State, ops: readonly BinaryOp[]): BinaryOp | undefined {
  const token = peek(state);
  if (token?.kind !== 'operator' || !ops.includes(token.op)) return undefined;
  state.index += 1;
  return token.op;
}

function binaryLevel(state: State, ops: readonly BinaryOp[], operand: (state: State) => Node): Node {
  let left = operand(state);
  for (;;) {
    const op = nextOperator(state, ops);
    if (op === undefined) return left;
    const right = operand(state);
    left = { type: 'binary', op, left, right, start: left.start, end: right.end };
  }
}

function parseExpression(state: State): Node {
  state.depth += 1;
  if (state.depth > MAX_DEPTH) {
    const token = peek(state);
    fail('formula nests too deeply', token?.start ?? endOfInput(state));
  }
  const node = binaryLevel(state, COMPARISONS, parseConcat);
  state.depth -= 1;
  return node;
}

function parseConcat(state: State): Node {
  return binaryLevel(state, ['&'], parseAdditive);
}

function parseAdditive(state: State): Node {
  return binaryLevel(state, ['+', '-'], parseMultiplicative);
}

function parseMultiplicative(state: State): Node {
  return binaryLevel(state, ['*', '/'], parsePower);
}

// Excel evaluates 2^3^2 as (2^3)^2 = 64, so ^ is left-associative like the rest.
function parsePower(state: State): Node {
  return binaryLevel(state, ['^'], parsePostfix);
}

// Negation binds tighter than % and ^ in Excel: -2^2 is 4, -5% is (-5)%.
function parsePostfix(state: State): Node {
  let node = parseUnary(state);
  for (;;) {
    const token = peek(state);
    if (token?.kind !== 'percent') return node;
    state.index += 1;
    node = { type: 'percent', arg: node, start: node.start, end: token.end };
  }
}

function parseUnary(state: State): Node {
  const token = peek(state);
  if (token?.kind === 'operator' && (token.op === '-' || token.op === '+')) {
    state.index += 1;
    state.depth += 1;
    if (state.depth > MAX_DEPTH) fail('formula nests too deeply', token.start);
    const arg = parseUnary(state);
    state.depth -= 1;
    return { type: 'unary', op: token.op, arg, start: token.start, end: arg.end };
  }
  return parsePrimary(state);
}

function parsePrimary(state: State): Node {
  const token = peek(state);
  failOnInvalid(token);
  if (token === undefined) fail('expected a value', endOfInput(state));
  switch (token.kind) {
    case 'number':
      state.index += 1;
      return { type: 'number', value: token.value, start: token.start, end: token.end };
    case 'string':
      state.index += 1;
      return { type: 'string', value: token.value, start: token.start, end: token.end };
    case 'error':
      state.index += 1;
      return { type: 'error', code: token.code, start: token.start, end: token.end };
    case 'bracketName':
      state.index += 1;
      return { type: 'name', name: token.name, start: token.start, end: token.end };
    case 'identifier':
      return parseIdentifier(state, token);
    case 'lparen': {
      state.index += 1;
      const inner = parseExpression(state);
      expectClosingParen(state);
      // Parentheses leave no node: the printer puts back the ones precedence needs.
      return inner;
    }
    case 'lbrace':
      return parseArray(state, token);
    default:
      return fail('expected a value', token.start, token.end);
  }
}

function parseIdentifier(state: State, token: Token & { kind: 'identifier' }): Node {
  state.index += 1;
  const next = peek(state);
  if (next?.kind === 'lparen' && next.start === token.end) return parseCall(state, token);
  const upper = token.text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    return { type: 'boolean', value: upper === 'TRUE', start: token.start, end: token.end };
  }
  return { type: 'name', name: token.text, start: token.start, end: token.end };
}

function parseCall(state: State, nameToken: Token & { kind: 'identifier' }): Node {
  state.index += 1; // the '('
  const name = nameToken.text.toUpperCase();
  const args: Node[] = [];
  const first = peek(state);
  if (first?.kind === 'rparen') {
    state.index += 1;
    return { type: 'call', name, args, start: nameToken.start, end: first.end };
  }
  for (;;) {
    const token = peek(state);
    // Excel allows `IF(a,,1)`; Kaohe asks for every argument to be written out.
    if (token?.kind === 'comma' || token?.kind === 'rparen') fail('missing argument', token.start, token.end);
    args.push(parseExpression(state));
    const separator = peek(state);
    failOnInvalid(separator);
    if (separator === undefined) fail("expected ')'", endOfInput(state));
    state.index += 1;
    if (separator.kind === 'rparen') {
      return { type: 'call', name, args, start: nameToken.start, end: separator.end };
    }
    if (separator.kind !== 'comma') fail("expected ',' or ')'", separator.start, separator.end);
  }
}

function parseArrayElement(state: State): Node {
  const token = peek(state);
  failOnInvalid(token);
  const notLiteral = 'array constants hold only numbers, text, TRUE/FALSE and errors';
  if (token === undefined) fail(notLiteral, endOfInput(state));
  if (token.kind === 'operator' && (token.op === '-' || token.op === '+')) {
    const number = state.tokens[state.index + 1];
    if (number?.kind !== 'number') fail(notLiteral, number?.start ?? endOfInput(state));
    state.index += 2;
    const value = token.op === '-' ? -number.value : number.value;
    return { type: 'number', value, start: token.start, end: number.end };
  }
  if (token.kind === 'identifier') {
    const upper = token.text.toUpperCase();
    if (upper !== 'TRUE' && upper !== 'FALSE') fail(notLiteral, token.start, token.end);
    state.index += 1;
    return { type: 'boolean', value: upper === 'TRUE', start: token.start, end: token.end };
  }
  if (token.kind === 'number' || token.kind === 'string' || token.kind === 'error') return parsePrimary(state);
  return fail(notLiteral, token.start, token.end);
}

function parseArray(state: State, open: Token): Node {
  state.index += 1;
  const rows: Node[][] = [[]];
  for (;;) {
    const row = rows[rows.length - 1] as Node[];
    row.push(parseArrayElement(state));
    const separator = peek(state);
    failOnInvalid(separator);
    if (separator === undefined) fail("expected '}'", endOfInput(state));
    if (separator.kind !== 'comma' && separator.kind !== 'semicolon' && separator.kind !== 'rbrace') {
      fail("expected ',', ';' or '}'", separator.start, separator.end);
    }
    const width = (rows[0] as Node[]).length;
    if (separator.kind !== 'comma' && row.length !== width) {
      fail('array rows must have the same length', separator.start, separator.end);
    }
    state.index += 1;
    if (separator.kind === 'semicolon') rows.push([]);
    if (separator.kind === 'rbrace') return { type: 'array', rows, start: open.start, end: separator.end };
  }
}

function describeLeftover(state: State, token: Token): string {
  const previous = state.tokens[state.index - 1];
  if (token.kind === 'lparen' && previous?.kind === 'identifier') {
    return "unexpected '(' (no space between a function name and '(')";
  }
  return `unexpected ${quote(state, token)}`;
}

/** Parses a formula; a leading `=` is ignored. Never throws. */
export function parse(source: string): ParseResult {
  const tokens = lex(source).filter((token) => token.kind !== 'whitespace');
  const first = tokens[0];
  const skip = first?.kind === 'operator' && first.op === '=' ? 1 : 0;
  const state: State = { source, tokens, index: skip, depth: 0 };
  try {
    const ast = parseExpression(state);
    const leftover = peek(state);
    if (leftover !== undefined) {
      failOnInvalid(leftover);
      fail(describeLeftover(state, leftover), leftover.start, leftover.end);
    }
    return { ok: true, ast };
  } catch (thrown) {
    if (isFailure(thrown)) return { ok: false, error: thrown.failure };
    throw thrown;
  }
}
