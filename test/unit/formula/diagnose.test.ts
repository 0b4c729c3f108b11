import { describe, expect, it } from 'vitest';
import { diagnose, printName } from '../../../src/formula/index';
import { astOf } from './sheet-fixture';

describe('diagnose', () => {
  it('reports unknown functions, argument counts and TEAM misuse with spans', () => {
    expect(diagnose(astOf('FOO(1)+ROUND([x])+TEAM(1)'))).toEqual([
      { message: 'unknown function FOO', start: 0, end: 6 },
      { message: 'ROUND takes 2 arguments', start: 7, end: 17 },
      { message: 'TEAM takes a name, e.g. TEAM([总分])', start: 23, end: 24 },
    ]);
  });

  it('reports unknown names when given the known ones', () => {
    expect(diagnose(astOf('[询单人数]/[接待]'), (name) => name === '询单人数')).toEqual([
      { message: 'unknown name 接待', start: 7, end: 11 },
    ]);
  });

  it('is empty for a good formula', () => {
    expect(diagnose(astOf('IF([a]>=90%,20,0)+IFS(TRUE,1)'), () => true)).toEqual([]);
  });

  it('IFS needs pairs', () => {
    expect(diagnose(astOf('IFS(TRUE,1,FALSE)'))[0]?.message).toBe('IFS takes pairs of condition and value');
  });
});

describe('printName', () => {
  it('brackets only names that would not read back bare', () => {
    expect(printName('客户满意度')).toBe('客户满意度');
    expect(printName('客户满意度 (%)')).toBe('[客户满意度 (%)]');
    expect(printName('a]b')).toBe('[a]]b]');
    expect(printName('true')).toBe('[true]');
    expect(printName('max')).toBe('[max]');
  });
});
