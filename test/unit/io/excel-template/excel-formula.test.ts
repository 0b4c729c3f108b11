// Excel formula text → Kaohe formula: references by what the resolver says they are, functions by
// name, and every construct Kaohe cannot take reported with its reason.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/formula/index';
import { translateExcelFormula, type CellResolution, type Resolution, type TranslateOptions } from '../../../../src/io/excel-template/excel-formula';
import { parseExcel } from '../../../../src/io/excel-template/excel-parser';
import { cellName, referenceText, type Reference } from '../../../../src/io/excel-template/references';

/** A resolver over a small map of cells: `C5` → name or constant; `权重!B3` for other sheets. */
function resolverOf(cells: Readonly<Record<string, CellResolution>>, teams: Readonly<Record<string, string>> = {}) {
  const seen: Reference[] = [];
  const key = (sheet: string | undefined, row: number, col: number) => `${sheet === undefined ? '' : `${sheet}!`}${cellName(row, col)}`;
  const resolve = (ref: Reference): Resolution => {
    seen.push(ref);
    const column = teams[referenceText({ ...ref, start: { ...ref.start, rowAbsolute: false, colAbsolute: false }, end: { ...ref.end, rowAbsolute: false, colAbsolute: false } })];
    if (column !== undefined) return { kind: 'team', name: column };
    const rows: CellResolution[][] = [];
    for (let row = ref.start.row; row <= ref.end.row; row++) {
      const line: CellResolution[] = [];
      for (let col = ref.start.col; col <= ref.end.col; col++) {
        const cell = cells[key(ref.sheet, row, col)];
        if (cell === undefined) return { kind: 'unsupported', issue: { code: 'outsideTable', params: { ref: key(ref.sheet, row, col) } } };
        line.push(cell);
      }
      rows.push(line);
    }
    return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0]! : { kind: 'cells', rows };
  };
  return { resolve, seen };
}

const name = (n: string): CellResolution => ({ kind: 'name', name: n });
const constant = (value: number | string | null, percent = false): CellResolution => ({ kind: 'constant', value, percent });

function translate(text: string, options: Omit<TranslateOptions, 'resolve'> & { cells?: Record<string, CellResolution>; teams?: Record<string, string> } = {}) {
  const { resolve } = resolverOf(options.cells ?? {}, options.teams ?? {});
  return translateExcelFormula(text, { ...options, resolve });
}

function formulaOf(text: string, options: Parameters<typeof translate>[1] = {}): string {
  const result = translate(text, options);
  if (!result.ok) throw new Error(`not translated: ${JSON.stringify(result.issues)}`);
  expect(parse(result.formula).ok).toBe(true);
  return result.formula;
}

function issuesOf(text: string, options: Parameters<typeof translate>[1] = {}) {
  const result = translate(text, options);
  if (result.ok) throw new Error(`translated to ${result.formula}`);
  return result.issues.map((found) => ({ code: found.code, ...found.params }));
}

describe('references', () => {
  it('turns A1 references into the names they point at (the issue example)', () => {
    expect(formulaOf('IF(C5>=90%,20,IF(C5>=85%,10,0))', { cells: { C5: name('客户满意度') } })).toBe('IF([客户满意度]>=90%,20,IF([客户满意度]>=85%,10,0))');
  });

  it('reads absolute, mixed and relative references as the same cell', () => {
    const cells = { C5: name('a') };
    for (const ref of ['C5', '$C$5', 'C$5', '$C5', 'c5']) expect(formulaOf(`${ref}*2`, { cells })).toBe('[a]*2');
  });

  it('accepts a leading = and spaces between tokens', () => {
    expect(formulaOf('= IF( C5 >= 90% , 20 , 0 )', { cells: { C5: name('a') } })).toBe('IF([a]>=90%,20,0)');
  });

  it('reads R1C1 references relative to the formula cell when asked', () => {
    const cells = { C5: name('满意度'), B4: name('上月'), A1: constant(3) };
    const origin = { sheet: '考核表', row: 4, col: 3 }; // D5
    expect(formulaOf('IF(RC[-1]>=90%,20,0)', { cells, r1c1: true, origin })).toBe('IF([满意度]>=90%,20,0)');
    expect(formulaOf('R5C3-R[-1]C[-2]+R1C1', { cells, r1c1: true, origin })).toBe('[满意度]-[上月]+3');
  });

  it('does not take R1C1 text for A1 cells, nor A1 for R1C1 (R2C3 is a name in A1 mode)', () => {
    expect(issuesOf('R2C3+1')).toEqual([{ code: 'definedName', name: 'R2C3' }]);
  });

  it('turns a range over the people into the team column', () => {
    const teams = { 'C3:C12': '总分', 'C:C': '总分' };
    const cells = { C5: name('总分') };
    expect(formulaOf('RANK(C5,$C$3:$C$12)', { cells, teams })).toBe('RANK([总分],TEAM([总分]))');
    expect(formulaOf('RANK(C5,C:C)', { cells, teams })).toBe('RANK([总分],TEAM([总分]))');
  });

  it('reads cross-sheet references to a weights sheet as constants, percentages kept', () => {
    const cells = { '权重!B2': constant(0.8, true), '权重!B3': constant(0.2, true), D5: name('业绩考核'), E5: name('行为考核') };
    expect(formulaOf("D5*'权重'!$B$2+E5*'权重'!$B$3", { cells })).toBe('[业绩考核]*80%+[行为考核]*20%');
    expect(formulaOf('D5*权重!$B$2+E5*权重!B3', { cells })).toBe('[业绩考核]*80%+[行为考核]*20%');
  });

  it('reads quoted sheet names with spaces and quotes', () => {
    const cells = { "Q1 'final'!A1": constant(7) };
    expect(formulaOf("'Q1 ''final'''!A1+1", { cells })).toBe('7+1');
  });

  it('resolves defined names through the workbook', () => {
    const cells = { '权重!B2': constant(0.8), C5: name('a') };
    const definedName = (n: string) => (n === '业绩权重' ? { sheet: '权重', start: { row: 1, col: 1, rowAbsolute: true, colAbsolute: true }, end: { row: 1, col: 1, rowAbsolute: true, colAbsolute: true } } : undefined);
    expect(formulaOf('C5*业绩权重', { cells, definedName })).toBe('[a]*0.8');
    expect(issuesOf('C5*未定义', { cells, definedName })).toEqual([{ code: 'definedName', name: '未定义' }]);
  });

  it('reports references the resolver cannot place', () => {
    expect(issuesOf('Z99*2', { cells: {} })).toEqual([{ code: 'outsideTable', ref: 'Z99' }]);
  });
});

describe('functions', () => {
  it('drops _xlfn. and _xlws. prefixes of newer functions', () => {
    const cells = { C5: name('a') };
    expect(formulaOf('_xlfn.IFS(C5>=90,"A",TRUE,"B")', { cells })).toBe('IFS([a]>=90,"A",TRUE,"B")');
    expect(formulaOf('_xlfn.RANK.EQ(C5,{1,2,3})', { cells })).toBe('RANK.EQ([a],{1,2,3})');
  });

  it('reports unsupported functions by name, each once', () => {
    expect(issuesOf('INDIRECT("A1")+OFFSET(A1,1,1)+INDIRECT("B2")', { cells: { A1: name('a') } })).toEqual([
      { code: 'unsupportedFunction', name: 'INDIRECT' },
      { code: 'unsupportedFunction', name: 'OFFSET' },
    ]);
    expect(issuesOf('_xlfn._xlws.SORT(A1)', { cells: { A1: name('a') } })).toEqual([{ code: 'unsupportedFunction', name: 'SORT' }]);
    expect(issuesOf('SUMIFS(A1,A1,">0")', { cells: { A1: name('a') } })).toEqual([{ code: 'unsupportedFunction', name: 'SUMIFS' }]);
  });

  it("treats Kaohe's own helper names in a file as someone's function, not Kaohe's", () => {
    expect(issuesOf('CLAMP(A1,0,1)', { cells: { A1: name('a') } })).toEqual([{ code: 'unsupportedFunction', name: 'CLAMP' }]);
  });

  it('reports user-defined (macro) functions as macros', () => {
    expect(issuesOf('_xludf.业绩分(A1)', { cells: { A1: name('a') } })).toEqual([{ code: 'macroFunction', name: '业绩分' }]);
  });

  it('writes an empty argument as 0, as Excel reads it', () => {
    expect(formulaOf('IF(A1>0,,1)', { cells: { A1: name('a') } })).toBe('IF([a]>0,0,1)');
  });

  it('spreads a range of one person’s cells in SUM and AVERAGE', () => {
    const cells = { D5: name('甲'), E5: name('乙'), F5: name('丙') };
    expect(formulaOf('SUM(D5:F5)', { cells })).toBe('SUM([甲],[乙],[丙])');
    expect(formulaOf('AVERAGE(D5:F5)*2', { cells })).toBe('AVERAGE([甲],[乙],[丙])*2');
  });

  it('writes SUMPRODUCT of a weights block and one person’s scores out as a weighted sum', () => {
    const cells = { D2: constant(0.5, true), E2: constant(0.3, true), F2: constant(0.2, true), D5: name('甲'), E5: name('乙'), F5: name('丙') };
    expect(formulaOf('SUMPRODUCT($D$2:$F$2,D5:F5)', { cells })).toBe('50%*[甲]+30%*[乙]+20%*[丙]');
  });

  it('keeps SUMPRODUCT over team columns and constant blocks as it is', () => {
    const teams = { 'C3:C12': '总分' };
    expect(formulaOf('SUMPRODUCT(--($C$3:$C$12>=90))', { teams })).toBe('SUMPRODUCT(--(TEAM([总分])>=90))');
  });

  it('turns VLOOKUP on a constants table into LOOKUP (approximate) or INDEX/MATCH (exact)', () => {
    const cells = {
      C5: name('总分'),
      '等级表!A2': constant(0), '等级表!B2': constant('不合格'),
      '等级表!A3': constant(60), '等级表!B3': constant('合格'),
      '等级表!A4': constant(90), '等级表!B4': constant('优秀'),
    };
    expect(formulaOf('VLOOKUP(C5,等级表!$A$2:$B$4,2)', { cells })).toBe('LOOKUP([总分],{0;60;90},{"不合格";"合格";"优秀"})');
    expect(formulaOf('VLOOKUP(C5,等级表!$A$2:$B$4,2,FALSE)', { cells })).toBe('INDEX({"不合格";"合格";"优秀"},MATCH([总分],{0;60;90},0))');
  });

  it('reports VLOOKUP whose table holds people’s cells', () => {
    expect(issuesOf('VLOOKUP(C5,C5:D5,2,FALSE)', { cells: { C5: name('a'), D5: name('b') } })).toEqual([{ code: 'unsupportedArguments', name: 'VLOOKUP' }]);
  });

  it('joins CONCATENATE into &', () => {
    expect(formulaOf('CONCATENATE(A1,"分")', { cells: { A1: name('a') } })).toBe('[a]&"分"');
  });

  it('reports a range of a person’s cells used where one value is needed', () => {
    expect(issuesOf('D5:F5*2', { cells: { D5: name('甲'), E5: name('乙'), F5: name('丙') } })).toEqual([{ code: 'rangeUse', ref: 'D5:F5' }]);
  });
});

describe('what cannot be translated, and why', () => {
  it('external links', () => {
    expect(issuesOf('[1]Sheet1!A1*2')).toEqual([{ code: 'externalLink', ref: '[1]Sheet1!A1' }]);
    expect(issuesOf("'[预算.xlsx]Sheet 1'!$B$2+1")).toEqual([{ code: 'externalLink', ref: "'[预算.xlsx]Sheet 1'!$B$2" }]);
  });

  it('structured references', () => {
    expect(issuesOf('SUM(表1[金额])')).toEqual([{ code: 'structuredReference', ref: '表1[金额]' }]);
    expect(issuesOf('[@金额]*2')).toEqual([{ code: 'structuredReference', ref: '[@金额]' }]);
  });

  it('spill references (dynamic arrays)', () => {
    expect(issuesOf('SUM(A1#)', { cells: { A1: name('a') } })[0]?.code).toBe('arrayFormula');
  });

  it('unions, intersections and 3-D references', () => {
    const cells = { A1: name('a'), B1: name('b') };
    expect(issuesOf('SUM((A1,B1))', { cells })).toEqual([{ code: 'unsupportedOperator', op: ',' }]);
    expect(issuesOf('SUM(A1:B2 B1:C3)', { cells })).toEqual([{ code: 'unsupportedOperator', op: '␣' }]);
    expect(issuesOf('SUM(Sheet1:Sheet3!A1)')).toEqual([{ code: 'unsupportedOperator', op: 'Sheet1:Sheet3!A1' }]);
  });

  it('errors Kaohe does not know', () => {
    expect(issuesOf('IFERROR(#SPILL!,0)')).toEqual([{ code: 'unsupportedError', error: '#SPILL!' }]);
    expect(formulaOf('IFERROR(#REF!,0)')).toBe('IFERROR(#REF!,0)');
  });

  it('syntax errors, with the position', () => {
    expect(issuesOf('SUM(1,2')).toEqual([{ code: 'syntax', message: "expected ',' or ')'", position: 8 }]);
  });

  it('formulas too long or too deep', () => {
    expect(issuesOf('1+'.repeat(5000) + '1')[0]?.code).toBe('tooLong');
    expect(issuesOf('('.repeat(150) + '1' + ')'.repeat(150))[0]?.code).toBe('tooDeep');
  });
});

describe('parser', () => {
  it('keeps Excel precedence: -2^2 is (-2)^2, 2^3^2 is (2^3)^2, -5% is (-5)%', () => {
    expect(formulaOf('-2^2+2^3^2-5%')).toBe('-2^2+2^3^2-5%');
    expect(formulaOf('(1+2)*3')).toBe('(1+2)*3');
  });

  it('tells a function LOG10( from the cell LOG10', () => {
    const parsed = parseExcel('LOG10(A1)+LOG10');
    expect(parsed.ok && parsed.ast.type === 'binary' && parsed.ast.left.type === 'call' && parsed.ast.right.type === 'ref').toBe(true);
  });
});
