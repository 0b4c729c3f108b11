// Golden test: 服务员考核评分表 (seed 001). 出勤率 = MIN(实际/应出勤, 1) × 10; four direct items
// (20/30/20/15); 出色表现 is a bonus of 0..5, outside the section, added to the total. A bonus
// entered outside 0..5 is flagged and scores nothing; a blank row is 未评, not 0 or #DIV/0!.
import { describe, expect, it } from 'vitest';
import { describeExplanation, scorePeriod } from '../../../../src/scoring/index';
import { isInvalidEntry } from '../../../../src/scoring/sheet';
import { waiter } from '../../../../src/scoring/builtins';
import { entriesOf, expectPerson, personOf } from './helpers';

function sheet(personId: string, attended: number, due: number, k: number, a: number, t: number, d: number, bonus: number) {
  return entriesOf(personId, {
    days_attended: attended,
    days_due: due,
    knowledge: k,
    attitude: a,
    teamwork: t,
    discipline: d,
    outstanding: bonus,
  });
}

describe('服务员考核评分表', () => {
  const result = scorePeriod(waiter, {
    people: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'].map((id) => ({ id, name: id })),
    entries: [
      ...sheet('p1', 22, 22, 20, 30, 20, 15, 5),
      ...sheet('p2', 23, 22, 18, 27, 18, 13, 4),
      ...sheet('p3', 20, 22, 15, 25, 15, 10, 0),
      ...sheet('p4', 11, 22, 12, 20, 12, 9, 2),
      ...sheet('p5', 0, 22, 10, 15, 10, 8, 0),
      ...sheet('p6', 23, 22, 18, 27, 18, 13, 4),
      // p7 as p1, but 出色表现 typed as 7 (the seed allows at most 5); p8 −2 (below 0).
      ...sheet('p7', 22, 22, 20, 30, 20, 15, 7),
      ...sheet('p8', 20, 22, 15, 25, 15, 10, -2),
      // p9: nothing entered yet.
    ],
  });

  it('adds a full bonus of 5 outside the section', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { attendance: 10, outstanding: 5 }, // 22/22 × 10
      sections: { items: 95 }, // 10 + 20 + 30 + 20 + 15 (bonus excluded)
      bonus: 5,
      total: 100, // 95 + 5
      grade: '优秀',
      rank: 1,
    });
  });

  it('caps attendance above 100% and ranks a tie as 2, 2, then 4', () => {
    for (const id of ['p2', 'p6']) {
      expectPerson(personOf(result, id), {
        indicators: { attendance: 10, outstanding: 4 }, // 23/22 > 1 → capped at 1 → 10
        sections: { items: 86 }, // 10 + 18 + 27 + 18 + 13
        bonus: 4,
        total: 90, // 86 + 4
        grade: '优秀', // 90 ≥ 90
        rank: 2, // tied with each other behind 100
      });
    }
  });

  it('scores attendance in proportion, a bonus of 0 adds nothing', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { attendance: 100 / 11, outstanding: 0 }, // 20/22 × 10 = 9.0909…
      sections: { items: 100 / 11 + 65 }, // 9.0909… + 15 + 25 + 15 + 10 = 74.0909…
      bonus: 0,
      total: 100 / 11 + 65, // 74.0909…
      grade: '良好',
      rank: 4, // after 100, 90, 90
    });
  });

  it('grades exactly 60 as 合格', () => {
    expectPerson(personOf(result, 'p4'), {
      indicators: { attendance: 5 }, // 11/22 × 10
      sections: { items: 58 }, // 5 + 12 + 20 + 12 + 9
      bonus: 2,
      total: 60, // 58 + 2
      grade: '合格',
      rank: 5,
    });
    expectPerson(personOf(result, 'p5'), {
      indicators: { attendance: 0 }, // 0/22
      total: 43, // 0 + 10 + 15 + 10 + 8 + 0
      grade: '不合格',
      rank: 6,
    });
  });

  it('a bonus outside 0..5 is flagged and scores nothing: the total is incomplete, with no grade or rank', () => {
    for (const [id, value, problem] of [['p7', 7, '不能大于 5'], ['p8', -2, '不能小于 0']] as const) {
      const person = personOf(result, id);
      expect(isInvalidEntry(person.indicators.outstanding!.score)).toBe(true);
      expect(isInvalidEntry(person.total)).toBe(true);
      expect([person.grade, person.rank]).toEqual([null, null]);
      expect(person.invalid).toMatchObject([{ key: 'outstanding', name: '出色表现', value }]);
      expect(describeExplanation(person.indicators.outstanding!.explanation, { locale: 'zh-CN' })).toBe(`出色表现 录入 ${value}：${problem}，不计分`);
      // The valid items still show their points.
      expect(person.sections.items).toBeTypeOf('number');
    }
  });

  it('a person with nothing entered is 未评: no #DIV/0!, no total, grade or rank', () => {
    const person = personOf(result, 'p9');
    expect(person.rated).toBe(false);
    expect(person.indicators.attendance!.score).toBeNull();
    expect([person.total, person.grade, person.rank]).toEqual([null, null, null]);
    // Ranks are of the seven people with a complete total: 100, 90, 90, 74.09…, 60, 43.
    expect(result.people.map((p) => p.rank)).toEqual([1, 2, 4, 5, 6, 2, null, null, null]);
  });
});
