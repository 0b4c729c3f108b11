// The rating workbook: the scored sheet with inputs as values and every computed column as a
// live Excel formula (same numbers when Excel or WPS recalculates), percent and score formats, a
// frozen header, column widths; a sheet with the template definition so the file imports back
// losslessly; a notes sheet; and a hidden key saying what each column holds.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { translate, type MessageParams } from '../i18n/catalog';
import { formulaForRows, type FormulaRows } from './excel-formulas';
import { isInvalidEntry } from '../scoring/sheet';
import { scoredGrid, type PeriodExport, type ScoredGrid } from './scored-grid';
import type { LayoutColumn } from './sheet-layout';
import { cellOf, columnWidths, NUMBER_FORMATS, textCell } from './xlsx-cells';
import { patchXlsx } from './xlsx-patch';
import { raterDetails } from './workbook-raters';
import { coefficientRange, coefficientSheetName, isPayKind, payColumnNote } from './pay-columns';
import { chunks, META_SHEET, templateEnvelope, WORKBOOK_FORMAT, WORKBOOK_VERSION, type MetaColumn, type WorkbookMeta } from './workbook-meta';

/** Identity columns frozen with the header (工号, 姓名, 状态). */
const FROZEN_COLUMNS = 3;

function say(data: PeriodExport, key: string, params?: MessageParams): string {
  return translate(data.locale, `files.${key}`, params);
}

function denseSheet(rows: CellObject[][], extra: Partial<WorkSheet> = {}): WorkSheet {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 1);
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: width - 1 } });
  return { '!data': rows, '!ref': ref, ...extra };
}

function scoresSheet(grid: ScoredGrid, data: PeriodExport): WorkSheet {
  const { layout } = grid;
  const first = 2;
  const formulaRows: FormulaRows = {
    first,
    last: Math.max(first, first + grid.rows.length - 1),
    temporaryLabel: translate(data.locale, 'scoring.status.temporary'),
    ...(data.pay ? { coefficients: coefficientRange(data.locale, data.pay.coefficients.length) } : {}),
  };
  const header = layout.columns.map((column) => textCell(column.header));
  const formulas = layout.columns.map((column) => formulaForRows(layout, column, formulaRows));
  const formats = layout.columns.map((column) => NUMBER_FORMATS[column.format]);
  // A computed cell that reads a value that does not fit holds the error itself, not a formula:
  // Excel would score the value (a bonus of 7 clamped to 5) where Kaohe scores nothing.
  const body = grid.rows.map((row, i) =>
    layout.columns.map((_, c) => {
      const value = row.values[c];
      return cellOf(value, formats[c], isInvalidEntry(value) ? undefined : formulas[c]?.(first + i));
    }),
  );
  const rows = [header, ...body];
  return denseSheet(rows, { '!cols': columnWidths(rows) });
}

function templateSheet(data: PeriodExport): WorkSheet {
  const rows = [[textCell(say(data, 'sheet.templateIntro'))], ...chunks(templateEnvelope(data.template)).map((part) => [textCell(part)])];
  return denseSheet(rows, { '!cols': [{ wch: 120 }] });
}

function columnNote(data: PeriodExport, grid: ScoredGrid, column: LayoutColumn): string {
  if (isPayKind(column.kind)) return `${column.letter} ${column.header}: ${payColumnNote(column.kind, data.locale)}`;
  const kind = say(data, `sheet.kind.${column.kind}`);
  const source = column.slot === undefined ? undefined : grid.layout.compiled.cells[column.slot]!.source;
  return source && (column.kind === 'derived' || column.kind === 'roleScore' || column.kind === 'section' || column.kind === 'total' || column.kind === 'output')
    ? `${column.letter} ${column.header}: ${kind} = ${source}`
    : `${column.letter} ${column.header}: ${kind}`;
}

function notesSheet(data: PeriodExport, grid: ScoredGrid): WorkSheet {
  const lines: string[] = [
    `${data.template.name} · ${data.periodLabel}`,
    say(data, 'notes.exported', { time: data.exportedAt, workspace: data.workspaceName }),
    say(data, 'notes.howToRead'),
    say(data, 'notes.recalculate'),
  ];
  if (grid.averagedRaters) lines.push(say(data, 'notes.averaged'));
  if (grid.leftOut.length > 0) lines.push(say(data, 'notes.leftOut', { names: grid.leftOut.map((p) => p.name).join('、') }));
  if (grid.layout.columns.some((column) => column.kind === 'weekSum')) lines.push(say(data, 'notes.weekly'));
  if (data.pay) lines.push(translate(data.locale, 'review.export.notes', { sheet: coefficientSheetName(data.locale) }));
  lines.push('', say(data, 'notes.columns'), ...grid.layout.columns.map((column) => columnNote(data, grid, column)));
  lines.push('', say(data, 'notes.template'), ...data.template.description.split('\n'));
  if (data.template.source) lines.push(data.template.source);
  return denseSheet(
    lines.map((line) => [textCell(line)]),
    { '!cols': [{ wch: 100 }] },
  );
}

function metaColumns(grid: ScoredGrid): MetaColumn[] {
  return grid.layout.columns.map((column): MetaColumn => {
    if (column.kind === 'employeeNo' || column.kind === 'name' || column.kind === 'status') return { index: column.index, kind: column.kind };
    if (column.kind === 'entry' && column.target) return { index: column.index, kind: 'entry', target: column.target.id };
    return { index: column.index, kind: 'computed' };
  });
}

/** grade → 绩效系数, read by the pay columns' lookups. */
function coefficientSheet(data: PeriodExport): WorkSheet {
  const rows = [
    [textCell(translate(data.locale, 'review.export.coefficientGrade')), textCell(translate(data.locale, 'review.export.coefficient'))],
    ...(data.pay?.coefficients ?? []).map((row) => [textCell(row.grade), cellOf(row.coefficient)]),
  ];
  return denseSheet(rows, { '!cols': [{ wch: 16 }, { wch: 12 }] });
}

export function metaSheet(meta: WorkbookMeta): WorkSheet {
  return denseSheet(chunks(JSON.stringify(meta)).map((part) => [textCell(part)]));
}

export function exportScoresXlsx(data: PeriodExport): Uint8Array {
  const grid = scoredGrid(data);
  const scores = say(data, 'sheet.scoresSheet');
  const template = say(data, 'sheet.templateSheet');
  const onSheet = new Map(grid.rows.map((row) => [row.person.id, row.person]));
  const raters = raterDetails(data.input.entries, onSheet);
  const meta: WorkbookMeta = {
    format: WORKBOOK_FORMAT,
    version: WORKBOOK_VERSION,
    kind: 'scores',
    sheet: scores,
    templateSheet: template,
    headerRow: 0,
    periodId: data.periodId,
    periodKey: data.periodKey,
    periodKind: data.periodKind,
    templateId: data.templateId,
    templateVersion: data.template.version,
    columns: metaColumns(grid),
    ...(raters.length > 0 ? { raters } : {}),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, scoresSheet(grid, data), scores);
  XLSX.utils.book_append_sheet(workbook, templateSheet(data), template);
  XLSX.utils.book_append_sheet(workbook, notesSheet(data, grid), say(data, 'sheet.notesSheet'));
  if (data.pay) XLSX.utils.book_append_sheet(workbook, coefficientSheet(data), coefficientSheetName(data.locale));
  XLSX.utils.book_append_sheet(workbook, metaSheet(meta), META_SHEET);
  workbook.Workbook = { Sheets: [...workbook.SheetNames.slice(1).map(() => ({})), { Hidden: 2 }] };
  const bytes: ArrayBuffer = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
  return patchXlsx(new Uint8Array(bytes), { freeze: [{ sheet: 1, rows: 1, columns: FROZEN_COLUMNS }], fullCalcOnLoad: true });
}
