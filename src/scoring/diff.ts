// What changed between two versions of a template, as data: the studio turns it into the
// change note of a new version ("客户满意度: weight 20% → 30%; added 首次响应时长").
// Sections, indicators and inputs are matched by id, so a rename reads as a rename.
import type { Indicator, InputDef, Section, Template } from './model';

export type IndicatorField = 'rule' | 'max' | 'weight' | 'definition' | 'unit' | 'dataSource' | 'target' | 'quantitative' | 'roles' | 'bonus' | 'cadence';

export type TemplateChange =
  | { readonly kind: 'renamed'; readonly what: 'template' | 'section' | 'indicator' | 'input'; readonly from: string; readonly to: string }
  | { readonly kind: 'added' | 'removed'; readonly what: 'section' | 'indicator' | 'input'; readonly name: string }
  | { readonly kind: 'moved'; readonly what: 'section' | 'indicator'; readonly name: string }
  | { readonly kind: 'weight'; readonly what: 'section' | 'indicator'; readonly name: string; readonly from: number | null; readonly to: number | null }
  | { readonly kind: 'max'; readonly name: string; readonly from: number; readonly to: number }
  | { readonly kind: 'indicator'; readonly name: string; readonly fields: readonly IndicatorField[] }
  | { readonly kind: 'combine'; readonly name: string }
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'total' | 'grades' | 'roles' | 'period' | 'description' | 'rankTies' | 'outputs' | 'crossPeriod' | 'labels' };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const INDICATOR_FIELDS: readonly IndicatorField[] = ['rule', 'definition', 'unit', 'dataSource', 'target', 'quantitative', 'roles', 'bonus', 'cadence'];

function indicatorChanges(before: Indicator, after: Indicator, out: TemplateChange[]): void {
  if (before.name !== after.name) out.push({ kind: 'renamed', what: 'indicator', from: before.name, to: after.name });
  if ((before.weight ?? null) !== (after.weight ?? null)) out.push({ kind: 'weight', what: 'indicator', name: after.name, from: before.weight ?? null, to: after.weight ?? null });
  if (before.max !== after.max) out.push({ kind: 'max', name: after.name, from: before.max, to: after.max });
  const fields = INDICATOR_FIELDS.filter((field) => !same(before[field], after[field]));
  if (fields.length > 0) out.push({ kind: 'indicator', name: after.name, fields });
}

function sectionChanges(before: Section, after: Section, out: TemplateChange[]): void {
  if (before.name !== after.name) out.push({ kind: 'renamed', what: 'section', from: before.name, to: after.name });
  if ((before.weight ?? null) !== (after.weight ?? null)) out.push({ kind: 'weight', what: 'section', name: after.name, from: before.weight ?? null, to: after.weight ?? null });
  if (before.combine !== after.combine) out.push({ kind: 'combine', name: after.name });
}

function inputChanges(before: readonly InputDef[], after: readonly InputDef[], out: TemplateChange[]): void {
  const old = byId(before);
  const now = byId(after);
  for (const input of after) {
    const previous = old.get(input.id);
    if (!previous) {
      out.push({ kind: 'added', what: 'input', name: input.name });
      continue;
    }
    if (previous.name !== input.name) out.push({ kind: 'renamed', what: 'input', from: previous.name, to: input.name });
    if (!same({ ...previous, name: '' }, { ...input, name: '' })) out.push({ kind: 'input', name: input.name });
  }
  for (const input of before) if (!now.has(input.id)) out.push({ kind: 'removed', what: 'input', name: input.name });
}

/** The changes from `before` to `after`, in the template's reading order. */
export function templateChanges(before: Template, after: Template): TemplateChange[] {
  const out: TemplateChange[] = [];
  if (before.name !== after.name) out.push({ kind: 'renamed', what: 'template', from: before.name, to: after.name });
  if (before.description !== after.description) out.push({ kind: 'description' });
  if (before.periodKind !== after.periodKind) out.push({ kind: 'period' });

  const oldSections = byId(before.sections);
  const oldIndicators = new Map(before.sections.flatMap((section) => section.indicators.map((indicator) => [indicator.id, indicator] as const)));
  const newIndicatorIds = new Set(after.sections.flatMap((section) => section.indicators.map((indicator) => indicator.id)));
  const oldOrder = before.sections.map((section) => section.id).filter((id) => after.sections.some((s) => s.id === id));
  const newOrder = after.sections.map((section) => section.id).filter((id) => oldSections.has(id));

  for (const section of after.sections) {
    const previous = oldSections.get(section.id);
    if (!previous) out.push({ kind: 'added', what: 'section', name: section.name });
    else {
      sectionChanges(previous, section, out);
      if (oldOrder.indexOf(section.id) !== newOrder.indexOf(section.id)) out.push({ kind: 'moved', what: 'section', name: section.name });
    }
    const stayed = stayedInOrder(previous?.indicators ?? [], section.indicators);
    for (const indicator of section.indicators) {
      const old = oldIndicators.get(indicator.id);
      if (!old) {
        out.push({ kind: 'added', what: 'indicator', name: indicator.name });
        continue;
      }
      indicatorChanges(old, indicator, out);
      if (!stayed.has(indicator.id)) out.push({ kind: 'moved', what: 'indicator', name: indicator.name });
    }
  }
  for (const section of before.sections) {
    for (const indicator of section.indicators) if (!newIndicatorIds.has(indicator.id)) out.push({ kind: 'removed', what: 'indicator', name: indicator.name });
    if (!after.sections.some((s) => s.id === section.id)) out.push({ kind: 'removed', what: 'section', name: section.name });
  }
  inputChanges(before.inputs, after.inputs, out);
  if (!same(before.total, after.total)) out.push({ kind: 'total' });
  if (!same(before.grades, after.grades)) out.push({ kind: 'grades' });
  if (!same(before.roles, after.roles)) out.push({ kind: 'roles' });
  if (before.rankTies !== after.rankTies) out.push({ kind: 'rankTies' });
  if (!same(before.outputs, after.outputs)) out.push({ kind: 'outputs' });
  if (!same(before.crossPeriod, after.crossPeriod)) out.push({ kind: 'crossPeriod' });
  if (!same(before.labels, after.labels)) out.push({ kind: 'labels' });
  return out;
}

/**
 * Ids of the indicators that kept their order within a section: the longest run of them in the
 * same relative order. Moving one item reports that item only, not everything it passed.
 */
function stayedInOrder(before: readonly Indicator[], after: readonly Indicator[]): Set<string> {
  const oldIndex = new Map(before.map((indicator, i) => [indicator.id, i]));
  const kept = after.filter((indicator) => oldIndex.has(indicator.id));
  const seq = kept.map((indicator) => oldIndex.get(indicator.id)!);
  // O(n²) longest increasing subsequence: sections have a handful of indicators.
  const length = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      // Strict `>`: on a tie the earlier item stays, so moving A below B reports A, not B.
      if (seq[j]! < seq[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = length.indexOf(Math.max(0, ...length));
  const stayed = new Set<string>();
  while (best >= 0) {
    stayed.add(kept[best]!.id);
    best = prev[best]!;
  }
  return stayed;
}
