// Reading what a period's reviews and pay need, in one go (inside a live query it re-runs when any
// of these tables change, in this tab or another).
import { getCoefficientTable, getPeriod, getTemplate, listCalibrations, listPayBases, listReviews } from '../../store/index';
import { NO_REVIEW_INPUTS, type ReviewInputs } from './review-rows';

export interface ReviewScope {
  readonly periodId: string;
  readonly workspaceId: string;
  /** The template family of the period (its coefficient table). */
  readonly familyId: string;
}

/**
 * Reads only the review tables, not the period: the open rating sheet's live query must not run
 * again on every value typed (each write updates the period's count of values).
 */
export async function loadReviewInputsOf(scope: ReviewScope | undefined): Promise<ReviewInputs & { readonly periodId: string }> {
  if (!scope) return { ...NO_REVIEW_INPUTS, periodId: '' };
  const [reviews, calibrations, coefficients, bases] = await Promise.all([
    listReviews(scope.periodId),
    listCalibrations(scope.periodId),
    getCoefficientTable(scope.workspaceId, scope.familyId),
    listPayBases(scope.workspaceId),
  ]);
  return { periodId: scope.periodId, reviews, calibrations, coefficients, bases };
}

export async function loadReviewInputs(periodId: string | undefined): Promise<ReviewInputs & { readonly periodId: string }> {
  if (!periodId) return { ...NO_REVIEW_INPUTS, periodId: '' };
  const period = await getPeriod(periodId);
  if (!period) return { ...NO_REVIEW_INPUTS, periodId };
  const template = await getTemplate(period.templateId);
  if (!template) return { ...NO_REVIEW_INPUTS, periodId };
  return loadReviewInputsOf({ periodId, workspaceId: period.workspaceId, familyId: template.familyId });
}
