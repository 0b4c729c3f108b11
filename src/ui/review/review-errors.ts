// A refused review step as a sentence (the store says which rule refused it).
import { t } from '../../i18n/locale.svelte';
import type { MessageKey } from '../../i18n/catalog';
import { classifyStorageError, ReviewRefusedError } from '../../store/index';
import { session } from '../state/session.svelte';

export function refusalText(refusal: string): string {
  return t(`review.refusal.${refusal}` as MessageKey);
}

/** Tell the person why a step did not happen: the rule, the lock, or the storage problem. */
export function reportReviewError(error: unknown): void {
  if (error instanceof ReviewRefusedError) return session.notify('error', refusalText(error.refusal));
  const problem = classifyStorageError(error);
  if (problem === 'locked') return session.notify('error', t('review.error.locked'));
  if (problem === 'appealOpen') return session.notify('error', t('review.error.appealOpen'));
  session.reportError(error);
}
