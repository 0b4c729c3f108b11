// Reading what a period's reviews and pay need, in one go (inside a live query it re-runs when any
// of these tables change, in this tab or another).
import { getCoefficientTable, getPeriod, getTemplate, listCalibrations, listPayBases, listReviews } from '../../store/index';
import { NO_REVIEW_INPUTS, type ReviewInputs } from './review-rows';

export async function loadReviewInputs(periodId: string | undefined): Promise<ReviewInputs & { readonly periodId: string }> {
  if (!periodId) return { ...NO_REVIEW_INPUTS, periodId: '' };
  const period = await getPeriod(periodId);
  if (!period) return { ...NO_REVIEW_INPUTS, periodId };
  const template = await getTemplate(period.templateId);
  const [reviews, calibrations, coefficients, bases] = await Promise.all([
    listReviews(periodId),
    listCalibrations(periodId),
    template ? getCoefficientTable(period.workspaceId, template.familyId) : Promise.resolve(null),
    listPayBases(period.workspaceId),
  ]);
  return { periodId, reviews, calibrations, coefficients, bases };
}
