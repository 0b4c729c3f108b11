// Filled rater forms coming back: each is read through its hidden key and the same validation as
// any import, then all are merged. The same cell (person × input × role × rater) filled the same
// way in several files is one value; filled differently it is a conflict the person resolves by
// choosing; cells nobody filled are listed. Nothing is overwritten silently.
import type { RaterRole } from '../scoring/model';
import type { SheetEntry } from '../scoring/sheet-types';
import { mappingFromMeta, readWorkbookMeta } from './workbook-read';
import { fileProblem, type IoProblem } from './problems';
import { entryTargets } from './targets';
import { headerText } from './mapping';
import { validateImport, type ImportContext, type ImportPlan } from './validate';
import { batchBuilder, entriesOf, type EntryBatch } from './entry-batch';
import type { StoredValue } from './values';
import type { ReadWorkbook } from './xlsx-read';
import type { WorkbookMeta } from './workbook-meta';
import { isBlank } from './table';

export interface CellRef {
  readonly person: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
}

export interface ReadForm {
  readonly file: string;
  readonly meta: WorkbookMeta;
  readonly plan: ImportPlan;
  /** Cells on the form left blank. */
  readonly blanks: readonly CellRef[];
}

export type FormResult = { readonly ok: true; readonly form: ReadForm } | { readonly ok: false; readonly problem: IoProblem };

/** Read one filled form for the chosen period; a form of another period or template is refused. */
export function readRaterForm(workbook: ReadWorkbook, context: ImportContext & { readonly periodId: string; readonly templateId: string }): FormResult {
  const found = readWorkbookMeta(workbook);
  if (!found.ok || found.meta.kind !== 'raterForm') return { ok: false, problem: fileProblem('notKaoheFile', workbook.file) };
  const meta = found.meta;
  if (meta.periodId !== context.periodId) return { ok: false, problem: { code: 'otherPeriod', severity: 'error', file: workbook.file, expected: context.periodKey, received: meta.periodKey } };
  if (meta.templateId !== context.templateId) return { ok: false, problem: { ...fileProblem('notKaoheFile', workbook.file), expected: context.templateId, received: meta.templateId } };
  const table = workbook.table(meta.sheet);
  if (!('rows' in table)) return { ok: false, problem: table };
  const width = Math.max(...table.rows.map((row) => row.length), 0);
  const mapping = mappingFromMeta(meta, width);
  const rater = meta.rater ?? '';
  const plan = validateImport(table, mapping, { ...context, rater, createMissingPeople: false });

  // Blank cells, per person the row names (by the hidden id column, else as validation found them).
  const targets = new Map(entryTargets(context.template, context.periodKind).map((target) => [target.id, target]));
  const idColumn = mapping.columns.indexOf('person.id');
  const known = new Set(context.people.map((person) => person.id));
  const blanks: CellRef[] = [];
  for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const person = headerText(row[idColumn]);
    if (!known.has(person)) continue;
    mapping.columns.forEach((column, c) => {
      if (!column.startsWith('entry:') || !isBlank(row[c])) return;
      const target = targets.get(column.slice('entry:'.length));
      if (target) blanks.push({ person, key: target.key, role: target.role, rater });
    });
  }
  return { ok: true, form: { file: workbook.file, meta, plan, blanks } };
}

export interface ConflictOption {
  readonly file: string;
  readonly row: number;
  readonly column: number;
  readonly value: StoredValue;
}

export interface Conflict extends CellRef {
  /** Stable id of the cell, for the choice the person makes. */
  readonly id: string;
  readonly options: readonly ConflictOption[];
}

export interface MissingCell extends CellRef {
  readonly files: readonly string[];
}

export interface MergedForms {
  /** Cells every file that filled them agrees on. */
  readonly agreed: EntryBatch;
  readonly conflicts: readonly Conflict[];
  /** Cells on some form that no form filled. */
  readonly missing: readonly MissingCell[];
}

export function cellId(cell: CellRef): string {
  return [cell.person, cell.key, cell.role, cell.rater].join('\u0001');
}

export function mergeForms(forms: readonly ReadForm[]): MergedForms {
  const filled = new Map<string, { cell: CellRef; options: ConflictOption[] }>();
  for (const form of forms) {
    for (const entry of entriesOf(form.plan.entries)) {
      const cell: CellRef = { person: entry.person, key: entry.key, role: entry.role, rater: entry.rater };
      const id = cellId(cell);
      const slot = filled.get(id) ?? { cell, options: [] };
      slot.options.push({ file: form.file, row: entry.row, column: entry.column, value: entry.value });
      filled.set(id, slot);
    }
  }
  const agreed = batchBuilder();
  const conflicts: Conflict[] = [];
  for (const [id, { cell, options }] of filled) {
    const values = new Set(options.map((option) => option.value));
    if (values.size > 1) {
      conflicts.push({ id, ...cell, options });
      continue;
    }
    const first = options[0]!;
    agreed.addEntry({ ...cell, value: first.value, row: first.row, column: first.column });
  }
  const missingById = new Map<string, { cell: CellRef; files: string[] }>();
  for (const form of forms) {
    for (const cell of form.blanks) {
      const id = cellId(cell);
      if (filled.has(id)) continue;
      const slot = missingById.get(id) ?? { cell, files: [] };
      if (!slot.files.includes(form.file)) slot.files.push(form.file);
      missingById.set(id, slot);
    }
  }
  const missing = [...missingById.values()].map(({ cell, files }) => ({ ...cell, files }));
  return { agreed: agreed.done(), conflicts, missing };
}

/** The merged entries with each conflict settled by the option chosen for it; undefined while any is open. */
export function resolveConflicts(merged: MergedForms, choices: ReadonlyMap<string, number>): EntryBatch | undefined {
  if (merged.conflicts.some((conflict) => choices.get(conflict.id) === undefined)) return undefined;
  const batch = batchBuilder();
  for (const entry of entriesOf(merged.agreed)) batch.addEntry(entry);
  for (const conflict of merged.conflicts) {
    const option = conflict.options[choices.get(conflict.id)!];
    if (!option) return undefined;
    batch.addEntry({ person: conflict.person, key: conflict.key, role: conflict.role, rater: conflict.rater, value: option.value, row: option.row, column: option.column });
  }
  return batch.done();
}

/** One rater's value in a cell the merge shows as averaged: from a form, or already stored. */
export interface AveragedPart {
  readonly rater: string;
  readonly value: StoredValue;
  readonly source: 'form' | 'stored';
}

export interface AveragedCell {
  readonly person: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly parts: readonly AveragedPart[];
  /** What the cell will hold: the raters' mean. */
  readonly mean: number;
}

/**
 * Cells the merged forms fill where named and unnamed raters' values will be averaged: a named
 * rater's form value beside an unnamed value already stored (typed in the grid without a rater
 * name), or an unnamed form value beside named raters'. Said on the merge screen, because the
 * result is then neither value (赵经理 80% with an unnamed 99% is 89.5%).
 */
export function averagedWithStored(merged: EntryBatch, stored: readonly SheetEntry[]): AveragedCell[] {
  const cellKey = (person: string, key: string, role: RaterRole) => `${person}\u0001${key}\u0001${role}`;
  const byCell = new Map<string, Map<string, AveragedPart>>();
  const touched = new Map<string, { person: string; key: string; role: RaterRole }>();
  for (const entry of stored) {
    if (entry.value === null || entry.value === '' || typeof entry.value === 'boolean') continue;
    const id = cellKey(entry.personId, entry.key, entry.role);
    const parts = byCell.get(id) ?? new Map<string, AveragedPart>();
    parts.set(entry.rater ?? '', { rater: entry.rater ?? '', value: entry.value, source: 'stored' });
    byCell.set(id, parts);
  }
  for (const entry of entriesOf(merged)) {
    const id = cellKey(entry.person, entry.key, entry.role);
    const parts = byCell.get(id) ?? new Map<string, AveragedPart>();
    parts.set(entry.rater, { rater: entry.rater, value: entry.value, source: 'form' });
    byCell.set(id, parts);
    touched.set(id, { person: entry.person, key: entry.key, role: entry.role });
  }
  const cells: AveragedCell[] = [];
  for (const [id, cell] of touched) {
    const parts = [...byCell.get(id)!.values()];
    const named = parts.some((part) => part.rater !== '');
    const unnamed = parts.some((part) => part.rater === '');
    const numbers = parts.map((part) => part.value).filter((value): value is number => typeof value === 'number');
    if (!named || !unnamed || numbers.length !== parts.length) continue;
    cells.push({ ...cell, parts, mean: numbers.reduce((sum, value) => sum + value, 0) / numbers.length });
  }
  return cells;
}
