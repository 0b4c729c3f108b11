// Token kinds for syntax highlighting in the formula editor. Never throws; every character
// of the source belongs to exactly one token.
import { lex, type Token } from './lexer';

export type HighlightKind =
  | 'number'
  | 'string'
  | 'name'
  | 'function'
  | 'operator'
  | 'paren'
  | 'comma'
  | 'error'
  | 'boolean'
  | 'whitespace'
  | 'invalid';

export interface HighlightToken {
  readonly kind: HighlightKind;
  readonly start: number;
  readonly end: number;
}

function identifierKind(token: Token & { kind: 'identifier' }, next: Token | undefined): HighlightKind {
  if (next?.kind === 'lparen' && next.start === token.end) return 'function';
  const upper = token.text.toUpperCase();
  return upper === 'TRUE' || upper === 'FALSE' ? 'boolean' : 'name';
}

function kindOf(token: Token, next: Token | undefined): HighlightKind {
  switch (token.kind) {
    case 'identifier':
      return identifierKind(token, next);
    case 'bracketName':
      return 'name';
    case 'operator':
    case 'percent':
      return 'operator';
    case 'lparen':
    case 'rparen':
    case 'lbrace':
    case 'rbrace':
      return 'paren';
    case 'comma':
    case 'semicolon':
      return 'comma';
    default:
      return token.kind;
  }
}

export function tokenize(source: string): HighlightToken[] {
  const tokens = lex(source);
  return tokens.map((token, i) => ({ kind: kindOf(token, tokens[i + 1]), start: token.start, end: token.end }));
}
