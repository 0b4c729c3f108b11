// 三级经理测评 (seed 002, 中国移动某分公司): 业绩评价 by the company, 360° ratings by 公司领导/平级/下级.
import type { Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, ratedOutOf100 } from './common';

/** The results part is entered by the company (公司) alone: the supervisor role. */
const COMPANY_ONLY = SUPERVISOR_ONLY;

export const manager360: Template = {
  id: 'builtin.manager-360',
  version: 1,
  name: '三级经理测评',
  description: [
    '三级经理(部门正副职、中心主任、县公司正副经理)年度测评,取自"三级经理测评管理办法"。原文第四条列出六方面测评内容,' +
      '但只保留了第1项"业绩评价:包括公司KPI指标和管理指标两部分,由财务部相关部门出具数据";其余内容与权重缺失,' +
      '本模板据第一、二条(业绩导向、企业文化执行、团队合作、服务意识、管理能力提升)补出,结构与权重均为本模板的选择:' +
      '业绩评价(权重60%,"业绩作为主要的考核指标")含KPI指标、管理指标两项,各0–100分,只由公司(上级角色)按数据录入;' +
      '360°测评(权重40%)含企业文化执行、团队合作、服务意识、管理能力四项,各0–100分,由公司领导、平级、下级评价' +
      '("全视角评价"),角色权重取公司领导50%、平级25%、下级25%;同一角色有多位评价人时先取平均,某角色无人评价时按其余角色重新归一。' +
      '每部分取其各项平均分,总分 = 业绩评价×60% + 360°测评×40%。原文提到的客户指标、公司项目检查未单列。' +
      '原文等级与结果处理缺失:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格。',
    '',
    'Annual review of third-level managers ("三级经理测评管理办法"). The seed lists six areas but only the first survives ' +
      '(业绩评价: KPI and management indicators, data from finance); the rest and all weights are missing. This template ' +
      'fills them in from the stated principles (results first, corporate culture, teamwork, service mindset, management ' +
      'growth); structure and weights are choices: results (60%, "业绩作为主要的考核指标") = KPI and management ' +
      'indicators, 0–100 each, entered by the company (supervisor role) only; 360° review (40%) = culture, teamwork, ' +
      'service mindset, management ability, 0–100 each, rated by company leaders (supervisor 50%), peers (25%) and ' +
      'subordinates (25%); several raters in a role are averaged first, and a role nobody rated is left out and the rest ' +
      'renormalised. Each part is the average of its items; total = 60% × results + 40% × 360°. The customer indicators ' +
      'and project inspections the seed mentions are not separate items. Grades and consequences are missing in the ' +
      'seed: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格.',
  ].join('\n'),
  source: 'seed 002_83293c464070ff0a.txt, 「三级经理测评管理办法」第二条原则、第四条内容',
  periodKind: 'year',
  inputs: [],
  sections: [
    {
      id: 'results',
      name: '业绩评价',
      weight: 0.6,
      combine: 'average',
      indicators: [
        ratedOutOf100('kpi', 'KPI指标', '公司KPI指标完成情况,由财务部相关部门出具数据;县公司三级经理以本公司KPI指标为主。', COMPANY_ONLY),
        ratedOutOf100('management', '管理指标', '职能部门三级经理的管理指标以工作计划为主。', COMPANY_ONLY),
      ],
    },
    {
      id: 'review',
      name: '360°测评',
      weight: 0.4,
      combine: 'average',
      indicators: [
        ratedOutOf100('culture', '企业文化执行', '落实"正德厚生、臻于至善"的企业文化。'),
        ratedOutOf100('teamwork', '团队合作', '促进公司团队合作。'),
        ratedOutOf100('service', '服务意识', '树立服务意识。'),
        ratedOutOf100('management_ability', '管理能力', '管理能力与管理改善。'),
      ],
    },
  ],
  total: { kind: 'weighted' },
  grades: STANDARD_GRADES,
  roles: [
    { role: 'supervisor', weight: 0.5 },
    { role: 'peer', weight: 0.25 },
    { role: 'subordinate', weight: 0.25 },
  ],
  rankTies: 'competition',
} satisfies Template;
