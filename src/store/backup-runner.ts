// The backup jobs themselves, wherever they run: in the backup worker (the app), or in the page
// (tests under Node, browsers without module workers). A checked backup waits here, under a
// token, until the person confirms or cancels the restore.
import { keepDailyBackup, readBackupFile, restoreStaged, writeBackupFile } from './backup';
import { summarize, type StagedBackup } from './backup-lines';
import type { BackupCheck, BackupProgress, BackupRequest } from './backup-protocol';

export function createBackupRunner(): (request: BackupRequest, progress: (progress: BackupProgress) => void) => Promise<unknown> {
  const staged = new Map<number, StagedBackup>();
  let nextToken = 1;
  return async (request, progress) => {
    switch (request.job) {
      case 'keepDaily':
        return keepDailyBackup(request.workspaceId);
      case 'write': {
        let rows = 0;
        return writeBackupFile(request.workspaceId, ({ rows: n }) => progress({ done: (rows = Math.max(rows, n)) }));
      }
      case 'check': {
        const read = await readBackupFile(request.file);
        if (!read.ok) return read satisfies BackupCheck;
        // One pending restore at a time: a new check replaces an earlier one.
        staged.clear();
        const token = nextToken++;
        staged.set(token, read.value);
        return { ok: true, token, summary: summarize(read.value), warnings: read.warnings } satisfies BackupCheck;
      }
      case 'restore': {
        const backup = staged.get(request.token);
        if (!backup) throw new Error('the checked backup is no longer waiting; choose the file again');
        staged.delete(request.token);
        return restoreStaged(backup, request.replacing, ({ written, total }) => progress({ done: written, total }));
      }
      case 'discard':
        staged.delete(request.token);
        return undefined;
    }
  };
}
