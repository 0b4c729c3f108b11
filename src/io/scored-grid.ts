// A period scored and laid out as rows × columns of plain values: what the xlsx and the CSV
// export write (the xlsx adds a formula to each computed column). Scoring is the core's; this
// file only picks values out of the scored sheet.
import type { Locale } from '../i18n/catalog';
import { translate } from '../i18n/catalog';
import type { Value } from '../formula/types';
import type { PeriodKind, PersonStatus, Template } from '../scoring/model';
import { compileTemplate, scorePeriod } from '../scoring/score';
import { createSheet, type Sheet } from '../scoring/sheet';
import type { SheetInput } from '../scoring/sheet-types';
import { scoreSheetLayout, type SheetLayout } from './sheet-layout';
import { isPayKind, payValuesFor, withPayColumns, type PayExport } from './pay-columns';

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
  /** 绩效系数 and 绩效工资: present when the workspace has a coefficient table for the template. */
  readonly pay?: PayExport;
}

export interface GridRow {
  readonly person: ExportPerson;
  readonly status: PersonStatus;
  /** As the app shows them: no grade for temporary cover or an error total. */
  readonly grade: string | null;
  readonly rank: number | null;
  /** One value per layout column. */
  readonly values: readonly Value[];
}

export interface ScoredGrid {
  readonly layout: SheetLayout;
  readonly sheet: Sheet;
  readonly rows: readonly GridRow[];
  /** People not in the sheet (on leave this period). */
  readonly leftOut: readonly ExportPerson[];
  /** Some cell averages several raters of one role. */
  readonly averagedRaters: boolean;
}

export function scoredGrid(data: PeriodExport): ScoredGrid {
  const scores = scoreSheetLayout(data.template, data.periodKind, data.locale);
  const layout = data.pay ? withPayColumns(scores, data.locale) : scores;
  const payOf = data.pay ? payValuesFor(data.pay) : undefined;
  const compiledTemplate = compileTemplate(data.template);
  // Weekly indicators need the weeks summed (scorePeriod does that); otherwise the sheet alone
  // is enough, without building every person's result objects.
  const sheet = compiledTemplate.hasWeekly ? scorePeriod(data.template, data.input).sheet : createSheet(compiledTemplate, data.input);
  const byId = new Map(data.people.map((person) => [person.id, person]));
  const rows: GridRow[] = [];
  const leftOut: ExportPerson[] = [];
  const { compiled } = layout;
  const statusText = new Map<PersonStatus, string>();
  const statusLabel = (status: PersonStatus) => {
    let text = statusText.get(status);
    if (text === undefined) {
      text = translate(data.locale, `scoring.status.${status}`);
      statusText.set(status, text);
    }
    return text;
  };
  // Read straight from the sheet's columns (as personResult does, without building the
  // explanations of every indicator of every person).
  for (const person of data.input.people) {
    const known = byId.get(person.id) ?? { id: person.id, name: person.name, employeeNo: '' };
    const row = sheet.rowOf.get(person.id);
    if (row === undefined || row < 0) {
      leftOut.push(known);
      continue;
    }
    const status = sheet.statusOf(person.id);
    const gradeValue = sheet.columns[compiled.gradeSlot]![row];
    const rankValue = sheet.columns[compiled.rankSlot]![row];
    const grade = status === 'active' && typeof gradeValue === 'string' && gradeValue !== '' ? gradeValue : null;
    const rank = typeof rankValue === 'number' ? rankValue : null;
    const pay = payOf?.(person.id, grade);
    const values = layout.columns.map((column): Value => {
      if (pay && isPayKind(column.kind)) return pay[column.kind];
      switch (column.kind) {
        case 'employeeNo':
          return known.employeeNo;
        case 'name':
          return known.name;
        case 'status':
          return statusLabel(status);
        case 'grade':
          return grade ?? '';
        case 'rank':
          return rank;
        case 'entry':
          // What was entered, also a value that does not fit (it scores nothing, but it is data).
          return column.slot === undefined ? null : sheet.enteredAt(column.slot, row);
        default:
          return column.slot === undefined ? null : (sheet.columns[column.slot]![row] ?? null);
      }
    });
    rows.push({ person: known, status, grade, rank, values });
  }
  const raters = new Map<string, string>();
  let averagedRaters = false;
  for (const entry of data.input.entries) {
    const key = `${entry.personId}|${entry.key}|${entry.role}`;
    const rater = entry.rater ?? '';
    const seen = raters.get(key);
    if (seen === undefined) raters.set(key, rater);
    else if (seen !== rater) averagedRaters = true;
  }
  return { layout, sheet, rows, leftOut, averagedRaters };
}
