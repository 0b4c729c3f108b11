import { describe, expect, it } from 'vitest';
import { lex } from '../../../src/formula/lexer';
import { tokenize } from '../../../src/formula/index';

function kinds(source: string): string[] {
  return tokenize(source)
    .filter((t) => t.kind !== 'whitespace')
    .map((t) => `${t.kind}:${source.slice(t.start, t.end)}`);
}

describe('lexer', () => {
  it('reads Chinese bare names as one identifier', () => {
    expect(lex('询单人数/接待人数')).toMatchObject([
      { kind: 'identifier', text: '询单人数' },
      { kind: 'operator', op: '/' },
      { kind: 'identifier', text: '接待人数' },
    ]);
  });

  it('reads names in other scripts, with digits, underscores and dots after the first letter', () => {
    expect(lex('score_a1 + résumé.v2 + Ωμέγα + _x')).toMatchObject([
      { kind: 'identifier', text: 'score_a1' },
      { kind: 'whitespace' },
      { kind: 'operator', op: '+' },
      { kind: 'whitespace' },
      { kind: 'identifier', text: 'résumé.v2' },
      { kind: 'whitespace' },
      { kind: 'operator', op: '+' },
      { kind: 'whitespace' },
      { kind: 'identifier', text: 'Ωμέγα' },
      { kind: 'whitespace' },
      { kind: 'operator', op: '+' },
      { kind: 'whitespace' },
      { kind: 'identifier', text: '_x' },
    ]);
  });

  it('reads bracketed names with spaces, parentheses and an escaped ]]', () => {
    expect(lex('[客户满意度 (%)]')).toMatchObject([{ kind: 'bracketName', name: '客户满意度 (%)', start: 0, end: 11 }]);
    expect(lex('[a]]b]')).toMatchObject([{ kind: 'bracketName', name: 'a]b' }]);
  });

  it('reads numbers: integers, decimals, leading dot, exponents', () => {
    const values = lex('12 0.5 .5 1e3 2.5E-2 1e+21 7.')
      .filter((t) => t.kind === 'number')
      .map((t) => (t.kind === 'number' ? t.value : NaN));
    expect(values).toEqual([12, 0.5, 0.5, 1000, 0.025, 1e21, 7]);
  });

  it('reads percent as its own token after any operand', () => {
    expect(kinds('90%+[x]%')).toEqual(['number:90', 'operator:%', 'operator:+', 'name:[x]', 'operator:%']);
  });

  it('reads strings with doubled quotes as one quote', () => {
    expect(lex('"say ""hi"""')).toMatchObject([{ kind: 'string', value: 'say "hi"' }]);
    expect(lex('""')).toMatchObject([{ kind: 'string', value: '' }]);
  });

  it('reads array constants as braces, commas and semicolons', () => {
    expect(kinds('{1,2;3,-4}')).toEqual([
      'paren:{',
      'number:1',
      'comma:,',
      'number:2',
      'comma:;',
      'number:3',
      'comma:,',
      'operator:-',
      'number:4',
      'paren:}',
    ]);
  });

  it('reads two-character comparison operators', () => {
    expect(lex('a<>b<=c>=d').filter((t) => t.kind === 'operator')).toMatchObject([{ op: '<>' }, { op: '<=' }, { op: '>=' }]);
  });

  it('reads error literals case-insensitively', () => {
    expect(lex('#N/A #div/0! #VALUE! #NAME? #NUM! #REF! #NULL!').filter((t) => t.kind === 'error')).toMatchObject([
      { code: '#N/A' },
      { code: '#DIV/0!' },
      { code: '#VALUE!' },
      { code: '#NAME?' },
      { code: '#NUM!' },
      { code: '#REF!' },
      { code: '#NULL!' },
    ]);
  });

  it('marks an unknown character as invalid with its position', () => {
    expect(lex('1 $ 2')[2]).toMatchObject({ kind: 'invalid', start: 2, end: 3, message: "unexpected character '$'" });
  });

  it('names the ASCII character meant by full-width punctuation', () => {
    expect(lex('SUM（1）')[1]).toMatchObject({ kind: 'invalid', message: "full-width '（' (use '(')" });
  });

  it('marks an unterminated string as invalid to the end of input', () => {
    expect(lex('"abc')).toMatchObject([{ kind: 'invalid', start: 0, end: 4, message: `expected '"'`, at: 4 }]);
  });
});

describe('tokenize for highlighting', () => {
  it('tells functions, names and booleans apart', () => {
    expect(kinds('=IF(true,[得分],rank.eq(x,TEAM(x)))')).toEqual([
      'operator:=',
      'function:IF',
      'paren:(',
      'boolean:true',
      'comma:,',
      'name:[得分]',
      'comma:,',
      'function:rank.eq',
      'paren:(',
      'name:x',
      'comma:,',
      'function:TEAM',
      'paren:(',
      'name:x',
      'paren:)',
      'paren:)',
      'paren:)',
    ]);
  });

  it('marks strings, errors and whitespace', () => {
    expect(tokenize('"a" & #N/A').map((t) => t.kind)).toEqual(['string', 'whitespace', 'operator', 'whitespace', 'error']);
  });

  it('never throws on garbage and covers every character exactly once', () => {
    const alphabet = ['(', ')', '[', ']', '{', '}', '"', '#', '%', ',', ';', '-', '^', 'a', '考', '1', '.', 'e', ' ', '\n', '!', '?', '\\', '😀', '\uD800', '～', '='];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 24);
      let source = '';
      for (let i = 0; i < length; i++) source += alphabet[Math.floor(random() * alphabet.length)];
      const tokens = tokenize(source);
      let at = 0;
      for (const token of tokens) {
        expect(token.start).toBe(at);
        expect(token.end).toBeGreaterThan(token.start);
        at = token.end;
      }
      expect(at).toBe(source.length);
    }
  });
});
