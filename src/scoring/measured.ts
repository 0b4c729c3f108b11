// What was measured for a score, in a few characters, for the printed scorecard's 实际 column:
// 完成率 92% (bands), 3 次 (a deduction's count), 22 / 22 (a ratio), 4 (a level). The points are
// printed beside it, so a scorecard shows both what happened and what it was worth.
import { translate, type Locale } from '../i18n/catalog';
import type { Indicator, Template } from './model';
import type { Explanation, ScoreValue } from './sheet-types';
import { formatScore } from './describe';

function isPercent(template: Template, name: string | undefined): boolean {
  return name !== undefined && template.inputs.find((input) => input.name === name)?.type === 'percent';
}

function isFlag(template: Template, name: string): boolean {
  return template.inputs.find((input) => input.name === name)?.type === 'boolean';
}

function shown(value: ScoreValue, locale: Locale, percent = false): string {
  if (value === null || value === '') return '';
  return formatScore(value, locale, percent && typeof value === 'number');
}

/** The measured value(s) behind one rater's score of an indicator; '' when the points were entered as they are. */
export function measuredText(explanation: Explanation, indicator: Indicator, template: Template, locale: Locale): string {
  const rule = indicator.rule;
  const percent = isPercent(template, 'input' in rule && typeof rule.input === 'string' ? rule.input : rule.kind === 'ratio' ? rule.actual : undefined);
  const list = locale === 'zh-CN' ? '，' : ', ';
  switch (explanation.kind) {
    case 'direct':
      // Points typed as they are (服务态度 14): the points say it all.
      return rule.kind === 'direct' && rule.input === undefined ? '' : shown(explanation.value, locale, percent);
    case 'bonus':
      return rule.kind === 'bonus' && rule.input === undefined ? '' : shown(explanation.value, locale, percent);
    case 'scale':
    case 'levels':
    case 'bands':
    case 'threshold':
    case 'rank':
    case 'relative':
      return shown(explanation.value, locale, percent);
    case 'deduction': {
      // Only what was deducted for: 延时次数 3; a yes/no item by its name alone.
      const counted = explanation.items.filter((item) => typeof item.count === 'number' && item.count !== 0);
      if (counted.length === 0) return translate(locale, 'print.measured.none');
      return counted
        .map((item) => (isFlag(template, item.name) ? item.name : translate(locale, 'print.measured.count', { name: item.name, count: shown(item.count, locale) })))
        .join(list);
    }
    case 'ratio': {
      // A constant target is written like the actual (90%); an input target as its own type.
      const targetPercent = rule.kind === 'ratio' && typeof rule.target === 'string' ? isPercent(template, rule.target) : percent;
      return `${shown(explanation.actual, locale, percent)} / ${shown(explanation.target, locale, targetPercent)}`;
    }
    case 'formula':
      return explanation.inputs.map((input) => `${input.name} ${shown(input.value, locale, isPercent(template, input.name)) || '—'}`).join(list);
    case 'invalid':
      return explanation.entries.map((entry) => translate(locale, 'print.measured.invalid', { value: shown(entry.value, locale) })).join(list);
    case 'roles':
    case 'weeks':
      return '';
  }
}
