// Where each person's values are in the workbook, and what any cell a formula reads is to the
// template: a field of the same person (its name), a team column, a constant, or out of reach.
import type { WorkBook } from '@e965/xlsx';
import { cellAt, cellFormula, cellText, cellValue, isErrorValue, isPercentCell } from './cells';
import type { CellResolution, Resolution, Resolver } from './excel-formula';
import { referencesOf } from './excel-formula';
import { parseExcel } from './excel-parser';
import { issue } from './issues';
import type { ExcelMapping, FormOffset, MappedField } from './mapping';
import { cellName, columnLetters, isSingleCell, quoteSheet, referenceText, type Reference } from './references';

export interface PersonFrame {
  readonly id: string;
  readonly name: string;
  /** The sheet holding the person's values. */
  readonly sheet: string;
  /** The person's row (one row per person), or -1 (a form per person). */
  readonly row: number;
  /** Where the person's copy of the form is, from the first copy ({0, 0} but for forms on one sheet). */
  readonly offset: FormOffset;
}

const NO_OFFSET: FormOffset = { row: 0, col: 0 };

export interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Blocks larger than this are not turned into array constants. */
const MAX_BLOCK = 10_000;

export function placeOf(field: MappedField, person: PersonFrame): CellPlace {
  if (field.at.row === 'person') return { sheet: person.sheet, row: person.row, col: field.at.col };
  return { sheet: person.sheet, row: field.at.row + person.offset.row, col: field.at.col + person.offset.col };
}

/**
 * The name written on a form: `张三` beside 姓名：, or `姓名：张三` in one cell. A blank name cell, or
 * one holding the next label (`月份：`), names nobody.
 */
export function formName(text: string): string {
  const named = text.replace(/^姓\s*名\s*[:：]\s*/, '').trim();
  if (named === '' || /[:：]$/.test(named)) return '';
  return named;
}

/** `考核表!E5`, for messages and the review list. */
export function placeText(place: CellPlace): string {
  return `${quoteSheet(place.sheet)}!${cellName(place.row, place.col)}`;
}

/** The people a mapping names, with unique ids (employee number, else name; repeats numbered). */
export function peopleOf(book: WorkBook, mapping: ExcelMapping): PersonFrame[] {
  const seen = new Map<string, number>();
  const unique = (base: string) => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  };
  const spec = mapping.people;
  if (spec.kind === 'rows') {
    const sheet = book.Sheets[mapping.sheet];
    if (!sheet) return [];
    return spec.rows.map((row) => {
      const name = cellText(cellAt(sheet, row, spec.nameColumn)) || `${mapping.sheet}!${row + 1}`;
      const number = spec.idColumn === undefined ? '' : cellText(cellAt(sheet, row, spec.idColumn));
      return { id: unique(number || name), name, sheet: mapping.sheet, row, offset: NO_OFFSET };
    });
  }
  if (spec.kind === 'blocks') {
    const sheet = book.Sheets[mapping.sheet];
    return spec.blocks.map((offset, index) => {
      const named = sheet && spec.nameCell ? formName(cellText(cellAt(sheet, spec.nameCell.row + offset.row, spec.nameCell.col + offset.col))) : '';
      const name = named || (spec.blocks.length === 1 ? mapping.sheet : `${mapping.sheet} ${index + 1}`);
      return { id: unique(name), name, sheet: mapping.sheet, row: -1, offset };
    });
  }
  return spec.sheets.map((sheetName) => {
    const sheet = book.Sheets[sheetName];
    const named = sheet && spec.nameCell ? formName(cellText(cellAt(sheet, spec.nameCell.row, spec.nameCell.col))) : '';
    const name = named || sheetName;
    return { id: unique(name), name, sheet: sheetName, row: -1, offset: NO_OFFSET };
  });
}

interface FrameContext {
  readonly book: WorkBook;
  readonly mapping: ExcelMapping;
  readonly people: readonly PersonFrame[];
  /** Template names of the fields that are part of it (ignored fields absent). */
  readonly names: ReadonlyMap<string, string>;
}

// Rows and sheets of the people, looked up for every cell a formula reads.
const personRows = new WeakMap<readonly PersonFrame[], { rows: ReadonlySet<number>; sheets: ReadonlySet<string>; first: number; last: number }>();

function peopleIndex(ctx: FrameContext): { rows: ReadonlySet<number>; sheets: ReadonlySet<string>; first: number; last: number } {
  let index = personRows.get(ctx.people);
  if (!index) {
    const rows = ctx.people.map((p) => p.row);
    index = { rows: new Set(rows), sheets: new Set(ctx.people.map((p) => p.sheet)), first: Math.min(...rows), last: Math.max(...rows) };
    personRows.set(ctx.people, index);
  }
  return index;
}

/** Fields of the form (not ignored) whose cells are each person's own. */
function formFields(ctx: FrameContext): MappedField[] {
  return ctx.mapping.fields.filter((f) => f.role !== 'ignore' && typeof f.at.row === 'number');
}

/** The field of a form copy at a cell of the mapped sheet, with the copy it belongs to. */
function blockFieldAt(ctx: FrameContext, row: number, col: number): { field: MappedField; offset: FormOffset } | undefined {
  if (ctx.mapping.people.kind !== 'blocks') return undefined;
  for (const offset of ctx.mapping.people.blocks) {
    const field = formFields(ctx).find((f) => f.at.row === row - offset.row && f.at.col === col - offset.col);
    if (field) return { field, offset };
  }
  return undefined;
}

/** Does a cell hold a value of some person (not a constant shared by everyone)? */
function isPersonCell(ctx: FrameContext, sheet: string, row: number, col: number): boolean {
  const kind = ctx.mapping.people.kind;
  if (kind === 'rows') return sheet === ctx.mapping.sheet && peopleIndex(ctx).rows.has(row);
  if (kind === 'blocks') return sheet === ctx.mapping.sheet && blockFieldAt(ctx, row, col) !== undefined;
  return peopleIndex(ctx).sheets.has(sheet) && formFields(ctx).some((f) => f.at.row === row && f.at.col === col);
}

function fieldAt(ctx: FrameContext, row: number | 'person', col: number): MappedField | undefined {
  return ctx.mapping.fields.find((field) => field.at.row === row && field.at.col === col && ctx.names.has(field.key));
}

function single(sheet: string, row: number, col: number): Reference {
  const at = { row, col, rowAbsolute: false, colAbsolute: false };
  return { sheet, start: at, end: at };
}

function resolveCell(ctx: FrameContext, person: PersonFrame, sheet: string, row: number, col: number): CellResolution | Resolution {
  const where = referenceText(single(sheet, row, col));
  const rowsLayout = ctx.mapping.people.kind === 'rows';
  if (rowsLayout && sheet === ctx.mapping.sheet && peopleIndex(ctx).rows.has(row)) {
    if (row !== person.row) return { kind: 'unsupported', issue: issue('otherPerson', { ref: where }) };
    const field = fieldAt(ctx, 'person', col);
    if (field) return { kind: 'name', name: ctx.names.get(field.key) as string };
  } else if (sheet === person.sheet) {
    const field = fieldAt(ctx, row - person.offset.row, col - person.offset.col);
    if (field) return { kind: 'name', name: ctx.names.get(field.key) as string };
  }
  const worksheet = ctx.book.Sheets[sheet];
  if (!worksheet) return { kind: 'unsupported', issue: issue('outsideTable', { ref: where }) };
  const cell = cellAt(worksheet, row, col);
  const value = cellValue(cell);
  // A person's cell that is not mapped (or an empty one between mapped ones, read as blank).
  if (isPersonCell(ctx, sheet, row, col) || (rowsLayout && sheet === ctx.mapping.sheet && row === person.row)) {
    if (value === null && cellFormula(cell) === undefined) return { kind: 'constant', value: null };
    // Another copy of the form on the same sheet is another person.
    if (ctx.mapping.people.kind === 'blocks') return { kind: 'unsupported', issue: issue('otherPerson', { ref: where }) };
    return { kind: 'unsupported', issue: issue('outsideTable', { ref: where }) };
  }
  const formula = cellFormula(cell);
  if (formula !== undefined) {
    // A computed constant (a weight =1-B3) is fine as long as it reads no person's cells.
    const parsed = parseExcel(formula);
    const readsPeople = !parsed.ok || referencesOf(parsed.ast).some((ref) => touchesPeople(ctx, ref.sheet ?? sheet, ref));
    if (readsPeople) return { kind: 'unsupported', issue: issue('outsideTable', { ref: where }) };
  }
  if (isErrorValue(value)) return { kind: 'unsupported', issue: issue('outsideTable', { ref: where }) };
  return { kind: 'constant', value, percent: isPercentCell(cell) };
}

function touchesPeople(ctx: FrameContext, sheet: string, ref: Reference): boolean {
  if (ctx.mapping.people.kind === 'rows') {
    const { first, last } = peopleIndex(ctx);
    return sheet === ctx.mapping.sheet && ref.start.row <= last && ref.end.row >= first && ctx.people.some((p) => p.row >= ref.start.row && p.row <= ref.end.row);
  }
  const offsets = ctx.mapping.people.kind === 'blocks' ? ctx.mapping.people.blocks : [NO_OFFSET];
  if (ctx.mapping.people.kind === 'blocks' ? sheet !== ctx.mapping.sheet : !peopleIndex(ctx).sheets.has(sheet)) return false;
  return formFields(ctx).some((f) =>
    offsets.some((o) => {
      const row = (f.at.row as number) + o.row;
      const col = f.at.col + o.col;
      return row >= ref.start.row && row <= ref.end.row && col >= ref.start.col && col <= ref.end.col;
    }),
  );
}

/**
 * Forms side by side (a column per team): a range holding the same field of every copy, and
 * nothing else, is that field's team column (`RANK(D9,$D$9:$F$9)`).
 */
function blockTeamColumn(ctx: FrameContext, sheet: string, ref: Reference): string | undefined {
  if (ctx.mapping.people.kind !== 'blocks' || sheet !== ctx.mapping.sheet || ref.whole !== undefined) return undefined;
  const blocks = ctx.mapping.people.blocks;
  const cells = (ref.end.row - ref.start.row + 1) * (ref.end.col - ref.start.col + 1);
  if (blocks.length < 2 || cells !== blocks.length) return undefined;
  let key: string | undefined;
  for (let row = ref.start.row; row <= ref.end.row; row++) {
    for (let col = ref.start.col; col <= ref.end.col; col++) {
      const found = blockFieldAt(ctx, row, col);
      if (!found || (key !== undefined && found.field.key !== key)) return undefined;
      key = found.field.key;
    }
  }
  return key === undefined ? undefined : ctx.names.get(key);
}

function resolveRange(ctx: FrameContext, person: PersonFrame, sheet: string, ref: Reference): Resolution {
  const text = referenceText(ref);
  if (ctx.mapping.people.kind === 'rows' && sheet === ctx.mapping.sheet && ctx.people.length > 0) {
    const { first, last, rows } = peopleIndex(ctx);
    const coversTeam = ref.start.row <= first && ref.end.row >= last;
    if (coversTeam && ref.start.col === ref.end.col) {
      const field = fieldAt(ctx, 'person', ref.start.col);
      if (field) return { kind: 'team', name: ctx.names.get(field.key) as string };
      return { kind: 'unsupported', issue: issue('outsideTable', { ref: text }) };
    }
    const inOwnRow = ref.start.row === person.row && ref.end.row === person.row;
    if (!inOwnRow && ref.start.row <= last && ref.end.row >= first && [...rows].some((row) => row >= ref.start.row && row <= ref.end.row)) {
      return { kind: 'unsupported', issue: issue(coversTeam ? 'rangeUse' : 'otherPerson', { ref: text }) };
    }
  }
  const team = blockTeamColumn(ctx, sheet, ref);
  if (team !== undefined) return { kind: 'team', name: team };
  const height = ref.end.row - ref.start.row + 1;
  const width = ref.end.col - ref.start.col + 1;
  if (ref.whole !== undefined || height * width > MAX_BLOCK) return { kind: 'unsupported', issue: issue('outsideTable', { ref: text }) };
  const cells: CellResolution[][] = [];
  for (let row = ref.start.row; row <= ref.end.row; row++) {
    const line: CellResolution[] = [];
    for (let col = ref.start.col; col <= ref.end.col; col++) {
      const resolved = resolveCell(ctx, person, sheet, row, col);
      if (resolved.kind !== 'name' && resolved.kind !== 'constant') return resolved;
      line.push(resolved);
    }
    cells.push(line);
  }
  return { kind: 'cells', rows: cells };
}

/** The resolver for formulas of `person`: what each reference is to the template. */
export function resolverFor(ctx: FrameContext, person: PersonFrame): Resolver {
  return (ref) => {
    const sheet = ref.sheet ?? person.sheet;
    if (!ctx.book.Sheets[sheet]) return { kind: 'unsupported', issue: issue('outsideTable', { ref: referenceText(ref) }) };
    if (isSingleCell(ref)) return resolveCell(ctx, person, sheet, ref.start.row, ref.start.col);
    return resolveRange(ctx, person, sheet, ref);
  };
}

export type { FrameContext };

/** The key of a field at a place: column letters for a person's row, the cell otherwise. */
export function fieldKey(row: number | 'person', col: number): string {
  return row === 'person' ? columnLetters(col) : cellName(row, col);
}
