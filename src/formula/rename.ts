// Renaming an input rewrites every formula that mentions it. Nodes are immutable: the result
// is a new tree that shares the subtrees where nothing changed.
import type { Node } from './types';

export function renameNames(ast: Node, rename: (name: string) => string | undefined): Node {
  switch (ast.type) {
    case 'name': {
      const renamed = rename(ast.name);
      return renamed === undefined || renamed === ast.name ? ast : { ...ast, name: renamed };
    }
    case 'unary':
    case 'percent': {
      const arg = renameNames(ast.arg, rename);
      return arg === ast.arg ? ast : { ...ast, arg };
    }
    case 'binary': {
      const left = renameNames(ast.left, rename);
      const right = renameNames(ast.right, rename);
      return left === ast.left && right === ast.right ? ast : { ...ast, left, right };
    }
    case 'call': {
      const args = ast.args.map((arg) => renameNames(arg, rename));
      return args.every((arg, i) => arg === ast.args[i]) ? ast : { ...ast, args };
    }
    default:
      // Array constants hold literals only.
      return ast;
  }
}
