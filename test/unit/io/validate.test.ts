import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/io/csv-read';
import { autoMap, matchIndex, type ColumnMapping } from '../../../src/io/mapping';
import type { RawTable } from '../../../src/io/table';
import { entryTargets } from '../../../src/io/targets';
import { batchSize, entriesOf as listEntries, validateImport, type ImportPlan } from '../../../src/io/validate';
import { csWeeklyKpi } from '../../../src/scoring/builtins/index';
import { context, encodeGb18030, template, utf8 } from './helpers';

const index = matchIndex(entryTargets(template), template);

function tableOf(text: string, file = 'wide.csv'): RawTable {
  const result = readCsv(file, utf8(text));
  if (!result.ok) throw new Error(result.problem.code);
  return result.table;
}

function plan(text: string, overrides = {}, mapping?: ColumnMapping): ImportPlan {
  const table = tableOf(text);
  return validateImport(table, mapping ?? autoMap(table.rows[0]!, index, 0), context(overrides));
}

function entriesOf(result: ImportPlan): string[] {
  return listEntries(result.entries).map((e) => `${e.person} ${e.key} ${e.role} ${e.rater || '-'} ${e.value}`);
}

describe('wide layout', () => {
  it('one row per person, one column per input and role', () => {
    const result = plan('工号,姓名,完成率（上级）,以客户为中心等级（上级）,投诉2小时内未响应（上级）\nKF001,王芳,92%,4级,否\nKF002,李娜,0.85,5,是\n');
    expect(result.problems).toEqual([]);
    expect(entriesOf(result)).toEqual([
      'p1 process_completion supervisor - 0.92',
      'p1 customer_focus_level supervisor - 4',
      'p1 complaint_no_response supervisor - 0',
      'p2 process_completion supervisor - 0.85',
      'p2 customer_focus_level supervisor - 5',
      'p2 complaint_no_response supervisor - 1',
    ]);
    expect(result.stats).toEqual({ rows: 2, people: 2, values: 6, blanks: 0 });
    expect(result.preview[0]!.cells.map((cell) => cell.value)).toEqual([0.92, 4, 0]);
  });

  it('each problem names file, row, column and what was expected', () => {
    const result = plan('姓名,完成率（上级）,客户满意度得分（上级）,转介绍新客户数（上级）\n王芳,abc,101,2.5\n赵六,90%,80,1\n王芳,90%,80,1\n');
    expect(result.errorCount).toBe(5);
    expect(result.problems.map((p) => [p.code, p.row, p.column, p.expected ?? '', p.received])).toEqual([
      ['notANumber', 2, 1, '90% / 0.9', 'abc'],
      ['outOfRange', 2, 2, '0 – 100', '101'],
      ['notInteger', 2, 3, '0, 1, 2 …', '2.5'],
      ['unknownPerson', 3, 0, '', '赵六'],
      ['duplicateRow', 4, 0, '', '王芳'],
    ]);
    expect(result.problems[0]).toMatchObject({ file: 'wide.csv', header: '完成率（上级）', severity: 'error' });
  });

  it('people not on the roster are created when asked, once per person', () => {
    const result = plan('工号,姓名,完成率\nKF009,赵六,90%\nKF003,张伟,80%\n', { createMissingPeople: true });
    expect(result.problems).toEqual([]);
    expect(result.newPeople).toEqual([{ ref: 'new:1', name: '赵六', employeeNo: 'KF009', row: 2 }]);
    expect(entriesOf(result)).toEqual(['new:1 process_completion self - 0.9', 'p3 process_completion self - 0.8']);
  });

  it('a percent column of whole numbers is read as percents, and the report says so', () => {
    const result = plan('姓名,完成率\n王芳,92\n李娜,85\n');
    expect(listEntries(result.entries).map((e) => e.value)).toEqual([0.92, 0.85]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'wholePercents', severity: 'note', column: 1, header: '完成率' })]);
  });

  it('blank cells are left alone, not stored as zero', () => {
    const result = plan('姓名,完成率,信息利用率\n王芳,,0.9\n');
    expect(entriesOf(result)).toEqual(['p1 info_utilisation self - 0.9']);
    expect(result.stats.blanks).toBe(1);
  });

  it('reads a GBK file saved by Chinese Excel end to end', () => {
    const read = readCsv('gbk.csv', encodeGb18030('工号,姓名,客户满意度得分（上级）\r\nKF002,李娜,88\r\n'));
    if (!read.ok) throw new Error('unreadable');
    const result = validateImport(read.table, autoMap(read.table.rows[0]!, index, 0), context());
    expect(entriesOf(result)).toEqual(['p2 satisfaction_score supervisor - 88']);
  });

  it('a __proto__ header is refused and nothing is planned to be stored past it', () => {
    const result = plan('__proto__,姓名,完成率\n{"polluted":1},王芳,90%\n');
    expect(result.problems[0]).toMatchObject({ code: 'unsafeHeader', row: 1, column: 0, severity: 'error' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file without a person column or without any input column says which is missing', () => {
    expect(plan('备注,完成率\nx,90%\n').problems.map((p) => p.code)).toEqual(['noPersonColumn']);
    expect(plan('姓名,备注\n王芳,x\n').problems.map((p) => p.code)).toEqual(['noEntryColumn']);
  });

  it('a team-wide input takes one value; rows that disagree are reported', () => {
    const index3 = matchIndex(entryTargets(csWeeklyKpi), csWeeklyKpi);
    const table = tableOf('姓名,公共销售业绩总额\n王芳,100000\n李娜,100000\n张伟,90000\n');
    const result = validateImport(table, autoMap(table.rows[0]!, index3, 0), context({ template: csWeeklyKpi }));
    expect(batchSize(result.entries)).toBe(1);
    expect(listEntries(result.entries)[0]!.person).toBe('@team');
    expect(result.problems.map((p) => [p.code, p.row, p.expected])).toEqual([['teamValuesDiffer', 4, '100000']]);
  });
});

describe('long layout', () => {
  const header = '工号,姓名,期间,指标,评价人角色,评价人,值\n';

  it('one row per person × item × role × rater; an indicator name means the input it reads', () => {
    const result = plan(`${header}KF001,王芳,2026-11,完成率,上级,赵经理,90%\nKF001,王芳,2026年11月,以客户为中心,自评,,3\nKF002,李娜,,客户满意度得分,Supervisor,,95\n`);
    expect(result.layout).toBe('long');
    expect(result.problems).toEqual([]);
    expect(entriesOf(result)).toEqual([
      'p1 process_completion supervisor 赵经理 0.9',
      'p1 customer_focus_level self - 3',
      'p2 satisfaction_score supervisor - 95',
    ]);
  });

  it('reports another period, an unknown item, an unknown role and duplicates', () => {
    const result = plan(
      `${header}KF001,王芳,2026-10,完成率,上级,,90%\nKF001,王芳,2026-11,加班,上级,,1\nKF001,王芳,2026-11,完成率,客户,,90%\nKF002,李娜,2026-11,完成率,上级,,90%\nKF002,李娜,2026-11,完成率,上级,,80%\n`,
    );
    expect(result.problems.map((p) => [p.code, p.row, p.column, p.expected])).toEqual([
      ['otherPeriod', 2, 2, '2026-11'],
      ['unknownItem', 3, 3, template.name],
      ['unknownRole', 4, 4, 'self, supervisor'],
      ['duplicateRow', 6, 3, undefined],
    ]);
    expect(entriesOf(result)).toEqual(['p2 process_completion supervisor - 0.9']);
  });

  it('a long file without a value column is refused before any row is read', () => {
    const result = plan('姓名,指标\n王芳,完成率\n', {}, { layout: 'long', headerRow: 0, columns: ['person.name', 'long.item'] });
    expect(result.problems.map((p) => p.code)).toEqual(['noValueColumn']);
  });
});
