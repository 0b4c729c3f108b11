// 客服考核标准 (seed 003): 工作容量 70% + 满意度 30%.
import type { Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, indicator } from './common';

export const csCapacitySatisfaction: Template = {
  id: 'builtin.cs-capacity-satisfaction',
  version: 1,
  name: '客服考核标准',
  description: [
    '客服部月度考核,按原文"一部分以工作容量为考核标准70%,另一部分以满意度为考核标准30%":' +
      '总分 = 工作容量得分×70% + 满意度得分×30%,两部分各为0–100分。原文没有给出两部分的算法,本模板读作:' +
      '工作容量得分 = MIN(完成工作量 ÷ 目标工作量, 1) × 100(工作量的单位由使用者定,如接待人数或工单数;超额不加分,' +
      '目标为空时为 #DIV/0!);满意度得分 = 满意度(0–100%)× 100。原文"岗位工作由直接上级进行考评",按"上级"一个角色录入;' +
      '原文"考虑整个考评时期的业绩",周期取月度。原文没有等级划分:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格。',
    '',
    'Monthly customer-service scorecard from the seed\'s "work capacity 70%, satisfaction 30%": total = 70% × capacity + ' +
      '30% × satisfaction, each 0–100. The seed gives no formula for either part: capacity = MIN(work done ÷ target ' +
      'workload, 1) × 100 (the unit of work is the user\'s choice, e.g. visitors or tickets; no credit above target; a ' +
      'blank target gives #DIV/0!), satisfaction = the satisfaction rate (0–100%) × 100. "岗位工作由直接上级进行考评": ' +
      'one supervisor rater; monthly. No grade bands in the seed: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格.',
  ].join('\n'),
  source: 'seed 003_d65d2fb64c9ea99c.txt, 「客服专业知识考核标准」1.如何整理客服考核标准(考评说明第3条)',
  periodKind: 'month',
  inputs: [
    { id: 'work_done', name: '完成工作量', type: 'number', min: 0 },
    { id: 'work_target', name: '目标工作量', type: 'number', min: 0 },
    { id: 'satisfaction_rate', name: '满意度', type: 'percent', min: 0, max: 1 },
  ],
  sections: [
    {
      id: 'capacity',
      name: '工作容量',
      weight: 0.7,
      combine: 'sum',
      indicators: [
        indicator({
          id: 'capacity_score',
          name: '工作容量得分',
          definition: '以工作容量为考核标准(70%):完成工作量与目标工作量之比。',
          quantitative: true,
          max: 100,
          rule: { kind: 'ratio', actual: '完成工作量', target: '目标工作量', direction: 'higher', cap: 1 },
        }),
      ],
    },
    {
      id: 'satisfaction',
      name: '满意度考核',
      weight: 0.3,
      combine: 'sum',
      indicators: [
        indicator({
          id: 'satisfaction_score',
          name: '满意度得分',
          definition: '以满意度为考核标准(30%):满意度百分比折为0–100分。',
          quantitative: true,
          max: 100,
          rule: { kind: 'ratio', actual: '满意度', target: 1, direction: 'higher', cap: 1 },
        }),
      ],
    },
  ],
  total: { kind: 'weighted' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
