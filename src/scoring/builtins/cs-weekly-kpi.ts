// 客服部绩效考核办法(草案) (seed 003): Taobao/Tmall customer-service KPIs counted every week
// (ranks, team averages, pass/fail penalties), summed into the month on a base of 100.
import type { Indicator, Rule, Template } from '../model';
import { SUPERVISOR_ONLY, indicator } from './common';

// The target comes after the rule here, not where `indicator` puts it: this template has always
// been written that way, and its JSON (saved copies, exported files) stays as it was.
function weekly(id: string, name: string, max: number, definition: string, rule: Rule, target?: string): Indicator {
  return { ...indicator({ id, name, definition, quantitative: true, max, cadence: 'week', rule }), ...(target ? { target } : {}) };
}

/** 每周进行排名,1-3名按照排序分别加3分,2分,1分;低于店铺平均水平扣1分. */
function rankVsAverage(input: string): Rule {
  return { kind: 'rank', input, order: 'desc', points: [3, 2, 1], below: { reference: 'average', points: -1 } };
}

export const csWeeklyKpi: Template = {
  id: 'builtin.cs-weekly-kpi',
  version: 1,
  name: '客服部绩效考核办法(草案)',
  description: [
    '网店客服部月度绩效:KPI指标每周统计、每周排名,全月各周得分相加;总分 = 100 + 每周指标加减分之和 + 月度附加分' +
      '(以100分为基准,原文各项只有加分和扣分,没有基本分)。每周指标(第五条考核指标解释):' +
      '1.询单人数比 = 询单人数/接待人数,只作查询依据;查明用暗语恶意过滤(录入"暗语过滤"=1)当周扣2分。' +
      '2.顾客下单率 = 当日下单人数/询单人数,3.订单付款率 = (最终付款人数+当日付款人数)/下单人数,5.转化率(直接录入):' +
      '每周在团队内排名,第1–3名加3/2/1分(并列按 RANK.EQ 同名次,其后名次跳过);低于团队平均值扣1分,且扣分优先于名次加分' +
      '(原文"低于平均水平无加分"与"低于店铺平均水平扣1分"都读作低于本周团队各人数值的平均值)。' +
      '4.付款客单价:同样按名次加3/2/1分,低于店铺总客单价248.46元扣1分(固定值;原文对本项的"低于平均水平无加分"未另行计算)。' +
      '6.旺旺回复消息数比 = 客服消息数/买家消息数,低于1扣2分。7.旺旺回复率 = 回复过的顾客/接待过的顾客,必须是100%,低于扣1分。' +
      '8.旺旺平均响应时间:原文目标"小于30S",评分为"低于店铺平均水平扣1分",读作比本周团队平均响应时间慢(秒数更大)扣1分,等于平均不扣。' +
      '9.顾客流失率 = 流失金额/下单总金额:低于5%加1分,高于10%扣1分,恰为5%或10%及其间为0分。' +
      '12.每周业绩排名(附加分项):按本周销售业绩排名,第1–3名加3/2/1分。' +
      '月度:10.当月任务完成率(附加分项):≤50%扣2分;50%–60%原文未规定,按0分;60%(含)–80%加1分;80%(含)–130%加3分' +
      '(原文"80-100%加3分",100%–130%未写,读作延续到130%);≥130%加5分。' +
      '11.落实他人订单付款金额"提成比例2"读作2%,作为金额输出"落实他人订单提成";公共提成 = 公共销售业绩总额×0.5%÷客服人数' +
      '(公共销售业绩总额为团队级输入;客服人数取本期参与排名的人数,含临时顶岗人员)。' +
      '人员状态:考评期内未到岗累计超过2个月的设为"请假",不考核、不排名、不计入平均;售后及其他部门临时顶岗的设为"临时",' +
      '计入每周排名和团队平均但不评等级(原文"各项指标不得低于店铺平均水平50%"的兼职资格规定不在评分中体现)。' +
      '等级:原文只有"考核不及格"而无及格线,本模板取总分 ≥90 为合格、<90 为不合格:基准100分下净扣超过10分,' +
      '相当于一个月里多数周、多数指标都低于团队平均;若取60分则几乎不可能触发,取100分则约半数人每月不及格。' +
      '跨期规则:连续3个月考核排名第一奖励200元;连续3个月考核不及格自动请辞。数据来源:客服绩效管理系统(辅:客服日业绩报表)。',
    '',
    'Monthly scorecard of an online-shop customer-service team: the KPIs are counted and ranked every week and the weeks ' +
      'are added up; total = 100 + weekly points + monthly extra points (a base of 100, since the seed only adds and ' +
      'deducts). Weekly items: (1) enquiry ratio = enquiries/visitors is only a pointer; a confirmed code-word filtering ' +
      '(暗语过滤 = 1) costs 2 points that week. (2) order rate = same-day orderers/enquiries, (3) payment rate = (final + ' +
      'same-day payers)/orderers, (5) conversion rate (entered): ranked in the team each week, places 1–3 get +3/+2/+1 ' +
      '(ties share a place, RANK.EQ); below the team average costs 1 point and wins over place points (both "低于平均水平" ' +
      'phrases are read as below the mean of the team members\' values that week). (4) average order value: places 1–3 ' +
      '+3/+2/+1, below the fixed store figure 248.46 −1 (the "no bonus below average" clause is not applied separately ' +
      'here). (6) message ratio = agent/buyer messages, below 1 costs 2. (7) reply rate = replied/served customers must be ' +
      '100%, else −1. (8) response time: the seed states a 30 s target but scores "below the store average −1", read as ' +
      'slower than the team average that week → −1 (equal is fine). (9) loss rate = lost/ordered amount: below 5% +1, ' +
      'above 10% −1, 5%–10% inclusive 0. (12) weekly sales ranking (extra): places 1–3 +3/+2/+1. Monthly: (10) task ' +
      'completion (extra): ≤ 50% −2; 50–60% is not in the seed and scores 0; 60% (incl.) to 80% +1; 80% (incl.) to 130% +3 ' +
      '(the seed says "80-100%加3分" and skips 100–130%, read as continuing); ≥ 130% +5. (11) "提成比例2" is read as 2% of ' +
      'the other people\'s orders paid, shown as a money output; public commission = public sales × 0.5% ÷ team size ' +
      '(public sales is a team-level input; team size counts everyone ranked this period, temporary staff included). ' +
      'Status: people absent more than 2 months are "leave" (not scored, ranked or averaged); staff from other ' +
      'departments covering temporarily are "temporary" (in the weekly ranks and averages, no grade; the seed\'s rule ' +
      'that they must stay above 50% of the store average is not scored). Grades: the seed says "不及格" but sets no pass ' +
      'mark; 合格 is total ≥ 90 and 不合格 below, i.e. a net loss of more than 10 points, which takes being below the team ' +
      'on most items most weeks (60 would be unreachable, 100 would fail half the team every month). Cross-period: ' +
      'first place 3 months running earns 200 yuan; failing 3 months running means resignation.',
  ].join('\n'),
  source: 'seed 003_d65d2fb64c9ea99c.txt, 「客服部绩效考核办法(草案)」四、目标考核 与 五、考核指标解释(第12条考核奖惩见 seed 000 客服经理绩效考核方案)',
  periodKind: 'month',
  inputs: [
    { id: 'visitors', name: '接待人数', type: 'count', min: 0, unit: '人' },
    { id: 'enquiries', name: '询单人数', type: 'count', min: 0, unit: '人', description: '此数据延迟1天' },
    { id: 'same_day_orderers', name: '当日下单人数', type: 'count', min: 0, unit: '人' },
    { id: 'orderers', name: '下单人数', type: 'count', min: 0, unit: '人' },
    { id: 'final_payers', name: '最终付款人数', type: 'count', min: 0, unit: '人', description: '此数据延迟4天' },
    { id: 'same_day_payers', name: '当日付款人数', type: 'count', min: 0, unit: '人', description: '后4天数据' },
    { id: 'order_value', name: '付款客单价', type: 'number', min: 0, unit: '元', description: '有效客服下单且最终付款客单价' },
    { id: 'conversion', name: '转化率', type: 'percent', min: 0, max: 1, description: '最终付款成功率' },
    { id: 'agent_messages', name: '客服消息数', type: 'count', min: 0, unit: '条' },
    { id: 'buyer_messages', name: '买家消息数', type: 'count', min: 0, unit: '条' },
    { id: 'replied_customers', name: '回复过的顾客', type: 'count', min: 0, unit: '人' },
    { id: 'served_customers', name: '接待过的顾客', type: 'count', min: 0, unit: '人' },
    { id: 'response_seconds', name: '平均响应时间(秒)', type: 'number', min: 0, unit: '秒' },
    { id: 'lost_amount', name: '流失金额', type: 'number', min: 0, unit: '元', description: '最终流失总金额' },
    { id: 'order_amount', name: '下单总金额', type: 'number', min: 0, unit: '元' },
    { id: 'code_word_filtering', name: '暗语过滤', type: 'count', min: 0, max: 1, description: '查明用暗语恶意过滤未成交订单:1 是,0 否' },
    { id: 'weekly_sales', name: '销售业绩', type: 'number', min: 0, unit: '元', description: '本周个人销售业绩(每周业绩排名用)' },
    { id: 'enquiry_ratio', name: '询单人数比', type: 'percent', formula: '[询单人数]/[接待人数]' },
    { id: 'order_rate', name: '顾客下单率', type: 'percent', formula: '[当日下单人数]/[询单人数]' },
    { id: 'payment_rate', name: '订单付款率', type: 'percent', formula: '([最终付款人数]+[当日付款人数])/[下单人数]' },
    { id: 'message_ratio', name: '旺旺回复消息数比', type: 'number', formula: '[客服消息数]/[买家消息数]' },
    { id: 'reply_rate', name: '旺旺回复率', type: 'percent', formula: '[回复过的顾客]/[接待过的顾客]' },
    { id: 'loss_rate', name: '顾客流失率', type: 'percent', formula: '[流失金额]/[下单总金额]' },
    { id: 'task_completion', name: '当月任务完成率', type: 'percent', min: 0, description: '月度统计' },
    { id: 'others_orders_paid', name: '落实他人订单付款金额', type: 'number', min: 0, unit: '元', description: '月度统计' },
    { id: 'public_sales', name: '公共销售业绩总额', type: 'number', min: 0, unit: '元', scope: 'team', description: '全部门一个数,月度' },
  ],
  sections: [
    {
      id: 'weekly',
      name: '每周KPI加减分',
      combine: 'sum',
      indicators: [
        weekly(
          'enquiry_ratio_score',
          '询单人数比得分',
          0,
          '询单人数比 = 询单人数/接待人数,防止客服回复广告暗语过滤未成交订单;若低于上月平均水平,查询明细,如发现用暗语恶意过滤扣2分。每周统计,全月共4周。',
          { kind: 'threshold', input: '暗语过滤', op: '=', value: 0, pass: 0, fail: -2 },
          '参照:店铺接待3076,询单2475,80.46%',
        ),
        weekly(
          'order_rate_score',
          '顾客下单率得分',
          3,
          '顾客下单率 = 当日下单人数/询单人数。每周进行排名,1-3名按照排序分别加3分,2分,1分,低于平均水平无加分;低于店铺平均水平扣1分。',
          rankVsAverage('顾客下单率'),
          '参照:32.8%',
        ),
        weekly(
          'payment_rate_score',
          '订单付款率得分',
          3,
          '订单付款率 = (最终付款人数+当日付款人数)/下单人数。每周进行排名,1-3名按照排序分别加3分,2分,1分,低于平均水平无加分;低于店铺平均水平扣1分。',
          rankVsAverage('订单付款率'),
          '参照:90.27%',
        ),
        weekly(
          'order_value_score',
          '付款客单价得分',
          3,
          '付款客单价:有效客服下单且最终付款客单价。每周进行排名,1-3名按照排序分别加3分,2分,1分,低于平均水平无加分;低于店铺总客单价248.46扣1分(特殊活动除外)。',
          { kind: 'rank', input: '付款客单价', order: 'desc', points: [3, 2, 1], below: { reference: 248.46, points: -1 } },
          '参照:有效客服下单客单价281.11',
        ),
        weekly(
          'conversion_score',
          '转化率得分',
          3,
          '转化率:最终付款成功率。每周进行排名,1-3名按照排序分别加3分,2分,1分,低于平均水平无加分;低于平均转化率扣1分。',
          rankVsAverage('转化率'),
          '参照:29.24%',
        ),
        weekly(
          'message_ratio_score',
          '旺旺回复消息数比得分',
          0,
          '旺旺回复消息数比 = 客服消息数/买家消息数。客服不能是机械性的问答,此指标低于1扣2分。',
          { kind: 'threshold', input: '旺旺回复消息数比', op: '>=', value: 1, pass: 0, fail: -2 },
          '≥1',
        ),
        weekly(
          'reply_rate_score',
          '旺旺回复率得分',
          0,
          '旺旺回复率 = 回复过的顾客/接待过的顾客,必须是100%,低于该标准扣1分(特殊情况除外)。',
          { kind: 'threshold', input: '旺旺回复率', op: '>=', value: 1, pass: 0, fail: -1 },
          '100%',
        ),
        weekly(
          'response_time_score',
          '旺旺平均响应时间得分',
          0,
          '旺旺平均响应时间:小于30S;低于店铺平均水平(响应比团队平均慢)扣1分。',
          { kind: 'relative', input: '平均响应时间(秒)', direction: 'lower', below: -1, otherwise: 0 },
          '小于30秒',
        ),
        weekly(
          'loss_rate_score',
          '顾客流失率得分',
          1,
          '顾客流失率 = 最终流失总金额/下单总金额。低于5%加1分,高于10%扣1分。',
          { kind: 'formula', formula: 'IF([顾客流失率]<5%,1,IF([顾客流失率]>10%,-1,0))' },
          '低于5%',
        ),
        weekly(
          'sales_rank_score',
          '每周业绩排名得分',
          3,
          '每周业绩排名(附加分项):1-3名(3-1分不等)。',
          { kind: 'rank', input: '销售业绩', order: 'desc', points: [3, 2, 1] },
        ),
      ],
    },
    {
      id: 'monthly',
      name: '月度附加分',
      combine: 'sum',
      indicators: [
        indicator({
          id: 'task_completion_score',
          name: '当月任务完成率得分',
          definition: '当月任务完成率(附加分项):0-50%扣2分,60-80%加1分,80-100%加3分,130%以上加5分,此项为月度统计。',
          quantitative: true,
          max: 5,
          rule: {
            kind: 'bands',
            input: '当月任务完成率',
            bands: [
              { from: null, fromInclusive: false, to: 0.5, toInclusive: true, points: -2, label: '0–50%' },
              { from: 0.5, fromInclusive: false, to: 0.6, toInclusive: false, points: 0, label: '50%–60%(原文未规定)' },
              { from: 0.6, fromInclusive: true, to: 0.8, toInclusive: false, points: 1, label: '60%–80%' },
              { from: 0.8, fromInclusive: true, to: 1.3, toInclusive: false, points: 3, label: '80%–130%' },
              { from: 1.3, fromInclusive: true, to: null, toInclusive: false, points: 5, label: '130%以上' },
            ],
            otherwise: 0,
          },
        }),
      ],
    },
  ],
  total: { kind: 'sum', base: 100 },
  grades: [
    { label: '合格', min: 90, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true, failing: true },
  ],
  roles: SUPERVISOR_ONLY,
  rankTies: 'competition',
  outputs: [
    { id: 'public_commission', name: '公共提成', formula: '[公共销售业绩总额]*0.5%/TEAMSIZE()', unit: '元' },
    { id: 'others_orders_commission', name: '落实他人订单提成', formula: '[落实他人订单付款金额]*2%', unit: '元' },
  ],
  crossPeriod: [
    { id: 'top_three_months', kind: 'consecutiveRank', rank: 1, periods: 3, label: '连续3个月考核排名第一,奖励200元' },
    { id: 'failing_three_months', kind: 'consecutiveFailing', periods: 3, label: '连续3个月考核不及格,自动请辞' },
  ],
} satisfies Template;
