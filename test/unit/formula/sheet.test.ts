import { describe, expect, it } from 'vitest';
import { compile, isRowInvariant } from '../../../src/formula/index';
import type { EvalContext, Value } from '../../../src/formula/index';
import { astOf, createSheet } from './sheet-fixture';

const team = createSheet({
  姓名: ['张三', '李四', '王五', '赵六', '钱七'],
  顾客下单率: [0.42, 0.38, 0.42, 0.51, null],
  客户满意度: [92, 86, 80, 79, 95],
  公共销售业绩总额: [200000, 200000, 200000, 200000, 200000],
});

describe('formulas over a real multi-row sheet', () => {
  it('reads the current row', () => {
    expect(team.column('IF([客户满意度]>=90,20,IF([客户满意度]>=85,10,IF([客户满意度]>=80,5,0)))')).toEqual([20, 10, 5, 0, 20]);
  });

  it('RANK.EQ over TEAM ranks the whole cohort, ties sharing the best rank', () => {
    const ranks = team.column('RANK.EQ([顾客下单率],TEAM([顾客下单率]))');
    expect(ranks.slice(0, 4)).toEqual([2, 4, 2, 1]);
    // A blank rate is not in the ranked numbers.
    expect(ranks[4]).toMatchObject({ type: 'error', code: '#N/A' });
  });

  it('TEAMSIZE is the cohort size', () => {
    expect(team.column('[公共销售业绩总额]*0.5%/TEAMSIZE()')).toEqual([200, 200, 200, 200, 200]);
  });

  it('compares a person with the team average (blank rates skipped)', () => {
    const average = (0.42 + 0.38 + 0.42 + 0.51) / 4;
    expect(team.column('AVERAGE(TEAM([顾客下单率]))')[0]).toBeCloseTo(average, 12);
    expect(team.column('IF([顾客下单率]<AVERAGE(TEAM([顾客下单率])),-1,0)')).toEqual([-1, -1, -1, 0, -1]);
  });

  it('MEDIAN, LARGE and COUNTIF over a team column', () => {
    expect(team.column('MEDIAN(TEAM([客户满意度]))')[0]).toBe(86);
    expect(team.column('LARGE(TEAM([客户满意度]),2)')[0]).toBe(92);
    expect(team.column('COUNTIF(TEAM([客户满意度]),">"&[客户满意度])+1')).toEqual([2, 3, 4, 5, 1]);
  });

  it('TEAM of something that is not a name is #VALUE!', () => {
    expect(team.column('SUM(TEAM(1))')[0]).toMatchObject({ code: '#VALUE!' });
  });

  it('TEAM of an unknown name is #NAME?', () => {
    expect(team.column('SUM(TEAM([nobody]))')[0]).toMatchObject({ code: '#NAME?', detail: 'nobody' });
  });
});

describe('row-invariant hoisting', () => {
  it('a team aggregate is computed once per pass across 1000 rows, and again after the epoch bump', () => {
    const size = 1000;
    const scores = Array.from({ length: size }, (_, i) => (i * 37) % 101);
    const sheet = createSheet({ score: scores });
    const formula = sheet.compile('[score]-AVERAGE(TEAM([score]))+MEDIAN(TEAM([score]))*0');
    const before = sheet.teamCalls();
    for (let row = 0; row < size; row++) formula(sheet.context(row));
    // Two separate invariant subtrees, each asks for the team column once.
    expect(sheet.teamCalls() - before).toBe(2);
    sheet.bumpEpoch();
    for (let row = 0; row < size; row++) formula(sheet.context(row));
    expect(sheet.teamCalls() - before).toBe(4);
  });

  it('counts the aggregate computation itself, not only the column fetch', () => {
    let computed = 0;
    const column: Value[] = [1, 2, 3];
    const columns = [column];
    const array = { type: 'array' as const, rows: 3, cols: 1, data: column };
    // A fresh context object per row is fine; the pass is told by epoch and the columns object.
    const contextFor = (row: number, epoch: number): EvalContext => ({
      row,
      columns,
      team: () => {
        computed += 1;
        return array;
      },
      teamSize: 3,
      epoch,
    });
    const formula = compile(astOf('[x]/SUM(TEAM([x]))'), { resolve: () => 0 });
    expect([0, 1, 2].map((row) => formula(contextFor(row, 7)))).toEqual([1 / 6, 2 / 6, 3 / 6]);
    expect(computed).toBe(1);
    formula(contextFor(0, 8));
    expect(computed).toBe(2);
  });

  it('a whole formula without row names is cached per pass too', () => {
    const sheet = createSheet({ score: [1, 2, 3] });
    const formula = sheet.compile('AVERAGE(TEAM([score]))');
    const before = sheet.teamCalls();
    expect([0, 1, 2].map((row) => formula(sheet.context(row)))).toEqual([2, 2, 2]);
    expect(sheet.teamCalls() - before).toBe(1);
  });

  it('two sheets sharing an epoch number do not share cached results', () => {
    const first = createSheet({ score: [1, 2, 3] });
    const second = createSheet({ score: [10, 20, 30] });
    const formula = first.compile('SUM(TEAM([score]))');
    expect(formula(first.context(0))).toBe(6);
    expect(formula(second.context(0))).toBe(60);
  });

  it('isRowInvariant tells formulas that are the same for everyone', () => {
    const resolve = () => 0;
    expect(isRowInvariant(astOf('AVERAGE(TEAM([x]))*TEAMSIZE()'), { resolve })).toBe(true);
    expect(isRowInvariant(astOf('[x]-AVERAGE(TEAM([x]))'), { resolve })).toBe(false);
    expect(isRowInvariant(astOf('1+2'), { resolve })).toBe(true);
  });
});

describe('compiled formulas', () => {
  it('constant subtrees are folded at compile time', () => {
    const formula = compile(astOf('IF(1>2,1/0,ROUND(2.675,2))'), { resolve: () => undefined });
    const ctx: EvalContext = { row: 0, columns: [], team: () => { throw new Error('not read'); }, teamSize: 0, epoch: 0 };
    expect(formula(ctx)).toBe(2.68);
  });

  it('the same compiled formula gives each row its own value', () => {
    const sheet = createSheet({ a: [1, 2, 3], b: [10, 20, 30] });
    expect(sheet.column('[a]*0.3+[b]*0.7')).toEqual([7.3, 14.6, 21.9]);
    expect(sheet.column('MAX(0,30-2*[a]-2*[b])')).toEqual([8, 0, 0]);
  });

  it('a row past the end of a column reads as blank', () => {
    const sheet = createSheet({ a: [1, 2, 3] });
    const formula = sheet.compile('[a]+1');
    expect(formula({ ...sheet.context(0), row: 10 })).toBe(1);
  });

  it('a call whose arguments reuse a buffer still gives correct nested results', () => {
    const sheet = createSheet({ a: [1, 5, 9] });
    expect(sheet.column('MAX(MIN([a],4),MAX([a]-6,2))')).toEqual([2, 4, 4]);
  });

  it('RANK.EQ sorts a team column once and binary-searches it per row', () => {
    const size = 20000;
    const values = Array.from({ length: size }, (_, i) => (i * 7919) % size);
    const sheet = createSheet({ v: values });
    const ranks = sheet.column('RANK.EQ([v],TEAM([v]))');
    expect(ranks[0]).toBe(size);
    expect(new Set(ranks).size).toBe(size);
  });
});
