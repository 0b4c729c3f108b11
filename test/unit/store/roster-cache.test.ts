// The packed roster is a cache of the people table: after every kind of write of people, the
// roster the sheets and the roster grid read is the table's content, field by field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  addPeople,
  addPerson,
  applyImport,
  deletePerson,
  ensureWorkspace,
  listPeople,
  listPeriods,
  loadPeriodSheet,
  readBackupFile,
  restoreStaged,
  setArchived,
  updatePerson,
  writeBackupFile,
} from '../../../src/store/index';

let db: KaoheDb;
let workspaceId: string;
beforeEach(async () => {
  db = freshDb();
  workspaceId = await ensureWorkspace('示例');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function matchesTable(): Promise<void> {
  const table = (await db.people.where('workspaceId').equals(workspaceId).toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  // Read once (from the table if the packed roster was dropped), let it be packed, read again from it.
  expect(byId(await listPeople(workspaceId, true))).toEqual(table);
  await new Promise((done) => setTimeout(done, 30));
  expect(await db.rosters.get(workspaceId)).toBeDefined();
  expect(byId(await listPeople(workspaceId, true))).toEqual(table);
}

describe('the packed roster', () => {
  it('is what the people table holds after every kind of write', async () => {
    await matchesTable();
    const added = await addPerson(workspaceId, { name: '钱多多', employeeNo: 'KF013' });
    await matchesTable();
    await addPeople(workspaceId, [{ name: '孙小美', employeeNo: 'KF014', teamName: '夜班' }]);
    await matchesTable();
    await updatePerson(added.id, { name: '钱夫人', position: '组长' });
    await matchesTable();
    await setArchived(added.id, true);
    await matchesTable();
    expect((await listPeople(workspaceId)).some((p) => p.id === added.id)).toBe(false);
    await deletePerson(added.id);
    await matchesTable();
    const [period] = await listPeriods(workspaceId);
    await applyImport(period!.id, [{ ref: 'new:1', name: '阿土伯', employeeNo: 'KF015' }], {
      people: ['new:1'],
      targets: [{ key: 'satisfaction_score', role: 'supervisor' }],
      raters: [''],
      person: [0],
      target: [0],
      rater: [0],
      numbers: [80],
      texts: new Map(),
    });
    await matchesTable();
    expect((await loadPeriodSheet(period!.id))!.people.some((p) => p.name === '阿土伯')).toBe(true);
    const read = await readBackupFile(await writeBackupFile(workspaceId));
    if (!read.ok) throw new Error('backup did not read');
    await addPerson(workspaceId, { name: '后来的人' });
    await listPeople(workspaceId);
    await restoreStaged(read.value, workspaceId);
    await matchesTable();
    expect((await listPeople(workspaceId)).some((p) => p.name === '后来的人')).toBe(false);
  });
});
