// Explanations and problems as sentences, in either language
// ("客户满意度 92 在区间 ≥90 → 20 分", "30 − 2 × 3 (延时次数) = 24").
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/catalog';
import type { Band, CrossPeriodRule, Indicator, RaterRole, Template } from './model';
import type { Explanation, ScoreValue } from './sheet-types';
import type { Problem } from './validate';
import type { RestoreProblem } from './restore';
import { isError } from '../formula/index';
import type { EntryProblem } from './entry-values';

export interface DescribeContext {
  readonly locale: Locale;
  readonly template?: Template;
  readonly indicator?: Indicator;
}

function inputIsPercent(context: DescribeContext): boolean {
  const rule = context.indicator?.rule;
  if (!rule || !context.template) return false;
  const name =
    'input' in rule && typeof rule.input === 'string' ? rule.input : rule.kind === 'ratio' ? rule.actual : undefined;
  return context.template.inputs.find((input) => input.name === name)?.type === 'percent';
}

export function formatScore(value: ScoreValue, locale: Locale, percent = false): string {
  if (value === null || value === '') return '—';
  if (isError(value)) return value.code;
  if (typeof value === 'number') return percent ? `${formatNumber(locale, value * 100)}%` : formatNumber(locale, value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function bandText(band: Band, locale: Locale, percent = false): string {
  const show = (value: number) => formatScore(value, locale, percent);
  const parts: string[] = [];
  if (band.from !== null) parts.push(`${band.fromInclusive ? '≥' : '>'}${show(band.from)}`);
  if (band.to !== null) parts.push(`${band.toInclusive ? '≤' : '<'}${show(band.to)}`);
  const text = parts.length === 0 ? '*' : parts.join(translate(locale, 'scoring.explain.and'));
  return band.label ? `${text} (${band.label})` : text;
}

export function roleLabel(role: RaterRole, locale: Locale): string {
  return translate(locale, `scoring.role.${role}` as MessageKey);
}

export function describeExplanation(explanation: Explanation, context: DescribeContext): string {
  const { locale } = context;
  const percent = inputIsPercent(context);
  const n = (value: ScoreValue) => formatScore(value, locale);
  const v = (value: ScoreValue) => formatScore(value, locale, percent);
  const say = (key: MessageKey, params: Record<string, string | number>) => translate(locale, key, params);
  switch (explanation.kind) {
    case 'direct':
      return say('scoring.explain.direct', { value: n(explanation.value) });
    case 'scale':
      return say('scoring.explain.scale', { value: n(explanation.value), high: n(explanation.high), max: n(explanation.max), points: n(explanation.points) });
    case 'levels':
      if (!explanation.row && explanation.value !== null && explanation.value !== '') {
        return say('scoring.explain.levelsUnknown', { value: n(explanation.value), points: n(explanation.points) });
      }
      return say('scoring.explain.levels', {
        value: n(explanation.value),
        label: explanation.row?.label ? `（${explanation.row.label}）` : '',
        points: n(explanation.points),
      });
    case 'bands':
      return explanation.band
        ? say('scoring.explain.bands', { value: v(explanation.value), band: bandText(explanation.band, locale, percent), points: n(explanation.points) })
        : say('scoring.explain.bandsNone', { value: v(explanation.value), points: n(explanation.points) });
    case 'deduction': {
      const items = explanation.items
        .map((item) => say('scoring.explain.deductionItem', { penalty: n(item.penalty), count: n(item.count ?? 0), name: item.name }))
        .join('');
      const raw = explanation.items.reduce((sum, item) => sum - item.penalty * (typeof item.count === 'number' ? item.count : 0), explanation.start);
      const floor = raw < explanation.floor ? say('scoring.explain.deductionFloor', { floor: n(explanation.floor) }) : '';
      return say('scoring.explain.deduction', { start: n(explanation.start), items, points: n(explanation.points) }) + floor;
    }
    case 'ratio': {
      const key = explanation.direction === 'higher' ? 'scoring.explain.ratioHigher' : 'scoring.explain.ratioLower';
      const cap = context.indicator?.rule.kind === 'ratio' ? (context.indicator.rule.cap ?? 1) : 1;
      return say(key, {
        actual: v(explanation.actual),
        target: v(explanation.target),
        ratio: formatScore(explanation.ratio, locale, true),
        cap: formatScore(cap, locale, true),
        max: n(explanation.max),
        points: n(explanation.points),
      });
    }
    case 'threshold':
      return say(explanation.passed ? 'scoring.explain.thresholdPass' : 'scoring.explain.thresholdFail', {
        value: v(explanation.value),
        op: explanation.op,
        threshold: v(explanation.threshold),
        points: n(explanation.points),
      });
    case 'rank':
      return explanation.below
        ? say('scoring.explain.rankBelow', { value: v(explanation.value), reference: v(explanation.reference), points: n(explanation.points) })
        : say('scoring.explain.rank', { rank: explanation.rank ?? '—', points: n(explanation.points) });
    case 'relative':
      return say(explanation.worse ? 'scoring.explain.relativeWorse' : 'scoring.explain.relativeOk', {
        value: v(explanation.value),
        average: v(explanation.average),
        points: n(explanation.points),
      });
    case 'bonus':
      return say('scoring.explain.bonus', { value: n(explanation.value), min: n(explanation.min), max: n(explanation.max), points: n(explanation.points) });
    case 'formula': {
      const pairs = explanation.inputs.map((input) => `${input.name} = ${n(input.value)}`).join(locale === 'zh-CN' ? '，' : ', ');
      const inputs = pairs ? say('scoring.explain.formulaInputs', { pairs }) : '';
      return say('scoring.explain.formula', { formula: explanation.formula, inputs, points: n(explanation.points) });
    }
    case 'roles': {
      if (explanation.parts.length === 0) return say('scoring.explain.rolesNone', {});
      const total = explanation.parts.reduce((sum, part) => sum + part.weight, 0);
      const parts = explanation.parts
        .map((part) => say('scoring.explain.rolePart', { role: roleLabel(part.role, locale), score: n(part.score), weight: formatScore(part.weight / total, locale, true) }))
        .join(' + ');
      const missing = explanation.missing.length
        ? say('scoring.explain.rolesMissing', { roles: explanation.missing.map((role) => roleLabel(role, locale)).join(locale === 'zh-CN' ? '、' : ', ') })
        : '';
      return say('scoring.explain.roles', { parts, points: n(explanation.points) }) + missing;
    }
    case 'invalid':
      return explanation.entries
        .map((entry) => say('scoring.explain.invalid', { name: entry.name, value: n(entry.value), problem: describeEntryProblem(entry.problem, locale) }))
        .join(locale === 'zh-CN' ? '；' : '; ');
    case 'weeks': {
      const parts = explanation.parts
        .map((part) => (part.points === null ? say('scoring.explain.weekNone', { week: part.week }) : `${part.week} ${signed(part.points, locale)}`))
        .join(locale === 'zh-CN' ? '，' : ', ');
      return say('scoring.explain.weeks', { parts, points: n(explanation.points) });
    }
  }
}

/**
 * What each rater's values did in a multi-rater score (the band matched, the deductions), one
 * phrase per role; empty when there is one rater or it would only repeat the entered numbers.
 */
export function describeRoleDetails(explanation: Explanation, context: DescribeContext): string {
  if (explanation.kind !== 'roles') return '';
  return explanation.parts
    .filter((part) => part.detail.kind !== 'direct')
    .map((part) => translate(context.locale, 'scoring.explain.roleDetail', { role: roleLabel(part.role, context.locale), detail: describeExplanation(part.detail, context) }))
    .join(context.locale === 'zh-CN' ? '；' : '; ');
}

function signed(value: ScoreValue, locale: Locale): string {
  if (typeof value !== 'number') return formatScore(value, locale);
  return value > 0 ? `+${formatNumber(locale, value)}` : formatNumber(locale, value);
}

/** What is wrong with an entered value, as the grid and the explanations say it ("不能大于 5"). */
export function describeEntryProblem(problem: EntryProblem, locale: Locale, percent = false): string {
  switch (problem.code) {
    case 'belowMin':
      return translate(locale, 'rate.problem.belowMin', { min: formatScore(problem.min, locale, percent) });
    case 'aboveMax':
      return translate(locale, 'rate.problem.aboveMax', { max: formatScore(problem.max, locale, percent) });
    case 'notLevel':
      return translate(locale, 'rate.problem.notLevel', { levels: problem.levels.join(' / ') });
    default:
      return translate(locale, `rate.problem.${problem.code}`);
  }
}

/** A cross-period rule as a flag reads: the template's own words, else 连续 3 个周期不及格. */
export function describeCrossPeriodRule(rule: CrossPeriodRule, locale: Locale): string {
  if (rule.label) return rule.label;
  return rule.kind === 'consecutiveRank'
    ? translate(locale, 'scoring.crossPeriod.consecutiveRank', { periods: rule.periods, rank: rule.rank })
    : translate(locale, 'scoring.crossPeriod.consecutiveFailing', { periods: rule.periods });
}

export function describeProblem(problem: Problem, locale: Locale): string {
  return translate(locale, `scoring.validate.${problem.code}` as MessageKey, problem.params);
}

export function describeRestoreProblem(problem: RestoreProblem, locale: Locale): string {
  if (problem.kind === 'template' && problem.problem) {
    return translate(locale, 'scoring.restore.template', { path: problem.path, message: describeProblem(problem.problem, locale) });
  }
  return translate(locale, `scoring.restore.${problem.kind}` as MessageKey, { path: problem.path, expected: problem.expected, received: problem.received });
}
