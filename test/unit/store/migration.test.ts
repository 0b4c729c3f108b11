// A database written by schema v1 opens under the current schema with nothing lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareSchema, SCHEMA } from '../../../src/store/schema';
import { openDb } from '../../../src/store/db';

describe('schema migrations', () => {
  it('the schema list is append-only with increasing versions', () => {
    const versions = SCHEMA.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('v1 → v2: every record survives and people get archived = 0', async () => {
    const name = `kaohe-migration-${process.pid}`;
    const v1 = new Dexie(name);
    declareSchema(v1, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('workspaces').add({ id: 'w1', name: '旧工作区', example: false, createdAt: 1, updatedAt: 1 });
    await v1.table('people').bulkAdd([
      { id: 'p1', workspaceId: 'w1', employeeNo: 'KF001', name: '王芳', teamId: '', position: '客服专员', createdAt: 1 },
      { id: 'p2', workspaceId: 'w1', employeeNo: 'KF002', name: '李娜', teamId: '', position: '', createdAt: 2 },
    ]);
    await v1.table('periods').add({ id: 'm1', workspaceId: 'w1', kind: 'month', key: '2026-10', templateId: 't@1', teamId: '', locked: 0, createdAt: 1 });
    await v1.table('entries').bulkAdd([
      { periodId: 'm1', personId: 'p1', key: 'k1', role: 'supervisor', rater: '', workspaceId: 'w1', value: 12, note: '', updatedAt: 1 },
      { periodId: 'm1', personId: 'p2', key: 'k1', role: 'self', rater: '', workspaceId: 'w1', value: '优秀', note: '备注', updatedAt: 1 },
    ]);
    await v1.table('remarks').add({ periodId: 'm1', personId: 'p1', workspaceId: 'w1', text: '很好', updatedAt: 1 });
    await v1.table('audit').add({ workspaceId: 'w1', at: 1, entity: 'person', entityId: 'p1', action: 'create', field: 'name', old: null, new: '王芳' });
    v1.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA.at(-1)!.version);
    expect(await current.workspaces.toArray()).toEqual([{ id: 'w1', name: '旧工作区', example: false, createdAt: 1, updatedAt: 1 }]);
    const people = await current.people.orderBy('id').toArray();
    expect(people.map((p) => [p.id, p.name, p.archived])).toEqual([
      ['p1', '王芳', 0],
      ['p2', '李娜', 0],
    ]);
    // The v2 index answers the roster query.
    expect(await current.people.where('[workspaceId+archived]').equals(['w1', 0]).count()).toBe(2);
    const entries = await current.entries.where('[periodId+key]').equals(['m1', 'k1']).toArray();
    expect(entries.map((e) => [e.personId, e.value, e.note])).toEqual([
      ['p1', 12, ''],
      ['p2', '优秀', '备注'],
    ]);
    expect(await current.remarks.where('personId').equals('p1').count()).toBe(1);
    expect(await current.audit.count()).toBe(1);
    expect(await current.periods.get('m1')).toMatchObject({ key: '2026-10', templateId: 't@1' });
    current.close();
    await current.delete();
  });
});
