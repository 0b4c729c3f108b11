// 客户服务主管考核评分表 (seed 001): seven areas whose items add up to 120 points, rescaled to 100.
import type { Section, Template } from '../model';
import { type PointsGroup, STANDARD_GRADES, SUPERVISOR_ONLY, pointsSections } from './common';

const AREAS: readonly PointsGroup[] = [
  {
    id: 'overall',
    name: '总体工作表现',
    items: [
      { id: 'organise_team', name: '组织和管理团队', points: 10, definition: '能否有效地组织和管理客户服务团队' },
      { id: 'process_strategy', name: '服务流程和策略', points: 10, definition: '能否制定并实施有效的客户服务流程和策略' },
      { id: 'complaint_handling', name: '处理投诉和问题', points: 10, definition: '是否能够处理客户投诉和问题,并提供满意的解决方案' },
    ],
  },
  {
    id: 'team',
    name: '团队管理',
    items: [
      { id: 'develop_members', name: '培养团队成员', points: 10, definition: '是否能够培养和发展团队成员的技能和能力' },
      { id: 'team_climate', name: '团队合作氛围', points: 10, definition: '是否能够建立和维护团队合作和积极的工作氛围' },
    ],
  },
  {
    id: 'satisfaction',
    name: '客户满意度',
    items: [
      { id: 'survey', name: '客户满意度调查结果', points: 10, definition: '客户满意度调查结果' },
      { id: 'complaint_rate', name: '客户投诉率及处理效果', points: 10, definition: '客户投诉率及处理效果' },
    ],
  },
  {
    id: 'results',
    name: '业绩指标',
    items: [
      { id: 'targets', name: '销售和满意度目标完成', points: 10, definition: '完成销售目标和客户满意度目标情况' },
      { id: 'service_metrics', name: '回复速度和解决时间', points: 10, definition: '客户服务指标如回复速度和问题解决时间' },
    ],
  },
  {
    id: 'communication',
    name: '沟通能力',
    items: [
      { id: 'clear_communication', name: '与团队和客户沟通', points: 5, definition: '是否能够清晰有效地与团队成员和客户沟通' },
      { id: 'cross_department', name: '跨部门合作协调', points: 5, definition: '是否能够积极主动地与其他部门进行合作和协调' },
    ],
  },
  {
    id: 'leadership',
    name: '领导能力',
    items: [
      { id: 'coach_motivate', name: '指导和激励成员', points: 5, definition: '是否能够有效地指导和激励团队成员' },
      { id: 'decisions', name: '决策和解决问题', points: 5, definition: '是否能够做出明智的决策和解决问题' },
    ],
  },
  {
    id: 'self_improvement',
    name: '自我提升',
    items: [
      { id: 'self_study', name: '研究和发展个人能力', points: 5, definition: '是否能够主动研究和发展个人能力' },
      { id: 'training', name: '参加培训和学术活动', points: 5, definition: '是否能够参加相关培训和学术活动' },
    ],
  },
];

// Each sub-item is scored directly, 0 to its points.
const sections: Section[] = pointsSections(AREAS);

export const csSupervisor: Template = {
  id: 'builtin.cs-supervisor',
  version: 1,
  name: '客户服务主管考核评分表',
  description: [
    '客户服务主管考核:总体工作表现30分、团队管理20分、客户满意度20分、业绩指标20分、沟通能力10分、领导能力10分、' +
      '自我提升10分。原文各项分值相加为120分而不是100分;本模板保留原文分值,每个子项直接打0至该项满分,' +
      '总分 = 各项之和 × 100 ÷ 120,折算为百分制(满分120分折为100分,例如合计108分即90分)。' +
      '原文没有等级划分:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格(按折算后的百分制总分);' +
      '按"上级"一个评分角色录入;原文未写考核周期,取月度。',
    '',
    'Customer-service supervisor scorecard: overall performance 30, team management 20, customer satisfaction 20, ' +
      'results 20, communication 10, leadership 10, self-improvement 10. The seed\'s points add up to 120, not 100: they are ' +
      'kept, each sub-item is scored directly from 0 to its points, and total = sum × 100 ÷ 120 (108 of 120 → 90). No grade ' +
      'bands in the seed: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格 on the rescaled total. One supervisor ' +
      'rater; no period in the seed, month is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「客户服务主管考核评分表」',
  periodKind: 'month',
  inputs: [],
  sections,
  total: { kind: 'sum', outOf: 100 },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
