// A period scored and laid out as rows × columns of plain values: what the xlsx and the CSV
// export write (the xlsx adds a formula to each computed column). Scoring is the core's; this
// file only picks values out of the scored sheet.
import type { Locale } from '../i18n/catalog';
import { translate } from '../i18n/catalog';
import type { Value } from '../formula/types';
import type { PeriodKind, Template } from '../scoring/model';
import { scorePeriod, type ScoredPeriod } from '../scoring/score';
import type { PersonResult, SheetInput } from '../scoring/sheet-types';
import { scoreSheetLayout, type SheetLayout } from './sheet-layout';

export interface ExportPerson {
  readonly id: string;
  readonly name: string;
  readonly employeeNo: string;
}

/** Everything an export needs; the UI gathers it from the store (loadPeriodSheet). */
export interface PeriodExport {
  readonly template: Template;
  /** Template record id (`family@version`), written into the workbook's key. */
  readonly templateId: string;
  readonly periodId: string;
  readonly periodKey: string;
  readonly periodKind: PeriodKind;
  readonly periodLabel: string;
  readonly workspaceName: string;
  /** In `input.people` order, with names and employee numbers. */
  readonly people: readonly ExportPerson[];
  readonly input: SheetInput;
  readonly locale: Locale;
  /** When the file was made (ISO text), from the caller: the core has no clock. */
  readonly exportedAt: string;
}

export interface GridRow {
  readonly person: ExportPerson;
  readonly result: PersonResult;
  /** One value per layout column. */
  readonly values: readonly Value[];
}

export interface ScoredGrid {
  readonly layout: SheetLayout;
  readonly scored: ScoredPeriod;
  readonly rows: readonly GridRow[];
  /** People not in the sheet (on leave this period). */
  readonly leftOut: readonly ExportPerson[];
  /** Some cell averages several raters of one role. */
  readonly averagedRaters: boolean;
}

export function scoredGrid(data: PeriodExport): ScoredGrid {
  const layout = scoreSheetLayout(data.template, data.periodKind, data.locale);
  const scored = scorePeriod(data.template, data.input);
  const byId = new Map(data.people.map((person) => [person.id, person]));
  const rows: GridRow[] = [];
  const leftOut: ExportPerson[] = [];
  const { sheet } = scored;
  scored.people.forEach((result) => {
    const person = byId.get(result.personId) ?? { id: result.personId, name: result.personId, employeeNo: '' };
    const row = sheet.rowOf.get(result.personId);
    if (row === undefined || row < 0) {
      leftOut.push(person);
      return;
    }
    const values = layout.columns.map((column): Value => {
      switch (column.kind) {
        case 'employeeNo':
          return person.employeeNo;
        case 'name':
          return person.name;
        case 'status':
          return translate(data.locale, `scoring.status.${result.status}`);
        case 'grade':
          return result.grade ?? '';
        case 'rank':
          return result.rank;
        default:
          return column.slot === undefined ? null : (sheet.columns[column.slot]![row] ?? null);
      }
    });
    rows.push({ person, result, values });
  });
  const raters = new Map<string, Set<string>>();
  for (const entry of data.input.entries) {
    const key = `${entry.personId}|${entry.key}|${entry.role}`;
    const set = raters.get(key) ?? new Set();
    set.add(entry.rater ?? '');
    raters.set(key, set);
  }
  return { layout, scored, rows, leftOut, averagedRaters: [...raters.values()].some((set) => set.size > 1) };
}
