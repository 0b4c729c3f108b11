// The io layer's front door: everything the UI uses of files. Reading and writing (CSV through
// papaparse, xlsx through SheetJS) runs in the io worker behind `createIoClient`; what is exported
// here besides the client is light (mappings, problems, targets, the wizard's types), so the
// page's main chunks never carry SheetJS or papaparse (those modules are only reached from the
// worker). Types only: `export type`, so no module is loaded for them.
export { entryTargets, type EntryTarget } from './targets';
export { IoFailure, createIoClient, type IoClient } from './client';
export { fileProblem, type IoProblem } from './problems';
export type { ExportedFile, OpenedFile, ReadFormsResult } from './protocol';
export { answersToApply, shownResult } from './confirmation-result';
export type { ImportContext, ImportPlan } from './validate';
export { scoredGrid, type PeriodExport } from './scored-grid';
export type { PayExport } from './pay-columns';
export { batchSize } from './entry-batch';
export { TEXT_ENCODINGS, type EncodingChoice } from './decode';
export { autoMap, headerText, matchIndex, sanitizeMapping, targetsFor, type ColumnMapping, type ColumnTarget, type Layout } from './mapping';
export { columnLetter, type CellValue } from './table';
export type { LayoutColumn } from './sheet-layout';
export { IMPORT_LIMITS } from './limits';
export type { StoredValue } from './values';
export type { RaterFormRequest } from './rater-form';
export { averagedWithStored, resolveConflicts, type AveragedCell, type Conflict } from './rater-merge';
export { describeTemplateFileProblem, readTemplateFile, templateFileName, templateFileText, type TemplateFileProblem } from './template-file';
export type { ExcelAnalyzed, ExcelBuilt, ExcelOpened, ExcelOutcome, ExcelRefusal, SheetPreview } from './excel-protocol';
export type { AnalyzeChoice, ExcelLayout, ExcelMapping, FieldRole, FormOffset, Issue, MappedField, ReviewItem, ReviewKind, SheetSummary } from './excel-template/index';
export { cellName, columnLetters } from './excel-template/references';
export { EXCEL_LAYOUTS } from './excel-template/mapping';
export { issueMessageKey } from './excel-template/issues';
export type { CellValue as ExcelCellValue } from './excel-template/same-value';
