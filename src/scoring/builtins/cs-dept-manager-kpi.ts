// 客服部经理绩效考核表 (seed 000): four rates, each banded A–E, weighted into a 0–100 level.
import type { Band, Template } from '../model';
import { SUPERVISOR_ONLY, indicator } from './common';

/** 达成率: 超过100% A; 90%至100%之间 B; 80%至90% C; 70%至80% D; 低于70% E. */
const ACHIEVEMENT_BANDS: readonly Band[] = [
  { from: 1, fromInclusive: false, to: null, toInclusive: false, points: 5, label: 'A' },
  { from: 0.9, fromInclusive: true, to: 1, toInclusive: true, points: 4, label: 'B' },
  { from: 0.8, fromInclusive: true, to: 0.9, toInclusive: false, points: 3, label: 'C' },
  { from: 0.7, fromInclusive: true, to: 0.8, toInclusive: false, points: 2, label: 'D' },
  { from: null, fromInclusive: false, to: 0.7, toInclusive: false, points: 1, label: 'E' },
];

/** 满意度/良好反馈率: 超过90% A; 80%至90%之间 B; 70%至80% C; 60%至70% D; 低于60% E. */
const SURVEY_BANDS: readonly Band[] = [
  { from: 0.9, fromInclusive: false, to: null, toInclusive: false, points: 5, label: 'A' },
  { from: 0.8, fromInclusive: true, to: 0.9, toInclusive: true, points: 4, label: 'B' },
  { from: 0.7, fromInclusive: true, to: 0.8, toInclusive: false, points: 3, label: 'C' },
  { from: 0.6, fromInclusive: true, to: 0.7, toInclusive: false, points: 2, label: 'D' },
  { from: null, fromInclusive: false, to: 0.6, toInclusive: false, points: 1, label: 'E' },
];

export const csDeptManagerKpi: Template = {
  id: 'builtin.cs-dept-manager-kpi',
  version: 1,
  name: '客服部经理绩效考核表',
  description: [
    '客服部经理的年度绩效考核:团队目标达成率(权重30%)、客户满意度调查(20%)、团队员工反馈(20%)、个人目标达成率(30%)。' +
      '每项按实测比率评 A–E 五级,A=5分、B=4分、C=3分、D=2分、E=1分(满分5分),四项按权重折算为0–100分(全A为100分,全E为20分)。' +
      '原文区间的读法:达成率"超过100%"为大于100%(不含100%),"90%至100%之间"为90%≤x≤100%,"80%至90%之间"为80%≤x<90%,' +
      '"70%至80%之间"为70%≤x<80%,"低于70%"为小于70%;客户满意度与良好反馈率"超过90%"为大于90%,"80%至90%之间"为80%≤x≤90%(含两端),' +
      '"70%至80%"为70%≤x<80%,"60%至70%"为60%≤x<70%,"低于60%"为E。各区间首尾相接,没有空档。' +
      '原文只要求填写总等级(A/B/C/D/E)而未说明如何由四项合成:本模板取加权得分,≥90为A、≥70为B、≥50为C、≥30为D、其余为E,' +
      '即四项等级分的加权平均按四舍五入(.5进位)取整。考核人为HR经理,按"上级"一个评分角色录入;考核周期为年度。',
    '',
    "Annual scorecard for the customer-service department manager: team goal achievement (30%), customer satisfaction " +
      'survey (20%), staff feedback (20%) and personal goal achievement (30%). Each measured rate is banded A–E ' +
      '(A=5 … E=1 of 5 points) and the four are weighted into 0–100 (all A = 100, all E = 20). Band edges as read: ' +
      'achievement "超过100%" is > 100% (100% itself is B), "90%至100%之间" is 90% ≤ x ≤ 100%, 80–90% is 80% ≤ x < 90%, ' +
      '70–80% is 70% ≤ x < 80%, below 70% is E; satisfaction and good-feedback rate "超过90%" is > 90%, "80%至90%之间" is ' +
      '80% ≤ x ≤ 90% (both ends), 70–80% is 70% ≤ x < 80%, 60–70% is 60% ≤ x < 70%, below 60% is E. The bands leave no gaps. ' +
      'The seed asks for an overall A–E grade without saying how to combine the four: the grade is read off the weighted ' +
      'score (≥ 90 A, ≥ 70 B, ≥ 50 C, ≥ 30 D, else E), i.e. the weighted mean level rounded half up. The rater is the HR ' +
      'manager, entered as the single supervisor role; the period is a year.',
  ].join('\n'),
  source: 'seed 000_25b8df4a47b63dd5.txt, 表「客服部经理绩效考核表」(绩效评估周期:年度)',
  periodKind: 'year',
  inputs: [
    { id: 'team_goal_rate', name: '团队目标达成率 (%)', type: 'percent', min: 0, description: '本年度团队目标完成比例' },
    { id: 'satisfaction_rate', name: '客户满意度 (%)', type: 'percent', min: 0, max: 1, description: '客户满意度调查结果' },
    { id: 'good_feedback_rate', name: '良好反馈率 (%)', type: 'percent', min: 0, max: 1, description: '团队员工对经理的良好反馈比例' },
    { id: 'personal_goal_rate', name: '个人目标达成率 (%)', type: 'percent', min: 0, description: '本年度个人目标完成比例' },
  ],
  sections: [
    {
      id: 'kpi',
      name: '绩效指标',
      combine: 'weighted',
      indicators: [
        indicator({
          id: 'team_goal',
          name: '团队目标达成率',
          definition: '评估经理在本年度内带领团队完成的目标是否符合公司设定的计划。达成率超过100%:A;90%至100%之间:B;80%至90%之间:C;70%至80%之间:D;低于70%:E。',
          quantitative: true,
          max: 5,
          weight: 0.3,
          rule: { kind: 'bands', input: '团队目标达成率 (%)', bands: ACHIEVEMENT_BANDS, otherwise: null },
        }),
        indicator({
          id: 'satisfaction',
          name: '客户满意度调查',
          definition: '评估经理在本年度内所负责的客户群体的满意度情况。客户满意度超过90%:A;80%至90%之间:B;70%至80%之间:C;60%至70%之间:D;低于60%:E。',
          quantitative: true,
          max: 5,
          weight: 0.2,
          rule: { kind: 'bands', input: '客户满意度 (%)', bands: SURVEY_BANDS, otherwise: null },
        }),
        indicator({
          id: 'staff_feedback',
          name: '团队员工反馈',
          definition: '评估经理在本年度内所带领的团队员工对经理的评价。良好反馈率超过90%:A;80%至90%之间:B;70%至80%之间:C;60%至70%之间:D;低于60%:E。',
          quantitative: true,
          max: 5,
          weight: 0.2,
          rule: { kind: 'bands', input: '良好反馈率 (%)', bands: SURVEY_BANDS, otherwise: null },
        }),
        indicator({
          id: 'personal_goal',
          name: '个人目标达成率',
          definition: '评估经理在本年度内实现个人目标的情况。达成率超过100%:A;90%至100%之间:B;80%至90%之间:C;70%至80%之间:D;低于70%:E。',
          quantitative: true,
          max: 5,
          weight: 0.3,
          rule: { kind: 'bands', input: '个人目标达成率 (%)', bands: ACHIEVEMENT_BANDS, otherwise: null },
        }),
      ],
    },
  ],
  total: { kind: 'sum' },
  grades: [
    { label: 'A', min: 90, minInclusive: true },
    { label: 'B', min: 70, minInclusive: true },
    { label: 'C', min: 50, minInclusive: true },
    { label: 'D', min: 30, minInclusive: true },
    { label: 'E', min: null, minInclusive: true },
  ],
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
