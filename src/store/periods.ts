// Periods (2026年11月, 2026-W47 …), their lock, and per-person status in a period.
import { getDb } from './db';
import { newId } from './ids';
import type { PeriodRecord, StatusRecord } from './records';
import type { PeriodKind, PersonStatus } from '../scoring/model';
import { writeAudit } from './audit';
import { StoreError } from './errors';

export async function listPeriods(workspaceId: string): Promise<PeriodRecord[]> {
  const periods = await getDb().periods.where('workspaceId').equals(workspaceId).toArray();
  return periods.sort((a, b) => b.key.localeCompare(a.key) || a.kind.localeCompare(b.kind));
}

export async function getPeriod(id: string): Promise<PeriodRecord | undefined> {
  return getDb().periods.get(id);
}

export interface NewPeriod {
  kind: PeriodKind;
  key: string;
  templateId: string;
  teamId?: string;
}

export async function createPeriod(workspaceId: string, period: NewPeriod): Promise<PeriodRecord> {
  const db = getDb();
  const record: PeriodRecord = {
    id: newId(),
    workspaceId,
    kind: period.kind,
    key: period.key,
    templateId: period.templateId,
    teamId: period.teamId ?? '',
    locked: 0,
    createdAt: Date.now(),
    values: 0,
  };
  await db.transaction('rw', db.periods, db.auditLog, async () => {
    await db.periods.add(record);
    await writeAudit({ workspaceId, entity: 'period', entityId: record.id, action: 'create', field: 'key', old: null, new: record.key });
  });
  return record;
}

/**
 * Lock or unlock a period; both are recorded in the audit log. A period with an appeal nobody has
 * settled cannot be locked (StoreError `appealOpen`): its values may still change.
 */
export async function setPeriodLocked(id: string, locked: boolean): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.periods, db.reviews, db.auditLog, async () => {
    const before = await db.periods.get(id);
    if (!before) return;
    const value = locked ? 1 : 0;
    if (before.locked === value) return;
    if (locked) {
      const reviews = await db.reviews.where('periodId').equals(id).toArray();
      const open = reviews.filter((review) => review.appeals.some((appeal) => appeal.resolution === null)).length;
      if (open > 0) throw new StoreError('appealOpen', `period ${before.key} has ${open} open appeal(s)`);
    }
    await db.periods.update(id, { locked: value });
    await writeAudit({ workspaceId: before.workspaceId, entity: 'period', entityId: id, action: locked ? 'lock' : 'unlock', field: 'locked', old: before.locked, new: value });
  });
}

export async function listStatuses(periodId: string): Promise<StatusRecord[]> {
  return getDb().statuses.where('periodId').equals(periodId).toArray();
}

export async function setStatus(periodId: string, personId: string, status: PersonStatus): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.periods, db.statuses, db.auditLog, async () => {
    const period = await db.periods.get(periodId);
    if (!period) return;
    await writeStatus(period, personId, status);
  });
}

/** Call inside an rw transaction over `statuses` and `auditLog`. */
export async function writeStatus(period: PeriodRecord, personId: string, status: PersonStatus, origin?: string): Promise<void> {
  const db = getDb();
  const before = await db.statuses.get([period.id, personId]);
  const old = before?.status ?? 'active';
  if (old === status) return;
  if (status === 'active') await db.statuses.delete([period.id, personId]);
  else await db.statuses.put({ periodId: period.id, personId, workspaceId: period.workspaceId, status });
  await writeAudit({ workspaceId: period.workspaceId, entity: 'status', entityId: `${period.id}|${personId}`, action: 'update', field: 'status', old, new: status, ...(origin ? { origin } : {}) });
}

/**
 * Periods of one kind rated with any version of one template family, oldest first: the series
 * cross-period rules look back over (连续3个月排名第一).
 */
export async function listPeriodHistory(workspaceId: string, kind: PeriodKind, familyId: string): Promise<PeriodRecord[]> {
  const periods = await getDb().periods.where('workspaceId').equals(workspaceId).toArray();
  const prefix = `${familyId}@`;
  return periods.filter((p) => p.kind === kind && p.templateId.startsWith(prefix)).sort((a, b) => a.key.localeCompare(b.key) || a.createdAt - b.createdAt);
}
