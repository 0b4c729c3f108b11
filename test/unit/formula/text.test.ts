import { describe, expect, it } from 'vitest';
import { evaluate, parse, printExcel } from '../../../src/formula/index';
import { translateExcelFormula } from '../../../src/io/excel-template/index';

describe('CHAR', () => {
  it('gives the character of a code, like Excel', () => {
    expect(evaluate('CHAR(34)&"好"&CHAR(34)', {})).toBe('"好"');
    expect(evaluate('CHAR(0)', {})).toMatchObject({ code: '#VALUE!' });
    expect(evaluate('CHAR("x")', {})).toMatchObject({ code: '#VALUE!' });
  });

  it('a quote inside text survives export to Excel and import back', () => {
    const parsed = parse('IF([分]>=90,"优""秀","")');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const excel = printExcel(parsed.ast, { cell: () => 'B2', column: () => '$B$2:$B$9', teamSize: () => '8' });
    expect(excel).toContain('CHAR(34)');
    const back = translateExcelFormula(excel, { resolve: () => ({ kind: 'name', name: '分' }) });
    expect(back.ok).toBe(true);
    if (back.ok) expect(evaluate(back.formula, { 分: 95 })).toBe('优"秀');
  });
});
