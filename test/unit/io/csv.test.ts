import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/io/csv-read';
import { detectEncoding } from '../../../src/io/decode';
import { IMPORT_LIMITS } from '../../../src/io/limits';
import { encodeGb18030, utf8 } from './helpers';

const text = '工号,姓名,客户满意度得分\r\nKF001,王芳,92\r\nKF002,李娜,"8,5"\r\n';

describe('readCsv', () => {
  it('reads UTF-8 with a BOM, without the BOM in the first header', () => {
    const result = readCsv('a.csv', utf8(text, true));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toBe('utf-8');
    expect(result.table.rows[0]).toEqual(['工号', '姓名', '客户满意度得分']);
    expect(result.table.rows[2]).toEqual(['KF002', '李娜', '8,5']);
  });

  it('detects a GBK file as saved by Chinese Excel and decodes it', () => {
    const bytes = encodeGb18030(text);
    expect(detectEncoding(bytes)).toBe('gb18030');
    const result = readCsv('gbk.csv', bytes);
    expect(result.ok && result.table.rows[1]).toEqual(['KF001', '王芳', '92']);
  });

  it('a wrong encoding chosen by hand shows as replacement characters, not an error', () => {
    const result = readCsv('gbk.csv', encodeGb18030(text), 'utf-8');
    expect(result.ok && String(result.table.rows[0]![1])).toContain('\ufffd');
  });

  it('reads tab-separated UTF-16 ("Unicode text" from Excel)', () => {
    const body = '姓名\t得分\r\n王芳\t90\r\n';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    const result = readCsv('unicode.txt', bytes);
    expect(result.ok && result.table.rows).toEqual([['姓名', '得分'], ['王芳', '90']]);
  });

  it('keeps "007" as text and a quoted line break inside its cell', () => {
    const result = readCsv('a.csv', utf8('工号,备注\n007,"第一行\n第二行"\n'));
    expect(result.ok && result.table.rows[1]).toEqual(['007', '第一行\n第二行']);
  });

  it('refuses 200,000 rows with the limit in the message, without parsing them all', () => {
    const rows = ['姓名,得分'];
    for (let i = 0; i < 200_000; i++) rows.push(`人${i},${i % 100}`);
    const result = readCsv('big.csv', utf8(rows.join('\n')));
    expect(result).toEqual({ ok: false, problem: { code: 'tooManyRows', severity: 'error', file: 'big.csv', params: { limit: IMPORT_LIMITS.rows } } });
  });

  it('refuses a file over the size limit before decoding it', () => {
    const result = readCsv('huge.csv', new Uint8Array(10), 'auto', { ...IMPORT_LIMITS, fileBytes: 5 });
    expect(result.ok || result.problem.code).toBe('fileTooLarge');
  });

  it('an empty file says so', () => {
    const result = readCsv('empty.csv', utf8('\n\n'));
    expect(result.ok || result.problem.code).toBe('empty');
  });
});
