// 客户服务考核评分表 (seed 001, "(完整版)"): five items rated 1–5, scaled onto 20/20/15/20/25 points.
import type { Indicator, InputDef, Template } from '../model';
import { SUPERVISOR_ONLY, pointsIndicator, ratingInput, ratingScale } from './common';

interface Item {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly aspects: readonly string[];
}

const ITEMS: readonly Item[] = [
  { id: 'knowledge', name: '专业知识及技能', points: 20, aspects: ['对产品或服务的了解程度', '解答问题的准确性和及时性'] },
  { id: 'communication', name: '沟通能力', points: 20, aspects: ['语言表达清晰、准确', '听取客户需求并提供满意的解决方案'] },
  { id: 'responsiveness', name: '反应速度', points: 15, aspects: ['快速响应客户的需求和问题', '处理问题的效率和及时性'] },
  { id: 'attitude', name: '服务态度', points: 20, aspects: ['友好、耐心、礼貌', '能够主动提供帮助'] },
  { id: 'problem_solving', name: '问题解决能力', points: 25, aspects: ['解决客户问题的能力', '解决问题的创新性和有效性'] },
];

const inputs: InputDef[] = ITEMS.map((item) => ratingInput(item, '1分表示非常差,5分表示非常好'));

const indicators: Indicator[] = ITEMS.map((item) =>
  pointsIndicator({ id: item.id, name: item.name, points: item.points, definition: item.aspects.join(';') }, ratingScale(item.name)),
);

export const csRating: Template = {
  id: 'builtin.cs-rating',
  version: 1,
  name: '客户服务考核评分表',
  description: [
    '客户服务人员考核:专业知识及技能20分、沟通能力20分、反应速度15分、服务态度20分、问题解决能力25分,满分100分。' +
      '原文"评分范围为1-5分,1分表示非常差,5分表示非常好"读作:每项评1–5分,按比例折算到该项分值,' +
      '得分 = 评分 ÷ 5 × 该项分值(25分项评4分得20分),总分为各项之和。' +
      '等级按原文:91–100分非常优秀、81–90分优秀、71–80分良好、61–70分一般、60分以下待提高,' +
      '读作 >90、>80、>70、>60(不含本数)与其余;恰好60分为待提高,恰好90分为优秀。' +
      '按"评分人"一个角色(上级)录入;原文未写考核周期,取月度。',
    '',
    'Customer-service staff scorecard: knowledge and skills 20, communication 20, responsiveness 15, attitude 20, ' +
      'problem solving 25; 100 points. "评分范围为1-5分" is read as a 1–5 rating per item scaled onto its points: score = ' +
      'rating ÷ 5 × points (4 on the 25-point item is 20); the total is the sum. Grades as in the seed, 91–100 非常优秀, ' +
      '81–90 优秀, 71–80 良好, 61–70 一般, below 60 待提高, read as > 90, > 80, > 70, > 60 (exclusive) and the rest: ' +
      'exactly 60 is 待提高 and exactly 90 is 优秀. One rater (评分人) as the supervisor role; no period in the seed, month ' +
      'is used.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「(完整版)客户服务考核评分表」',
  periodKind: 'month',
  inputs,
  sections: [{ id: 'items', name: '评分指标', combine: 'sum', indicators }],
  total: { kind: 'sum' },
  grades: [
    { label: '非常优秀', min: 90, minInclusive: false },
    { label: '优秀', min: 80, minInclusive: false },
    { label: '良好', min: 70, minInclusive: false },
    { label: '一般', min: 60, minInclusive: false },
    { label: '待提高', min: null, minInclusive: true, failing: true },
  ],
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
