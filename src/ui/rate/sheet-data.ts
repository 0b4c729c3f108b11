// The rating sheet as the grid sees it: text, sort values, problems and tones of each cell,
// read straight from the sheet model (nothing is copied per cell, so 10,000 rows cost nothing
// until they scroll into view).
import { formatNumber, translate, type Locale } from '../../i18n/catalog';
import { isError, type Scalar, type Value } from '../../formula/index';
import { type CrossPeriodFlag, describeCrossPeriodRule, describeEntryProblem as describeScoringEntryProblem, describeExplanation, entryProblem, type EntryProblem, explainIndicator, type InputDef, isInvalidEntry, performancePay, type PersonStatus, REVIEW_STATUSES } from '../../scoring/index';
import type { CellTone, GridData } from '../grid/types';
import type { RateColumn } from './columns';
import { enteredValue, type SheetModel } from './sheet-model';
import { coefficientText, moneyText, statusText, type ReviewLookup } from '../review/review-rows';

export interface SheetView {
  readonly locale: Locale;
  /** The rater name edits are entered as ('' = not recorded). */
  readonly rater: string;
  readonly locked: boolean;
  readonly flags: ReadonlyMap<string, readonly CrossPeriodFlag[]>;
  readonly teamNames: ReadonlyMap<string, string>;
  /** The period's reviews, calibrations, coefficient table and pay bases (the status and pay columns). */
  readonly review?: ReviewLookup;
}

/** Empty values for state that is replaced whole (never mutated). */
export const NO_FLAGS: ReadonlyMap<string, readonly CrossPeriodFlag[]> = new Map();
export const NO_NAMES: ReadonlyMap<string, string> = new Map();
export const NO_IDS: ReadonlySet<string> = new Set();

export function teamNameMap(teams: readonly { readonly id: string; readonly name: string }[]): ReadonlyMap<string, string> {
  return new Map(teams.map((team) => [team.id, team.name]));
}

export const STATUSES: readonly PersonStatus[] = ['active', 'leave', 'temporary'];

export function statusLabel(status: PersonStatus, locale: Locale): string {
  return translate(locale, `scoring.status.${status}`);
}

/** Status as typed: its label in either language, or a short word (参与/请假/临时). */
export function parseStatus(text: string): PersonStatus | null {
  const word = text.trim().toLowerCase();
  if (word === '') return 'active';
  for (const status of STATUSES) {
    for (const locale of ['zh-CN', 'en'] as const) if (statusLabel(status, locale).toLowerCase() === word) return status;
  }
  if (['参与', '正常', '在岗', 'active'].includes(word)) return 'active';
  if (['请假', '不参与', '缺岗', 'leave'].includes(word)) return 'leave';
  if (['临时', '顶岗', 'temporary', 'temp'].includes(word)) return 'temporary';
  return null;
}

/** A stored value as a person reads it: 95%, 是, 4. */
export function formatEntry(input: InputDef, value: Scalar, locale: Locale): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (input.type === 'boolean') {
    if (value === true || value === 1) return translate(locale, 'rate.value.yes');
    if (value === false || value === 0) return translate(locale, 'rate.value.no');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (input.type === 'percent') return `${formatNumber(locale, value * 100, 2)}%`;
  return formatNumber(locale, value, 4);
}

/** A computed value: up to 2 decimals; errors show their code; blank stays blank. */
export function formatComputed(value: Value | undefined, locale: Locale, percent = false): string {
  if (value === null || value === undefined || value === '') return '';
  if (isError(value)) return value.code;
  if (typeof value === 'object') return '';
  if (typeof value === 'number') return percent ? `${formatNumber(locale, value * 100, 2)}%` : formatNumber(locale, value, 2);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

export function describeEntryProblem(problem: EntryProblem, input: InputDef, locale: Locale): string {
  if (problem.code === 'belowMin' || problem.code === 'aboveMax') {
    const bound = problem.code === 'belowMin' ? problem.min : problem.max;
    return translate(locale, `rate.problem.${problem.code}`, { [problem.code === 'belowMin' ? 'min' : 'max']: formatEntry(input, bound, locale) });
  }
  return describeScoringEntryProblem(problem, locale);
}

function sheetRow(model: SheetModel, personId: string): number {
  return model.scored.sheet.rowOf.get(personId) ?? -1;
}

/** The computed value shown in a column for a person, or undefined if the column is not computed. */
/** Has anything been entered for the raw inputs a derived input reads, in this row? */
function derivedHasInputs(model: SheetModel, slot: number, row: number): boolean {
  const { cells } = model.compiled;
  return cells[slot]!.rowDeps.some((dep) => cells[dep]!.kind !== 'raw' || model.scored.sheet.columns[dep]![row] !== null);
}

export function computedValue(model: SheetModel, column: RateColumn, personId: string): Value | undefined {
  const source = column.source;
  let slot: number;
  switch (source.kind) {
    case 'score':
      slot = source.plan.finalSlot;
      break;
    case 'derived':
    case 'section':
    case 'total':
    case 'grade':
    case 'rank':
    case 'output':
      slot = source.slot;
      break;
    default:
      return undefined;
  }
  const row = sheetRow(model, personId);
  if (row < 0) return null;
  const value = model.scored.sheet.columns[slot]![row];
  // 询单人数比 of a row nobody has filled in yet is blank, not #DIV/0!.
  if (source.kind === 'derived' && isError(value) && !derivedHasInputs(model, slot, row)) return null;
  // Grades are for assessed people only (temporary cover is ranked, not graded).
  if (source.kind === 'grade' && model.statuses.get(personId) !== 'active') return null;
  return value ?? null;
}

/** What one rater entered in an entry column, or, when they have not, the mean of the others. */
function entryDisplay(model: SheetModel, column: RateColumn, personId: string, rater: string): { value: Scalar; own: boolean } {
  const source = column.source;
  if (source.kind !== 'entry') return { value: null, own: true };
  const own = enteredValue(model, personId, source.key, source.role, rater);
  if (own !== null) return { value: own, own: true };
  const row = sheetRow(model, personId);
  const combined = row >= 0 ? model.scored.sheet.columns[source.slot]![row] : null;
  if (combined === null || combined === undefined || typeof combined === 'object') return { value: null, own: true };
  return { value: combined, own: false };
}

/** Has anything been entered for this person in the period (or, for a month, in its weeks)? */
function hasValues(model: SheetModel, personId: string): boolean {
  for (const byPerson of model.entries.values()) if (byPerson.get(personId) !== undefined) return true;
  return (model.data.input.weeks ?? []).some((week) => week.entries.some((entry) => entry.personId === personId));
}

/** The person's review status, final grade, coefficient and pay as the sheet stands now. */
export function reviewCell(model: SheetModel, lookup: ReviewLookup, personId: string) {
  const row = model.scored.sheet.rowOf.get(personId) ?? -1;
  const assessed = (model.statuses.get(personId) ?? 'active') === 'active';
  const computed = row >= 0 && assessed ? model.scored.sheet.columns[model.compiled.gradeSlot]![row] : null;
  const gradeText = typeof computed === 'string' && computed !== '' ? computed : null;
  const grade = lookup.grade(personId, gradeText);
  const coefficient = lookup.coefficient(grade);
  const base = lookup.base(personId);
  return { status: lookup.status(personId, assessed, gradeText !== null && hasValues(model, personId)), grade, coefficient, base, pay: performancePay(base, coefficient) };
}

export function createGridData(model: SheetModel, columns: readonly RateColumn[], view: SheetView): GridData {
  const { locale } = view;
  const person = (row: number) => model.people[row]!;
  const failing = new Set(model.template.grades.filter((band) => band.failing).map((band) => band.label));
  const entryColumns = columns.filter((column) => column.source.kind === 'entry');

  /** How many of a person's entered values (as this rater sees them) do not fit their input. */
  function invalidEntries(personId: string): number {
    let count = 0;
    for (const column of entryColumns) {
      const source = column.source;
      if (source.kind !== 'entry') continue;
      if (entryProblem(source.input, enteredValue(model, personId, source.key, source.role, view.rater))) count += 1;
    }
    return count;
  }

  function text(row: number, col: number): string {
    const column = columns[col]!;
    const id = person(row).id;
    const source = column.source;
    switch (source.kind) {
      case 'person':
        return source.field === 'team' ? (view.teamNames.get(person(row).teamId) ?? '') : person(row)[source.field];
      case 'status':
        return statusLabel(model.statuses.get(id) ?? 'active', locale);
      case 'flags':
        return (view.flags.get(id) ?? []).map((flag) => describeCrossPeriodRule(flag.rule, locale)).join('；');
      case 'entry':
        return formatEntry(source.input, entryDisplay(model, column, id, view.rater).value, locale);
      case 'remark':
        return model.remarks.get(id) ?? '';
      case 'review':
        return view.review ? statusText(reviewCell(model, view.review, id).status, locale) : '';
      case 'coefficient':
        return view.review ? coefficientText(reviewCell(model, view.review, id).coefficient, locale) : '';
      case 'pay':
        return view.review ? moneyText(reviewCell(model, view.review, id).pay, locale) : '';
      case 'derived':
        return formatComputed(computedValue(model, column, id), locale, source.input.type === 'percent');
      case 'total':
        if (!rowRated(id)) return translate(locale, 'scoring.unrated');
        return shownComputed(computedValue(model, column, id));
      case 'score':
        return shownComputed(computedValue(model, column, id), true);
      case 'grade': {
        // An incomplete total has no grade: the total says why.
        const grade = computedValue(model, column, id);
        return isInvalidEntry(grade) ? '' : formatComputed(grade, locale);
      }
      default:
        return shownComputed(computedValue(model, column, id));
    }
  }

  /** Has anything been entered for the person (else the row is 未评 and scores nothing)? */
  function rowRated(personId: string): boolean {
    const row = sheetRow(model, personId);
    return row >= 0 && model.scored.sheet.isRated(row);
  }

  /** A score that reads a value that does not fit shows 无效; what sums it shows 不完整. */
  function shownComputed(value: Value | undefined, scoreCell = false): string {
    if (isInvalidEntry(value)) return translate(locale, scoreCell ? 'scoring.invalidScore' : 'scoring.incomplete');
    return formatComputed(value, locale);
  }

  return {
    get rowCount() {
      return model.people.length;
    },
    text,
    editText(row, col) {
      const column = columns[col]!;
      if (column.source.kind !== 'entry') return text(row, col);
      const shown = entryDisplay(model, column, person(row).id, view.rater);
      return shown.own ? formatEntry(column.source.input, shown.value, locale) : '';
    },
    sortValue(row, col) {
      const column = columns[col]!;
      const id = person(row).id;
      if (column.source.kind === 'entry') {
        const value = entryDisplay(model, column, id, view.rater).value;
        return typeof value === 'number' ? value : value === null ? null : String(value);
      }
      if ((column.source.kind === 'coefficient' || column.source.kind === 'pay') && view.review) {
        const cell = reviewCell(model, view.review, id);
        return column.source.kind === 'pay' ? cell.pay : cell.coefficient;
      }
      if (column.source.kind === 'review' && view.review) {
        // In the order of the period's life: 待评分 first, 已结案 last.
        const status = reviewCell(model, view.review, id).status;
        return status === null ? null : REVIEW_STATUSES.indexOf(status);
      }
      const value = computedValue(model, column, id);
      if (typeof value === 'number') return value;
      const shown = text(row, col);
      return shown === '' ? null : shown;
    },
    problem(row, col) {
      const column = columns[col]!;
      const id = person(row).id;
      const source = column.source;
      if (source.kind === 'entry') {
        const value = enteredValue(model, id, source.key, source.role, view.rater);
        const problem = entryProblem(source.input, value);
        return problem ? describeEntryProblem(problem, source.input, locale) : null;
      }
      const value = computedValue(model, column, id);
      if (source.kind === 'total' && !rowRated(id)) return translate(locale, 'rate.problem.unrated');
      // A value that does not fit scores nothing: the score says why, the total that it is incomplete.
      if (isInvalidEntry(value) && source.kind === 'grade') return null;
      if (isInvalidEntry(value)) {
        if (source.kind === 'score') {
          const row = sheetRow(model, id);
          return describeExplanation(explainIndicator(model.scored.sheet, source.plan, row), { locale, template: model.template, indicator: source.plan.indicator });
        }
        return translate(locale, 'rate.problem.rowInvalid', { count: Math.max(1, model.scored.sheet.invalidEntries(sheetRow(model, id)).length) });
      }
      if (value !== undefined && isError(value)) return translate(locale, 'rate.problem.error', { code: value.code });
      // Values this rater typed that do not fit, while the row's score uses other raters' values.
      if (source.kind === 'total') {
        const invalid = invalidEntries(id);
        if (invalid > 0) return translate(locale, 'rate.problem.rowInvalid', { count: invalid });
      }
      return null;
    },
    tone(row, col): CellTone | null {
      const column = columns[col]!;
      const id = person(row).id;
      const source = column.source;
      switch (source.kind) {
        case 'entry':
          return entryDisplay(model, column, id, view.rater).own ? null : 'muted';
        case 'status':
          return (model.statuses.get(id) ?? 'active') === 'active' ? null : 'warn';
        case 'flags':
          return view.flags.has(id) ? 'warn' : null;
        case 'total': {
          if (!rowRated(id)) return 'muted';
          const value = computedValue(model, column, id);
          if (value !== undefined && isError(value)) return 'error';
          return invalidEntries(id) > 0 ? 'warn' : 'strong';
        }
        case 'grade': {
          const grade = computedValue(model, column, id);
          return typeof grade === 'string' && failing.has(grade) ? 'error' : isError(grade) && !isInvalidEntry(grade) ? 'error' : 'strong';
        }
        case 'rank':
          return computedValue(model, column, id) === 1 ? 'good' : null;
        case 'review': {
          const status = view.review ? reviewCell(model, view.review, id).status : null;
          return status === 'disputed' || status === 'appealing' ? 'warn' : status === 'confirmed' || status === 'closed' ? 'good' : null;
        }
        default: {
          const value = computedValue(model, column, id);
          return value !== undefined && isError(value) ? 'error' : null;
        }
      }
    },
    editable(_row, col) {
      return !view.locked && columns[col]!.editable;
    },
    rowLabel(row) {
      return person(row).name;
    },
  };
}
