// Messages between the page and the backup worker (backup-worker.ts, backup-jobs.ts).
import type { RestoreProblem } from '../scoring/restore';
import type { BackupSummary } from './backup-lines';
import type { StorageProblem } from './errors';

export type BackupCheck =
  | { readonly ok: true; readonly token: number; readonly summary: BackupSummary; readonly warnings: readonly RestoreProblem[] }
  | { readonly ok: false; readonly problems: readonly RestoreProblem[] };

export interface BackupProgress {
  /** Rows of a table written to the file, or records written to the database. */
  readonly done: number;
  readonly total?: number;
}

export type BackupRequest =
  | { readonly id: number; readonly job: 'keepDaily'; readonly workspaceId: string }
  | { readonly id: number; readonly job: 'write'; readonly workspaceId: string }
  | { readonly id: number; readonly job: 'check'; readonly file: Blob }
  | { readonly id: number; readonly job: 'restore'; readonly token: number; readonly replacing?: string }
  | { readonly id: number; readonly job: 'discard'; readonly token: number };

export type BackupResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: BackupProgress }
  | { readonly id: number; readonly kind: 'done'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'failed'; readonly problem: StorageProblem; readonly message: string };
