// 客户服务部绩效考核指标评价标准 (seed 000, 铭铉集团): six indicators, mostly "指标分值 − 计扣分值".
import type { Template } from '../model';
import { STANDARD_GRADES, SUPERVISOR_ONLY, indicator } from './common';

export const mingxuanCsDeptKpi: Template = {
  id: 'builtin.mingxuan-cs-dept-kpi',
  version: 1,
  name: '客户服务部绩效考核指标评价标准',
  description: [
    '铭铉集团客户服务部(客户经理)月度KPI:客服信息反馈及时率30分、售后服务及时率35分、售后分析报告准确率20分、' +
      '部门费用预算执行率5分、工作计划达成率5分、工作表现5分,满分100分,总分为各项之和。各项权重与分值相同(30%即30分)。' +
      '扣分项均按原文"指标分值-计扣分值"计算,最低0分:信息反馈每延时1次扣2分、每次未提出解决方案扣2分;' +
      '售后每延迟1天扣5分;分析报告每遗漏一项扣2分、每分析错误一项扣2分;周工作计划每次未按时提交扣0.5分。' +
      '部门费用预算执行率:原文"计划外每超出5%计1分,5分止"与"实际费用/预算费用*指标分值"相互矛盾,本模板读作扣分:' +
      '超支档数 = INT(ROUND(MAX(0, 实际费用/预算费用 − 1) / 5%, 9)),即每超出预算满5%扣1分,扣完5分为止(未超支得5分;' +
      'ROUND 只用来消除浮点误差,恰好超出5%即算一档);预算费用为空时结果为 #DIV/0!。' +
      '工作计划达成率的第2点"工作完成率及完成质量综合评分(由总经理评价)"原文未给分值,本项只按未按时提交扣分;' +
      '工作表现由总经理秘书按综合评分直接打0–5分。数据收集部门按原文填写(品质部、业务部、财务部、总经理秘书)。' +
      '原文没有等级划分:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格;按"上级"一个评分角色录入;月度考核。',
    '',
    'Monthly KPI sheet of the customer-service department (客户经理) of 铭铉集团: feedback timeliness 30, after-sales ' +
      'timeliness 35, after-sales report accuracy 20, budget execution 5, work-plan completion 5, conduct 5; 100 points, ' +
      'total = sum (the 30% weight equals the 30 points). Deductions follow "指标分值 − 计扣分值", floored at 0: −2 per late ' +
      'feedback and −2 per missing proposal; −5 per day of after-sales delay; −2 per omitted and −2 per wrong report item; ' +
      '−0.5 per late weekly plan. Budget execution: the seed\'s "计划外每超出5%计1分,5分止" contradicts its formula ' +
      '"实际费用/预算费用*指标分值"; it is read as a deduction of 1 point per full 5% over budget, at most 5: ' +
      'steps = INT(ROUND(MAX(0, actual/budget − 1)/5%, 9)) (ROUND only removes float noise, so exactly 5% over is one ' +
      'step); a blank budget gives #DIV/0!. The work-plan item\'s second clause (a completion/quality rating by the general ' +
      'manager) has no points in the seed and is not scored separately; conduct (工作表现) is a direct 0–5 rating. Data ' +
      'sources are kept from the seed. No grade bands in the seed: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格; ' +
      'one supervisor rater; monthly.',
  ].join('\n'),
  source: 'seed 000_25b8df4a47b63dd5.txt, 铭铉集团「客户服务部 绩效考核指标评价标准」(质量记录编号 GZMX-W-001)',
  periodKind: 'month',
  inputs: [
    { id: 'late_feedback', name: '延时次数', type: 'count', min: 0, unit: '次', description: '投诉信息未在4小时内反馈至各部门的次数' },
    { id: 'no_solution', name: '未提出解决方案次数', type: 'count', min: 0, unit: '次' },
    { id: 'service_delay_days', name: '延迟天数', type: 'count', min: 0, unit: '天', description: '售后计划或客诉售后(8小时内)延迟实施的天数' },
    { id: 'report_omissions', name: '遗漏项数', type: 'count', min: 0, unit: '项', description: '月度质量分析报告遗漏的项数' },
    { id: 'report_errors', name: '错误项数', type: 'count', min: 0, unit: '项', description: '月度质量分析报告分析错误的项数' },
    { id: 'actual_cost', name: '实际费用', type: 'number', min: 0, unit: '元' },
    { id: 'budget_cost', name: '预算费用', type: 'number', min: 0, unit: '元' },
    {
      id: 'overrun_steps',
      name: '超支档数',
      type: 'count',
      formula: 'INT(ROUND(MAX(0,[实际费用]/[预算费用]-1)/5%,9))',
      description: '实际费用超出预算的满5%档数',
    },
    { id: 'late_plans', name: '未按时提交次数', type: 'count', min: 0, unit: '次', description: '周工作计划与总结未按时提交的次数' },
    { id: 'conduct_rating', name: '工作表现综合评分', type: 'number', min: 0, max: 5, unit: '分' },
  ],
  sections: [
    {
      id: 'kpi',
      name: 'KPI指标',
      combine: 'sum',
      indicators: [
        indicator({
          id: 'feedback_timeliness',
          name: '客服信息反馈及时率',
          definition: '考核期内接到客户的投诉,将有价值的信息以及改进建议在4小时内反馈至各部门以促成问题的解决。每延时1次计扣2分,每未提出解决方案计扣2分。',
          target: '30分',
          dataSource: '品质部',
          quantitative: true,
          max: 30,
          weight: 0.3,
          rule: {
            kind: 'deduction',
            items: [
              { input: '延时次数', penalty: 2 },
              { input: '未提出解决方案次数', penalty: 2 },
            ],
            floor: 0,
          },
        }),
        indicator({
          id: 'after_sales_timeliness',
          name: '售后服务及时率',
          definition: '正常售后制定售后计划并实施,客诉售后在8小时内实施,每延迟1天计扣5分。',
          target: '35分',
          dataSource: '业务部',
          quantitative: true,
          max: 35,
          weight: 0.35,
          rule: { kind: 'deduction', items: [{ input: '延迟天数', penalty: 5 }], floor: 0 },
        }),
        indicator({
          id: 'report_accuracy',
          name: '售后分析报告准确率',
          definition: '收集客户对外的售后技术问题,形成月度质量分析报告,每遗漏一项计扣2分,每分析错误一项计扣2分。',
          target: '20分',
          dataSource: '品质部',
          quantitative: true,
          max: 20,
          weight: 0.2,
          rule: {
            kind: 'deduction',
            items: [
              { input: '遗漏项数', penalty: 2 },
              { input: '错误项数', penalty: 2 },
            ],
            floor: 0,
          },
        }),
        indicator({
          id: 'budget_execution',
          name: '部门费用预算执行率',
          definition: '考核期内部门实际发生费用与预算费用的比例。计划外每超出5%计1分,5分止。(原文计算方式:实际费用/预算费用*指标分值)',
          target: '5分',
          dataSource: '财务部',
          quantitative: true,
          max: 5,
          weight: 0.05,
          rule: { kind: 'deduction', items: [{ input: '超支档数', penalty: 1 }], floor: 0 },
        }),
        indicator({
          id: 'plan_completion',
          name: '工作计划达成率',
          definition: '周工作计划与总结:1.按时提交:未按时每次计扣0.5分;2.工作完成率及完成质量综合评分(由总经理评价)。',
          target: '5分',
          dataSource: '总经理秘书',
          quantitative: true,
          max: 5,
          weight: 0.05,
          rule: { kind: 'deduction', items: [{ input: '未按时提交次数', penalty: 0.5 }], floor: 0 },
        }),
        indicator({
          id: 'conduct',
          name: '工作表现',
          definition: '团队合作有效沟通;尊重领导服从管理;遵守厂规德行表现;主动性、积极性、责任性。综合评分。',
          target: '5分',
          dataSource: '总经理秘书',
          max: 5,
          weight: 0.05,
          rule: { kind: 'direct', input: '工作表现综合评分' },
        }),
      ],
    },
  ],
  total: { kind: 'sum' },
  grades: STANDARD_GRADES,
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
} satisfies Template;
