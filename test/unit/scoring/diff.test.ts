import { describe, expect, it } from 'vitest';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import { templateChanges } from '../../../src/scoring/diff';
import { addIndicator, deleteIndicator, moveIndicatorBy, moveIndicatorTo, updateIndicator, updateInput, updateSection } from '../../../src/scoring/edit';
import { describeChanges } from '../../../src/ui/studio/changes';
import type { Template } from '../../../src/scoring/model';

const say = (before: Template, after: Template, locale: 'en' | 'zh-CN' = 'en') => describeChanges(templateChanges(before, after), locale);

describe('what changed between versions', () => {
  it('nothing changed', () => {
    expect(templateChanges(customerMonthly, customerMonthly)).toEqual([]);
    expect(say(customerMonthly, customerMonthly)).toBe('No changes');
  });

  it('a weight and a band threshold', () => {
    let after = updateSection(customerMonthly, 'results', { weight: 0.7 });
    after = updateSection(after, 'behaviour', { weight: 0.3 });
    const satisfaction = after.sections[0]!.indicators[4]!;
    if (satisfaction.rule.kind !== 'bands') throw new Error('bands expected');
    after = updateIndicator(after, 'satisfaction', {
      rule: { ...satisfaction.rule, bands: satisfaction.rule.bands.map((band, i) => (i === 1 ? { ...band, from: 87 } : band)) },
    });
    expect(say(customerMonthly, after)).toBe('“业绩考核” weight 80% → 70%; changed the scoring rule of “客户满意度”; “行为考核” weight 20% → 30%');
    expect(say(customerMonthly, after, 'zh-CN')).toBe('“业绩考核”权重 80% → 70%；修改“客户满意度”的评分规则；“行为考核”权重 20% → 30%');
  });

  it('renames read as renames, matched by id', () => {
    const after = updateInput(updateIndicator(customerMonthly, 'orphans', { name: '孤儿客户' }), 'orphans_lost', { name: '流失数' });
    expect(say(customerMonthly, after)).toBe(
      'renamed indicator “孤儿客户流失数” to “孤儿客户”; changed the scoring rule of “孤儿客户”; renamed input “流失孤儿客户数” to “流失数”',
    );
  });

  it('added, removed and moved indicators; moving one reports only that one', () => {
    const added = addIndicator(customerMonthly, 'behaviour', '团队协作').template;
    const removed = deleteIndicator(added, 'referrals');
    expect(say(customerMonthly, removed)).toBe('added indicator “团队协作”; removed indicator “客户转介绍数”');
    expect(say(customerMonthly, moveIndicatorBy(customerMonthly, 'info_control', 1))).toBe('moved indicator “客户信息掌控率”');
    expect(say(customerMonthly, moveIndicatorTo(customerMonthly, 'service_process', 'results', 7))).toBe('moved indicator “客服流程体系的建立与完善”');
    expect(say(customerMonthly, moveIndicatorBy(customerMonthly, 'orphans', 1))).toBe('moved indicator “孤儿客户流失数”');
  });

  it('grades, roles, total and max', () => {
    const after: Template = {
      ...updateIndicator(customerMonthly, 'orphans', { max: 10 }),
      grades: customerMonthly.grades.map((grade) => (grade.label === '优秀' ? { ...grade, min: 95 } : grade)),
      roles: [{ role: 'supervisor', weight: 1 }],
      total: { kind: 'sum' },
    };
    expect(say(customerMonthly, after)).toBe('“孤儿客户流失数” max points 5 → 10; changed the total; changed the grade bands; changed raters and their weights');
  });
});
