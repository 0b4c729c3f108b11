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

class Session {
  /** The open workspace. */
  workspaceId = $state<string | undefined>(undefined);
  persistence = $state<PersistenceState | 'pending'>('pending');
  /** The message on screen, if any. */
  notice = $state<Notice | null>(null);
  /** How many <Notices> show each place right now. */
  private shown = $state<Record<string, number>>({});
  /** Where the person last clicked, typed or moved the focus: where their actions' messages go. */
  private lastPlace: string | undefined;

  private readonly remember = (event: Event): void => {
    this.lastPlace = placeOf(event.target);
  };

  notify(kind: Notice['kind'], text: string, place: string | undefined = this.lastPlace, action?: NoticeAction): void {
    this.notice = { kind, text, ...(place === undefined ? {} : { place }), ...(action ? { action } : {}) };
  }

  dismiss(): void {
    this.notice = null;
  }

  /** A <Notices> shows `place` from now on; the returned function says it no longer does. */
  showPlace(place: string): () => void {
    this.shown = { ...this.shown, [place]: (this.shown[place] ?? 0) + 1 };
    return () => {
      this.shown = { ...this.shown, [place]: Math.max(0, (this.shown[place] ?? 0) - 1) };
    };
  }

  /** Is the message shown next to what it is about (else the corner shows it)? */
  isShownInPlace(message: Notice): boolean {
    return message.place !== undefined && (this.shown[message.place] ?? 0) > 0;
  }

  /** Turn a failed write into a message that says what to do; nothing is thrown further. */
  reportError(error: unknown): void {
    const problem = classifyStorageError(error);
    if (problem === 'quota') return this.notify('error', t('shell.storage.quota'));
    if (problem === 'blocked') return this.notify('error', t('shell.storage.blocked'));
    if (problem === 'appealOpen') return this.notify('error', t('review.error.appealOpen'));
    const message = error instanceof Error ? error.message : String(error);
    this.notify('error', t('shell.storage.failed', { message }));
  }

  async start(): Promise<void> {
    for (const type of ['pointerdown', 'keydown', 'focusin']) document.addEventListener(type, this.remember, true);
    // A newer tab upgraded the schema: never keep writing with the old one.
    watchDatabase({
      versionChanged: () => {
        this.notify('info', t('shell.storage.reload'));
        setTimeout(() => window.location.reload(), 1500);
      },
      blocked: () => this.notify('error', t('shell.storage.blocked')),
    });
    try {
      this.workspaceId = await ensureWorkspace(t('home.example.name'));
      this.scheduleDailyBackup(this.workspaceId);
    } catch (error) {
      this.reportError(error);
    }
    this.persistence = await requestPersistence();
  }

  async resetExample(): Promise<void> {
    if (!this.workspaceId) return;
    try {
      this.workspaceId = await resetExampleWorkspace(this.workspaceId, t('home.example.name'));
      this.notify('info', t('home.example.resetDone'));
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Switch to another workspace (after a restore); it becomes the one opened next time too. */
  openWorkspace(id: string): void {
    this.workspaceId = id;
  }

  /**
   * The daily automatic backup copies the whole workspace. It runs in the backup worker, and
   * still waits until the page has been idle a while: its reads share the disk with the first view.
   */
  private scheduleDailyBackup(id: string): void {
    const run = () => void backupJobs().keepDaily(id).catch((error: unknown) => this.reportError(error));
    setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 30_000 });
      else run();
    }, 20_000);
  }
}

export const session = new Session();
