// The counts the sheet's and the dashboard's summary lines show: people not rated yet and totals
// that are incomplete are said, never counted in the ranking or the average.
import { describe, expect, it } from 'vitest';
import { periodCounts, sheetCounts } from '../../../src/scoring/summary';
import { scorePeriod } from '../../../src/scoring/score';
import { entries, indicator, input, templateOf } from './fixtures';

describe('period counts', () => {
  const template = templateOf([input('x', '得分', { min: 0, max: 100 })], [indicator('k', '得分项', 100, { kind: 'direct', input: '得分' })]);
  const people = [
    { id: 'a', name: 'a' },
    { id: 'b', name: 'b' },
    { id: 'c', name: 'c' },
    { id: 'd', name: 'd' },
    { id: 'temp', name: 'temp', status: 'temporary' as const },
    { id: 'away', name: 'away', status: 'leave' as const },
  ];
  // a 90, b 70, c typed 120 (above 100: incomplete), d nothing yet, temp 50, away on leave.
  const scored = scorePeriod(template, { people, entries: entries({ a: { x: 90 }, b: { x: 70 }, c: { x: 120 }, temp: { x: 50 }, away: { x: 99 } }) });

  it('a person not rated and an incomplete total are counted as such, not ranked, not averaged', () => {
    expect(periodCounts(scored.people)).toEqual({
      people: 6,
      assessed: 4,
      temporary: 1,
      leave: 1,
      unrated: 1,
      incomplete: 1,
      ranked: 3, // a, b and temp (temporary cover is ranked)
      average: 80, // (90 + 70) / 2: assessed people with a total
      averaged: 2,
    });
  });

  it('read from the sheet the same as from the results', () => {
    expect(sheetCounts(scored.sheet)).toEqual(periodCounts(scored.people));
  });
});
