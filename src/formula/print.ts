// Prints an AST as canonical Kaohe text: upper-case functions, no spaces, and only the
// parentheses precedence needs, so parse(printFormula(ast)) gives the same tree back.
import { functionSpec } from './functions/registry';
import { isPlainIdentifier } from './lexer';
import type { BinaryOp, ErrorCode, Node } from './types';

export type CallNode = Extract<Node, { type: 'call' }>;

/** How a printer writes the parts that differ between Kaohe and Excel text. */
export interface PrintHooks {
  name(name: string): string;
  /** Whole text of a call (must be a single operand, e.g. `F(…)`), or undefined for the default. */
  call?(node: CallNode, print: (node: Node) => string): string | undefined;
  functionName?(name: string): string;
  error?(code: ErrorCode): string;
  /** Text literal outside array constants (must be a single operand). */
  text?(value: string): string;
}

const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};
const PERCENT = 6;
const UNARY = 7;
const OPERAND = 8;

function precedenceOf(node: Node): number {
  switch (node.type) {
    case 'binary':
      return BINARY_PRECEDENCE[node.op];
    case 'percent':
      return PERCENT;
    case 'unary':
      return UNARY;
    case 'number':
      return node.value < 0 ? UNARY : OPERAND;
    default:
      return OPERAND;
  }
}

/** Shortest text that reads back as exactly the same double. */
export function formatLiteralNumber(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  return String(value);
}

export function quoteText(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function wrap(text: string, needed: boolean): string {
  return needed ? `(${text})` : text;
}

export function printTree(ast: Node, hooks: PrintHooks): string {
  const print = (node: Node): string => {
    switch (node.type) {
      case 'number':
        return formatLiteralNumber(node.value);
      case 'string':
        return hooks.text?.(node.value) ?? quoteText(node.value);
      case 'boolean':
        return node.value ? 'TRUE' : 'FALSE';
      case 'error':
        return hooks.error?.(node.code) ?? node.code;
      case 'name':
        return hooks.name(node.name);
      case 'unary':
        return node.op + wrap(print(node.arg), precedenceOf(node.arg) < UNARY);
      case 'percent':
        return `${wrap(print(node.arg), precedenceOf(node.arg) < PERCENT)}%`;
      case 'binary': {
        // All operators are left-associative (Excel's 2^3^2 is 64): a right operand of the
        // same precedence needs parentheses, a left one does not.
        const level = BINARY_PRECEDENCE[node.op];
        const left = wrap(print(node.left), precedenceOf(node.left) < level);
        const right = wrap(print(node.right), precedenceOf(node.right) <= level);
        return left + node.op + right;
      }
      case 'call': {
        const custom = hooks.call?.(node, print);
        if (custom !== undefined) return custom;
        const name = hooks.functionName?.(node.name) ?? node.name;
        return `${name}(${node.args.map(print).join(',')})`;
      }
      case 'array': {
        // Array constants hold literals only, so text in them is always quoted.
        const cell = (c: Node) => (c.type === 'string' ? quoteText(c.value) : print(c));
        return `{${node.rows.map((cells) => cells.map(cell).join(',')).join(';')}}`;
      }
    }
  };
  return print(ast);
}

/** A name as Kaohe text: bare when it reads back as the same name, else `[...]` with `]]`. */
export function printName(name: string): string {
  const upper = name.toUpperCase();
  const bare = isPlainIdentifier(name) && upper !== 'TRUE' && upper !== 'FALSE' && functionSpec(upper) === undefined;
  return bare ? name : `[${name.replaceAll(']', ']]')}]`;
}

export function printFormula(ast: Node): string {
  return printTree(ast, { name: printName });
}
