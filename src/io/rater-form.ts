// A rater form: one xlsx per rater (or per team, or per person for self-rating) with only that
// rater's cells to fill, instructions in the first rows, and the role's computed scores as
// formulas on a protected sheet. The input cells are the only unlocked ones (blue text); a hidden
// key names the period, role, rater and template version so the filled file maps back.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { translate, type MessageParams } from '../i18n/catalog';
import { printExcel } from '../formula/index';
import type { CompiledTemplate } from '../scoring/graph';
import type { RaterRole } from '../scoring/model';
import { compileTemplate } from '../scoring/score';
import { metaSheet } from './export-xlsx';
import { refsFor } from './excel-formulas';
import type { PeriodExport } from './scored-grid';
import { scoreSheetLayout, withRole, type LayoutColumn, type NumberFormat, type SheetLayout } from './sheet-layout';
import { columnLetter } from './table';
import { entryTargets, type EntryTarget } from './targets';
import type { ValueSpec } from './values';
import { cellOf, columnWidths, NUMBER_FORMATS, textCell } from './xlsx-cells';
import { patchXlsx } from './xlsx-patch';
import { META_SHEET, WORKBOOK_FORMAT, WORKBOOK_VERSION, type MetaColumn, type WorkbookMeta } from './workbook-meta';

export interface RaterFormRequest {
  readonly data: PeriodExport;
  readonly role: RaterRole;
  /** Who fills it in ('' when the form is per team and nobody is named). */
  readonly rater: string;
  /** People on the form, in order. */
  readonly personIds: readonly string[];
  /** Shown in the title: a team, a person, or the rater. */
  readonly label: string;
}

/** Input cells are marked by a number format starting with this; only they are left unlocked. */
export const INPUT_FORMAT_MARK = '[Blue]';
/** Instruction rows above the header. */
const INSTRUCTION_ROWS = 5;

function say(data: PeriodExport, key: string, params?: MessageParams): string {
  return translate(data.locale, `files.form.${key}`, params);
}

function inputFormat(format: NumberFormat): string {
  const base = NUMBER_FORMATS[format];
  return `${INPUT_FORMAT_MARK}${base ?? 'General'}`;
}

/**
 * Computed cells of the role that a form can show: derived inputs and indicator scores of that
 * role reading only the form's own cells in the same row (a rank or team average would need the
 * whole team, which one rater's form does not have).
 */
function formCells(compiled: CompiledTemplate, role: RaterRole, entrySlots: ReadonlySet<number>): number[] {
  const memo = new Map<number, boolean>();
  const fits = (slot: number): boolean => {
    if (entrySlots.has(slot)) return true;
    const known = memo.get(slot);
    if (known !== undefined) return known;
    memo.set(slot, false);
    const cell = compiled.cells[slot]!;
    const ok = (cell.kind === 'derived' || cell.kind === 'roleScore') && cell.role === role && !cell.weekly && !cell.fault && cell.teamDeps.length === 0 && cell.ast !== undefined && cell.rowDeps.every(fits);
    memo.set(slot, ok);
    return ok;
  };
  return compiled.cells.filter((cell) => !entrySlots.has(cell.slot) && fits(cell.slot)).map((cell) => cell.slot);
}

/** "1 – 5", "0% – 100%", "是/否": what a column takes, for the hint row. */
function hint(data: PeriodExport, spec: ValueSpec): string {
  const show = (n: number, scale: number) => String(Number((n * scale).toPrecision(12)));
  const range = (scale: number, suffix: string) =>
    spec.min !== undefined && spec.max !== undefined
      ? `${show(spec.min, scale)}${suffix} – ${show(spec.max, scale)}${suffix}`
      : spec.min !== undefined
        ? `≥ ${show(spec.min, scale)}${suffix}`
        : '';
  switch (spec.type) {
    case 'boolean':
      return say(data, 'hint.boolean');
    case 'level':
      return (spec.levels ?? []).join(' / ');
    case 'percent':
      return range(100, '%') || say(data, 'hint.percent');
    case 'count':
      return range(1, '') || say(data, 'hint.count');
    case 'text':
      return say(data, 'hint.text');
    default:
      return range(1, spec.unit ?? '');
  }
}

interface FormColumn {
  readonly kind: 'personId' | 'employeeNo' | 'name' | 'entry' | 'computed';
  readonly header: string;
  readonly letter: string;
  readonly slot?: number;
  readonly target?: EntryTarget;
  readonly format: NumberFormat;
}

export function raterFormColumns(data: PeriodExport, role: RaterRole): { columns: FormColumn[]; layout: SheetLayout } {
  const compiled = compileTemplate(data.template);
  const multiRole = compiled.roles.length > 1;
  const full = scoreSheetLayout(data.template, data.periodKind, data.locale);
  const targets = entryTargets(data.template, data.periodKind).filter((target) => target.role === role && !target.team);
  const entrySlots = new Set(targets.map((target) => target.slot));
  const list: Omit<FormColumn, 'letter'>[] = [
    { kind: 'personId', header: translate(data.locale, 'files.sheet.kind.personId'), format: 'text' },
    { kind: 'employeeNo', header: translate(data.locale, 'files.sheet.employeeNo'), format: 'text' },
    { kind: 'name', header: translate(data.locale, 'files.sheet.name'), format: 'text' },
  ];
  for (const target of targets) {
    const column = full.columnOfSlot.get(target.slot);
    list.push({ kind: 'entry', header: multiRole ? withRole(target.name, role, data.locale) : target.name, slot: target.slot, target, format: column?.format ?? 'general' });
  }
  for (const slot of formCells(compiled, role, entrySlots)) {
    const column = full.columnOfSlot.get(slot);
    const cell = compiled.cells[slot]!;
    list.push({ kind: 'computed', header: column?.header ?? cell.name, slot, format: column?.format ?? 'score' });
  }
  const columns = list.map((column, i) => ({ ...column, letter: columnLetter(i) }));
  // The formulas' references: the same layer names, pointing at this form's columns.
  const columnOfSlot = new Map<number, LayoutColumn>();
  columns.forEach((column, index) => {
    if (column.slot !== undefined) columnOfSlot.set(column.slot, { kind: column.kind === 'entry' ? 'entry' : 'derived', header: column.header, index, letter: column.letter, slot: column.slot, format: column.format });
  });
  return { columns, layout: { compiled, columns: [...columnOfSlot.values()], columnOfSlot } };
}

export function exportRaterForm(request: RaterFormRequest): Uint8Array {
  const { data, role, rater } = request;
  const { columns, layout } = raterFormColumns(data, role);
  const byId = new Map(data.people.map((person) => [person.id, person]));
  const people = request.personIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const roleName = translate(data.locale, `scoring.role.${role}`);
  const title = [data.template.name, data.periodLabel, roleName, request.label].filter(Boolean).join(' · ');
  const headerRow = INSTRUCTION_ROWS;
  const first = headerRow + 2;
  const rows = { first, last: Math.max(first, first + people.length - 1), temporaryLabel: '' };
  const sheetRows: CellObject[][] = [
    [textCell(title)],
    [textCell(say(data, 'instructions.fill'))],
    [textCell(say(data, 'instructions.values'))],
    [textCell(say(data, 'instructions.return'))],
    columns.map((column) => textCell(column.target ? hint(data, column.target.spec) : '')),
    columns.map((column) => textCell(column.header)),
  ];
  people.forEach((person, i) => {
    const excelRow = first + i;
    sheetRows.push(
      columns.map((column) => {
        switch (column.kind) {
          case 'personId':
            return cellOf(person.id, '@');
          case 'employeeNo':
            return cellOf(person.employeeNo, '@');
          case 'name':
            return cellOf(person.name, '@');
          case 'entry':
            return cellOf(null, inputFormat(column.format));
          case 'computed': {
            const cell = layout.compiled.cells[column.slot!]!;
            const formula = printExcel(cell.ast!, refsFor(layout, role, excelRow, rows), { xlfn: true });
            return cellOf(null, NUMBER_FORMATS[column.format], formula);
          }
        }
      }),
    );
  });
  const widths = columnWidths(sheetRows.slice(headerRow));
  widths[0] = { hidden: true, wch: 12 };
  const width = Math.max(columns.length, 1);
  const form: WorkSheet = {
    '!data': sheetRows,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: sheetRows.length - 1, c: width - 1 } }),
    '!cols': widths,
    // No password: HR can lift the protection to correct a form; it guards against slips.
    '!protect': {},
  };
  const sheetName = say(data, 'sheet');
  const meta: WorkbookMeta = {
    format: WORKBOOK_FORMAT,
    version: WORKBOOK_VERSION,
    kind: 'raterForm',
    sheet: sheetName,
    headerRow,
    periodId: data.periodId,
    periodKey: data.periodKey,
    periodKind: data.periodKind,
    templateId: data.templateId,
    templateVersion: data.template.version,
    role,
    rater,
    columns: columns.map((column, index): MetaColumn => (column.kind === 'entry' ? { index, kind: 'entry', target: column.target!.id } : { index, kind: column.kind })),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, form, sheetName);
  XLSX.utils.book_append_sheet(workbook, metaSheet(meta), META_SHEET);
  workbook.Workbook = { Sheets: [{}, { Hidden: 2 }] };
  const bytes: ArrayBuffer = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
  return patchXlsx(new Uint8Array(bytes), { freeze: [{ sheet: 1, rows: headerRow + 1, columns: 3 }], unlockFormatPrefix: INPUT_FORMAT_MARK, fullCalcOnLoad: true });
}

/** A file name for a form: template, period, role and who it is for, without characters files may not have. */
export function raterFormFileName(request: RaterFormRequest): string {
  const roleName = translate(request.data.locale, `scoring.role.${request.role}`);
  const parts = [request.data.template.name, request.data.periodKey, roleName, request.label].filter(Boolean);
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}
