// 员工确认 by file: one person's result sheet (xlsx) with the scores, how each was worked out, the
// talk notes, the coefficient and pay, and the 员工意见 cells to fill (同意 / 不同意, a text, a
// name, a date). Like a rater form: a protected sheet with only the answer cells unlocked (blue), a
// hidden key naming the period, the person, where the answers are and the result the employee saw.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { translate, type MessageParams } from '../i18n/catalog';
import type { Indicator } from '../scoring/model';
import { describeExplanation, describeRoleDetails, formatScore } from '../scoring/describe';
import { ruleSummary } from '../scoring/rule-summary';
import { scorePeriod } from '../scoring/score';
import type { PersonResult } from '../scoring/sheet-types';
import type { TalkRecord } from '../scoring/review';
import { metaSheet } from './export-xlsx';
import { payValuesFor } from './pay-columns';
import { INPUT_FORMAT_MARK } from './rater-form';
import type { PeriodExport } from './scored-grid';
import { cellOf, NUMBER_FORMATS, textCell } from './xlsx-cells';
import { patchXlsx } from './xlsx-patch';
import { shownResult } from './confirmation-result';
export { shownResult, type ShownResult } from './confirmation-result';
import { META_SHEET, WORKBOOK_FORMAT, WORKBOOK_VERSION, type WorkbookMeta } from './workbook-meta';

export interface ConfirmationPerson {
  readonly personId: string;
  readonly team: string;
  readonly position: string;
  readonly talk: TalkRecord | null;
}

export interface ConfirmationRequest {
  readonly data: PeriodExport;
  /** One file each, in order. */
  readonly people: readonly ConfirmationPerson[];
  /** [person id, calibrated grade]: the grade that counts when there is one. */
  readonly calibrated: readonly (readonly [string, string])[];
  /** 'YYYY-MM-DD', the last day to appeal; '' when none. */
  readonly deadline: string;
}


/** Answer cells: text, blue, unlocked. */
const ANSWER_FORMAT = `${INPUT_FORMAT_MARK}@`;
const WIDTHS = [16, 28, 10, 36, 10, 48];

function say(request: ConfirmationRequest, key: string, params?: MessageParams): string {
  return translate(request.data.locale, `review.form.${key}`, params);
}

interface Laid {
  readonly rows: CellObject[][];
  readonly fields: NonNullable<WorkbookMeta['fields']>;
}

function label(text: string): CellObject {
  return textCell(text);
}

function lay(request: ConfirmationRequest, person: ConfirmationPerson, result: PersonResult, calibrated: string | undefined): Laid {
  const { data } = request;
  const { template, locale } = data;
  const score = (value: PersonResult['total']) => formatScore(value, locale);
  const who = data.people.find((p) => p.id === person.personId);
  const rows: CellObject[][] = [
    [textCell(say(request, 'title', { template: template.name, period: data.periodLabel }))],
    [textCell(say(request, 'instructions.fill'))],
    [textCell(request.deadline ? say(request, 'instructions.returnBy', { deadline: request.deadline }) : say(request, 'instructions.return'))],
    [],
    [label(say(request, 'name')), textCell(who?.name ?? ''), label(say(request, 'employeeNo')), cellOf(who?.employeeNo ?? '', '@'), label(say(request, 'team')), textCell(person.team)],
    [label(say(request, 'position')), textCell(person.position), label(say(request, 'period')), textCell(data.periodLabel), label(say(request, 'company')), textCell(data.workspaceName)],
    [],
    ['no', 'indicator', 'weight', 'rule', 'score', 'explanation'].map((key) => textCell(say(request, `col.${key}`))),
  ];
  let number = 0;
  const weight = (indicator: Indicator) =>
    indicator.bonus ? say(request, 'bonus') : indicator.weight !== undefined ? `${formatScore(indicator.weight * 100, locale)}%` : say(request, 'points', { points: score(indicator.max) });
  for (const section of template.sections) {
    rows.push([textCell(''), textCell(section.name), textCell(''), textCell(''), cellOf(result.sections[section.id] ?? null, NUMBER_FORMATS.score)]);
    for (const indicator of section.indicators) {
      number += 1;
      const item = result.indicators[indicator.id];
      // Several raters: the weighted mean, then what each rater's values did.
      const explanation = item ? [describeExplanation(item.explanation, { locale, template, indicator }), describeRoleDetails(item.explanation, { locale, template, indicator })].filter(Boolean).join('\n') : '';
      rows.push([cellOf(number), textCell(indicator.name), textCell(weight(indicator)), textCell(ruleSummary(indicator, template, locale)), cellOf(item?.score ?? null, NUMBER_FORMATS.score), textCell(explanation)]);
    }
  }
  rows.push([]);
  const grade = result.grade === null ? say(request, 'notGraded') : calibrated ? say(request, 'calibrated', { grade: calibrated, computed: result.grade }) : result.grade;
  rows.push([label(say(request, 'total')), cellOf(typeof result.total === 'number' ? result.total : score(result.total), NUMBER_FORMATS.score)]);
  rows.push([label(say(request, 'grade')), textCell(grade)]);
  rows.push([label(say(request, 'rank')), cellOf(result.rank)]);
  if (data.pay) {
    const pay = payValuesFor(data.pay)(person.personId, result.grade);
    rows.push([label(say(request, 'coefficient')), cellOf(pay.coefficient)]);
    rows.push([label(say(request, 'pay')), cellOf(pay.pay, NUMBER_FORMATS.money)]);
  }
  rows.push([]);
  rows.push([label(say(request, 'talk'))]);
  const talk = person.talk;
  if (talk) {
    rows.push([label(say(request, 'talk.strengths')), textCell(talk.strengths)]);
    rows.push([label(say(request, 'talk.improve')), textCell(talk.improve)]);
    rows.push([label(say(request, 'talk.goals')), textCell(talk.goals)]);
    const plan = talk.plan.map((item) => (item.due ? say(request, 'talk.planItem', { action: item.action, due: item.due }) : item.action)).join('\n');
    rows.push([label(say(request, 'talk.plan')), textCell(plan)]);
    rows.push([label(say(request, 'talk.by')), textCell(talk.by)]);
  } else {
    rows.push([textCell(say(request, 'talk.none'))]);
  }
  rows.push([]);
  rows.push([label(say(request, 'opinion.title'))]);
  const agreeRow = rows.length;
  rows.push([label(say(request, 'opinion.agree')), cellOf(null, ANSWER_FORMAT), textCell(''), textCell(say(request, 'opinion.agreeHint'))]);
  const textRow = rows.length;
  rows.push([label(say(request, 'opinion.text')), cellOf(null, ANSWER_FORMAT), textCell(''), textCell(say(request, 'opinion.textHint'))]);
  const byRow = rows.length;
  rows.push([label(say(request, 'opinion.by')), cellOf(null, ANSWER_FORMAT), label(say(request, 'opinion.date')), cellOf(null, ANSWER_FORMAT)]);
  return { rows, fields: { agree: `B${agreeRow + 1}`, text: `B${textRow + 1}`, by: `B${byRow + 1}`, date: `D${byRow + 1}` } };
}

/** One person's confirmation workbook. */
export function exportConfirmation(request: ConfirmationRequest, person: ConfirmationPerson, result: PersonResult): Uint8Array {
  const { data } = request;
  const calibrated = new Map(request.calibrated).get(person.personId);
  const shownCalibration = result.grade === null ? undefined : calibrated;
  const { rows, fields } = lay(request, person, result, shownCalibration);
  const width = WIDTHS.length;
  const sheet: WorkSheet = {
    '!data': rows,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } }),
    '!cols': WIDTHS.map((wch) => ({ wch })),
    // No password, as rater forms: it guards against slips, HR can lift it.
    '!protect': {},
  };
  const sheetName = say(request, 'sheet');
  const meta: WorkbookMeta = {
    format: WORKBOOK_FORMAT,
    version: WORKBOOK_VERSION,
    kind: 'confirmation',
    sheet: sheetName,
    headerRow: 7,
    periodId: data.periodId,
    periodKey: data.periodKey,
    periodKind: data.periodKind,
    templateId: data.templateId,
    templateVersion: data.template.version,
    columns: [],
    personId: person.personId,
    fields,
    result: shownResult(result, shownCalibration),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, sheetName);
  XLSX.utils.book_append_sheet(workbook, metaSheet(meta), META_SHEET);
  workbook.Workbook = { Sheets: [{}, { Hidden: 2 }] };
  const bytes: ArrayBuffer = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
  return patchXlsx(new Uint8Array(bytes), { unlockFormatPrefix: INPUT_FORMAT_MARK });
}

export function confirmationFileName(request: ConfirmationRequest, personId: string): string {
  const person = request.data.people.find((p) => p.id === personId);
  const parts = [request.data.template.name, request.data.periodKey, say(request, 'fileWord'), person?.name ?? personId];
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}

/** Every requested person's file, scored once for the whole team (ranks and cohort rules see everyone). */
export function exportConfirmations(request: ConfirmationRequest): { readonly name: string; readonly bytes: Uint8Array }[] {
  const scored = scorePeriod(request.data.template, request.data.input);
  const byId = new Map(scored.people.map((result) => [result.personId, result]));
  return request.people.flatMap((person) => {
    const result = byId.get(person.personId);
    return result ? [{ name: confirmationFileName(request, person.personId), bytes: exportConfirmation(request, person, result) }] : [];
  });
}
