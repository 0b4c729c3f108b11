// 客户服务总监绩效考核表 (seed 001): growth against target X% / Y% (ratio, capped) and team performance.
import type { Template } from '../model';
import { SUPERVISOR_ONLY, indicator } from './common';

export const csDirector: Template = {
  id: 'builtin.cs-director',
  version: 1,
  name: '客户服务总监绩效考核表',
  description: [
    '客户服务总监季度考核:客户满意度(权重30%)、客户关怀计划(30%)、团队绩效(40%),每项0–100分,' +
      '总分 = Σ 权重 × 得分(0–100)。原文"达到X%的增长得分100,不达标得分递减"读作比率:' +
      '得分 = MIN(实际增长率 ÷ 目标增长率, 1) × 100,低于0按0分,超过目标不加分;X%(满意度指数增长目标)与' +
      'Y%(客户数量增长目标)按人录入,目标为空或0时结果为 #DIV/0!。' +
      '团队绩效原文为"各项指标符合要求得分100,不符合要求得分递减",没有算法,由评分人按问题解决率、服务水平和投诉量综合直接打0–100分。' +
      '等级按原文:90–100分优秀、70–89分良好、50–69分一般、0–49分不合格,读作 ≥90、≥70、≥50、其余。' +
      '原文"考核频率:季度性评估",故周期取季度(年度考核可由四个季度汇总);按"上级"一个评分角色录入。',
    '',
    'Quarterly scorecard for the customer-service director: customer satisfaction 30%, customer-care programme 30%, ' +
      'team performance 40%, each 0–100; total = Σ weight × score. "达到X%的增长得分100,不达标得分递减" is read as a ratio: ' +
      'score = MIN(actual growth ÷ target growth, 1) × 100, negative growth scores 0 and beating the target adds nothing; ' +
      'the targets X% (satisfaction index) and Y% (customer count) are entered per person, and a blank or zero target ' +
      'gives #DIV/0!. Team performance ("符合要求得分100,不符合要求得分递减") has no formula in the seed and is rated ' +
      '0–100 directly. Grades as in the seed: 90–100 优秀, 70–89 良好, 50–69 一般, 0–49 不合格, read as ≥ 90, ≥ 70, ' +
      '≥ 50, else. The seed assesses quarterly (考核频率:季度性评估), so the period is a quarter; one supervisor rater.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「(完整版)客户服务总监绩效考核表」',
  periodKind: 'quarter',
  inputs: [
    { id: 'satisfaction_growth', name: '满意度指数增长率', type: 'percent', description: '本季度满意度指数较上期的实际增长' },
    { id: 'satisfaction_target', name: '满意度增长目标', type: 'percent', min: 0, description: '目标增长 X%' },
    { id: 'customer_growth', name: '客户数量增长率', type: 'percent', description: '实施客户关怀计划后客户数量的实际增长' },
    { id: 'customer_target', name: '客户数量增长目标', type: 'percent', min: 0, description: '目标增长 Y%' },
  ],
  sections: [
    {
      id: 'kpi',
      name: '考核指标',
      combine: 'weighted',
      indicators: [
        indicator({
          id: 'satisfaction',
          name: '客户满意度',
          definition: '使用调研工具,每季度对客户进行满意度调查。统计调查结果,计算季度满意度指数,达到X%的增长得分100,不达标得分递减。',
          target: 'X%的增长',
          quantitative: true,
          max: 100,
          weight: 0.3,
          rule: { kind: 'ratio', actual: '满意度指数增长率', target: '满意度增长目标', direction: 'higher', cap: 1 },
        }),
        indicator({
          id: 'customer_care',
          name: '客户关怀计划',
          definition: '制定并执行客户关怀计划,包括定期电话回访、发送优惠信息等。监测计划执行情况,达到Y%的增长得分100,不达标得分递减。',
          target: 'Y%的增长',
          quantitative: true,
          max: 100,
          weight: 0.3,
          rule: { kind: 'ratio', actual: '客户数量增长率', target: '客户数量增长目标', direction: 'higher', cap: 1 },
        }),
        indicator({
          id: 'team_performance',
          name: '团队绩效',
          definition: '根据客户问题解决率、服务水平和客户投诉量等进行综合评估。各项指标符合要求,团队绩效得分100,不符合要求得分递减。',
          target: 'Z%的提升',
          max: 100,
          weight: 0.4,
        }),
      ],
    },
  ],
  total: { kind: 'sum' },
  grades: [
    { label: '优秀', min: 90, minInclusive: true },
    { label: '良好', min: 70, minInclusive: true },
    { label: '一般', min: 50, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true, failing: true },
  ],
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
