// The backup panel's state: downloading a backup file, checking a chosen file, restoring it after
// the person confirms, and the automatic backups kept in this browser. The work itself runs in
// the backup worker (store/backup-jobs.ts); this class holds what the panel shows.
import { t } from '../../i18n/locale.svelte';
import type { RestoreProblem } from '../../scoring/index';
import { backupJobs, getBackupFile, workspaceSummary, type BackupJobs, type BackupSummary, type WorkspaceSummary } from '../../store/index';
import { saveFile } from './download';
import { backupFileName } from './backup-names';

export { fileSize } from './backup-names';

export interface PendingRestore {
  readonly token: number;
  readonly summary: BackupSummary;
  readonly current: WorkspaceSummary | undefined;
}

export class BackupState {
  busy = $state(false);
  status = $state('');
  problems = $state.raw<readonly RestoreProblem[]>([]);
  warnings = $state.raw<readonly RestoreProblem[]>([]);
  pending = $state.raw<PendingRestore | undefined>(undefined);

  constructor(private readonly jobs: BackupJobs = backupJobs()) {}

  /** Write the workspace to a file and hand it to the browser as a download. Returns the file name. */
  async download(workspaceId: string, workspaceName: string): Promise<string> {
    this.busy = true;
    try {
      const file = await this.jobs.write(workspaceId, ({ done }) => (this.status = t('files.backup.writing', { rows: done })));
      const name = backupFileName(workspaceName, Date.now(), '.jsonl.gz');
      saveFile(name, file, file.type);
      this.status = t('files.backup.downloaded', { file: name });
      return name;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    if (this.pending) void this.jobs.discard(this.pending.token);
    this.problems = [];
    this.warnings = [];
    this.pending = undefined;
  }

  /** Check a chosen file; nothing is stored. True when it can be restored (the question is shown). */
  async check(file: File, workspaceId: string): Promise<boolean> {
    this.clear();
    this.busy = true;
    this.status = t('files.backup.checking');
    try {
      const result = await this.jobs.check(file);
      this.status = '';
      if (!result.ok) {
        this.problems = result.problems;
        return false;
      }
      this.warnings = result.warnings;
      this.pending = { token: result.token, summary: result.summary, current: await workspaceSummary(workspaceId) };
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** Restore the checked file in place of the open workspace. Returns the restored workspace's id and name. */
  async restore(workspaceId: string): Promise<{ id: string; name: string } | undefined> {
    const pending = this.pending;
    if (!pending) return undefined;
    this.busy = true;
    try {
      const id = await this.jobs.restore(pending.token, workspaceId, ({ done, total }) => (this.status = t('files.backup.restoring', { done, total: total ?? done })));
      this.pending = undefined;
      this.status = '';
      this.warnings = [];
      return { id, name: pending.summary.name };
    } finally {
      this.busy = false;
    }
  }

  async downloadAutomatic(id: number, createdAt: number): Promise<void> {
    const kept = await getBackupFile(id);
    if (kept) saveFile(backupFileName('auto', createdAt, kept.extension), kept.file, kept.file.type || 'application/octet-stream');
  }
}
