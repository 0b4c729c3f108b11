// A rule in one short line for the printed scorecard's 评分标准 column: the band table
// ("≥90%：20分；≥85% 且 <90%：10分；其余：0分"), the deduction ("延时次数每次扣2分"), and so on.
// The indicator's own definition text is the seed's prose; this is the rule the score follows.
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Band, Indicator, Template } from './model';
import { bandText, formatScore } from './describe';

function isPercentInput(template: Template, name: string | undefined): boolean {
  return name !== undefined && template.inputs.find((input) => input.name === name)?.type === 'percent';
}

function isFlagInput(template: Template, name: string): boolean {
  return template.inputs.find((input) => input.name === name)?.type === 'boolean';
}

function withoutLabel(band: Band): Band {
  return { from: band.from, fromInclusive: band.fromInclusive, to: band.to, toInclusive: band.toInclusive, points: band.points };
}

export function ruleSummary(indicator: Indicator, template: Template, locale: Locale): string {
  const say = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const n = (value: number) => formatScore(value, locale);
  const separator = say('print.rule.separator');
  const list = say('print.rule.listSeparator');
  const rule = indicator.rule;
  let text: string;
  switch (rule.kind) {
    case 'direct':
      text = say('print.rule.direct', { max: n(indicator.max) });
      break;
    case 'scale':
      text = say('print.rule.scale', { input: rule.input, low: n(rule.low), high: n(rule.high), max: n(indicator.max) });
      break;
    case 'levels':
      text = rule.levels.map((row) => say('print.rule.levelRow', { value: String(row.value), points: n(row.points) })).join(list);
      break;
    case 'bands': {
      const percent = isPercentInput(template, rule.input);
      const rows = rule.bands.map((band) => say('print.rule.bandRow', { band: bandText(withoutLabel(band), locale, percent), points: n(band.points) }));
      if (rule.otherwise !== null) rows.push(say('print.rule.otherwise', { points: n(rule.otherwise) }));
      text = `${rule.input} ${rows.join(separator)}`;
      break;
    }
    case 'deduction': {
      const start = rule.start ?? indicator.max;
      const items = rule.items
        .map((item) => say(isFlagInput(template, item.input) ? 'print.rule.deductionFlag' : 'print.rule.deductionItem', { name: item.input, penalty: n(item.penalty) }))
        .join(list);
      const floor = rule.floor ?? 0;
      text = say('print.rule.deductionStart', { start: n(start) }) + items + say('print.rule.deductionFloor', { floor: n(floor) });
      break;
    }
    case 'ratio': {
      const target = typeof rule.target === 'number' ? formatScore(rule.target, locale, isPercentInput(template, rule.actual)) : rule.target;
      const key = rule.direction === 'higher' ? 'print.rule.ratioHigher' : 'print.rule.ratioLower';
      const cap = rule.cap ?? 1;
      text = say(key, { actual: rule.actual, target, max: n(indicator.max) }) + (cap !== 1 ? say('print.rule.ratioCap', { cap: formatScore(cap, locale, true) }) : '');
      break;
    }
    case 'threshold': {
      const value = formatScore(rule.value, locale, isPercentInput(template, rule.input));
      text = say('print.rule.threshold', { input: rule.input, op: rule.op, value, pass: n(rule.pass), fail: n(rule.fail) });
      break;
    }
    case 'rank': {
      const places = rule.points.map((points, i) => say('print.rule.rankPlace', { place: i + 1, points: n(points) })).join(list);
      text = say('print.rule.rank', { input: rule.input, places });
      if (rule.below) {
        const reference =
          rule.below.reference === 'average' ? say('print.rule.average') : formatScore(rule.below.reference, locale, isPercentInput(template, rule.input));
        text += say('print.rule.rankBelow', { reference, points: n(rule.below.points) });
      }
      break;
    }
    case 'relative':
      text = say(rule.direction === 'higher' ? 'print.rule.relativeHigher' : 'print.rule.relativeLower', {
        input: rule.input,
        below: n(rule.below),
        otherwise: n(rule.otherwise),
      });
      break;
    case 'bonus':
      text = say('print.rule.bonus', { min: n(rule.min), max: n(rule.max) });
      break;
    case 'formula':
      text = say('print.rule.formula', { formula: rule.formula.replace(/^\s*=/, '') });
      break;
  }
  return indicator.cadence === 'week' ? say('print.rule.weekly') + text : text;
}
