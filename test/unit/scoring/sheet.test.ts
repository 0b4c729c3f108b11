// Two rules every view of a score shares, pinned on the engine: a person with nothing entered is
// 未评 (not rated) and scores nothing; a value that does not fit its input scores nothing either,
// and says so. Typing (sheet.set) gives the same sheet as scoring from scratch.
import { describe, expect, it } from 'vitest';
import { compileTemplate, createSheet, describeExplanation, scorePeriod } from '../../../src/scoring/index';
import { isInvalidEntry } from '../../../src/scoring/sheet';
import type { SheetEntry } from '../../../src/scoring/sheet-types';
import { entries, indicator, input, people, templateOf } from './fixtures';

/** 完成率 ratio (actual ÷ target × 40), a 1–5 rating scaled to 40, a rank bonus on 销量, 出色表现 0–5. */
const template = templateOf(
  [
    input('actual', '实际'),
    input('target', '目标'),
    input('rating', '态度评分', { type: 'level', levels: [1, 2, 3, 4, 5] }),
    input('sales', '销量'),
  ],
  [
    indicator('done', '完成率', 40, { kind: 'ratio', actual: '实际', target: '目标', direction: 'higher' }),
    indicator('attitude', '服务态度', 40, { kind: 'scale', input: '态度评分', low: 1, high: 5 }),
    indicator('top', '销量排名', 20, { kind: 'rank', input: '销量', order: 'desc', points: [20, 10] }),
    indicator('extra', '出色表现', 5, { kind: 'bonus', min: 0, max: 5 }, { bonus: true }),
  ],
);

const values = {
  a: { actual: 90, target: 100, rating: 4, sales: 30, extra: 2 },
  b: { actual: 100, target: 100, rating: 5, sales: 20 },
  c: { actual: 80, target: 100, rating: 3, sales: 10 },
};

function totals(result: ReturnType<typeof scorePeriod>) {
  return result.people.map((p) => [p.personId, p.rated, p.total, p.grade, p.rank]);
}

describe('未评: a person with nothing entered', () => {
  const result = scorePeriod(template, { people: people('a', 'b', 'c', 'new'), entries: entries(values) });

  it('has no score, total, grade or rank, and no #DIV/0! for the blank ratio', () => {
    const fresh = result.people[3]!;
    expect(fresh.rated).toBe(false);
    expect(Object.values(fresh.indicators).map((i) => i.score)).toEqual([null, null, null, null]);
    expect(Object.values(fresh.sections)).toEqual([null]);
    expect([fresh.total, fresh.grade, fresh.rank]).toEqual([null, null, null]);
  });

  it('is not in the ranking: the others rank 1, 2, 3, as without them', () => {
    // a: 36 + 32 + 20 + 2 = 90; b: 40 + 40 + 10 = 90; c: 32 + 24 + 0 = 56.
    expect(totals(result)).toEqual([
      ['a', true, 90, '优秀', 1],
      ['b', true, 90, '优秀', 1],
      ['c', true, 56, '不合格', 3],
      ['new', false, null, null, null],
    ]);
    const without = scorePeriod(template, { people: people('a', 'b', 'c'), entries: entries(values) });
    expect(totals(without)).toEqual(totals(result).slice(0, 3));
  });

  it('becomes rated with the first value typed, and 未评 again when it is cleared', () => {
    const compiled = compileTemplate(template);
    const sheet = createSheet(compiled, { people: people('a', 'b', 'c', 'new'), entries: entries(values) });
    const row = sheet.rowOf.get('new')!;
    sheet.set({ personId: 'new', key: 'sales', role: 'supervisor', value: 40 });
    expect(sheet.isRated(row)).toBe(true);
    // Rated with only 销量: first in sales (20 points); a drops to 10 and b to 0, so a and b tie at 80.
    expect(sheet.columns[compiled.indicators[2]!.finalSlot]).toEqual([10, 0, 0, 20]);
    expect(sheet.columns[compiled.totalSlot]!.slice(0, 3)).toEqual([80, 80, 56]);
    // The ratio of a rated row with a blank target is an error, as in Excel: no total, no rank.
    expect(sheet.columns[compiled.indicators[0]!.finalSlot]![row]).toMatchObject({ code: '#DIV/0!' });
    expect(sheet.columns[compiled.rankSlot]).toEqual([1, 1, 3, null]);
    sheet.set({ personId: 'new', key: 'sales', role: 'supervisor', value: null });
    expect(sheet.isRated(row)).toBe(false);
    expect(sheet.columns[compiled.totalSlot]![row]).toBeNull();
    expect(sheet.columns[compiled.rankSlot]).toEqual([1, 1, 3, null]);
  });
});

describe('a value that does not fit its input scores nothing', () => {
  const wrong: SheetEntry[] = [
    ...entries({ a: { ...values.a, extra: 7 }, b: values.b, c: { ...values.c, rating: 14, sales: 'abc' } }),
  ];
  const result = scorePeriod(template, { people: people('a', 'b', 'c'), entries: wrong });
  const [a, b, c] = result.people;

  it('出色表现 7 (at most 5): the bonus is invalid, the total incomplete, no grade or rank', () => {
    expect(isInvalidEntry(a!.indicators.extra!.score)).toBe(true);
    expect(isInvalidEntry(a!.total)).toBe(true);
    expect([a!.grade, a!.rank]).toEqual([null, null]);
    expect(a!.invalid).toEqual([{ key: 'extra', name: '出色表现', role: 'supervisor', value: 7, problem: { code: 'aboveMax', max: 5 } }]);
    expect(describeExplanation(a!.indicators.extra!.explanation, { locale: 'en' })).toBe('出色表现 entered as 7: Should not be above 5; it scores nothing');
    // The other indicators still show what they are worth.
    expect(a!.indicators.done!.score).toBe(36);
  });

  it('a rating 14 on a 1–5 scale does not score 112 of 40, and text in a number does not rank', () => {
    expect(isInvalidEntry(c!.indicators.attitude!.score)).toBe(true);
    expect(isInvalidEntry(c!.indicators.top!.score)).toBe(true);
    expect(c!.invalid.map((v) => [v.name, v.problem.code])).toEqual([
      ['态度评分', 'notLevel'],
      ['销量', 'notNumber'],
    ]);
  });

  it('the team reads an invalid value as blank: c is not in the sales ranking, b is the only one ranked', () => {
    expect([a!.indicators.top!.score, b!.indicators.top!.score]).toEqual([20, 10]);
    expect([b!.total, b!.rank]).toEqual([90, 1]);
  });

  it('a formula that hides errors (IFERROR) still cannot score it', () => {
    const hiding = templateOf([input('x', '评分', { type: 'number', min: 0, max: 10 })], [indicator('k', '得分', 10, { kind: 'formula', formula: 'IFERROR([评分],10)' })]);
    const scored = scorePeriod(hiding, { people: people('p'), entries: entries({ p: { x: 12 } }) });
    expect(isInvalidEntry(scored.people[0]!.indicators.k!.score)).toBe(true);
  });

  it('correcting the value scores it; typing gives the same sheet as scoring from scratch', () => {
    const compiled = compileTemplate(template);
    const sheet = createSheet(compiled, { people: people('a', 'b', 'c'), entries: wrong });
    sheet.set({ personId: 'a', key: 'extra', role: 'supervisor', value: 2 });
    sheet.set({ personId: 'c', key: 'rating', role: 'supervisor', value: 3 });
    sheet.set({ personId: 'c', key: 'sales', role: 'supervisor', value: 10 });
    const fresh = createSheet(compiled, { people: people('a', 'b', 'c'), entries: entries(values) });
    expect(sheet.columns).toEqual(fresh.columns);
    expect([0, 1, 2].map((row) => sheet.invalidEntries(row).length)).toEqual([0, 0, 0]);
    // And back: a value that does not fit, typed, is flagged at once.
    sheet.set({ personId: 'b', key: 'rating', role: 'supervisor', value: 6 });
    expect(isInvalidEntry(sheet.columns[compiled.totalSlot]![1])).toBe(true);
    expect(sheet.invalidEntries(1)).toMatchObject([{ value: 6, problem: { code: 'notLevel' } }]);
    expect(sheet.enteredAt(compiled.rawSlots.get('supervisor|rating')!, 1)).toBe(6);
  });

  it('one rater of two whose value does not fit makes the cell invalid; the mean of the others is not taken', () => {
    const two: SheetEntry[] = [
      { personId: 'a', key: 'rating', role: 'supervisor', rater: '赵', value: 4 },
      { personId: 'a', key: 'rating', role: 'supervisor', rater: '钱', value: 9 },
    ];
    const scored = scorePeriod(template, { people: people('a'), entries: two });
    expect(isInvalidEntry(scored.people[0]!.indicators.attitude!.score)).toBe(true);
    expect(scored.people[0]!.invalid).toMatchObject([{ value: 9 }]);
  });
});

describe('scale rules clamp like the other rules', () => {
  it('a rating above the scale scores the max when the input allows it, and nothing when it does not', () => {
    const open = templateOf([input('x', '评分')], [indicator('k', '得分', 20, { kind: 'scale', input: '评分', low: 1, high: 5 })]);
    const bounded = templateOf([input('x', '评分', { type: 'level', levels: [1, 2, 3, 4, 5] })], [indicator('k', '得分', 20, { kind: 'scale', input: '评分', low: 1, high: 5 })]);
    const openScores = scorePeriod(open, { people: people('a', 'b'), entries: entries({ a: { x: 6 }, b: { x: 4 } }) }).people.map((p) => p.indicators.k!.score);
    expect(openScores).toEqual([20, 16]);
    const boundedScores = scorePeriod(bounded, { people: people('a', 'b'), entries: entries({ a: { x: 6 }, b: { x: 4 } }) }).people.map((p) => p.indicators.k!.score);
    expect(isInvalidEntry(boundedScores[0])).toBe(true);
    expect(boundedScores[1]).toBe(16);
  });
});
