// Immutable edits of a template, as the studio makes them: add, move, rename and delete
// sections, indicators and inputs. Each returns a new Template and never changes its argument;
// renaming rewrites every rule and formula that refers to the old name.
import { parse, printFormula, refsOf, renameNames } from '../formula/index';
import type { Indicator, InputDef, Rule, RuleKind, Section, Template } from './model';
import { ruleFormula } from './rules';

// ---- arrays -----------------------------------------------------------------------------

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = [...items];
  copy.splice(Math.max(0, Math.min(index, copy.length)), 0, item);
  return copy;
}

/** Move the item at `from` so it ends up at index `to` (clamped). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item as T);
  return copy;
}

// ---- names and ids ----------------------------------------------------------------------

/** Every name formulas can refer to: inputs, sections, indicators, outputs. */
export function namesIn(template: Template): Set<string> {
  const names = new Set<string>();
  for (const input of template.inputs) names.add(input.name);
  for (const section of template.sections) {
    names.add(section.name);
    for (const indicator of section.indicators) names.add(indicator.name);
  }
  for (const output of template.outputs ?? []) names.add(output.name);
  return names;
}

function idsIn(template: Template): Set<string> {
  const ids = new Set<string>();
  for (const input of template.inputs) ids.add(input.id);
  for (const section of template.sections) {
    ids.add(section.id);
    for (const indicator of section.indicators) ids.add(indicator.id);
  }
  return ids;
}

/** `base`, or `base 2`, `base 3` … the first that no input, section or indicator uses. */
export function uniqueName(template: Template, base: string): string {
  const names = namesIn(template);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function uniqueId(template: Template, prefix: string): string {
  const ids = idsIn(template);
  for (let n = 1; ; n++) if (!ids.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

// ---- renaming ---------------------------------------------------------------------------

/** A formula with `from` renamed to `to`; the text is untouched when it does not mention it. */
export function renameInFormula(formula: string, from: string, to: string): string {
  const parsed = parse(formula);
  if (!parsed.ok) return formula;
  const renamed = renameNames(parsed.ast, (name) => (name === from ? to : undefined));
  if (renamed === parsed.ast) return formula;
  const printed = printFormula(renamed);
  return formula.trimStart().startsWith('=') ? `=${printed}` : printed;
}

function renameInRule(rule: Rule, from: string, to: string): Rule {
  const swap = (name: string) => (name === from ? to : name);
  switch (rule.kind) {
    case 'direct':
    case 'bonus':
      return rule.input === from ? { ...rule, input: to } : rule;
    case 'scale':
    case 'levels':
    case 'bands':
    case 'threshold':
    case 'rank':
    case 'relative':
      return rule.input === from ? { ...rule, input: to } : rule;
    case 'deduction':
      return rule.items.some((item) => item.input === from) ? { ...rule, items: rule.items.map((item) => ({ ...item, input: swap(item.input) })) } : rule;
    case 'ratio': {
      const target = typeof rule.target === 'string' ? swap(rule.target) : rule.target;
      return rule.actual === from || target !== rule.target ? { ...rule, actual: swap(rule.actual), target } : rule;
    }
    case 'formula': {
      const formula = renameInFormula(rule.formula, from, to);
      return formula === rule.formula ? rule : { ...rule, formula };
    }
  }
}

/** Rewrite every reference to the name `from` (rules, derived inputs, total, outputs). */
export function renameReferences(template: Template, from: string, to: string): Template {
  if (from === to) return template;
  const inputs = template.inputs.map((input) => {
    if (!input.formula) return input;
    const formula = renameInFormula(input.formula, from, to);
    return formula === input.formula ? input : { ...input, formula };
  });
  const sections = template.sections.map((section) => {
    const indicators = section.indicators.map((indicator) => {
      const rule = renameInRule(indicator.rule, from, to);
      return rule === indicator.rule ? indicator : { ...indicator, rule };
    });
    return indicators.every((indicator, i) => indicator === section.indicators[i]) ? section : { ...section, indicators };
  });
  const total = template.total.kind === 'formula' ? { ...template.total, formula: renameInFormula(template.total.formula, from, to) } : template.total;
  const outputs = template.outputs?.map((output) => ({ ...output, formula: renameInFormula(output.formula, from, to) }));
  return { ...template, inputs, sections, total, ...(outputs ? { outputs } : {}) };
}

// ---- inputs -----------------------------------------------------------------------------

export function findInput(template: Template, id: string): InputDef | undefined {
  return template.inputs.find((input) => input.id === id);
}

export function addInput(template: Template, name: string, derived = false): { template: Template; id: string } {
  const id = uniqueId(template, derived ? 'derived_' : 'input_');
  const input: InputDef = derived ? { id, name: uniqueName(template, name), type: 'number', formula: '0' } : { id, name: uniqueName(template, name), type: 'number', min: 0 };
  return { template: { ...template, inputs: [...template.inputs, input] }, id };
}

/** Change an input; a new name is carried into every rule and formula that used the old one. */
export function updateInput(template: Template, id: string, change: Partial<InputDef>): Template {
  const index = template.inputs.findIndex((input) => input.id === id);
  const current = template.inputs[index];
  if (!current) return template;
  const next: InputDef = { ...current, ...change, id };
  const updated = { ...template, inputs: replaceAt(template.inputs, index, next) };
  return next.name !== current.name ? renameReferences(updated, current.name, next.name) : updated;
}

export function deleteInput(template: Template, id: string): Template {
  return { ...template, inputs: template.inputs.filter((input) => input.id !== id) };
}

export function moveInput(template: Template, id: string, delta: number): Template {
  const index = template.inputs.findIndex((input) => input.id === id);
  if (index < 0) return template;
  return { ...template, inputs: moveItem(template.inputs, index, index + delta) };
}

/** Indicators whose rule reads the input (shown before deleting it). */
export function usesOfName(template: Template, name: string): string[] {
  const probe = `\u0000${name}`;
  const renamed = renameReferences(template, name, probe);
  const users: string[] = [];
  template.inputs.forEach((input, i) => {
    if (renamed.inputs[i] !== input) users.push(input.name);
  });
  template.sections.forEach((section, s) =>
    section.indicators.forEach((indicator, k) => {
      if (renamed.sections[s]!.indicators[k] !== indicator) users.push(indicator.name);
    }),
  );
  return users;
}

// ---- sections and indicators ------------------------------------------------------------

export interface IndicatorAt {
  readonly section: number;
  readonly index: number;
  readonly indicator: Indicator;
}

export function findIndicator(template: Template, id: string): IndicatorAt | undefined {
  for (const [section, { indicators }] of template.sections.entries()) {
    const index = indicators.findIndex((indicator) => indicator.id === id);
    if (index >= 0) return { section, index, indicator: indicators[index]! };
  }
  return undefined;
}

export function addSection(template: Template, name: string): { template: Template; id: string } {
  const id = uniqueId(template, 'section_');
  const section: Section = { id, name: uniqueName(template, name), combine: 'sum', indicators: [] };
  const weighted = template.total.kind === 'weighted';
  return { template: { ...template, sections: [...template.sections, weighted ? { ...section, weight: 0 } : section] }, id };
}

export function updateSection(template: Template, id: string, change: Partial<Omit<Section, 'id' | 'indicators'>>): Template {
  const index = template.sections.findIndex((section) => section.id === id);
  const current = template.sections[index];
  if (!current) return template;
  const next: Section = { ...current, ...change };
  const updated = { ...template, sections: replaceAt(template.sections, index, next) };
  return next.name !== current.name ? renameReferences(updated, current.name, next.name) : updated;
}

export function deleteSection(template: Template, id: string): Template {
  return { ...template, sections: template.sections.filter((section) => section.id !== id) };
}

export function moveSection(template: Template, id: string, delta: number): Template {
  const index = template.sections.findIndex((section) => section.id === id);
  if (index < 0) return template;
  return { ...template, sections: moveItem(template.sections, index, index + delta) };
}

/** The first input of the template, as the input a new rule reads. */
function firstInputName(template: Template): string {
  return template.inputs.find((input) => !input.formula)?.name ?? template.inputs[0]?.name ?? '';
}

/** A sensible starting rule of each kind, reading `input` where the kind reads one. */
export function defaultRule(kind: RuleKind, input: string, max: number): Rule {
  switch (kind) {
    case 'direct':
      return { kind: 'direct' };
    case 'scale':
      return { kind: 'scale', input, low: 1, high: 5 };
    case 'levels':
      return {
        kind: 'levels',
        input,
        levels: [1, 2, 3, 4, 5].map((value) => ({ value, points: Number(((max * value) / 5).toPrecision(12)) })),
      };
    case 'bands':
      return {
        kind: 'bands',
        input,
        bands: [
          { from: 90, fromInclusive: true, to: null, toInclusive: false, points: max },
          { from: 80, fromInclusive: true, to: 90, toInclusive: false, points: Number((max / 2).toPrecision(12)) },
        ],
        otherwise: 0,
      };
    case 'deduction':
      return { kind: 'deduction', items: [{ input, penalty: 1 }], floor: 0 };
    case 'ratio':
      return { kind: 'ratio', actual: input, target: 100, direction: 'higher', cap: 1 };
    case 'threshold':
      return { kind: 'threshold', input, op: '>=', value: 1, pass: max, fail: 0 };
    case 'rank':
      return { kind: 'rank', input, order: 'desc', points: [3, 2, 1] };
    case 'relative':
      return { kind: 'relative', input, direction: 'higher', below: -1, otherwise: 0 };
    case 'bonus':
      return { kind: 'bonus', min: 0, max: 5 };
    case 'formula':
      return { kind: 'formula', formula: '0' };
  }
}

/** The input a rule reads first (to carry over when the kind changes). */
export function ruleInput(rule: Rule): string | undefined {
  switch (rule.kind) {
    case 'deduction':
      return rule.items[0]?.input;
    case 'ratio':
      return rule.actual;
    case 'formula':
      return undefined;
    default:
      return rule.input;
  }
}

/** Names some rule, derived input, output or total formula reads. */
export function namesRead(template: Template): Set<string> {
  const read = new Set<string>();
  const formulas = [
    ...template.sections.flatMap((section) => section.indicators.map((indicator) => ruleFormula(indicator, template))),
    ...template.inputs.flatMap((input) => (input.formula ? [input.formula] : [])),
    ...(template.outputs ?? []).map((output) => output.formula),
    ...(template.total.kind === 'formula' ? [template.total.formula] : []),
  ];
  for (const formula of formulas) {
    const parsed = parse(formula.replace(/^\s*=/, ''));
    if (!parsed.ok) continue;
    const refs = refsOf(parsed.ast);
    for (const name of [...refs.row, ...refs.team]) read.add(name);
  }
  return read;
}

/**
 * Inputs a change left behind: read by something before it, by nothing after it (a rule switched
 * from 比率 to 直接打分 no longer reads 实际 and 目标). The studio offers to remove them, since an
 * input nothing reads is only an extra column to fill in.
 */
export function inputsLeftBehind(before: Template, after: Template): InputDef[] {
  const readBefore = namesRead(before);
  const readAfter = namesRead(after);
  const wasInput = new Set(before.inputs.map((input) => input.id));
  return after.inputs.filter((input) => wasInput.has(input.id) && readBefore.has(input.name) && !readAfter.has(input.name));
}

/** The template without these inputs (by id). */
export function deleteInputs(template: Template, ids: readonly string[]): Template {
  const gone = new Set(ids);
  return { ...template, inputs: template.inputs.filter((input) => !gone.has(input.id)) };
}

/** Switch an indicator's rule to another kind, keeping the input it reads. */
export function changeRuleKind(template: Template, id: string, kind: RuleKind): Template {
  const found = findIndicator(template, id);
  if (!found || found.indicator.rule.kind === kind) return template;
  if (kind === 'formula') return updateIndicator(template, id, { rule: { kind: 'formula', formula: ruleFormula(found.indicator, template) } });
  const input = ruleInput(found.indicator.rule) ?? firstInputName(template);
  return updateIndicator(template, id, { rule: defaultRule(kind, input, found.indicator.max) });
}

export function addIndicator(template: Template, sectionId: string, name: string): { template: Template; id: string } {
  const s = template.sections.findIndex((section) => section.id === sectionId);
  const section = template.sections[s];
  if (!section) return { template, id: '' };
  const id = uniqueId(template, 'indicator_');
  const indicator: Indicator = {
    id,
    name: uniqueName(template, name),
    quantitative: false,
    max: 10,
    ...(section.combine === 'weighted' ? { weight: 0 } : {}),
    rule: { kind: 'direct' },
  };
  const next: Section = { ...section, indicators: [...section.indicators, indicator] };
  return { template: { ...template, sections: replaceAt(template.sections, s, next) }, id };
}

/** Change an indicator; a new name is carried into every formula that used the old one. */
export function updateIndicator(template: Template, id: string, change: Partial<Omit<Indicator, 'id'>>): Template {
  const found = findIndicator(template, id);
  if (!found) return template;
  const next: Indicator = { ...found.indicator, ...change };
  const section = template.sections[found.section]!;
  const sections = replaceAt(template.sections, found.section, { ...section, indicators: replaceAt(section.indicators, found.index, next) });
  const updated = { ...template, sections };
  return next.name !== found.indicator.name ? renameReferences(updated, found.indicator.name, next.name) : updated;
}

/** Remove an optional field (weight, unit …) from an indicator. */
export function clearIndicatorField(template: Template, id: string, field: 'weight' | 'unit' | 'dataSource' | 'definition' | 'target' | 'roles' | 'bonus' | 'cadence'): Template {
  const found = findIndicator(template, id);
  if (!found || !(field in found.indicator)) return template;
  const { [field]: _removed, ...rest } = found.indicator;
  const section = template.sections[found.section]!;
  return { ...template, sections: replaceAt(template.sections, found.section, { ...section, indicators: replaceAt(section.indicators, found.index, rest as Indicator) }) };
}

export function deleteIndicator(template: Template, id: string): Template {
  const found = findIndicator(template, id);
  if (!found) return template;
  const section = template.sections[found.section]!;
  return { ...template, sections: replaceAt(template.sections, found.section, { ...section, indicators: removeAt(section.indicators, found.index) }) };
}

/** Put an indicator at `index` of a section (drag and drop; may cross sections). */
export function moveIndicatorTo(template: Template, id: string, sectionId: string, index: number): Template {
  const found = findIndicator(template, id);
  const target = template.sections.findIndex((section) => section.id === sectionId);
  if (!found || target < 0) return template;
  const without = deleteIndicator(template, id);
  // Removing an earlier item of the same section shifts the target index by one.
  const at = target === found.section && index > found.index ? index - 1 : index;
  const section = without.sections[target]!;
  return { ...without, sections: replaceAt(without.sections, target, { ...section, indicators: insertAt(section.indicators, at, found.indicator) }) };
}

/**
 * Move an indicator one place up (−1) or down (+1), into the neighbouring section at the
 * section's edge (Alt+↑/↓ in the outline). Returns the template unchanged at the very ends.
 */
export function moveIndicatorBy(template: Template, id: string, delta: -1 | 1): Template {
  const found = findIndicator(template, id);
  if (!found) return template;
  const section = template.sections[found.section]!;
  const to = found.index + delta;
  if (to >= 0 && to < section.indicators.length) return moveIndicatorTo(template, id, section.id, delta > 0 ? to + 1 : to);
  const neighbour = template.sections[found.section + delta];
  if (!neighbour) return template;
  return moveIndicatorTo(template, id, neighbour.id, delta > 0 ? 0 : neighbour.indicators.length);
}
