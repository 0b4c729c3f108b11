// A whole workspace as one JSON value: downloaded as a backup file, and kept as rolling automatic
// backups inside the database (browsers may evict site data; these help after a bad import or reset).
import { getDb } from './db';
import type {
  AuditRecord,
  EntryRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  WorkspaceRecord,
  BackupRecord,
} from './records';

export const BACKUP_FORMAT = 'kaohe-workspace';
export const BACKUP_VERSION = 1;
/** Automatic backups kept per workspace; older ones are dropped. */
export const AUTOMATIC_BACKUPS_KEPT = 7;

export interface WorkspaceBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  workspace: WorkspaceRecord;
  templates: TemplateRecord[];
  teams: TeamRecord[];
  people: PersonRecord[];
  periods: PeriodRecord[];
  entries: EntryRecord[];
  statuses: StatusRecord[];
  remarks: RemarkRecord[];
  audit: AuditRecord[];
}

export async function snapshotWorkspace(workspaceId: string): Promise<WorkspaceBackup> {
  const db = getDb();
  return db.transaction('r', [db.workspaces, db.templates, db.teams, db.people, db.periods, db.entries, db.statuses, db.remarks, db.audit], async () => {
    const workspace = await db.workspaces.get(workspaceId);
    if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
    const byWorkspace = <T>(table: { where(index: string): { equals(v: string): { toArray(): Promise<T[]> } } }) =>
      table.where('workspaceId').equals(workspaceId).toArray();
    const [templates, teams, people, periods, entries, statuses, remarks, audit] = await Promise.all([
      byWorkspace<TemplateRecord>(db.templates),
      byWorkspace<TeamRecord>(db.teams),
      byWorkspace<PersonRecord>(db.people),
      byWorkspace<PeriodRecord>(db.periods),
      byWorkspace<EntryRecord>(db.entries),
      byWorkspace<StatusRecord>(db.statuses),
      byWorkspace<RemarkRecord>(db.remarks),
      byWorkspace<AuditRecord>(db.audit),
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
