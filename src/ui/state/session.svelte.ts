// The open workspace, storage status and the messages. One instance for the app.
//
// A message shows next to what it is about: each part of a page that can be talked about marks
// itself `data-notices="<place>"` and shows a <Notices place="…">. A message without a place
// belongs where the person last clicked or typed; one whose place is not on screen (or that has
// none: a newer tab, a reload) shows in the corner. Changing views clears it.
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
  /** The part of the page it is about (`data-notices` of a region), if any. */
  readonly place?: string;
  /** One thing to do about it, as a button beside the text (撤销, 新建团队). */
  readonly action?: NoticeAction;
}

export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

/** The place of the region an event happened in. */
function placeOf(target: EventTarget | null): string | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-notices]')?.dataset.notices ?? undefined) : undefined;
}

function createSession() {
  let workspaceId = $state<string | undefined>(undefined);
  let persistence = $state<PersistenceState | 'pending'>('pending');
  let notice = $state<Notice | null>(null);
  /** How many <Notices> show each place right now. */
  let shown = $state<Record<string, number>>({});
  /** Where the person last clicked, typed or moved the focus: where their actions' messages go. */
  let lastPlace: string | undefined;

  function notify(kind: Notice['kind'], text: string, place: string | undefined = lastPlace, action?: NoticeAction): void {
    notice = { kind, text, ...(place === undefined ? {} : { place }), ...(action ? { action } : {}) };
  }

  function remember(event: Event): void {
    lastPlace = placeOf(event.target);
  }

  /** Turn a failed write into a message that says what to do; nothing is thrown further. */
  function reportError(error: unknown): void {
    const problem = classifyStorageError(error);
    if (problem === 'quota') return notify('error', t('shell.storage.quota'));
    if (problem === 'blocked') return notify('error', t('shell.storage.blocked'));
    if (problem === 'appealOpen') return notify('error', t('review.error.appealOpen'));
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
    for (const type of ['pointerdown', 'keydown', 'focusin']) document.addEventListener(type, remember, true);
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
    /** A <Notices> shows `place` from now on; the returned function says it no longer does. */
    showPlace(place: string): () => void {
      shown = { ...shown, [place]: (shown[place] ?? 0) + 1 };
      return () => {
        shown = { ...shown, [place]: Math.max(0, (shown[place] ?? 0) - 1) };
      };
    },
    /** Is the message shown next to what it is about (else the corner shows it)? */
    isShownInPlace(message: Notice): boolean {
      return message.place !== undefined && (shown[message.place] ?? 0) > 0;
    },
    notify,
    reportError,
    start,
    resetExample,
    openWorkspace,
  };
}

export const session = createSession();
