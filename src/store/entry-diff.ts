// What one user action (a typed value, a paste, an import, an undo) did to a period's values, as
// one audit record: per column, the people it touched and each value before and after, packed in
// typed arrays. An import of 800,000 values is one record of about 8 bytes per value (the old
// values of cells that were blank are not stored; people lists shared between columns once).
// Pure: built and read here, stored by entries.ts.
import type { RaterRole } from '../scoring/model';
import { columnId, isBlank, type ColumnKey, type StoredValue } from './value-blocks';

/** Values by position; NaN without an `other` entry is blank. */
export interface DiffValues {
  num: Float64Array;
  /** Values that are not numbers, as [position, value]. */
  other?: [number, string | boolean][];
}

export interface DiffColumn {
  key: string;
  role: RaterRole;
  rater: string;
  /** Indexes into `EntryDiff.people`, or the index of an earlier column with the same list. */
  rows: Uint32Array | number;
  /** Absent when every old value was blank. */
  old?: DiffValues;
  new: DiffValues;
}

export interface EntryDiff {
  people: string[];
  columns: DiffColumn[];
}

export interface ValueChange {
  readonly personId: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
  readonly old: StoredValue | null;
  readonly new: StoredValue | null;
}

interface OpenColumn {
  readonly column: ColumnKey;
  readonly rows: number[];
  readonly old: (StoredValue | null)[];
  readonly new: (StoredValue | null)[];
}

function pack(values: readonly (StoredValue | null)[]): DiffValues {
  const num = new Float64Array(values.length);
  const other: [number, string | boolean][] = [];
  values.forEach((value, i) => {
    if (typeof value === 'number') num[i] = value;
    else {
      num[i] = Number.NaN;
      if (!isBlank(value)) other.push([i, value]);
    }
  });
  return other.length > 0 ? { num, other } : { num };
}

function sameRows(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Collects changes (old → new) and packs them into an EntryDiff. */
export class DiffBuilder {
  private readonly people: string[] = [];
  private readonly personIndex = new Map<string, number>();
  private readonly columns = new Map<string, OpenColumn>();
  count = 0;

  add(personId: string, column: ColumnKey, old: StoredValue | null, value: StoredValue | null): void {
    this.column(column).add(personId, old, value);
  }

  /** A column to add many changes to without looking it up each time (imports). */
  column(column: ColumnKey): { add(personId: string, old: StoredValue | null, value: StoredValue | null): void } {
    const id = columnId(column);
    let open = this.columns.get(id);
    if (!open) {
      open = { column: { key: column.key, role: column.role, rater: column.rater }, rows: [], old: [], new: [] };
      this.columns.set(id, open);
    }
    const target = open;
    return {
      add: (personId, old, value) => {
        let person = this.personIndex.get(personId);
        if (person === undefined) {
          person = this.people.length;
          this.people.push(personId);
          this.personIndex.set(personId, person);
        }
        target.rows.push(person);
        target.old.push(isBlank(old) ? null : old);
        target.new.push(isBlank(value) ? null : value);
        this.count++;
      },
    };
  }

  build(): EntryDiff {
    const columns: DiffColumn[] = [];
    const open = [...this.columns.values()];
    open.forEach((current, index) => {
      const shared = open.findIndex((earlier, i) => i < index && typeof columns[i]!.rows !== 'number' && sameRows(earlier.rows, current.rows));
      const column: DiffColumn = {
        key: current.column.key,
        role: current.column.role,
        rater: current.column.rater,
        rows: shared >= 0 ? shared : Uint32Array.from(current.rows),
        new: pack(current.new),
      };
      if (current.old.some((value) => value !== null)) column.old = pack(current.old);
      columns.push(column);
    });
    return { people: [...this.people], columns };
  }
}

function valueAt(values: DiffValues | undefined, position: number, other: Map<number, string | boolean> | undefined): StoredValue | null {
  if (!values) return null;
  const n = values.num[position]!;
  if (n === n) return n;
  return other?.get(position) ?? null;
}

export function rowsOf(diff: EntryDiff, column: DiffColumn): Uint32Array {
  let rows = column.rows;
  // A reference always points to an earlier column holding its own list.
  if (typeof rows === 'number') rows = diff.columns[rows]!.rows;
  return typeof rows === 'number' ? new Uint32Array(0) : rows;
}

export function diffSize(diff: EntryDiff): number {
  return diff.columns.reduce((n, column) => n + rowsOf(diff, column).length, 0);
}

/** Every change in the diff, column by column. */
export function forEachChange(diff: EntryDiff, visit: (change: ValueChange) => void): void {
  for (const column of diff.columns) {
    const rows = rowsOf(diff, column);
    const oldOther = column.old?.other ? new Map(column.old.other) : undefined;
    const newOther = column.new.other ? new Map(column.new.other) : undefined;
    for (let i = 0; i < rows.length; i++) {
      visit({
        personId: diff.people[rows[i]!]!,
        key: column.key,
        role: column.role,
        rater: column.rater,
        old: valueAt(column.old, i, oldOther),
        new: valueAt(column.new, i, newOther),
      });
    }
  }
}

/** The change of one cell in the diff, or undefined when the action did not touch it. */
export function findChange(diff: EntryDiff, personId: string, column: ColumnKey): ValueChange | undefined {
  const person = diff.people.indexOf(personId);
  if (person < 0) return undefined;
  for (const candidate of diff.columns) {
    if (candidate.key !== column.key || candidate.role !== column.role || candidate.rater !== column.rater) continue;
    const rows = rowsOf(diff, candidate);
    const i = rows.indexOf(person);
    if (i < 0) continue;
    const oldOther = candidate.old?.other ? new Map(candidate.old.other) : undefined;
    const newOther = candidate.new.other ? new Map(candidate.new.other) : undefined;
    return { personId, key: column.key, role: column.role, rater: column.rater, old: valueAt(candidate.old, i, oldOther), new: valueAt(candidate.new, i, newOther) };
  }
  return undefined;
}

/** The audit index entry for one column of one period (`AuditRecord.columns`). */
export function auditColumnId(periodId: string, column: ColumnKey): string {
  return `${periodId}|${column.key}|${column.role}|${column.rater}`;
}

export function diffColumnIds(periodId: string, diff: EntryDiff): string[] {
  return [...new Set(diff.columns.map((column) => auditColumnId(periodId, column)))];
}
