import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/formula/index';
import { sexpr } from './sexpr';

function tree(source: string): string {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.message);
  return sexpr(result.ast);
}

function syntaxError(source: string) {
  const result = parse(source);
  if (result.ok) throw new Error(`expected a syntax error for ${source}`);
  return result.error;
}

describe('parser: precedence and associativity', () => {
  it.each([
    ['1+2*3', '(+ 1 (* 2 3))'],
    ['(1+2)*3', '(* (+ 1 2) 3)'],
    ['1-2-3', '(- (- 1 2) 3)'],
    ['8/4/2', '(/ (/ 8 4) 2)'],
    ['2^3^2', '(^ (^ 2 3) 2)'],
    ['-2^2', '(^ (-u 2) 2)'],
    ['2^-1', '(^ 2 (-u 1))'],
    ['-5%', '(% (-u 5))'],
    ['2^50%', '(^ 2 (% 50))'],
    ['[x]%%', '(% (% [x]))'],
    ['2*3^2', '(* 2 (^ 3 2))'],
    ['"a"&1+2', '(& "a" (+ 1 2))'],
    ['1&2=12', '(= (& 1 2) 12)'],
    ['1<2=TRUE', '(= (< 1 2) TRUE)'],
    ['a+b*c-d/e^f', '(- (+ [a] (* [b] [c])) (/ [d] (^ [e] [f])))'],
    ['--1', '(-u (-u 1))'],
    ['+a', '(+u [a])'],
  ])('%s parses as %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe('parser: operands', () => {
  it('ignores a leading =', () => {
    expect(tree('=1+1')).toBe('(+ 1 1)');
    expect(tree('  = 1')).toBe('1');
  });

  it('reads bare Chinese names and bracketed names alike', () => {
    expect(tree('询单人数/[接待人数]')).toBe('(/ [询单人数] [接待人数])');
    expect(tree('[客户满意度 (%)]>=90')).toBe('(>= [客户满意度 (%)] 90)');
  });

  it('upper-cases function names, keeps names case-sensitive', () => {
    expect(tree('rank.eq(Score,team(score))')).toBe('(RANK.EQ [Score] (TEAM [score]))');
  });

  it('reads TRUE and FALSE in any case as booleans, TRUE() as a call', () => {
    expect(tree('true')).toBe('TRUE');
    expect(tree('False')).toBe('FALSE');
    expect(tree('TRUE()')).toBe('(TRUE)');
    expect(tree('[TRUE]')).toBe('[TRUE]');
  });

  it('reads calls with no arguments', () => {
    expect(tree('TEAMSIZE()')).toBe('(TEAMSIZE)');
  });

  it('reads array constants with rows and negative numbers', () => {
    expect(tree('{90,85,80}')).toBe('{90,85,80}');
    expect(tree('{1,-2;"a",TRUE}')).toBe('{1,-2;"a",TRUE}');
  });

  it('reads error literals', () => {
    expect(tree('IFERROR(#N/A,0)')).toBe('(IFERROR #N/A 0)');
  });

  it('records source spans for underlining', () => {
    const result = parse('1 + [x]');
    expect(result.ok && result.ast).toMatchObject({ start: 0, end: 7, right: { start: 4, end: 7 } });
  });
});

describe('parser: syntax errors point at the character', () => {
  it("unclosed call: expected ')' at the end", () => {
    expect(syntaxError('SUM(1,2')).toEqual({ message: "expected ')' at 7", position: 7, end: 7 });
  });

  it("syntax error points at the character: expected ')' at 14", () => {
    expect(syntaxError('(([a]+[b])*100').message).toBe("expected ')' at 14");
  });

  it("a call argument followed by junk: expected ',' or ')'", () => {
    expect(syntaxError('SUM(1 2)')).toMatchObject({ message: "expected ',' or ')' at 6", position: 6, end: 7 });
  });

  it('missing operand at the end of input', () => {
    expect(syntaxError('1+').message).toBe('expected a value at 2');
  });

  it('missing operand between operators', () => {
    expect(syntaxError('1+*2')).toMatchObject({ message: 'expected a value at 2', position: 2, end: 3 });
  });

  it('empty formula', () => {
    expect(syntaxError('').message).toBe('expected a value at 0');
    expect(syntaxError('=').message).toBe('expected a value at 1');
  });

  it('unknown character', () => {
    expect(syntaxError('1 $ 2')).toMatchObject({ message: "unexpected character '$' at 2", position: 2, end: 3 });
  });

  it('full-width punctuation says which ASCII character was meant', () => {
    expect(syntaxError('SUM（1）').message).toBe("full-width '（' (use '(') at 3");
  });

  it('an empty argument is refused (Kaohe wants every argument written out): IF(a,,1)', () => {
    expect(syntaxError('IF(a,,1)')).toMatchObject({ message: 'missing argument at 5', position: 5, end: 6 });
    expect(syntaxError('SUM(1,)').message).toBe('missing argument at 6');
    expect(syntaxError('SUM(,1)').message).toBe('missing argument at 4');
  });

  it('leftover input after a complete formula', () => {
    expect(syntaxError('1 2').message).toBe("unexpected '2' at 2");
    expect(syntaxError('1)').message).toBe("unexpected ')' at 1");
  });

  it('a space between a function name and ( is explained', () => {
    expect(syntaxError('SUM (1)').message).toBe("unexpected '(' (no space between a function name and '(') at 4");
  });

  it('unterminated text and names', () => {
    expect(syntaxError('"abc').message).toBe(`expected '"' at 4`);
    expect(syntaxError('[abc').message).toBe("expected ']' at 4");
    expect(syntaxError('[]').message).toBe('empty name [] at 0');
  });

  it('unknown error literal', () => {
    expect(syntaxError('#OOPS + 1').message).toBe("unknown error '#OOPS' at 0");
  });

  it('array constants hold literals only and rows of equal length', () => {
    expect(syntaxError('{1,a}').message).toBe('array constants hold only numbers, text, TRUE/FALSE and errors at 3');
    expect(syntaxError('{1,2;3}').message).toBe('array rows must have the same length at 6');
    expect(syntaxError('{1,2').message).toBe("expected '}' at 4");
  });

  it('deep nesting is refused, not a stack overflow', () => {
    const deep = `${'('.repeat(100_000)}1${')'.repeat(100_000)}`;
    expect(syntaxError(deep).message).toMatch(/^formula nests too deeply at \d+$/);
    expect(syntaxError('-'.repeat(100_000) + '1').message).toMatch(/^formula nests too deeply/);
  });

  it('never throws on garbage', () => {
    const samples = ['((', '))', '{', '}', ',', ';', '%', '^^', '[[]', '"', '#', 'SUM(', 'IF(,', '{1;', '=-', '1e', '..5', '\u0000'];
    for (const sample of samples) expect(() => parse(sample)).not.toThrow();
  });
});
