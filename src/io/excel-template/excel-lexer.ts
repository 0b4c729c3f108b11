// Splits Excel formula text (as stored in a file: no leading `=`, `_xlfn.` prefixes, A1 or R1C1
// references) into tokens. Never throws: what it cannot read becomes an `invalid` token.
import type { BinaryOp } from '../../formula/types';
import {
  parseA1Cell,
  parseColumnRange,
  parseR1C1Cell,
  parseRowRange,
  rangeOf,
  unquoteSheet,
  type FormulaOrigin,
  type Reference,
} from './references';

interface At {
  readonly start: number;
  readonly end: number;
  /** Whitespace came right before: two operands separated by a space are Excel's intersection. */
  readonly spaced: boolean;
}

export type ExcelToken =
  | (At & { readonly kind: 'number'; readonly value: number })
  | (At & { readonly kind: 'string'; readonly value: string })
  | (At & { readonly kind: 'error'; readonly text: string })
  | (At & { readonly kind: 'ref'; readonly ref: Reference; readonly text: string })
  /** A defined name, optionally sheet-scoped (`Sheet1!得分表`); TRUE/FALSE come as names too. */
  | (At & { readonly kind: 'name'; readonly name: string; readonly sheet?: string })
  /** A function name with its `(`: `_xlfn.IFS(`. */
  | (At & { readonly kind: 'function'; readonly name: string })
  /** Something Excel understands and Kaohe cannot take: `[1]Sheet1!A1`, `Table1[金额]`, `Sheet1:Sheet3!A1`. */
  | (At & { readonly kind: 'foreign'; readonly what: 'external' | 'structured' | 'threeD'; readonly text: string })
  | (At & { readonly kind: 'operator'; readonly op: BinaryOp })
  | (At & { readonly kind: 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'comma' | 'semicolon' | 'colon' | 'percent' | 'at' | 'spill' })
  | (At & { readonly kind: 'invalid'; readonly text: string });

export interface LexOptions {
  /** References are R1C1 (`R[-1]C`) instead of A1; relative ones count from `origin`. */
  readonly r1c1?: boolean;
  readonly origin?: FormulaOrigin;
}

const WHITESPACE = /\s+/y;
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const ERROR_LITERAL = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|EXTERNAL!|PYTHON!)/iy;
const QUOTED_PREFIX = /'((?:[^']|'')+)'!/y;
// Unquoted sheet names: letters (any script), digits, `_` and `.`; `[1]` marks an external book;
// `Sheet1:Sheet3` is a 3-D reference.
const PLAIN_PREFIX = /((?:\[[^\]]*\])?[\p{L}\p{N}_.]+(?::[\p{L}\p{N}_.]+)?|\[[^\]]*\])!/uy;
const NOT_AFTER = '(?![\\p{L}\\p{N}_.(\\[])';
const A1_RANGE = new RegExp(`(\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7})(?::(\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7}))?${NOT_AFTER}`, 'uy');
const R1C1_CELL = '(?:R(?:\\[-?[0-9]+\\]|[0-9]+)?C(?:\\[-?[0-9]+\\]|[0-9]+)?)';
const R1C1_RANGE = new RegExp(`(${R1C1_CELL})(?::(${R1C1_CELL}))?${NOT_AFTER}`, 'iuy');
const COLUMN_RANGE = new RegExp(`\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}${NOT_AFTER}`, 'uy');
const ROW_RANGE = /\$?[0-9]{1,7}:\$?[0-9]{1,7}(?![0-9.])/y;
const IDENTIFIER = /[\p{L}_\\][\p{L}\p{N}_.\\?]*/uy;

const OPERATORS: readonly BinaryOp[] = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>'];
const SINGLE: Readonly<Record<string, 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'comma' | 'semicolon' | 'colon' | 'percent' | 'at'>> = {
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
  ',': 'comma',
  ';': 'semicolon',
  ':': 'colon',
  '%': 'percent',
  '@': 'at',
};

function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | undefined {
  pattern.lastIndex = index;
  return pattern.exec(source) ?? undefined;
}

/** `[...]` with nested brackets (structured references), from `index` at a `[`; end offset or -1. */
function closeBrackets(source: string, index: number): number {
  let depth = 0;
  for (let i = index; i < source.length; i++) {
    const char = source[i];
    if (char === "'") {
      i += 1; // `'` escapes the next character inside structured references
      continue;
    }
    if (char === '[') depth += 1;
    if (char === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function lexString(source: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index] as string;
    if (char === '"') {
      if (source[index + 1] !== '"') return { value, end: index + 1 };
      value += '"';
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  return undefined;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A token before its position is known. */
type TokenBody = DistributiveOmit<ExcelToken, keyof At>;

/** A reference (cell, range, whole columns/rows) at `index`, for the given sheet. */
function lexAddress(source: string, index: number, sheet: string | undefined, options: LexOptions): { token: TokenBody; end: number } | undefined {
  const columns = matchAt(COLUMN_RANGE, source, index);
  if (columns) {
    const ref = parseColumnRange(columns[0]);
    if (ref) return { token: { kind: 'ref', ref: sheet === undefined ? ref : { ...ref, sheet }, text: columns[0] }, end: index + columns[0].length };
  }
  const rows = matchAt(ROW_RANGE, source, index);
  if (rows) {
    const ref = parseRowRange(rows[0]);
    if (ref) return { token: { kind: 'ref', ref: sheet === undefined ? ref : { ...ref, sheet }, text: rows[0] }, end: index + rows[0].length };
  }
  if (options.r1c1 === true) {
    const origin = options.origin ?? { sheet: '', row: 0, col: 0 };
    const match = matchAt(R1C1_RANGE, source, index);
    if (match) {
      const first = parseR1C1Cell(match[1] as string, origin);
      const second = match[2] === undefined ? first : parseR1C1Cell(match[2], origin);
      if (first && second) return { token: { kind: 'ref', ref: rangeOf(sheet, first, second), text: match[0] }, end: index + match[0].length };
    }
    return undefined;
  }
  const match = matchAt(A1_RANGE, source, index);
  if (match) {
    const first = parseA1Cell(match[1] as string);
    const second = match[2] === undefined ? first : parseA1Cell(match[2]);
    if (first && second) return { token: { kind: 'ref', ref: rangeOf(sheet, first, second), text: match[0] }, end: index + match[0].length };
  }
  return undefined;
}

/** A sheet-qualified reference (`'权重'!$B$3`, `[1]Sheet1!A1`, `Sheet1:Sheet3!A1`) at `index`. */
function lexQualified(source: string, index: number, options: LexOptions): { token: TokenBody; end: number } | undefined {
  const prefix = matchAt(QUOTED_PREFIX, source, index) ?? matchAt(PLAIN_PREFIX, source, index);
  if (!prefix) return undefined;
  const raw = prefix[0].startsWith("'") ? unquoteSheet(`'${prefix[1] as string}'`) : (prefix[1] as string);
  const after = index + prefix[0].length;
  // What follows the `!`: an address, a name, or #REF! (a deleted sheet's cells).
  const address = lexAddress(source, after, raw, options);
  const name = address ? undefined : matchAt(IDENTIFIER, source, after);
  const error = address || name ? undefined : matchAt(ERROR_LITERAL, source, after);
  const end = address?.end ?? (name ? after + name[0].length : error ? after + error[0].length : after);
  const text = source.slice(index, end);
  if (raw.startsWith('[')) return { token: { kind: 'foreign', what: 'external', text }, end };
  if (raw.includes(':')) return { token: { kind: 'foreign', what: 'threeD', text }, end };
  if (address) return address;
  if (name) return { token: { kind: 'name', name: name[0], sheet: raw }, end };
  if (error) return { token: { kind: 'error', text: error[0].toUpperCase() }, end };
  return undefined;
}

function lexOne(source: string, start: number, options: LexOptions): { token: TokenBody; end: number } {
  const char = source[start] as string;
  const qualified = lexQualified(source, start, options);
  if (qualified) return qualified;
  const address = lexAddress(source, start, undefined, options);
  if (address) return address;
  const number = matchAt(NUMBER, source, start);
  if (number) return { token: { kind: 'number', value: Number(number[0]) }, end: start + number[0].length };
  const identifier = matchAt(IDENTIFIER, source, start);
  if (identifier) {
    const end = start + identifier[0].length;
    if (source[end] === '(') return { token: { kind: 'function', name: identifier[0] }, end: end + 1 };
    if (source[end] === '[') {
      const close = closeBrackets(source, end);
      if (close > 0) return { token: { kind: 'foreign', what: 'structured', text: source.slice(start, close) }, end: close };
    }
    return { token: { kind: 'name', name: identifier[0] }, end };
  }
  if (char === '[') {
    const close = closeBrackets(source, start);
    if (close > 0) return { token: { kind: 'foreign', what: 'structured', text: source.slice(start, close) }, end: close };
  }
  if (char === '"') {
    const text = lexString(source, start);
    if (text) return { token: { kind: 'string', value: text.value }, end: text.end };
    return { token: { kind: 'invalid', text: source.slice(start) }, end: source.length };
  }
  if (char === '#') {
    const error = matchAt(ERROR_LITERAL, source, start);
    if (error) return { token: { kind: 'error', text: error[0].toUpperCase() }, end: start + error[0].length };
    return { token: { kind: 'spill' }, end: start + 1 };
  }
  const single = SINGLE[char];
  if (single) return { token: { kind: single }, end: start + 1 };
  const op = OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (op) return { token: { kind: 'operator', op }, end: start + op.length };
  const whole = String.fromCodePoint(source.codePointAt(start) ?? 0);
  return { token: { kind: 'invalid', text: whole }, end: start + whole.length };
}

/** The tokens of `source`, whitespace dropped (kept as `spaced` on the token after it). */
export function lexExcel(source: string, options: LexOptions = {}): ExcelToken[] {
  const tokens: ExcelToken[] = [];
  let index = 0;
  let spaced = false;
  while (index < source.length) {
    const space = matchAt(WHITESPACE, source, index);
    if (space) {
      index += space[0].length;
      spaced = true;
      continue;
    }
    const { token, end } = lexOne(source, index, options);
    tokens.push({ ...token, start: index, end, spaced });
    index = end;
    spaced = false;
  }
  return tokens;
}
