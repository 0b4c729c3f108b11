// The open workspace, storage status and the message line. One instance for the app.
import {
  backupJobs,
  classifyStorageError,
  ensureWorkspace,
  watchDatabase,
  requestPersistence,
  resetExampleWorkspace,
  type PersistenceState,
} from '../../store/index';
import { t } from '../../i18n/locale.svelte';

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

function createSession() {
  let workspaceId = $state<string | undefined>(undefined);
  let persistence = $state<PersistenceState | 'pending'>('pending');
  let notice = $state<Notice | null>(null);

  function notify(kind: Notice['kind'], text: string): void {
    notice = { kind, text };
  }

  /** Turn a failed write into a message that says what to do; nothing is thrown further. */
  function reportError(error: unknown): void {
    const problem = classifyStorageError(error);
    if (problem === 'quota') return notify('error', t('shell.storage.quota'));
    if (problem === 'blocked') return notify('error', t('shell.storage.blocked'));
    const message = error instanceof Error ? error.message : String(error);
    notify('error', t('shell.storage.failed', { message }));
  }

  /**
   * The daily automatic backup copies the whole workspace. It runs in the backup worker, and
   * still waits until the page has been idle a while: its reads share the disk with the first view.
   */
  function scheduleDailyBackup(id: string): void {
    const run = () => void backupJobs().keepDaily(id).catch(reportError);
    setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 30_000 });
      else run();
    }, 20_000);
  }

  async function start(): Promise<void> {
    // A newer tab upgraded the schema: never keep writing with the old one.
    watchDatabase({
      versionChanged: () => {
        notify('info', t('shell.storage.reload'));
        setTimeout(() => window.location.reload(), 1500);
      },
      blocked: () => notify('error', t('shell.storage.blocked')),
    });
    try {
      workspaceId = await ensureWorkspace(t('home.example.name'));
      scheduleDailyBackup(workspaceId);
    } catch (error) {
      reportError(error);
    }
    persistence = await requestPersistence();
  }

  async function resetExample(): Promise<void> {
    if (!workspaceId) return;
    try {
      workspaceId = await resetExampleWorkspace(workspaceId, t('home.example.name'));
      notify('info', t('home.example.resetDone'));
    } catch (error) {
      reportError(error);
    }
  }

  /** Switch to another workspace (after a restore); it becomes the one opened next time too. */
  function openWorkspace(id: string): void {
    workspaceId = id;
  }

  return {
    get workspaceId() {
      return workspaceId;
    },
    get persistence() {
      return persistence;
    },
    get notice() {
      return notice;
    },
    dismiss(): void {
      notice = null;
    },
    notify,
    reportError,
    start,
    resetExample,
    openWorkspace,
  };
}

export const session = createSession();
