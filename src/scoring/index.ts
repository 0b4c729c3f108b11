// Kaohe's scoring core: templates in, scores out. Pure TypeScript — no DOM, no storage, no clock.
export * from './model';
export type * from './sheet-types';
export { scorePeriod, compileTemplate, personResult, resultsOf, type ScoredPeriod, type WeekScores } from './score';
export { createSheet, combineRaters, type Sheet, INVALID_ENTRY, isInvalidEntry, type InvalidEntry, combinedScore, rolePresent } from './sheet';
export { buildGraph, indicatorRoles, type CompiledTemplate, type Cell, type IndicatorPlan } from './graph';
export { ruleFormula, ruleInputs, isSelfEntered, isPlainEntry, entryName, bandCondition } from './rules';
export { sectionFormula, totalFormula, gradeFormula, gradeFor, meetsGrade, toExcelPrecision, sectionMax, totalName, gradeName, rankName, baseIndicators } from './composite';
export { explainIndicator, explainRule, bandContains } from './explain';
export { describeExplanation, describeRoleDetails, describeProblem, describeRestoreProblem, formatScore, bandText, roleLabel, describeCrossPeriodRule, describeEntryProblem } from './describe';
export { validateTemplate, bandProblems, hasErrors, type Problem, type ProblemCode } from './validate';
export { restoreTemplate, findUnsafeKeys, schemaProblems, TemplateSchema, TEMPLATE_LIMITS, type RestoreProblem, type RestoreResult } from './restore';
export { periodCounts, sheetCounts, type PeriodCounts, type CountedPerson } from './summary';
// What the UI reads besides the engine: periods, values, cross-period outcomes, review steps and pay,
// dashboard figures, the studio's edits and diffs.
export { crossPeriodFlags, crossPeriodRules, flagsByPerson, historyDepth, periodOutcome, type CrossPeriodFlag, type PeriodOutcome } from './cross-period';
export { isoWeek, mondayOfWeek, monthOfWeek, parsePeriodKey, periodKeyOf, periodLabel, previousPeriodKey, weeksOfMonth } from './periods';
export { entryProblem, levelLabelsFor, normalizeWidth, parseEntry, selfEnteredInput, type EntryProblem } from './entry-values';
export { REVIEW_STATUSES, appealRefusal, closeRefusal, opinionRefusal, resolveRefusal, reviewStatus, talkRefusal, type AppealRecord, type AppealTarget, type PlanItem, type ReviewState, type ReviewStatus } from './review';
export { blocksSaving, budgetCheck, coefficientFor, coefficientProblems, payLines, performancePay, suggestedCoefficients, type CoefficientProblem, type CoefficientRow } from './pay';
export { boundaryPeople, checkDistribution, effectiveGrade, targetProblems, type CalibrationCandidate, type DistributionTarget, type TargetProblem } from './calibration';
export { personSeries, teamSeries } from './trends';
export { assessedTotals, fullScore, gradeDistribution, heatColumns, heatRow, rankingOrder, scoreHistogram, sectionAverages, tiedRanks } from './distribution';
export { roleGaps } from './role-gaps';
export { ruleSummary } from './rule-summary';
export { measuredText } from './measured';
export { addIndicator, addInput, addSection, changeRuleKind, clearIndicatorField, deleteIndicator, deleteInput, deleteInputs, deleteSection, findIndicator, inputsLeftBehind, insertAt, moveIndicatorBy, moveIndicatorTo, moveInput, moveItem, moveSection, namesIn, namesRead, removeAt, replaceAt, updateIndicator, updateInput, updateSection, usesOfName } from './edit';
export { plausibleValue, seededRandom } from './samples';
export { templateChanges, type IndicatorField, type TemplateChange } from './diff';
