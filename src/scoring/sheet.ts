// A team's sheet for one period, evaluated column by column over the compiled cell graph.
// Cohort functions (TEAM, RANK.EQ, AVERAGE of the team) see every assessed or temporary person
// who has been rated; people on leave are not in the sheet. `set` recomputes only what a changed
// value reaches. Two rules every view of a score shares are kept here, once:
// - a person with nothing entered is 未评 (not rated): every computed cell of the row is blank, so
//   there is no total, grade or rank, and team averages and ranks do not see the row;
// - a value that does not fit its input (出色表现 7 on a 0–5 item, a rating 14 on a 1–10 scale) does
//   not score: the cell holds INVALID_ENTRY, so the indicator and everything summing it are that
//   error (the total is incomplete: no grade, no rank), while other people's cohort functions
//   read the cell as blank.
import type { ArrayValue, ErrorValue, EvalContext, Scalar, Value } from '../formula/types';
import { errorValue, isError } from '../formula/index';
import type { CompiledTemplate, IndicatorPlan } from './graph';
import type { InputDef, PersonStatus } from './model';
import { TEAM_PERSON_ID } from './model';
import type { SheetEntry, SheetInput, SheetPerson } from './sheet-types';
import { gradeFor, toExcelPrecision } from './composite';
import { entryProblem, selfEnteredInput, type EntryProblem } from './entry-values';

const INVALID_DETAIL = 'invalid entry';

/** What a cell holds when the value entered for it (or read through it) does not fit its input. */
export const INVALID_ENTRY: ErrorValue = errorValue('#VALUE!', INVALID_DETAIL);

/** Is this value (a score, a total) the mark of an entry that does not fit, rather than a formula error? */
export function isInvalidEntry(value: unknown): boolean {
  return isError(value) && value.detail === INVALID_DETAIL;
}

/** An entered value that does not fit its input, as the row holds it. */
export interface InvalidEntry {
  /** Raw slot of the compiled graph. */
  readonly slot: number;
  readonly input: InputDef;
  /** What was entered (one rater's value; the first that does not fit). */
  readonly value: Scalar;
  readonly problem: EntryProblem;
}

export interface Sheet {
  readonly compiled: CompiledTemplate;
  /** Everyone given, in order, including people on leave. */
  readonly people: readonly SheetPerson[];
  /** Row of each person in the columns, or -1 for people on leave. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Person index (into `people`) of each row. */
  readonly rowPeople: readonly number[];
  /** `columns[slot][row]` */
  readonly columns: readonly Value[][];
  statusOf(personId: string): PersonStatus;
  /** Has anything been entered for the person in this row (any input, any role, any week)? */
  isRated(row: number): boolean;
  /** Values entered in this row that do not fit their input (empty for most rows). */
  invalidEntries(row: number): readonly InvalidEntry[];
  /** What was entered in a raw cell (the raters' mean), also when it does not fit: for files. */
  enteredAt(slot: number, row: number): Value;
  /** Change one entered value (a rater's, averaged within the role) and recompute what depends on it. */
  set(entry: SheetEntry): void;
  /** Replace a weekly indicator's month sum for every row (rolled up from week sheets). */
  setWeekSums(indicatorId: string, values: readonly Value[]): void;
  /** Recompute every computed column from the entered values (after bulk changes). */
  recalculate(): void;
}

/** Several raters in one role: numbers are averaged; other values must agree, else #N/A. */
export function combineRaters(values: readonly Scalar[]): Scalar | Value {
  const present = values.filter((value) => value !== null && value !== '');
  if (present.length === 0) return null;
  if (present.length === 1) return present[0]!;
  if (present.every((value) => typeof value === 'number')) {
    return (present as number[]).reduce((sum, value) => sum + value, 0) / present.length;
  }
  return present.every((value) => value === present[0]) ? present[0]! : errorValue('#N/A', 'raters disagree');
}

interface MutableContext extends EvalContext {
  row: number;
  epoch: number;
}

/** Has this role entered anything the indicator's rule reads, for this row? */
export function rolePresent(columns: readonly Value[][], plan: IndicatorPlan, roleIndex: number, row: number): boolean {
  return plan.presenceSlots[roleIndex]!.some((raw) => columns[raw]![row] !== null);
}

/**
 * An indicator's score over its rater roles: the weighted mean of the roles that rated
 * (weights renormalised); missing roles are reported by the caller, never counted as zero.
 */
export function combinedScore(columns: readonly Value[][], plan: IndicatorPlan, row: number): Value {
  if (plan.roles.length === 1) return columns[plan.roleSlots[0]!]![row] ?? null;
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < plan.roles.length; i++) {
    if (!rolePresent(columns, plan, i, row)) continue;
    const score = columns[plan.roleSlots[i]!]![row];
    if (isError(score)) return score;
    if (typeof score !== 'number') continue;
    const weight = plan.roles[i]!.weight;
    sum += weight * score;
    weights += weight;
  }
  if (weights > 0) return toExcelPrecision(sum / weights);
  // Nobody rated yet: the primary role's score of blanks, like a fresh Excel sheet.
  return columns[plan.roleSlots[0]!]![row] ?? null;
}

export interface SheetOptions {
  /** Month sums of weekly indicators by indicator id, one value per person in `input.people` order. */
  readonly weekSums?: ReadonlyMap<string, readonly Value[]>;
}

/** Per raw slot, the input its values must fit (self-entered indicators: the rule's range). */
const inputsCache = new WeakMap<CompiledTemplate, readonly (InputDef | undefined)[]>();

function inputsOfSlots(compiled: CompiledTemplate): readonly (InputDef | undefined)[] {
  let inputs = inputsCache.get(compiled);
  if (inputs) return inputs;
  const byId = new Map(compiled.template.inputs.map((def) => [def.id, def]));
  const indicators = new Map(compiled.indicators.map((plan) => [plan.indicator.id, plan.indicator]));
  inputs = compiled.cells.map((cell) => {
    if (cell.kind !== 'raw' && cell.kind !== 'teamRaw') return undefined;
    if (cell.inputId) return byId.get(cell.inputId);
    const indicator = cell.indicatorId ? indicators.get(cell.indicatorId) : undefined;
    return indicator ? selfEnteredInput(indicator) : undefined;
  });
  inputsCache.set(compiled, inputs);
  return inputs;
}

export function createSheet(compiled: CompiledTemplate, input: SheetInput, options: SheetOptions = {}): Sheet {
  const { cells } = compiled;
  const inputOfSlot = inputsOfSlots(compiled);
  const people = input.people;
  const rowOf = new Map<string, number>();
  const rowPeople: number[] = [];
  people.forEach((person, index) => {
    if ((person.status ?? 'active') === 'leave') {
      rowOf.set(person.id, -1);
      return;
    }
    rowOf.set(person.id, rowPeople.length);
    rowPeople.push(index);
  });
  const statuses = new Map(people.map((person) => [person.id, person.status ?? 'active']));
  const rows = rowPeople.length;
  const columns: Value[][] = cells.map(() => new Array<Value>(rows).fill(null));
  /** Rater values of cells with more than one rater: `${slot}:${row}` → rater → value. */
  const raters = new Map<number, Map<string, Scalar>>();
  /** A cell's key in `raters`: one number, no string building on the hot path. */
  const cellKey = (slot: number, row: number) => slot * (rows + 1) + row;
  /** Raw cells whose value does not fit: cell key → what was entered (single-rater cells). */
  const invalid = new Map<number, Scalar>();
  /** Per row, how many raw cells (and weekly month sums) hold anything: 0 = not rated. */
  const entered = new Int32Array(rows);
  /** Person raw slots and weekly sums: what makes a row rated. */
  const enteredSlots = cells.filter((cell) => cell.kind === 'raw' || cell.kind === 'weekSum').map((cell) => cell.slot);
  /** Role-score cells and the raw cells they read: an invalid one makes the score INVALID_ENTRY even under IFERROR. */
  const watched = new Map<number, readonly number[]>();
  for (const plan of compiled.indicators) {
    plan.roleSlots.forEach((slot, i) => {
      if (cells[slot]!.kind === 'roleScore') watched.set(slot, plan.presenceSlots[i]!);
    });
  }

  /** The value a raw cell holds for these rater values: their mean, or INVALID_ENTRY if one does not fit. */
  function rawValue(slot: number, values: readonly Scalar[]): Value {
    const def = inputOfSlot[slot];
    if (def) for (const value of values) if (entryProblem(def, value)) return INVALID_ENTRY;
    return values.length === 1 ? (values[0] === '' ? null : values[0]!) : combineRaters(values);
  }

  /** Write a single-rater raw value; remembers what was typed when it does not fit. */
  function writeRaw(slot: number, row: number, value: Scalar): Value {
    const held = rawValue(slot, [value]);
    const key = cellKey(slot, row);
    if (held === INVALID_ENTRY) invalid.set(key, value);
    else invalid.delete(key);
    return held;
  }

  const planBySlot = new Map(compiled.indicators.map((plan) => [plan.finalSlot, plan]));
  const teamRanges = new Map<number, ArrayValue>();
  const ctx: MutableContext = {
    row: 0,
    epoch: 0,
    columns,
    teamSize: rows,
    team(slot: number): ArrayValue {
      let range = teamRanges.get(slot);
      if (!range) {
        // Someone's value that does not fit is their own problem: the team reads it as blank.
        const column = columns[slot]!;
        const data = invalidCount > 0 && column.includes(INVALID_ENTRY) ? column.map((value) => (value === INVALID_ENTRY ? null : value)) : column;
        range = { type: 'array', rows, cols: 1, data };
        teamRanges.set(slot, range);
      }
      return range;
    },
  };

  function rawSlotFor(entry: SheetEntry): number | undefined {
    if (entry.personId === TEAM_PERSON_ID) return compiled.rawSlotsByRole.get('team')?.get(entry.key);
    return compiled.rawSlotsByRole.get(entry.role)?.get(entry.key);
  }

  /** The rater values of a cell once it has a named rater; the unnamed value joins them as ''. */
  function ratersOf(slot: number, row: number): Map<string, Scalar> {
    const key = cellKey(slot, row);
    let values = raters.get(key);
    if (!values) {
      values = new Map();
      const existing = invalid.has(key) ? invalid.get(key)! : columns[slot]![row];
      if (existing !== null && existing !== undefined && typeof existing !== 'object') values.set('', existing);
      invalid.delete(key);
      raters.set(key, values);
    }
    return values;
  }

  /** Raw cells holding INVALID_ENTRY: while 0, no check for them costs anything. */
  let invalidCount = 0;
  /** A raw or weekly cell goes from `before` to `after`: keep the row's count of filled cells. */
  const count = (row: number, before: Value | undefined, after: Value) => {
    if (before === null || before === undefined) {
      if (after !== null) entered[row]! += 1;
    } else if (after === null) entered[row]! -= 1;
    invalidCount += (after === INVALID_ENTRY ? 1 : 0) - (before === INVALID_ENTRY ? 1 : 0);
  };

  // Load entries. Most cells have one unnamed rater: written straight into the column. Cells
  // with named raters (several peers) keep each rater's value and show the role's mean.
  function load(slot: number, personId: string, rater: string, entered: Scalar): void {
    if (personId === TEAM_PERSON_ID) {
      columns[slot]!.fill(entered);
      return;
    }
    const row = rowOf.get(personId);
    if (row === undefined || row < 0) return;
    const named = rater !== '' ? ratersOf(slot, row) : raters.get(cellKey(slot, row));
    if (named) {
      named.set(rater, entered);
      return;
    }
    // The hot path of loading (half a million entries): no array, no map unless it does not fit.
    const column = columns[slot]!;
    const before = column[row];
    const value = entered === '' ? null : entered;
    const def = inputOfSlot[slot];
    let held: Value = value;
    if (value !== null && def !== undefined && entryProblem(def, value) !== null) {
      invalid.set(cellKey(slot, row), value);
      held = INVALID_ENTRY;
    }
    column[row] = held;
    count(row, before, held);
  }
  if (input.columns) {
    // Column by column, as the store reads them: the slot is found once per column.
    for (const column of input.columns) {
      const team = compiled.rawSlotsByRole.get('team')?.get(column.key);
      const own = compiled.rawSlotsByRole.get(column.role)?.get(column.key);
      const { personIds, values, rater } = column;
      for (let i = 0; i < personIds.length; i++) {
        const personId = personIds[i]!;
        const slot = personId === TEAM_PERSON_ID ? team : own;
        if (slot !== undefined) load(slot, personId, rater, values[i]!);
      }
    }
  } else {
    for (const entry of input.entries) {
      const slot = rawSlotFor(entry);
      if (slot !== undefined) load(slot, entry.personId, entry.rater ?? '', entry.value);
    }
  }
  for (const [key, values] of raters) {
    const slot = Math.floor(key / (rows + 1));
    const row = key % (rows + 1);
    const held = rawValue(slot, [...values.values()]);
    count(row, columns[slot]![row], held);
    columns[slot]![row] = held;
  }
  for (const plan of compiled.indicators) {
    const sums = options.weekSums?.get(plan.indicator.id);
    if (!plan.weekly || !sums) continue;
    const column = columns[plan.finalSlot]!;
    rowPeople.forEach((personIndex, row) => {
      const held = sums[personIndex] ?? null;
      count(row, column[row], held);
      column[row] = held;
    });
  }

  /** Raw cells of a row that hold INVALID_ENTRY, with what was entered. */
  function invalidEntries(row: number): InvalidEntry[] {
    const found: InvalidEntry[] = [];
    for (const slot of enteredSlots) {
      if (columns[slot]![row] !== INVALID_ENTRY) continue;
      const def = inputOfSlot[slot]!;
      const key = cellKey(slot, row);
      const values = raters.get(key);
      const candidates = values ? [...values.values()] : [invalid.get(key) ?? null];
      const value = candidates.find((v) => entryProblem(def, v) !== null) ?? null;
      found.push({ slot, input: def, value, problem: entryProblem(def, value) ?? { code: 'notNumber' } });
    }
    return found;
  }

  function computeRow(slot: number, row: number): Value {
    // 未评: nothing entered for the person, so nothing is scored (no 0, no #DIV/0!).
    if (entered[row] === 0) return null;
    const cell = cells[slot]!;
    if (cell.fault) return cell.fault;
    if (invalidCount > 0) {
      const reads = watched.get(slot);
      if (reads) for (const raw of reads) if (columns[raw]![row] === INVALID_ENTRY) return INVALID_ENTRY;
    }
    switch (cell.kind) {
      case 'combined':
        return combineRoles(slot, row);
      case 'grade': {
        const total = columns[compiled.totalSlot]![row];
        if (typeof total !== 'number') return isError(total) ? total : null;
        return gradeFor(total, compiled.template.grades)?.label ?? null;
      }
      default:
        ctx.row = row;
        return cell.evaluate ? cell.evaluate(ctx) : null;
    }
  }

  function combineRoles(slot: number, row: number): Value {
    return combinedScore(columns, planBySlot.get(slot)!, row);
  }

  /**
   * Rank every numeric total, highest first; ties are totals equal at 15 significant digits
   * (`toExcelPrecision`). Sorting a Float64Array is native; only near-equal neighbours are
   * compared at that precision.
   */
  function computeRanks(): void {
    const totals = columns[compiled.totalSlot]!;
    const column = columns[compiled.rankSlot]!;
    let count = 0;
    const values = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      const total = totals[row];
      if (typeof total === 'number' && Number.isFinite(total)) values[count++] = total;
    }
    const sorted = values.subarray(0, count).sort().reverse();
    // rankAt[i]: the rank of the total at sorted position i.
    const rankAt = new Uint32Array(count);
    const dense = compiled.template.rankTies === 'dense';
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const tie = i > 0 && sameAtFifteenDigits(sorted[i - 1]!, sorted[i]!);
      if (!tie) distinct += 1;
      rankAt[i] = tie ? rankAt[i - 1]! : dense ? distinct : i + 1;
    }
    for (let row = 0; row < rows; row++) {
      const total = totals[row];
      column[row] = typeof total === 'number' && Number.isFinite(total) ? rankAt[firstIndexDescending(sorted, total)]! : null;
    }
  }

  function evaluateColumn(slot: number): void {
    ctx.epoch += 1;
    teamRanges.delete(slot);
    if (slot === compiled.rankSlot) return computeRanks();
    const column = columns[slot]!;
    for (let row = 0; row < rows; row++) column[row] = computeRow(slot, row);
  }

  /**
   * Recompute a whole column and say which rows changed: a cohort change (a new team average)
   * often moves a few people's points, and only their rows need to travel further.
   */
  function recomputeColumn(slot: number): Set<number> | 'all' {
    const column = columns[slot]!;
    const before = column.slice();
    evaluateColumn(slot);
    const changed = new Set<number>();
    for (let row = 0; row < rows; row++) {
      if (sameValue(before[row] ?? null, column[row] ?? null)) continue;
      changed.add(row);
      if (changed.size > rows / 8) return 'all';
    }
    return changed;
  }

  for (const slot of compiled.order) evaluateColumn(slot);

  // Dependents: who reads a slot in the same row, who reads its whole column.
  const rowDependents: number[][] = cells.map(() => []);
  const teamDependents: number[][] = cells.map(() => []);
  for (const cell of cells) {
    for (const dep of cell.rowDeps) rowDependents[dep]!.push(cell.slot);
    for (const dep of cell.teamDeps) teamDependents[dep]!.push(cell.slot);
  }
  const position = new Map(compiled.order.map((slot, i) => [slot, i]));

  /**
   * Recompute from changed (slot, rows) pairs in dependency order. `refresh`: rows whose every
   * computed cell is recomputed (a row becomes rated or not, an entry starts or stops fitting).
   */
  function propagate(changed: Map<number, Set<number> | 'all'>, refresh: readonly number[] = []): void {
    const dirty = new Map<number, Set<number> | 'all'>();
    const mark = (slot: number, rowsToMark: Set<number> | 'all') => {
      const current = dirty.get(slot);
      if (current === 'all') return;
      if (rowsToMark === 'all') return void dirty.set(slot, 'all');
      if (!current) return void dirty.set(slot, new Set(rowsToMark));
      for (const row of rowsToMark) current.add(row);
    };
    const spread = (slot: number, rowsChanged: Set<number> | 'all') => {
      teamRanges.delete(slot);
      if (rowsChanged !== 'all' && rowsChanged.size === 0) return;
      for (const dependent of rowDependents[slot]!) mark(dependent, rowsChanged);
      for (const dependent of teamDependents[slot]!) mark(dependent, 'all');
    };
    for (const [slot, rowsChanged] of changed) spread(slot, rowsChanged);
    if (refresh.length > 0) for (const slot of compiled.order) mark(slot, new Set(refresh));
    while (dirty.size > 0) {
      let next = -1;
      let best = Number.POSITIVE_INFINITY;
      for (const slot of dirty.keys()) {
        const p = position.get(slot) ?? -1;
        if (p < best) {
          best = p;
          next = slot;
        }
      }
      const rowsToDo = dirty.get(next)!;
      dirty.delete(next);
      if (rowsToDo === 'all' || next === compiled.rankSlot) {
        spread(next, recomputeColumn(next));
        continue;
      }
      ctx.epoch += 1;
      const column = columns[next]!;
      const changedRows = new Set<number>();
      for (const row of rowsToDo) {
        const value = computeRow(next, row);
        if (!sameValue(value, column[row] ?? null)) {
          column[row] = value;
          changedRows.add(row);
        }
      }
      if (changedRows.size > 0) spread(next, changedRows);
    }
  }

  return {
    compiled,
    people,
    rowOf,
    rowPeople,
    columns,
    statusOf: (personId) => statuses.get(personId) ?? 'active',
    isRated: (row) => entered[row]! > 0,
    invalidEntries: (row) => (invalidCount === 0 ? [] : invalidEntries(row)),
    enteredAt(slot, row) {
      const value = columns[slot]![row] ?? null;
      if (value !== INVALID_ENTRY) return value;
      const key = cellKey(slot, row);
      const values = raters.get(key);
      return values ? combineRaters([...values.values()]) : (invalid.get(key) ?? null);
    },
    set(entry) {
      const slot = rawSlotFor(entry);
      if (slot === undefined) return;
      if (entry.personId === TEAM_PERSON_ID) {
        columns[slot]!.fill(entry.value);
        propagate(new Map([[slot, 'all']]));
        return;
      }
      const row = rowOf.get(entry.personId);
      if (row === undefined || row < 0) return;
      const rater = entry.rater ?? '';
      const values = rater !== '' ? ratersOf(slot, row) : raters.get(cellKey(slot, row));
      let value: Value;
      if (values) {
        if (entry.value === null || entry.value === '') values.delete(rater);
        else values.set(rater, entry.value);
        value = rawValue(slot, [...values.values()]);
      } else {
        value = writeRaw(slot, row, entry.value);
      }
      const before = columns[slot]![row] ?? null;
      if (value === before || (sameValue(value, before) && (value === INVALID_ENTRY) === (before === INVALID_ENTRY))) return;
      columns[slot]![row] = value;
      invalidCount += (value === INVALID_ENTRY ? 1 : 0) - (before === INVALID_ENTRY ? 1 : 0);
      const wasRated = entered[row]! > 0;
      entered[row]! += (value !== null ? 1 : 0) - (before !== null ? 1 : 0);
      // A row that starts or stops being rated, or whose entry starts or stops fitting, is scored again whole.
      const whole = wasRated !== entered[row]! > 0 || value === INVALID_ENTRY || before === INVALID_ENTRY;
      propagate(new Map([[slot, new Set([row])]]), whole ? [row] : []);
    },
    recalculate() {
      for (const slot of compiled.order) evaluateColumn(slot);
    },
    setWeekSums(indicatorId, values) {
      const plan = compiled.indicators.find((p) => p.indicator.id === indicatorId);
      if (!plan?.weekly) return;
      const column = columns[plan.finalSlot]!;
      const flipped: number[] = [];
      for (let row = 0; row < rows; row++) {
        const before = column[row] ?? null;
        const value = values[row] ?? null;
        column[row] = value;
        if ((before === null) === (value === null)) continue;
        const wasRated = entered[row]! > 0;
        entered[row]! += value === null ? -1 : 1;
        if (wasRated !== entered[row]! > 0) flipped.push(row);
      }
      propagate(new Map([[plan.finalSlot, 'all']]), flipped);
    },
  };
}

/** Equal at 15 significant digits (binary noise aside), checked only when nearly equal. */
function sameAtFifteenDigits(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) return false;
  return toExcelPrecision(a) === toExcelPrecision(b);
}

/** Position of the first element equal to `value` in a descending array (binary search). */
function firstIndexDescending(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! > value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (isError(a) && isError(b)) return a.code === b.code;
  return false;
}
