// Golden test: 服务员考核评分表 (seed 001). 出勤率 = MIN(实际/应出勤, 1) × 10; four direct items
// (20/30/20/15); 出色表现 is a bonus clamped to 0..5, outside the section, added to the total.
import { describe, it } from 'vitest';
import { scorePeriod } from '../../../../src/scoring/index';
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
    people: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, name: id })),
    entries: [
      ...sheet('p1', 22, 22, 20, 30, 20, 15, 7),
      ...sheet('p2', 23, 22, 18, 27, 18, 13, 4),
      ...sheet('p3', 20, 22, 15, 25, 15, 10, -2),
      ...sheet('p4', 11, 22, 12, 20, 12, 9, 2),
      ...sheet('p5', 0, 22, 10, 15, 10, 8, 0),
      ...sheet('p6', 23, 22, 18, 27, 18, 13, 4),
    ],
  });

  it('caps the bonus at 5 and keeps it out of the section', () => {
    expectPerson(personOf(result, 'p1'), {
      indicators: { attendance: 10, outstanding: 5 }, // 22/22 × 10; 7 → capped at 5
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

  it('floors a negative bonus at 0', () => {
    expectPerson(personOf(result, 'p3'), {
      indicators: { attendance: 100 / 11, outstanding: 0 }, // 20/22 × 10 = 9.0909…; −2 → 0
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
});
