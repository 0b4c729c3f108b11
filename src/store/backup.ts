// A whole workspace as one JSON value: downloaded as a backup file, and kept as rolling automatic
// backups inside the database (browsers may evict site data; these help after a bad import or reset).
import { getDb } from './db';
import { writeAudit } from './audit';
import { setActiveWorkspaceId } from './workspaces';
import { BACKUP_FORMAT, BACKUP_VERSION, type WorkspaceBackup } from './backup-restore';
import type {
  AuditRecord,
  EntryRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  BackupRecord,
  CalibrationRecord,
} from './records';
import { calibrationTargetKey } from './calibrations';
import { restoreTarget } from '../scoring/calibration';

export { BACKUP_FORMAT, BACKUP_VERSION, restoreWorkspaceBackup, type BackupRestore, type WorkspaceBackup } from './backup-restore';
/** Automatic backups kept per workspace; older ones are dropped. */
export const AUTOMATIC_BACKUPS_KEPT = 7;

export async function snapshotWorkspace(workspaceId: string): Promise<WorkspaceBackup> {
  const db = getDb();
  return db.transaction('r', [db.workspaces, db.templates, db.teams, db.people, db.periods, db.entries, db.statuses, db.remarks, db.audit, db.calibrations, db.settings], async () => {
    const workspace = await db.workspaces.get(workspaceId);
    if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
    const byWorkspace = <T>(table: { where(index: string): { equals(v: string): { toArray(): Promise<T[]> } } }) =>
      table.where('workspaceId').equals(workspaceId).toArray();
    const [templates, teams, people, periods, entries, statuses, remarks, audit, calibrations, target] = await Promise.all([
      byWorkspace<TemplateRecord>(db.templates),
      byWorkspace<TeamRecord>(db.teams),
      byWorkspace<PersonRecord>(db.people),
      byWorkspace<PeriodRecord>(db.periods),
      byWorkspace<EntryRecord>(db.entries),
      byWorkspace<StatusRecord>(db.statuses),
      byWorkspace<RemarkRecord>(db.remarks),
      byWorkspace<AuditRecord>(db.audit),
      byWorkspace<CalibrationRecord>(db.calibrations),
      db.settings.get(calibrationTargetKey(workspaceId)),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      workspace,
      templates,
      teams,
      people,
      periods,
      entries,
      statuses,
      remarks,
      audit,
      calibrations,
      calibrationTarget: target?.value ?? null,
    };
  });
}

/** Keep an automatic backup of a workspace, dropping the oldest beyond the limit. */
export async function keepAutomaticBackup(workspaceId: string, reason: BackupRecord['reason']): Promise<void> {
  const snapshot = await snapshotWorkspace(workspaceId);
  const db = getDb();
  await db.transaction('rw', db.backups, async () => {
    await db.backups.add({ createdAt: Date.now(), reason, workspaceId, data: JSON.stringify(snapshot) });
    const ids = await db.backups.where('workspaceId').equals(workspaceId).primaryKeys();
    const excess = ids.length - AUTOMATIC_BACKUPS_KEPT;
    if (excess > 0) await db.backups.bulkDelete(ids.slice(0, excess));
  });
}

/** At most one daily backup per workspace; call on start. */
export async function keepDailyBackup(workspaceId: string, now = Date.now()): Promise<boolean> {
  const latest = await getDb().backups.where('workspaceId').equals(workspaceId).last();
  if (latest && now - latest.createdAt < 86_400_000) return false;
  await keepAutomaticBackup(workspaceId, 'daily');
  return true;
}

export async function listBackups(workspaceId: string): Promise<Omit<BackupRecord, 'data'>[]> {
  const backups = await getDb().backups.where('workspaceId').equals(workspaceId).reverse().toArray();
  return backups.map(({ data: _data, ...rest }) => rest);
}

/** Every automatic backup kept in this browser (all workspaces), newest first, without the data. */
export async function listAllBackups(): Promise<Omit<BackupRecord, 'data'>[]> {
  const backups = await getDb().backups.orderBy('createdAt').reverse().toArray();
  return backups.map(({ data: _data, ...rest }) => rest);
}

/** The JSON text of one automatic backup, for downloading it as a file. */
export async function getBackupData(id: number): Promise<string | undefined> {
  return (await getDb().backups.get(id))?.data;
}

export interface WorkspaceSummary {
  readonly name: string;
  readonly people: number;
  readonly periods: number;
  readonly entries: number;
  readonly templates: number;
}

/** What a restore would replace, for the question asked before it. */
export async function workspaceSummary(workspaceId: string): Promise<WorkspaceSummary | undefined> {
  const db = getDb();
  return db.transaction('r', [db.workspaces, db.people, db.periods, db.entries, db.templates], async () => {
    const workspace = await db.workspaces.get(workspaceId);
    if (!workspace) return undefined;
    const count = (table: { where(index: string): { equals(v: string): { count(): Promise<number> } } }) => table.where('workspaceId').equals(workspaceId).count();
    const [people, periods, entries, templates] = await Promise.all([count(db.people), count(db.periods), count(db.entries), count(db.templates)]);
    return { name: workspace.name, people, periods, entries, templates };
  });
}

/**
 * Put a restored backup in place of the open workspace (and of any workspace with the backup's
 * id), in one transaction, after keeping an automatic backup of each workspace it replaces. The
 * audit log comes back in its order (numbered anew: the sequence is shared by all workspaces)
 * with one more record saying the workspace was restored. Returns the restored workspace's id.
 * The caller asks the person first.
 */
export async function restoreWorkspace(backup: WorkspaceBackup, replacing?: string): Promise<string> {
  const db = getDb();
  const targets = [...new Set([backup.workspace.id, ...(replacing ? [replacing] : [])])];
  for (const workspaceId of targets) {
    if (await db.workspaces.get(workspaceId)) await keepAutomaticBackup(workspaceId, 'before-restore');
  }
  const tables = [db.workspaces, db.templates, db.teams, db.people, db.periods, db.entries, db.statuses, db.remarks, db.audit, db.calibrations, db.settings];
  await db.transaction('rw', tables, async () => {
    for (const workspaceId of targets) {
      await Promise.all(
        [db.templates, db.teams, db.people, db.periods, db.entries, db.statuses, db.remarks, db.audit, db.calibrations].map((table) => table.where('workspaceId').equals(workspaceId).delete()),
      );
      await db.settings.delete(calibrationTargetKey(workspaceId));
      await db.workspaces.delete(workspaceId);
    }
    await db.workspaces.add(backup.workspace);
    await db.templates.bulkAdd(backup.templates);
    await db.teams.bulkAdd(backup.teams);
    await db.people.bulkAdd(backup.people);
    await db.periods.bulkAdd(backup.periods);
    await db.entries.bulkAdd(backup.entries);
    await db.statuses.bulkAdd(backup.statuses);
    await db.remarks.bulkAdd(backup.remarks);
    await db.calibrations.bulkAdd(backup.calibrations);
    const target = restoreTarget(backup.calibrationTarget);
    if (target) await db.settings.put({ key: calibrationTargetKey(backup.workspace.id), value: target });
    const audit = [...backup.audit].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(({ seq: _seq, ...record }) => record);
    await db.audit.bulkAdd(audit);
    await writeAudit({ workspaceId: backup.workspace.id, entity: 'workspace', entityId: backup.workspace.id, action: 'restore', field: 'backup', old: null, new: backup.exportedAt });
  });
  await setActiveWorkspaceId(backup.workspace.id);
  return backup.workspace.id;
}
