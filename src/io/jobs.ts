// What the io worker does for each request, as plain functions (so tests and the benchmark run
// them without a worker). The worker keeps the last opened file so the mapping can be changed and
// validated again without reading the file twice.
import { readCsv } from './csv-read';
import { exportScoresCsv } from './export-csv';
import { exportScoresXlsx } from './export-xlsx';
import { autoMap, detectHeaderRow, headerSignature, matchIndex } from './mapping';
import type { ExportedFile, IoCalls, OpenedFile, OpenRequest, Outcome, ReadFormsRequest, ReadFormsResult, ValidateRequest } from './protocol';
import { fileProblem, type IoProblem } from './problems';
import { exportRaterForm, raterFormFileName, type RaterFormRequest } from './rater-form';
import { mergeForms, readRaterForm, type ReadForm } from './rater-merge';
import type { PeriodExport } from './scored-grid';
import type { RawTable } from './table';
import { columnCount } from './table';
import { entryTargets } from './targets';
import { validateImport, type ImportPlan } from './validate';
import { batchSize } from './entry-batch';
import { fileKindOf, readWorkbook } from './xlsx-read';
import { mappingFromMeta, readTemplateSheet, readWorkbookMeta, sameTemplate } from './workbook-read';
import { restoreRaters } from './workbook-raters';
import type { WorkbookMeta } from './workbook-meta';
import { IMPORT_LIMITS } from './limits';
import { analyzeExcel, buildExcel, closeExcel, excelSample, openExcel } from './excel-jobs';
import { exportConfirmations, type ConfirmationRequest } from './confirmation-form';
import { readConfirmations, type ConfirmationContext, type ConfirmationsRead } from './confirmation-read';
import { readPayBases } from './pay-bases-read';

/** Rows sent back for the header choice and the mapping table. */
const HEAD_ROWS = 30;

interface OpenState {
  table: RawTable;
  /** The key of a Kaohe workbook whose data sheet is the one opened. */
  meta?: WorkbookMeta;
}

let opened: OpenState | undefined;

function isTable(value: RawTable | IoProblem): value is RawTable {
  return 'rows' in value;
}

export function openFile(request: OpenRequest): Outcome<OpenedFile> {
  opened = undefined;
  const bytes = new Uint8Array(request.bytes);
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) return { ok: false, problem: fileProblem('fileTooLarge', request.file, { limit: IMPORT_LIMITS.fileBytes, size: bytes.byteLength }) };
  const named = /\.(csv|txt|tsv)$/i.test(request.file) ? 'csv' : /\.(xlsx|xlsm|xls)$/i.test(request.file) ? 'excel' : undefined;
  const kind = named === 'csv' ? 'csv' : fileKindOf(bytes);
  // Named as a workbook but not one (no zip, no OLE header): damaged, not read as text.
  if (named === 'excel' && kind === 'csv') return { ok: false, problem: fileProblem('damaged', request.file) };
  const targets = entryTargets(request.context.template, request.context.periodKind);
  const index = matchIndex(targets, request.context.template);
  if (kind === 'csv') {
    const read = readCsv(request.file, bytes, request.encoding);
    if (!read.ok) return read;
    return { ok: true, value: opening(read.table, 'csv', [''], index, { encoding: read.encoding, encodingDetected: read.detected }) };
  }
  const read = readWorkbook(request.file, bytes);
  if (!read.ok) return read;
  const workbook = read.workbook;
  const meta = readWorkbookMeta(workbook);
  const sheet = request.sheet ?? (meta.ok ? meta.meta.sheet : workbook.sheetNames[0]);
  if (sheet === undefined) return { ok: false, problem: fileProblem('empty', request.file) };
  const table = workbook.table(sheet);
  if (!isTable(table)) return { ok: false, problem: table };
  if (table.rows.length === 0) return { ok: false, problem: { ...fileProblem('empty', request.file), sheet } };
  const base = opening(table, kind, workbook.sheetNames, index, {});
  if (!meta.ok || meta.meta.sheet !== sheet) return { ok: true, value: base };
  opened = { table, meta: meta.meta };
  const template = readTemplateSheet(workbook, meta.meta);
  return {
    ok: true,
    value: {
      ...base,
      suggested: mappingFromMeta(meta.meta, base.columnCount),
      suggestedBy: 'key',
      ...(template ? { template, templateSame: template.ok && sameTemplate(template.value, request.context.template) } : {}),
    },
  };
}

function opening(table: RawTable, kind: OpenedFile['kind'], sheets: readonly string[], index: ReturnType<typeof matchIndex>, extra: Partial<OpenedFile>): OpenedFile {
  opened = { table };
  const headerRow = detectHeaderRow(table.rows, index);
  const headers = table.rows[headerRow] ?? [];
  const columns = columnCount(table.rows);
  const padded = [...headers, ...new Array<null>(Math.max(0, columns - headers.length)).fill(null)];
  return {
    file: table.file,
    kind,
    sheets,
    sheet: table.sheet,
    head: table.rows.slice(0, HEAD_ROWS),
    rowCount: table.rows.length,
    columnCount: columns,
    suggested: autoMap(padded, index, headerRow),
    suggestedBy: 'names',
    signature: headerSignature(headers),
    ...extra,
  };
}

export function validateOpened(request: ValidateRequest): Outcome<ImportPlan> {
  if (!opened) return { ok: false, problem: fileProblem('sheetMissing', '') };
  const plan = validateImport(opened.table, request.mapping, request.context);
  // A rating workbook's cells with several raters come back as those raters' values.
  const restored = opened.meta && (request.context.rater ?? '') === '' ? restoreRaters(plan, opened.table, request.mapping, opened.meta) : plan;
  return { ok: true, value: restored };
}

export function readForms(request: ReadFormsRequest): ReadFormsResult {
  const forms: ReadForm[] = [];
  const refused: IoProblem[] = [];
  for (const { file, bytes } of request.files) {
    const read = readWorkbook(file, new Uint8Array(bytes));
    if (!read.ok) {
      refused.push(read.problem);
      continue;
    }
    const form = readRaterForm(read.workbook, request.context);
    if (form.ok) forms.push(form.form);
    else refused.push(form.problem);
  }
  return {
    forms: forms.map((form) => ({ file: form.file, role: form.meta.role, rater: form.meta.rater, values: batchSize(form.plan.entries), problems: form.plan.problems })),
    refused,
    merged: mergeForms(forms.filter((form) => form.plan.errorCount === 0)),
  };
}

function exported(name: string, bytes: Uint8Array): ExportedFile {
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
  return { name, bytes: buffer };
}

function baseName(data: PeriodExport): string {
  return `${data.template.name}-${data.periodKey}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export function exportXlsx(data: PeriodExport): ExportedFile {
  return exported(`${baseName(data)}.xlsx`, exportScoresXlsx(data));
}

export function exportCsv(data: PeriodExport): ExportedFile {
  return exported(`${baseName(data)}.csv`, new TextEncoder().encode(exportScoresCsv(data)));
}

export function exportForms(requests: readonly RaterFormRequest[]): ExportedFile[] {
  return requests.map((request) => exported(raterFormFileName(request), exportRaterForm(request)));
}

export function exportConfirmationFiles(request: ConfirmationRequest): ExportedFile[] {
  return exportConfirmations(request).map((file) => exported(file.name, file.bytes));
}

export function readConfirmationFiles(request: { readonly files: readonly { readonly file: string; readonly bytes: ArrayBuffer }[]; readonly context: ConfirmationContext }): ConfirmationsRead {
  return readConfirmations(
    request.files.map(({ file, bytes }) => ({ file, bytes: new Uint8Array(bytes) })),
    request.context,
  );
}

/** The job table the worker dispatches on. */
export const JOBS: { readonly [K in keyof IoCalls]: (payload: IoCalls[K][0]) => IoCalls[K][1] | Promise<IoCalls[K][1]> } = {
  open: openFile,
  validate: validateOpened,
  readForms,
  exportXlsx,
  exportCsv,
  exportForms,
  exportConfirmations: exportConfirmationFiles,
  readConfirmations: readConfirmationFiles,
  readPayBases: (request) => readPayBases(request.file, new Uint8Array(request.bytes), request.people, request.headers),
  excelOpen: openExcel,
  excelAnalyze: analyzeExcel,
  excelBuild: buildExcel,
  excelClose: closeExcel,
  excelSample,
};
