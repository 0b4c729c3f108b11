// Checks a template the way a careful HR colleague would: weights that do not add up, band
// tables with gaps or overlaps, rules that read unknown inputs, formulas that do not parse or
// go round in a circle. Each problem says where (a path into the template) and what.
import type { MessageParams } from '../i18n/catalog';
import type { Band, Indicator, Section, Template } from './model';
import { parse } from '../formula/index';
import { compileTemplate } from './score';
import { entryName, ruleInputs } from './rules';
import { gradeName, rankName, totalName } from './composite';

export type ProblemCode =
  | 'duplicateName'
  | 'duplicateId'
  | 'emptyName'
  | 'unknownInput'
  | 'unknownName'
  | 'syntax'
  | 'cycle'
  | 'sectionWeights'
  | 'totalWeights'
  | 'missingWeight'
  | 'bandGap'
  | 'bandOverlap'
  | 'bandEmpty'
  | 'noBands'
  | 'noLevels'
  | 'duplicateLevel'
  | 'nonPositiveMax'
  | 'noRankPoints'
  | 'zeroTarget'
  | 'scaleRange'
  | 'gradeOrder'
  | 'noGrades'
  | 'roleWeight'
  | 'bonusRange'
  | 'noIndicators';

export interface Problem {
  readonly severity: 'error' | 'warning';
  /** Where in the template, e.g. `sections[0].indicators[2].rule.bands[1]`. */
  readonly path: string;
  readonly code: ProblemCode;
  /** Values for the message `validate.<code>`. */
  readonly params: MessageParams;
}

const EPSILON = 1e-9;

function pct(value: number): string {
  return `${Number((value * 100).toFixed(4))}%`;
}

type EdgeFormat = (value: number) => string;
const plainEdge: EdgeFormat = (value) => String(Number(value.toPrecision(12)));
const percentEdge: EdgeFormat = (value) => `${Number((value * 100).toPrecision(12))}%`;

/** Gaps and overlaps between bands, in ascending order of their lower edges. */
export function bandProblems(
  bands: readonly Band[],
  hasOtherwise: boolean,
  format: EdgeFormat = plainEdge,
): { kind: 'gap' | 'overlap' | 'empty'; index: number; from: string; to: string }[] {
  const edge = (value: number | null) => (value === null ? '∞' : format(value));
  const found: { kind: 'gap' | 'overlap' | 'empty'; index: number; from: string; to: string }[] = [];
  bands.forEach((band, index) => {
    if (band.from !== null && band.to !== null && (band.from > band.to || (band.from === band.to && !(band.fromInclusive && band.toInclusive)))) {
      found.push({ kind: 'empty', index, from: edge(band.from), to: edge(band.to) });
    }
  });
  const sorted = bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => (a.band.from ?? Number.NEGATIVE_INFINITY) - (b.band.from ?? Number.NEGATIVE_INFINITY) || Number(b.band.fromInclusive) - Number(a.band.fromInclusive));
  for (let i = 1; i < sorted.length; i++) {
    const lower = sorted[i - 1]!.band;
    const upper = sorted[i]!;
    const to = lower.to ?? Number.POSITIVE_INFINITY;
    const from = upper.band.from ?? Number.NEGATIVE_INFINITY;
    if (to > from || (to === from && lower.toInclusive && upper.band.fromInclusive)) {
      found.push({ kind: 'overlap', index: upper.index, from: edge(upper.band.from), to: edge(lower.to) });
    } else if (!hasOtherwise && (to < from || (to === from && !lower.toInclusive && !upper.band.fromInclusive))) {
      found.push({ kind: 'gap', index: upper.index, from: edge(lower.to), to: edge(upper.band.from) });
    }
  }
  if (!hasOtherwise && sorted.length > 0) {
    const first = sorted[0]!.band;
    const last = sorted[sorted.length - 1]!.band;
    if (first.from !== null) found.push({ kind: 'gap', index: sorted[0]!.index, from: '-∞', to: edge(first.from) });
    if (last.to !== null) found.push({ kind: 'gap', index: sorted[sorted.length - 1]!.index, from: edge(last.to), to: '∞' });
  }
  return found;
}

function indicatorProblems(indicator: Indicator, section: Section, path: string, inputNames: ReadonlySet<string>, indicatorNames: ReadonlySet<string>, percentInputs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const rule = indicator.rule;
  const rulePath = `${path}.rule`;
  const push = (severity: Problem['severity'], where: string, code: ProblemCode, params: MessageParams = {}) =>
    problems.push({ severity, path: where, code, params: { indicator: indicator.name, ...params } });

  // Penalty-only items (旺旺回复率 低于100%扣1分) have max 0; only a weighted or averaged
  // section divides by the max, so only there must it be above 0.
  const divides = section.combine !== 'sum' && !indicator.bonus;
  if (indicator.max < 0 || (divides && !(indicator.max > 0))) push('error', `${path}.max`, 'nonPositiveMax', { max: indicator.max });
  for (const name of ruleInputs(indicator)) {
    if (name === entryName(indicator)) continue;
    if (!inputNames.has(name) && !indicatorNames.has(name)) push('error', rulePath, 'unknownInput', { name });
  }
  switch (rule.kind) {
    case 'bands': {
      if (rule.bands.length === 0) push('error', `${rulePath}.bands`, 'noBands');
      for (const found of bandProblems(rule.bands, rule.otherwise !== null, percentInputs.has(rule.input) ? percentEdge : plainEdge)) {
        const code = found.kind === 'gap' ? 'bandGap' : found.kind === 'overlap' ? 'bandOverlap' : 'bandEmpty';
        push(found.kind === 'empty' ? 'error' : 'warning', `${rulePath}.bands[${found.index}]`, code, { from: found.from, to: found.to });
      }
      break;
    }
    case 'levels': {
      if (rule.levels.length === 0) push('error', `${rulePath}.levels`, 'noLevels');
      const seen = new Set<string>();
      rule.levels.forEach((level, i) => {
        const key = String(level.value).toLowerCase();
        if (seen.has(key)) push('error', `${rulePath}.levels[${i}]`, 'duplicateLevel', { level: String(level.value) });
        seen.add(key);
      });
      break;
    }
    case 'rank':
      if (rule.points.length === 0) push('error', `${rulePath}.points`, 'noRankPoints');
      break;
    case 'ratio':
      if (rule.target === 0) push('error', `${rulePath}.target`, 'zeroTarget');
      break;
    case 'scale':
      if (!(rule.high > rule.low)) push('error', rulePath, 'scaleRange', { low: rule.low, high: rule.high });
      break;
    case 'bonus':
      if (rule.min > rule.max) push('error', rulePath, 'bonusRange', { min: rule.min, max: rule.max });
      break;
    case 'formula': {
      const parsed = parse(rule.formula);
      if (!parsed.ok) push('error', `${rulePath}.formula`, 'syntax', { message: parsed.error.message, position: parsed.error.position + 1 });
      break;
    }
    default:
      break;
  }
  indicator.roles?.forEach((role, i) => {
    if (!(role.weight > 0)) push('error', `${path}.roles[${i}]`, 'roleWeight', { role: role.role, weight: role.weight });
  });
  return problems;
}

export function validateTemplate(template: Template): Problem[] {
  const problems: Problem[] = [];
  const push = (severity: Problem['severity'], path: string, code: ProblemCode, params: MessageParams = {}) =>
    problems.push({ severity, path, code, params });

  // Names are shared by inputs, indicators, sections and the total/grade/rank columns.
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const claim = (name: string, path: string) => {
    if (name.trim() === '') return push('error', path, 'emptyName');
    const first = names.get(name);
    if (first) push('error', path, 'duplicateName', { name, first });
    else names.set(name, path);
  };
  const claimId = (id: string, path: string) => {
    const first = ids.get(id);
    if (first) push('error', path, 'duplicateId', { id, first });
    else ids.set(id, path);
  };
  template.inputs.forEach((input, i) => {
    claim(input.name, `inputs[${i}].name`);
    claimId(input.id, `inputs[${i}].id`);
  });
  template.sections.forEach((section, s) => {
    claim(section.name, `sections[${s}].name`);
    section.indicators.forEach((indicator, k) => {
      claim(indicator.name, `sections[${s}].indicators[${k}].name`);
      claimId(indicator.id, `sections[${s}].indicators[${k}].id`);
    });
  });
  (template.outputs ?? []).forEach((output, i) => claim(output.name, `outputs[${i}].name`));
  claim(totalName(template), 'labels.total');
  claim(gradeName(template), 'labels.grade');
  claim(rankName(template), 'labels.rank');

  const inputNames = new Set(template.inputs.map((input) => input.name));
  const percentInputs = new Set(template.inputs.filter((input) => input.type === 'percent').map((input) => input.name));
  const indicatorNames = new Set(template.sections.flatMap((section) => section.indicators.map((indicator) => indicator.name)));

  if (template.sections.every((section) => section.indicators.length === 0)) push('error', 'sections', 'noIndicators');
  template.sections.forEach((section, s) => {
    section.indicators.forEach((indicator, k) => problems.push(...indicatorProblems(indicator, section, `sections[${s}].indicators[${k}]`, inputNames, indicatorNames, percentInputs)));
    if (section.combine === 'weighted') {
      const base = section.indicators.filter((indicator) => !indicator.bonus);
      base.forEach((indicator, k) => {
        if (indicator.weight === undefined) push('error', `sections[${s}].indicators[${k}].weight`, 'missingWeight', { indicator: indicator.name });
      });
      const sum = base.reduce((acc, indicator) => acc + (indicator.weight ?? 0), 0);
      if (Math.abs(sum - 1) > EPSILON) push('warning', `sections[${s}]`, 'sectionWeights', { section: section.name, sum: pct(sum) });
    }
  });
  if (template.total.kind === 'weighted') {
    const sum = template.sections.reduce((acc, section) => acc + (section.weight ?? 0), 0);
    if (Math.abs(sum - 1) > EPSILON) push('warning', 'total', 'totalWeights', { sum: pct(sum) });
  }
  if (template.total.kind === 'formula') {
    const parsed = parse(template.total.formula);
    if (!parsed.ok) push('error', 'total.formula', 'syntax', { message: parsed.error.message, position: parsed.error.position + 1 });
  }
  template.inputs.forEach((input, i) => {
    if (!input.formula) return;
    const parsed = parse(input.formula);
    if (!parsed.ok) push('error', `inputs[${i}].formula`, 'syntax', { message: parsed.error.message, position: parsed.error.position + 1 });
  });
  (template.outputs ?? []).forEach((output, i) => {
    const parsed = parse(output.formula);
    if (!parsed.ok) push('error', `outputs[${i}].formula`, 'syntax', { message: parsed.error.message, position: parsed.error.position + 1 });
  });

  if (template.grades.length === 0) push('warning', 'grades', 'noGrades');
  for (let i = 1; i < template.grades.length; i++) {
    const previous = template.grades[i - 1]!.min;
    const current = template.grades[i]!.min;
    if (previous === null || (current !== null && current > previous)) push('error', `grades[${i}]`, 'gradeOrder', { grade: template.grades[i]!.label });
  }
  template.roles.forEach((role, i) => {
    if (!(role.weight > 0)) push('error', `roles[${i}]`, 'roleWeight', { role: role.role, weight: role.weight });
  });

  // Unknown names and cycles, as the evaluator sees them (only if the names are sound).
  if (!problems.some((p) => p.severity === 'error' && (p.code === 'duplicateName' || p.code === 'syntax' || p.code === 'emptyName'))) {
    const graph = compileTemplate(template);
    const reported = new Set<string>();
    for (const [slot, missing] of graph.unknownNames) {
      const cell = graph.cells[slot]!;
      for (const name of missing) {
        const key = `${cell.name}|${name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        push('error', pathOfCell(template, cell), 'unknownName', { name, cell: cell.name });
      }
    }
    const cyclic = new Set(graph.cells.filter((cell) => cell.fault?.code === '#CYCLE!').map((cell) => cell.name));
    for (const name of cyclic) push('error', pathOfName(template, name), 'cycle', { name });
  }
  return problems;
}

function pathOfName(template: Template, name: string): string {
  const input = template.inputs.findIndex((i) => i.name === name);
  if (input >= 0) return `inputs[${input}].formula`;
  for (const [s, section] of template.sections.entries()) {
    if (section.name === name) return `sections[${s}]`;
    const k = section.indicators.findIndex((indicator) => indicator.name === name);
    if (k >= 0) return `sections[${s}].indicators[${k}].rule`;
  }
  const output = (template.outputs ?? []).findIndex((o) => o.name === name);
  if (output >= 0) return `outputs[${output}].formula`;
  return 'total';
}

function pathOfCell(template: Template, cell: { name: string; kind: string }): string {
  if (cell.kind === 'total') return 'total';
  return pathOfName(template, cell.name);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
