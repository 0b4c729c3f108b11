// The columns of a scored sheet, from the compiled cell graph: who (工号, 姓名, 状态), what was
// entered (one column per input per rater role), and every computed cell a score depends on
// (derived inputs, each indicator's role scores and combined score, sections, total, grade,
// rank, outputs). The xlsx, the CSV and the rater forms all write these columns.
import type { Locale } from '../i18n/catalog';
import { translate } from '../i18n/catalog';
import type { CompiledTemplate } from '../scoring/graph';
import type { RaterRole, Template } from '../scoring/model';
import { compileTemplate } from '../scoring/score';
import { columnLetter } from './table';
import { entryTargets, isWeekOfMonthly, reachableSlots, type EntryTarget } from './targets';

export type LayoutKind =
  | 'employeeNo'
  | 'name'
  | 'status'
  | 'entry'
  | 'derived'
  | 'roleScore'
  | 'combined'
  | 'weekSum'
  | 'section'
  | 'total'
  | 'grade'
  | 'rank'
  | 'output'
  // Pay columns (pay-columns.ts), after the scores when the workspace pays by grade.
  | 'calibratedGrade'
  | 'coefficient'
  | 'payBase'
  | 'pay';

/** How the column's numbers are shown. */
export type NumberFormat = 'general' | 'percent' | 'score' | 'count' | 'money' | 'text';

export interface LayoutColumn {
  readonly kind: LayoutKind;
  readonly header: string;
  /** 0-based column index. */
  readonly index: number;
  readonly letter: string;
  /** Cell of the compiled graph, for entries and computed columns. */
  readonly slot?: number;
  readonly target?: EntryTarget;
  readonly format: NumberFormat;
}

export interface SheetLayout {
  readonly compiled: CompiledTemplate;
  readonly columns: readonly LayoutColumn[];
  /** Column of each graph slot that has one. */
  readonly columnOfSlot: ReadonlyMap<number, LayoutColumn>;
}

function roleLabel(role: RaterRole, locale: Locale): string {
  return translate(locale, `scoring.role.${role}`);
}

/** "完成率（上级）" in Chinese, "完成率 (Supervisor)" in English. */
export function withRole(name: string, role: RaterRole, locale: Locale): string {
  return locale === 'zh-CN' ? `${name}（${roleLabel(role, locale)}）` : `${name} (${roleLabel(role, locale)})`;
}

function formatOfInput(template: Template, inputId: string | undefined): NumberFormat {
  const input = template.inputs.find((i) => i.id === inputId);
  if (!input) return 'general';
  if (input.type === 'percent') return 'percent';
  if (input.type === 'count') return 'count';
  if (input.type === 'text' || (input.type === 'level' && input.levels?.some((level) => typeof level === 'string'))) return 'text';
  return 'general';
}

export function scoreSheetLayout(template: Template, periodKind: string, locale: Locale): SheetLayout {
  const compiled = compileTemplate(template);
  const multiRole = compiled.roles.length > 1;
  const columns: Omit<LayoutColumn, 'index' | 'letter'>[] = [
    { kind: 'employeeNo', header: translate(locale, 'files.sheet.employeeNo'), format: 'text' },
    { kind: 'name', header: translate(locale, 'files.sheet.name'), format: 'text' },
    { kind: 'status', header: translate(locale, 'files.sheet.status'), format: 'text' },
  ];
  const targets = entryTargets(template, periodKind);
  for (const target of targets) {
    const header = multiRole && !target.team ? withRole(target.name, target.role, locale) : target.name;
    const format = target.source === 'indicator' ? 'score' : formatOfInput(template, target.key);
    columns.push({ kind: 'entry', header, slot: target.slot, target, format });
  }
  if (!isWeekOfMonthly(template, periodKind)) columns.push(...computedColumns(compiled, template, locale));
  // Headers must be unique to import back by name: a computed column named like an entry
  // column (a bonus entered directly, and its clamped score) gets "（得分）".
  const seen = new Set<string>();
  const unique = columns.map((column) => {
    let header = column.header;
    if (seen.has(header)) header = `${header}${translate(locale, 'files.sheet.scoreSuffix')}`;
    seen.add(header);
    return { ...column, header };
  });
  const placed = unique.map((column, index) => ({ ...column, index, letter: columnLetter(index) }));
  const columnOfSlot = new Map<number, LayoutColumn>();
  for (const column of placed) if (column.slot !== undefined && !columnOfSlot.has(column.slot)) columnOfSlot.set(column.slot, column);
  return { compiled, columns: placed, columnOfSlot };
}

function computedColumns(compiled: CompiledTemplate, template: Template, locale: Locale): Omit<LayoutColumn, 'index' | 'letter'>[] {
  const used = reachableSlots(compiled, false);
  const multiRole = compiled.roles.length > 1;
  // Derived inputs first, then the indicators, sections, total, grade, rank and outputs.
  const list: Omit<LayoutColumn, 'index' | 'letter'>[] = [];
  for (const cell of compiled.cells) {
    if (!used.has(cell.slot) || cell.kind !== 'derived') continue;
    const header = multiRole && cell.role ? withRole(cell.name, cell.role, locale) : cell.name;
    list.push({ kind: 'derived', header, slot: cell.slot, format: formatOfInput(template, cell.inputId) });
  }
  // Indicators in template order: each one's role scores, then its combined score.
  for (const plan of compiled.indicators) {
    if (plan.weekly) {
      list.push({ kind: 'weekSum', header: plan.indicator.name, slot: plan.finalSlot, format: 'score' });
      continue;
    }
    plan.roleSlots.forEach((slot, i) => {
      const cell = compiled.cells[slot]!;
      if (cell.kind !== 'roleScore') return;
      const role = plan.roles[i]!.role;
      const header = plan.roles.length > 1 ? withRole(plan.indicator.name, role, locale) : plan.indicator.name;
      list.push({ kind: 'roleScore', header, slot, format: 'score' });
    });
    if (compiled.cells[plan.finalSlot]!.kind === 'combined') list.push({ kind: 'combined', header: plan.indicator.name, slot: plan.finalSlot, format: 'score' });
  }
  for (const section of template.sections) list.push({ kind: 'section', header: section.name, slot: compiled.sectionSlots.get(section.id)!, format: 'score' });
  list.push({ kind: 'total', header: compiled.cells[compiled.totalSlot]!.name, slot: compiled.totalSlot, format: 'score' });
  list.push({ kind: 'grade', header: compiled.cells[compiled.gradeSlot]!.name, slot: compiled.gradeSlot, format: 'text' });
  list.push({ kind: 'rank', header: compiled.cells[compiled.rankSlot]!.name, slot: compiled.rankSlot, format: 'count' });
  for (const output of template.outputs ?? []) {
    list.push({ kind: 'output', header: output.name, slot: compiled.outputSlots.get(output.id)!, format: output.unit === '元' || output.unit === '¥' ? 'money' : 'score' });
  }
  return list;
}
