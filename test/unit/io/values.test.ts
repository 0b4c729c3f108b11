import { describe, expect, it } from 'vitest';
import { inputSpec, indicatorSpec, numberOf, parseValue, quickNumber, readsAsWholePercents } from '../../../src/io/values';
import { waiter } from '../../../src/scoring/builtins/index';
import { template } from './helpers';

const input = (id: string) => template.inputs.find((i) => i.id === id)!;

describe('parseValue', () => {
  const percent = inputSpec(input('process_completion'), template);
  const count = inputSpec(input('new_referrals'), template);
  const score = inputSpec(input('satisfaction_score'), template);
  const level = inputSpec(input('customer_focus_level'), template);
  const flag = inputSpec(input('complaint_no_response'), template);

  it('a percent input stores a fraction: "90%", "0.9" and 0.9 are the same', () => {
    expect(parseValue('90%', percent)).toEqual({ ok: true, value: 0.9 });
    expect(parseValue('０.９', percent)).toEqual({ ok: true, value: 0.9 });
    expect(parseValue(0.9, percent)).toEqual({ ok: true, value: 0.9 });
    expect(parseValue('90', percent, true)).toEqual({ ok: true, value: 0.9 });
    expect(parseValue('95%', percent, true)).toEqual({ ok: true, value: 0.95 });
  });

  it('a value outside the input range is refused with the range expected', () => {
    expect(parseValue('120%', percent)).toEqual({ ok: false, code: 'outOfRange', expected: '0% – 100%' });
    expect(parseValue(101, score)).toEqual({ ok: false, code: 'outOfRange', expected: '0 – 100' });
  });

  it('numbers: thousands separators, full-width digits and the unit are read; words are not', () => {
    expect(parseValue('85分', score)).toEqual({ ok: true, value: 85 });
    expect(numberOf('1,234.5')).toEqual({ value: 1234.5, percent: false });
    expect(numberOf('１２３')).toEqual({ value: 123, percent: false });
    expect(parseValue('八十', score)).toMatchObject({ ok: false, code: 'notANumber' });
    expect(parseValue('0x10', score)).toMatchObject({ ok: false, code: 'notANumber' });
    expect(parseValue('Infinity', score)).toMatchObject({ ok: false, code: 'notANumber' });
  });

  it('counts are whole numbers', () => {
    expect(parseValue('3个', count)).toEqual({ ok: true, value: 3 });
    expect(parseValue('2.5', count)).toEqual({ ok: false, code: 'notInteger', expected: '0, 1, 2 …' });
  });

  it('levels by value, by "3级", or by the label a levels rule gives them', () => {
    expect(parseValue(4, level)).toEqual({ ok: true, value: 4 });
    expect(parseValue('4级', level)).toEqual({ ok: true, value: 4 });
    expect(parseValue('6', level)).toEqual({ ok: false, code: 'unknownLevel', expected: '1, 2, 3, 4, 5' });
    // A level's label from the seed's table (以客户为中心 2级: 迅速而不可分辨解决客户需求).
    const label = template.sections[1]!.indicators[0]!.rule.kind === 'levels' ? template.sections[1]!.indicators[0]!.rule.levels[1]!.label! : '';
    expect(parseValue(label, level)).toEqual({ ok: true, value: 2 });
  });

  it('booleans in Chinese and English become 1 or 0', () => {
    for (const yes of ['是', '有', '√', 'TRUE', 'yes', '1', true]) expect(parseValue(yes, flag)).toEqual({ ok: true, value: 1 });
    for (const no of ['否', '无', '×', 'false', 'no', '0', false]) expect(parseValue(no, flag)).toEqual({ ok: true, value: 0 });
    expect(parseValue('也许', flag)).toMatchObject({ ok: false, code: 'notBoolean' });
  });

  it('a blank cell is no value, never zero', () => {
    expect(parseValue(null, score)).toEqual({ ok: true, value: null });
    expect(parseValue('  ', score)).toEqual({ ok: true, value: null });
  });

  it('an indicator entered directly takes points from 0 to its max (bonus: its own range)', () => {
    const bonus = waiter.sections.flatMap((s) => s.indicators).find((i) => i.rule.kind === 'bonus')!;
    const spec = indicatorSpec(bonus);
    expect(spec.max).toBe(bonus.rule.kind === 'bonus' ? bonus.rule.max : undefined);
  });
});

describe('readsAsWholePercents', () => {
  it('bare numbers all above 1 with one reaching 10 are whole percents', () => {
    expect(readsAsWholePercents([90, '85', null, 0, '100'])).toBe(true);
  });
  it('achievement rates such as 1.05 and 1.2 stay fractions', () => {
    expect(readsAsWholePercents([1.05, 1.2])).toBe(false);
  });
  it('a column mixing 0.9 and 90 is read as written', () => {
    expect(readsAsWholePercents([0.9, 90])).toBe(false);
  });
  it('values written with % do not count', () => {
    expect(readsAsWholePercents(['90%', '85%'])).toBe(false);
  });
});

describe('plain numbers read fast are the same doubles Number() gives', () => {
  it('for integers, decimals and negatives', () => {
    const spec = { type: 'number' as const };
    const random = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const next = random(42);
    for (let i = 0; i < 5000; i++) {
      const digits = Math.floor(next() * 1e6);
      const decimals = Math.floor(next() * 6);
      const text = `${next() < 0.2 ? '-' : ''}${(digits / 10 ** decimals).toFixed(decimals)}`;
      expect(quickNumber(text, spec, false)).toBe(Number(text));
    }
    for (const text of ['0.1', '0.30', '12345678901234.5', '-0.5', '007']) expect(quickNumber(text, spec, false)).toBe(Number(text));
    for (const text of ['', '-', '1.', '.5', '1e3', '0x1f', '1,000', ' 1', '1.2.3', '1234567890123456']) expect(Number.isNaN(quickNumber(text, spec, false))).toBe(true);
  });
});
