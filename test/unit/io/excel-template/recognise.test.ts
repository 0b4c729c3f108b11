// Shape recognition: each common Excel shape becomes its no-code rule, and only when the rule
// computes the same values; anything else stays a formula.
import { describe, expect, it } from 'vitest';
import { parse, type Node } from '../../../../src/formula/index';
import { recogniseCombination, recogniseGrades, recogniseRule, type Scope } from '../../../../src/io/excel-template/recognise';

function ast(text: string): Node {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}

const rule = (text: string, max?: number, scopes: Scope[] = []) => recogniseRule(ast(text), { ...(max === undefined ? {} : { max }), scopes });

describe('recogniseRule', () => {
  it('nested IF on descending thresholds → bands with inclusive lower edges, otherwise from the last else', () => {
    const found = rule('IF([客户满意度]>=90,20,IF([客户满意度]>=85,10,IF([客户满意度]>=80,5,0)))');
    expect(found.rule).toEqual({
      kind: 'bands',
      input: '客户满意度',
      bands: [
        { from: 90, fromInclusive: true, to: null, toInclusive: false, points: 20 },
        { from: 85, fromInclusive: true, to: 90, toInclusive: false, points: 10 },
        { from: 80, fromInclusive: true, to: 85, toInclusive: false, points: 5 },
      ],
      otherwise: 0,
    });
    expect(found.max).toBe(20);
  });

  it('ascending < chains and exclusive > edges keep their edges', () => {
    expect(rule('IF([x]<80%,0,IF([x]<85%,5,IF([x]<90%,10,20)))').rule).toEqual({
      kind: 'bands',
      input: 'x',
      bands: [
        { from: null, fromInclusive: false, to: 0.8, toInclusive: false, points: 0 },
        { from: 0.8, fromInclusive: true, to: 0.85, toInclusive: false, points: 5 },
        { from: 0.85, fromInclusive: true, to: 0.9, toInclusive: false, points: 10 },
      ],
      otherwise: 20,
    });
    const exclusive = rule('IF([达成率]>100%,20,IF([达成率]>90%,15,0))').rule;
    expect(exclusive.kind === 'bands' && exclusive.bands[1]).toEqual({ from: 0.9, fromInclusive: false, to: 1, toInclusive: true, points: 15 });
  });

  it('AND ranges in any order → bands', () => {
    const found = rule('IF(AND([x]>=85,[x]<90),10,IF([x]>=90,20,0))').rule;
    expect(found.kind).toBe('bands');
    expect(found.kind === 'bands' && found.bands.map((b) => [b.from, b.to, b.points])).toEqual([
      [85, 90, 10],
      [90, null, 20],
    ]);
  });

  it('IFS with a final TRUE → bands', () => {
    expect(rule('IFS([x]>=90,20,[x]>=80,10,TRUE,0)').rule.kind).toBe('bands');
  });

  it('one IF on a threshold → threshold (旺旺回复率 低于100%扣1分)', () => {
    expect(rule('IF([旺旺回复率]>=1,0,-1)').rule).toEqual({ kind: 'threshold', input: '旺旺回复率', op: '>=', value: 1, pass: 0, fail: -1 });
    expect(rule('IF(100%<=[旺旺回复率],0,-1)').rule).toEqual({ kind: 'threshold', input: '旺旺回复率', op: '>=', value: 1, pass: 0, fail: -1 });
  });

  it('MAX(0, N − a×[x] − b×[y]) and its IF forms → deduction', () => {
    const expected = { kind: 'deduction', items: [{ input: '延时次数', penalty: 2 }, { input: '未提出解决方案次数', penalty: 2 }], floor: 0 };
    expect(rule('MAX(0,30-2*[延时次数]-2*[未提出解决方案次数])')).toEqual({ rule: expected, max: 30 });
    expect(rule('MAX(30-[延时次数]*2-[未提出解决方案次数]*2,0)').rule).toEqual(expected);
    expect(rule('IF(30-2*[延时次数]-2*[未提出解决方案次数]<0,0,30-2*[延时次数]-2*[未提出解决方案次数])').rule).toEqual(expected);
  });

  it('a deduction whose start differs from the stated max writes the start out', () => {
    expect(rule('MAX(0,20-5*[延迟天数])', 30).rule).toEqual({ kind: 'deduction', items: [{ input: '延迟天数', penalty: 5 }], start: 20, floor: 0 });
  });

  it('[x]/5*20 → scale; [x]*4 only with a stated max', () => {
    expect(rule('[评分]/5*20')).toEqual({ rule: { kind: 'scale', input: '评分', low: 0, high: 5 }, max: 20 });
    expect(rule('[评分]*4', 20)).toEqual({ rule: { kind: 'scale', input: '评分', low: 0, high: 5 }, max: 20 });
    expect(rule('[评分]*4').rule.kind).toBe('formula');
  });

  it('CHOOSE, SWITCH, exact INDEX/MATCH and LOOKUP on whole levels → levels', () => {
    const levels = [1, 2, 3, 4, 5].map((value) => ({ value, points: value * 4 }));
    expect(rule('CHOOSE([以客户为中心等级],4,8,12,16,20)')).toEqual({ rule: { kind: 'levels', input: '以客户为中心等级', levels }, max: 20 });
    expect(rule('INDEX({4;8;12;16;20},MATCH([lvl],{1;2;3;4;5},0))').rule).toEqual({ kind: 'levels', input: 'lvl', levels });
    expect(rule('LOOKUP([lvl],{1;2;3;4;5},{4;8;12;16;20})').rule).toEqual({ kind: 'levels', input: 'lvl', levels });
    expect(rule('SWITCH([评价],"优秀",20,"良好",15,"一般",10)').rule).toEqual({
      kind: 'levels',
      input: '评价',
      levels: [
        { value: '优秀', points: 20 },
        { value: '良好', points: 15 },
        { value: '一般', points: 10 },
      ],
    });
  });

  it('MIN([a]/[t],1)*N → ratio, higher or lower is better', () => {
    expect(rule('MIN([实际费用]/[预算费用],1)*10')).toEqual({ rule: { kind: 'ratio', actual: '实际费用', target: '预算费用', direction: 'higher', cap: 1 }, max: 10 });
    expect(rule('10*MIN(1,[销售额]/50000)').rule).toEqual({ kind: 'ratio', actual: '销售额', target: 50000, direction: 'higher', cap: 1 });
    expect(rule('MIN(30/[响应时间],1)*10').rule).toEqual({ kind: 'ratio', actual: '响应时间', target: 30, direction: 'lower', cap: 1 });
  });

  it('a bare reference → direct', () => {
    expect(rule('[服务态度]').rule).toEqual({ kind: 'direct', input: '服务态度' });
  });

  it('anything else stays a formula, as Kaohe text', () => {
    expect(rule('[询单人数]/[接待人数]*10').rule).toEqual({ kind: 'formula', formula: '[询单人数]/[接待人数]*10' });
    expect(rule('IF([a]>=90,[b],0)').rule.kind).toBe('formula');
  });

  it('falls back to the formula when the rule would give a person another score', () => {
    // CHOOSE of a blank level is #VALUE! in Excel; a level table gives 0.
    const scopes: Scope[] = [{ lvl: 3 }, { lvl: null }];
    expect(rule('CHOOSE([lvl],4,8,12,16,20)', undefined, scopes).rule.kind).toBe('formula');
    expect(rule('CHOOSE([lvl],4,8,12,16,20)', undefined, [{ lvl: 3 }]).rule.kind).toBe('levels');
  });

  it('a ratio whose stated max differs from its factor stays a formula', () => {
    expect(rule('MIN([a]/[t],1)*10', 20).rule.kind).toBe('formula');
  });
});

describe('recogniseCombination', () => {
  it('sums and weighted sums of names', () => {
    expect(recogniseCombination(ast('SUM([a],[b],[c])'))).toEqual({ kind: 'sum', names: ['a', 'b', 'c'], base: 0 });
    expect(recogniseCombination(ast('[a]+[b]'))).toEqual({ kind: 'sum', names: ['a', 'b'], base: 0 });
    const weighted = recogniseCombination(ast('[业绩考核]*80%+[行为考核]*20%'));
    expect(weighted?.kind === 'weighted' && [...weighted.weights]).toEqual([
      ['业绩考核', 0.8],
      ['行为考核', 0.2],
    ]);
    expect(recogniseCombination(ast('[a]*[b]'))).toBeUndefined();
  });
});

describe('recogniseGrades', () => {
  const expected = [
    { label: '优秀', min: 90, minInclusive: true },
    { label: '良好', min: 70, minInclusive: true },
    { label: '合格', min: 60, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true },
  ];
  it('nested IF on the total, either direction', () => {
    expect(recogniseGrades(ast('IF([总分]>=90,"优秀",IF([总分]>=70,"良好",IF([总分]>=60,"合格","不合格")))'), '总分', [])).toEqual(expected);
    expect(recogniseGrades(ast('IF([总分]<60,"不合格",IF([总分]<70,"合格",IF([总分]<90,"良好","优秀")))'), '总分', [])).toEqual(expected);
  });

  it('LOOKUP against a grade table', () => {
    expect(recogniseGrades(ast('LOOKUP([总分],{0;60;70;90},{"不合格";"合格";"良好";"优秀"})'), '总分', [])).toEqual([...expected.slice(0, 3), { label: '不合格', min: 0, minInclusive: true }]);
  });

  it('not on the total, or not text → undefined', () => {
    expect(recogniseGrades(ast('IF([业绩]>=90,"优秀","合格")'), '总分', [])).toBeUndefined();
    expect(recogniseGrades(ast('IF([总分]>=90,1,0)'), '总分', [])).toBeUndefined();
  });
});
