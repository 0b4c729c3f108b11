// Prints a formula as Excel text (no leading `=`): names become the caller's cell references
// and Kaohe's own helpers expand into plain Excel, so Excel and WPS recompute the same value.
import { arityProblem, functionSpec } from './functions/registry';
import { printTree, quoteText, type CallNode } from './print';
import type { BinaryOp, ErrorCode, ExcelRefs, Node } from './types';

export interface ExcelPrintOptions {
  /**
   * Prefix functions newer than Excel 2007 with `_xlfn.` (IFS, SWITCH, IFNA, RANK.EQ,
   * PERCENTRANK.INC). Files written by code need it or Excel shows #NAME?; text typed or
   * pasted into a cell must not have it.
   */
  readonly xlfn?: boolean;
}

const FUTURE_FUNCTIONS: ReadonlySet<string> = new Set(['IFS', 'SWITCH', 'IFNA', 'RANK.EQ', 'PERCENTRANK.INC']);

const AT = { start: 0, end: 0 } as const;

function call(name: string, ...args: Node[]): Node {
  return { type: 'call', name, args, ...AT };
}

function binary(op: BinaryOp, left: Node, right: Node): Node {
  return { type: 'binary', op, left, right, ...AT };
}

function errorNode(code: ErrorCode): Node {
  return { type: 'error', code, ...AT };
}

function negate(arg: Node): Node {
  return { type: 'unary', op: '-', arg, ...AT };
}

/** Literal cells of an array constant or a lone literal; undefined for anything computed. */
function literalList(node: Node): readonly Node[] | undefined {
  if (node.type === 'array') return node.rows.flat();
  if (node.type === 'number' || node.type === 'string' || node.type === 'boolean') return [node];
  return undefined;
}

/** BAND with literal lists becomes IF(x>=t1,p1,IF(x>=t2,p2,…,otherwise)). */
function expandBandLiterals(x: Node, thresholds: readonly Node[], points: readonly Node[], otherwise: Node): Node {
  if (thresholds.length !== points.length) return errorNode('#VALUE!');
  let result = otherwise;
  for (let i = thresholds.length - 1; i >= 0; i--) {
    result = call('IF', binary('>=', x, thresholds[i] as Node), points[i] as Node, result);
  }
  return result;
}

/**
 * A literal row {20,10,5} printed as a column {20;10;5}: INDEX(list, k) then means the k-th
 * item in every engine (HyperFormula reads INDEX on a single row as a row number).
 */
function asColumn(node: Node): Node {
  if (node.type !== 'array' || node.rows.length !== 1) return node;
  return { ...node, rows: (node.rows[0] ?? []).map((cell) => [cell]) };
}

/**
 * BAND over ranges: in descending thresholds the first one x reaches is number
 * COUNT(thresholds > x) + 1, counted with SUMPRODUCT so it works in every Excel version.
 */
function expandBandRanges(x: Node, thresholds: Node, points: Node, otherwise: Node): Node {
  const above = () => call('SUMPRODUCT', negate(negate(binary('>', thresholds, x))));
  const size = binary('*', call('ROWS', thresholds), call('COLUMNS', thresholds));
  const pick = call('INDEX', asColumn(points), binary('+', above(), { type: 'number', value: 1, ...AT }));
  return call('IF', binary('<', above(), size), pick, otherwise);
}

function expandBand(node: CallNode): Node {
  const [x, thresholds, points, otherwise] = node.args as [Node, Node, Node, Node | undefined];
  const fallback = otherwise ?? call('NA');
  const thresholdList = literalList(thresholds);
  const pointList = literalList(points);
  if (thresholdList !== undefined && pointList !== undefined) {
    return expandBandLiterals(x, thresholdList, pointList, fallback);
  }
  return expandBandRanges(x, thresholds, points, fallback);
}

/** Rewrites a Kaohe-only call into plain Excel, or undefined when it is Excel already. */
function expandHelper(node: CallNode): Node | undefined {
  if (node.name !== 'CLAMP' && node.name !== 'BAND') return undefined;
  const spec = functionSpec(node.name);
  // A Kaohe helper called wrongly is #VALUE! in Kaohe; keep it so in Excel.
  if (spec === undefined || arityProblem(spec, node.args.length) !== undefined) return errorNode('#VALUE!');
  if (node.name === 'BAND') return expandBand(node);
  const [x, low, high] = node.args as [Node, Node, Node];
  return call('MIN', call('MAX', x, low), high);
}

/**
 * True when `text` (an Excel reference or expression from ExcelRefs) can stand as one operand;
 * otherwise the printer puts it in parentheses. Quoted sheet names and strings are skipped.
 */
function isSingleOperand(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, i + 1);
      if (close < 0) return false;
      i = close;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
    } else if (depth === 0 && '+-*/^&=<>% ,'.includes(char)) {
      return false;
    }
  }
  return true;
}

/**
 * Text with a double quote as "a"&CHAR(34)&"b": Excel's "a""b" escape is not understood by
 * every engine that reads exported workbooks (HyperFormula, for one).
 */
function excelText(value: string): string {
  if (!value.includes('"')) return quoteText(value);
  const pieces: string[] = [];
  value.split('"').forEach((part, i) => {
    if (i > 0) pieces.push('CHAR(34)');
    if (part !== '') pieces.push(quoteText(part));
  });
  return pieces.length === 1 ? (pieces[0] as string) : `(${pieces.join('&')})`;
}

function operand(text: string): string {
  return isSingleOperand(text) ? text : `(${text})`;
}

export function printExcel(ast: Node, refs: ExcelRefs, options: ExcelPrintOptions = {}): string {
  return printTree(ast, {
    name: (name) => operand(refs.cell(name)),
    text: excelText,
    functionName: (name) => (options.xlfn === true && FUTURE_FUNCTIONS.has(name) ? `_xlfn.${name}` : name),
    // Excel has no #CYCLE!; a circular reference in Excel is its own warning, #N/A stands in.
    error: (code) => (code === '#CYCLE!' ? '#N/A' : code),
    call: (node, print) => {
      if (node.name === 'TEAM') {
        const [arg] = node.args;
        return node.args.length === 1 && arg?.type === 'name' ? operand(refs.column(arg.name)) : '#VALUE!';
      }
      if (node.name === 'TEAMSIZE') return node.args.length === 0 ? operand(refs.teamSize()) : '#VALUE!';
      const expanded = expandHelper(node);
      return expanded === undefined ? undefined : print(expanded);
    },
  });
}
