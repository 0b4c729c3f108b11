// How a period's entered values are kept: one record per period × column (input or indicator ×
// rater role × rater name) × block of 16,384 people, the values packed in typed arrays. A person's
// place in a block comes from their workspace-wide number (PersonRecord.seq); the team's own
// values (TEAM_PERSON_ID) have number 0. Reading a 10,000-person period is one key-range request
// of about a hundred records instead of hundreds of thousands; a value costs about 10 bytes.
// Pure: no database here, so encoding is tested and reused by migration and restore.
import type { RaterRole } from '../scoring/model';

/**
 * People per block. Chromium reads a few large records much faster than many small ones (8 MB of
 * values: ~0.8 s as 800 records of 10 kB, ~0.2 s as 13 of 640 kB, measured in bench/store), so a
 * call centre's column is one record; a typed value rewrites that column (≤ 160 kB), which is
 * still a few milliseconds and happens after the screen has updated.
 */
export const BLOCK_SIZE = 16_384;

/** A stored value; blank (null or '') is never stored. */
export type StoredValue = number | string | boolean;

/** The column a value belongs to. */
export interface ColumnKey {
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
}

export interface ValueBlockRecord {
  periodId: string;
  /** Input id or indicator id. */
  key: string;
  role: RaterRole;
  /** Rater's name; '' when not recorded. */
  rater: string;
  /** floor(person number / BLOCK_SIZE). */
  block: number;
  workspaceId: string;
  /** Offsets in the block (person number − block × BLOCK_SIZE) that hold a value, ascending. */
  at: Uint16Array;
  /** The value at each offset; NaN where the value is not a number (it is in `other`). */
  num: Float64Array;
  /** Values that are not numbers, as [offset, value]. */
  other?: [number, string | boolean][];
  /** Notes kept with values, as [offset, text]. */
  notes?: [number, string][];
  updatedAt: number;
}

export type ValueBlockKey = [string, string, RaterRole, string, number];

export function blockKey(periodId: string, column: ColumnKey, block: number): ValueBlockKey {
  return [periodId, column.key, column.role, column.rater, block];
}

export function blockOf(personNo: number): number {
  return Math.floor(personNo / BLOCK_SIZE);
}

/** A column as one string, for maps (not stored). */
export function columnId(column: ColumnKey): string {
  return `${column.key}\u0001${column.role}\u0001${column.rater}`;
}

export function parseColumnId(id: string): ColumnKey {
  const [key = '', role = 'supervisor', ...rater] = id.split('\u0001');
  return { key, role: role as RaterRole, rater: rater.join('\u0001') };
}

export function isBlank(value: StoredValue | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** Number of values a block holds. */
export function blockSize(record: Pick<ValueBlockRecord, 'at'>): number {
  return record.at.length;
}

/** Call `visit(offset, value)` for every value in the block, in offset order. */
export function forEachValue(record: Pick<ValueBlockRecord, 'at' | 'num' | 'other'>, visit: (offset: number, value: StoredValue) => void): void {
  const other = record.other && record.other.length > 0 ? new Map(record.other) : undefined;
  const { at, num } = record;
  for (let i = 0; i < at.length; i++) {
    const n = num[i]!;
    if (n === n) visit(at[i]!, n);
    else {
      const value = other?.get(at[i]!);
      if (value !== undefined) visit(at[i]!, value);
    }
  }
}

/**
 * A block opened for writing: values and notes by offset. `set` returns the value it replaced
 * (null for blank) so the caller can audit old → new.
 */
export class OpenBlock {
  readonly values: (StoredValue | undefined)[] = new Array<StoredValue | undefined>(BLOCK_SIZE);
  readonly notes = new Map<number, string>();

  static of(record: ValueBlockRecord | undefined): OpenBlock {
    const open = new OpenBlock();
    if (!record) return open;
    forEachValue(record, (offset, value) => {
      open.values[offset] = value;
    });
    for (const [offset, text] of record.notes ?? []) open.notes.set(offset, text);
    return open;
  }

  get(offset: number): StoredValue | null {
    return this.values[offset] ?? null;
  }

  set(offset: number, value: StoredValue | null): StoredValue | null {
    const old = this.values[offset] ?? null;
    this.values[offset] = isBlank(value) ? undefined : value;
    return old;
  }

  /** The record to store, or undefined when the block holds nothing (delete it). */
  toRecord(periodId: string, column: ColumnKey, block: number, workspaceId: string, updatedAt: number): ValueBlockRecord | undefined {
    let count = 0;
    for (let offset = 0; offset < BLOCK_SIZE; offset++) if (this.values[offset] !== undefined) count++;
    const notes = [...this.notes].filter(([, text]) => text !== '').sort((a, b) => a[0] - b[0]);
    if (count === 0 && notes.length === 0) return undefined;
    const at = new Uint16Array(count);
    const num = new Float64Array(count);
    const other: [number, string | boolean][] = [];
    let i = 0;
    for (let offset = 0; offset < BLOCK_SIZE; offset++) {
      const value = this.values[offset];
      if (value === undefined) continue;
      at[i] = offset;
      if (typeof value === 'number') num[i] = value;
      else {
        num[i] = Number.NaN;
        other.push([offset, value]);
      }
      i++;
    }
    return {
      periodId,
      key: column.key,
      role: column.role,
      rater: column.rater,
      block,
      workspaceId,
      at,
      num,
      ...(other.length > 0 ? { other } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      updatedAt,
    };
  }
}
