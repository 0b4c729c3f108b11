// Kaohe's scoring core: templates in, scores out. Pure TypeScript — no DOM, no storage, no clock.
export * from './model';
export type * from './sheet-types';
export { scorePeriod, compileTemplate, personResult, resultsOf, type ScoredPeriod, type WeekScores } from './score';
export { createSheet, combineRaters, type Sheet } from './sheet';
export { buildGraph, indicatorRoles, type CompiledTemplate, type Cell, type IndicatorPlan } from './graph';
export { ruleFormula, ruleInputs, isSelfEntered, isPlainEntry, entryName, bandCondition } from './rules';
export { sectionFormula, totalFormula, gradeFormula, gradeFor, meetsGrade, toExcelPrecision, sectionMax, totalName, gradeName, rankName } from './composite';
export { explainIndicator, explainRule, bandContains } from './explain';
export { describeExplanation, describeRoleDetails, describeProblem, describeRestoreProblem, formatScore, bandText, roleLabel } from './describe';
export { validateTemplate, bandProblems, hasErrors, type Problem, type ProblemCode } from './validate';
export { restoreTemplate, findUnsafeKeys, schemaProblems, TemplateSchema, TEMPLATE_LIMITS, type RestoreProblem, type RestoreResult } from './restore';
export { periodCounts, sheetCounts, type PeriodCounts, type CountedPerson } from './summary';
export { INVALID_ENTRY, isInvalidEntry, type InvalidEntry } from './sheet';
