import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeBackup, encodeBackup } from '../../../src/io/backup-file';
import { IMPORT_LIMITS } from '../../../src/io/limits';

const backup = { format: 'kaohe-workspace', version: 1, workspace: { name: '示例：客服一部' } };

describe('backup file', () => {
  it('gzips when asked and reads back either form', async () => {
    const packed = await encodeBackup(backup, true);
    expect(packed.extension).toBe('.json.gz');
    expect([...packed.bytes.slice(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(await decodeBackup('a.json.gz', packed.bytes)).toEqual({ ok: true, value: backup });
    const plain = await encodeBackup(backup, false);
    expect(plain.extension).toBe('.json');
    expect(await decodeBackup('a.json', plain.bytes)).toEqual({ ok: true, value: backup });
  });

  it('stops unpacking a gzip bomb at the limit', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(32 * 1024 * 1024), { level: 9 }));
    const result = await decodeBackup('bomb.json.gz', bomb, { ...IMPORT_LIMITS, backupUnpackedBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, problem: { code: 'unpackedTooLarge' } });
  });

  it('a file that is not JSON is damaged; a too large one is refused before reading', async () => {
    expect(await decodeBackup('x.json', new TextEncoder().encode('{"format":'))).toMatchObject({ ok: false, problem: { code: 'damaged' } });
    expect(await decodeBackup('x.json', new Uint8Array(10), { ...IMPORT_LIMITS, backupBytes: 5 })).toMatchObject({ ok: false, problem: { code: 'fileTooLarge' } });
  });
});
