// A change feed over the audit log: every write is audited in its own transaction, so "what
// changed since seq N" tells an open sheet what another tab (or this one) wrote, without
// re-reading a 10,000-person period on every keystroke. Observe `changesSince` live. A write of
// values is one record whatever its size (its diff), so the feed stays short after an import.
import { getDb } from './db';
import type { AuditRecord } from './records';
import { diffSize, forEachChange, type ValueChange } from './entry-diff';
export type { ValueChange } from './entry-diff';

/** The newest audit sequence number, or 0 for an empty log. */
export async function latestChangeSeq(): Promise<number> {
  const last = await getDb().auditLog.orderBy(':id').last();
  return last?.seq ?? 0;
}

export interface Changes {
  /** The workspace's records, oldest first. */
  readonly records: AuditRecord[];
  /** The last sequence number looked at (of any workspace): ask for what comes after it next. */
  readonly lastSeq: number;
}

/** Audit records of a workspace written after `afterSeq` (looking at most `limit` records). */
export async function changesSince(workspaceId: string, afterSeq: number, limit = 5000): Promise<Changes> {
  const records = await getDb().auditLog.where(':id').above(afterSeq).limit(limit).toArray();
  const lastSeq = records.length > 0 ? (records[records.length - 1]!.seq ?? afterSeq) : afterSeq;
  return { records: records.filter((record) => record.workspaceId === workspaceId), lastSeq };
}

/** The values an `entries` audit record changed, one by one (for applying another tab's edit). */
export function valueChangesOf(record: AuditRecord): ValueChange[] {
  const out: ValueChange[] = [];
  if (record.diff) forEachChange(record.diff, (change) => out.push(change));
  return out;
}

/** Values an `entries` audit record changed (without unpacking them). */
export function valueChangeCount(record: AuditRecord): number {
  return record.diff ? diffSize(record.diff) : 0;
}
