// The backup worker: automatic backups, backup files and restores run here, off the page's main
// thread, on the worker's own connection to the same database.
import { classifyStorageError } from './errors';
import { createBackupRunner } from './backup-runner';
import type { BackupRequest, BackupResponse } from './backup-protocol';

const run = createBackupRunner();
const post = (message: BackupResponse) => (self as unknown as { postMessage(message: BackupResponse): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<BackupRequest>) => {
  const request = event.data;
  run(request, (progress) => post({ id: request.id, kind: 'progress', progress })).then(
    (value) => post({ id: request.id, kind: 'done', value }),
    (error: unknown) => post({ id: request.id, kind: 'failed', problem: classifyStorageError(error), message: error instanceof Error ? error.message : String(error) }),
  );
});
