// Problems the editor can show before a formula runs: unknown functions, wrong argument
// counts, TEAM without a name, and (given a resolver) unknown names. Each has a span.
import { arityProblem, functionSpec } from './functions/registry';
import type { Node } from './types';

export interface Diagnostic {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

function visit(node: Node, known: ((name: string) => boolean) | undefined, out: Diagnostic[]): void {
  switch (node.type) {
    case 'name':
      if (known !== undefined && !known(node.name)) out.push({ message: `unknown name ${node.name}`, start: node.start, end: node.end });
      return;
    case 'unary':
    case 'percent':
      visit(node.arg, known, out);
      return;
    case 'binary':
      visit(node.left, known, out);
      visit(node.right, known, out);
      return;
    case 'call': {
      const spec = functionSpec(node.name);
      const problem = spec === undefined ? `unknown function ${node.name}` : arityProblem(spec, node.args.length);
      if (problem !== undefined) out.push({ message: problem, start: node.start, end: node.end });
      if (node.name === 'TEAM' && node.args[0] !== undefined && node.args[0].type !== 'name') {
        const arg = node.args[0];
        out.push({ message: 'TEAM takes a name, e.g. TEAM([总分])', start: arg.start, end: arg.end });
      }
      for (const arg of node.args) visit(arg, known, out);
      return;
    }
    default:
      return;
  }
}

/** Problems in source order; empty when the formula is fine. */
export function diagnose(ast: Node, isKnownName?: (name: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(ast, isKnownName, out);
  return out;
}
