// Which column of a file means what: a person's name or employee number, an input as one rater
// role entered it (wide layout), or the parts of a long row (period, item, role, rater, value).
// Columns are matched to names automatically, Chinese included (全角 brackets, spaces and case do
// not matter), and the person can change any match in the wizard.
import { translate } from '../i18n/catalog';
import type { RaterRole, Template } from '../scoring/model';
import { RATER_ROLES } from '../scoring/model';
import type { EntryTarget } from './targets';
import type { CellValue } from './table';
import { normalizeText, numberOf } from './values';

export type Layout = 'wide' | 'long';

export type FieldTarget = 'ignore' | 'person.id' | 'person.name' | 'person.employeeNo' | 'long.period' | 'long.item' | 'long.role' | 'long.rater' | 'long.value';
/** A field, or `entry:<EntryTarget.id>`. */
export type ColumnTarget = FieldTarget | `entry:${string}`;

export const PERSON_FIELDS: readonly FieldTarget[] = ['person.name', 'person.employeeNo'];
export const LONG_FIELDS: readonly FieldTarget[] = ['long.period', 'long.item', 'long.role', 'long.rater', 'long.value'];

export interface ColumnMapping {
  readonly layout: Layout;
  /** 0-based index of the header row; data starts below it. */
  readonly headerRow: number;
  /** One target per column. */
  readonly columns: readonly ColumnTarget[];
}

/** Header words for each field, compared after normalizeText. Person ids come only from Kaohe's own files. */
const FIELD_WORDS: Readonly<Record<Exclude<FieldTarget, 'ignore' | 'person.id'>, readonly string[]>> = {
  'person.name': ['姓名', '名字', '员工姓名', '员工', '人员', '被考核人', '被考核人姓名', '被评价人', 'name', 'fullname', 'person', 'employee', 'employeename'],
  'person.employeeNo': ['工号', '员工编号', '员工工号', '编号', '职工号', '员工号', '人员编号', 'employeeno', 'employeeno.', 'employeeid', 'staffno', 'id', 'no', 'no.'],
  'long.period': ['期间', '考核期间', '考核期', '周期', '考核周期', '月份', '考核月份', 'period', 'month'],
  'long.item': ['指标', '考核指标', '项目', '考核项目', '输入', '输入项', '数据项', '指标/输入', 'indicator', 'input', 'item', 'metric', 'indicator/input'],
  'long.role': ['角色', '评价人角色', '评价角色', '评分角色', 'role', 'raterrole'],
  'long.rater': ['评价人', '评分人', '评价人姓名', '打分人', 'rater', 'ratername'],
  'long.value': ['值', '数值', '分值', '数据', '结果', 'value'],
};

const FIELD_BY_WORD: ReadonlyMap<string, FieldTarget> = new Map(
  Object.entries(FIELD_WORDS).flatMap(([field, words]) => words.map((word) => [normalizeText(word), field as FieldTarget] as const)),
);

/** Role names people write, in both languages, plus common synonyms. */
const ROLE_SYNONYMS: Readonly<Record<RaterRole, readonly string[]>> = {
  self: ['自评', '本人', '自我评价', '自己'],
  supervisor: ['上级', '上级评', '上级评价', '主管', '领导', '公司领导', '考核人'],
  peer: ['平级', '同事', '同级', '平级评价'],
  subordinate: ['下级', '下属', '下级评价'],
  customer: ['客户', '客户评价'],
};

const ROLE_BY_WORD: ReadonlyMap<string, RaterRole> = new Map(
  RATER_ROLES.flatMap((role) =>
    [role, translate('zh-CN', `scoring.role.${role}`), translate('en', `scoring.role.${role}`), ...ROLE_SYNONYMS[role]].map((word) => [normalizeText(word), role] as const),
  ),
);

/** A role from its code, its label in either language, or a synonym. */
export function roleOf(text: string): RaterRole | undefined {
  return ROLE_BY_WORD.get(normalizeText(text));
}

export function headerText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** `__proto__` and friends are refused as column names: no file gets to name object keys. */
export function isUnsafeHeader(header: string): boolean {
  const t = header.trim();
  return t === '__proto__' || t === 'constructor' || t === 'prototype';
}

const TRAILING_GROUP = /\(([^()]*)\)$/;
const ROLE_SEPARATORS = ['-', '_', '·', '/', ':', '|', '—'];

interface HeaderParts {
  readonly base: string;
  readonly role?: RaterRole;
}

/** "完成率（上级）", "完成率-自评", "完成率 (Self)" → name part and role; the whole header last. */
function splitRole(normalized: string): HeaderParts[] {
  const parts: HeaderParts[] = [];
  const group = TRAILING_GROUP.exec(normalized);
  if (group) {
    const role = roleOf(group[1]!);
    if (role) parts.push({ base: normalized.slice(0, group.index), role });
  }
  for (const separator of ROLE_SEPARATORS) {
    const at = normalized.lastIndexOf(separator);
    if (at <= 0) continue;
    const role = roleOf(normalized.slice(at + separator.length));
    if (role) parts.push({ base: normalized.slice(0, at), role });
  }
  parts.push({ base: normalized });
  return parts;
}

/** A name and the name without a trailing unit group: "客户满意度(%)" also answers to "客户满意度". */
function nameForms(normalized: string): string[] {
  const forms = [normalized];
  const group = TRAILING_GROUP.exec(normalized);
  if (group && group.index > 0) forms.push(normalized.slice(0, group.index));
  return forms;
}

export interface MatchIndex {
  readonly targets: readonly EntryTarget[];
  /** Normalized name → targets with that name (one per role). */
  readonly byName: ReadonlyMap<string, readonly EntryTarget[]>;
  readonly primaryRole: RaterRole;
}

export function matchIndex(targets: readonly EntryTarget[], template: Template): MatchIndex {
  const byName = new Map<string, EntryTarget[]>();
  for (const target of targets) {
    for (const form of nameForms(normalizeText(target.name))) {
      const list = byName.get(form) ?? [];
      if (!list.includes(target)) list.push(target);
      byName.set(form, list);
    }
  }
  const primaryRole = template.roles[0]?.role ?? targets[0]?.role ?? 'supervisor';
  return { targets, byName, primaryRole };
}

/** The entry target a header names, if any. A header without a role means the primary role. */
export function matchEntry(header: string, index: MatchIndex): EntryTarget | undefined {
  const normalized = normalizeText(header);
  if (normalized === '') return undefined;
  for (const { base, role } of splitRole(normalized)) {
    for (const form of nameForms(base)) {
      const candidates = index.byName.get(form);
      if (!candidates || candidates.length === 0) continue;
      const wanted = role ?? index.primaryRole;
      const found = candidates.find((target) => target.team || target.role === wanted) ?? (role === undefined && candidates.length === 1 ? candidates[0] : undefined);
      if (found) return found;
    }
  }
  return undefined;
}

export function matchField(header: string): FieldTarget | undefined {
  return FIELD_BY_WORD.get(normalizeText(header));
}

/** The best guess for every column; later columns never take a target an earlier one has. */
export function autoMap(headers: readonly CellValue[], index: MatchIndex, headerRow: number): ColumnMapping {
  const columns: ColumnTarget[] = [];
  const taken = new Set<string>();
  let entries = 0;
  for (const cell of headers) {
    const header = headerText(cell);
    let target: ColumnTarget = 'ignore';
    if (!isUnsafeHeader(header)) {
      const field = matchField(header);
      const entry = field ? undefined : matchEntry(header, index);
      if (field) target = field;
      else if (entry) target = `entry:${entry.id}`;
    }
    if (target !== 'ignore' && taken.has(target)) target = 'ignore';
    if (target !== 'ignore') taken.add(target);
    if (target.startsWith('entry:')) entries += 1;
    columns.push(target);
  }
  const long = entries === 0 && taken.has('long.item') && taken.has('long.value');
  // Long fields found in a wide file (a "结果" column, say) mean nothing there.
  const fitted = columns.map((target) => (long ? (target.startsWith('entry:') ? 'ignore' : target) : LONG_FIELDS.includes(target as FieldTarget) ? 'ignore' : target));
  return { layout: long ? 'long' : 'wide', headerRow, columns: fitted };
}

/**
 * The header row: among the first rows, the one naming most known columns (inputs, 姓名, 工号 …),
 * preferring text over numbers. Rater forms and exported sheets put titles above the header.
 */
export function detectHeaderRow(rows: readonly (readonly CellValue[])[], index: MatchIndex): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  const limit = Math.min(rows.length, 30);
  for (let r = 0; r < limit; r++) {
    let score = 0;
    for (const cell of rows[r]!) {
      if (cell === null) continue;
      if (typeof cell === 'number' || (typeof cell === 'string' && numberOf(cell) !== undefined)) {
        score -= 2;
        continue;
      }
      const header = headerText(cell);
      if (header === '' || header.length > 60) continue;
      score += 1;
      if (matchField(header) || matchEntry(header, index)) score += 4;
    }
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return best;
}

/** A short fingerprint of the header texts: the same file layout gets the same remembered mapping. */
export function headerSignature(headers: readonly CellValue[]): string {
  const text = headers.map((cell) => normalizeText(headerText(cell))).join('\u0001');
  // FNV-1a, 32 bits, twice with different seeds: short, stable, and collisions are harmless
  // (a wrong remembered mapping is only a suggestion the person sees before applying).
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `${hash(0x811c9dc5)}${hash(0x9747b28c)}`;
}

/** Targets a column may take in a layout, for the wizard's drop-downs. */
export function targetsFor(layout: Layout, targets: readonly EntryTarget[]): ColumnTarget[] {
  const fields: ColumnTarget[] = ['ignore', 'person.id', ...PERSON_FIELDS];
  if (layout === 'long') return [...fields, ...LONG_FIELDS];
  return [...fields, ...targets.map((target) => `entry:${target.id}` as const)];
}

/** Keep only targets that exist: a remembered mapping may come from an older template. */
export function sanitizeMapping(mapping: { readonly layout: Layout; readonly headerRow: number; readonly columns: readonly string[] }, columns: number, targets: readonly EntryTarget[]): ColumnMapping {
  const allowed: ReadonlySet<string> = new Set<ColumnTarget>(targetsFor(mapping.layout, targets));
  const isAllowed = (value: string): value is ColumnTarget => allowed.has(value);
  const list: ColumnTarget[] = [];
  for (let c = 0; c < columns; c++) {
    const target = mapping.columns[c] ?? 'ignore';
    list.push(isAllowed(target) ? target : 'ignore');
  }
  return { layout: mapping.layout, headerRow: mapping.headerRow, columns: list };
}
