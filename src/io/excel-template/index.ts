// "New from Excel file": an existing 考核表 (Excel or WPS) → a working template, formulas and all.
// readExcelWorkbook → analyzeSheet (a proposed mapping the user corrects) → buildTemplate (template,
// review list, people) → checkImport (Kaohe's scores against Excel's cached values). Pure: no DOM,
// no storage; the workbook is data, and nothing in it is ever run.
export { readExcelWorkbook, wrapWorkbook, EXCEL_LIMITS, type ExcelWorkbook, type SheetSummary, type WorkbookResult } from './workbook';
export { analyzeSheet, type AnalyzeResult } from './analyze';
export { buildTemplate, type BuildOptions, type ExcelImport, type FieldTarget, type ImportedPerson, type ReviewItem, type ReviewKind } from './build';
export { checkImport, isComputed, type CheckResult, type Difference } from './check';
export type { AnalyzeChoice, ExcelLayout, ExcelMapping, FieldPlace, FieldRole, FormOffset, MappedField, PeopleSpec } from './mapping';
export { EXCEL_LAYOUTS } from './mapping';
export { ISSUE_CODES, issueMessageKey, type Issue, type IssueCode } from './issues';
export { translateExcelFormula, printKaohe, type CellResolution, type Resolution, type Resolver, type TranslateOptions, type Translation } from './excel-formula';
export { parseExcel, type ExcelNode, type ExcelParseOptions } from './excel-parser';
export { recogniseRule, recogniseCombination, recogniseGrades, type Combination, type RecognisedRule, type RuleContext, type Scope } from './recognise';
export { cellName, columnLetters, referenceText, type CellAddress, type FormulaOrigin, type Reference } from './references';
export { sameValue, type CellValue } from './same-value';
