// Every rule kind written as a formula in Kaohe's language: the formula is the truth, the rule
// is the convenience that wrote it. `ruleFormula` is what "show formula" displays.
import type { Band, ComparisonOp, Indicator, InputDef, Rule, Template } from './model';
import { literal, nameRef, numberLiteral, percent, sumOf } from './formula-text';

/** Internal name of the cell holding what was entered for a self-entered indicator. */
export function entryName(indicator: Pick<Indicator, 'id'>): string {
  return `@${indicator.id}`;
}

/**
 * An indicator is self-entered when its rule reads no input: a direct or bonus rule without
 * `input` (服务态度 满分15分). Its entries are stored under the indicator id.
 */
export function isSelfEntered(rule: Rule): boolean {
  return (rule.kind === 'direct' || rule.kind === 'bonus') && rule.input === undefined;
}

/** A direct rule without an input: the indicator IS the entered cell; no formula of its own. */
export function isPlainEntry(rule: Rule): boolean {
  return rule.kind === 'direct' && rule.input === undefined;
}

type NumberStyle = (value: number) => string;

function styleFor(input: InputDef | undefined): NumberStyle {
  return input?.type === 'percent' ? percent : numberLiteral;
}

function compare(subject: string, op: ComparisonOp, value: string): string {
  return `${subject}${op}${value}`;
}

/** The condition "value lies in band", e.g. `AND([x]>=85%,[x]<90%)`. `null` if unbounded both sides. */
export function bandCondition(subject: string, band: Band, style: NumberStyle = numberLiteral): string | null {
  const parts: string[] = [];
  if (band.from !== null) parts.push(compare(subject, band.fromInclusive ? '>=' : '>', style(band.from)));
  if (band.to !== null) parts.push(compare(subject, band.toInclusive ? '<=' : '<', style(band.to)));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `AND(${parts.join(',')})`;
}

/**
 * Bands as the conditions of a nested IF, with edges an earlier branch already rules out dropped:
 * `≥90 → 20; [85,90) → 10` reads `IF(x>=90,20,IF(x>=85,10,…))`, as people write it in Excel.
 */
export function bandsInChainOrder(bands: readonly Band[]): Band[] {
  let above: { edge: number; inclusive: boolean } | null = null;
  let below: { edge: number; inclusive: boolean } | null = null;
  return bands.map((band) => {
    let result = band;
    // Everything at or above `above.edge` was taken by earlier branches.
    if (above && band.to !== null && band.to === above.edge && band.toInclusive !== above.inclusive) {
      result = { ...result, to: null, toInclusive: false };
    }
    if (below && band.from !== null && band.from === below.edge && band.fromInclusive !== below.inclusive) {
      result = { ...result, from: null, fromInclusive: false };
    }
    if (result.to === null && band.from !== null) above = { edge: band.from, inclusive: band.fromInclusive };
    if (result.from === null && band.to !== null) below = { edge: band.to, inclusive: band.toInclusive };
    return result;
  });
}

function nestedIf(branches: readonly { condition: string | null; value: string }[], otherwise: string): string {
  let text = otherwise;
  for (let i = branches.length - 1; i >= 0; i--) {
    const branch = branches[i]!;
    // An unbounded band matches everything: it ends the chain.
    text = branch.condition === null ? branch.value : `IF(${branch.condition},${branch.value},${text})`;
  }
  return text;
}

/** Does the input's own range keep every value that fits it between 0 and `high`? */
function withinScale(input: InputDef, high: number): boolean {
  const levels = input.levels ?? [];
  if (input.type === 'level' && levels.length > 0) return levels.every((level) => typeof level === 'number' && level >= 0 && level <= high);
  return input.max !== undefined && input.max <= high && (input.min ?? Number.NEGATIVE_INFINITY) >= 0;
}

function inputNamed(template: Template, name: string): InputDef | undefined {
  return template.inputs.find((input) => input.name === name);
}

/** The formula text of an indicator's rule (for one rater; roles are combined outside it). */
export function ruleFormula(indicator: Indicator, template: Template): string {
  const rule = indicator.rule;
  const subjectOf = (input: string | undefined) => (input === undefined ? nameRef(entryName(indicator)) : nameRef(input));
  switch (rule.kind) {
    case 'direct':
      return rule.input === undefined ? nameRef(entryName(indicator)) : nameRef(rule.input);
    case 'scale': {
      const scaled = `${nameRef(rule.input)}/${numberLiteral(rule.high)}`;
      // Clamped like ratio and bonus rules, so a rating above the scale never scores above max.
      // An input whose own range ends within the scale (levels 1–5, max 5) needs no clamp: a
      // value beyond it does not fit and scores nothing. An undeclared input has no range to know.
      const input = inputNamed(template, rule.input);
      return input && !withinScale(input, rule.high) ? `CLAMP(${scaled},0,1)*${numberLiteral(indicator.max)}` : `${scaled}*${numberLiteral(indicator.max)}`;
    }
    case 'levels': {
      const subject = nameRef(rule.input);
      const pairs = rule.levels.map((row) => `${literal(row.value)},${numberLiteral(row.points)}`).join(',');
      return `IF(ISBLANK(${subject}),0,SWITCH(${subject},${pairs},#N/A))`;
    }
    case 'bands': {
      const subject = nameRef(rule.input);
      const style = styleFor(inputNamed(template, rule.input));
      const branches = bandsInChainOrder(rule.bands).map((band) => ({ condition: bandCondition(subject, band, style), value: numberLiteral(band.points) }));
      return nestedIf(branches, rule.otherwise === null ? '#N/A' : numberLiteral(rule.otherwise));
    }
    case 'deduction': {
      const start = rule.start ?? indicator.max;
      const terms = [numberLiteral(start), ...rule.items.map((item) => `-${numberLiteral(item.penalty)}*${nameRef(item.input)}`)];
      return `MAX(${numberLiteral(rule.floor ?? 0)},${sumOf(terms)})`;
    }
    case 'ratio': {
      const actual = nameRef(rule.actual);
      const target = typeof rule.target === 'number' ? styleFor(inputNamed(template, rule.actual))(rule.target) : nameRef(rule.target);
      const ratio = rule.direction === 'higher' ? `${actual}/${target}` : `${target}/${actual}`;
      return `CLAMP(${ratio},0,${numberLiteral(rule.cap ?? 1)})*${numberLiteral(indicator.max)}`;
    }
    case 'threshold': {
      const style = styleFor(inputNamed(template, rule.input));
      return `IF(${compare(nameRef(rule.input), rule.op, style(rule.value))},${numberLiteral(rule.pass)},${numberLiteral(rule.fail)})`;
    }
    case 'rank': {
      const subject = nameRef(rule.input);
      const rank = `RANK.EQ(${subject},TEAM(${subject}),${rule.order === 'desc' ? 0 : 1})`;
      const choices = rule.points.map(numberLiteral).join(',');
      const byRank = rule.points.length === 0 ? '0' : `IF(${rank}<=${rule.points.length},CHOOSE(${rank},${choices}),0)`;
      if (!rule.below) return byRank;
      const reference = rule.below.reference === 'average' ? `AVERAGE(TEAM(${subject}))` : styleFor(inputNamed(template, rule.input))(rule.below.reference);
      const worse = rule.order === 'desc' ? '<' : '>';
      return `IF(${subject}${worse}${reference},${numberLiteral(rule.below.points)},${byRank})`;
    }
    case 'relative': {
      const subject = nameRef(rule.input);
      const worse = rule.direction === 'higher' ? '<' : '>';
      return `IF(${subject}${worse}AVERAGE(TEAM(${subject})),${numberLiteral(rule.below)},${numberLiteral(rule.otherwise)})`;
    }
    case 'bonus':
      return `CLAMP(${subjectOf(rule.input)},${numberLiteral(rule.min)},${numberLiteral(rule.max)})`;
    case 'formula':
      return rule.formula.replace(/^\s*=/, '');
  }
}

/** Names of the inputs (or entry cells) a rule reads directly, for presence and validation. */
export function ruleInputs(indicator: Indicator): string[] {
  const rule = indicator.rule;
  switch (rule.kind) {
    case 'direct':
    case 'bonus':
      return [rule.input ?? entryName(indicator)];
    case 'scale':
    case 'levels':
    case 'bands':
    case 'threshold':
    case 'rank':
    case 'relative':
      return [rule.input];
    case 'deduction':
      return rule.items.map((item) => item.input);
    case 'ratio':
      return typeof rule.target === 'number' ? [rule.actual] : [rule.actual, rule.target];
    case 'formula':
      return [];
  }
}
