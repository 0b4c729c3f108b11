// A failed store write as the message line: a locked period says so; anything else goes through
// the session's storage messages (quota, blocked …).
import { t } from '../../i18n/locale.svelte';
import { StoreError } from '../../store/index';
import { session } from '../state/session.svelte';

export function reportFailure(error: unknown): void {
  if (error instanceof StoreError && error.problem === 'locked') return session.notify('error', t('files.error.locked'));
  session.reportError(error);
}
