// Several raters of one role in the rating workbook. A cell of the scores sheet holds the role's
// mean, so on its own it cannot come back as the raters' values: stored under the unnamed rater it
// would be averaged with the named raters again (89.5% → 84.75%). The hidden key therefore lists,
// for every cell with a named rater, each rater's value; importing the workbook puts those back
// when the cell still holds their mean, so export → import changes nothing. A cell changed in
// Excel is stored as the unnamed rater's value, and the report says it will be averaged.
import type { SheetEntry } from '../scoring/sheet-types';
import { TEAM_PERSON_ID } from '../scoring/model';
import { combineRaters } from '../scoring/sheet';
import { batchBuilder, entriesOf } from './entry-batch';
import type { ColumnMapping } from './mapping';
import { headerText } from './mapping';
import type { IoProblem } from './problems';
import { shortText } from './problems';
import type { RawTable } from './table';
import type { ImportPlan } from './validate';
import type { WorkbookMeta } from './workbook-meta';

/** One cell's raters as the key records them. */
export type RaterDetail = NonNullable<WorkbookMeta['raters']>[number];

function personKey(employeeNo: string, name: string): string {
  return `${employeeNo.trim()}\u0001${name.trim()}`;
}

/**
 * The raters of every cell that has a named rater, for the key: by the person's 工号 and 姓名 as
 * the sheet writes them (rows may be sorted in Excel) and the column's entry target.
 */
export function raterDetails(entries: readonly SheetEntry[], people: ReadonlyMap<string, { readonly employeeNo: string; readonly name: string }>): RaterDetail[] {
  const cells = new Map<string, { personId: string; target: string; values: [string, number | string][]; named: boolean }>();
  for (const entry of entries) {
    if (entry.personId === TEAM_PERSON_ID || entry.value === null || entry.value === '') continue;
    const target = `${entry.role}|${entry.key}`;
    const id = `${entry.personId}\u0001${target}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { personId: entry.personId, target, values: [], named: false }));
    const rater = entry.rater ?? '';
    cell.values.push([rater, typeof entry.value === 'boolean' ? (entry.value ? 1 : 0) : entry.value]);
    if (rater !== '') cell.named = true;
  }
  const details: RaterDetail[] = [];
  for (const cell of cells.values()) {
    const person = people.get(cell.personId);
    if (!cell.named || !person) continue;
    details.push({ employeeNo: person.employeeNo, name: person.name, target: cell.target, values: cell.values });
  }
  return details;
}

/** Equal as the sheet shows them: numbers at 15 significant digits, anything else exactly. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Number(a.toPrecision(15)) === Number(b.toPrecision(15));
  return a === b;
}

/**
 * Put each cell's raters back where the file still holds their mean; where it does not, keep the
 * file's value (stored unnamed) and say it will be averaged with the named raters' values.
 * Only cells of a column the person mapped as the key says, and only when the import stores
 * values without a rater name of its own.
 */
export function restoreRaters(plan: ImportPlan, table: RawTable, mapping: ColumnMapping, meta: WorkbookMeta): ImportPlan {
  const details = meta.raters ?? [];
  if (details.length === 0 || mapping.layout !== 'wide') return plan;
  const byCell = new Map(details.map((detail) => [`${personKey(detail.employeeNo, detail.name)}\u0001${detail.target}`, detail]));
  const keyTarget = new Map(meta.columns.filter((column) => column.kind === 'entry' && column.target).map((column) => [column.index, column.target!]));
  const noColumn = mapping.columns.indexOf('person.employeeNo');
  const nameColumn = mapping.columns.indexOf('person.name');
  const headers = table.rows[mapping.headerRow] ?? [];
  const batch = batchBuilder(plan.entries.numbers.length);
  const notes: IoProblem[] = [];
  for (const entry of entriesOf(plan.entries)) {
    const target = keyTarget.get(entry.column);
    const row = table.rows[entry.row - 1] ?? [];
    const detail =
      entry.rater === '' && target !== undefined && mapping.columns[entry.column] === `entry:${target}`
        ? byCell.get(`${personKey(noColumn >= 0 ? headerText(row[noColumn]) : '', nameColumn >= 0 ? headerText(row[nameColumn]) : '')}\u0001${target}`)
        : undefined;
    if (!detail) {
      batch.addEntry(entry);
      continue;
    }
    const mean = combineRaters(detail.values.map(([, value]) => value));
    if (sameValue(mean, entry.value)) {
      for (const [rater, value] of detail.values) batch.addEntry({ ...entry, rater, value });
      continue;
    }
    batch.addEntry(entry);
    const named = detail.values.filter(([rater]) => rater !== '').map(([rater]) => rater);
    notes.push({
      code: 'ratersAveraged',
      severity: 'warning',
      file: table.file,
      ...(table.sheet ? { sheet: table.sheet } : {}),
      row: entry.row,
      column: entry.column,
      header: headerText(headers[entry.column]),
      received: shortText(entry.value),
      params: { raters: named.join('、'), count: detail.values.length },
    });
  }
  if (notes.length === 0 && batch.size === plan.entries.numbers.length) return { ...plan, entries: batch.done() };
  return { ...plan, entries: batch.done(), problems: [...plan.problems, ...notes], problemTotal: plan.problemTotal + notes.length };
}
