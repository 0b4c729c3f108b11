import { describe, expect, it } from 'vitest';
import { entryProblem, levelLabelsFor, normalizeWidth, parseEntry, selfEnteredInput } from '../../../src/scoring/entry-values';
import type { Indicator, InputDef } from '../../../src/scoring/model';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';

const percent: InputDef = { id: 'p', name: '完成率', type: 'percent', min: 0, max: 1 };
const count: InputDef = { id: 'c', name: '转介绍新客户数', type: 'count', min: 0, unit: '个' };
const score: InputDef = { id: 's', name: '客户满意度得分', type: 'number', min: 0, max: 100, unit: '分' };
const flag: InputDef = { id: 'b', name: '投诉2小时内未响应', type: 'boolean' };
const level: InputDef = { id: 'l', name: '以客户为中心等级', type: 'level', levels: [1, 2, 3, 4, 5] };
const words: InputDef = { id: 'w', name: '评价', type: 'level', levels: ['优秀', '良好', '一般', '不及格'] };

describe('parseEntry', () => {
  it('reads percent text the way Excel and WPS copy it', () => {
    expect(parseEntry(percent, '95%')).toBe(0.95);
    expect(parseEntry(percent, ' 87.5 % ')).toBe(0.875);
    // As Excel stores 92.3%: 0.923, not 92.3 ÷ 100 = 0.9229999999999999.
    expect(parseEntry(percent, '92.3%')).toBe(0.923);
    expect(parseEntry(percent, '92.3')).toBe(0.923);
    expect(parseEntry(percent, '0.9')).toBe(0.9);
    expect(parseEntry(percent, '1')).toBe(1);
    expect(parseEntry(percent, '92')).toBe(0.92);
    expect(parseEntry(percent, '９０％')).toBe(0.9);
  });

  it('reads full-width digits, thousands separators, units and currency signs', () => {
    expect(normalizeWidth('１２３．５')).toBe('123.5');
    expect(parseEntry(count, '１２')).toBe(12);
    expect(parseEntry(count, '3个')).toBe(3);
    expect(parseEntry(score, '1,200')).toBe(1200);
    expect(parseEntry(score, '92分')).toBe(92);
    expect(parseEntry(score, '-4')).toBe(-4);
    expect(parseEntry(score, '－4')).toBe(-4);
    expect(parseEntry(score, '¥248.46')).toBe(248.46);
  });

  it('reads yes/no in Chinese and English as 1/0', () => {
    for (const yes of ['是', '有', 'TRUE', 'y', '1', '√']) expect(parseEntry(flag, yes)).toBe(1);
    for (const no of ['否', '无', 'false', 'N', '0', '×']) expect(parseEntry(flag, no)).toBe(0);
  });

  it('reads levels by value, by "5级" / "三级", and by the level description', () => {
    const labels = levelLabelsFor(customerMonthly, customerMonthly.inputs.find((i) => i.id === 'customer_focus_level')!);
    expect(parseEntry(level, '4')).toBe(4);
    expect(parseEntry(level, '5级')).toBe(5);
    expect(parseEntry(level, '三级')).toBe(3);
    expect(parseEntry(level, '提供必要服务', { levelLabels: labels })).toBe(1);
    expect(parseEntry(words, '良好')).toBe('良好');
  });

  it('keeps unreadable text as text instead of dropping it, and blank clears', () => {
    expect(parseEntry(score, '九十多')).toBe('九十多');
    expect(parseEntry(level, '7级')).toBe('7级');
    expect(parseEntry(flag, '也许')).toBe('也许');
    expect(parseEntry(score, '   ')).toBeNull();
  });
});

describe('entryProblem', () => {
  it('names type, range and level problems, and accepts blanks', () => {
    expect(entryProblem(score, '九十多')).toEqual({ code: 'notNumber' });
    expect(entryProblem(score, 120)).toEqual({ code: 'aboveMax', max: 100 });
    expect(entryProblem(count, -1)).toEqual({ code: 'belowMin', min: 0 });
    expect(entryProblem(count, 2.5)).toEqual({ code: 'notInteger' });
    expect(entryProblem(level, 7)).toEqual({ code: 'notLevel', levels: [1, 2, 3, 4, 5] });
    expect(entryProblem(flag, '也许')).toEqual({ code: 'notBoolean' });
    expect(entryProblem(percent, 0.95)).toBeNull();
    expect(entryProblem(score, null)).toBeNull();
  });

  it('validates self-entered indicators against the rule range', () => {
    const direct: Indicator = { id: 'attitude', name: '服务态度', quantitative: false, max: 15, rule: { kind: 'direct' } };
    const bonus: Indicator = { id: 'extra', name: '出色表现', quantitative: false, max: 5, bonus: true, rule: { kind: 'bonus', min: -5, max: 5 } };
    expect(entryProblem(selfEnteredInput(direct), 16)).toEqual({ code: 'aboveMax', max: 15 });
    expect(entryProblem(selfEnteredInput(bonus), -3)).toBeNull();
    expect(entryProblem(selfEnteredInput(bonus), -6)).toEqual({ code: 'belowMin', min: -5 });
  });
});
