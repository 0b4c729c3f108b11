// Splits formula text into tokens. Never throws: anything it cannot read becomes an
// `invalid` token with a message, which the parser reports and the editor underlines.
import type { BinaryOp, ErrorCode } from './types';
import { isErrorCode } from './values';

export type PunctuationKind = 'percent' | 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'comma' | 'semicolon';

interface At {
  readonly start: number;
  readonly end: number;
}

export type Token =
  | (At & { readonly kind: 'number'; readonly value: number })
  | (At & { readonly kind: 'string'; readonly value: string })
  /** A bare identifier: a name, a function (when `(` follows at once) or TRUE/FALSE. */
  | (At & { readonly kind: 'identifier'; readonly text: string })
  | (At & { readonly kind: 'bracketName'; readonly name: string })
  | (At & { readonly kind: 'error'; readonly code: ErrorCode })
  | (At & { readonly kind: 'operator'; readonly op: BinaryOp })
  | (At & { readonly kind: PunctuationKind })
  | (At & { readonly kind: 'whitespace' })
  | (At & { readonly kind: 'invalid'; readonly message: string; readonly at: number });

// Names in any script: a letter or `_`, then letters, marks, digits, `_` and `.`.
const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_.]*/uy;
const PLAIN_IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_.]*$/u;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /\s+/y;
const ERROR_LITERAL = /#[A-Za-z0-9/_.]*[!?]?/y;

/** True when `text` lexes as one bare identifier (the printer brackets everything else). */
export function isPlainIdentifier(text: string): boolean {
  return PLAIN_IDENTIFIER.test(text);
}

const SINGLE: Readonly<Record<string, PunctuationKind>> = {
  '%': 'percent',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
  ',': 'comma',
  ';': 'semicolon',
};

const OPERATORS: readonly BinaryOp[] = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>'];

// Chinese input methods type full-width punctuation; say which ASCII character was meant.
const FULL_WIDTH_HINTS: Readonly<Record<string, string>> = {
  '“': '"',
  '”': '"',
  '【': '[',
  '】': ']',
  '。': '.',
  '、': ',',
};

function describeUnexpected(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const ascii =
    FULL_WIDTH_HINTS[char] ?? (code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : undefined);
  if (ascii !== undefined) return `full-width '${char}' (use '${ascii}')`;
  return `unexpected character '${char}'`;
}

function matchAt(pattern: RegExp, source: string, index: number): string | undefined {
  pattern.lastIndex = index;
  const match = pattern.exec(source);
  return match === null ? undefined : match[0];
}

function lexString(source: string, start: number): Token {
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === '"') {
      if (source[index + 1] !== '"') return { kind: 'string', start, end: index + 1, value };
      value += '"';
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  return { kind: 'invalid', start, end: source.length, message: `expected '"'`, at: source.length };
}

function lexBracketName(source: string, start: number): Token {
  let name = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === ']') {
      // `]]` inside brackets is an escaped `]`.
      if (source[index + 1] !== ']') {
        if (name === '') return { kind: 'invalid', start, end: index + 1, message: 'empty name []', at: start };
        return { kind: 'bracketName', start, end: index + 1, name };
      }
      name += ']';
      index += 2;
      continue;
    }
    name += char;
    index += 1;
  }
  return { kind: 'invalid', start, end: source.length, message: `expected ']'`, at: source.length };
}

function lexErrorLiteral(source: string, start: number): Token {
  const text = matchAt(ERROR_LITERAL, source, start) ?? '#';
  const upper = text.toUpperCase();
  const end = start + text.length;
  if (isErrorCode(upper)) return { kind: 'error', start, end, code: upper };
  return { kind: 'invalid', start, end, message: `unknown error '${text}'`, at: start };
}

function lexOne(source: string, start: number): Token {
  const char = source[start] ?? '';
  const whitespace = matchAt(WHITESPACE, source, start);
  if (whitespace !== undefined) return { kind: 'whitespace', start, end: start + whitespace.length };
  const number = matchAt(NUMBER, source, start);
  if (number !== undefined) return { kind: 'number', start, end: start + number.length, value: Number(number) };
  const identifier = matchAt(IDENTIFIER, source, start);
  if (identifier !== undefined) return { kind: 'identifier', start, end: start + identifier.length, text: identifier };
  if (char === '"') return lexString(source, start);
  if (char === '[') return lexBracketName(source, start);
  if (char === '#') return lexErrorLiteral(source, start);
  const single = SINGLE[char];
  if (single !== undefined) return { kind: single, start, end: start + 1 };
  const op = OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (op !== undefined) return { kind: 'operator', start, end: start + op.length, op };
  if (source.startsWith('!=', start)) {
    return { kind: 'invalid', start, end: start + 2, message: `unexpected '!=' (use '<>')`, at: start };
  }
  const whole = String.fromCodePoint(source.codePointAt(start) ?? 0);
  return { kind: 'invalid', start, end: start + whole.length, message: describeUnexpected(whole), at: start };
}

/** Every token of `source`, whitespace included, covering the text without gaps. */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const token = lexOne(source, index);
    tokens.push(token);
    index = token.end;
  }
  return tokens;
}
