// 客服经理绩效考核表 (seed 000): 服务质量40% 团队管理30% 绩效达成20% 个人发展10%, sub-items 0–100.
import type { Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, ratedOutOf100 } from './common';

export const csManagerWeighted: Template = {
  id: 'builtin.cs-manager-weighted',
  version: 1,
  name: '客服经理绩效考核表',
  description: [
    '客服经理绩效考核表:服务质量(权重40%)、团队管理(30%)、绩效达成(20%)、个人发展(10%)。' +
      '原文只列出各方面的子项与说明,没有评分标准:本模板让每个子项直接打0–100分,每个方面取其子项的平均分(0–100),' +
      '总分 = 服务质量×40% + 团队管理×30% + 绩效达成×20% + 个人发展×10%。原文个人发展一项只写了"学习与培训"(其后文字缺失),' +
      '故该方面只有这一个子项。原文没有等级划分与考核周期:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格,周期取月度;' +
      '按"上级"一个评分角色录入。',
    '',
    'Scorecard for a customer-service manager: service quality 40%, team management 30%, performance delivery 20%, ' +
      'personal development 10%. The seed lists sub-items and what they mean but no scoring scale: each sub-item is rated ' +
      '0–100 directly, each area is the average of its sub-items (0–100), and total = 40% × service quality + 30% × team ' +
      'management + 20% × performance delivery + 10% × personal development. The seed breaks off after the first ' +
      'personal-development item (学习与培训), so that area has only that item. No grade bands and no period in the seed: ' +
      'the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格, a monthly period, one supervisor rater.',
  ].join('\n'),
  source: 'seed 000_25b8df4a47b63dd5.txt, 表「客服经理绩效考核表」(2. 考核指标及权重)',
  periodKind: 'month',
  inputs: [],
  sections: [
    {
      id: 'service_quality',
      name: '服务质量',
      weight: 0.4,
      combine: 'average',
      indicators: [
        ratedOutOf100('satisfaction', '客户满意度', '通过监督、培训和激励,提高客服团队对客户需求的响应和解决能力'),
        ratedOutOf100('resolution', '问题解决率', '关注客服团队解决客户问题的效率和准确性,确保问题得到及时解决'),
        ratedOutOf100('quality_review', '服务质量评估', '定期进行质量评估,了解客服团队表现,并采取措施改进服务质量'),
      ],
    },
    {
      id: 'team_management',
      name: '团队管理',
      weight: 0.3,
      combine: 'average',
      indicators: [
        ratedOutOf100('recruiting', '招募与培训', '根据团队需求,招募并培训合适的客服人员'),
        ratedOutOf100('goals', '目标设定与激励', '制定明确的团队目标,并通过激励措施激发团队成员的工作积极性'),
        ratedOutOf100('performance_mgmt', '绩效管理', '对团队成员的表现进行跟踪和评估,及时提供反馈和改进建议'),
      ],
    },
    {
      id: 'delivery',
      name: '绩效达成',
      weight: 0.2,
      combine: 'average',
      indicators: [
        ratedOutOf100('personal_goals', '个人目标设定', '帮助团队成员设定明确的绩效目标,并追踪和评估其达成情况'),
        ratedOutOf100('improvement', '绩效改善', '根据团队成员的绩效情况,提供培训和支持,帮助其改善绩效'),
        ratedOutOf100('incentives', '绩效激励', '通过绩效激励措施,激发团队成员的工作动力和积极性'),
      ],
    },
    {
      id: 'development',
      name: '个人发展',
      weight: 0.1,
      combine: 'average',
      indicators: [ratedOutOf100('learning', '学习与培训', '参加相关的学习和培训,提升自身的知识和能力')],
    },
  ],
  total: { kind: 'weighted' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
