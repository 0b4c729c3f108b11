// 绩效工资基数 from a file: people found by 工号 or 姓名, amounts as Excel and WPS write them, every
// mistake named by file, sheet, row and column.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readPayBases } from '../../../src/io/pay-bases-read';

const PEOPLE = [
  { id: 'p1', name: '王芳', employeeNo: 'KF001' },
  { id: 'p2', name: '李娜', employeeNo: 'KF002' },
  { id: 'p3', name: '张伟', employeeNo: 'KF003' },
];
const headers = { base: '绩效工资基数' };

function csv(text: string): Uint8Array {
  return new TextEncoder().encode(`\ufeff${text}`);
}

describe('pay bases from a file', () => {
  it('reads a CSV by employee number or name, with grouped and full-width numbers; blank bases are left out', () => {
    const read = readPayBases('基数.csv', csv('工号,姓名,绩效工资基数(元)\r\nKF001,王芳,"8,000"\r\n,李娜,６５００.５\r\nKF003,张伟,\r\n'), PEOPLE, headers);
    expect(read.problems).toEqual([]);
    expect(read.bases).toEqual([
      { personId: 'p1', amount: 8000, row: 2 },
      { personId: 'p2', amount: 6500.5, row: 3 },
    ]);
  });

  it('reads the first sheet of a workbook, below a title', () => {
    const ws = XLSX.utils.aoa_to_sheet([['2026年绩效工资基数'], [], ['姓名', '基数'], ['张伟', 5000], ['王芳', '7000元']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '基数表');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = readPayBases('基数.xlsx', bytes, PEOPLE, headers);
    expect(read.problems).toEqual([]);
    expect(read.bases.map((b) => [b.personId, b.amount, b.row])).toEqual([
      ['p3', 5000, 4],
      ['p1', 7000, 5],
    ]);
  });

  it('names every mistake: someone not on the roster, a base that is not a number or below 0, a person twice', () => {
    const read = readPayBases('基数.csv', csv('工号,姓名,绩效工资基数\r\nKF001,王芳,8000\r\nKF009,钱多多,5000\r\nKF002,李娜,八千\r\nKF003,张伟,-1\r\n,王芳,8100\r\n'), PEOPLE, headers);
    expect(read.problems).toEqual([
      { code: 'unknownPerson', severity: 'error', file: '基数.csv', row: 3, column: 0, received: 'KF009' },
      { code: 'notANumber', severity: 'error', file: '基数.csv', row: 4, column: 2, header: '绩效工资基数', expected: '8000', received: '八千' },
      { code: 'outOfRange', severity: 'error', file: '基数.csv', row: 5, column: 2, header: '绩效工资基数', expected: '0 – 1000000000', received: '-1' },
      { code: 'duplicateRow', severity: 'error', file: '基数.csv', row: 6, column: 1, received: '王芳', params: { first: 2 } },
    ]);
  });

  it('says which column is missing', () => {
    expect(readPayBases('a.csv', csv('姓名,工资\r\n王芳,8000\r\n'), PEOPLE, headers).problems).toEqual([{ code: 'noBaseColumn', severity: 'error', file: 'a.csv', expected: '绩效工资基数' }]);
    expect(readPayBases('a.csv', csv('谁,基数\r\n王芳,8000\r\n'), PEOPLE, headers).problems).toEqual([{ code: 'noPersonColumn', severity: 'error', file: 'a.csv', expected: '绩效工资基数' }]);
  });
});
