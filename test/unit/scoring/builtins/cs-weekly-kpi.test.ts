// Golden test: 客服部绩效考核办法(草案) (seed 003). Weekly items are scored per week with that week's
// entries and summed into the month; ranks and averages are over the cohort (active + temporary).
// Total = 100 + weekly points + monthly points; 合格 ≥ 90, else 不合格 (failing); temporary → no grade.
//
// Weekly points per person (week 1 / 2 / 3 / 4), worked out below week by week:
//   item            A            B            C            D            T (temporary)
//   下单率        3 −1 −1  3   3  1 −1  3  −1  2 −1  3  −1  3 −1 −1  −1 −1  3 −1
//   付款率        2  3  3 −1  −1  3  2  3   3  3  1 −1   2 −1 −1 −1  −1 −1 −1 −1
//   客单价        3 −1  3  3   1  3  3  2   0  2  3  1  −1  2  3 −1   2  0  3 −1
//   转化率        3  3  3 −1   3 −1  2 −1   3 −1 −1  2   3 −1 −1  3   3 −1 −1 −1
//   消息数比      0  0  0  0   0  0  0  0  −2  0  0  0   0  0  0 −2   0 −2  0  0
//   回复率        0  0 −1  0  −1  0  0  0   0  0  0  0   0  0  0  0  −1  0  0  0
//   响应时间      0 −1  0  0   0  0  0  0  −1  0  0  0   0  0  0 −1   0 −1  0 −1
//   流失率        1  1  0 −1   0 −1  0  1   0  0  0  1  −1  1  0  0   1  1  0 −1
//   暗语          0  0 −2  0   0  0  0  0   0  0  0  0  −2  0  0  0   0  0  0  0
//   业绩排名      2  3  0  3   1  3  0  2   1  3  1  1   0  3  3  0   3  0  3  0
//   week total   14  7  5  6   6  8  6 10   3  9  3  7   0  7  3 −3   6 −5  7 −6
import { describe, expect, it } from 'vitest';
import type { Explanation, SheetEntry, SheetPerson } from '../../../../src/scoring/sheet-types';
import { TEAM_PERSON_ID } from '../../../../src/scoring/model';
import { scorePeriod } from '../../../../src/scoring/index';
import { csWeeklyKpi } from '../../../../src/scoring/builtins';
import { entriesOf, expectNumber, expectPerson, personOf } from './helpers';

/** One person's week: the raw inputs of seed 003. */
interface Week {
  enq: number; // 询单人数
  sdo: number; // 当日下单人数
  ord: number; // 下单人数
  fin: number; // 最终付款人数
  sdp: number; // 当日付款人数
  aov: number; // 付款客单价
  conv: number; // 转化率
  am: number; // 客服消息数
  bm: number; // 买家消息数
  rep: number; // 回复过的顾客
  srv: number; // 接待过的顾客
  rt: number; // 平均响应时间(秒)
  lost: number; // 流失金额
  amt: number; // 下单总金额
  code: number; // 暗语过滤 0/1
  sales: number; // 销售业绩
}

function weekEntries(rows: Readonly<Record<string, Week>>): SheetEntry[] {
  return Object.entries(rows).flatMap(([personId, w]) =>
    entriesOf(personId, {
      visitors: 125,
      enquiries: w.enq,
      same_day_orderers: w.sdo,
      orderers: w.ord,
      final_payers: w.fin,
      same_day_payers: w.sdp,
      order_value: w.aov,
      conversion: w.conv,
      agent_messages: w.am,
      buyer_messages: w.bm,
      replied_customers: w.rep,
      served_customers: w.srv,
      response_seconds: w.rt,
      lost_amount: w.lost,
      order_amount: w.amt,
      code_word_filtering: w.code,
      weekly_sales: w.sales,
    }),
  );
}

/** L is on leave with a brilliant week every week: if L leaked into ranks or averages, everything would shift. */
const LEAVE_WEEK: Week = { enq: 100, sdo: 100, ord: 50, fin: 50, sdp: 0, aov: 1000, conv: 0.9, am: 100, bm: 100, rep: 80, srv: 80, rt: 5, lost: 0, amt: 10000, code: 0, sales: 99999 };

// Week 1. 下单率 = sdo/100: A .40 B .40 C .30 D .20 T .30, avg .32 → ranks A1 B1 C3 T3 D5;
//   A 3, B 3, C/T/D below .32 → −1.
// 付款率 = (fin+sdp)/50: A .9 B .8 C 1.0 D .9 T .7, avg 4.3/5 = .86 → C1 A2 D2 B4 T5; C 3, A 2, D 2, B/T below → −1.
// 客单价: A 300 T 260 B 250 C 248.46 D 200 → A 3, T 2, B 1, C rank 4 (= 248.46 is not below) 0, D below 248.46 → −1.
// 转化率: everyone .25 → all rank 1 → 3, nobody below the average .25.
// 消息数比 = am/100: A 1.2, B 1.0 (exactly 1 passes), C .99 → −2, D 1.5, T 1.0.
// 回复率 = rep/80: B 79/80 → −1, T 60/80 → −1, others 80/80.
// 响应: A 20 B 30 C 40 D 30 T 30, avg 30 → only C (40 > 30) → −1; 30 = avg is not worse.
// 流失率 = lost/10000: A .04 → +1, B .05 (not < 5%) → 0, C .10 (not > 10%) → 0, D .1001 → −1, T 0 → +1.
// 暗语: D → −2.
// 业绩: T 12000 A 10000 B 8000 C 8000 D 5000 → T1 3, A2 2, B3 C3 → 1 each, D5 0.
const WEEK1 = weekEntries({
  A: { enq: 100, sdo: 40, ord: 50, fin: 30, sdp: 15, aov: 300, conv: 0.25, am: 120, bm: 100, rep: 80, srv: 80, rt: 20, lost: 400, amt: 10000, code: 0, sales: 10000 },
  B: { enq: 100, sdo: 40, ord: 50, fin: 30, sdp: 10, aov: 250, conv: 0.25, am: 100, bm: 100, rep: 79, srv: 80, rt: 30, lost: 500, amt: 10000, code: 0, sales: 8000 },
  C: { enq: 100, sdo: 30, ord: 50, fin: 40, sdp: 10, aov: 248.46, conv: 0.25, am: 99, bm: 100, rep: 80, srv: 80, rt: 40, lost: 1000, amt: 10000, code: 0, sales: 8000 },
  D: { enq: 100, sdo: 20, ord: 50, fin: 35, sdp: 10, aov: 200, conv: 0.25, am: 150, bm: 100, rep: 80, srv: 80, rt: 30, lost: 1001, amt: 10000, code: 1, sales: 5000 },
  T: { enq: 100, sdo: 30, ord: 50, fin: 25, sdp: 10, aov: 260, conv: 0.25, am: 100, bm: 100, rep: 60, srv: 80, rt: 30, lost: 0, amt: 10000, code: 0, sales: 12000 },
  L: LEAVE_WEEK,
});

// Week 2. 下单率 = sdo/80: A .25 B .375 C .5 D .625 T .125, avg 1.875/5 = .375 → D1 3, C2 2,
//   B3 (= avg, not below) 1, A4 below → −1, T5 below → −1.
// 付款率 = (fin+sdp)/40: A 1 B 1 C 1 D .75 T .5, avg 4.25/5 = .85 → A/B/C rank 1 → 3 each; D, T below → −1.
// 客单价: B 400 C 300 D 300 T 248.46 A 248.45 → B1 3, C2 D2 → 2 each, T4 0 (not below 248.46), A below → −1.
// 转化率: A .5, others .25, avg 1.5/5 = .3 → A 3; B/C/D/T rank 2 but below .3 → −1 (below wins over rank points).
// 消息数比: T 50/100 = .5 → −2; others exactly 1.
// 回复率: all 80/80.
// 响应: A 35 B 25 C 25 D 25 T 40, avg 150/5 = 30 → A, T slower → −1.
// 流失率: A .03 → +1, B .11 → −1, C .07 → 0, D 0 → +1, T .0499 → +1.
// 业绩: A/B/C/D 9000 → rank 1 → 3 each; T 1000 rank 5 → 0.
const WEEK2 = weekEntries({
  A: { enq: 80, sdo: 20, ord: 40, fin: 30, sdp: 10, aov: 248.45, conv: 0.5, am: 100, bm: 100, rep: 80, srv: 80, rt: 35, lost: 300, amt: 10000, code: 0, sales: 9000 },
  B: { enq: 80, sdo: 30, ord: 40, fin: 20, sdp: 20, aov: 400, conv: 0.25, am: 200, bm: 200, rep: 80, srv: 80, rt: 25, lost: 1100, amt: 10000, code: 0, sales: 9000 },
  C: { enq: 80, sdo: 40, ord: 40, fin: 40, sdp: 0, aov: 300, conv: 0.25, am: 50, bm: 50, rep: 80, srv: 80, rt: 25, lost: 700, amt: 10000, code: 0, sales: 9000 },
  D: { enq: 80, sdo: 50, ord: 40, fin: 20, sdp: 10, aov: 300, conv: 0.25, am: 100, bm: 100, rep: 80, srv: 80, rt: 25, lost: 0, amt: 10000, code: 0, sales: 9000 },
  T: { enq: 80, sdo: 10, ord: 40, fin: 15, sdp: 5, aov: 248.46, conv: 0.25, am: 50, bm: 100, rep: 80, srv: 80, rt: 40, lost: 499, amt: 10000, code: 0, sales: 1000 },
  L: LEAVE_WEEK,
});

// Week 3 (the temporary colleague leads 下单率). 下单率 = sdo/80: A/B/C/D .25, T .5, avg 1.5/5 = .3 → T 3,
//   the others rank 2 but below → −1.
// 付款率 = (fin+sdp)/40: A 1 B .75 C .5 D .25 T 0, avg 2.5/5 = .5 → A 3, B 2, C3 (= avg) 1, D/T below → −1.
// 客单价: everyone 250 → all rank 1 → 3 each.
// 转化率: A .5 B .375 C .25 D .125 T .25, avg 1.5/5 = .3 → A 3, B 2, C/T rank 3 below → −1, D below → −1.
// 消息数比: all 1. 回复率: A 79/80 → −1. 响应: all 30 → none slower. 流失率: all .06 → 0. 暗语: A → −2.
// 业绩: D 8000 T 8000 C 7000 B 6000 A 5000 → D/T rank 1 → 3, C3 1, B4 0, A5 0.
const WEEK3 = weekEntries({
  A: { enq: 80, sdo: 20, ord: 40, fin: 40, sdp: 0, aov: 250, conv: 0.5, am: 100, bm: 100, rep: 79, srv: 80, rt: 30, lost: 600, amt: 10000, code: 1, sales: 5000 },
  B: { enq: 80, sdo: 20, ord: 40, fin: 30, sdp: 0, aov: 250, conv: 0.375, am: 100, bm: 100, rep: 80, srv: 80, rt: 30, lost: 600, amt: 10000, code: 0, sales: 6000 },
  C: { enq: 80, sdo: 20, ord: 40, fin: 20, sdp: 0, aov: 250, conv: 0.25, am: 100, bm: 100, rep: 80, srv: 80, rt: 30, lost: 600, amt: 10000, code: 0, sales: 7000 },
  D: { enq: 80, sdo: 20, ord: 40, fin: 10, sdp: 0, aov: 250, conv: 0.125, am: 100, bm: 100, rep: 80, srv: 80, rt: 30, lost: 600, amt: 10000, code: 0, sales: 8000 },
  T: { enq: 80, sdo: 40, ord: 40, fin: 0, sdp: 0, aov: 250, conv: 0.25, am: 100, bm: 100, rep: 80, srv: 80, rt: 30, lost: 600, amt: 10000, code: 0, sales: 8000 },
  L: LEAVE_WEEK,
});

// Week 4. 下单率 = sdo/100: A/B/C .5, D/T .25, avg 2/5 = .4 → A/B/C rank 1 → 3; D/T below → −1.
// 付款率 = (fin+sdp)/50: B 1, others .5, avg 3/5 = .6 → B 3; others rank 2 but below → −1.
// 客单价: A 500 B 400 C 300 D 200 T 100 → 3, 2, 1; D and T below 248.46 → −1.
// 转化率: A .125 B .25 C .375 D .5 T .25, avg .3 → D 3, C 2, B/T rank 3 below → −1, A below → −1.
// 消息数比: D 80/100 = .8 → −2; others 1.5. 回复率: all 1.
// 响应: A 10 B 20 C 30 D 40 T 50, avg 30 → D, T → −1 (C = avg → 0).
// 流失率: A .2 → −1, B .04 → +1, C .04 → +1, D .08 → 0, T .12 → −1.
// 业绩: A 7000 B 6000 C 5000 D 4000 T 3000 → 3, 2, 1, 0, 0.
const WEEK4 = weekEntries({
  A: { enq: 100, sdo: 50, ord: 50, fin: 20, sdp: 5, aov: 500, conv: 0.125, am: 150, bm: 100, rep: 80, srv: 80, rt: 10, lost: 2000, amt: 10000, code: 0, sales: 7000 },
  B: { enq: 100, sdo: 50, ord: 50, fin: 40, sdp: 10, aov: 400, conv: 0.25, am: 150, bm: 100, rep: 80, srv: 80, rt: 20, lost: 400, amt: 10000, code: 0, sales: 6000 },
  C: { enq: 100, sdo: 50, ord: 50, fin: 25, sdp: 0, aov: 300, conv: 0.375, am: 150, bm: 100, rep: 80, srv: 80, rt: 30, lost: 400, amt: 10000, code: 0, sales: 5000 },
  D: { enq: 100, sdo: 25, ord: 50, fin: 15, sdp: 10, aov: 200, conv: 0.5, am: 80, bm: 100, rep: 80, srv: 80, rt: 40, lost: 800, amt: 10000, code: 0, sales: 4000 },
  T: { enq: 100, sdo: 25, ord: 50, fin: 25, sdp: 0, aov: 100, conv: 0.25, am: 150, bm: 100, rep: 80, srv: 80, rt: 50, lost: 1200, amt: 10000, code: 0, sales: 3000 },
  L: LEAVE_WEEK,
});

const PEOPLE: readonly SheetPerson[] = [
  { id: 'A', name: '客服A' },
  { id: 'B', name: '客服B' },
  { id: 'C', name: '客服C' },
  { id: 'D', name: '客服D' },
  { id: 'T', name: '售后顶岗', status: 'temporary' },
  { id: 'L', name: '长假', status: 'leave' },
];

const MONTH: SheetEntry[] = [
  ...entriesOf('A', { task_completion: 1.3, others_orders_paid: 5000 }),
  ...entriesOf('B', { task_completion: 0.8, others_orders_paid: 0 }),
  ...entriesOf('C', { task_completion: 0.5, others_orders_paid: 1234 }),
  ...entriesOf('D', { task_completion: 0.55, others_orders_paid: 0 }),
  ...entriesOf('T', { task_completion: 0.6, others_orders_paid: 0 }),
  ...entriesOf('L', { task_completion: 1.5, others_orders_paid: 9999 }),
  ...entriesOf(TEAM_PERSON_ID, { public_sales: 100000 }),
];

function weekPoints(explanation: Explanation | undefined): unknown[] {
  expect(explanation?.kind).toBe('weeks');
  return explanation?.kind === 'weeks' ? explanation.parts.map((p) => p.points) : [];
}

describe('客服部绩效考核办法(草案)', () => {
  const result = scorePeriod(csWeeklyKpi, {
    people: PEOPLE,
    entries: MONTH,
    weeks: [
      { key: '2026-W10', entries: WEEK1 },
      { key: '2026-W11', entries: WEEK2 },
      { key: '2026-W12', entries: WEEK3 },
      { key: '2026-W13', entries: WEEK4 },
    ],
  });

  it('sums each weekly item over the four weeks', () => {
    expectPerson(personOf(result, 'A'), {
      indicators: {
        order_rate_score: 4, // 3 − 1 − 1 + 3
        payment_rate_score: 7, // 2 + 3 + 3 − 1
        order_value_score: 8, // 3 − 1 + 3 + 3
        conversion_score: 8, // 3 + 3 + 3 − 1
        message_ratio_score: 0,
        reply_rate_score: -1, // week 3: 79/80
        response_time_score: -1, // week 2: 35 s > 30 s average
        loss_rate_score: 1, // +1 + 1 + 0 − 1
        enquiry_ratio_score: -2, // week 3: 暗语过滤
        sales_rank_score: 8, // 2 + 3 + 0 + 3
        task_completion_score: 5, // 130% exactly → ≥ 130% → +5
      },
      sections: {
        weekly: 32, // 14 + 7 + 5 + 6 = 4 + 7 + 8 + 8 + 0 − 1 − 1 + 1 − 2 + 8
        monthly: 5,
      },
      total: 137, // 100 + 32 + 5
      grade: '合格',
      rank: 1, // 137 > 133 > 120 > 107 > 103
    });
  });

  it('reports the weekly parts', () => {
    const a = personOf(result, 'A');
    expect(weekPoints(a.indicators['order_rate_score']?.explanation)).toEqual([3, -1, -1, 3]);
    expect(weekPoints(a.indicators['sales_rank_score']?.explanation)).toEqual([2, 3, 0, 3]);
    const t = personOf(result, 'T');
    expect(weekPoints(t.indicators['order_rate_score']?.explanation)).toEqual([-1, -1, 3, -1]);
  });

  it('scores B, C and D', () => {
    expectPerson(personOf(result, 'B'), {
      indicators: {
        order_rate_score: 6, // 3 + 1 − 1 + 3
        payment_rate_score: 7, // −1 + 3 + 2 + 3
        order_value_score: 9, // 1 + 3 + 3 + 2
        conversion_score: 3, // 3 − 1 + 2 − 1
        message_ratio_score: 0, // week 1: exactly 1 passes
        reply_rate_score: -1, // week 1: 79/80
        response_time_score: 0, // week 1: 30 s = average
        loss_rate_score: 0, // 0 (5% exactly) − 1 + 0 + 1
        enquiry_ratio_score: 0,
        sales_rank_score: 6, // 1 + 3 + 0 + 2
        task_completion_score: 3, // 80% exactly → 80%–130% → +3
      },
      sections: { weekly: 30, monthly: 3 }, // 6 + 8 + 6 + 10
      total: 133, // 100 + 30 + 3
      grade: '合格',
      rank: 2,
    });
    expectPerson(personOf(result, 'C'), {
      indicators: {
        order_rate_score: 3, // −1 + 2 − 1 + 3
        payment_rate_score: 6, // 3 + 3 + 1 − 1
        order_value_score: 6, // 0 (248.46 exactly) + 2 + 3 + 1
        conversion_score: 3, // 3 − 1 − 1 + 2
        message_ratio_score: -2, // week 1: .99
        reply_rate_score: 0,
        response_time_score: -1, // week 1: 40 s > 30 s
        loss_rate_score: 1, // 0 (10% exactly) + 0 + 0 + 1
        enquiry_ratio_score: 0,
        sales_rank_score: 6, // 1 + 3 + 1 + 1
        task_completion_score: -2, // 50% exactly → 0–50% → −2
      },
      sections: { weekly: 22, monthly: -2 }, // 3 + 9 + 3 + 7
      total: 120, // 100 + 22 − 2
      grade: '合格',
      rank: 3,
    });
    expectPerson(personOf(result, 'D'), {
      indicators: {
        order_rate_score: 0, // −1 + 3 − 1 − 1
        payment_rate_score: -1, // 2 − 1 − 1 − 1
        order_value_score: 3, // −1 + 2 + 3 − 1
        conversion_score: 4, // 3 − 1 − 1 + 3
        message_ratio_score: -2, // week 4: .8
        reply_rate_score: 0,
        response_time_score: -1, // week 4: 40 s > 30 s
        loss_rate_score: 0, // −1 (10.01%) + 1 + 0 + 0
        enquiry_ratio_score: -2, // week 1: 暗语过滤
        sales_rank_score: 6, // 0 + 3 + 3 + 0
        task_completion_score: 0, // 55%: the seed's 50–60% gap → 0
      },
      sections: { weekly: 7, monthly: 0 }, // 0 + 7 + 3 − 3
      total: 107, // 100 + 7 + 0
      grade: '合格',
      rank: 4,
    });
  });

  it('ranks the temporary colleague but gives no grade', () => {
    expectPerson(personOf(result, 'T'), {
      indicators: {
        order_rate_score: 0, // −1 − 1 + 3 − 1
        payment_rate_score: -4, // −1 × 4
        order_value_score: 4, // 2 + 0 + 3 − 1
        conversion_score: 0, // 3 − 1 − 1 − 1
        message_ratio_score: -2, // week 2: .5
        reply_rate_score: -1, // week 1: 60/80
        response_time_score: -2, // weeks 2 and 4
        loss_rate_score: 1, // 1 + 1 + 0 − 1
        enquiry_ratio_score: 0,
        sales_rank_score: 6, // 3 + 0 + 3 + 0
        task_completion_score: 1, // 60% exactly → 60%–80% → +1
      },
      sections: { weekly: 2, monthly: 1 }, // 6 − 5 + 7 − 6
      total: 103, // 100 + 2 + 1
      grade: null,
      rank: 5,
    });
  });

  it('leaves the person on leave out of everything', () => {
    const l = personOf(result, 'L');
    expect(l.total).toBeNull();
    expect(l.grade).toBeNull();
    expect(l.rank).toBeNull();
  });

  it('computes the money outputs', () => {
    for (const id of ['A', 'B', 'C', 'D', 'T']) {
      expectNumber(personOf(result, id).outputs['public_commission'], 100); // 100000 × 0.5% ÷ 5 (cohort incl. T)
    }
    expectNumber(personOf(result, 'A').outputs['others_orders_commission'], 100); // 5000 × 2%
    expectNumber(personOf(result, 'B').outputs['others_orders_commission'], 0); // 0 × 2%
    expectNumber(personOf(result, 'C').outputs['others_orders_commission'], 24.68); // 1234 × 2%
  });
});

// A month with a failing colleague: X, Y, Z, the same week four times.
//   下单率 = sdo/80: X .125 Y .625 Z .375, avg 1.125/3 = .375 → Y 3, Z 2 (= avg), X below −1.
//   付款率 = (fin+sdp)/40: X .25 Y 1 Z .25, avg .5 → Y 3, X/Z rank 2 but below → −1.
//   客单价: Y 300 → 3, Z 250 → 2, X 200 → below 248.46 → −1.
//   转化率: X .125 Y .5 Z .125, avg .25 → Y 3, X/Z below → −1.
//   消息数比: X .5 → −2, Y 1 → 0, Z .9 → −2.   回复率: X 40/80 → −1, Y 1 → 0, Z 72/80 → −1.
//   响应: X 60 Y 20 Z 40, avg 40 → X −1, Z (= avg) 0, Y 0.
//   流失率: X .2 → −1, Y .01 → +1, Z .11 → −1.   暗语: X, Z → −2.   业绩: Y 3, Z 2, X 1.
//   Week: X −1 −1 −1 −1 −2 −1 −1 −1 −2 +1 = −10; Y 3+3+3+3+0+0+0+1+0+3 = 16; Z 2−1+2−1−2−1+0−1−2+2 = −2.
describe('客服部绩效考核办法(草案): failing', () => {
  const week = weekEntries({
    X: { enq: 80, sdo: 10, ord: 40, fin: 10, sdp: 0, aov: 200, conv: 0.125, am: 50, bm: 100, rep: 40, srv: 80, rt: 60, lost: 2000, amt: 10000, code: 1, sales: 1000 },
    Y: { enq: 80, sdo: 50, ord: 40, fin: 30, sdp: 10, aov: 300, conv: 0.5, am: 100, bm: 100, rep: 80, srv: 80, rt: 20, lost: 100, amt: 10000, code: 0, sales: 9000 },
    Z: { enq: 80, sdo: 30, ord: 40, fin: 5, sdp: 5, aov: 250, conv: 0.125, am: 90, bm: 100, rep: 72, srv: 80, rt: 40, lost: 1100, amt: 10000, code: 1, sales: 5000 },
  });
  const result = scorePeriod(csWeeklyKpi, {
    people: [
      { id: 'X', name: 'X' },
      { id: 'Y', name: 'Y' },
      { id: 'Z', name: 'Z' },
    ],
    entries: [
      ...entriesOf('X', { task_completion: 0.3 }),
      ...entriesOf('Y', { task_completion: 1 }),
      ...entriesOf('Z', { task_completion: 0.5 }),
      ...entriesOf(TEAM_PERSON_ID, { public_sales: 30000 }),
    ],
    weeks: ['2026-W14', '2026-W15', '2026-W16', '2026-W17'].map((key) => ({ key, entries: week })),
  });

  it('fails a net loss of more than 10 points and passes exactly 90', () => {
    expectPerson(personOf(result, 'X'), {
      indicators: { enquiry_ratio_score: -8, order_value_score: -4, sales_rank_score: 4, task_completion_score: -2 }, // −2×4; −1×4; 1×4; 30% ≤ 50%
      sections: { weekly: -40, monthly: -2 }, // −10 × 4
      total: 58, // 100 − 40 − 2
      grade: '不合格',
      rank: 3,
    });
    expect(csWeeklyKpi.grades.find((g) => g.label === personOf(result, 'X').grade)?.failing).toBe(true);
    expectPerson(personOf(result, 'Y'), {
      indicators: { order_rate_score: 12, loss_rate_score: 4, task_completion_score: 3 }, // 3×4; 1×4; 100% → +3
      sections: { weekly: 64, monthly: 3 }, // 16 × 4
      total: 167, // 100 + 64 + 3
      grade: '合格',
      rank: 1,
    });
    expectPerson(personOf(result, 'Z'), {
      indicators: { order_rate_score: 8, response_time_score: 0, order_value_score: 8 }, // 2×4 (= avg); 0 (= avg); 2×4
      sections: { weekly: -8, monthly: -2 }, // −2 × 4; 50% → −2
      total: 90, // 100 − 8 − 2
      grade: '合格', // 90 ≥ 90
      rank: 2,
    });
    expectNumber(personOf(result, 'Z').outputs['public_commission'], 50); // 30000 × 0.5% ÷ 3
  });
});
