import { describe, expect, it } from 'vitest';
import { ruleSummary } from '../../../src/scoring/rule-summary';
import { roleGaps } from '../../../src/scoring/role-gaps';
import { scorePeriod } from '../../../src/scoring/index';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import { BUILTIN_TEMPLATES } from '../../../src/scoring/builtins/index';
import type { Indicator, Template } from '../../../src/scoring/model';
import { indicator, input, templateOf } from './fixtures';

function find(template: Template, id: string): Indicator {
  return template.sections.flatMap((s) => s.indicators).find((i) => i.id === id)!;
}

describe('rule summary for the printed scorecard', () => {
  it('bands read as the band table, percent inputs as percentages', () => {
    expect(ruleSummary(find(customerMonthly, 'service_process'), customerMonthly, 'zh-CN')).toBe('完成率 ≥90%：20分；≥85% 且 <90%：10分；其余：0分');
    expect(ruleSummary(find(customerMonthly, 'satisfaction'), customerMonthly, 'en')).toBe(
      '客户满意度得分 ≥90: 20; ≥85 and <90: 10; ≥80 and <85: 5; otherwise: 0',
    );
  });

  it('deductions say what is taken per count (每次扣2分) or per flag', () => {
    expect(ruleSummary(find(customerMonthly, 'complaints'), customerMonthly, 'zh-CN')).toBe(
      '满分30分，投诉2小时内未响应扣10分，投诉3个工作日内未解决扣10分，投诉解决率未达100%扣10分，最低0分',
    );
    const delays = templateOf([input('d', '延时次数', { type: 'count' })], [indicator('k', '准时', 20, { kind: 'deduction', items: [{ input: '延时次数', penalty: 2 }] })]);
    expect(ruleSummary(find(delays, 'k'), delays, 'zh-CN')).toBe('满分20分，延时次数每次扣2分，最低0分');
  });

  it('levels, thresholds, ranks, ratios, bonus, formulas', () => {
    expect(ruleSummary(find(customerMonthly, 'customer_focus'), customerMonthly, 'zh-CN')).toBe('1：4分，2：8分，3：12分，4：16分，5：20分');
    expect(ruleSummary(find(customerMonthly, 'referrals'), customerMonthly, 'zh-CN')).toBe('转介绍新客户数 > 0：10分，否则0分');
    const misc = templateOf(
      [input('s', '销售额'), input('b', '预算', { type: 'number' }), input('r', '回复率', { type: 'percent' })],
      [
        indicator('rank', '排名分', 3, { kind: 'rank', input: '销售额', order: 'desc', points: [3, 2, 1], below: { reference: 'average', points: -1 } }),
        indicator('ratio', '费用', 10, { kind: 'ratio', actual: '销售额', target: '预算', direction: 'lower' }),
        indicator('th', '回复', 0, { kind: 'threshold', input: '回复率', op: '>=', value: 1, pass: 0, fail: -1 }),
        indicator('bonus', '出色表现', 5, { kind: 'bonus', min: 0, max: 5 }, { bonus: true }),
        indicator('f', '公式项', 10, { kind: 'formula', formula: '=MIN(10,[销售额]/100)' }),
      ],
    );
    expect(ruleSummary(find(misc, 'rank'), misc, 'zh-CN')).toBe('按销售额排名：第1名3分，第2名2分，第3名1分；低于团队平均：-1分');
    expect(ruleSummary(find(misc, 'ratio'), misc, 'zh-CN')).toBe('预算÷销售额×10分（越低越好）');
    expect(ruleSummary(find(misc, 'th'), misc, 'en')).toBe('回复率 >= 100%: 0, otherwise -1');
    expect(ruleSummary(find(misc, 'bonus'), misc, 'zh-CN')).toBe('加减分，0～5分');
    expect(ruleSummary(find(misc, 'f'), misc, 'zh-CN')).toBe('公式：MIN(10,[销售额]/100)');
  });

  it('every indicator of every built-in template has a non-empty summary in both languages', () => {
    for (const template of BUILTIN_TEMPLATES) {
      for (const item of template.sections.flatMap((s) => s.indicators)) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const text = ruleSummary(item, template, locale);
          expect(text, `${template.name} / ${item.name}`).not.toMatch(/print\.rule|\{\w+\}|undefined|NaN/);
          expect(text.length).toBeGreaterThan(2);
        }
      }
    }
  });
});

describe('raters side by side', () => {
  it('self vs supervisor per indicator, gap measured from the supervisor; a role that has not rated is missing, not a score', () => {
    const template = customerMonthly;
    const scored = scorePeriod(template, {
      people: [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b' },
      ],
      entries: [
        { personId: 'a', key: 'satisfaction_score', role: 'self', value: 95 },
        { personId: 'a', key: 'satisfaction_score', role: 'supervisor', value: 86 },
        { personId: 'b', key: 'satisfaction_score', role: 'supervisor', value: 92 },
      ],
    });
    const gaps = roleGaps(template, scored.people[0]!);
    expect(gaps.roles).toEqual(['self', 'supervisor']);
    expect(gaps.reference).toBe('supervisor');
    const row = gaps.rows.find((r) => r.indicatorId === 'satisfaction')!;
    expect(row.scores).toEqual({ self: 20, supervisor: 10 });
    expect(row.gaps).toEqual({ self: 10 });
    expect(row.combined).toBe(13); // 20 × 0.3 + 10 × 0.7
    const onlySupervisor = roleGaps(template, scored.people[1]!).rows.find((r) => r.indicatorId === 'satisfaction')!;
    expect(onlySupervisor.scores).toEqual({ self: null, supervisor: 20 });
    expect(onlySupervisor.gaps).toEqual({});
  });

  it('360° roles without a supervisor measure gaps from the combined score', () => {
    const template = templateOf([], [indicator('k', '协作', 10, { kind: 'direct' })], { roles: [{ role: 'peer', weight: 1 }, { role: 'subordinate', weight: 1 }] });
    const scored = scorePeriod(template, {
      people: [{ id: 'a', name: 'a' }],
      entries: [
        { personId: 'a', key: 'k', role: 'peer', value: 8 },
        { personId: 'a', key: 'k', role: 'subordinate', value: 6 },
      ],
    });
    const gaps = roleGaps(template, scored.people[0]!);
    expect(gaps.reference).toBeNull();
    expect(gaps.rows[0]).toMatchObject({ scores: { peer: 8, subordinate: 6 }, combined: 7, gaps: { peer: 1, subordinate: -1 } });
  });
});
