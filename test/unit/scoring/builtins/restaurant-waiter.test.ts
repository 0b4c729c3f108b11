// Golden test: 餐厅服务员考核评分表 (seed 001), as its table reads: each item is scored directly,
// 0 to its points — 出勤率 10, 服务态度 15, 沟通能力 15, 应变能力 15, 团队合作 10, 工作效率 15,
// 知识掌握 10, 卫生和整洁 10 — and the total is their sum (100 at most). Worked by hand below.
import { describe, expect, it } from 'vitest';
import { describeExplanation, scorePeriod } from '../../../../src/scoring/index';
import { isInvalidEntry } from '../../../../src/scoring/sheet';
import { restaurantWaiter } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

const IDS = ['attendance', 'attitude', 'communication', 'adaptability', 'teamwork', 'efficiency', 'knowledge', 'hygiene'] as const;

function points(personId: string, values: readonly (number | null)[]) {
  return entriesOf(personId, Object.fromEntries(IDS.map((id, i) => [id, values[i] ?? null])));
}

describe('餐厅服务员考核评分表', () => {
  const result = scorePeriod(restaurantWaiter, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((id) => ({ id, name: id })),
    entries: [
      ...points('p1', [10, 15, 15, 15, 10, 15, 10, 10]),
      ...points('p2', [10, 14, 13, 12, 9, 14, 8, 10]),
      ...points('p3', [8, 12, 11.5, 10, 7, 12, 6, 9]),
      ...points('p4', [6, 9, 9, 9, 6, 9, 6, 6]),
      ...points('p5', [5, 8, 8, 7, 5, 8, 5, 6]),
      // 服务态度 typed as 16: more than its 15 points.
      ...points('p6', [10, 16, 13, 12, 9, 14, 8, 10]),
      // p7: nothing entered yet.
    ],
  });

  it('the points given are the score: full marks are 100', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { attendance: 10, attitude: 15, communication: 15, knowledge: 10 },
      sections: { items: 100 }, // 10 + 15 + 15 + 15 + 10 + 15 + 10 + 10
      total: 100,
      grade: '优秀',
      rank: 1,
    });
  });

  it('a 14 on a 15-point item is 14 points, not a rating scaled to 21', () => {
    expectPerson(personOf(result, 'p2'), {
      indicators: { attitude: 14, efficiency: 14 },
      total: 90, // 10 + 14 + 13 + 12 + 9 + 14 + 8 + 10
      grade: '优秀', // 90 ≥ 90
      rank: 2,
    });
  });

  it('half points count, and the seed’s 70–89 and 60–69 bands have no gaps', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { communication: 11.5 },
      total: 75.5, // 8 + 12 + 11.5 + 10 + 7 + 12 + 6 + 9
      grade: '良好',
      rank: 3,
    });
    expectPerson(personOf(result, 'p4'), {
      total: 60, // 6 + 9 + 9 + 9 + 6 + 9 + 6 + 6
      grade: '合格', // exactly 60
      rank: 4,
    });
    expectPerson(personOf(result, 'p5'), {
      total: 52, // 5 + 8 + 8 + 7 + 5 + 8 + 5 + 6
      grade: '不合格',
      rank: 5,
    });
  });

  it('16 on the 15-point 服务态度 does not fit: it scores nothing, the total is incomplete', () => {
    const p6 = personOf(result, 'p6');
    expect(isInvalidEntry(p6.indicators.attitude!.score)).toBe(true);
    expect(isInvalidEntry(p6.total)).toBe(true);
    expect([p6.grade, p6.rank]).toEqual([null, null]);
    expect(describeExplanation(p6.indicators.attitude!.explanation, { locale: 'zh-CN' })).toBe('服务态度 录入 16：不能大于 15，不计分');
  });

  it('a waiter nobody has rated yet is 未评', () => {
    const p7 = personOf(result, 'p7');
    expect([p7.rated, p7.total, p7.grade, p7.rank]).toEqual([false, null, null, null]);
  });

  it('says in its description how the seed is read', () => {
    expect(restaurantWaiter.description).toContain('每项由评分人直接打0至该项满分');
    expect(restaurantWaiter.description).toContain('"每项指标的评分范围为1-10分"');
    expect(restaurantWaiter.inputs).toEqual([]);
    expect(restaurantWaiter.sections[0]!.indicators.map((i) => [i.name, i.max, i.rule.kind])).toEqual([
      ['出勤率', 10, 'direct'],
      ['服务态度', 15, 'direct'],
      ['沟通能力', 15, 'direct'],
      ['应变能力', 15, 'direct'],
      ['团队合作', 10, 'direct'],
      ['工作效率', 15, 'direct'],
      ['知识掌握', 10, 'direct'],
      ['卫生和整洁', 10, 'direct'],
    ]);
  });
});
