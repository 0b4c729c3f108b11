// 餐厅服务员考核评分表 (seed 001): eight items rated 1–10, each scaled onto its full marks; 100 in all.
import type { Indicator, InputDef, Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY } from './common';

interface Item {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly definition: string;
  readonly guide: string;
}

const ITEMS: readonly Item[] = [
  { id: 'attendance', name: '出勤率', points: 10, definition: '服务员按时出勤的总次数占总工作日的比例', guide: '按照服务员的实际出勤天数计算,未出勤或迟到将扣分' },
  { id: 'attitude', name: '服务态度', points: 15, definition: '服务员对顾客的礼貌和友好程度', guide: '评估服务员对顾客的微笑、礼貌和热情程度' },
  { id: 'communication', name: '沟通能力', points: 15, definition: '服务员与顾客之间的有效沟通,包括听取和理解顾客需求的能力', guide: '评估服务员与顾客之间的交流是否流畅、准确,以及表达能力和倾听能力' },
  { id: 'adaptability', name: '应变能力', points: 15, definition: '服务员遇到困难或问题时的应对能力,包括解决问题的创造性和适时性', guide: '评估服务员面对问题时的反应和解决方法' },
  { id: 'teamwork', name: '团队合作', points: 10, definition: '服务员与同事之间的合作和团队精神', guide: '评估服务员与同事之间的协作和相互支持的程度' },
  { id: 'efficiency', name: '工作效率', points: 15, definition: '服务员完成工作任务的速度和效率', guide: '评估服务员完成工作任务的速度和准确性' },
  { id: 'knowledge', name: '知识掌握', points: 10, definition: '服务员对餐厅菜单和特色菜品的了解程度', guide: '评估服务员对餐厅菜单、特色菜品和推荐菜品的了解程度' },
  { id: 'hygiene', name: '卫生和整洁', points: 10, definition: '服务员对餐厅卫生和整洁的重视度和维护程度', guide: '评估服务员在工作期间是否保持餐桌、餐具和就餐区域的清洁和整洁' },
];

const RATING_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const inputs: InputDef[] = ITEMS.map(
  (item): InputDef => ({
    id: `${item.id}_rating`,
    name: `${item.name}评分`,
    type: 'level',
    min: 1,
    max: 10,
    levels: RATING_LEVELS,
    description: `1–10分:${item.guide}`,
  }),
);

const indicators: Indicator[] = ITEMS.map(
  (item): Indicator => ({
    id: item.id,
    name: item.name,
    definition: `${item.definition},满分为${item.points}分。评分要点:${item.guide}。`,
    quantitative: false,
    max: item.points,
    rule: { kind: 'scale', input: `${item.name}评分`, low: 1, high: 10 },
  }),
);

export const restaurantWaiter: Template = {
  id: 'builtin.restaurant-waiter',
  version: 1,
  name: '餐厅服务员考核评分表',
  description: [
    '餐厅服务员考核:出勤率10分、服务态度15分、沟通能力15分、应变能力15分、团队合作10分、工作效率15分、知识掌握10分、' +
      '卫生和整洁10分,满分100分。原文"每项指标的评分范围为1-10分,总分满分为100分"读作:每项评1–10分,按比例折算到该项满分,' +
      '得分 = 评分 ÷ 10 × 该项满分(15分项评7分得10.5分),总分为各项之和。出勤率原文也写"按实际出勤天数计算",' +
      '但同样纳入1–10分评分,由评分人按出勤情况给分。等级按原文:90–100分优秀、70–89分良好、60–69分合格、0–59分不合格,' +
      '读作 ≥90、≥70、≥60、其余,以免89.5这类非整数总分落入空档。按"上级"一个评分角色录入;原文未写考核周期,取月度。',
    '',
    'Restaurant waiter scorecard: attendance 10, attitude 15, communication 15, adaptability 15, teamwork 10, ' +
      'efficiency 15, menu knowledge 10, hygiene 10; 100 points. "每项指标的评分范围为1-10分,总分满分为100分" is read as a ' +
      '1–10 rating per item scaled onto its full marks: score = rating ÷ 10 × points (7 on a 15-point item is 10.5); the ' +
      'total is the sum. Attendance, though described as days attended, is rated 1–10 like the rest. Grades as in the ' +
      'seed, 90–100 优秀, 70–89 良好, 60–69 合格, 0–59 不合格, read as ≥ 90, ≥ 70, ≥ 60, else, so that fractional ' +
      'totals such as 89.5 fall in no gap. One supervisor rater; no period in the seed, month is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「餐厅服务员考核评分表」',
  periodKind: 'month',
  inputs,
  sections: [{ id: 'items', name: '考核项目', combine: 'sum', indicators }],
  total: { kind: 'sum' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
