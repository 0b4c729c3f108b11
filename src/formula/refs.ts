// What a formula reads: row names, team columns and functions, in first-seen order.
// The sheet uses it to order evaluation and to detect cycles between names.
import type { FormulaRefs, Node } from './types';

function visit(node: Node, row: Set<string>, team: Set<string>, functions: Set<string>): void {
  switch (node.type) {
    case 'name':
      row.add(node.name);
      return;
    case 'unary':
    case 'percent':
      visit(node.arg, row, team, functions);
      return;
    case 'binary':
      visit(node.left, row, team, functions);
      visit(node.right, row, team, functions);
      return;
    case 'call': {
      functions.add(node.name);
      const [first] = node.args;
      if (node.name === 'TEAM' && node.args.length === 1 && first?.type === 'name') {
        team.add(first.name);
        return;
      }
      for (const arg of node.args) visit(arg, row, team, functions);
      return;
    }
    case 'array':
      for (const cells of node.rows) for (const cell of cells) visit(cell, row, team, functions);
      return;
    default:
      return;
  }
}

export function refsOf(ast: Node): FormulaRefs {
  const row = new Set<string>();
  const team = new Set<string>();
  const functions = new Set<string>();
  visit(ast, row, team, functions);
  return { row: [...row], team: [...team], functions: [...functions] };
}
