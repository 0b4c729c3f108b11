// Storage failures as messages a person can act on. QuotaExceededError may arrive directly or as
// the inner error of a transaction abort.
/**
 * `appealOpen`: the period cannot be locked while an appeal is open. `refused`: a review step its
 * rule does not allow now (ReviewRefusedError says which rule).
 */
export type StorageProblem = 'quota' | 'blocked' | 'closed' | 'locked' | 'missing' | 'appealOpen' | 'refused' | 'unknown';

export class StoreError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function nameOf(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

export function classifyStorageError(error: unknown): StorageProblem {
  if (error instanceof StoreError) return error.problem;
  const inner = error && typeof error === 'object' && 'inner' in error ? error.inner : undefined;
  const names = [nameOf(error), nameOf(inner)];
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('DatabaseClosedError')) return 'closed';
  if (names.includes('VersionChangeError') || names.includes('BlockedError')) return 'blocked';
  return 'unknown';
}
