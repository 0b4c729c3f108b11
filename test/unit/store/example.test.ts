import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  EXAMPLE_PEOPLE,
  ensureWorkspace,
  exampleEntries,
  exampleTemplate,
  getActiveWorkspaceId,
  listBackups,
  listPeriods,
  loadPeriodSheet,
  resetExampleWorkspace,
  addPerson,
  listPeople,
  readBackupFile,
} from '../../../src/store/index';
import { scorePeriod } from '../../../src/scoring/index';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('example workspace', () => {
  it('is created on first start and scores the same as its generated entries', async () => {
    const id = await ensureWorkspace('示例：客服一部');
    expect(await getActiveWorkspaceId()).toBe(id);
    expect(await ensureWorkspace('示例：客服一部')).toBe(id);
    const [period] = await listPeriods(id);
    const data = (await loadPeriodSheet(period!.id))!;
    expect(data.people.map((p) => p.name)).toEqual(EXAMPLE_PEOPLE.map((p) => p.name));
    const scored = scorePeriod(data.template.body, data.input);

    // The same entries scored without the store, keyed by employee number.
    const byNo = new Map(data.people.map((p) => [p.employeeNo, p.id]));
    const direct = scorePeriod(exampleTemplate(), {
      people: data.input.people,
      entries: exampleEntries(exampleTemplate()).map((e) => ({ personId: byNo.get(e.employeeNo)!, key: e.key, role: e.role, value: e.value })),
    });
    expect(scored.people.map((p) => p.total)).toEqual(direct.people.map((p) => p.total));
    expect(scored.people.every((p) => typeof p.total === 'number')).toBe(true);

    const byName = new Map(data.people.map((p, i) => [p.name, scored.people[i]!]));
    // 徐鹏 covers temporarily: ranked, not graded. 孙悦 has no self-rating: reported per indicator.
    expect(byName.get('徐鹏')).toMatchObject({ status: 'temporary', grade: null });
    expect(byName.get('徐鹏')!.rank).toBeGreaterThan(0);
    const sunyue = byName.get('孙悦')!;
    expect(Object.values(sunyue.indicators).every((i) => i.missingRoles.includes('self'))).toBe(true);
    expect(byName.get('王芳')!.grade).not.toBeNull();
  });

  it('reset keeps a backup of what it replaces and brings the original back', async () => {
    const id = await ensureWorkspace('示例：客服一部');
    await addPerson(id, { name: '钱多多' });
    const fresh = await resetExampleWorkspace(id, '示例：客服一部');
    expect(fresh).not.toBe(id);
    expect((await listPeople(fresh)).map((p) => p.name)).not.toContain('钱多多');
    const backups = await listBackups(id);
    expect(backups.map((b) => b.reason)).toEqual(['before-reset']);
    const kept = await readBackupFile((await db.backups.toArray())[0]!.file!);
    expect(kept.ok && kept.value.people.map((p) => p.name)).toContain('钱多多');
  });
});
