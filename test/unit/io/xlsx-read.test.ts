import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../../../src/io/xlsx-read';
import { inspectZip } from '../../../src/io/zip-guard';
import { IMPORT_LIMITS } from '../../../src/io/limits';
import type { RawTable } from '../../../src/io/table';
import { zipOf } from './helpers';

function workbookBytes(rows: unknown[][], extra?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  extra?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '评分');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明']]), '说明');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function tableOf(bytes: Uint8Array, sheet = '评分'): RawTable {
  const result = readWorkbook('a.xlsx', bytes);
  if (!result.ok) throw new Error(result.problem.code);
  const table = result.workbook.table(sheet);
  if ('code' in table) throw new Error(table.code);
  return table;
}

/** Offset of the first central-directory entry of a zip. */
function firstDirectoryEntry(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at + 16, true);
    }
  }
  throw new Error('no zip directory');
}

describe('readWorkbook', () => {
  it('lists the sheets and reads cells as plain values; percent-formatted columns are noted', () => {
    const bytes = workbookBytes([['工号', '姓名', '完成率', '是否'], ['007', '王芳', 0.92, true]], (ws) => {
      ws.C2!.z = '0%';
    });
    const result = readWorkbook('a.xlsx', bytes);
    expect(result.ok && result.workbook.sheetNames).toEqual(['评分', '说明']);
    const table = tableOf(bytes);
    expect(table.rows).toEqual([['工号', '姓名', '完成率', '是否'], ['007', '王芳', 0.92, true]]);
    expect(table.percentColumns).toEqual([2]);
  });

  it('gives a date Excel made of "2026-11" back as text', () => {
    const bytes = workbookBytes([['期间'], [46327]], (ws) => {
      ws.A2!.z = 'yyyy-mm-dd';
    });
    expect(tableOf(bytes).rows[1]).toEqual(['2026-11-01']);
  });

  it('a truncated xlsx is reported as damaged', () => {
    const bytes = workbookBytes([['姓名'], ['王芳']]);
    const result = readWorkbook('cut.xlsx', bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(result.ok || result.problem).toEqual({ code: 'damaged', severity: 'error', file: 'cut.xlsx' });
  });

  it('random bytes named .xlsx are reported as damaged', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    expect(readWorkbook('x.xlsx', bytes).ok).toBe(false);
  });

  it('a workbook claiming to unpack to 1 GB is refused before anything is unpacked', () => {
    const bytes = workbookBytes([['姓名'], ['王芳']]);
    const entry = firstDirectoryEntry(bytes);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(entry + 24, 1024 * 1024 * 1024, true);
    const result = readWorkbook('claims.xlsx', bytes);
    expect(result.ok || result.problem).toEqual({ code: 'unpackedTooLarge', severity: 'error', file: 'claims.xlsx', params: { limit: IMPORT_LIMITS.unpackedBytes, size: 1024 * 1024 * 1024 } });
  });

  it('a zip bomb (a sheet of 64 MB packed a thousandfold) is refused before it is unpacked', () => {
    const bytes = zipOf({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(128 * 1024);
    expect(inspectZip(bytes, IMPORT_LIMITS)).toEqual({ ok: false, reason: 'zipBomb', unpackedBytes: 64 * 1024 * 1024 });
    expect(readWorkbook('bomb.xlsx', bytes)).toEqual({ ok: false, problem: { code: 'zipBomb', severity: 'error', file: 'bomb.xlsx' } });
  });

  it('a sheet longer than the row limit is refused with the limit', () => {
    const rows: unknown[][] = [['姓名', '得分']];
    for (let i = 0; i < 300; i++) rows.push([`人${i}`, i]);
    const result = readWorkbook('long.xlsx', workbookBytes(rows), { ...IMPORT_LIMITS, rows: 200 });
    const table = result.ok ? result.workbook.table('评分') : result.problem;
    expect(table).toMatchObject({ code: 'tooManyRows', params: { limit: 200 }, sheet: '评分' });
  });

  it('asking for a sheet that is not there, even one named __proto__, says so', () => {
    const result = readWorkbook('a.xlsx', workbookBytes([['姓名']]));
    expect(result.ok && result.workbook.table('__proto__')).toMatchObject({ code: 'sheetMissing' });
  });
});
