// A team's sheet for one period, evaluated column by column over the compiled cell graph.
// Cohort functions (TEAM, RANK.EQ, AVERAGE of the team) see every assessed or temporary person;
// people on leave are not in the sheet. `set` recomputes only what a changed value reaches.
import type { ArrayValue, EvalContext, Scalar, Value } from '../formula/types';
import { errorValue, isError } from '../formula/index';
import type { CompiledTemplate, IndicatorPlan } from './graph';
import type { PersonStatus } from './model';
import { TEAM_PERSON_ID } from './model';
import type { SheetEntry, SheetInput, SheetPerson } from './sheet-types';
import { gradeFor, settle } from './composite';

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
  if (weights > 0) return settle(sum / weights);
  // Nobody rated yet: the primary role's score of blanks, like a fresh Excel sheet.
  return columns[plan.roleSlots[0]!]![row] ?? null;
}

export interface SheetOptions {
  /** Month sums of weekly indicators by indicator id, one value per person in `input.people` order. */
  readonly weekSums?: ReadonlyMap<string, readonly Value[]>;
}

export function createSheet(compiled: CompiledTemplate, input: SheetInput, options: SheetOptions = {}): Sheet {
  const { cells } = compiled;
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
        range = { type: 'array', rows, cols: 1, data: columns[slot]! };
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
      const existing = columns[slot]![row];
      if (existing !== null && existing !== undefined && typeof existing !== 'object') values.set('', existing);
      raters.set(key, values);
    }
    return values;
  }

  // Load entries. Most cells have one unnamed rater: written straight into the column. Cells
  // with named raters (several peers) keep each rater's value and show the role's mean.
  for (const entry of input.entries) {
    const slot = rawSlotFor(entry);
    if (slot === undefined) continue;
    if (entry.personId === TEAM_PERSON_ID) {
      columns[slot]!.fill(entry.value);
      continue;
    }
    const row = rowOf.get(entry.personId);
    if (row === undefined || row < 0) continue;
    const rater = entry.rater ?? '';
    const named = rater !== '' ? ratersOf(slot, row) : raters.get(cellKey(slot, row));
    if (named) named.set(rater, entry.value);
    else columns[slot]![row] = entry.value === '' ? null : entry.value;
  }
  for (const [key, values] of raters) {
    columns[Math.floor(key / (rows + 1))]![key % (rows + 1)] = combineRaters([...values.values()]);
  }

  function computeRow(slot: number, row: number): Value {
    const cell = cells[slot]!;
    if (cell.fault) return cell.fault;
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
   * (`settle`). Sorting a Float64Array is native; only near-equal neighbours are settled.
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

  for (const plan of compiled.indicators) {
    const sums = options.weekSums?.get(plan.indicator.id);
    if (!plan.weekly || !sums) continue;
    const column = columns[plan.finalSlot]!;
    rowPeople.forEach((personIndex, row) => (column[row] = sums[personIndex] ?? null));
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

  /** Recompute from changed (slot, rows) pairs in dependency order. */
  function propagate(changed: Map<number, Set<number> | 'all'>): void {
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
        value = combineRaters([...values.values()]);
      } else {
        value = entry.value === '' ? null : entry.value;
      }
      if (sameValue(value, columns[slot]![row] ?? null)) return;
      columns[slot]![row] = value;
      propagate(new Map([[slot, new Set([row])]]));
    },
    recalculate() {
      for (const slot of compiled.order) evaluateColumn(slot);
    },
    setWeekSums(indicatorId, values) {
      const plan = compiled.indicators.find((p) => p.indicator.id === indicatorId);
      if (!plan?.weekly) return;
      const column = columns[plan.finalSlot]!;
      for (let row = 0; row < rows; row++) column[row] = values[row] ?? null;
      propagate(new Map([[plan.finalSlot, 'all']]));
    },
  };
}

/** Equal at 15 significant digits (binary noise aside), checked only when nearly equal. */
function sameAtFifteenDigits(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) return false;
  return settle(a) === settle(b);
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
