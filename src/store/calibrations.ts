// Calibration: the workspace's target grade distribution (kept in settings, one key per
// workspace) and the calibrated grades of a period (one per person, with the reason). Every change
// is written to the audit log in the same transaction; a locked period refuses calibration.
import { getDb } from './db';
import type { AuditRecord, CalibrationRecord } from './records';
import { writeAudit } from './audit';
import { StoreError } from './errors';
import { restoreTarget, type DistributionTarget } from '../scoring/calibration';

const TARGET_KEY_PREFIX = 'calibrationTarget:';

export function calibrationTargetKey(workspaceId: string): string {
  return `${TARGET_KEY_PREFIX}${workspaceId}`;
}

export function calibrationAuditId(periodId: string, personId: string): string {
  return `${periodId}|${personId}`;
}

/** The workspace's target distribution, or null when none is set (or what is stored is unreadable). */
export async function getCalibrationTarget(workspaceId: string): Promise<DistributionTarget | null> {
  const setting = await getDb().settings.get(calibrationTargetKey(workspaceId));
  return setting ? restoreTarget(setting.value) : null;
}

/** Set or (with null) clear the target; audited. */
export async function setCalibrationTarget(workspaceId: string, target: DistributionTarget | null): Promise<void> {
  const db = getDb();
  const key = calibrationTargetKey(workspaceId);
  await db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = await db.settings.get(key);
    const old = before ? restoreTarget(before.value) : null;
    if (JSON.stringify(old) === JSON.stringify(target)) return;
    if (target === null) await db.settings.delete(key);
    else await db.settings.put({ key, value: target });
    await writeAudit({ workspaceId, entity: 'calibration', entityId: `target:${workspaceId}`, action: 'update', field: 'target', old, new: target });
  });
}

export async function listCalibrations(periodId: string): Promise<CalibrationRecord[]> {
  return getDb().calibrations.where('periodId').equals(periodId).toArray();
}

export interface CalibrationChange {
  readonly grade: string;
  /** The grade scoring gives the person now, kept with the record and in the audit log. */
  readonly computedGrade: string | null;
  readonly reason: string;
}

/**
 * Record a calibrated grade. The reason is required (the audit trail must say why). Two audit rows
 * in one transaction: the grade (old → new; old is the previous calibrated grade, or the computed
 * one) and the reason.
 */
export async function setCalibration(periodId: string, personId: string, change: CalibrationChange): Promise<void> {
  const reason = change.reason.trim();
  if (reason === '') throw new Error('a calibration needs a reason');
  const db = getDb();
  await db.transaction('rw', db.periods, db.calibrations, db.auditLog, async () => {
    const period = await db.periods.get(periodId);
    if (!period) throw new StoreError('missing', `period ${periodId} not found`);
    if (period.locked) throw new StoreError('locked', `period ${period.key} is locked`);
    const before = await db.calibrations.get([periodId, personId]);
    if (before && before.grade === change.grade && before.reason === reason) return;
    await db.calibrations.put({
      periodId,
      personId,
      workspaceId: period.workspaceId,
      grade: change.grade,
      computedGrade: change.computedGrade,
      reason,
      updatedAt: Date.now(),
    });
    const entityId = calibrationAuditId(periodId, personId);
    await writeAudit([
      { workspaceId: period.workspaceId, entity: 'calibration', entityId, action: 'calibrate', field: 'grade', old: before?.grade ?? change.computedGrade, new: change.grade },
      { workspaceId: period.workspaceId, entity: 'calibration', entityId, action: 'calibrate', field: 'reason', old: before?.reason ?? '', new: reason },
    ]);
  });
}

/** Undo a calibration: the computed grade counts again. Audited (old calibrated grade → null). */
export async function clearCalibration(periodId: string, personId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.periods, db.calibrations, db.auditLog, async () => {
    const period = await db.periods.get(periodId);
    if (!period) throw new StoreError('missing', `period ${periodId} not found`);
    if (period.locked) throw new StoreError('locked', `period ${period.key} is locked`);
    const before = await db.calibrations.get([periodId, personId]);
    if (!before) return;
    await db.calibrations.delete([periodId, personId]);
    await writeAudit({
      workspaceId: period.workspaceId,
      entity: 'calibration',
      entityId: calibrationAuditId(periodId, personId),
      action: 'delete',
      field: 'grade',
      old: before.grade,
      new: null,
    });
  });
}

export interface CalibrationLogEntry {
  readonly seq: number;
  readonly at: number;
  readonly personId: string;
  /** Grade before (calibrated or computed); null if unknown. */
  readonly old: string | null;
  /** Grade after; null when the calibration was undone (the computed grade applies). */
  readonly new: string | null;
  /** The reason written with the change; '' for an undo. */
  readonly reason: string;
}

function gradeText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A period's calibrations as the audit log has them, newest first. */
export async function listCalibrationLog(periodId: string): Promise<CalibrationLogEntry[]> {
  const prefix = `${periodId}|`;
  const rows: AuditRecord[] = await getDb()
    .auditLog.where('[entity+entityId]')
    .between(['calibration', prefix], ['calibration', `${prefix}\uffff`])
    .toArray();
  rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const entries: CalibrationLogEntry[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.field !== 'grade') continue;
    // The reason row is written right after its grade row, in the same transaction.
    const next = rows[i + 1];
    const reason = next && next.field === 'reason' && next.entityId === row.entityId && typeof next.new === 'string' ? next.new : '';
    entries.push({ seq: row.seq ?? 0, at: row.at, personId: row.entityId.slice(prefix.length), old: gradeText(row.old), new: gradeText(row.new), reason });
  }
  return entries.reverse();
}
