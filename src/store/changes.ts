// A change feed over the audit log: every write is audited in its own transaction, so "what
// changed since seq N" tells an open sheet what another tab (or this one) wrote, without
// re-reading a 10,000-person period on every keystroke. Observe `changesSince` live.
import { getDb } from './db';
import type { AuditRecord } from './records';
import { RATER_ROLES, type RaterRole } from '../scoring/model';

/** The newest audit sequence number, or 0 for an empty log. */
export async function latestChangeSeq(): Promise<number> {
  const last = await getDb().audit.orderBy(':id').last();
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
  const records = await getDb().audit.where(':id').above(afterSeq).limit(limit).toArray();
  const lastSeq = records.length > 0 ? (records[records.length - 1]!.seq ?? afterSeq) : afterSeq;
  return { records: records.filter((record) => record.workspaceId === workspaceId), lastSeq };
}

export interface EntryAuditKey {
  readonly periodId: string;
  readonly personId: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
}

function isRole(value: string): value is RaterRole {
  return (RATER_ROLES as readonly string[]).includes(value);
}

/** The parts of an entry's audit id (`entryAuditId`), or null if it is not one. */
export function parseEntryAuditId(entityId: string): EntryAuditKey | null {
  const parts = entityId.split('|');
  if (parts.length < 5) return null;
  const [periodId, personId, key, role] = parts as [string, string, string, string];
  if (!isRole(role)) return null;
  return { periodId, personId, key, role, rater: parts.slice(4).join('|') };
}
