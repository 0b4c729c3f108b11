import { describe, expect, it } from 'vitest';
import { scorePeriod, describeExplanation, describeRoleDetails, ruleFormula } from '../../../src/scoring/index';
import type { Rule } from '../../../src/scoring/model';
import { entries, indicator, input, people, templateOf } from './fixtures';

/** Score one indicator with one input for a few people; returns scores by person. */
function scoreOne(rule: Rule, max: number, values: Record<string, number | string | boolean | null>, inputType: 'number' | 'percent' = 'number') {
  const template = templateOf([input('x', '指标值', { type: inputType })], [indicator('k', '得分', max, rule)]);
  const result = scorePeriod(template, { people: people(...Object.keys(values)), entries: entries(Object.fromEntries(Object.entries(values).map(([p, v]) => [p, { x: v }]))) });
  return { template, result, score: (p: string) => result.people.find((r) => r.personId === p)!.indicators.k!.score };
}

describe('rule kinds', () => {
  it('direct: the entered value is the score; without an input the indicator itself is entered', () => {
    const template = templateOf([], [indicator('attitude', '服务态度', 15, { kind: 'direct' })]);
    const result = scorePeriod(template, { people: people('a'), entries: entries({ a: { attitude: 13 } }) });
    expect(result.people[0]!.indicators.attitude!.score).toBe(13);
    expect(result.people[0]!.total).toBe(13);
  });

  it('scale: a 1–5 rating is scaled to the item points (4 of 5 on 20 pts is 16)', () => {
    const { score } = scoreOne({ kind: 'scale', input: '指标值', low: 1, high: 5 }, 20, { a: 4, b: 5, c: 1 });
    expect([score('a'), score('b'), score('c')]).toEqual([16, 20, 4]);
  });

  it('levels: 1级4分 … 5级20分; blank is 0; an unknown level is #N/A', () => {
    const rule: Rule = { kind: 'levels', input: '指标值', levels: [1, 2, 3, 4, 5].map((level) => ({ value: level, points: level * 4 })) };
    // b is rated (a note in another input) but left this level blank.
    const template = templateOf([input('x', '指标值'), input('note', '备注', { type: 'text' })], [indicator('k', '得分', 20, rule)]);
    const result = scorePeriod(template, { people: people('a', 'b', 'c'), entries: entries({ a: { x: 3 }, b: { note: '本月休假' }, c: { x: 7 } }) });
    const score = (p: string) => result.people.find((r) => r.personId === p)!.indicators.k!.score;
    expect(score('a')).toBe(12);
    expect(score('b')).toBe(0);
    expect(score('c')).toMatchObject({ code: '#N/A' });
  });

  it('levels with words: 优秀/良好/一般/不及格', () => {
    const rule: Rule = { kind: 'levels', input: '指标值', levels: [{ value: '优秀', points: 10 }, { value: '良好', points: 8 }, { value: '一般', points: 6 }, { value: '不及格', points: 0 }] };
    const template = templateOf([input('x', '指标值', { type: 'level', levels: ['优秀', '良好', '一般', '不及格'] })], [indicator('k', '得分', 10, rule)]);
    const result = scorePeriod(template, { people: people('a', 'b'), entries: entries({ a: { x: '良好' }, b: { x: '不及格' } }) });
    expect(result.people.map((p) => p.indicators.k!.score)).toEqual([8, 0]);
  });

  it('bands: inclusive and exclusive edges are honoured exactly at the boundary', () => {
    const rule: Rule = {
      kind: 'bands',
      input: '指标值',
      bands: [
        { from: 1, fromInclusive: false, to: null, toInclusive: false, points: 5, label: 'A' },
        { from: 0.9, fromInclusive: true, to: 1, toInclusive: true, points: 4, label: 'B' },
        { from: 0.8, fromInclusive: true, to: 0.9, toInclusive: false, points: 3, label: 'C' },
      ],
      otherwise: 1,
    };
    const { score, template } = scoreOne(rule, 5, { exactly100: 1, above100: 1.0001, exactly90: 0.9, below90: 0.8999, low: 0.5 }, 'percent');
    expect([score('exactly100'), score('above100'), score('exactly90'), score('below90'), score('low')]).toEqual([4, 5, 4, 3, 1]);
    expect(ruleFormula(template.sections[0]!.indicators[0]!, template)).toBe('IF([指标值]>100%,5,IF([指标值]>=90%,4,IF([指标值]>=80%,3,1)))');
  });

  it('bands: a gap the template leaves open gives #N/A', () => {
    const rule: Rule = {
      kind: 'bands',
      input: '指标值',
      bands: [
        { from: 90, fromInclusive: true, to: null, toInclusive: false, points: 20 },
        { from: null, fromInclusive: false, to: 80, toInclusive: false, points: 0 },
      ],
      otherwise: null,
    };
    const { score } = scoreOne(rule, 20, { a: 85, b: 79, c: 95 });
    expect(score('a')).toMatchObject({ code: '#N/A' });
    expect([score('b'), score('c')]).toEqual([0, 20]);
  });

  it('deduction floors at zero (每延时1次计扣2分)', () => {
    const template = templateOf(
      [input('late', '延时次数', { type: 'count' }), input('noplan', '未提出解决方案次数', { type: 'count' })],
      [indicator('k', '反馈及时率', 30, { kind: 'deduction', items: [{ input: '延时次数', penalty: 2 }, { input: '未提出解决方案次数', penalty: 2 }] })],
    );
    const result = scorePeriod(template, { people: people('a', 'b', 'c'), entries: entries({ a: { late: 3, noplan: 1 }, b: { late: 20 }, c: { noplan: 0 } }) });
    expect(result.people.map((p) => p.indicators.k!.score)).toEqual([22, 0, 30]);
    expect(describeExplanation(result.people[0]!.indicators.k!.explanation, { locale: 'zh-CN' })).toBe('30 − 2 × 3（延时次数） − 2 × 1（未提出解决方案次数） = 22');
    expect(describeExplanation(result.people[1]!.indicators.k!.explanation, { locale: 'en' })).toBe('30 − 2 × 20 (延时次数) − 2 × 0 (未提出解决方案次数) = 0, floored at 0');
  });

  it('ratio: capped at the max; lower-is-better inverts; a zero target is #DIV/0!', () => {
    const template = templateOf(
      [input('actual', '实际', {}), input('target', '目标', {})],
      [
        indicator('up', '达成', 10, { kind: 'ratio', actual: '实际', target: '目标', direction: 'higher' }),
        indicator('down', '费用', 5, { kind: 'ratio', actual: '实际', target: '目标', direction: 'lower' }),
      ],
    );
    const result = scorePeriod(template, { people: people('a', 'b', 'c'), entries: entries({ a: { actual: 80, target: 100 }, b: { actual: 120, target: 100 }, c: { actual: 5, target: 0 } }) });
    const [a, b, c] = result.people;
    expect(a!.indicators.up!.score).toBeCloseTo(8, 12);
    expect(a!.indicators.down!.score).toBe(5);
    expect(b!.indicators.up!.score).toBe(10);
    expect(b!.indicators.down!.score).toBeCloseTo((100 / 120) * 5, 12);
    expect(c!.indicators.up!.score).toMatchObject({ code: '#DIV/0!' });
    expect(c!.total).toMatchObject({ code: '#DIV/0!' });
    expect(c!.rank).toBeNull();
  });

  it('threshold: 旺旺回复率必须是100%, 低于扣1分', () => {
    const { score } = scoreOne({ kind: 'threshold', input: '指标值', op: '>=', value: 1, pass: 0, fail: -1 }, 0, { a: 1, b: 0.99 }, 'percent');
    expect([score('a'), score('b')]).toEqual([0, -1]);
  });

  it('rank: 1–3名加3/2/1分, ties share the rank, below the team average −1', () => {
    const rule: Rule = { kind: 'rank', input: '指标值', order: 'desc', points: [3, 2, 1], below: { reference: 'average', points: -1 } };
    // values 50, 40, 40, 30, 10 → average 34: ranks 1, 2, 2, 4, 5; 30 and 10 are below average.
    const { score, result } = scoreOne(rule, 3, { a: 50, b: 40, c: 40, d: 30, e: 10 });
    expect(['a', 'b', 'c', 'd', 'e'].map(score)).toEqual([3, 2, 2, -1, -1]);
    expect(describeExplanation(result.people[1]!.indicators.k!.explanation, { locale: 'zh-CN' })).toBe('团队第 2 名 → 2 分');
  });

  it('rank ascending with a fixed reference (低于店铺总客单价248.46扣1分 reads the other way for asc)', () => {
    const rule: Rule = { kind: 'rank', input: '指标值', order: 'asc', points: [3, 2, 1], below: { reference: 30, points: -1 } };
    const { score } = scoreOne(rule, 3, { a: 10, b: 20, c: 25, d: 40 });
    expect(['a', 'b', 'c', 'd'].map(score)).toEqual([3, 2, 1, -1]);
  });

  it('relative: slower than the team average is worse when lower is better', () => {
    const { score } = scoreOne({ kind: 'relative', input: '指标值', direction: 'lower', below: -1, otherwise: 0 }, 0, { a: 20, b: 30, c: 40 });
    expect(['a', 'b', 'c'].map(score)).toEqual([0, 0, -1]);
  });

  it('bonus: added outside the base; a value read from an unbounded input is capped at its range', () => {
    const template = templateOf(
      [input('x', '加分依据')],
      [
        indicator('base', '服务态度', 30, { kind: 'direct' }),
        indicator('extra', '出色表现', 5, { kind: 'bonus', min: 0, max: 5 }, { bonus: true }),
        indicator('more', '额外加分', 3, { kind: 'bonus', input: '加分依据', min: 0, max: 3 }, { bonus: true }),
      ],
    );
    const result = scorePeriod(template, { people: people('a', 'b'), entries: entries({ a: { base: 28, extra: 5, x: 8 }, b: { base: 20, extra: 2, x: 1 } }) });
    expect(result.people.map((p) => [p.indicators.extra!.score, p.indicators.more!.score, p.sections.s, p.bonus, p.total])).toEqual([
      [5, 3, 28, 8, 36],
      [2, 1, 20, 3, 23],
    ]);
  });

  it('formula: derived inputs and a formula rule (询单人数比 = 询单人数/接待人数)', () => {
    const template = templateOf(
      [input('served', '接待人数'), input('asked', '询单人数'), input('ratio', '询单人数比', { formula: '[询单人数]/[接待人数]', type: 'percent' })],
      [indicator('k', '询单', 10, { kind: 'formula', formula: '=IF([询单人数比]>=80%,10,5)' })],
    );
    const result = scorePeriod(template, { people: people('a', 'b'), entries: entries({ a: { served: 100, asked: 85 }, b: { served: 100, asked: 50 } }) });
    expect(result.people.map((p) => [p.derived.ratio, p.indicators.k!.score])).toEqual([
      [0.85, 10],
      [0.5, 5],
    ]);
    expect(describeExplanation(result.people[1]!.indicators.k!.explanation, { locale: 'zh-CN' })).toBe('=IF([询单人数比]>=80%,10,5)，其中 询单人数比 = 0.5 → 5');
  });
});

describe('sheet', () => {
  it('circular formulas become #CYCLE! and the rest of the sheet still scores', () => {
    const template = templateOf(
      [input('a', '甲', { formula: '[乙]+1' }), input('b', '乙', { formula: '[甲]+1' }), input('c', '丙')],
      [indicator('k1', '循环', 10, { kind: 'direct', input: '甲' }), indicator('k2', '正常', 10, { kind: 'direct', input: '丙' })],
    );
    const result = scorePeriod(template, { people: people('p'), entries: entries({ p: { c: 7 } }) });
    expect(result.people[0]!.derived.a).toMatchObject({ code: '#CYCLE!' });
    expect(result.people[0]!.indicators.k2!.score).toBe(7);
    expect(result.people[0]!.total).toMatchObject({ code: '#CYCLE!' });
  });

  it('grades follow the bands and ranks share ties (competition) or not (dense)', () => {
    const make = (rankTies: 'competition' | 'dense') => templateOf([], [indicator('k', '分', 100, { kind: 'direct' })], { rankTies });
    const values = { a: { k: 95 }, b: { k: 90 }, c: { k: 90 }, d: { k: 59.5 } };
    const competition = scorePeriod(make('competition'), { people: people('a', 'b', 'c', 'd'), entries: entries(values) });
    expect(competition.people.map((p) => [p.grade, p.rank])).toEqual([
      ['优秀', 1],
      ['优秀', 2],
      ['优秀', 2],
      ['不合格', 4],
    ]);
    const dense = scorePeriod(make('dense'), { people: people('a', 'b', 'c', 'd'), entries: entries(values) });
    expect(dense.people.map((p) => p.rank)).toEqual([1, 2, 2, 3]);
  });

  it('binary noise does not change a grade or split a tie (0.7 × 12 / 0.7 is 12)', () => {
    const template = templateOf([], [indicator('k', '分', 100, { kind: 'direct' })], {
      roles: [
        { role: 'self', weight: 0.3 },
        { role: 'supervisor', weight: 0.7 },
      ],
      grades: [
        { label: '达标', min: 12, minInclusive: true },
        { label: '未达标', min: null, minInclusive: true },
      ],
    });
    const result = scorePeriod(template, {
      people: people('a', 'b'),
      entries: [
        // a: only the supervisor rated; in binary 0.7 × 12 / 0.7 = 11.999999999999998.
        { personId: 'a', key: 'k', role: 'supervisor', value: 12 },
        { personId: 'b', key: 'k', role: 'self', value: 12 },
        { personId: 'b', key: 'k', role: 'supervisor', value: 12 },
      ],
    });
    expect(result.people.map((p) => [p.total, p.grade, p.rank])).toEqual([
      [12, '达标', 1],
      [12, '达标', 1],
    ]);
  });

  it('people on leave are not scored; temporary people are ranked and in averages but not graded', () => {
    const template = templateOf([input('x', '值')], [indicator('k', '分', 3, { kind: 'rank', input: '值', order: 'desc', points: [3, 2, 1] })]);
    const result = scorePeriod(template, {
      people: [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b', status: 'temporary' },
        { id: 'c', name: 'c', status: 'leave' },
        { id: 'd', name: 'd' },
      ],
      entries: entries({ a: { x: 10 }, b: { x: 30 }, c: { x: 99 }, d: { x: 20 } }),
    });
    const byId = Object.fromEntries(result.people.map((p) => [p.personId, p]));
    expect(byId.b!.indicators.k!.score).toBe(3);
    expect(byId.b!.rank).toBe(1);
    expect(byId.b!.grade).toBeNull();
    expect(byId.c).toMatchObject({ status: 'leave', total: null, grade: null, rank: null });
    expect(byId.d!.indicators.k!.score).toBe(2);
    expect(byId.a!.indicators.k!.score).toBe(1);
  });

  it('several raters: mean within a role, weighted across roles, a missing role is reported not zeroed', () => {
    const template = templateOf([], [indicator('k', '表现', 100, { kind: 'direct' })], {
      roles: [
        { role: 'self', weight: 0.3 },
        { role: 'supervisor', weight: 0.5 },
        { role: 'peer', weight: 0.2 },
      ],
    });
    const result = scorePeriod(template, {
      people: people('a', 'b'),
      entries: [
        { personId: 'a', key: 'k', role: 'self', value: 90 },
        { personId: 'a', key: 'k', role: 'supervisor', value: 80 },
        { personId: 'a', key: 'k', role: 'peer', rater: '张三', value: 70 },
        { personId: 'a', key: 'k', role: 'peer', rater: '李四', value: 90 },
        // b: no self-rating
        { personId: 'b', key: 'k', role: 'supervisor', value: 60 },
        { personId: 'b', key: 'k', role: 'peer', value: 80 },
      ],
    });
    const [a, b] = result.people;
    // a: 0.3×90 + 0.5×80 + 0.2×mean(70,90) = 27 + 40 + 16 = 83
    expect(a!.indicators.k!.score).toBeCloseTo(83, 12);
    expect(a!.indicators.k!.missingRoles).toEqual([]);
    // b: (0.5×60 + 0.2×80) / 0.7 = 46/0.7
    expect(b!.indicators.k!.score).toBeCloseTo(46 / 0.7, 12);
    expect(b!.indicators.k!.missingRoles).toEqual(['self']);
    expect(describeExplanation(b!.indicators.k!.explanation, { locale: 'zh-CN' })).toBe('上级 60 × 71.43% + 平级 80 × 28.57% = 65.71（缺少：自评）');
  });

  it('a multi-rater explanation says which band each rater\'s value fell in', () => {
    const template = templateOf(
      [input('x', '完成率', { type: 'percent' })],
      [
        indicator('k', '流程', 20, {
          kind: 'bands',
          input: '完成率',
          bands: [
            { from: 0.9, fromInclusive: true, to: null, toInclusive: false, points: 20 },
            { from: 0.85, fromInclusive: true, to: 0.9, toInclusive: false, points: 10 },
          ],
          otherwise: 0,
        }),
      ],
      { roles: [{ role: 'self', weight: 0.3 }, { role: 'supervisor', weight: 0.7 }] },
    );
    const result = scorePeriod(template, {
      people: people('a'),
      entries: [
        { personId: 'a', key: 'x', role: 'self', value: 0.84 },
        { personId: 'a', key: 'x', role: 'supervisor', value: 0.99 },
      ],
    });
    const indicatorDef = template.sections[0]!.indicators[0]!;
    const explanation = result.people[0]!.indicators.k!.explanation;
    expect(describeExplanation(explanation, { locale: 'zh-CN', template, indicator: indicatorDef })).toBe('自评 0 × 30% + 上级 20 × 70% = 14');
    expect(describeRoleDetails(explanation, { locale: 'zh-CN', template, indicator: indicatorDef })).toBe('自评：84% 不在任何区间 → 0；上级：99% 在区间 ≥90% → 20 分');
  });

  it('a change to one input recomputes exactly what a full evaluation gives', () => {
    const template = templateOf(
      [input('x', '值'), input('y', '次数', { type: 'count' }), input('team', '团队总额', { scope: 'team' })],
      [
        indicator('r', '排名分', 3, { kind: 'rank', input: '值', order: 'desc', points: [3, 2, 1], below: { reference: 'average', points: -1 } }),
        indicator('d', '扣分', 10, { kind: 'deduction', items: [{ input: '次数', penalty: 3 }] }),
      ],
      { outputs: [{ id: 'o', name: '提成', formula: '[团队总额]*0.5%/TEAMSIZE()' }] },
    );
    const names = ['a', 'b', 'c', 'd', 'e'];
    const base = entries({ a: { x: 5, y: 1 }, b: { x: 9 }, c: { x: 7, y: 4 }, d: { x: 1 }, e: { x: 3, y: 2 } });
    const team = [{ personId: '@team', key: 'team', role: 'supervisor' as const, value: 10000 }];
    const scored = scorePeriod(template, { people: people(...names), entries: [...base, ...team] });
    scored.sheet.set({ personId: 'd', key: 'x', role: 'supervisor', value: 10 });
    scored.sheet.set({ personId: 'c', key: 'y', role: 'supervisor', value: null });
    scored.sheet.set({ personId: '@team', key: 'team', role: 'supervisor', value: 20000 });
    const changed = [...base.filter((e) => !(e.personId === 'd' && e.key === 'x') && !(e.personId === 'c' && e.key === 'y')), { personId: 'd', key: 'x', role: 'supervisor' as const, value: 10 }];
    const fresh = scorePeriod(template, { people: people(...names), entries: [...changed, { ...team[0]!, value: 20000 }] });
    expect(scored.sheet.columns).toEqual(fresh.sheet.columns);
    expect(fresh.people.find((p) => p.personId === 'd')!.rank).toBe(1);
    expect(fresh.people[0]!.outputs.o).toBeCloseTo(20, 12);
  });
});
