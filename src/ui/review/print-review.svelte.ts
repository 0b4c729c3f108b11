// What the printed scorecards of a period show of the review: read once per period for all the
// cards of the print view (the paper is a moment; it does not follow later edits).
import { loadReviewInputs } from './review-data';
import { NO_REVIEW_INPUTS, reviewLookup, type ReviewLookup } from './review-rows';

const loaded = $state<{ periodId: string; lookup: ReviewLookup }>({ periodId: '', lookup: reviewLookup(NO_REVIEW_INPUTS) });
let pending = '';

// Leaving the print view forgets what it read: the next print reads the reviews as they are then.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#/print')) return;
    pending = '';
    loaded.periodId = '';
  });
}

/** The review lookups of a period; empty until read (the cards redraw when they arrive). */
export function printReview(periodId: string): ReviewLookup {
  if (periodId !== '' && loaded.periodId !== periodId && pending !== periodId) {
    pending = periodId;
    void loadReviewInputs(periodId).then((inputs) => {
      if (pending !== periodId) return;
      loaded.periodId = periodId;
      loaded.lookup = reviewLookup(inputs);
    });
  }
  return loaded.periodId === periodId ? loaded.lookup : reviewLookup(NO_REVIEW_INPUTS);
}
