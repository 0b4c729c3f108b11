// Entered values. A period's values live in blocks (value-blocks.ts); every write checks the
// period lock, rewrites only the blocks it touches and records what it changed as ONE audit
// record (entry-diff.ts), all in one transaction: a paste or an import applies completely or not
// at all, and can be followed (progress) and cancelled until it commits.
import { getDb } from './db';
import type { EntryAction, PeriodRecord, RemarkRecord } from './records';
import { TEAM_PERSON_ID, type RaterRole } from '../scoring/model';
import type { SheetEntry } from '../scoring/sheet-types';
import { writeAudit } from './audit';
import { peopleOf } from './roster-cache';
import { StoreError } from './errors';
import { DiffBuilder, auditColumnId, diffColumnIds, findChange } from './entry-diff';
import { BLOCK_SIZE, blockKey, blockOf, columnId, forEachValue, isBlank, OpenBlock, type ColumnKey, type StoredValue, type ValueBlockKey, type ValueBlockRecord } from './value-blocks';

export type EntryValue = StoredValue | null;

export interface EntryChange {
  personId: string;
  key: string;
  role: RaterRole;
  rater?: string;
  /** `null` (or '') clears the cell. */
  value: EntryValue;
}

/** One value as stored, for reading a period value by value (tests, exports of raw values). */
export interface StoredEntry {
  readonly periodId: string;
  readonly personId: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
  readonly value: StoredValue;
  readonly note: string;
}

export interface WriteProgress {
  /** Values written so far (including unchanged ones looked at). */
  readonly done: number;
  readonly total: number;
  /** People whose values are all written, of the people the write touches. */
  readonly rows: number;
  readonly totalRows: number;
}

export interface WriteOptions {
  /** What the person did, for the audit log (default `update`: typed). */
  readonly action?: EntryAction;
  /** The open sheet that wrote it (AuditRecord.origin). */
  readonly origin?: string;
  /** Who made the change, as typed (AuditRecord.by). */
  readonly by?: string;
  /** What the change settles: the appeal's id (AuditRecord.link). */
  readonly link?: string;
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Cancels the write (and its transaction) while it runs: nothing is stored. */
  readonly signal?: AbortSignal;
}

/** Values read and written per request inside one transaction (progress is reported after each). */
const VALUES_PER_REQUEST = 40_000;

/** The key range of a period's blocks: every [periodId, …] sorts after [periodId] and before [periodId, []]. */
function periodRange(periodId: string): [[string], [string, never[]]] {
  return [[periodId], [periodId, []]];
}

export async function valueBlocksOf(periodId: string): Promise<ValueBlockRecord[]> {
  const [from, to] = periodRange(periodId);
  return getDb().valueBlocks.where(':id').between(from, to, true, false).toArray();
}

/** Person number → id for a workspace (archived people included; 0 is the team). */
export async function personIdsByNumber(workspaceId: string): Promise<Map<number, string>> {
  const people = await peopleOf(workspaceId);
  const map = new Map(people.map((p) => [p.seq, p.id]));
  map.set(0, TEAM_PERSON_ID);
  return map;
}

/** A period's values as scoring takes them. Values of people no longer in the workspace are left out. */
export function blocksToEntries(blocks: readonly ValueBlockRecord[], idOf: ReadonlyMap<number, string>): SheetEntry[] {
  const out: SheetEntry[] = [];
  // Person ids by offset, once per block number (all columns of a period share them).
  const idsOfBlock = new Map<number, (string | undefined)[]>();
  for (const block of blocks) {
    let ids = idsOfBlock.get(block.block);
    if (!ids) {
      const base = block.block * BLOCK_SIZE;
      ids = Array.from({ length: BLOCK_SIZE }, (_, offset) => idOf.get(base + offset));
      idsOfBlock.set(block.block, ids);
    }
    const { key, role, rater, at, num } = block;
    const other = block.other && block.other.length > 0 ? new Map(block.other) : undefined;
    for (let i = 0; i < at.length; i++) {
      const personId = ids[at[i]!];
      if (personId === undefined) continue;
      const n = num[i]!;
      const value = n === n ? n : other?.get(at[i]!);
      if (value === undefined) continue;
      out.push(rater ? { personId, key, role, rater, value } : { personId, key, role, value });
    }
  }
  return out;
}

/** Every value of a period, one by one, with its note. */
export async function listEntries(periodId: string): Promise<StoredEntry[]> {
  const period = await getDb().periods.get(periodId);
  if (!period) return [];
  const [blocks, idOf] = await Promise.all([valueBlocksOf(periodId), personIdsByNumber(period.workspaceId)]);
  const out: StoredEntry[] = [];
  for (const block of blocks) {
    const notes = new Map(block.notes ?? []);
    forEachValue(block, (offset, value) => {
      const personId = idOf.get(block.block * BLOCK_SIZE + offset);
      if (personId !== undefined) out.push({ periodId, personId, key: block.key, role: block.role, rater: block.rater, value, note: notes.get(offset) ?? '' });
    });
  }
  return out;
}

/** Apply changes to one period in one transaction. Throws StoreError('locked') on a locked period. */
export async function setEntries(periodId: string, changes: readonly EntryChange[], options: WriteOptions = {}): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.periods, db.people, db.valueBlocks, db.auditLog], () => writeEntries(periodId, changes, options));
}

/** The values of one write that land in one block of one column, in the order they were given. */
export interface BlockWrite {
  readonly column: ColumnKey;
  readonly block: number;
  readonly offsets: number[];
  readonly personIds: string[];
  readonly values: EntryValue[];
}

/**
 * The values one write sets, grouped by the block they land in. People are placed by their
 * number; `storeValues` stores the groups (a later value for the same cell wins, and both
 * changes are audited).
 */
export class ValueWrite {
  private readonly groups = new Map<string, BlockWrite>();
  size = 0;

  /** The group for one column and block; callers writing many values keep it (imports). */
  group(column: ColumnKey, block: number): BlockWrite {
    const id = `${String(block).padStart(8, '0')}\u0002${columnId(column)}`;
    let group = this.groups.get(id);
    if (!group) {
      group = { column, block, offsets: [], personIds: [], values: [] };
      this.groups.set(id, group);
    }
    return group;
  }

  push(group: BlockWrite, personId: string, personNo: number, value: EntryValue): void {
    group.offsets.push(personNo - group.block * BLOCK_SIZE);
    group.personIds.push(personId);
    group.values.push(isBlank(value) ? null : value);
    this.size++;
  }

  add(personId: string, personNo: number, column: ColumnKey, value: EntryValue): void {
    this.push(this.group(column, blockOf(personNo)), personId, personNo, value);
  }

  /** Groups in block order, then column order. */
  sorted(): BlockWrite[] {
    return [...this.groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, group]) => group);
  }

  /**
   * People touched in a block, for progress: the most values any one column of the block gets (an
   * import gives every column of a row; counting distinct people would cost a set insert a value).
   */
  peopleIn(block: number): number {
    let most = 0;
    for (const group of this.groups.values()) if (group.block === block) most = Math.max(most, group.offsets.length);
    return most;
  }

  get rows(): number {
    const blocks = new Set([...this.groups.values()].map((group) => group.block));
    let n = 0;
    for (const block of blocks) n += this.peopleIn(block);
    return n;
  }
}

/** Person numbers of the people named in `changes` (all must belong to the period's workspace). */
async function numbersOf(period: PeriodRecord, personIds: Iterable<string>): Promise<Map<string, number>> {
  const ids = [...new Set(personIds)].filter((id) => id !== TEAM_PERSON_ID);
  const people = await getDb().people.bulkGet(ids);
  const map = new Map<string, number>([[TEAM_PERSON_ID, 0]]);
  people.forEach((person, i) => {
    if (!person || person.workspaceId !== period.workspaceId) throw new StoreError('missing', `person ${ids[i]} is not in this workspace`);
    map.set(person.id, person.seq);
  });
  return map;
}

export async function openPeriodForWrite(periodId: string): Promise<PeriodRecord> {
  const period = await getDb().periods.get(periodId);
  if (!period) throw new StoreError('missing', `period ${periodId} not found`);
  if (period.locked) throw new StoreError('locked', `period ${period.key} is locked`);
  return period;
}

/**
 * The one audited way values are written. Call inside an open rw transaction over `periods`,
 * `people`, `valueBlocks` and `auditLog` (setEntries, sheet edits and imports all do). Returns
 * the number of values that changed (unchanged values are neither rewritten nor audited).
 */
export async function writeEntries(periodId: string, changes: readonly EntryChange[], options: WriteOptions = {}): Promise<number> {
  const period = await openPeriodForWrite(periodId);
  const numbers = await numbersOf(period, changes.map((c) => c.personId));
  const write = new ValueWrite();
  for (const change of changes) write.add(change.personId, numbers.get(change.personId)!, { key: change.key, role: change.role, rater: change.rater ?? '' }, change.value);
  return storeValues(period, write, options);
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The write was cancelled', 'AbortError');
}

/** Store a prepared write (inside the caller's transaction; see writeEntries). */
export async function storeValues(period: PeriodRecord, write: ValueWrite, options: WriteOptions = {}): Promise<number> {
  const db = getDb();
  const now = Date.now();
  const diff = new DiffBuilder();
  const groups = write.sorted();
  const totalRows = write.rows;
  let delta = 0;
  let done = 0;
  let rows = 0;
  let start = 0;
  while (start < groups.length) {
    cancelled(options.signal);
    // A request's worth of groups: at least one, about VALUES_PER_REQUEST values.
    let end = start + 1;
    let size = groups[start]!.values.length;
    while (end < groups.length && size + groups[end]!.values.length <= VALUES_PER_REQUEST) size += groups[end++]!.values.length;
    const slice = groups.slice(start, end);
    const keys: ValueBlockKey[] = slice.map((group) => blockKey(period.id, group.column, group.block));
    const before = await db.valueBlocks.bulkGet(keys);
    const puts: ValueBlockRecord[] = [];
    const deletes: ValueBlockKey[] = [];
    slice.forEach((group, i) => {
      const block = OpenBlock.of(before[i]);
      const audit = diff.column(group.column);
      let changed = false;
      const { offsets, personIds, values } = group;
      for (let j = 0; j < offsets.length; j++) {
        const value = values[j]!;
        const old = block.set(offsets[j]!, value);
        if (old === value) continue;
        changed = true;
        delta += (value === null ? 0 : 1) - (old === null ? 0 : 1);
        audit.add(personIds[j]!, old, value);
      }
      done += offsets.length;
      if (!changed) return;
      const record = block.toRecord(period.id, group.column, group.block, period.workspaceId, now);
      if (record) puts.push(record);
      else if (before[i]) deletes.push(keys[i]!);
    });
    if (puts.length) await db.valueBlocks.bulkPut(puts);
    if (deletes.length) await db.valueBlocks.bulkDelete(deletes);
    // A block's people are all written once its last column group is.
    const next = groups[end];
    for (const block of new Set(slice.map((g) => g.block))) if (!next || next.block !== block) rows += write.peopleIn(block);
    // Within a block, rows are counted by the share of its values written so far.
    const partial = next && slice.at(-1)!.block === next.block ? Math.floor(write.peopleIn(next.block) * (done / write.size)) : 0;
    options.onProgress?.({ done, total: write.size, rows: Math.min(rows + partial, totalRows), totalRows });
    start = end;
  }
  cancelled(options.signal);
  if (diff.count === 0) return 0;
  const values = Math.max(0, (period.values ?? 0) + delta);
  await db.periods.update(period.id, { values });
  period.values = values;
  const packed = diff.build();
  await writeAudit({
    workspaceId: period.workspaceId,
    entity: 'entries',
    entityId: period.id,
    action: options.action ?? 'update',
    field: 'values',
    old: null,
    new: diff.count,
    diff: packed,
    columns: diffColumnIds(period.id, packed),
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.by ? { by: options.by } : {}),
    ...(options.link ? { link: options.link } : {}),
  });
  return diff.count;
}

export interface ValueHistoryItem {
  readonly seq: number;
  readonly at: number;
  readonly action: EntryAction;
  readonly old: StoredValue | null;
  readonly new: StoredValue | null;
}

/** Who changed this: every recorded change of one value, oldest first. */
export async function valueHistory(periodId: string, personId: string, column: { key: string; role: RaterRole; rater?: string }): Promise<ValueHistoryItem[]> {
  const full: ColumnKey = { key: column.key, role: column.role, rater: column.rater ?? '' };
  const records = await getDb().auditLog.where('columns').equals(auditColumnId(periodId, full)).toArray();
  records.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const out: ValueHistoryItem[] = [];
  for (const record of records) {
    if (!record.diff) continue;
    const change = findChange(record.diff, personId, full);
    if (change) out.push({ seq: record.seq ?? 0, at: record.at, action: record.action as EntryAction, old: change.old, new: change.new });
  }
  return out;
}

export async function listRemarks(periodId: string): Promise<RemarkRecord[]> {
  return getDb().remarks.where('periodId').equals(periodId).toArray();
}

/** Call inside an rw transaction over `periods`, `remarks`, `auditLog`. */
export async function writeRemark(period: PeriodRecord, personId: string, text: string, origin?: string): Promise<void> {
  const db = getDb();
  const before = await db.remarks.get([period.id, personId]);
  const old = before?.text ?? '';
  if (old === text) return;
  if (text === '') await db.remarks.delete([period.id, personId]);
  else await db.remarks.put({ periodId: period.id, personId, workspaceId: period.workspaceId, text, updatedAt: Date.now() });
  await writeAudit({ workspaceId: period.workspaceId, entity: 'remark', entityId: `${period.id}|${personId}`, action: 'update', field: 'text', old, new: text, ...(origin ? { origin } : {}) });
}

export async function setRemark(periodId: string, personId: string, text: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.periods, db.remarks, db.auditLog, async () => {
    const period = await openPeriodForWrite(periodId);
    await writeRemark(period, personId, text);
  });
}
