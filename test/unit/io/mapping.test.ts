import { describe, expect, it } from 'vitest';
import { autoMap, detectHeaderRow, headerSignature, matchIndex, sanitizeMapping } from '../../../src/io/mapping';
import { entryTargets } from '../../../src/io/targets';
import { manager360 } from '../../../src/scoring/builtins/index';
import { template } from './helpers';

const index = matchIndex(entryTargets(template), template);

describe('autoMap', () => {
  it('matches Chinese headers with full-width brackets, spaces and role suffixes', () => {
    const mapping = autoMap(['工号', ' 姓 名 ', '完成率（上级）', '完成率(自评)', '信息利用率-自评', '客户满意度得分(分)', '备注'], index, 0);
    expect(mapping.layout).toBe('wide');
    expect(mapping.columns).toEqual([
      'person.employeeNo',
      'person.name',
      'entry:supervisor|process_completion',
      'entry:self|process_completion',
      'entry:self|info_utilisation',
      'entry:self|satisfaction_score',
      'ignore',
    ]);
  });

  it('a header without a role means the template\'s first role', () => {
    expect(autoMap(['完成率'], index, 0).columns).toEqual(['entry:self|process_completion']);
  });

  it('a column never takes a target an earlier column has', () => {
    expect(autoMap(['完成率', '完成率（自评）'], index, 0).columns).toEqual(['entry:self|process_completion', 'ignore']);
  });

  it('recognises the long layout by its item and value columns', () => {
    const mapping = autoMap(['姓名', '期间', '指标', '评价人角色', '评价人', '值'], index, 0);
    expect(mapping).toEqual({ layout: 'long', headerRow: 0, columns: ['person.name', 'long.period', 'long.item', 'long.role', 'long.rater', 'long.value'] });
  });

  it('matches English role labels and 360° roles', () => {
    const idx = matchIndex(entryTargets(manager360), manager360);
    expect(autoMap(['Name', '团队合作 (Peer)', '团队合作（下级）', 'KPI指标'], idx, 0).columns).toEqual([
      'person.name',
      'entry:peer|teamwork',
      'entry:subordinate|teamwork',
      'entry:supervisor|kpi',
    ]);
  });

  it('never maps __proto__ or constructor columns', () => {
    expect(autoMap(['__proto__', 'constructor', '姓名'], index, 0).columns).toEqual(['ignore', 'ignore', 'person.name']);
  });
});

describe('detectHeaderRow', () => {
  it('skips title and instruction rows above the header', () => {
    const rows = [['客户考核评分表 2026年11月'], ['请只填写白色单元格'], [], ['工号', '姓名', '完成率'], ['KF001', '王芳', 0.9]];
    expect(detectHeaderRow(rows, index)).toBe(3);
  });
});

describe('remembered mappings', () => {
  it('the same headers give the same signature, whatever the spacing', () => {
    expect(headerSignature(['工号', '姓名'])).toBe(headerSignature([' 工号', '姓 名']));
    expect(headerSignature(['工号', '姓名'])).not.toBe(headerSignature(['姓名', '工号']));
  });

  it('a remembered target that no longer exists falls back to ignore', () => {
    const mapping = sanitizeMapping({ layout: 'wide', headerRow: 0, columns: ['person.name', 'entry:self|gone', 'long.value'] }, 4, entryTargets(template));
    expect(mapping.columns).toEqual(['person.name', 'ignore', 'ignore', 'ignore']);
  });
});
