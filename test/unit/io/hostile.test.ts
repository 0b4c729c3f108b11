// Malformed and hostile files go through the same path as the import wizard (open, map,
// validate, apply only without errors) and each fails with the right message, storing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshDb } from '../store/helpers';
import type { KaoheDb } from '../../../src/store/db';
import { applyImport, ensureWorkspace, listPeriods, loadPeriodSheet, listPeople } from '../../../src/store/index';
import { openFile, validateOpened } from '../../../src/io/jobs';
import type { IoProblem } from '../../../src/io/problems';
import type { ImportContext } from '../../../src/io/validate';
import { IMPORT_LIMITS } from '../../../src/io/limits';
import { zipOf } from './helpers';

let db: KaoheDb;
let periodId: string;
let context: ImportContext;

beforeEach(async () => {
  db = freshDb();
  const workspaceId = await ensureWorkspace('示例');
  periodId = (await listPeriods(workspaceId))[0]!.id;
  const data = (await loadPeriodSheet(periodId))!;
  const people = await listPeople(workspaceId);
  context = { template: data.template.body, periodKey: data.period.key, periodKind: data.period.kind, people: people.map((p) => ({ id: p.id, name: p.name, employeeNo: p.employeeNo })) };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** What the wizard does; returns the first error, or undefined when the file was imported. */
async function importFile(file: string, bytes: Uint8Array): Promise<IoProblem | undefined> {
  const buffer = bytes.slice().buffer;
  const opened = openFile({ file, bytes: buffer, encoding: 'auto', context });
  if (!opened.ok) return opened.problem;
  const plan = validateOpened({ mapping: opened.value.suggested, context });
  if (!plan.ok) return plan.problem;
  const error = plan.value.problems.find((problem) => problem.severity === 'error');
  if (error) return error;
  await applyImport(periodId, plan.value.newPeople, plan.value.entries);
  return undefined;
}

async function snapshot() {
  return { entries: await db.valueBlocks.count(), people: await db.people.count(), audit: await db.auditLog.count() };
}

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const csv = (text: string) => new TextEncoder().encode(text);

describe('hostile and malformed files', () => {
  it('a well-formed file is imported (the path works)', async () => {
    const before = await snapshot();
    expect(await importFile('ok.csv', csv('工号,姓名,客户满意度得分（上级）\nKF001,王芳,66\n'))).toBeUndefined();
    expect((await snapshot()).audit).toBeGreaterThan(before.audit);
  });

  const cases: [string, () => [string, Uint8Array], Partial<IoProblem>][] = [
    ['a truncated xlsx', () => ['cut.xlsx', xlsx([['姓名', '客户满意度得分'], ['王芳', 90]]).slice(0, 400)], { code: 'damaged', file: 'cut.xlsx' }],
    ['wrong types', () => ['types.csv', csv('姓名,客户满意度得分（上级）,转介绍新客户数（上级）\n王芳,九十,1\n李娜,80,两个\n')], { code: 'notANumber', row: 2, column: 1, received: '九十' }],
    [
      '200,000 rows',
      () => ['big.csv', csv(['姓名,客户满意度得分', ...Array.from({ length: 200_000 }, (_, i) => `人${i},${i % 100}`)].join('\n'))],
      { code: 'tooManyRows', params: { limit: IMPORT_LIMITS.rows } },
    ],
    ['a __proto__ header', () => ['proto.csv', csv('__proto__,姓名,客户满意度得分（上级）\n1,王芳,70\n')], { code: 'unsafeHeader', row: 1, column: 0, received: '__proto__' }],
    [
      'a workbook claiming 1 GB',
      () => {
        const bytes = xlsx([['姓名'], ['王芳']]);
        const view = new DataView(bytes.buffer);
        for (let at = bytes.length - 22; at >= 0; at--) {
          if (view.getUint32(at, true) === 0x06054b50) {
            view.setUint32(view.getUint32(at + 16, true) + 24, 1024 ** 3, true);
            break;
          }
        }
        return ['claims.xlsx', bytes];
      },
      { code: 'unpackedTooLarge', params: { limit: IMPORT_LIMITS.unpackedBytes, size: 1024 ** 3 } },
    ],
    ['a zip bomb', () => ['bomb.xlsx', zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(32 * 1024 * 1024) })], { code: 'zipBomb' }],
    ['random bytes named .xlsx', () => ['noise.xlsx', new Uint8Array(4096).map((_, i) => (i * 7919) % 251)], { code: 'damaged' }],
  ];

  it.each(cases)('%s fails with the right message and stores nothing', async (_name, make, expected) => {
    const before = await snapshot();
    const [file, bytes] = make();
    const problem = await importFile(file, bytes);
    expect(problem).toMatchObject({ severity: 'error', ...expected });
    expect(await snapshot()).toEqual(before);
  });
});
