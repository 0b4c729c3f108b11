// Differential tests: Kaohe's evaluator against HyperFormula on the same formulas, first over
// literals, then over names printed to Excel cell references in a five-person sheet.
import { describe, expect, it } from 'vitest';
import { evaluate, printExcel } from '../../../src/formula/index';
import type { ExcelRefs, Scalar } from '../../../src/formula/index';
import { createOracle, sameValue, type OracleValue } from './hyperformula-oracle';
import { astOf, createSheet } from './sheet-fixture';

const NO_REFS: ExcelRefs = {
  cell: () => {
    throw new Error('no names here');
  },
  column: () => {
    throw new Error('no names here');
  },
  teamSize: () => '1',
};

// Formulas over literals where Kaohe and HyperFormula agree with Excel.
const LITERAL_CORPUS = [
  // arithmetic, precedence, coercion
  '1+2*3', '(1+2)*3', '-2^2', '2^3^2', '2^-1', '-2%^2', '10/4', '7-2-1', '2*3%', '50%*50%', '-5%',
  '1/0', '0/0', '"12"+1', '"abc"+1', '" 3 "*2', '"1e3"/10', '"50%"*2', '-"3"', '+"a"', '"abc"+1/0',
  '"a"&"b"', '1&2', '"x"&1.5', '"a"&-1', 'TRUE+TRUE', '0.1+0.2-0.3', '10/3*3=10', 'SQRT(-1)', '(-8)^(1/3)',
  // comparisons
  '1<2', '1=1', '"a"="A"', '"a"<"B"', '"B">"a"', '1<"a"', '"1"=1', '2>=2', '1<>1', 'TRUE>1', '"z"<TRUE', '1=1=TRUE',
  // errors
  '#N/A+1', '1+#DIV/0!', 'IFERROR(#N/A,5)', 'ISERROR(1/0)', 'ISNA(#N/A)', 'ISNUMBER("1")', 'SUM(1/0,#N/A)', 'IF(#N/A,1,2)',
  // math
  'ROUND(2.675,2)', 'ROUND(-2.5,0)', 'ROUND(1234.5,-2)', 'ROUND(0.5,0)', 'ROUNDUP(1.21,1)', 'ROUNDUP(-1.21,1)',
  'ROUNDDOWN(1.29,1)', 'ROUNDDOWN(-1.29,1)', 'TRUNC(-1.7)', 'TRUNC(1.789,2)', 'MOD(-1,3)', 'MOD(5.5,2)', 'MOD(5,-3)',
  'MOD(1,0)', 'ABS(-3)', 'POWER(2,10)', 'SQRT(16)', 'INT(1.5)',
  // aggregates
  'SUM(1,2,3)', 'SUM({1,2,3})', 'SUM("3",TRUE)', 'SUM({1,"2",TRUE})', 'AVERAGE(1,2,3,4)', 'AVERAGE({1,"x"})',
  'MIN(3,1,2)', 'MAX({1,5,3})', 'COUNT({1,"a",2})', 'COUNTA(1,"a","")', 'COUNTA({1,"",TRUE})', 'MEDIAN(1,2,3,4)',
  'MEDIAN({5,1,3})', 'LARGE({5,1,3},1)', 'LARGE({5,1,3},4)', 'LARGE({1,2,3},1.5)', 'SMALL({5,1,3},2)',
  'SUMPRODUCT({1,2,3},{4,5,6})', 'SUMPRODUCT({1,2},{1,2,3})', 'SUMPRODUCT({1,2},{3,"a"})',
  // criteria
  'COUNTIF({90,85,70},">=85")', 'COUNTIF({1,2,3},"<>2")', 'COUNTIF({1,"1",2},1)', 'COUNTIF({"apple","Apple","pear"},"apple")',
  'COUNTIF({"王五","王六","李四"},"王*")', 'COUNTIF({"ab","abc"},"a?")', 'SUMIF({1,2,3},">1")',
  'SUMIF({"a","b","A"},"a",{10,20,30})', 'AVERAGEIF({1,2,3},">1")', 'AVERAGEIF({1,2,3},">5")',
  // logic
  'IF(1>2,"y","n")', 'IF(1>2,"y")', 'IF(0,1,2)', 'IF("x",1,2)', 'IF(TRUE,1,1/0)', 'AND(TRUE,1)', 'AND(TRUE,0)',
  'AND("TRUE")', 'OR(FALSE,0)', 'OR({0,1})', 'NOT(TRUE)', 'NOT(0)', 'SWITCH(2,1,"a",2,"b")', 'SWITCH(3,1,"a",2,"b")',
  'SWITCH(3,1,"a","z")', 'SWITCH("A","a",1,2)', 'CHOOSE(2,"a","b")', 'IFNA(1/0,0)', 'IFNA(#N/A,2)', 'IFERROR(1/0,"x")',
  // lookup and arrays
  'MATCH(85,{70,80,90},1)', 'MATCH(80,{70,80,90},0)', 'MATCH(85,{90,80,70},-1)', 'MATCH(5,{70,80,90},1)',
  'MATCH(2.5,{1,2,3},1)', 'INDEX({10;20;30},2)', 'INDEX({1,2;3,4},2,1)', 'INDEX({1,2;3,4},2)', 'ROWS({1;2;3})',
  'COLUMNS({1,2})', 'ISBLANK("")', 'SUM({1,2}*2)', 'SUM({1,2}*{3;4})', 'SUM({1,2;3,4}+{10;20})', '{1,2}+{1,2,3}',
  '"say ""hi"""&1', 'CLAMP(5,0,3)', 'CLAMP(-1,0,3)', 'BAND(87,{90,85,80},{20,10,5},0)', 'BAND(10,{90,85},{20,10})',
];

// Where HyperFormula 3.5 departs from Excel, Kaohe follows Excel; these are checked by hand
// in functions.test.ts instead:
//   INT(-1.5)            Excel -2, HyperFormula -1
//   ROUND(1.005,2)       Excel 1.01 (decimal-correct), HyperFormula 1
//   ROUNDUP(0.1*3,1)     Kaohe 0.3 (rounds the 15-digit value Excel shows), HyperFormula 0.4
//   POWER(0,0), 0^-1     Excel #NUM! and #DIV/0!, HyperFormula 1 and #NUM!
//   CHOOSE(3,"a","b")    Excel #VALUE!, HyperFormula #NUM!
//   INDEX({1,2},3)       Excel #REF!, HyperFormula #NUM!
//   INDEX({10,20,30},2)  Excel 20 (one index into a single row), HyperFormula #NUM!
//   MATCH(blank,r,-1)    Kaohe #N/A like Excel's lookups of an empty cell, HyperFormula matches 0
//   COUNT(1,"2",TRUE)    Excel counts typed numeric text and booleans (3), HyperFormula 2
//   MAX({"a"})           Excel 0, HyperFormula #VALUE!
//   COUNTIF(r,"")        Excel also counts empty text, HyperFormula does not
//   COUNTIF(r,">a")      Excel compares text, HyperFormula gives #VALUE!
//   MATCH("b*",r,0)      Excel uses wildcards, HyperFormula does not
//   0.1+0.2&""           Excel "0.3" (15 digits), HyperFormula "0.30000000000000004"
//   IFS, RANK.EQ, PERCENTRANK.INC, LOOKUP are not implemented by HyperFormula 3.5.

describe('differential: literals against HyperFormula', () => {
  const oracle = createOracle();
  oracle.setRows([]);
  it('has a corpus of about 80+ formulas', () => expect(LITERAL_CORPUS.length).toBeGreaterThanOrEqual(80));

  it.each(LITERAL_CORPUS)('%s', (source) => {
    const ours = evaluate(source, {});
    const excel = printExcel(astOf(source), NO_REFS);
    const theirs = oracle.evaluate(excel);
    expect(sameValue(ours, theirs), `ours ${JSON.stringify(ours)}, HyperFormula ${JSON.stringify(theirs)} for ${excel}`).toBe(true);
  });
});

// Five people; columns A..G. t holds descending thresholds and p their points (for BAND over ranges).
const NAMES = ['x', 'a', 'b', 's', 't', 'p', 'n'] as const;
const DATA: Record<(typeof NAMES)[number], Scalar[]> = {
  x: [92, 86, null, 79, 95],
  a: [3, 0, 2, 5, 1],
  b: [2, 4, 0, 1, 3],
  s: [200000, 150000, 0, 50000, 100000],
  t: [90, 85, 80, 70, 60],
  p: [20, 10, 5, 2, 1],
  n: ['优秀', '良好', null, '一般', '12'],
};
const PEOPLE = 5;
const FIRST_ROW = 2;

function letter(name: string): string {
  return String.fromCharCode(65 + NAMES.indexOf(name as (typeof NAMES)[number]));
}

function refsForRow(row: number): ExcelRefs {
  const last = FIRST_ROW + PEOPLE - 1;
  return {
    cell: (name) => `${letter(name)}${FIRST_ROW + row}`,
    column: (name) => `$${letter(name)}$${FIRST_ROW}:$${letter(name)}$${last}`,
    teamSize: () => `ROWS($A$${FIRST_ROW}:$A$${last})`,
  };
}

const NAMED_CORPUS = [
  'IF([x]>=90,20,IF([x]>=85,10,IF([x]>=80,5,0)))',
  'BAND([x],{90,85,80},{20,10,5},0)',
  'BAND([x],{90,85,80},{20,10,5})',
  'BAND([x],TEAM([t]),TEAM([p]),0)',
  'BAND([x],TEAM([t]),{20,10,5,2,1})',
  'CLAMP([a]/MAX([b],1),0,1)*20',
  'CLAMP([x],80,90)',
  'MAX(0,30-2*[a]-2*[b])',
  '[a]/[b]',
  'IFERROR([a]/[b],0)',
  '[a]*80%+[b]*20%',
  '[s]*0.5%/TEAMSIZE()',
  '[x]-AVERAGE(TEAM([x]))',
  'IF([x]<AVERAGE(TEAM([x])),-1,0)',
  'COUNTIF(TEAM([x]),">"&[x])+1',
  'MEDIAN(TEAM([x]))',
  'LARGE(TEAM([x]),2)',
  'SUM(TEAM([a]))/TEAMSIZE()',
  'SUMPRODUCT(--(TEAM([x])>[x]))+1',
  'IF(ISBLANK([x]),"缺",[x])',
  'ROUND([a]/MAX([b],1)*100,1)',
  'AVERAGE([a],[x])',
  'SUM([a],[n])',
  'MIN([x],[a])',
  'COUNT([a],[x],[n])',
  'COUNTA([a],[x],[n])',
  '[n]&"-"&[a]',
  '[x]+1',
  'IF([n]="优秀",3,IF([n]="良好",2,1))',
  'SUMIF(TEAM([n]),"优*",TEAM([a]))',
  'MATCH([a]*20,TEAM([t]),-1)',
  'INDEX(TEAM([p]),MATCH([a],{5,3,2,1,0},0))',
  'AND([x]>80,[a]<4)',
  'IF(OR([x]>=95,[a]=0),"Y","N")',
  'IFNA(MATCH([x],TEAM([t]),0),0)',
  'AVERAGEIF(TEAM([x]),">="&[x])',
  'SWITCH([n],"优秀",5,"良好",4,0)',
  'CHOOSE([a]+1,"a","b","c","d","e","f")',
  'SUMPRODUCT(TEAM([a]),TEAM([b]))/SUM(TEAM([b]))',
  'MAX(TEAM([x]))-MIN(TEAM([x]))',
];

describe('differential: printExcel over a five-person sheet against HyperFormula', () => {
  const oracle = createOracle();
  const header: Scalar[] = [...NAMES];
  const rows: Scalar[][] = Array.from({ length: PEOPLE }, (_, i) => NAMES.map((name) => DATA[name][i] ?? null));
  const sheet = createSheet(DATA);

  it.each(NAMED_CORPUS)('%s', (source) => {
    oracle.setRows([header, ...rows]);
    const ours = sheet.column(source);
    for (let row = 0; row < PEOPLE; row++) {
      const excel = printExcel(astOf(source), refsForRow(row));
      const theirs: OracleValue = oracle.evaluate(excel, FIRST_ROW - 1 + row, 9);
      // A formula whose value is an empty cell shows as 0 in Excel.
      const value = ours[row] ?? null;
      const shown = value === null ? 0 : value;
      expect(sameValue(shown as OracleValue, theirs), `person ${row + 1}: ours ${JSON.stringify(shown)}, HyperFormula ${JSON.stringify(theirs)} for ${excel}`).toBe(true);
    }
  });
});
