// 客户考核评分表(月度) (seed 001): 业绩考核 (weighted bands) × 80% + 行为考核 (levels) × 20%,
// rated by 自评 and 上级. The example workspace uses this template.
import type { Indicator, LevelRow, Template } from '../model';
import { STANDARD_GRADES, indicator } from './common';

function behaviour(id: string, name: string, labels: readonly [string, string, string, string, string]): Indicator {
  const levels: LevelRow[] = labels.map((label, index) => ({ value: index + 1, points: (index + 1) * 4, label }));
  return indicator({
    id,
    name,
    definition: labels.map((label, index) => `${index + 1}级:${label}`).join(';') + '。1级4分 2级8分 3级12分 4级16分 5级20分。',
    max: 20,
    weight: 0.2,
    rule: { kind: 'levels', input: `${name}等级`, levels },
  });
}

const LEVEL_VALUES = [1, 2, 3, 4, 5] as const;

export const customerMonthly: Template = {
  id: 'builtin.customer-monthly',
  version: 1,
  name: '客户考核评分表(月度)',
  description: [
    '客服人员月度考核:业绩考核(7项,加权合计0–100分)与行为考核(5项,各1–5级,合计0–100分),' +
      '总分 = 业绩考核得分×80% + 行为考核得分×20%(原文公式)。' +
      '业绩考核各项读法:客服流程体系的建立与完善按完成率,≥90%得20分,≥85%得10分,其余0分(原文"低于80%为0分",' +
      '80%–85%之间没有规定,按0分计);客户信息掌控率按信息利用率,同样 ≥90% 20分、≥85% 10分、其余0分;' +
      '客户转介绍数:有新客户产生(>0)得10分,否则0分;大客户回访:回访完成率100%得10分,≥90%得5分,低于90%为0分;' +
      '客户满意度(0–100分的调查得分):≥90得20分,≥85得10分,≥80得5分,低于80得0分("90分以上"等读作含本数);' +
      '客户投诉处理满分30分,三项要求(2小时内响应、3个工作日内解决、解决率100%)每有一项未满足扣10分,最低0分;' +
      '孤儿客户流失数:不流失得5分,流失0分。各项按"得分÷该项满分×权重"折算,故投诉处理的30分与孤儿客户的5分分别' +
      '按其10%的权重计入(满分即10分)。原文的"客户管理6%""客服管理4%"是错位的类别标签,与各项权重(合计100%)无关,本模板忽略。' +
      '行为考核五项(以客户为中心、服务细致、指挥、承担责任、职业化)各按等级计分:1级4分、2级8分、3级12分、4级16分、5级20分,' +
      '五项权重各20%,直接相加即为0–100分;等级说明取自原文(职业化3级原文被拆开,已拼回)。' +
      '评分角色:原文每项有"自评、上级、结果"三栏但未给权重,本模板取自评30%、上级70%;某人缺少自评时只按上级评分' +
      '(权重按已评角色重新归一)。原文没有等级划分:采用默认的 ≥90 优秀、≥70 良好、≥60 合格、其余不合格。',
    '',
    'Monthly scorecard for customer-service staff: results (7 weighted items, 0–100) and behaviour (5 levelled items, ' +
      '0–100); total = results × 80% + behaviour × 20% as the seed writes it. Results as read: the service-process item ' +
      'scores 20 for a completion rate ≥ 90%, 10 for ≥ 85%, else 0 (the seed only says "below 80% is 0"; 80–85% is left ' +
      'open and read as 0); customer-information control uses the information utilisation rate the same way; referrals ' +
      'give 10 when any new customer was referred (> 0), else 0; key-account visits give 10 at 100% completion, 5 at ' +
      '≥ 90%, else 0; customer satisfaction (a 0–100 survey score) gives 20 at ≥ 90, 10 at ≥ 85, 5 at ≥ 80, else 0 ' +
      '("以上" is read as inclusive); complaint handling has 30 points, −10 for each of the three requirements not met ' +
      '(respond within 2 hours, resolve within 3 working days, 100% resolution), floored at 0; orphan customers give 5 ' +
      'when none was lost, else 0. Each item counts as score ÷ its max × its weight, so the 30-point complaint item and ' +
      'the 5-point orphan item each carry their 10% weight. The stray "客户管理 6%" / "客服管理 4%" labels are misplaced ' +
      'category captions and are ignored (the item weights add to 100%). Behaviour items score by level, 1级 4 … 5级 20, ' +
      'each weighted 20%, so they are simply added (0–100); level descriptions are the seed\'s (职业化 level 3 was split ' +
      'in the seed and is joined back). Raters: the seed has 自评 / 上级 / 结果 columns but no weights; self 30% and ' +
      'supervisor 70% are used, renormalised when a role has not rated (no self-rating → the supervisor\'s score). No ' +
      'grade bands in the seed: the default ≥ 90 优秀, ≥ 70 良好, ≥ 60 合格, else 不合格.',
  ].join('\n'),
  source: 'seed 001_be65e800558c0a3a.txt, 表「客户考核评分表(月度)」',
  periodKind: 'month',
  inputs: [
    { id: 'process_completion', name: '完成率', type: 'percent', min: 0, max: 1, description: '建立CRM信息系统、培养客服管理制度、方法、流程的完成率' },
    { id: 'info_utilisation', name: '信息利用率', type: 'percent', min: 0, max: 1, description: '客户信息利用率' },
    { id: 'new_referrals', name: '转介绍新客户数', type: 'count', min: 0, unit: '个', description: '老客户转介绍产生的新客户数量' },
    { id: 'key_account_visits', name: '回访完成率', type: 'percent', min: 0, max: 1, description: '大客户回访安排的完成比例(每三月回访一次)' },
    { id: 'satisfaction_score', name: '客户满意度得分', type: 'number', min: 0, max: 100, unit: '分' },
    { id: 'complaint_no_response', name: '投诉2小时内未响应', type: 'boolean', description: '有客户投诉未在2小时内响应' },
    { id: 'complaint_unresolved', name: '投诉3个工作日内未解决', type: 'boolean', description: '有客户投诉未在3个工作日内解决' },
    { id: 'complaint_rate_missed', name: '投诉解决率未达100%', type: 'boolean' },
    { id: 'orphans_lost', name: '流失孤儿客户数', type: 'count', min: 0, unit: '个' },
    { id: 'customer_focus_level', name: '以客户为中心等级', type: 'level', levels: LEVEL_VALUES, min: 1, max: 5 },
    { id: 'attentiveness_level', name: '服务细致等级', type: 'level', levels: LEVEL_VALUES, min: 1, max: 5 },
    { id: 'command_level', name: '指挥等级', type: 'level', levels: LEVEL_VALUES, min: 1, max: 5 },
    { id: 'responsibility_level', name: '承担责任等级', type: 'level', levels: LEVEL_VALUES, min: 1, max: 5 },
    { id: 'professionalism_level', name: '职业化等级', type: 'level', levels: LEVEL_VALUES, min: 1, max: 5 },
  ],
  sections: [
    {
      id: 'results',
      name: '业绩考核',
      weight: 0.8,
      combine: 'weighted',
      indicators: [
        indicator({
          id: 'service_process',
          name: '客服流程体系的建立与完善',
          definition: '建立CRM信息系统、培养客服管理制度、方法、流程。完成率在90%以上20分,完成率85%以上10分,完成率低于80%为0分。',
          target: '完成率90%以上',
          quantitative: true,
          max: 20,
          weight: 0.2,
          rule: {
            kind: 'bands',
            input: '完成率',
            bands: [
              { from: 0.9, fromInclusive: true, to: null, toInclusive: false, points: 20, label: '≥90%' },
              { from: 0.85, fromInclusive: true, to: 0.9, toInclusive: false, points: 10, label: '85%–90%' },
            ],
            otherwise: 0,
          },
        }),
        indicator({
          id: 'info_control',
          name: '客户信息掌控率',
          definition: '全面掌握客户信息,实现功能最大化。信息利用率达到90%以上得20分,85%以上10分,80%以下0分。',
          target: '信息利用率达到90%以上',
          quantitative: true,
          max: 20,
          weight: 0.2,
          rule: {
            kind: 'bands',
            input: '信息利用率',
            bands: [
              { from: 0.9, fromInclusive: true, to: null, toInclusive: false, points: 20, label: '≥90%' },
              { from: 0.85, fromInclusive: true, to: 0.9, toInclusive: false, points: 10, label: '85%–90%' },
            ],
            otherwise: 0,
          },
        }),
        indicator({
          id: 'referrals',
          name: '客户转介绍数',
          definition: '老客户转介绍新客户的数量。有新客户产生10分,没有新客户产生0分。',
          quantitative: true,
          max: 10,
          weight: 0.1,
          rule: { kind: 'threshold', input: '转介绍新客户数', op: '>', value: 0, pass: 10, fail: 0 },
        }),
        indicator({
          id: 'key_accounts',
          name: '大客户回访',
          definition: '所有大客户每三月回访一次。完成所有回访安排10分,完成90%得5分,低于90%为0分。',
          target: '完成所有回访安排',
          quantitative: true,
          max: 10,
          weight: 0.1,
          rule: {
            kind: 'bands',
            input: '回访完成率',
            bands: [
              { from: 1, fromInclusive: true, to: null, toInclusive: false, points: 10, label: '100%' },
              { from: 0.9, fromInclusive: true, to: 1, toInclusive: false, points: 5, label: '90%–100%' },
            ],
            otherwise: 0,
          },
        }),
        indicator({
          id: 'satisfaction',
          name: '客户满意度',
          definition: '客户满意度在90分以上20分,85分以上10分,80分以上5分,低于80分0分。',
          target: '客户满意度在90分以上',
          quantitative: true,
          max: 20,
          weight: 0.2,
          rule: {
            kind: 'bands',
            input: '客户满意度得分',
            bands: [
              { from: 90, fromInclusive: true, to: null, toInclusive: false, points: 20, label: '≥90' },
              { from: 85, fromInclusive: true, to: 90, toInclusive: false, points: 10, label: '85–90' },
              { from: 80, fromInclusive: true, to: 85, toInclusive: false, points: 5, label: '80–85' },
            ],
            otherwise: 0,
          },
        }),
        indicator({
          id: 'complaints',
          name: '客户投诉处理',
          definition: '客户投诉在2小时内响应,3个工作日解决,解决率100%。完成所有要求30分,任一项没有满足扣10分。',
          target: '2小时内响应,3个工作日解决,解决率100%',
          quantitative: true,
          max: 30,
          weight: 0.1,
          rule: {
            kind: 'deduction',
            items: [
              { input: '投诉2小时内未响应', penalty: 10 },
              { input: '投诉3个工作日内未解决', penalty: 10 },
              { input: '投诉解决率未达100%', penalty: 10 },
            ],
            floor: 0,
          },
        }),
        indicator({
          id: 'orphans',
          name: '孤儿客户流失数',
          definition: '不产生孤儿客户流失。不流失5分,流失0分。',
          target: '不产生孤儿客户流失',
          quantitative: true,
          max: 5,
          weight: 0.1,
          rule: { kind: 'threshold', input: '流失孤儿客户数', op: '=', value: 0, pass: 5, fail: 0 },
        }),
      ],
    },
    {
      id: 'behaviour',
      name: '行为考核',
      weight: 0.2,
      combine: 'sum',
      indicators: [
        behaviour('customer_focus', '以客户为中心', [
          '提供必要服务',
          '迅速而不可分辨解决客户需求',
          '找出客户深层次(真实)需求提供相应产品服务',
          '成为客户信赖对象,并维护组织利益下影响客户决策',
          '维护客户利益,而促进长远组织利益',
        ]),
        behaviour('attentiveness', '服务细致', [
          '完成公司KPI服务流程',
          '主动性问询服务性问题',
          '无客户性投诉的流程执行',
          '适用性全面服务与实诚性服务',
          '能给客户带来意想不到的服务知识与感受',
        ]),
        behaviour('command', '指挥', [
          '常规指标并清晰',
          '详细指导并告知操作方法',
          '坚决恰当处理不合理要求并对后果负责,控制场面',
          '团队工作井然,成员立场行为较好',
          '指挥具有艺术性,成员不易违规',
        ]),
        behaviour('responsibility', '承担责任', [
          '承认结果,而不是强调愿望',
          '承担责任,不推卸,不指责',
          '着手解决问题,减少业务流程',
          '举一反三,改进业务流程',
          '做事有预见,有防误设计',
        ]),
        behaviour('professionalism', '职业化', [
          '岗位理论基础掌握,处理复杂工作',
          '危机及冲突中,通过独特经验化解',
          '没有监管情况下主动节约并不占有不属于自己的利益',
          '本职工作获取享受快乐',
          '认知岗位的价值性与高尚性,内心愿为之付出',
        ]),
      ],
    },
  ],
  total: { kind: 'weighted' },
  grades: STANDARD_GRADES,
  roles: [
    { role: 'self', weight: 0.3 },
    { role: 'supervisor', weight: 0.7 },
  ],
  rankTies: 'competition',
} satisfies Template;
