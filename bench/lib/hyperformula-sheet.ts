// The workload as a spreadsheet for HyperFormula (GPL-3.0: a devDependency of the benches and
// tests only, never imported from src/). One column per cell of the compiled template, in slot
// order: entered inputs as values, every computed column as the Excel formula `printExcel`
// writes from the very same AST Kaohe evaluates. Row 1 holds the names; people start on row 2.
import { HyperFormula, DetailedCellError } from 'hyperformula';
import type { ExcelRefs, Node } from '../../src/formula/index';
import { parse, printExcel } from '../../src/formula/index';
import type { CompiledTemplate } from '../../src/scoring/index';
import { rankName, totalName } from '../../src/scoring/index';
import type { Workload } from './workload';

/** Stands for the row number while a column's formula is printed once for all rows. */
const ROW = '\u0001';

export type HyperCell = number | string | null;

export interface HyperSheetLayout {
  /** Row 0 is the header; row r + 1 is person r. */
  readonly rows: HyperCell[][];
  /** Column index of each cell slot. */
  readonly columnOf: readonly number[];
  /** The Excel text of each computed column, for row 2, for the report. */
  readonly sampleFormulas: ReadonlyMap<string, string>;
  /** What had to be rewritten for HyperFormula, one line each. */
  readonly substitutions: readonly string[];
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const AT = { start: 0, end: 0 } as const;

/** A helper column: the team column of `name` sorted, ascending (for order 0) or descending. */
interface SortedHelper {
  readonly name: string;
  readonly ascending: boolean;
}

/** The synthetic name that stands for a sorted helper column inside a rewritten formula. */
function helperName(helper: SortedHelper): string {
  return `\u0002${helper.ascending ? 'asc' : 'desc'}\u0002${helper.name}`;
}

function nameNode(name: string): Node {
  return { type: 'name', name, ...AT };
}

function callNode(name: string, ...args: Node[]): Node {
  return { type: 'call', name, args, ...AT };
}

function binaryNode(op: '+' | '-', left: Node, right: Node): Node {
  return { type: 'binary', op, left, right, ...AT };
}

/**
 * HyperFormula 3.5 has no RANK.EQ (nor RANK). COUNTIF(r,">"&x)+1 gives the same number but is
 * O(n²) there (its criterion cache keeps one criterion per range, so 10,000 different criteria
 * rescan the range 10,000 times: 90 s for this sheet) and rounds x through text. Instead, as in
 * Excel 365: a helper column =SORT(r,1,1) and ROWS(r)-MATCH(x,sorted,1)+1 (MATCH type 1 finds
 * the last value ≤ x by binary search, so ties share the best rank). Order 1 mirrors it with
 * SORT(r,1,-1) and MATCH(x,sorted,-1).
 */
function withoutRankEq(node: Node, helpers: Map<string, SortedHelper>, substitutions: Set<string>): Node {
  const recurse = (child: Node) => withoutRankEq(child, helpers, substitutions);
  switch (node.type) {
    case 'unary':
      return { ...node, arg: recurse(node.arg) };
    case 'percent':
      return { ...node, arg: recurse(node.arg) };
    case 'binary':
      return { ...node, left: recurse(node.left), right: recurse(node.right) };
    case 'call': {
      const args = node.args.map(recurse);
      if (node.name !== 'RANK.EQ' && node.name !== 'RANK') return { ...node, args };
      const [x, range, order] = args as [Node, Node, Node | undefined];
      if (order !== undefined && order.type !== 'number') throw new Error('RANK.EQ with a computed order');
      const team = range.type === 'call' && range.name === 'TEAM' ? range.args[0] : undefined;
      if (team?.type !== 'name') throw new Error('RANK.EQ over something other than TEAM([name])');
      const ascending = order === undefined || order.value === 0;
      const helper: SortedHelper = { name: team.name, ascending };
      helpers.set(helperName(helper), helper);
      substitutions.add(
        `RANK.EQ(x,r,${ascending ? 0 : 1}) → ROWS(r)-MATCH(x,s,${ascending ? 1 : -1})+1 with a helper column s =SORT(r,1,${ascending ? 1 : -1}) (HyperFormula 3.5 has no RANK.EQ)`,
      );
      const sorted = callNode('TEAM', nameNode(helperName(helper)));
      const match = callNode('MATCH', x, sorted, { type: 'number', value: ascending ? 1 : -1, ...AT });
      return binaryNode('+', binaryNode('-', callNode('ROWS', range), match), { type: 'number', value: 1, ...AT });
    }
    default:
      return node;
  }
}

function astOf(source: string): Node {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(`bench formula does not parse: ${source}`);
  return parsed.ast;
}

export function hyperFormulaLayout(compiled: CompiledTemplate, workload: Workload): HyperSheetLayout {
  const { cells, template } = compiled;
  const size = workload.people.length;
  const first = 2;
  const last = size + 1;
  const substitutions = new Set<string>();
  const helpers = new Map<string, SortedHelper>();

  // The rank column is native in Kaohe; in the spreadsheet it is RANK.EQ over the totals.
  const formulas = new Map<number, Node>();
  for (const cell of cells) {
    if (cell.kind === 'raw') continue;
    if (cell.fault) throw new Error(`${cell.name} is faulty: ${cell.fault.code}`);
    if (cell.kind !== 'roleScore' && cell.kind !== 'section' && cell.kind !== 'total' && cell.kind !== 'grade' && cell.kind !== 'rank') {
      throw new Error(`the bench sheet has no ${cell.kind} cells`);
    }
    const total = `[${totalName(template)}]`;
    const ast = cell.kind === 'rank' ? astOf(`RANK.EQ(${total},TEAM(${total}),0)`) : cell.ast;
    if (!ast) throw new Error(`${cell.kind} cell ${cell.name} has no formula`);
    if (cell.kind === 'rank' && cell.name !== rankName(template)) throw new Error('unexpected rank column');
    formulas.set(cell.slot, withoutRankEq(ast, helpers, substitutions));
  }

  const columnOf = cells.map((cell) => cell.slot);
  const helperColumn = new Map([...helpers.keys()].map((key, i) => [key, cells.length + i]));
  const width = cells.length + helpers.size;
  const rows: HyperCell[][] = Array.from({ length: size + 1 }, () => new Array<HyperCell>(width).fill(null));
  rows[0] = [...cells.map((cell) => cell.name), ...[...helpers.values()].map((helper) => `${helper.name} sorted`)];
  const final = compiled.layers.get('final')!;
  const range = (col: number) => `$${columnLetters(col)}$${first}:$${columnLetters(col)}$${last}`;
  for (const [key, helper] of helperColumn.entries()) {
    const sorted = helpers.get(key)!;
    rows[1]![helper] = `=SORT(${range(columnOf[final.get(sorted.name)!]!)},1,${sorted.ascending ? 1 : -1})`;
  }

  const sampleFormulas = new Map<string, string>();
  for (const cell of cells) {
    const col = columnOf[cell.slot]!;
    if (cell.kind === 'raw') {
      const values = workload.values.get(cell.inputId ?? '');
      if (!values) throw new Error(`no values for ${cell.name}`);
      // A leading apostrophe keeps text as text (HyperFormula would parse "1" or dates).
      for (let r = 0; r < size; r++) {
        const value = values[r]!;
        rows[r + 1]![col] = typeof value === 'string' ? `'${value}` : value;
      }
      continue;
    }
    const layer = compiled.layers.get(cell.role ?? 'final')!;
    const columnOfName = (name: string) => {
      const helper = helperColumn.get(name);
      if (helper !== undefined) return helper;
      const slot = layer.get(name);
      if (slot === undefined) throw new Error(`unknown name ${name} in ${cell.name}`);
      return columnOf[slot]!;
    };
    const refs: ExcelRefs = {
      cell: (name) => `${columnLetters(columnOfName(name))}${ROW}`,
      column: (name) => range(columnOfName(name)),
      teamSize: () => `ROWS($A$${first}:$A$${last})`,
    };
    const text = printExcel(formulas.get(cell.slot)!, refs);
    if (/\b(TRUE|FALSE)\b/.test(text)) throw new Error(`HyperFormula reads TRUE/FALSE only as functions: ${text}`);
    const pieces = `=${text}`.split(ROW);
    sampleFormulas.set(cell.name, pieces.join(String(first)));
    for (let r = 0; r < size; r++) rows[r + 1]![col] = pieces.join(String(r + first));
  }
  for (const [key, helper] of helperColumn.entries()) sampleFormulas.set(`${helpers.get(key)!.name} sorted`, String(rows[1]![helper]));
  return { rows, columnOf, sampleFormulas, substitutions: [...substitutions] };
}

export function buildHyperFormula(layout: HyperSheetLayout): HyperFormula {
  return HyperFormula.buildFromArray(layout.rows, { licenseKey: 'gpl-v3' });
}

/** A computed value for person `row` (0-based) in a cell slot's column. */
export function hyperValue(hf: HyperFormula, layout: HyperSheetLayout, slot: number, row: number): number | string | boolean | null {
  const value = hf.getCellValue({ sheet: 0, row: row + 1, col: layout.columnOf[slot]! });
  if (value instanceof DetailedCellError) return `${value.value}`;
  return value;
}
