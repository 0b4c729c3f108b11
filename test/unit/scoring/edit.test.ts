import { describe, expect, it } from 'vitest';
import { customerMonthly, waiter } from '../../../src/scoring/builtins/index';
import {
  addIndicator,
  addSection,
  changeRuleKind,
  deleteIndicator,
  findIndicator,
  moveIndicatorBy,
  moveIndicatorTo,
  moveItem,
  renameInFormula,
  updateIndicator,
  updateInput,
  updateSection,
  usesOfName,
  inputsLeftBehind,
  deleteInputs,
} from '../../../src/scoring/edit';
import type { Template } from '../../../src/scoring/model';
import { scorePeriod, validateTemplate } from '../../../src/scoring/index';

const names = (template: Template, section = 0) => template.sections[section]!.indicators.map((indicator) => indicator.name);

/** A small template with a derived input, a formula rule and a formula total. */
const small: Template = {
  id: 't',
  version: 1,
  name: '小表',
  description: '',
  periodKind: 'month',
  inputs: [
    { id: 'asks', name: '询单人数', type: 'count' },
    { id: 'visits', name: '接待人数', type: 'count' },
    { id: 'ratio', name: '询单人数比', type: 'percent', formula: '[询单人数]/[接待人数]' },
  ],
  sections: [
    {
      id: 's',
      name: '业绩',
      combine: 'sum',
      indicators: [
        { id: 'a', name: '询单', quantitative: true, max: 10, rule: { kind: 'threshold', input: '询单人数比', op: '>=', value: 0.5, pass: 10, fail: 0 } },
        { id: 'b', name: '接待', quantitative: true, max: 10, rule: { kind: 'formula', formula: 'MIN(10, 接待人数 / 10)' } },
      ],
    },
  ],
  total: { kind: 'formula', formula: '=[业绩] + [询单] * 0' },
  grades: [{ label: '合格', min: null, minInclusive: true }],
  roles: [{ role: 'supervisor', weight: 1 }],
  rankTies: 'competition',
};

describe('template edits', () => {
  it('never change the template they are given', () => {
    const before = JSON.stringify(customerMonthly);
    updateIndicator(customerMonthly, 'satisfaction', { weight: 0.3 });
    moveIndicatorBy(customerMonthly, 'satisfaction', -1);
    deleteIndicator(customerMonthly, 'satisfaction');
    updateInput(customerMonthly, 'process_completion', { name: 'X' });
    expect(JSON.stringify(customerMonthly)).toBe(before);
  });

  it('renaming an input rewrites the rules and every formula that refers to it', () => {
    const renamed = updateInput(small, 'asks', { name: '咨询人数' });
    expect(renamed.inputs[0]!.name).toBe('咨询人数');
    expect(renamed.inputs[2]!.formula).toBe('咨询人数/接待人数');
    // Formulas that do not mention the name keep the text exactly as typed.
    expect(renamed.sections[0]!.indicators[1]!.rule).toEqual({ kind: 'formula', formula: 'MIN(10, 接待人数 / 10)' });
    const visits = updateInput(small, 'visits', { name: '接待 人数' });
    expect(visits.inputs[2]!.formula).toBe('询单人数/[接待 人数]');
    expect(visits.sections[0]!.indicators[1]!.rule).toEqual({ kind: 'formula', formula: 'MIN(10,[接待 人数]/10)' });
    expect(validateTemplate(visits).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('renaming a derived input carries into the rules that read it', () => {
    const renamed = updateInput(small, 'ratio', { name: '询单率' });
    expect(renamed.sections[0]!.indicators[0]!.rule).toMatchObject({ kind: 'threshold', input: '询单率' });
  });

  it('renaming an indicator or a section rewrites the total formula (keeping its leading =)', () => {
    const indicator = updateIndicator(small, 'a', { name: '询单达标' });
    expect(indicator.total).toEqual({ kind: 'formula', formula: '=业绩+询单达标*0' });
    const section = updateSection(small, 's', { name: '业绩考核' });
    expect(section.total).toEqual({ kind: 'formula', formula: '=业绩考核+询单*0' });
  });

  it('renaming keeps an example scoring the same', () => {
    const renamed = updateInput(customerMonthly, 'satisfaction_score', { name: '满意度调查得分' });
    const people = [{ id: 'p', name: 'P' }];
    const entries = customerMonthly.inputs.map((input) => ({ personId: 'p', key: input.id, role: 'supervisor' as const, value: input.type === 'percent' ? 0.92 : input.type === 'level' ? 4 : input.type === 'boolean' ? 0 : 88 }));
    const before = scorePeriod(customerMonthly, { people, entries }).people[0]!.total;
    const after = scorePeriod(renamed, { people, entries }).people[0]!.total;
    expect(after).toBe(before);
  });

  it('a formula that does not parse is left as typed', () => {
    expect(renameInFormula('[询单人数]/(', '询单人数', 'x')).toBe('[询单人数]/(');
  });

  it('lists what uses a name before it is deleted', () => {
    expect(usesOfName(small, '询单人数')).toEqual(['询单人数比']);
    expect(usesOfName(small, '询单人数比')).toEqual(['询单']);
    expect(usesOfName(small, '接待人数')).toEqual(['询单人数比', '接待']);
  });

  it('adds indicators and sections with unique names and ids', () => {
    const once = addIndicator(small, 's', '新指标');
    const twice = addIndicator(once.template, 's', '新指标');
    expect(names(twice.template)).toEqual(['询单', '接待', '新指标', '新指标 2']);
    expect(once.id).not.toBe(twice.id);
    const section = addSection(twice.template, '业绩');
    expect(section.template.sections[1]!.name).toBe('业绩 2');
    // In a weighted section a new indicator starts with weight 0, so the sum warning shows.
    const weighted = addIndicator(customerMonthly, 'results', '新指标');
    expect(findIndicator(weighted.template, weighted.id)!.indicator.weight).toBe(0);
  });

  it('moves indicators by one, across section edges, and by drag to any place', () => {
    const down = moveIndicatorBy(customerMonthly, 'service_process', 1);
    expect(names(down).slice(0, 3)).toEqual(['客户信息掌控率', '客服流程体系的建立与完善', '客户转介绍数']);
    const up = moveIndicatorBy(down, 'service_process', -1);
    expect(up).toEqual(customerMonthly);
    // The last of 业绩考核 moves down into the top of 行为考核.
    const across = moveIndicatorBy(customerMonthly, 'orphans', 1);
    expect(names(across, 1)[0]).toBe('孤儿客户流失数');
    expect(names(across, 0)).toHaveLength(6);
    // At the very top nothing moves.
    expect(moveIndicatorBy(customerMonthly, 'service_process', -1)).toBe(customerMonthly);
    const dragged = moveIndicatorTo(customerMonthly, 'service_process', 'results', 3);
    expect(names(dragged).slice(0, 3)).toEqual(['客户信息掌控率', '客户转介绍数', '客服流程体系的建立与完善']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('changing the rule kind keeps the input and gives a working rule', () => {
    const threshold = changeRuleKind(customerMonthly, 'service_process', 'threshold');
    expect(findIndicator(threshold, 'service_process')!.indicator.rule).toMatchObject({ kind: 'threshold', input: '完成率' });
    expect(validateTemplate(threshold).filter((p) => p.severity === 'error')).toEqual([]);
    const formula = changeRuleKind(customerMonthly, 'service_process', 'formula');
    expect(findIndicator(formula, 'service_process')!.indicator.rule).toEqual({ kind: 'formula', formula: 'IF([完成率]>=90%,20,IF([完成率]>=85%,10,0))' });
  });
});

describe('inputs a rule switch leaves behind', () => {
  it('出勤率 switched from 比率 to 直接打分 leaves 实际出勤天数 and 应出勤天数 unread; removing them leaves a valid template', () => {
    const switched = changeRuleKind(waiter, 'attendance', 'direct');
    expect(inputsLeftBehind(waiter, switched).map((input) => input.name)).toEqual(['实际出勤天数', '应出勤天数']);
    const cleaned = deleteInputs(switched, inputsLeftBehind(waiter, switched).map((input) => input.id));
    expect(cleaned.inputs).toEqual([]);
    expect(validateTemplate(cleaned).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('an input another rule or a derived input still reads is not left behind; nor one nothing read before', () => {
    const shared: Template = { ...small, inputs: [...small.inputs, { id: 'spare', name: '备用', type: 'number' }] };
    // 询单 stops reading 询单人数比; 询单人数比 still reads 询单人数, 接待 still reads 接待人数.
    const switched = changeRuleKind(shared, 'a', 'direct');
    expect(inputsLeftBehind(shared, switched).map((input) => input.name)).toEqual(['询单人数比']);
  });
});
