// What the printed scorecards of a period show of the review: read once per period for all the
// cards of the print view (the paper is a moment; it does not follow later edits).
import { loadReviewInputs } from './review-data';
import { NO_REVIEW_INPUTS, reviewLookup, type ReviewLookup } from './review-rows';

const NONE = reviewLookup(NO_REVIEW_INPUTS);

/** The review lookups the print view has read. One instance for the app. */
class PrintReviews {
  private loaded = $state.raw<{ periodId: string; lookup: ReviewLookup }>({ periodId: '', lookup: NONE });
  private pending = '';

  constructor() {
    // Leaving the print view forgets what it read: the next print reads the reviews as they are then.
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        if (window.location.hash.startsWith('#/print')) return;
        this.pending = '';
        this.loaded = { periodId: '', lookup: NONE };
      });
    }
  }

  /** The review lookups of a period; empty until read (the cards redraw when they arrive). */
  of(periodId: string): ReviewLookup {
    if (periodId !== '' && this.loaded.periodId !== periodId && this.pending !== periodId) {
      this.pending = periodId;
      void loadReviewInputs(periodId).then((inputs) => {
        if (this.pending !== periodId) return;
        this.loaded = { periodId, lookup: reviewLookup(inputs) };
      });
    }
    return this.loaded.periodId === periodId ? this.loaded.lookup : NONE;
  }
}

export const printReviews = new PrintReviews();
