import { describe, expect, it } from 'vitest';
import { FUNCTION_HELP, FUNCTION_NAMES, evaluate, isError } from '../../../src/formula/index';
import type { ScopeValue } from '../../../src/formula/index';

const scope: Record<string, ScopeValue> = { blank: null, text: 'abc', numText: '3', yes: true, n: 4 };

function ev(source: string): ScopeValue {
  return evaluate(source, scope);
}

function code(source: string): string | undefined {
  const value = ev(source);
  return isError(value) ? value.code : `not an error: ${String(value)}`;
}

describe('rounding', () => {
  it('ROUND half away from zero', () => {
    expect(ev('ROUND(0.5,0)')).toBe(1);
    expect(ev('ROUND(-2.5,0)')).toBe(-3);
    expect(ev('ROUND(2.5,0)')).toBe(3);
  });
  it('ROUND is robust to binary floats', () => {
    expect(ev('ROUND(2.675,2)')).toBe(2.68);
    expect(ev('ROUND(1.005,2)')).toBe(1.01);
    expect(ev('ROUND(-1.005,2)')).toBe(-1.01);
    expect(ev('ROUND(0.285,2)')).toBe(0.29);
  });
  it('ROUND with negative digits rounds left of the point', () => {
    expect(ev('ROUND(1234.5,-2)')).toBe(1200);
    expect(ev('ROUND(1250,-2)')).toBe(1300);
  });
  it('ROUND truncates fractional digits', () => expect(ev('ROUND(1.2345,2.9)')).toBe(1.23));
  it('ROUNDUP rounds away from zero, ROUNDDOWN toward zero', () => {
    expect(ev('ROUNDUP(1.21,1)')).toBe(1.3);
    expect(ev('ROUNDUP(-1.21,1)')).toBe(-1.3);
    expect(ev('ROUNDDOWN(1.29,1)')).toBe(1.2);
    expect(ev('ROUNDDOWN(-1.29,1)')).toBe(-1.2);
    expect(ev('ROUNDUP(0.1*3,1)')).toBe(0.3);
  });
  it('TRUNC truncates, INT floors', () => {
    expect(ev('TRUNC(-1.7)')).toBe(-1);
    expect(ev('TRUNC(1.789,2)')).toBe(1.78);
    expect(ev('INT(-1.5)')).toBe(-2);
    expect(ev('INT(1.9)')).toBe(1);
  });
  it('rounding a blank is 0, rounding text is #VALUE!', () => {
    expect(ev('ROUND([blank],0)')).toBe(0);
    expect(code('ROUND([text],0)')).toBe('#VALUE!');
    expect(ev('ROUND([numText],0)')).toBe(3);
  });
});

describe('MOD, ABS, POWER, SQRT', () => {
  it('MOD sign follows the divisor', () => {
    expect(ev('MOD(-1,3)')).toBe(2);
    expect(ev('MOD(5,-3)')).toBe(-1);
    expect(ev('MOD(5.5,2)')).toBe(1.5);
  });
  it('MOD by zero is #DIV/0!', () => expect(code('MOD(1,0)')).toBe('#DIV/0!'));
  it('ABS', () => expect(ev('ABS(-3)')).toBe(3));
  it('POWER', () => {
    expect(ev('POWER(2,10)')).toBe(1024);
    expect(code('POWER(0,0)')).toBe('#NUM!');
  });
  it('SQRT of a negative number is #NUM!', () => {
    expect(ev('SQRT(16)')).toBe(4);
    expect(code('SQRT(-1)')).toBe('#NUM!');
  });
});

describe('aggregates', () => {
  it('SUM counts direct numbers, booleans and numeric text', () => expect(ev('SUM(1,"3",TRUE)')).toBe(5));
  it('SUM skips text, booleans and blanks inside arrays', () => expect(ev('SUM({1,"2",TRUE})')).toBe(1));
  it('SUM of direct non-numeric text is #VALUE!', () => expect(code('SUM(1,"abc")')).toBe('#VALUE!'));
  it('a name is a cell reference: its text and blank are skipped', () => {
    expect(ev('SUM([text],[blank],[numText],[yes],2)')).toBe(2);
    expect(ev('AVERAGE([blank],10)')).toBe(10);
  });
  it('a blank produced by an expression (not a name) counts as 0 for AVERAGE', () => expect(ev('AVERAGE(IF(TRUE,[blank]),10)')).toBe(5));
  it('errors inside arrays propagate', () => expect(code('SUM({1,#N/A})')).toBe('#N/A'));
  it('AVERAGE', () => {
    expect(ev('AVERAGE(1,2,3,4)')).toBe(2.5);
    expect(code('AVERAGE({"a"})')).toBe('#DIV/0!');
  });
  it('MIN and MAX, 0 when there are no numbers', () => {
    expect(ev('MIN(3,1,2)')).toBe(1);
    expect(ev('MAX({1,5,3},4)')).toBe(5);
    expect(ev('MAX({"a"})')).toBe(0);
    expect(ev('MIN([blank])')).toBe(0);
  });
  it('number-only fast path hands over mid-call without losing what it folded', () => {
    expect(ev('MIN(5,{1,2},3)')).toBe(1);
    expect(ev('MAX(-1,[blank])')).toBe(-1);
    expect(ev('SUM(1,2,[text],"4")')).toBe(7);
    expect(code('MAX(1,2,"x")')).toBe('#VALUE!');
  });
  it('COUNT counts numbers and never fails', () => {
    expect(ev('COUNT({1,"a",2,TRUE})')).toBe(2);
    expect(ev('COUNT(1,"2","a",TRUE,1/0)')).toBe(3);
    expect(ev('COUNT([blank],[numText])')).toBe(0);
  });
  it('COUNTA counts everything but blanks', () => {
    expect(ev('COUNTA(1,"a","",1/0)')).toBe(4);
    expect(ev('COUNTA([blank],[text])')).toBe(1);
  });
  it('MEDIAN', () => {
    expect(ev('MEDIAN(1,2,3,4)')).toBe(2.5);
    expect(ev('MEDIAN({5,1,3})')).toBe(3);
    expect(code('MEDIAN({"a"})')).toBe('#NUM!');
  });
  it('LARGE and SMALL, #NUM! outside 1..n', () => {
    expect(ev('LARGE({5,1,3},1)')).toBe(5);
    expect(ev('LARGE({5,1,3},1.9)')).toBe(5);
    expect(ev('SMALL({5,1,3},2)')).toBe(3);
    expect(code('LARGE({5,1,3},4)')).toBe('#NUM!');
    expect(code('SMALL({5,1,3},0)')).toBe('#NUM!');
  });
  it('SUMPRODUCT multiplies cell by cell, non-numbers are 0, shapes must match', () => {
    expect(ev('SUMPRODUCT({1,2,3},{4,5,6})')).toBe(32);
    expect(ev('SUMPRODUCT({1,2},{3,"a"})')).toBe(3);
    expect(code('SUMPRODUCT({1,2},{1,2,3})')).toBe('#VALUE!');
    expect(code('SUMPRODUCT({1,#N/A})')).toBe('#N/A');
  });
});

describe('COUNTIF, SUMIF, AVERAGEIF criteria', () => {
  it('numbers and comparison text', () => {
    expect(ev('COUNTIF({90,85,70},">=85")')).toBe(2);
    expect(ev('COUNTIF({1,2,3},"<>2")')).toBe(2);
    expect(ev('COUNTIF({1,2,3},2)')).toBe(1);
    expect(ev('COUNTIF({1,"1",2},1)')).toBe(2);
    expect(ev('COUNTIF({0.1,0.5},"<50%")')).toBe(1);
  });
  it('text is case-insensitive with * and ? wildcards', () => {
    expect(ev('COUNTIF({"apple","Apple","pear"},"apple")')).toBe(2);
    expect(ev('COUNTIF({"王五","王六","李四"},"王*")')).toBe(2);
    expect(ev('COUNTIF({"ab","abc"},"a?")')).toBe(1);
    expect(ev('COUNTIF({"a*","ab"},"a~*")')).toBe(1);
    expect(ev('COUNTIF({"x.y","xzy"},"x.y")')).toBe(1);
  });
  it('"=abc", "<>abc" and text ordering', () => {
    expect(ev('COUNTIF({"abc","b",1},"=abc")')).toBe(1);
    expect(ev('COUNTIF({"abc","b",1},"<>abc")')).toBe(2);
    expect(ev('COUNTIF({"abc","b",1},">a")')).toBe(2);
  });
  it('empty criteria: "" matches empty text, "<>" non-empty', () => {
    expect(ev('COUNTIF({"a",""},"")')).toBe(1);
    expect(ev('COUNTIF({"a",""},"<>")')).toBe(2);
  });
  it('booleans', () => expect(ev('COUNTIF({TRUE,FALSE,"TRUE"},TRUE)')).toBe(1));
  it('SUMIF sums the matching cells, or of a sum range', () => {
    expect(ev('SUMIF({1,2,3},">1")')).toBe(5);
    expect(ev('SUMIF({"a","b","A"},"a",{10,20,30})')).toBe(40);
  });
  it('AVERAGEIF, #DIV/0! when nothing matches', () => {
    expect(ev('AVERAGEIF({1,2,3},">1")')).toBe(2.5);
    expect(code('AVERAGEIF({1,2,3},">5")')).toBe('#DIV/0!');
  });
  it('an error criterion propagates', () => expect(code('COUNTIF({1},1/0)')).toBe('#DIV/0!'));
});

describe('logic', () => {
  it('IF', () => {
    expect(ev('IF(1>2,"y","n")')).toBe('n');
    expect(ev('IF(0,1,2)')).toBe(2);
    expect(ev('IF([n],1,2)')).toBe(1);
  });
  it('IFS returns the first true branch, #N/A when none', () => {
    expect(ev('IFS([n]>5,"big",[n]>3,"mid",TRUE,"small")')).toBe('mid');
    expect(code('IFS(FALSE,1)')).toBe('#N/A');
    expect(code('IFS(TRUE,1,FALSE)')).toBe('#VALUE!');
  });
  it('IFERROR catches every error, IFNA only #N/A', () => {
    expect(ev('IFERROR(1/0,"x")')).toBe('x');
    expect(ev('IFERROR(5,"x")')).toBe(5);
    expect(ev('IFNA(#N/A,2)')).toBe(2);
    expect(code('IFNA(1/0,2)')).toBe('#DIV/0!');
  });
  it('AND and OR over values and arrays', () => {
    expect(ev('AND(TRUE,1)')).toBe(true);
    expect(ev('AND(TRUE,0)')).toBe(false);
    expect(ev('OR(FALSE,0)')).toBe(false);
    expect(ev('OR({0,1})')).toBe(true);
    expect(ev('AND("TRUE")')).toBe(true);
    expect(code('AND("abc")')).toBe('#VALUE!');
    expect(code('AND([blank])')).toBe('#VALUE!');
  });
  it('NOT', () => {
    expect(ev('NOT(TRUE)')).toBe(false);
    expect(ev('NOT(0)')).toBe(true);
  });
  it('SWITCH matches case-insensitively, else default or #N/A', () => {
    expect(ev('SWITCH("A","a",1,2)')).toBe(1);
    expect(ev('SWITCH(3,1,"a",2,"b","z")')).toBe('z');
    expect(code('SWITCH(3,1,"a",2,"b")')).toBe('#N/A');
  });
  it('CHOOSE picks the index-th value, #VALUE! outside', () => {
    expect(ev('CHOOSE(2,"a","b")')).toBe('b');
    expect(code('CHOOSE(3,"a","b")')).toBe('#VALUE!');
  });
  it('TRUE() and FALSE() are functions too', () => expect(ev('AND(TRUE(),NOT(FALSE()))')).toBe(true));
});

describe('lookup', () => {
  it('MATCH type 1 finds the largest value ≤ x in ascending data', () => {
    expect(ev('MATCH(85,{70,80,90},1)')).toBe(2);
    expect(ev('MATCH(85,{70,80,90})')).toBe(2);
    expect(code('MATCH(5,{70,80,90},1)')).toBe('#N/A');
  });
  it('MATCH type 0 is exact, with wildcards for text', () => {
    expect(ev('MATCH(80,{70,80,90},0)')).toBe(2);
    expect(ev('MATCH("B*",{"a","bc"},0)')).toBe(2);
    expect(code('MATCH(81,{70,80,90},0)')).toBe('#N/A');
  });
  it('MATCH type -1 finds the smallest value ≥ x in descending data', () => expect(ev('MATCH(85,{90,80,70},-1)')).toBe(1));
  it('LOOKUP in vectors and arrays', () => {
    expect(ev('LOOKUP(87,{0,60,80,90},{"D","C","B","A"})')).toBe('B');
    expect(ev('LOOKUP(95,{0,60,80,90;"D","C","B","A"})')).toBe('A');
    expect(code('LOOKUP(-1,{0,60},{"D","C"})')).toBe('#N/A');
  });
  it('INDEX picks a cell, #REF! outside', () => {
    expect(ev('INDEX({10,20,30},2)')).toBe(20);
    expect(ev('INDEX({1,2;3,4},2,1)')).toBe(3);
    expect(ev('INDEX({1,2;3,4},2)')).toBe(3);
    expect(code('INDEX({1,2;3,4},3,1)')).toBe('#REF!');
    expect(code('INDEX({1,2},-1)')).toBe('#VALUE!');
    expect(ev('SUM(INDEX({1,2;3,4},0,2))')).toBe(6);
  });
  it('ROWS and COLUMNS', () => {
    expect(ev('ROWS({1;2;3})')).toBe(3);
    expect(ev('COLUMNS({1,2})')).toBe(2);
    expect(ev('ROWS(5)')).toBe(1);
  });
});

describe('rank', () => {
  it('RANK.EQ ties share the best rank (1,1,3)', () => {
    expect(ev('RANK.EQ(90,{90,80,90})')).toBe(1);
    expect(ev('RANK.EQ(80,{90,80,90})')).toBe(3);
  });
  it('RANK.EQ ascending with order 1', () => {
    expect(ev('RANK.EQ(80,{90,80,90},1)')).toBe(1);
    expect(ev('RANK.EQ(90,{90,80,90},1)')).toBe(2);
  });
  it('RANK.EQ of a number not in the range is #N/A', () => expect(code('RANK.EQ(85,{90,80})')).toBe('#N/A'));
  it('RANK is RANK.EQ', () => expect(ev('RANK(3,{1,2,3})')).toBe(1));
  it('RANK.EQ skips text in the range', () => expect(ev('RANK.EQ(2,{"x",1,2})')).toBe(1));
  it("PERCENTRANK.INC follows Excel's worked example", () => {
    const data = '{13,12,11,8,4,3,2,1,1,1}';
    expect(ev(`PERCENTRANK.INC(${data},2)`)).toBe(0.333);
    expect(ev(`PERCENTRANK.INC(${data},4)`)).toBe(0.555);
    expect(ev(`PERCENTRANK.INC(${data},8)`)).toBe(0.666);
    expect(ev(`PERCENTRANK.INC(${data},5)`)).toBe(0.583);
    expect(ev(`PERCENTRANK.INC(${data},5,5)`)).toBe(0.58333);
  });
  it('PERCENTRANK.INC truncates, edges and errors', () => {
    expect(ev('PERCENTRANK.INC({1,2,3},2)')).toBe(0.5);
    expect(ev('PERCENTRANK.INC({1,2,3,4},2,2)')).toBe(0.33);
    expect(ev('PERCENTRANK.INC({1,2,3},3)')).toBe(1);
    expect(ev('PERCENTRANK.INC({7},7)')).toBe(1);
    expect(code('PERCENTRANK.INC({1,2,3},4)')).toBe('#N/A');
    expect(code('PERCENTRANK.INC({1,2,3},2,0)')).toBe('#NUM!');
    expect(ev('PERCENTRANK({1,2,3},1)')).toBe(0);
  });
});

describe('information', () => {
  it('ISBLANK is TRUE only for an empty cell', () => {
    expect(ev('ISBLANK([blank])')).toBe(true);
    expect(ev('ISBLANK("")')).toBe(false);
    expect(ev('ISBLANK(0)')).toBe(false);
  });
  it('ISNUMBER, ISTEXT, ISLOGICAL', () => {
    expect(ev('ISNUMBER(1)')).toBe(true);
    expect(ev('ISNUMBER("1")')).toBe(false);
    expect(ev('ISTEXT([text])')).toBe(true);
    expect(ev('ISLOGICAL([yes])')).toBe(true);
  });
  it('ISERROR and ISNA never return an error', () => {
    expect(ev('ISERROR(1/0)')).toBe(true);
    expect(ev('ISERROR(1)')).toBe(false);
    expect(ev('ISNA(#N/A)')).toBe(true);
    expect(ev('ISNA(1/0)')).toBe(false);
  });
  it('NA() is #N/A', () => expect(code('NA()')).toBe('#N/A'));
});

describe('Kaohe helpers', () => {
  it('CLAMP limits to low..high', () => {
    expect(ev('CLAMP(5,0,3)')).toBe(3);
    expect(ev('CLAMP(-1,0,3)')).toBe(0);
    expect(ev('CLAMP(2,0,3)')).toBe(2);
    expect(code('CLAMP(1/0,0,3)')).toBe('#DIV/0!');
  });
  it('CLAMP follows MIN(MAX()) exactly: a blank name is skipped', () => expect(ev('CLAMP([blank],-5,3)')).toBe(-5));
  it('BAND gives the points of the first threshold reached', () => {
    const rule = (x: number) => ev(`BAND(${x},{90,85,80},{20,10,5},0)`);
    expect([95, 90, 89.9, 85, 80, 79].map(rule)).toEqual([20, 20, 10, 10, 5, 0]);
  });
  it('BAND without otherwise is #N/A below every threshold', () => {
    expect(code('BAND(10,{90,85},{20,10})')).toBe('#N/A');
  });
  it('BAND with lists of different lengths is #VALUE!', () => expect(code('BAND(95,{90,85},{20},0)')).toBe('#VALUE!'));
  it('BAND propagates an error in its value', () => expect(code('BAND(1/0,{90},{20},0)')).toBe('#DIV/0!'));
  it('BAND accepts percent thresholds and a single threshold', () => {
    expect(ev('BAND(0.92,{0.9,0.8},{2,1},0)')).toBe(2);
    expect(ev('BAND(100%,1,5,0)')).toBe(5);
  });
});

describe('function list', () => {
  it('every function has a signature and description', () => {
    expect(FUNCTION_NAMES.length).toBeGreaterThanOrEqual(45);
    for (const help of FUNCTION_HELP) {
      expect(help.signature.startsWith(`${help.name}(`)).toBe(true);
      expect(help.description.length).toBeGreaterThan(5);
    }
  });
  it('lists the functions the scorecards use', () => {
    for (const name of ['SUM', 'IF', 'RANK.EQ', 'PERCENTRANK.INC', 'TEAM', 'TEAMSIZE', 'CLAMP', 'BAND', 'COUNTIF']) {
      expect(FUNCTION_NAMES).toContain(name);
    }
  });
});
