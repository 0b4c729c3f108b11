// Text typed or pasted into a rating cell → the value to store, and what is wrong with a stored
// value. Text from Excel/WPS and Chinese keyboards arrives as "90%", "９０％", "1,200", "5级",
// "三级", "是": read it the way a person meant it. Unreadable text is kept as text (never dropped)
// and `entryProblem` says why it does not fit.
import type { Scalar } from '../formula/types';
import type { Indicator, InputDef, Template } from './model';

export type EntryProblem =
  | { readonly code: 'notNumber' }
  | { readonly code: 'notInteger' }
  | { readonly code: 'belowMin'; readonly min: number }
  | { readonly code: 'aboveMax'; readonly max: number }
  | { readonly code: 'notLevel'; readonly levels: readonly (number | string)[] }
  | { readonly code: 'notBoolean' };

export interface EntryOptions {
  /** Level descriptions → level value (等级表 rows: "提供必要服务" → 1), for typing a level by its label. */
  readonly levelLabels?: ReadonlyMap<string, number | string>;
}

/** Full-width digits, signs and punctuation (from Chinese input methods) → ASCII. */
export function normalizeWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。]/g, '.')
    .replace(/[−–—]/g, '-');
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Percent points as a fraction, at Excel's 15 significant digits: "92.3%" is 0.923, as Excel
 * stores it, not 92.3 ÷ 100 = 0.9229999999999999 (which would not survive a round trip).
 */
export function fromPercent(points: number): number {
  return Number((points / 100).toPrecision(15));
}

/** "1,234.5" / "-3" / "12" → number; anything else → null. */
function plainNumber(text: string): number | null {
  const compact = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number as people write it, typed or in a file: "1,234.5", "１２", "¥248", "85分" (with the
 * input's unit), "90%" (→ 0.9, `percent: true`). Undefined when it is not a number. The grid and
 * every importer read numbers with this one function.
 */
export function readNumber(raw: string, unit?: string): { value: number; percent: boolean } | undefined {
  let body = normalizeWidth(raw).trim().replace(/^[¥$]/, '').trim();
  if (unit) {
    const folded = normalizeWidth(unit);
    if (body.endsWith(folded)) body = body.slice(0, -folded.length).trim();
  }
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1).trim();
  const value = plainNumber(body);
  if (value === null) return undefined;
  return { value: percent ? fromPercent(value) : value, percent };
}

function numberOf(text: string, input: InputDef): number | null {
  return readNumber(text, input.unit)?.value ?? null;
}

/**
 * Percent inputs store fractions (0.95). "95%" is 0.95; a bare number above 1 is read as
 * percent points ("95" → 0.95) and one from 0 to 1 as the fraction itself ("0.95", and "1" →
 * 100%, as an unformatted Excel cell copies it). Excel's own rule would read "1" as 1%, which
 * turns a pasted 100% completion rate into 1%.
 */
function percentOf(text: string): number | null {
  const match = /^(.*?)\s*%$/.exec(text);
  if (match) {
    const points = plainNumber(match[1]!.trim());
    return points === null ? null : fromPercent(points);
  }
  const value = plainNumber(text);
  if (value === null) return null;
  return Math.abs(value) > 1 ? fromPercent(value) : value;
}

const TRUE_WORDS = new Set(['是', '有', '对', '√', '✓', '✔', 'y', 'yes', 'true', 't', '1']);
const FALSE_WORDS = new Set(['否', '无', '没有', '错', '×', '✗', '✘', 'n', 'no', 'false', 'f', '0']);

/** 是/否, 有/无, 对/错, √/×, yes/no, true/false, 1/0 → 1 or 0; undefined for anything else. */
export function readBoolean(raw: string): 0 | 1 | undefined {
  const word = normalizeWidth(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return 1;
  if (FALSE_WORDS.has(word)) return 0;
  return undefined;
}

/**
 * A level as people write it: the value itself ("3", "优秀", any case and width), "5级", "第3档",
 * "五级", or the level's description from the level table. With no allowed levels, any number.
 */
export function readLevel(
  raw: string,
  levels: readonly (number | string)[],
  labels?: ReadonlyMap<string, number | string>,
): number | string | undefined {
  const text = normalizeWidth(raw).trim();
  const lower = text.toLowerCase();
  const direct = levels.find((level) => normalizeWidth(String(level)).toLowerCase() === lower);
  if (direct !== undefined) return direct;
  const labelled = labels?.get(text) ?? labels?.get(lower);
  if (labelled !== undefined) return labelled;
  const stripped = text.replace(/^第/, '').replace(/\s*[级等档星分]$/, '').trim();
  const numeric = plainNumber(stripped) ?? CHINESE_DIGITS[stripped] ?? null;
  if (numeric !== null && (levels.length === 0 || levels.some((level) => level === numeric))) return numeric;
  return undefined;
}

function levelOf(text: string, input: InputDef, options: EntryOptions): number | string | null {
  return readLevel(text, input.levels ?? [], options.levelLabels) ?? null;
}

/**
 * The value to store for text entered into an input cell. Blank → null (clears the cell).
 * Text that cannot be read as the input's type is returned as the (trimmed) text itself, so
 * the person sees what they typed, marked invalid, instead of losing it.
 */
export function parseEntry(input: InputDef, raw: string, options: EntryOptions = {}): Scalar {
  const text = normalizeWidth(raw).trim();
  if (text === '') return null;
  switch (input.type) {
    case 'text':
      return raw.trim();
    case 'percent':
      return percentOf(text) ?? raw.trim();
    case 'number':
    case 'count':
      return numberOf(text, input) ?? raw.trim();
    case 'boolean':
      return readBoolean(text) ?? raw.trim();
    case 'level':
      return levelOf(text, input, options) ?? raw.trim();
  }
}

/** What is wrong with a stored value for this input, or null when it fits (blank always fits). */
export function entryProblem(input: InputDef, value: Scalar): EntryProblem | null {
  if (value === null || value === '') return null;
  switch (input.type) {
    case 'text':
      return null;
    case 'boolean':
      return value === true || value === false || value === 0 || value === 1 ? null : { code: 'notBoolean' };
    case 'level': {
      const levels = input.levels ?? [];
      if (levels.length > 0) return levels.some((level) => level === value) ? null : { code: 'notLevel', levels };
      return rangeProblem(input, value);
    }
    case 'count': {
      if (typeof value !== 'number') return { code: 'notNumber' };
      if (!Number.isInteger(value)) return { code: 'notInteger' };
      return rangeProblem(input, value);
    }
    case 'number':
    case 'percent':
      return rangeProblem(input, value);
  }
}

function rangeProblem(input: InputDef, value: Scalar): EntryProblem | null {
  if (typeof value !== 'number') return { code: 'notNumber' };
  if (input.min !== undefined && value < input.min) return { code: 'belowMin', min: input.min };
  if (input.max !== undefined && value > input.max) return { code: 'aboveMax', max: input.max };
  return null;
}

/**
 * Self-entered indicators (服务态度 满分15分: a direct or bonus rule without an input) are typed
 * straight into the indicator's column; they validate like a number input of the rule's range.
 */
export function selfEnteredInput(indicator: Indicator): InputDef {
  const rule = indicator.rule;
  if (rule.kind === 'bonus') return { id: indicator.id, name: indicator.name, type: 'number', min: rule.min, max: rule.max };
  return { id: indicator.id, name: indicator.name, type: 'number', min: Math.min(0, indicator.max), max: Math.max(0, indicator.max) };
}

/** Descriptions of the levels of every level table reading this input ("提供必要服务" → 1). */
export function levelLabelsFor(template: Template, input: InputDef): ReadonlyMap<string, number | string> {
  const labels = new Map<string, number | string>();
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      const rule = indicator.rule;
      if (rule.kind !== 'levels' || rule.input !== input.name) continue;
      for (const row of rule.levels) if (row.label && !labels.has(row.label)) labels.set(row.label, row.value);
    }
  }
  return labels;
}
