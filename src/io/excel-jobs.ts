// "New from Excel file" in the io worker: the workbook is read once and kept here (SheetJS's object
// never crosses to the page); the page asks for a sheet's proposed mapping, then for the template a
// (corrected) mapping gives, with the review and Kaohe's scores beside Excel's cached values.
import { analyzeSheet, buildTemplate, checkImport, isComputed, readExcelWorkbook, type ExcelImport, type ExcelWorkbook } from './excel-template/index';
import { peopleOf } from './excel-template/frame';
import { ownTemplate } from './excel-template/own-workbook';
import { sampleWorkbook } from './excel-template/sample';
import { issue } from './excel-template/issues';
import type { CellValue } from './excel-template/same-value';
import type { Comparison, ExcelAnalyzed, ExcelAnalyzeRequest, ExcelBuilt, ExcelBuildRequest, ExcelOpened, ExcelOpenRequest, ExcelOutcome } from './excel-protocol';
import { sheetPreview } from './excel-preview';
import { IMPORT_LIMITS } from './limits';
import { fileProblem } from './problems';
import { fileKindOf } from './xlsx-read';
import type { ExportedFile } from './protocol';
import { inspectZip } from './zip-guard';

/** Rows of people shown under the header in the preview; a form shows its whole first page. */
const PREVIEW_PEOPLE = 5;
const PREVIEW_MAX_ROWS = 40;

let current: { readonly token: string; readonly workbook: ExcelWorkbook } | undefined;

export function openExcel(request: ExcelOpenRequest): ExcelOutcome<ExcelOpened> {
  current = undefined;
  const bytes = new Uint8Array(request.bytes);
  // Too large: the import's own reason names the size and the limit.
  if (bytes.byteLength <= IMPORT_LIMITS.fileBytes) {
    const kind = fileKindOf(bytes);
    if (kind === 'csv') return { ok: false, refusal: { kind: 'notWorkbook', file: request.file } };
    if (kind === 'xlsx') {
      const verdict = inspectZip(bytes, IMPORT_LIMITS);
      if (!verdict.ok) {
        const params = verdict.reason === 'unpackedTooLarge' ? { limit: IMPORT_LIMITS.unpackedBytes, size: verdict.unpackedBytes ?? 0 } : undefined;
        return { ok: false, refusal: { kind: 'problem', problem: fileProblem(verdict.reason, request.file, params) } };
      }
    }
  }
  const read = readExcelWorkbook(bytes, request.file);
  if (!read.ok) return { ok: false, refusal: { kind: 'issues', issues: read.issues } };
  current = { token: request.token, workbook: read.workbook };
  const { sheets, macros, issues } = read.workbook;
  const own = ownTemplate(read.workbook.book);
  return { ok: true, value: { file: request.file, sheets, macros, issues, ...(own ? { own } : {}) } };
}

function opened(token: string): ExcelWorkbook | undefined {
  return current?.token === token ? current.workbook : undefined;
}

export function analyzeExcel(request: ExcelAnalyzeRequest): ExcelOutcome<ExcelAnalyzed> {
  const workbook = opened(request.token);
  if (!workbook) return { ok: false, refusal: { kind: 'closed' } };
  const analyzed = analyzeSheet(workbook, request.sheet, request.choice);
  if (!analyzed.ok) return { ok: false, refusal: { kind: 'issues', issues: analyzed.issues } };
  const { mapping } = analyzed;
  const people = peopleOf(workbook.book, mapping).map(({ id, name, sheet, row, offset }) => ({ id, name, sheet, row, offset }));
  const lastFieldRow = Math.max(0, ...mapping.fields.map((field) => (field.at.row === 'person' ? 0 : field.at.row)));
  const firstPerson = mapping.people.kind === 'rows' ? (mapping.people.rows[0] ?? mapping.headerRow + 1) : 0;
  // A form shows its first copy whole (and the header of forms side by side), rows show a few people.
  const wanted = mapping.layout === 'rows' ? Math.max(mapping.headerRow + 1, firstPerson) + PREVIEW_PEOPLE : Math.max(lastFieldRow, mapping.headerRow) + 1;
  const sheet = workbook.book.Sheets[request.sheet];
  if (!sheet) return { ok: false, refusal: { kind: 'issues', issues: [issue('noSheet', { sheet: request.sheet })] } };
  return { ok: true, value: { mapping, preview: sheetPreview(sheet, request.sheet, Math.min(wanted, PREVIEW_MAX_ROWS)), people } };
}

/** An empty grade cell and no grade read the same. */
function shown(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}

/** Every person × computed field, Kaohe's value beside Excel's; the differences are checkImport's. */
export function compareImport(imported: Extract<ExcelImport, { ok: true }>): Comparison {
  const check = checkImport(imported);
  const columns = imported.review.filter(isComputed).map((item) => ({ field: item.field, name: item.name, role: item.role }));
  const differences = new Map(check.differences.map((d) => [`${d.personId}\u0000${d.field}`, d]));
  const people = imported.people.map((person) => ({
    id: person.id,
    name: person.name,
    cells: columns.map((column) => {
      const excel = shown(person.cached[column.field]);
      const difference = differences.get(`${person.id}\u0000${column.field}`);
      return difference ? { kaohe: difference.kaohe, excel: difference.excel, same: false } : { kaohe: excel, excel, same: true };
    }),
  }));
  return { columns, people, compared: check.compared, differing: check.differences.length, differences: check.differences };
}

export function buildExcel(request: ExcelBuildRequest): ExcelOutcome<ExcelBuilt> {
  const workbook = opened(request.token);
  if (!workbook) return { ok: false, refusal: { kind: 'closed' } };
  const built = buildTemplate(workbook, request.mapping);
  if (!built.ok) return { ok: false, refusal: { kind: 'issues', issues: built.issues } };
  return {
    ok: true,
    value: { template: built.template, review: built.review, issues: built.issues, problems: built.problems, comparison: compareImport(built) },
  };
}

/** Forget the workbook (the wizard was closed or saved). */
export function closeExcel(): void {
  current = undefined;
}

/** The sample workbook to try the wizard with (and to download), under the name the page gives. */
export function excelSample(request: { readonly name: string }): ExportedFile {
  const bytes = sampleWorkbook();
  return { name: request.name, bytes: bytes.slice().buffer };
}
