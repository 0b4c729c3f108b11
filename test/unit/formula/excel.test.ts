import { describe, expect, it } from 'vitest';
import { printExcel } from '../../../src/formula/index';
import type { ExcelRefs } from '../../../src/formula/index';
import { createOracle } from './hyperformula-oracle';
import { astOf } from './sheet-fixture';

const COLUMNS: Record<string, string> = { 客户满意度: 'C', 延时次数: 'D', 未提出解决方案次数: 'E', 顾客下单率: 'F', x: 'G' };

const refs: ExcelRefs = {
  cell: (name) => `${COLUMNS[name] ?? 'Z'}5`,
  column: (name) => `$${COLUMNS[name] ?? 'Z'}$2:$${COLUMNS[name] ?? 'Z'}$13`,
  teamSize: () => 'ROWS($A$2:$A$13)',
};

function excel(source: string, options?: { xlfn?: boolean }): string {
  return printExcel(astOf(source), refs, options);
}

describe('printExcel', () => {
  it('replaces names by cell references and has no leading =', () => {
    expect(excel('=IF([客户满意度]>=90,20,IF([客户满意度]>=85,10,0))')).toBe('IF(C5>=90,20,IF(C5>=85,10,0))');
  });

  it('replaces TEAM(x) by the column range and TEAMSIZE() by the caller expression', () => {
    expect(excel('RANK.EQ([顾客下单率],TEAM([顾客下单率]))')).toBe('RANK.EQ(F5,$F$2:$F$13)');
    expect(excel('[x]*0.5%/TEAMSIZE()')).toBe('G5*0.5%/ROWS($A$2:$A$13)');
  });

  it('expands CLAMP to MIN(MAX())', () => {
    expect(excel('CLAMP([x]/100,0,1)*10')).toBe('MIN(MAX(G5/100,0),1)*10');
  });

  it('expands BAND with constant lists to nested IF', () => {
    expect(excel('BAND([x],{90,85},{20,10},0)')).toBe('IF(G5>=90,20,IF(G5>=85,10,0))');
    expect(excel('BAND([x],{90,85},{20,10})')).toBe('IF(G5>=90,20,IF(G5>=85,10,NA()))');
    expect(excel('BAND([x]+1,{0.9},{"A"},"B")')).toBe('IF(G5+1>=0.9,"A","B")');
  });

  it('expands BAND over ranges with SUMPRODUCT and INDEX', () => {
    expect(excel('BAND([x],TEAM([客户满意度]),{20,10},0)')).toBe(
      'IF(SUMPRODUCT(--($C$2:$C$13>G5))<ROWS($C$2:$C$13)*COLUMNS($C$2:$C$13),INDEX({20;10},SUMPRODUCT(--($C$2:$C$13>G5))+1),0)',
    );
  });

  it('a Kaohe helper with wrong arguments prints as #VALUE!', () => {
    expect(excel('CLAMP([x],1)')).toBe('#VALUE!');
    expect(excel('BAND([x],{90,85},{20},0)')).toBe('#VALUE!');
    expect(excel('TEAM(1)+1')).toBe('#VALUE!+1');
  });

  it('prints everything else as the Excel function of the same name', () => {
    expect(excel('round(average(team(x)),2)&"分"')).toBe('ROUND(AVERAGE($G$2:$G$13),2)&"分"');
    expect(excel('MAX(0,30-2*[延时次数]-2*[未提出解决方案次数])')).toBe('MAX(0,30-2*D5-2*E5)');
  });

  it('keeps literals, percent, arrays and precedence', () => {
    expect(excel('-2^2+(1-2)*3%+{1,2;3,4}*TRUE&"ab"')).toBe('-2^2+(1-2)*3%+{1,2;3,4}*TRUE&"ab"');
  });

  it('writes a double quote in text as CHAR(34), except inside array constants', () => {
    expect(excel('"say ""hi"""&[x]')).toBe('("say "&CHAR(34)&"hi"&CHAR(34))&G5');
    expect(excel('""""')).toBe('CHAR(34)');
    expect(excel('COUNTIF({"a""b"},"a""b")')).toBe('COUNTIF({"a""b"},("a"&CHAR(34)&"b"))');
  });

  it('prefixes newer functions with _xlfn. for files when asked', () => {
    expect(excel('IFNA(RANK.EQ([x],TEAM([x])),IFS(TRUE,1))', { xlfn: true })).toBe('_xlfn.IFNA(_xlfn.RANK.EQ(G5,$G$2:$G$13),_xlfn.IFS(TRUE,1))');
    expect(excel('IFNA(1,2)')).toBe('IFNA(1,2)');
  });

  it('puts a compound reference expression in parentheses', () => {
    const compound: ExcelRefs = { cell: () => "'权重 表'!B3", column: () => 'A:A', teamSize: () => 'COUNTA(A:A)-1' };
    expect(printExcel(astOf('[x]/TEAMSIZE()'), compound)).toBe("'权重 表'!B3/(COUNTA(A:A)-1)");
  });

  it('writes #CYCLE! as #N/A, which Excel knows', () => expect(excel('#CYCLE!')).toBe('#N/A'));

  it('every printed formula is accepted by HyperFormula', () => {
    const oracle = createOracle();
    oracle.setRows([]);
    const sources = [
      'BAND([x],TEAM([客户满意度]),{20,10},0)',
      'CLAMP([x]/100,0,1)*10',
      'RANK.EQ([顾客下单率],TEAM([顾客下单率]))',
      '[x]*0.5%/TEAMSIZE()',
      '-2^2+(1-2)*3%+{1,2;3,4}*TRUE&"a""b"',
      'IF([x]>1,"他说""好""","")',
    ];
    for (const source of sources) {
      const value = oracle.evaluate(excel(source), 20, 0);
      // #ERROR! is HyperFormula's parse error; #NAME? would be an unknown function (RANK.EQ is
      // not in HyperFormula 3.5, so it is allowed there).
      expect(value).not.toMatchObject({ code: '#ERROR!' });
    }
  });
});
