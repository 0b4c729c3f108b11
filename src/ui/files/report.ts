// A failed store write as the message line: a locked period says so; anything else goes through
// the session's storage messages (quota, blocked …).
import { t } from '../../i18n/locale.svelte';
import { StoreError } from '../../store/index';
import { session } from '../state/session.svelte';

export function reportFailure(error: unknown): void {
  if (error instanceof StoreError && error.problem === 'locked') return session.notify('error', t('files.error.locked'));
  session.reportError(error);
}

/** Where a files panel's messages go: the session's message line (a test passes its own). */
export interface PanelMessages {
  notify(kind: 'info' | 'error', text: string): void;
  /** A failure that is not about a file (a store write, a locked period). */
  fail(error: unknown): void;
}

export const sessionMessages: PanelMessages = {
  notify: (kind, text) => session.notify(kind, text),
  fail: reportFailure,
};
