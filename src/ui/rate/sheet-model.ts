// A period's rating sheet in memory: what was loaded, the scored sheet, and an index of every
// entered value by person × key × role × rater. Edits change it in place (the scored sheet
// recomputes only what an entry reaches); the state class around it tells the grid to redraw.
import type { Scalar, Value } from '../../formula/index';
import type { EntryColumn, PeriodSheetData, PersonRecord } from '../../store/index';
import { combinedScore, type CompiledTemplate, compileTemplate, type IndicatorPlan, type InputDef, type PersonStatus, type RaterRole, rolePresent, type ScoredPeriod, scorePeriod, type SheetEntry, type SheetInput, type Template } from '../../scoring/index';

/**
 * Which part of the template a period rates:
 * - `full`: everything (the usual case).
 * - `month`: a month whose template counts some indicators weekly (seed 003): those show the
 *   sum over the month's week periods, read-only; their inputs are entered in the weeks.
 * - `week`: a week period of such a template: only the weekly indicators and their inputs.
 */
export type SheetScope = 'full' | 'month' | 'week';

export interface SheetModel {
  readonly data: PeriodSheetData;
  readonly template: Template;
  readonly compiled: CompiledTemplate;
  readonly scope: SheetScope;
  readonly people: readonly PersonRecord[];
  readonly rowOfPerson: ReadonlyMap<string, number>;
  readonly statuses: Map<string, PersonStatus>;
  /** Entered values: `cellKey(key, role, rater)` → person id → entry. */
  readonly entries: EntryIndex;
  readonly remarks: Map<string, string>;
  scored: ScoredPeriod;
  /**
   * Entered values are in, scores are not yet (a big team is shown before it is scored: see
   * RateSheetState.load); `scored` is an empty sheet until `scoreModel` runs.
   */
  pending: boolean;
}

/** Teams this big are shown first and scored right after the first paint. */
export const SCORE_AFTER_PAINT = { people: 1000, entries: 50_000 } as const;

export function scopeOf(data: PeriodSheetData, compiled: CompiledTemplate): SheetScope {
  if (!compiled.hasWeekly) return 'full';
  if (data.period.kind === 'week' && data.template.body.periodKind !== 'week') return 'week';
  if (data.period.kind === 'month') return 'month';
  return 'full';
}

/**
 * One column's entered values, by the person's row on the sheet (an array, not a map: a call
 * centre's 800,000 values are indexed by position); people without a row (the team's own values)
 * are kept aside.
 */
export class ColumnValues {
  private readonly byRow: (Scalar | undefined)[];
  private readonly others = new Map<string, Scalar>();

  constructor(
    private readonly rowOf: ReadonlyMap<string, number>,
    private readonly ids: readonly string[],
  ) {
    this.byRow = new Array<Scalar | undefined>(ids.length);
  }

  get(personId: string): Scalar | undefined {
    const row = this.rowOf.get(personId);
    return row === undefined ? this.others.get(personId) : this.byRow[row];
  }

  set(personId: string, value: Scalar): void {
    const row = this.rowOf.get(personId);
    if (row === undefined) this.others.set(personId, value);
    else this.byRow[row] = value;
  }

  delete(personId: string): void {
    const row = this.rowOf.get(personId);
    if (row === undefined) this.others.delete(personId);
    else this.byRow[row] = undefined;
  }

  *entries(): IterableIterator<[string, Scalar]> {
    for (let row = 0; row < this.byRow.length; row++) {
      const value = this.byRow[row];
      if (value !== undefined) yield [this.ids[row]!, value];
    }
    yield* this.others;
  }

  *keys(): IterableIterator<string> {
    for (const [personId] of this.entries()) yield personId;
  }
}

/** Every entered value, by column (input × role × rater) and then person. */
export type EntryIndex = Map<string, ColumnValues> & { readonly rowOf: ReadonlyMap<string, number>; readonly ids: readonly string[] };

export function cellKey(key: string, role: RaterRole, rater: string): string {
  return `${key}\u0001${role}\u0001${rater}`;
}

function emptyIndex(people: readonly { readonly id: string }[]): EntryIndex {
  const ids = people.map((person) => person.id);
  return Object.assign(new Map<string, ColumnValues>(), { rowOf: new Map(ids.map((id, row) => [id, row])), ids });
}

function columnOf(index: EntryIndex, key: string): ColumnValues {
  let column = index.get(key);
  if (!column) index.set(key, (column = new ColumnValues(index.rowOf, index.ids)));
  return column;
}

/** Record (or, for a blank value, forget) one entered value. */
export function indexEntry(index: EntryIndex, entry: SheetEntry): void {
  const column = cellKey(entry.key, entry.role, entry.rater ?? '');
  if (entry.value === null || entry.value === '') {
    index.get(column)?.delete(entry.personId);
    return;
  }
  columnOf(index, column).set(entry.personId, entry.value);
}

/** Index a period's values as the store reads them, column by column. */
export function indexColumns(people: readonly { readonly id: string }[], columns: readonly EntryColumn[]): EntryIndex {
  const index = emptyIndex(people);
  for (const column of columns) {
    const values = columnOf(index, cellKey(column.key, column.role, column.rater));
    const { personIds, values: list } = column;
    for (let i = 0; i < personIds.length; i++) values.set(personIds[i]!, list[i]!);
  }
  return index;
}

/** Index entries given one by one (a period without stored columns). */
export function indexEntries(people: readonly { readonly id: string }[], list: readonly SheetEntry[]): EntryIndex {
  const index = emptyIndex(people);
  for (const entry of list) indexEntry(index, entry);
  return index;
}

export function allEntries(index: EntryIndex): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const [column, byPerson] of index) {
    const [key = '', role = 'supervisor', ...rest] = column.split('\u0001');
    const rater = rest.join('\u0001');
    for (const [personId, value] of byPerson.entries()) out.push(rater ? { personId, key, role: role as RaterRole, rater, value } : { personId, key, role: role as RaterRole, value });
  }
  return out;
}

/** The value one rater entered, or null. */
export function enteredValue(model: SheetModel, personId: string, key: string, role: RaterRole, rater: string): Scalar {
  return model.entries.get(cellKey(key, role, rater))?.get(personId) ?? null;
}

/**
 * What to score. A week period of a month template is scored as "a month of one week", so its
 * weekly indicators show that week's points (ranks and averages over the team that week).
 */
/** The same input with other people (statuses): its entries stay lazy, its columns kept. */
function withPeople(input: SheetInput, people: SheetInput['people']): SheetInput {
  return {
    people,
    get entries() {
      return input.entries;
    },
    ...(input.columns ? { columns: input.columns } : {}),
    ...(input.weeks ? { weeks: input.weeks } : {}),
  };
}

export function sheetInputFor(data: PeriodSheetData, scope: SheetScope, statuses?: ReadonlyMap<string, PersonStatus>): SheetInput {
  const people = statuses ? data.input.people.map((person) => ({ ...person, status: statuses.get(person.id) ?? 'active' })) : data.input.people;
  if (scope !== 'week') return withPeople(data.input, people);
  return { people, entries: data.input.entries, weeks: [{ key: data.period.key, entries: data.input.entries }] };
}

export function buildModel(data: PeriodSheetData, options: { readonly pending?: boolean } = {}): SheetModel {
  const template = data.template.body;
  const compiled = compileTemplate(template);
  const scope = scopeOf(data, compiled);
  const entries = data.columns ? indexColumns(data.people, data.columns) : indexEntries(data.people, data.input.entries);
  const statuses = new Map(data.input.people.map((person) => [person.id, person.status ?? 'active']));
  return {
    data,
    template,
    compiled,
    scope,
    people: data.people,
    rowOfPerson: new Map(data.people.map((person, index) => [person.id, index])),
    statuses,
    entries,
    remarks: new Map([...data.remarks].map(([personId, remark]) => [personId, remark.text])),
    scored: options.pending ? scorePeriod(template, { people: [], entries: [] }) : scorePeriod(template, sheetInputFor(data, scope)),
    pending: options.pending ?? false,
  };
}

/** Score a model built `pending` (nothing has been edited yet: the data as read). */
export function scoreModel(model: SheetModel): void {
  if (!model.pending) return;
  model.scored = scorePeriod(model.template, sheetInputFor(model.data, model.scope, model.statuses));
  model.pending = false;
}

/**
 * Cross-period rules (连续3个月…; the template's own, else the two defaults) are about the
 * template's own periods: a week of a monthly template has no flags of its own.
 */
export function hasFlags(model: SheetModel): boolean {
  return model.data.period.kind === model.template.periodKind;
}

/** Team-wide inputs entered in this period: in a week, those of weekly indicators; in a month, the others. */
export function teamInputsOf(model: SheetModel): InputDef[] {
  return model.template.inputs.filter((input) => {
    if (input.scope !== 'team' || input.formula) return false;
    const slot = model.compiled.rawSlots.get(`team|${input.id}`);
    const weekly = slot !== undefined && model.compiled.cells[slot]!.weekly;
    if (model.scope === 'week') return weekly;
    if (model.scope === 'month') return !weekly;
    return true;
  });
}

/** People with anything entered for them in this period (or, for a month, in its weeks). */
export function ratedPeople(model: SheetModel): Set<string> {
  const rated = new Set<string>();
  for (const byPerson of model.entries.values()) for (const personId of byPerson.keys()) rated.add(personId);
  for (const week of model.data.input.weeks ?? []) for (const entry of week.entries) rated.add(entry.personId);
  return rated;
}

/** Score again from the index (after a status change, or a batch too big for one-by-one updates). */
export function rescore(model: SheetModel): void {
  const entries = allEntries(model.entries);
  // From the index (the sheet's values now), not the columns as read: they may have been edited.
  const { columns: _columns, ...read } = model.data;
  const { people, weeks } = model.data.input;
  const data: PeriodSheetData = { ...read, input: { people, entries, ...(weeks ? { weeks } : {}) } };
  model.scored = scorePeriod(model.template, sheetInputFor(data, model.scope, model.statuses));
}

/** Record one entered value and recompute what depends on it. */
export function applyEntry(model: SheetModel, entry: SheetEntry): void {
  indexEntry(model.entries, entry);
  model.scored.sheet.set(entry);
}

/** After edits in a week period: each weekly indicator's points for the week, from the sheet itself. */
export function refreshWeekPoints(model: SheetModel): void {
  if (model.scope !== 'week') return;
  const sheet = model.scored.sheet;
  for (const plan of model.compiled.indicators) {
    if (!plan.weekly) continue;
    sheet.setWeekSums(plan.indicator.id, weekPoints(sheet.columns, plan, sheet.rowPeople.length));
  }
}

function weekPoints(columns: readonly Value[][], plan: IndicatorPlan, rows: number): Value[] {
  const values = new Array<Value>(rows);
  for (let row = 0; row < rows; row++) {
    const rated = plan.roles.some((_, i) => rolePresent(columns, plan, i, row));
    values[row] = rated ? combinedScore(columns, plan, row) : null;
  }
  return values;
}
