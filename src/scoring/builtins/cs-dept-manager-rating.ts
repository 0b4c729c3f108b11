// 客服部经理考核评分表 (seed 000): 13 items rated 1–5, each scaled onto its points; 100 in all.
import type { InputDef, Section, Template } from '../model';
import { type PointsGroup, STANDARD_GRADES, SUPERVISOR_ONLY, pointsSections, ratingInput, ratingScale } from './common';

const SECTIONS: readonly PointsGroup[] = [
  {
    id: 'knowledge',
    name: '专业知识与技能',
    items: [
      { id: 'product_knowledge', name: '产品知识与工作流程', points: 10, definition: '精通公司的产品知识和相关工作流程' },
      { id: 'system_tools', name: '客服系统与工具运用', points: 10, definition: '能熟练运用客服系统和工具,高效解决客户问题' },
      { id: 'communication', name: '沟通与语言表达', points: 10, definition: '具备良好的沟通技巧和语言表达能力' },
    ],
  },
  {
    id: 'satisfaction',
    name: '客户满意度',
    items: [
      { id: 'response', name: '回应咨询与投诉', points: 10, definition: '及时有效地回应客户的咨询和投诉,并解决问题' },
      { id: 'attitude', name: '服务态度', points: 10, definition: '能够保持友好、耐心和专业的态度与客户进行沟通' },
      { id: 'feedback', name: '收集反馈与改进建议', points: 10, definition: '能够主动收集客户的反馈,并提供改进建议' },
    ],
  },
  {
    id: 'team',
    name: '团队管理与协作',
    items: [
      { id: 'assignment', name: '任务分配与监督', points: 10, definition: '能够有效地分配任务,并监督团队成员的工作进度' },
      { id: 'cooperation', name: '团队合作与跨部门协助', points: 5, definition: '具备良好的团队合作精神,积极协助其他部门解决问题' },
      { id: 'leadership', name: '带领团队实现目标', points: 5, definition: '能够带领团队克服困难,实现团队目标' },
    ],
  },
  {
    id: 'performance',
    name: '绩效与工作质量',
    items: [
      { id: 'task_quality', name: '任务完成与工作质量', points: 5, definition: '能够按规定完成工作任务,并保证工作质量' },
      { id: 'efficiency', name: '处理客户需求效率', points: 5, definition: '能够高效地处理客户需求和问题' },
    ],
  },
  {
    id: 'growth',
    name: '自我发展与创新',
    items: [
      { id: 'learning', name: '培训与学习', points: 5, definition: '积极参加培训和学习,提升个人专业能力' },
      { id: 'innovation', name: '创新建议', points: 5, definition: '能够提出改善工作流程和客户服务的创新建议' },
    ],
  },
];

const inputs: InputDef[] = SECTIONS.flatMap((section) => section.items.map((item) => ratingInput(item, `1–5分:${item.definition}`)));

const sections: Section[] = pointsSections(SECTIONS, (item) => ratingScale(item.name));

export const csDeptManagerRating: Template = {
  id: 'builtin.cs-dept-manager-rating',
  version: 1,
  name: '客服部经理考核评分表',
  description: [
    '客服部经理考核评分表:专业知识与技能(30分)、客户满意度(30分)、团队管理与协作(20分)、绩效与工作质量(10分)、' +
      '自我发展与创新(10分),共13个子项、满分100分。原文"评分范围为1-5分"读作:每个子项评1–5分,按比例折算到该子项分值,' +
      '得分 = 评分 ÷ 5 × 子项分值(10分项评4分得8分,5分项评3分得3分;最低评1分即得子项分值的1/5)。' +
      '总分为各项得分之和。原文没有等级划分:本模板采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格。' +
      '原文只有一位"评分人",按"上级"一个角色录入;原文未写考核周期,取月度。',
    '',
    'Rating sheet for the customer-service department manager: five areas (30/30/20/10/10 points) with 13 sub-items, ' +
      '100 points in all. "评分范围为1-5分" is read as a 1–5 rating per sub-item scaled onto its points: score = rating ÷ 5 × ' +
      "points (4 on a 10-point item gives 8; the lowest rating, 1, still gives a fifth of the item's points). The total is " +
      'the sum. The seed has no grade bands: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格 is used. One rater ' +
      '(评分人), entered as the supervisor role; the seed names no period, month is used.',
  ].join('\n'),
  source: 'seed 000_25b8df4a47b63dd5.txt, 表「客服部经理考核评分表」',
  periodKind: 'month',
  inputs,
  sections,
  total: { kind: 'sum' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
