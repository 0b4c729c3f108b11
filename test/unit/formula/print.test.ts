import { describe, expect, it } from 'vitest';
import { parse, printFormula, refsOf, renameNames } from '../../../src/formula/index';
import type { Node } from '../../../src/formula/index';
import { astOf } from './sheet-fixture';
import { withoutSpans } from './sexpr';

const CORPUS = [
  'IF([客户满意度]>=90,20,IF([客户满意度]>=85,10,IF([客户满意度]>=80,5,0)))',
  'MAX(0,30-2*[延时次数]-2*[未提出解决方案次数])',
  '[询单人数]/[接待人数]',
  'RANK.EQ([顾客下单率],TEAM([顾客下单率]))',
  '[业绩考核]*80%+[行为考核]*20%',
  '[公共销售业绩总额]*0.5%/TEAMSIZE()',
  '([最终付款人数]+[当日付款人数])/[下单人数]',
  'IF([旺旺回复率]<100%,-1,0)',
  'BAND([达成率],{1,0.9,0.8,0.7},{"A","B","C","D"},"E")',
  'CLAMP([实际费用]/[预算费用],0,1)*10',
  'IFERROR([a]/[b],0)',
  '-2^2',
  '(-2)^2',
  '-(2^2)',
  '2^3^2',
  '2^(3^2)',
  '1-(2-3)',
  '(1-2)-3',
  '1/(2*3)',
  '1/2*3',
  '(1+2)%',
  '-(5%)',
  '-5%',
  '[x]%%',
  '"a"&("b"&"c")',
  '("a"&"b")&"c"',
  '(1<2)=(3<4)',
  '1+2=3',
  '1&2+3',
  '(1&2)+3',
  '--[x]',
  '+[x]',
  '"say ""hi"""',
  '{1,-2;"x",TRUE}',
  '#N/A',
  'IFERROR(#DIV/0!,0)',
  'TRUE',
  'FALSE()',
  '0.1+1e-7+1e+21+123456789.125',
  '[name with space]+[a]]b]+[1st]+[TRUE]+[SUM]+[x-y]',
  'SUM(TEAM(score))/COUNT(TEAM(score))',
  'IF(AND([a]>=1,OR([b]<2,NOT([c]))),"yes","no")',
  'COUNTIF(TEAM([客户满意度]),">="&[客户满意度])',
  '[x]-[y]-(-[z])',
  '2*-3',
  '2^-[x]%',
];

function roundTrip(source: string): { printed: string; again: Node } {
  const printed = printFormula(astOf(source));
  return { printed, again: astOf(printed) };
}

describe('printFormula', () => {
  it.each(CORPUS)('round trips %s', (source) => {
    const { again } = roundTrip(source);
    expect(withoutSpans(again)).toEqual(withoutSpans(astOf(source)));
  });

  it('prints a second time identically (canonical form)', () => {
    for (const source of CORPUS) {
      const { printed, again } = roundTrip(source);
      expect(printFormula(again)).toBe(printed);
    }
  });

  it('drops parentheses precedence does not need, keeps the ones it does', () => {
    expect(printFormula(astOf('((1+2))*(3)'))).toBe('(1+2)*3');
    expect(printFormula(astOf('(2^3)^2'))).toBe('2^3^2');
    expect(printFormula(astOf('2^(3^2)'))).toBe('2^(3^2)');
    expect(printFormula(astOf('(-2)^2'))).toBe('-2^2');
    expect(printFormula(astOf('-(2^2)'))).toBe('-(2^2)');
    expect(printFormula(astOf('-(5%)'))).toBe('-(5%)');
    expect(printFormula(astOf('1-(2-3)'))).toBe('1-(2-3)');
  });

  it('upper-cases functions and removes spaces', () => {
    expect(printFormula(astOf('= round( [x] , 2 )'))).toBe('ROUND(x,2)');
  });

  it('keeps plain identifiers bare, brackets everything else', () => {
    expect(printFormula(astOf('[询单人数]+[score_a]+[a.b]'))).toBe('询单人数+score_a+a.b');
    expect(printFormula(astOf('[客户满意度 (%)]'))).toBe('[客户满意度 (%)]');
    expect(printFormula(astOf('[1st]+[TRUE]+[false]+[Sum]+[a]]b]'))).toBe('[1st]+[TRUE]+[false]+[Sum]+[a]]b]');
  });

  it('prints numbers shortest-exact and keeps percent as %', () => {
    expect(printFormula(astOf('0.10+90%+1e3+.5'))).toBe('0.1+90%+1000+0.5');
    expect(printFormula(astOf('0.1+0.2'))).toBe('0.1+0.2');
  });

  it('prints numbers a rule builder made, including negative ones', () => {
    const built: Node = {
      type: 'binary',
      op: '-',
      left: { type: 'number', value: 0.30000000000000004, start: 0, end: 0 },
      right: { type: 'number', value: -2, start: 0, end: 0 },
      start: 0,
      end: 0,
    };
    expect(printFormula(built)).toBe('0.30000000000000004--2');
    const again = parse(printFormula(built));
    expect(again.ok).toBe(true);
  });
});

describe('refsOf', () => {
  it('lists row names, team names and functions once, in first-seen order', () => {
    expect(refsOf(astOf('RANK.EQ([顾客下单率],TEAM([顾客下单率]))+[b]*SUM([a],[b],TEAM(c),TEAM([顾客下单率]))'))).toEqual({
      row: ['顾客下单率', 'b', 'a'],
      team: ['顾客下单率', 'c'],
      functions: ['RANK.EQ', 'TEAM', 'SUM'],
    });
  });

  it('a formula of literals reads nothing', () => {
    expect(refsOf(astOf('1+{1,2}'))).toEqual({ row: [], team: [], functions: [] });
  });

  it('a malformed TEAM call still reports the names it reads per row', () => {
    expect(refsOf(astOf('TEAM([a]+1)'))).toEqual({ row: ['a'], team: [], functions: ['TEAM'] });
  });
});

describe('renameNames', () => {
  it('replaces names where the callback says so, in rows and TEAM', () => {
    const ast = astOf('[询单人数]/[接待人数]+RANK.EQ([询单人数],TEAM([询单人数]))');
    const renamed = renameNames(ast, (name) => (name === '询单人数' ? '咨询人数' : undefined));
    expect(printFormula(renamed)).toBe('咨询人数/接待人数+RANK.EQ(咨询人数,TEAM(咨询人数))');
  });

  it('leaves the original tree untouched and shares unchanged subtrees', () => {
    const ast = astOf('[a]+([b]*2)');
    const renamed = renameNames(ast, (name) => (name === 'a' ? 'new a' : undefined));
    expect(printFormula(ast)).toBe('a+b*2');
    expect(printFormula(renamed)).toBe('[new a]+b*2');
    expect(renamed.type === 'binary' && ast.type === 'binary' && renamed.right === ast.right).toBe(true);
  });

  it('returns the same tree when nothing is renamed', () => {
    const ast = astOf('SUM([a],1)');
    expect(renameNames(ast, () => undefined)).toBe(ast);
  });
});
