import { describe, expect, it } from 'vitest';
import { describeProblem, validateTemplate } from '../../../src/scoring/index';
import type { Template } from '../../../src/scoring/model';
import { indicator, input, templateOf } from './fixtures';

function messages(template: Template, locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  return validateTemplate(template).map((problem) => `${problem.severity} ${problem.path}: ${describeProblem(problem, locale)}`);
}

describe('template validation', () => {
  it('a sound template has no problems', () => {
    expect(messages(templateOf([input('x', '值')], [indicator('k', '分', 10, { kind: 'direct', input: '值' })]))).toEqual([]);
  });

  it('weights that do not sum to 100% are flagged with the sum', () => {
    const template: Template = {
      ...templateOf([], []),
      sections: [
        {
          id: 's',
          name: '业绩',
          combine: 'weighted',
          weight: 0.7,
          indicators: [indicator('a', '甲', 20, { kind: 'direct' }, { weight: 0.3 }), indicator('b', '乙', 20, { kind: 'direct' }, { weight: 0.6 })],
        },
        { id: 't', name: '行为', combine: 'sum', weight: 0.2, indicators: [indicator('c', '丙', 20, { kind: 'direct' })] },
      ],
      total: { kind: 'weighted' },
    };
    expect(messages(template)).toEqual([
      'warning sections[0]: 分组“业绩”的指标权重合计为 90%，不是 100%。',
      'warning total: 各分组权重合计为 90%，不是 100%。',
    ]);
    expect(messages(template, 'en')[0]).toBe('warning sections[0]: The indicator weights of section "业绩" add up to 90%, not 100%.');
  });

  it('band tables with a gap or an overlap are flagged where they happen', () => {
    const template = templateOf(
      [input('x', '完成率', { type: 'percent' })],
      [
        indicator('k', '流程', 20, {
          kind: 'bands',
          input: '完成率',
          bands: [
            { from: 0.9, fromInclusive: true, to: null, toInclusive: false, points: 20 },
            { from: 0.85, fromInclusive: true, to: 0.9, toInclusive: true, points: 10 },
            { from: null, fromInclusive: false, to: 0.8, toInclusive: false, points: 0 },
          ],
          otherwise: null,
        }),
      ],
    );
    expect(messages(template)).toEqual([
      'warning sections[0].indicators[0].rule.bands[1]: 指标“流程”的区间在 80% 与 85% 之间有空档，落在空档内的值没有得分（#N/A）。',
      'warning sections[0].indicators[0].rule.bands[0]: 指标“流程”的区间在 90% 与 90% 之间重叠，按表中顺序取第一个。',
    ]);
  });

  it('a rule reading an unknown input, a formula typo and a cycle are errors', () => {
    const template = templateOf(
      [input('a', '甲', { formula: '[乙]*2' }), input('b', '乙', { formula: '[甲]/2' }), input('c', '丙')],
      [
        indicator('k1', '一', 10, { kind: 'bands', input: '不存在', bands: [{ from: 0, fromInclusive: true, to: null, toInclusive: false, points: 1 }], otherwise: 0 }),
        indicator('k2', '二', 10, { kind: 'formula', formula: 'IF([丙]>1,2' }),
        indicator('k3', '三', 10, { kind: 'formula', formula: '[丁]+1' }),
      ],
    );
    const found = messages(template);
    expect(found).toContain('error sections[0].indicators[0].rule: 指标“一”引用了不存在的输入“不存在”。');
    expect(found.some((m) => m.startsWith('error sections[0].indicators[1].rule.formula: 公式有误：'))).toBe(true);
    // A syntax error stops the deeper checks; fix it and the cycle and unknown name show.
    const fixed: Template = {
      ...template,
      sections: [{ ...template.sections[0]!, indicators: template.sections[0]!.indicators.map((i) => (i.id === 'k2' ? { ...i, rule: { kind: 'formula', formula: 'IF([丙]>1,2,0)' } } : i)) }],
    };
    const deeper = messages(fixed);
    expect(deeper).toContain('error sections[0].indicators[2].rule: “三”的公式引用了不存在的名称“丁”。');
    expect(deeper).toContain('error inputs[0].formula: “甲”的公式循环引用了自身。');
    expect(deeper).toContain('error inputs[1].formula: “乙”的公式循环引用了自身。');
  });

  it('names must be unique across inputs, indicators and sections', () => {
    const template = templateOf([input('x', '合计')], [indicator('k', '合计', 10, { kind: 'direct' })]);
    expect(messages(template, 'en')).toContain(
      'error sections[0].name: The name "合计" is used twice (first at inputs[0].name). Names must be unique across inputs, indicators and sections.',
    );
  });

  it('grades must go down and role weights be positive', () => {
    const template = templateOf([], [indicator('k', '分', 10, { kind: 'direct' })], {
      grades: [
        { label: 'B', min: 70, minInclusive: true },
        { label: 'A', min: 90, minInclusive: true },
      ],
      roles: [{ role: 'supervisor', weight: 0 }],
    });
    expect(messages(template, 'en')).toEqual([
      'error grades[1]: The lower edge of grade "A" must be below the grade before it.',
      'error roles[0]: The weight of rater "supervisor" must be above 0 (it is 0).',
    ]);
  });
});
