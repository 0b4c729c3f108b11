// Writes an AST as a compact S-expression without spans, so tests can state tree shapes.
import type { Node } from '../../../src/formula/index';

export function sexpr(node: Node): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'error':
      return node.code;
    case 'name':
      return `[${node.name}]`;
    case 'unary':
      return `(${node.op}u ${sexpr(node.arg)})`;
    case 'percent':
      return `(% ${sexpr(node.arg)})`;
    case 'binary':
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'call':
      return `(${node.name}${node.args.map((a) => ` ${sexpr(a)}`).join('')})`;
    case 'array':
      return `{${node.rows.map((row) => row.map(sexpr).join(',')).join(';')}}`;
  }
}

/** The AST without spans, for deep equality modulo positions. */
export function withoutSpans(node: Node): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'start' || key === 'end' ? undefined : value)));
}
