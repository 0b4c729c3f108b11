// Excel formula text → Kaohe formula. References become what the caller's resolver says they are
// (a person's input or indicator, a team column, a constant from a weights block); functions map
// to Kaohe's by name; anything else is reported with its reason. Nothing is ever evaluated here.
import { ERROR_CODES, parse } from '../../formula/index';
import { printTree } from '../../formula/print';
import type { ErrorCode, Node, Scalar } from '../../formula/types';
import { nameRef } from '../../scoring/formula-text';
import { issue, type Issue } from './issues';
import { parseExcel, type ExcelNode, type ExcelParseOptions } from './excel-parser';
import { mapFunction } from './functions';
import { referenceText, type Reference } from './references';

/** What one cell is to the template. */
export type CellResolution =
  /** A value of the person being scored: an input, an indicator, a section, the total. */
  | { readonly kind: 'name'; readonly name: string }
  /**
   * A value that is the same for everyone (a weight, a threshold, a max). `percent`: the cell is
   * shown as a percentage, so the formula writes `80%` rather than `0.8`.
   */
  | { readonly kind: 'constant'; readonly value: Scalar; readonly percent?: boolean };

/** What a reference is to the template; the caller decides, from its mapping of the sheet. */
export type Resolution =
  | CellResolution
  /** A column over all the people: `TEAM([name])`. */
  | { readonly kind: 'team'; readonly name: string }
  /** A block of cells, row-major: one person's cells (`D5:F5`) or a constants block. */
  | { readonly kind: 'cells'; readonly rows: readonly (readonly CellResolution[])[] }
  | { readonly kind: 'unsupported'; readonly issue: Issue };

export type Resolver = (ref: Reference) => Resolution;

export interface TranslateOptions extends ExcelParseOptions {
  readonly resolve: Resolver;
  /** The workbook's defined names (`权重表` → `'权重'!$B$2:$B$5`); sheet-scoped ones get `sheet`. */
  readonly definedName?: (name: string, sheet?: string) => Reference | undefined;
}

export type Translation =
  | {
      readonly ok: true;
      /** Kaohe formula text, as Kaohe's own parser reads it (names always in brackets). */
      readonly formula: string;
      readonly ast: Node;
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Excel's classic errors are Kaohe's too; newer ones (#SPILL!, #CALC!) are not. */
function isKaoheError(text: string): text is Exclude<ErrorCode, '#CYCLE!'> {
  return (ERROR_CODES as readonly string[]).includes(text) && text !== '#CYCLE!';
}

/** Functions that take any number of values or ranges: a range of one person's cells is spread out. */
const SPREADING: ReadonlySet<string> = new Set(['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTA', 'MEDIAN', 'AND', 'OR']);

const AT = { start: 0, end: 0 } as const;

/** A translated argument: a formula node, or a block of cells still to be placed. */
type Piece = { readonly kind: 'node'; readonly node: Node } | { readonly kind: 'cells'; readonly rows: readonly (readonly CellResolution[])[]; readonly text: string };

interface Context {
  readonly options: TranslateOptions;
  readonly issues: Issue[];
}

const num = (value: number): Node => ({ type: 'number', value, ...AT });
const call = (name: string, args: readonly Node[]): Node => ({ type: 'call', name, args, ...AT });
const binary = (op: Extract<Node, { type: 'binary' }>['op'], left: Node, right: Node): Node => ({ type: 'binary', op, left, right, ...AT });
const PLACEHOLDER: Node = { type: 'error', code: '#N/A', ...AT };

function fail(ctx: Context, found: Issue): Node {
  if (!ctx.issues.some((known) => known.code === found.code && JSON.stringify(known.params) === JSON.stringify(found.params))) ctx.issues.push(found);
  return PLACEHOLDER;
}

/** A constant as a literal; a blank cell reads as 0, as it does in Excel arithmetic. */
function literal(value: Scalar, percent = false): Node {
  if (value === null) return num(0);
  if (typeof value === 'string') return { type: 'string', value, ...AT };
  if (typeof value === 'boolean') return { type: 'boolean', value, ...AT };
  const hundred = Number((value * 100).toPrecision(12));
  if (percent && hundred / 100 === value && hundred >= 0) return { type: 'percent', arg: num(hundred), ...AT };
  return num(value);
}

function cellNode(cell: CellResolution): Node {
  return cell.kind === 'name' ? { type: 'name', name: cell.name, ...AT } : literal(cell.value, cell.percent === true);
}

function isLiteral(node: Node): boolean {
  return node.type === 'number' || node.type === 'string' || node.type === 'boolean' || node.type === 'error';
}

/** A block of constants as an array constant (blanks as 0, as array arithmetic reads them). */
function constantArray(rows: readonly (readonly CellResolution[])[]): Node | undefined {
  if (rows.some((row) => row.some((cell) => cell.kind !== 'constant'))) return undefined;
  const cells = rows.map((row) => row.map((cell) => (cell.kind === 'constant' ? literal(cell.value) : PLACEHOLDER)));
  return { type: 'array', rows: cells, ...AT };
}

/** A piece where one value (or an array constant, or a team column) is wanted. */
function asNode(ctx: Context, piece: Piece): Node {
  if (piece.kind === 'node') return piece.node;
  const only = piece.rows.length === 1 && piece.rows[0]?.length === 1 ? piece.rows[0][0] : undefined;
  if (only) return cellNode(only);
  return constantArray(piece.rows) ?? fail(ctx, issue('rangeUse', { ref: piece.text }));
}

function resolveReference(ctx: Context, ref: Reference, text: string): Piece {
  const resolved = ctx.options.resolve(ref);
  switch (resolved.kind) {
    case 'name':
    case 'constant':
      return { kind: 'node', node: cellNode(resolved) };
    case 'team':
      return { kind: 'node', node: call('TEAM', [{ type: 'name', name: resolved.name, ...AT }]) };
    case 'cells':
      return { kind: 'cells', rows: resolved.rows, text };
    case 'unsupported':
      return { kind: 'node', node: fail(ctx, resolved.issue) };
  }
}

function translatePiece(ctx: Context, node: ExcelNode): Piece {
  switch (node.type) {
    case 'ref':
      return resolveReference(ctx, node.ref, referenceText(node.ref));
    case 'name': {
      const ref = ctx.options.definedName?.(node.name, node.sheet);
      if (ref) return resolveReference(ctx, ref, node.name);
      return { kind: 'node', node: fail(ctx, issue('definedName', { name: node.name })) };
    }
    case 'call':
      return { kind: 'node', node: translateCall(ctx, node.name, node.args) };
    default:
      return { kind: 'node', node: translateNode(ctx, node) };
  }
}

function translateNode(ctx: Context, node: ExcelNode): Node {
  switch (node.type) {
    case 'number':
      return num(node.value);
    case 'string':
      return { type: 'string', value: node.value, ...AT };
    case 'boolean':
      return { type: 'boolean', value: node.value, ...AT };
    case 'error':
      if (!isKaoheError(node.text)) return fail(ctx, issue('unsupportedError', { error: node.text }));
      return { type: 'error', code: node.text, ...AT };
    case 'unary':
      return { type: 'unary', op: node.op, arg: translateNode(ctx, node.arg), ...AT };
    case 'percent':
      return { type: 'percent', arg: translateNode(ctx, node.arg), ...AT };
    case 'binary':
      return binary(node.op, translateNode(ctx, node.left), translateNode(ctx, node.right));
    case 'array':
      return { type: 'array', rows: node.rows.map((row) => row.map((cell) => translateNode(ctx, cell))), ...AT };
    case 'foreign':
      return fail(ctx, node.issue);
    case 'ref':
    case 'name':
    case 'call':
      return asNode(ctx, translatePiece(ctx, node));
  }
}

/** An empty argument (`IF(a,,1)`) is 0 in Excel; Kaohe wants it written out. */
function argumentPiece(ctx: Context, arg: ExcelNode | null): Piece {
  return arg === null ? { kind: 'node', node: num(0) } : translatePiece(ctx, arg);
}

function translateCall(ctx: Context, stored: string, args: readonly (ExcelNode | null)[]): Node {
  const mapped = mapFunction(stored);
  if (mapped.kind === 'macro') return fail(ctx, issue('macroFunction', { name: mapped.name }));
  if (mapped.kind === 'unsupported') return fail(ctx, issue('unsupportedFunction', { name: mapped.name }));
  const pieces = args.map((arg) => argumentPiece(ctx, arg));
  if (mapped.kind === 'rewrite') return rewriteCall(ctx, mapped.name, pieces);
  if (mapped.name === 'SUMPRODUCT' && pieces.some((piece) => piece.kind === 'cells' && !constantArray(piece.rows))) return expandSumProduct(ctx, pieces);
  if (SPREADING.has(mapped.name)) return call(mapped.name, pieces.flatMap((piece) => spread(piece)));
  return call(mapped.name, pieces.map((piece) => asNode(ctx, piece)));
}

/** SUM(D5:F5) → SUM([a],[b],[c]); constants of the block stay together as one array constant. */
function spread(piece: Piece): Node[] {
  if (piece.kind === 'node') return [piece.node];
  const cells = piece.rows.flat();
  const names = cells.filter((cell) => cell.kind === 'name').map(cellNode);
  // Blank cells of a range are skipped by every spreading function.
  const constants = cells.filter((cell) => cell.kind === 'constant' && cell.value !== null).map(cellNode);
  const block: Node[] = constants.length === 0 ? [] : [{ type: 'array', rows: [constants], ...AT }];
  return [...names, ...block];
}

/** A literal array node or a block of cells, as a grid of cells; undefined for anything else. */
function gridOf(piece: Piece): (readonly CellResolution[])[] | undefined {
  if (piece.kind === 'cells') return piece.rows.map((row) => [...row]);
  if (piece.node.type !== 'array') return undefined;
  return piece.node.rows.map((row) => row.map((cell): CellResolution => ({ kind: 'constant', value: cell.type === 'number' || cell.type === 'string' || cell.type === 'boolean' ? cell.value : null })));
}

/**
 * SUMPRODUCT over one person's cells (`SUMPRODUCT($D$2:$F$2,D5:F5)`, weights × scores) has no
 * range form in Kaohe: it is written out as `w1*[a]+w2*[b]+…`, terms with a 0 weight left out.
 */
function expandSumProduct(ctx: Context, pieces: readonly Piece[]): Node {
  const grids = pieces.map(gridOf);
  const first = grids[0];
  const size = (grid: readonly (readonly CellResolution[])[]) => `${grid.length}x${grid[0]?.length ?? 0}`;
  if (first === undefined || grids.some((grid) => grid === undefined || size(grid) !== size(first))) {
    const block = pieces.find((piece) => piece.kind === 'cells');
    return fail(ctx, issue('rangeUse', { ref: block?.kind === 'cells' ? block.text : 'SUMPRODUCT' }));
  }
  const flat = grids.map((grid) => (grid ?? []).flat());
  const terms: Node[] = [];
  for (let k = 0; k < (flat[0]?.length ?? 0); k++) {
    const factors = flat.map((cells) => cells[k] as CellResolution);
    if (factors.some((cell) => cell.kind === 'constant' && (cell.value === null || cell.value === 0))) continue;
    const kept = factors.filter((cell) => !(cell.kind === 'constant' && cell.value === 1 && flat.length > 1));
    const nodes = (kept.length === 0 ? factors.slice(0, 1) : kept).map(cellNode);
    terms.push(nodes.slice(1).reduce((product, factor) => binary('*', product, factor), nodes[0] as Node));
  }
  if (terms.length === 0) return num(0);
  return terms.slice(1).reduce((sum, term) => binary('+', sum, term), terms[0] as Node);
}

function rewriteCall(ctx: Context, name: string, pieces: readonly Piece[]): Node {
  switch (name) {
    case 'SINGLE':
      // `@x` (stored as _xlfn.SINGLE) on one value is that value.
      return pieces.length === 1 ? asNode(ctx, pieces[0] as Piece) : fail(ctx, issue('unsupportedArguments', { name: '@' }));
    case 'CONCATENATE':
    case 'CONCAT': {
      const parts = pieces.map((piece) => asNode(ctx, piece));
      if (parts.length === 0) return { type: 'string', value: '', ...AT };
      if (parts.length === 1) return binary('&', parts[0] as Node, { type: 'string', value: '', ...AT });
      return parts.slice(1).reduce((text, part) => binary('&', text, part), parts[0] as Node);
    }
    case 'VLOOKUP':
    case 'HLOOKUP':
      return rewriteLookup(ctx, name, pieces);
    default:
      return fail(ctx, issue('unsupportedFunction', { name }));
  }
}

/**
 * VLOOKUP/HLOOKUP on a constants table: approximate match → LOOKUP(x, keys, results), exact →
 * INDEX(results, MATCH(x, keys, 0)). A table of people's cells cannot be looked up in Kaohe.
 */
function rewriteLookup(ctx: Context, name: 'VLOOKUP' | 'HLOOKUP', pieces: readonly Piece[]): Node {
  const [value, table, index, mode] = pieces;
  const unsupported = () => fail(ctx, issue('unsupportedArguments', { name }));
  if (value === undefined || table === undefined || index === undefined || pieces.length > 4) return unsupported();
  const grid = gridOf(table);
  const indexNode = asNode(ctx, index);
  if (grid === undefined || grid.some((row) => row.some((cell) => cell.kind !== 'constant')) || indexNode.type !== 'number') return unsupported();
  const lines = name === 'VLOOKUP' ? grid : (grid[0] ?? []).map((_, col) => grid.map((row) => row[col] as CellResolution));
  const k = indexNode.value - 1;
  if (!Number.isInteger(k) || k < 0 || lines.some((line) => line.length <= k)) return unsupported();
  const modeNode = mode === undefined ? undefined : asNode(ctx, mode);
  if (modeNode !== undefined && !isLiteral(modeNode)) return unsupported();
  const exact = modeNode !== undefined && ((modeNode.type === 'boolean' && !modeNode.value) || (modeNode.type === 'number' && modeNode.value === 0));
  const rows = lines.filter((line) => line[0]?.kind === 'constant' && line[0].value !== null);
  if (rows.length === 0) return unsupported();
  const valueAt = (line: readonly CellResolution[], i: number): Scalar => {
    const cell = line[i];
    return cell?.kind === 'constant' ? cell.value : null;
  };
  const column = (i: number): Node => ({ type: 'array', rows: rows.map((line) => [literal(valueAt(line, i))]), ...AT });
  const subject = asNode(ctx, value);
  if (exact) return call('INDEX', [column(k), call('MATCH', [subject, column(0), num(0)])]);
  return call('LOOKUP', [subject, column(0), column(k)]);
}

/** Kaohe text of a translated tree; names always bracketed (`[客户满意度]`), as the studio shows them. */
export function printKaohe(ast: Node): string {
  return printTree(ast, { name: nameRef });
}

/** Translates one Excel formula (`f` of a SheetJS cell, with or without `=`). Never throws. */
export function translateExcelFormula(text: string, options: TranslateOptions): Translation {
  const parsed = parseExcel(text, options);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  return translateExcelTree(parsed.ast, options);
}

/** Translates an already parsed Excel tree. */
export function translateExcelTree(tree: ExcelNode, options: TranslateOptions): Translation {
  const ctx: Context = { options, issues: [] };
  const node = translateNode(ctx, tree);
  if (ctx.issues.length > 0) return { ok: false, issues: ctx.issues };
  const formula = printKaohe(node);
  const reparsed = parse(formula);
  // The printer and parser are each other's inverse; a failure here is a bug, reported not thrown.
  if (!reparsed.ok) return { ok: false, issues: [issue('syntax', { message: reparsed.error.message, position: reparsed.error.position + 1 })] };
  return { ok: true, formula, ast: reparsed.ast };
}

/** Every reference a tree reads (defined names not included), in order. */
export function referencesOf(tree: ExcelNode): Reference[] {
  const found: Reference[] = [];
  const visit = (node: ExcelNode | null): void => {
    if (node === null) return;
    switch (node.type) {
      case 'ref':
        found.push(node.ref);
        return;
      case 'unary':
      case 'percent':
        visit(node.arg);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(tree);
  return found;
}
