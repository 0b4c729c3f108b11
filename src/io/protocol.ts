// The messages between the page and the io worker: one request type per job, each with its
// result type. Results are values; a file that cannot be read is `{ ok: false, problem }`.
import type { RaterRole, Template } from '../scoring/model';
import type { RestoreProblem } from '../scoring/restore';
import type { ExcelAnalyzed, ExcelAnalyzeRequest, ExcelBuilt, ExcelBuildRequest, ExcelOpened, ExcelOpenRequest, ExcelOutcome } from './excel-protocol';
import type { EncodingChoice, TextEncodingName } from './decode';
import type { ColumnMapping } from './mapping';
import type { IoProblem } from './problems';
import type { MergedForms } from './rater-merge';
import type { RaterFormRequest } from './rater-form';
import type { ConfirmationRequest } from './confirmation-form';
import type { ConfirmationContext } from './confirmation-read';
import type { ConfirmationsRead } from './confirmation-result';
import type { PayBasesRead } from './pay-bases-read';
import type { PeriodExport } from './scored-grid';
import type { CellValue } from './table';
import type { ImportContext, ImportPerson, ImportPlan } from './validate';
import type { FileKind } from './xlsx-read';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: IoProblem };

export interface FileBytes {
  readonly file: string;
  readonly bytes: ArrayBuffer;
}

export interface OpenRequest extends FileBytes {
  readonly encoding: EncodingChoice;
  /** Sheet to read; default the first visible one. */
  readonly sheet?: string;
  readonly context: ImportContext;
}

export interface OpenedFile {
  readonly file: string;
  readonly kind: FileKind;
  readonly sheets: readonly string[];
  readonly sheet: string;
  /** CSV only. */
  readonly encoding?: TextEncodingName;
  readonly encodingDetected?: boolean;
  /** First rows as read, for the header choice and the mapping table. */
  readonly head: readonly (readonly CellValue[])[];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly suggested: ColumnMapping;
  /** How the suggestion was made: Kaohe's own key in the file, or matching names. */
  readonly suggestedBy: 'key' | 'names';
  /** Fingerprint of the header row, for remembered mappings. */
  readonly signature: string;
  /** The template in a Kaohe workbook's template sheet, when there is one. */
  readonly template?: { readonly ok: true; readonly value: Template } | { readonly ok: false; readonly problems: readonly RestoreProblem[] };
  /** The workbook's template is the period's template. */
  readonly templateSame?: boolean;
}

export interface ValidateRequest {
  readonly mapping: ColumnMapping;
  readonly context: ImportContext;
}

export interface ReadFormsRequest {
  readonly files: readonly FileBytes[];
  readonly context: ImportContext & { readonly periodId: string; readonly templateId: string };
}

export interface FormSummary {
  readonly file: string;
  readonly role?: RaterRole;
  readonly rater?: string;
  readonly values: number;
  readonly problems: readonly IoProblem[];
}

export interface ReadFormsResult {
  readonly forms: readonly FormSummary[];
  /** Files that are not readable forms of this period. */
  readonly refused: readonly IoProblem[];
  readonly merged: MergedForms;
}

export interface ExportedFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** Every job: [request, result]. */
export interface IoCalls {
  open: [OpenRequest, Outcome<OpenedFile>];
  validate: [ValidateRequest, Outcome<ImportPlan>];
  readForms: [ReadFormsRequest, ReadFormsResult];
  exportXlsx: [PeriodExport, ExportedFile];
  exportCsv: [PeriodExport, ExportedFile];
  exportForms: [readonly RaterFormRequest[], readonly ExportedFile[]];
  /** 员工确认: one result sheet per person; returned sheets read and checked together. */
  exportConfirmations: [ConfirmationRequest, readonly ExportedFile[]];
  /** 绩效工资基数 from a CSV or workbook: checked, never stored here. */
  readPayBases: [FileBytes & { readonly people: readonly ImportPerson[]; readonly headers: { readonly base: string } }, PayBasesRead];
  readConfirmations: [{ readonly files: readonly FileBytes[]; readonly context: ConfirmationContext }, ConfirmationsRead];
  /** New from Excel file: read a workbook and keep it; propose a sheet's mapping; build and check. */
  excelOpen: [ExcelOpenRequest, ExcelOutcome<ExcelOpened>];
  excelAnalyze: [ExcelAnalyzeRequest, ExcelOutcome<ExcelAnalyzed>];
  excelBuild: [ExcelBuildRequest, ExcelOutcome<ExcelBuilt>];
  excelClose: [null, void];
  excelSample: [{ readonly name: string }, ExportedFile];
}

export type IoJob = keyof IoCalls;

export interface IoRequestMessage<K extends IoJob = IoJob> {
  readonly id: number;
  readonly job: K;
  readonly payload: IoCalls[K][0];
}

export type IoResponseMessage =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  /** A programmer error inside the worker (a bug, not a bad file). */
  | { readonly id: number; readonly ok: false; readonly message: string };
