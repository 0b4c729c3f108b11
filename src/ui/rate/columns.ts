// The rating sheet's columns, from the compiled template: per indicator its inputs (per rater
// role, side by side like the seed's 自评 / 上级 / 结果 columns) and its score; then section
// scores, total, grade, rank and extra outputs; then the 评语 notes. Entered columns are
// editable, computed ones are read-only.
import { translate, type Locale, type MessageKey } from '../../i18n/catalog';
import { type CompiledTemplate, type Indicator, type IndicatorPlan, type InputDef, isPlainEntry, levelLabelsFor, type OutputDef, type RaterRole, roleLabel, type Section, selfEnteredInput } from '../../scoring/index';
import type { SheetScope } from './sheet-model';

export type RoleMode = 'all' | RaterRole;

export type RateColumnSource =
  | { readonly kind: 'person'; readonly field: 'employeeNo' | 'name' | 'team' | 'position' }
  | { readonly kind: 'status' }
  | { readonly kind: 'flags' }
  | {
      readonly kind: 'entry';
      /** Input id, or the indicator id of a self-entered indicator. */
      readonly key: string;
      readonly role: RaterRole;
      readonly input: InputDef;
      readonly levelLabels: ReadonlyMap<string, number | string>;
      readonly slot: number;
    }
  | { readonly kind: 'derived'; readonly input: InputDef; readonly slot: number }
  | { readonly kind: 'score'; readonly plan: IndicatorPlan }
  | { readonly kind: 'section'; readonly section: Section; readonly slot: number }
  | { readonly kind: 'total'; readonly slot: number }
  | { readonly kind: 'grade'; readonly slot: number }
  | { readonly kind: 'rank'; readonly slot: number }
  | { readonly kind: 'output'; readonly output: OutputDef; readonly slot: number }
  | { readonly kind: 'remark' }
  /** Where the person's review stands (待评分 … 已结案), and the final grade's 绩效系数 and 绩效工资. */
  | { readonly kind: 'review' }
  | { readonly kind: 'coefficient' }
  | { readonly kind: 'pay' };

export interface RateColumn {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly width: number;
  readonly editable: boolean;
  readonly kind: 'input' | 'computed' | 'label';
  readonly align: 'start' | 'end';
  readonly description?: string;
  readonly source: RateColumnSource;
}

export interface ColumnOptions {
  readonly mode: RoleMode;
  readonly scope: SheetScope;
  readonly locale: Locale;
  /** Show the cross-period flags column (the template has cross-period rules). */
  readonly flags: boolean;
  /** Show 绩效系数 and 绩效工资 (the workspace has a coefficient table for the template). */
  readonly pay?: boolean;
}

/**
 * Frozen columns at the left: 工号, 姓名, and the result (总分, 等级, 排名), so the total and the
 * rank stay in sight while typing into any input far to the right.
 */
export function frozenColumns(scope: SheetScope): number {
  return scope === 'week' ? 2 : 5;
}

/** A width that fits a header of this many characters (CJK counts double). */
function widthFor(title: string, min: number, max = 150): number {
  const longestLine = Math.max(...title.split('\n').map((line) => [...line].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  return Math.max(min, Math.min(max, longestLine * 7 + 30));
}

export function rateColumns(compiled: CompiledTemplate, options: ColumnOptions): RateColumn[] {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const { template, cells } = compiled;
  const roles = options.mode === 'all' ? compiled.roles : compiled.roles.filter((role) => role === options.mode);
  const manyRoles = roles.length > 1;
  const inputsById = new Map(template.inputs.map((input) => [input.id, input]));
  const shownRaw = new Set<number>();
  const columns: RateColumn[] = [
    { id: 'employeeNo', title: say('roster.employeeNo'), width: 76, editable: false, kind: 'label', align: 'start', source: { kind: 'person', field: 'employeeNo' } },
    { id: 'name', title: say('roster.name'), width: 84, editable: false, kind: 'label', align: 'start', source: { kind: 'person', field: 'name' } },
    ...resultColumns(compiled, options.scope, say),
    { id: 'team', title: say('roster.team'), width: 84, editable: false, kind: 'label', align: 'start', source: { kind: 'person', field: 'team' } },
    { id: 'status', title: say('rate.column.status'), width: 96, editable: true, kind: 'input', align: 'start', description: say('rate.column.statusHelp'), source: { kind: 'status' } },
  ];
  if (options.flags) {
    columns.push({ id: 'flags', title: say('rate.column.flags'), width: 150, editable: false, kind: 'computed', align: 'start', source: { kind: 'flags' } });
  }
  columns.push(...reviewColumns(options, say));

  const entryColumn = (slot: number, group: string): RateColumn | null => {
    const cell = cells[slot]!;
    const role = cell.role;
    if (!role || !cell.entryKey) return null;
    const indicator = cell.indicatorId ? template.sections.flatMap((s) => s.indicators).find((i) => i.id === cell.indicatorId) : undefined;
    const input = indicator ? selfEnteredInput(indicator) : inputsById.get(cell.entryKey);
    if (!input) return null;
    const name = indicator ? say('rate.column.entered') : input.name;
    const title = manyRoles ? `${name}\n${roleLabel(role, options.locale)}` : name;
    return {
      id: `entry:${role}:${cell.entryKey}`,
      title,
      group,
      width: widthFor(title, 76),
      editable: true,
      kind: 'input',
      align: input.type === 'text' ? 'start' : 'end',
      description: [input.name, manyRoles ? roleLabel(role, options.locale) : '', input.description ?? ''].filter(Boolean).join(' · '),
      source: { kind: 'entry', key: cell.entryKey, role, input, levelLabels: levelLabelsFor(template, input), slot },
    };
  };

  const planOf = new Map(compiled.indicators.map((plan) => [plan.indicator.id, plan]));
  for (const section of template.sections) {
    const allWeekly = section.indicators.length > 0 && section.indicators.every((indicator) => indicator.cadence === 'week');
    if (options.scope === 'week' && !allWeekly) continue;
    for (const indicator of section.indicators) {
      const plan = planOf.get(indicator.id)!;
      if (options.scope === 'week' && !plan.weekly) continue;
      const rolledUp = options.scope === 'month' && plan.weekly;
      let enteredHere = false;
      if (!rolledUp) {
        for (const slot of indicatorEntrySlots(compiled, plan, roles)) {
          if (shownRaw.has(slot)) continue;
          const column = entryColumn(slot, indicator.name);
          if (!column) continue;
          shownRaw.add(slot);
          columns.push(column);
          enteredHere = true;
        }
        for (const slot of derivedSlots(compiled, plan, roles)) {
          const input = inputsById.get(cells[slot]!.inputId ?? '');
          if (!input || shownRaw.has(slot)) continue;
          shownRaw.add(slot);
          const role = cells[slot]!.role;
          const title = manyRoles && role ? `${input.name}\n${roleLabel(role, options.locale)}` : input.name;
          columns.push({ id: `derived:${role ?? ''}:${input.id}`, title, group: indicator.name, width: widthFor(title, 76), editable: false, kind: 'computed', align: 'end', description: `${input.name} = ${input.formula ?? ''}`, source: { kind: 'derived', input, slot } });
        }
      }
      // A plain entry rated by one role is its own score: no separate score column.
      if (isPlainEntry(indicator.rule) && plan.roles.length === 1 && enteredHere) continue;
      columns.push(scoreColumn(indicator, plan, rolledUp, say));
    }
    if (section.indicators.length > 0) {
      const slot = compiled.sectionSlots.get(section.id)!;
      columns.push({ id: `section:${section.id}`, title: section.name, group: say('rate.group.sections'), width: widthFor(section.name, 80), editable: false, kind: 'computed', align: 'end', source: { kind: 'section', section, slot } });
    }
  }

  // Inputs no indicator reads (used by outputs): the primary role's, as the outputs read them.
  if (options.scope !== 'week') {
    const role = options.mode === 'all' ? compiled.primaryRole : options.mode;
    for (const input of template.inputs) {
      if (input.formula || input.scope === 'team') continue;
      const slot = compiled.rawSlots.get(`${role}|${input.id}`);
      if (slot === undefined || shownRaw.has(slot) || cells[slot]!.weekly) continue;
      if (options.scope === 'month' && cells[slot]!.weekly) continue;
      const column = entryColumn(slot, say('rate.group.other'));
      if (!column) continue;
      shownRaw.add(slot);
      columns.push(column);
    }
    const result = say('rate.group.result');
    for (const output of template.outputs ?? []) {
      const slot = compiled.outputSlots.get(output.id)!;
      const title = output.unit ? `${output.name}\n(${output.unit})` : output.name;
      columns.push({ id: `output:${output.id}`, title, group: result, width: widthFor(title, 80), editable: false, kind: 'computed', align: 'end', description: `${output.name} = ${output.formula}`, source: { kind: 'output', output, slot } });
    }
  }
  columns.push({ id: 'remark', title: say('rate.column.remark'), width: 220, editable: true, kind: 'input', align: 'start', source: { kind: 'remark' } });
  return columns;
}

/** 流程状态, and with a coefficient table 绩效系数 and 绩效工资: the month's, never a week's. */
function reviewColumns(options: ColumnOptions, say: (key: MessageKey) => string): RateColumn[] {
  if (options.scope === 'week') return [];
  const group = say('review.column.group');
  const columns: RateColumn[] = [
    { id: 'review', title: say('review.people.status'), group, width: 100, editable: false, kind: 'computed', align: 'start', description: say('review.column.statusHelp'), source: { kind: 'review' } },
  ];
  if (options.pay) {
    columns.push(
      { id: 'coefficient', title: say('review.people.coefficient'), group, width: 72, editable: false, kind: 'computed', align: 'end', source: { kind: 'coefficient' } },
      { id: 'pay', title: say('review.people.pay'), group, width: 96, editable: false, kind: 'computed', align: 'end', source: { kind: 'pay' } },
    );
  }
  return columns;
}

/** 总分 / 等级 / 排名; a week of a monthly template has none of its own (they belong to the month). */
function resultColumns(compiled: CompiledTemplate, scope: SheetScope, say: (key: MessageKey) => string): RateColumn[] {
  const { template } = compiled;
  const group = say('rate.group.result');
  if (scope === 'week') return [];
  return [
    // A template that names these columns keeps its names; the defaults (总分/等级/排名) follow the language.
    { id: 'total', title: template.labels?.total ?? say('rate.column.total'), group, width: 72, editable: false, kind: 'computed', align: 'end', source: { kind: 'total', slot: compiled.totalSlot } },
    { id: 'grade', title: template.labels?.grade ?? say('rate.column.grade'), group, width: 64, editable: false, kind: 'computed', align: 'start', source: { kind: 'grade', slot: compiled.gradeSlot } },
    { id: 'rank', title: template.labels?.rank ?? say('rate.column.rank'), group, width: 56, editable: false, kind: 'computed', align: 'end', source: { kind: 'rank', slot: compiled.rankSlot } },
  ];
}

function scoreColumn(indicator: Indicator, plan: IndicatorPlan, rolledUp: boolean, say: (key: MessageKey, params?: Record<string, string | number>) => string): RateColumn {
  const title = rolledUp ? say('rate.column.monthPoints') : say('rate.column.score');
  return {
    id: `score:${indicator.id}`,
    title,
    group: indicator.name,
    // A month's weekly sums stand alone under their indicator's name: wide enough to read it.
    width: rolledUp ? widthFor(indicator.name, 72, 140) : widthFor(title, 64),
    editable: false,
    kind: 'computed',
    align: 'end',
    description: indicator.definition ? `${indicator.name}: ${indicator.definition}` : indicator.name,
    source: { kind: 'score', plan },
  };
}

/** Raw entry slots an indicator reads, grouped by input (roles side by side), for the shown roles. */
function indicatorEntrySlots(compiled: CompiledTemplate, plan: IndicatorPlan, roles: readonly RaterRole[]): number[] {
  const byKey = new Map<string, Map<RaterRole, number>>();
  plan.roles.forEach((weight, i) => {
    if (!roles.includes(weight.role)) return;
    for (const slot of plan.presenceSlots[i] ?? []) {
      const cell = compiled.cells[slot]!;
      if (!cell.entryKey || !cell.role) continue;
      let perRole = byKey.get(cell.entryKey);
      if (!perRole) {
        perRole = new Map();
        byKey.set(cell.entryKey, perRole);
      }
      perRole.set(cell.role, slot);
    }
  });
  // Inputs in template order (then self-entered cells), roles in the template's role order.
  const order = new Map(compiled.template.inputs.map((input, i) => [input.id, i]));
  const keys = [...byKey.keys()].sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
  return keys.flatMap((key) => roles.flatMap((role) => (byKey.get(key)!.has(role) ? [byKey.get(key)!.get(role)!] : [])));
}

/** Derived inputs a rule reads directly (询单人数比), per shown role. */
function derivedSlots(compiled: CompiledTemplate, plan: IndicatorPlan, roles: readonly RaterRole[]): number[] {
  const slots: number[] = [];
  plan.roles.forEach((weight, i) => {
    if (!roles.includes(weight.role)) return;
    const roleCell = compiled.cells[plan.roleSlots[i]!]!;
    for (const dep of roleCell.rowDeps) if (compiled.cells[dep]!.kind === 'derived' && !slots.includes(dep)) slots.push(dep);
  });
  return slots;
}
