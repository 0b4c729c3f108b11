import { describe, expect, it } from 'vitest';
import { errorValue, evaluate, isArray, isError } from '../../../src/formula/index';
import type { ScopeValue } from '../../../src/formula/index';

const scope: Record<string, ScopeValue> = {
  x: 87,
  blank: null,
  text: 'abc',
  numText: '12',
  yes: true,
  询单人数: 30,
  接待人数: 120,
  'name with space': 5,
  cycle: errorValue('#CYCLE!'),
};

function ev(source: string): ScopeValue {
  return evaluate(source, scope);
}

function code(source: string): string | undefined {
  const value = ev(source);
  return isError(value) ? value.code : undefined;
}

describe('evaluate', () => {
  it('-2^2 is 4 like Excel', () => expect(ev('-2^2')).toBe(4));
  it('2^3^2 is 64: ^ is left-associative like Excel', () => expect(ev('2^3^2')).toBe(64));
  it('percent divides by 100 and applies to any operand', () => {
    expect(ev('90%')).toBe(0.9);
    expect(ev('[x]%')).toBe(0.87);
    expect(ev('(1+1)%')).toBe(0.02);
  });

  it('reads bare and bracketed names in any script', () => {
    expect(ev('询单人数/接待人数')).toBe(0.25);
    expect(ev('[询单人数]/[接待人数]')).toBe(0.25);
    expect(ev('[name with space]*2')).toBe(10);
  });

  it('unknown name gives #NAME? with the name as detail', () => {
    expect(ev('[nobody]+1')).toEqual({ type: 'error', code: '#NAME?', detail: 'nobody' });
    expect(code('X')).toBe('#NAME?');
  });

  it('names are case-sensitive', () => expect(code('[X]')).toBe('#NAME?'));

  it('unknown function gives #NAME?', () => expect(code('FOO(1)')).toBe('#NAME?'));

  it('wrong argument count gives #VALUE! with a message', () => {
    expect(ev('ROUND(1)')).toEqual({ type: 'error', code: '#VALUE!', detail: 'ROUND takes 2 arguments' });
  });

  it('syntax error gives #VALUE! with the message as detail', () => {
    expect(ev('SUM(1,2')).toEqual({ type: 'error', code: '#VALUE!', detail: "syntax error: expected ')' at 7" });
  });

  it('an array result shows its top-left element', () => expect(ev('{7,8;9,10}*2')).toBe(14));

  it('TEAM(x) in a one-row scope is the 1×1 column of x', () => {
    expect(ev('RANK.EQ([x],TEAM([x]))')).toBe(1);
    expect(ev('TEAMSIZE()')).toBe(1);
    expect(ev('AVERAGE(TEAM(x))')).toBe(87);
  });
});

describe('arithmetic coercion and errors', () => {
  it('division by zero is #DIV/0!', () => {
    expect(code('1/0')).toBe('#DIV/0!');
    expect(code('[x]/[blank]')).toBe('#DIV/0!');
  });

  it('numeric text coerces in arithmetic, other text is #VALUE!', () => {
    expect(ev('[numText]+1')).toBe(13);
    expect(ev('"1e3"/10')).toBe(100);
    expect(ev('"50%"*2')).toBe(1);
    expect(code('[text]+1')).toBe('#VALUE!');
    expect(code('""+1')).toBe('#VALUE!');
  });

  it('booleans are 1 and 0 in arithmetic', () => expect(ev('TRUE+TRUE+FALSE')).toBe(2));

  it('overflow is #NUM!', () => {
    expect(code('1e308*10')).toBe('#NUM!');
    expect(code('10^400')).toBe('#NUM!');
  });

  it('0^0 is #NUM! and 0^-1 is #DIV/0! like Excel', () => {
    expect(code('0^0')).toBe('#NUM!');
    expect(code('0^-1')).toBe('#DIV/0!');
    expect(code('(-8)^(1/3)')).toBe('#NUM!');
  });

  it('errors propagate, the leftmost first', () => {
    expect(code('#N/A+1/0')).toBe('#N/A');
    expect(code('1/0+#N/A')).toBe('#DIV/0!');
    expect(code('[cycle]*2')).toBe('#CYCLE!');
    expect(code('SUM(1,[cycle])')).toBe('#CYCLE!');
    expect(code('-#REF!')).toBe('#REF!');
    expect(code('#NUM!%')).toBe('#NUM!');
  });

  it('an operand error wins over a coercion error', () => expect(code('"abc"+1/0')).toBe('#DIV/0!'));

  it('cancellation noise snaps to zero', () => {
    expect(ev('0.1+0.2-0.3')).toBe(0);
    expect(ev('0.3-0.1-0.2')).toBe(0);
  });

  it('unary plus leaves text alone, unary minus coerces', () => {
    expect(ev('+"a"')).toBe('a');
    expect(ev('-"3"')).toBe(-3);
    expect(code('-"a"')).toBe('#VALUE!');
  });
});

describe('blank', () => {
  it('is 0 in arithmetic', () => expect(ev('[blank]+5')).toBe(5));
  it('is "" in &', () => expect(ev('"a"&[blank]&"b"')).toBe('ab'));
  it('is FALSE in logic', () => {
    expect(ev('IF([blank],1,2)')).toBe(2);
    expect(ev('NOT([blank])')).toBe(true);
  });
  it('equals 0, "" and FALSE in comparisons', () => {
    expect(ev('[blank]=0')).toBe(true);
    expect(ev('[blank]=""')).toBe(true);
    expect(ev('[blank]=FALSE')).toBe(true);
    expect(ev('[blank]=[blank]')).toBe(true);
    expect(ev('[blank]<1')).toBe(true);
  });
  it('a formula that is just a blank name gives blank', () => expect(ev('[blank]')).toBeNull());
});

describe('comparisons', () => {
  it('order is number < text < boolean', () => {
    expect(ev('1<"a"')).toBe(true);
    expect(ev('999999<"0"')).toBe(true);
    expect(ev('"z"<TRUE')).toBe(true);
    expect(ev('FALSE>100')).toBe(true);
  });

  it('text compares case-insensitively', () => {
    expect(ev('"abc"="ABC"')).toBe(true);
    expect(ev('"a"<"B"')).toBe(true);
    expect(ev('"优秀"<>"良好"')).toBe(true);
  });

  it('text that looks like a number is still text', () => {
    expect(ev('"1"=1')).toBe(false);
    expect(ev('[numText]>100')).toBe(true);
  });

  it('float noise never flips a band edge: 0.7+0.2 >= 90%', () => {
    expect(ev('0.7+0.2>=90%')).toBe(true);
    expect(ev('0.1+0.2=0.3')).toBe(true);
    expect(ev('0.1*3>0.3')).toBe(false);
  });

  it('booleans compare TRUE > FALSE', () => expect(ev('TRUE>FALSE')).toBe(true));
});

describe('& joins text', () => {
  it('numbers join with at most 15 significant digits, like Excel', () => {
    expect(ev('"a"&1/3')).toBe('a0.333333333333333');
    expect(ev('0.1+0.2&""')).toBe('0.3');
    expect(ev('1E+21&""')).toBe('1E+21');
    expect(ev('-1&""')).toBe('-1');
  });
  it('booleans join as TRUE/FALSE', () => expect(ev('1&TRUE')).toBe('1TRUE'));
});

describe('arrays broadcast elementwise', () => {
  function array(source: string) {
    const parsed = evaluate(`SUMPRODUCT(${source})`, scope);
    return parsed;
  }
  it('array with scalar', () => expect(array('{1,2,3}*2')).toBe(12));
  it('same-shape arrays', () => expect(array('{1,2;3,4}+{10,20;30,40}')).toBe(110));
  it('row with column makes a grid', () => expect(ev('SUM({1,2}*{3;4})')).toBe(21));
  it('mismatched lengths give #N/A in the missing cells', () => expect(ev('COUNTA({1,2}+{1,2,3})')).toBe(3));
  it('comparison over an array', () => expect(ev('SUMPRODUCT(--({90,80,70}>=80))')).toBe(2));
  it('negation and percent over an array', () => expect(ev('SUM(-{1,2}%)')).toBe(-0.03));
  it('a function that needs one value gets #VALUE! from a bigger array', () => {
    expect(code('ROUND({1.5,2.5},0)')).toBe('#VALUE!');
    expect(code('IF({TRUE,FALSE},1,2)')).toBe('#VALUE!');
  });
  it('evaluate returns a top-left scalar, never an array', () => expect(isArray(ev('{1,2}'))).toBe(false));
});

describe('lazy evaluation', () => {
  it('IF does not evaluate the branch it does not take', () => {
    expect(ev('IF(TRUE,1,1/0)')).toBe(1);
    expect(ev('IF([x]>50,"ok",[nobody])')).toBe('ok');
    expect(ev('IF([x]<50,[nobody],"ok")')).toBe('ok');
  });
  it('IF with 2 arguments returns FALSE when false', () => expect(ev('IF(1>2,"y")')).toBe(false));
  it('IF with an error condition returns the error', () => expect(code('IF(1/0,1,2)')).toBe('#DIV/0!'));
  it('IF with text condition is #VALUE! unless TRUE/FALSE text', () => {
    expect(code('IF("abc",1,2)')).toBe('#VALUE!');
    expect(ev('IF("true",1,2)')).toBe(1);
  });
  it('IFERROR, IFNA, IFS, SWITCH, CHOOSE skip untaken branches', () => {
    expect(ev('IFERROR(1,[nobody])')).toBe(1);
    expect(ev('IFNA(1,[nobody])')).toBe(1);
    expect(ev('IFS(TRUE,1,[nobody],2)')).toBe(1);
    expect(ev('SWITCH(1,1,"a",2,1/0)')).toBe('a');
    expect(ev('CHOOSE(1,"a",1/0)')).toBe('a');
    expect(ev('BAND(95,{90},{20},1/0)')).toBe(20);
  });
  it('AND and OR evaluate every argument, like Excel', () => {
    expect(code('AND(FALSE,1/0)')).toBe('#DIV/0!');
    expect(code('OR(TRUE,1/0)')).toBe('#DIV/0!');
  });
});
