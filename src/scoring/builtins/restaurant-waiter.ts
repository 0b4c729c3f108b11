// 餐厅服务员考核评分表 (seed 001): eight items, each scored directly from 0 to its points; 100 in all.
import type { Indicator, Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, indicator } from './common';

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

// Each item is scored directly, 0 to its points, as the seed's table gives them (出勤率 10,
// 服务态度 15 …): the indicator itself is the entered cell, so a value above its points does not
// fit and scores nothing.
const indicators: Indicator[] = ITEMS.map((item) =>
  indicator({ id: item.id, name: item.name, definition: `${item.definition},满分为${item.points}分。评分要点:${item.guide}。`, max: item.points }),
);

export const restaurantWaiter: Template = {
  id: 'builtin.restaurant-waiter',
  version: 1,
  name: '餐厅服务员考核评分表',
  description: [
    '餐厅服务员考核:出勤率10分、服务态度15分、沟通能力15分、应变能力15分、团队合作10分、工作效率15分、知识掌握10分、' +
      '卫生和整洁10分,满分100分。读法:按原文"评分标准"表,每项由评分人直接打0至该项满分(出勤率0–10分,服务态度0–15分……),' +
      '得分即所打分数,总分为八项之和,满分正好100分。原文另有一句"每项指标的评分范围为1-10分",与表中15分的项目矛盾' +
      '(若每项只打1–10分,15分项永远拿不到满分,总分也到不了100分),故以表中各项满分为准,这句只对10分的项目成立。' +
      '打出超过该项满分的分数(如服务态度打16)视为录入有误,不计分,总分显示为不完整。出勤率原文写"按实际出勤天数计算,' +
      '未出勤或迟到将扣分",但没有给出天数与分数的换算,故同样由评分人按出勤情况在0–10分之间直接打分。' +
      '等级按原文:90–100分优秀、70–89分良好、60–69分合格、0–59分不合格,读作 ≥90、≥70、≥60、其余,以免89.5这类非整数总分落入空档。' +
      '按"上级"一个评分角色录入;原文未写考核周期,取月度。',
    '',
    'Restaurant waiter scorecard: attendance 10, attitude 15, communication 15, adaptability 15, teamwork 10, ' +
      'efficiency 15, menu knowledge 10, hygiene 10; 100 points. How the seed is read: as its "评分标准" table gives ' +
      'each item its points, each item is scored directly from 0 to its points (attendance 0–10, attitude 0–15, …); ' +
      'the score is the points given and the total is the sum of the eight, exactly 100 at most. The seed also says ' +
      '"every item is rated 1–10", which contradicts its 15-point items (rated 1–10 they could never reach full marks, ' +
      'nor the total 100), so the table\'s points are followed and that sentence holds for the 10-point items only. ' +
      'Points above an item\'s maximum (16 for attitude) do not fit: they score nothing and the total shows as incomplete. ' +
      'Attendance is described as counted from days attended, with deductions for absence or lateness, but the seed ' +
      'gives no conversion from days to points, so it too is scored directly from 0 to 10. Grades as in the seed, ' +
      '90–100 优秀, 70–89 良好, 60–69 合格, 0–59 不合格, read as ≥ 90, ≥ 70, ≥ 60, else, so that fractional totals ' +
      'such as 89.5 fall in no gap. One supervisor rater; no period in the seed, month is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「餐厅服务员考核评分表」',
  periodKind: 'month',
  inputs: [],
  sections: [{ id: 'items', name: '考核项目', combine: 'sum', indicators }],
  total: { kind: 'sum' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
