// Turning the one-record-per-value layout (schema v1–v5, backup files of version 1) into value
// blocks and one audit record per action. Used by the v6 migration and by restoring an old
// backup file, so both read old data the same way. Pure: records in, records out.
import { TEAM_PERSON_ID } from '../scoring/model';
import type { AuditRecord, EntryRecord, PersonRecord } from './records';
import { DiffBuilder, diffColumnIds } from './entry-diff';
import { BLOCK_SIZE, blockOf, columnId, isBlank, OpenBlock, parseColumnId, type StoredValue, type ValueBlockRecord } from './value-blocks';

/** Give people without a number one, oldest first, per workspace (numbers start at 1). */
export function numberPeople<T extends Omit<PersonRecord, 'seq'> & { seq?: number }>(people: readonly T[]): (T & { seq: number })[] {
  const next = new Map<string, number>();
  for (const person of people) {
    if (typeof person.seq === 'number') next.set(person.workspaceId, Math.max(next.get(person.workspaceId) ?? 1, person.seq + 1));
  }
  const order = [...people].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const numbered = new Map<T, number>();
  for (const person of order) {
    if (typeof person.seq === 'number') continue;
    const seq = next.get(person.workspaceId) ?? 1;
    numbered.set(person, seq);
    next.set(person.workspaceId, seq + 1);
  }
  return people.map((person) => ({ ...person, seq: person.seq ?? numbered.get(person)! }));
}

/** Person id → number; the team's own values are number 0. */
export function personNumbers(people: readonly Pick<PersonRecord, 'id' | 'seq'>[]): Map<string, number> {
  const map = new Map(people.map((p) => [p.id, p.seq]));
  map.set(TEAM_PERSON_ID, 0);
  return map;
}

/**
 * Value records of one period → blocks. Entries of people not in `numbers` are reported (the old
 * layout could hold values of a deleted person), never silently dropped.
 */
export function entriesToBlocks(
  entries: readonly Pick<EntryRecord, 'periodId' | 'personId' | 'key' | 'role' | 'rater' | 'workspaceId' | 'value' | 'note' | 'updatedAt'>[],
  numbers: ReadonlyMap<string, number>,
): { blocks: ValueBlockRecord[]; values: Map<string, number>; orphans: number } {
  const open = new Map<string, { block: OpenBlock; periodId: string; workspaceId: string; column: string; index: number; updatedAt: number }>();
  const values = new Map<string, number>();
  let orphans = 0;
  for (const entry of entries) {
    const seq = numbers.get(entry.personId);
    if (seq === undefined) {
      orphans++;
      continue;
    }
    const blank = isBlank(entry.value as StoredValue | null);
    if (blank && !entry.note) continue;
    const column = columnId({ key: entry.key, role: entry.role, rater: entry.rater });
    const index = blockOf(seq);
    const id = `${entry.periodId}\u0002${column}\u0002${index}`;
    let slot = open.get(id);
    if (!slot) {
      slot = { block: new OpenBlock(), periodId: entry.periodId, workspaceId: entry.workspaceId, column, index, updatedAt: 0 };
      open.set(id, slot);
    }
    const offset = seq - index * BLOCK_SIZE;
    if (!blank) {
      slot.block.set(offset, entry.value as StoredValue);
      values.set(entry.periodId, (values.get(entry.periodId) ?? 0) + 1);
    }
    if (entry.note) slot.block.notes.set(offset, entry.note);
    slot.updatedAt = Math.max(slot.updatedAt, entry.updatedAt);
  }
  const blocks: ValueBlockRecord[] = [];
  for (const slot of open.values()) {
    const record = slot.block.toRecord(slot.periodId, parseColumnId(slot.column), slot.index, slot.workspaceId, slot.updatedAt);
    if (record) blocks.push(record);
  }
  return { blocks, values, orphans };
}

/** How schema v1–v5 wrote one value's audit record: entity `entry`, id `period|person|key|role|rater`. */
export interface LegacyEntryAudit {
  seq?: number;
  workspaceId: string;
  at: number;
  entity: 'entry';
  entityId: string;
  action: string;
  field: string;
  old: unknown;
  new: unknown;
}

function isLegacyEntry(record: { entity: string }): record is LegacyEntryAudit {
  return record.entity === 'entry';
}

function scalar(value: unknown): StoredValue | null {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null;
}

/**
 * The old audit log (oldest first) with its per-value records grouped into one record per
 * action: consecutive records of one workspace, period, time and action were written by one
 * transaction (a paste, an import). Other records pass through unchanged, in order.
 */
export function groupLegacyAudit(records: readonly (Omit<AuditRecord, 'entity' | 'action'> & { entity: string; action: string })[]): Omit<AuditRecord, 'seq'>[] {
  const out: Omit<AuditRecord, 'seq'>[] = [];
  let group: { key: string; periodId: string; record: LegacyEntryAudit; builder: DiffBuilder; cells: Set<string> } | undefined;
  const flush = () => {
    if (!group) return;
    const diff = group.builder.build();
    out.push({
      workspaceId: group.record.workspaceId,
      at: group.record.at,
      entity: 'entries',
      entityId: group.periodId,
      action: group.record.action === 'import' ? 'import' : 'update',
      field: 'values',
      old: null,
      new: group.builder.count,
      diff,
      columns: diffColumnIds(group.periodId, diff),
    });
    group = undefined;
  };
  for (const record of records) {
    if (!isLegacyEntry(record)) {
      flush();
      const { seq: _seq, ...rest } = record;
      out.push(rest as Omit<AuditRecord, 'seq'>);
      continue;
    }
    const parts = record.entityId.split('|');
    if (parts.length < 5) continue;
    const [periodId, personId, key, role] = parts as [string, string, string, string];
    const rater = parts.slice(4).join('|');
    const groupKey = `${record.workspaceId}\u0001${periodId}\u0001${record.at}\u0001${record.action}`;
    // A cell seen twice belongs to two actions that happened in the same millisecond.
    if (group?.key !== groupKey || group.cells.has(record.entityId)) {
      flush();
      group = { key: groupKey, periodId, record, builder: new DiffBuilder(), cells: new Set() };
    }
    group.cells.add(record.entityId);
    group.builder.add(personId, { key, role: role as ValueBlockRecord['role'], rater }, scalar(record.old), scalar(record.new));
  }
  flush();
  return out;
}
