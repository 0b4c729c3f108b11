import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  applyImport,
  auditFor,
  valueHistory,
  ensureWorkspace,
  listEntries,
  listPeople,
  listPeriods,
  recallMapping,
  rememberMapping,
  setPeriodLocked,
  StoreError,
  type ImportedEntries,
} from '../../../src/store/index';

let db: KaoheDb;
let workspaceId: string;
let periodId: string;

beforeEach(async () => {
  db = freshDb();
  workspaceId = await ensureWorkspace('示例');
  periodId = (await listPeriods(workspaceId))[0]!.id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function batch(rows: [person: string, key: string, value: number][]): ImportedEntries {
  const people = [...new Set(rows.map((r) => r[0]))];
  const keys = [...new Set(rows.map((r) => r[1]))];
  return {
    people,
    targets: keys.map((key) => ({ key, role: 'supervisor' as const })),
    raters: [''],
    person: rows.map((r) => people.indexOf(r[0])),
    target: rows.map((r) => keys.indexOf(r[1])),
    rater: rows.map(() => 0),
    numbers: rows.map((r) => r[2]),
    texts: new Map(),
  };
}

describe('applyImport', () => {
  it('creates new people and writes their entries and everyone else\'s in one go, audited as an import', async () => {
    const wang = (await listPeople(workspaceId)).find((p) => p.name === '王芳')!;
    const result = await applyImport(periodId, [{ ref: 'new:1', name: ' 钱多多 ', employeeNo: 'KF013' }], batch([
      ['new:1', 'satisfaction_score', 91],
      [wang.id, 'satisfaction_score', 77],
    ]));
    expect(result.created.map((p) => [p.name, p.employeeNo])).toEqual([['钱多多', 'KF013']]);
    const qian = result.created[0]!;
    const entries = (await listEntries(periodId)).filter((e) => e.key === 'satisfaction_score' && e.role === 'supervisor');
    expect(entries.find((e) => e.personId === qian.id)?.value).toBe(91);
    expect(entries.find((e) => e.personId === wang.id)?.value).toBe(77);
    const history = await valueHistory(periodId, qian.id, { key: 'satisfaction_score', role: 'supervisor' });
    expect(history.map((a) => [a.action, a.old, a.new])).toEqual([['import', null, 91]]);
    // One audit record for the whole import, holding both values.
    const records = await auditFor('entries', periodId);
    expect(records.filter((r) => r.action === 'import').map((r) => r.new)).toEqual([2]);
    // The people it created: one audit record for the import, naming each of them.
    const created = await auditFor('people', workspaceId);
    expect(created.map((a) => [a.action, a.new])).toEqual([['import', [[qian.id, '钱多多']]]]);
  });

  it('reports progress, and a cancel before it commits stores nothing: no people, no values, no audit', async () => {
    const wang = (await listPeople(workspaceId)).find((p) => p.name === '王芳')!;
    const before = { values: await listEntries(periodId), people: (await listPeople(workspaceId)).length, audit: await db.auditLog.count() };
    const controller = new AbortController();
    const seen: { done: number; total: number; rows: number; totalRows: number }[] = [];
    const importing = applyImport(periodId, [{ ref: 'new:1', name: '钱多多', employeeNo: 'KF013' }], batch([
      ['new:1', 'satisfaction_score', 91],
      [wang.id, 'satisfaction_score', 55],
    ]), {
      onProgress: (progress) => {
        seen.push(progress);
        controller.abort();
      },
      signal: controller.signal,
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([{ done: 2, total: 2, rows: 2, totalRows: 2 }]);
    expect(await listEntries(periodId)).toEqual(before.values);
    expect((await listPeople(workspaceId)).length).toBe(before.people);
    expect(await db.auditLog.count()).toBe(before.audit);
  });

  it('an entry for a person outside the workspace aborts everything: no people, no entries', async () => {
    const before = await listEntries(periodId);
    await expect(applyImport(periodId, [{ ref: 'new:1', name: '钱多多', employeeNo: '' }], batch([
      ['new:1', 'satisfaction_score', 91],
      ['someone-else', 'satisfaction_score', 50],
    ]))).rejects.toBeInstanceOf(StoreError);
    expect((await listPeople(workspaceId)).some((p) => p.name === '钱多多')).toBe(false);
    expect(await listEntries(periodId)).toEqual(before);
  });

  it('a locked period refuses the import and stores nothing', async () => {
    await setPeriodLocked(periodId, true);
    await expect(applyImport(periodId, [{ ref: 'new:1', name: '钱多多', employeeNo: '' }], batch([['new:1', 'satisfaction_score', 91]]))).rejects.toMatchObject({ problem: 'locked' });
    expect((await listPeople(workspaceId)).some((p) => p.name === '钱多多')).toBe(false);
  });
});

describe('remembered mappings', () => {
  it('come back for the same workspace and header signature only', async () => {
    await rememberMapping(workspaceId, 'abc', { layout: 'wide', headerRow: 2, columns: ['person.name', 'entry:self|x'] });
    expect(await recallMapping(workspaceId, 'abc')).toEqual({ layout: 'wide', headerRow: 2, columns: ['person.name', 'entry:self|x'] });
    expect(await recallMapping(workspaceId, 'abd')).toBeUndefined();
    expect(await recallMapping('other', 'abc')).toBeUndefined();
  });

  it('a stored value that is not a mapping is ignored', async () => {
    await db.settings.put({ key: `importMapping:${workspaceId}:bad`, value: { layout: 'diagonal', columns: 'x' } });
    expect(await recallMapping(workspaceId, 'bad')).toBeUndefined();
  });
});
