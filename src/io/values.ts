// A cell from a file → the value stored for an input, by the input's type. One reading for every
// import (CSV, xlsx, rater forms) so "90%", "0.9" and a percent-formatted 90% all store 0.9.
//
// Rules (also in docs/file-formats.md):
// - number: 1234.5, "1,234.5", "１２３" (full-width), "85分" when the input's unit is 分; "90%" → 0.9.
// - percent: stored as a fraction. "90%" → 0.9, "0.9" → 0.9. A column of bare numbers that are
//   all above 1 (with at least one ≥ 10) is read as whole percents, 90 → 0.9, and the report says so.
// - count: a whole number ("3", "3次" with unit 次); 2.5 is refused.
// - level: one of the input's levels, by value (3, "3", "3级") or by the label a levels rule gives it.
// - boolean: 是/否, 有/无, 对/错, √/×, yes/no, true/false, 1/0 → stored as 1 or 0.
// - text: as written, trimmed.
// Blank cells are "no value given", never zero.
import type { Indicator, InputDef, Template } from '../scoring/model';
import { fromPercent, readBoolean, readLevel, readNumber } from '../scoring/entry-values';
import { IMPORT_LIMITS } from './limits';
import type { CellValue } from './table';

export type StoredValue = number | string;

export interface ValueSpec {
  readonly type: InputDef['type'];
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** Allowed values of a level input. */
  readonly levels?: readonly (number | string)[];
  /** Level labels (提供必要服务 → 1) from the levels rules that read the input. */
  readonly levelLabels?: ReadonlyMap<string, number | string>;
}

export type ValueProblemCode = 'notANumber' | 'notInteger' | 'outOfRange' | 'unknownLevel' | 'notBoolean' | 'textTooLong';

export type ParsedValue =
  | { readonly ok: true; readonly value: StoredValue | null }
  | { readonly ok: false; readonly code: ValueProblemCode; readonly expected: string };

/** The value spec of an input, with level labels from every levels rule that reads it. */
export function inputSpec(input: InputDef, template: Template): ValueSpec {
  const labels = new Map<string, number | string>();
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      const rule = indicator.rule;
      if (rule.kind !== 'levels' || rule.input !== input.name) continue;
      for (const row of rule.levels) if (row.label) labels.set(normalizeText(row.label), row.value);
    }
  }
  const levels = input.levels ?? (input.type === 'level' ? levelValuesOf(input, template) : undefined);
  return {
    type: input.type,
    ...(input.min !== undefined ? { min: input.min } : {}),
    ...(input.max !== undefined ? { max: input.max } : {}),
    ...(input.unit ? { unit: input.unit } : {}),
    ...(levels && levels.length > 0 ? { levels } : {}),
    ...(labels.size > 0 ? { levelLabels: labels } : {}),
  };
}

function levelValuesOf(input: InputDef, template: Template): (number | string)[] | undefined {
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      if (indicator.rule.kind === 'levels' && indicator.rule.input === input.name) return indicator.rule.levels.map((row) => row.value);
    }
  }
  return undefined;
}

/** Points entered directly for an indicator (服务态度 0–15; 出色表现 bonus −5…5). */
export function indicatorSpec(indicator: Indicator): ValueSpec {
  const rule = indicator.rule;
  if (rule.kind === 'bonus') return { type: 'number', min: rule.min, max: rule.max, ...(indicator.unit ? { unit: indicator.unit } : {}) };
  return { type: 'number', min: 0, max: indicator.max, ...(indicator.unit ? { unit: indicator.unit } : {}) };
}

/** ASCII and CJK unified ideographs (U+4E00–U+9FFF) are unchanged by NFKC: most names and numbers. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/** NFKC folds full-width digits, letters, ％ and brackets into ASCII; case and spaces are ignored. */
export function normalizeText(text: string): string {
  const folded = NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
  return folded.trim().toLowerCase().replace(/\s+/g, '');
}


/** Plain ASCII decimals, the common case, read without normalising first. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Text as a number, or undefined: "1,234.5", "１２", "85分" (unit), "90%" (→ 0.9, percent: true). */
export function numberOf(text: string, unit?: string): { value: number; percent: boolean } | undefined {
  if (PLAIN_NUMBER.test(text)) return { value: Number(text), percent: false };
  return readNumber(text, unit);
}

function rangeText(spec: ValueSpec, scale = 1): string {
  const show = (n: number) => String(Number((n * scale).toPrecision(12)));
  const suffix = scale === 100 ? '%' : '';
  if (spec.min !== undefined && spec.max !== undefined) return `${show(spec.min)}${suffix} – ${show(spec.max)}${suffix}`;
  if (spec.min !== undefined) return `≥ ${show(spec.min)}${suffix}`;
  if (spec.max !== undefined) return `≤ ${show(spec.max)}${suffix}`;
  return '';
}

function inRange(value: number, spec: ValueSpec): boolean {
  if ((spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max)) return true;
  // Just outside? Compare at 12 significant digits: 0.1 + 0.2 must not fall outside a max of 0.3.
  const settled = Number(value.toPrecision(12));
  return (spec.min === undefined || settled >= spec.min) && (spec.max === undefined || settled <= spec.max);
}

/**
 * Parse one cell for an input. `wholePercents`: the column's bare numbers are whole percents
 * (decided once per column by `readsAsWholePercents`).
 */
export function parseValue(cell: CellValue, spec: ValueSpec, wholePercents = false): ParsedValue {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  switch (spec.type) {
    case 'text': {
      const text = typeof cell === 'string' ? cell.trim() : String(cell);
      return text.length > IMPORT_LIMITS.cellChars ? { ok: false, code: 'textTooLong', expected: `≤ ${IMPORT_LIMITS.cellChars}` } : { ok: true, value: text };
    }
    case 'boolean':
      return parseBoolean(cell);
    case 'level':
      return parseLevel(cell, spec);
    default:
      return parseNumber(cell, spec, wholePercents);
  }
}

function parseBoolean(cell: CellValue): ParsedValue {
  if (typeof cell === 'boolean') return { ok: true, value: cell ? 1 : 0 };
  const value = readBoolean(String(cell));
  return value === undefined ? { ok: false, code: 'notBoolean', expected: '是/否, 1/0' } : { ok: true, value };
}

function parseLevel(cell: CellValue, spec: ValueSpec): ParsedValue {
  const levels = spec.levels ?? [];
  const expected = levels.map(String).join(', ');
  if (typeof cell === 'number') {
    return levels.includes(cell) ? { ok: true, value: cell } : { ok: false, code: 'unknownLevel', expected };
  }
  const value = readLevel(String(cell), levels, spec.levelLabels);
  // A file's level must be one the template knows (with no list, any level reads as written).
  return value === undefined || (levels.length === 0 && typeof value !== 'number') ? { ok: false, code: 'unknownLevel', expected } : { ok: true, value };
}

function parseNumber(cell: CellValue, spec: ValueSpec, wholePercents: boolean): ParsedValue {
  let value: number;
  let explicitPercent = false;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string' && PLAIN_NUMBER.test(cell)) value = Number(cell);
  else if (typeof cell === 'boolean') value = cell ? 1 : 0;
  else {
    const parsed = numberOf(cell ?? '', spec.unit);
    if (!parsed) return { ok: false, code: 'notANumber', expected: spec.type === 'percent' ? '90% / 0.9' : spec.type === 'count' ? '0, 1, 2 …' : '123.45' };
    value = parsed.value;
    explicitPercent = parsed.percent;
  }
  if (spec.type === 'percent' && wholePercents && !explicitPercent) value = fromPercent(value);
  if (spec.type === 'count' && !Number.isInteger(value)) {
    if (!Number.isInteger(Number(value.toPrecision(12)))) return { ok: false, code: 'notInteger', expected: '0, 1, 2 …' };
    value = Math.round(value);
  }
  if (!inRange(value, spec)) return { ok: false, code: 'outOfRange', expected: rangeText(spec, spec.type === 'percent' ? 100 : 1) };
  return { ok: true, value };
}

/**
 * "123", "-4.5": digits with at most one point, up to 15 digits, read by hand (faster than a
 * regular expression and Number() for two million cells). digits ÷ 10^k is correctly rounded,
 * so it is the same double Number(text) gives. NaN for anything else.
 */
function plainDecimal(text: string): number {
  const length = text.length;
  if (length === 0 || length > 16) return Number.NaN;
  let at = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    at = 1;
    if (length === 1) return Number.NaN;
  }
  let digits = 0;
  let count = 0;
  let scale = 1;
  let point = false;
  for (; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      count += 1;
      if (point) scale *= 10;
    } else if (code === 46 && !point && count > 0) point = true;
    else return Number.NaN;
  }
  if (count === 0 || count > 15 || (point && scale === 1)) return Number.NaN;
  const value = digits / scale;
  return negative ? -value : value;
}

/**
 * The common case without allocating: a plain number (or plain decimal text) for a number,
 * percent or count input that is in range. NaN means "not that simple": use parseValue.
 */
export function quickNumber(cell: CellValue, spec: ValueSpec, wholePercents: boolean): number {
  if (spec.type !== 'number' && spec.type !== 'percent' && spec.type !== 'count') return Number.NaN;
  let value: number;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') value = plainDecimal(cell);
  else return Number.NaN;
  if (value !== value) return Number.NaN;
  if (wholePercents && spec.type === 'percent') value = fromPercent(value);
  if (spec.type === 'count' && !Number.isInteger(value)) return Number.NaN;
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) return Number.NaN;
  return value;
}

/**
 * Does a percent column hold whole percents (90 meaning 90%)? Only when every bare number in it is
 * above 1 and one reaches 10: achievement rates such as 1.05 and 1.2 stay fractions, and a column
 * mixing 0.9 and 90 is read as written (so 90 is out of range and reported).
 */
export function readsAsWholePercents(cells: Iterable<CellValue>, unit?: string): boolean {
  let seen = false;
  let reachesTen = false;
  for (const cell of cells) {
    if (cell === null || typeof cell === 'boolean') continue;
    let value: number;
    if (typeof cell === 'number') value = cell;
    else {
      const parsed = numberOf(cell, unit);
      if (!parsed || parsed.percent) continue;
      value = parsed.value;
    }
    if (value === 0) continue;
    if (value <= 1) return false;
    seen = true;
    if (value >= 10) reachesTen = true;
  }
  return seen && reachesTen;
}
