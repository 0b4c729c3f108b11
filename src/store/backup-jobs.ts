// The page's door to backups: each job runs in the backup worker when the browser has module
// workers (the app), in the page otherwise (tests under Node). Failures come back as StoreError
// with the same classification the page uses for its own writes.
import { StoreError } from './errors';
import { createBackupRunner } from './backup-runner';
import type { BackupCheck, BackupProgress, BackupRequest, BackupResponse } from './backup-protocol';

export type { BackupCheck, BackupProgress } from './backup-protocol';

type Job = BackupRequest extends infer R ? (R extends { job: infer J } ? J : never) : never;
type Payload<J extends Job> = Omit<Extract<BackupRequest, { job: J }>, 'id' | 'job'>;

export interface BackupJobs {
  /** The daily automatic backup, if none was kept in the last 24 hours. */
  keepDaily(workspaceId: string): Promise<boolean>;
  /** The workspace as a backup file. */
  write(workspaceId: string, onProgress?: (progress: BackupProgress) => void): Promise<Blob>;
  /** Read and check a file; nothing is stored. A good one waits under its token. */
  check(file: Blob): Promise<BackupCheck>;
  /** Restore a checked file in place of `replacing` (one transaction). Returns the workspace id. */
  restore(token: number, replacing?: string, onProgress?: (progress: BackupProgress) => void): Promise<string>;
  discard(token: number): Promise<void>;
}

type Runner = (request: BackupRequest, progress: (progress: BackupProgress) => void) => Promise<unknown>;

function workerRunner(): Runner {
  let worker: Worker | undefined;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void; progress(progress: BackupProgress): void }>();
  const ensure = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<BackupResponse>) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.kind === 'progress') return job.progress(message.progress);
      pending.delete(message.id);
      if (message.kind === 'done') job.resolve(message.value);
      else job.reject(new StoreError(message.problem, message.message));
    });
    worker.addEventListener('error', () => {
      for (const job of pending.values()) job.reject(new StoreError('unknown', 'the backup worker stopped'));
      pending.clear();
      worker = undefined;
    });
    return worker;
  };
  return (request, progress) =>
    new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject, progress });
      ensure().postMessage(request);
    });
}

export function createBackupJobs(runner: Runner = typeof Worker === 'function' ? workerRunner() : createBackupRunner()): BackupJobs {
  let nextId = 1;
  const call = <J extends Job>(job: J, payload: Payload<J>, onProgress?: (progress: BackupProgress) => void) =>
    runner({ id: nextId++, job, ...payload } as unknown as BackupRequest, onProgress ?? (() => {}));
  return {
    keepDaily: (workspaceId) => call('keepDaily', { workspaceId }) as Promise<boolean>,
    write: (workspaceId, onProgress) => call('write', { workspaceId }, onProgress) as Promise<Blob>,
    check: (file) => call('check', { file }) as Promise<BackupCheck>,
    restore: (token, replacing, onProgress) => call('restore', { token, ...(replacing ? { replacing } : {}) }, onProgress) as Promise<string>,
    discard: async (token) => {
      await call('discard', { token });
    },
  };
}

let shared: BackupJobs | undefined;

/** The app's backup jobs, started on first use. */
export function backupJobs(): BackupJobs {
  shared ??= createBackupJobs();
  return shared;
}
