// A database written by schema v1 opens under the current schema with nothing lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareSchema, SCHEMA } from '../../../src/store/schema';
import { openDb, useDb } from '../../../src/store/db';
import { listEntries, valueHistory } from '../../../src/store/entries';
import type { EntryRecord } from '../../../src/store/records';
import type { RaterRole } from '../../../src/scoring/model';

describe('schema migrations', () => {
  it('the schema list is append-only with increasing versions', () => {
    const versions = SCHEMA.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('v1 → current: every record survives and people get archived = 0', async () => {
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
    useDb(current);
    const entries = await listEntries('m1');
    expect(entries.map((e) => [e.personId, e.value, e.note]).sort()).toEqual([
      ['p1', 12, ''],
      ['p2', '优秀', '备注'],
    ]);
    expect(await current.remarks.where('personId').equals('p1').count()).toBe(1);
    expect(await current.auditLog.count()).toBe(1);
    expect(await current.periods.get('m1')).toMatchObject({ key: '2026-10', templateId: 't@1' });
    current.close();
    await current.delete();
  }, 60_000);
});

describe('v5 → v7: values in blocks, one audit record per action', () => {
  it('every value, note, remark, status, calibration, backup and audit entry is found after the upgrade', async () => {
    const name = `kaohe-migration-v5-${process.pid}`;
    const v5 = new Dexie(name);
    declareSchema(v5, 5);
    await v5.open();
    expect(v5.verno).toBe(5);
    const people = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      workspaceId: i < 30 ? 'w1' : 'w2',
      employeeNo: `KF${String(i).padStart(3, '0')}`,
      name: `员工${i}`,
      teamId: '',
      position: '',
      archived: (i % 7 === 0 ? 1 : 0) as 0 | 1,
      createdAt: 1000 - i,
    }));
    await v5.table('workspaces').bulkAdd([
      { id: 'w1', name: '一部', example: false, createdAt: 1, updatedAt: 1 },
      { id: 'w2', name: '二部', example: false, createdAt: 1, updatedAt: 1 },
    ]);
    await v5.table('people').bulkAdd(people);
    const periods = ['m1', 'm2', 'm3', 'x1'].map((id, i) => ({ id, workspaceId: id === 'x1' ? 'w2' : 'w1', kind: 'month', key: `2026-0${i + 1}`, templateId: 't@1', teamId: '', locked: (i === 0 ? 1 : 0) as 0 | 1, createdAt: i }));
    await v5.table('periods').bulkAdd(periods);
    const entries: EntryRecord[] = [];
    const audit: Record<string, unknown>[] = [];
    let at = 100;
    for (const period of periods) {
      const members = people.filter((p) => p.workspaceId === period.workspaceId);
      for (const [n, person] of members.entries()) {
        for (const key of ['k1', 'k2', 'level']) {
          for (const [role, rater] of [['self', ''], ['supervisor', ''], ['supervisor', '赵经理'], ['peer', '李|四']] as const) {
            if ((n + key.length + role.length) % 5 === 0) continue;
            const value = key === 'level' ? (n % 3 === 0 ? '优秀' : n % 3 === 1 ? true : 4) : n * 1.5 + key.length + 0.1;
            const note = n % 9 === 0 && role === 'self' ? `备注${n}` : '';
            entries.push({ periodId: period.id, personId: person.id, key, role, rater, workspaceId: period.workspaceId, value, note, updatedAt: at });
            // An import wrote it first (same time for the whole import), then some were typed over.
            audit.push({ workspaceId: period.workspaceId, at: 50, entity: 'entry', entityId: [period.id, person.id, key, role, rater].join('|'), action: 'import', field: 'value', old: null, new: typeof value === 'number' ? value - 1 : value });
            if (typeof value === 'number') audit.push({ workspaceId: period.workspaceId, at: at++, entity: 'entry', entityId: [period.id, person.id, key, role, rater].join('|'), action: 'update', field: 'value', old: value - 1, new: value });
          }
        }
      }
      entries.push({ periodId: period.id, personId: '@team', key: 'sales', role: 'supervisor', rater: '', workspaceId: period.workspaceId, value: 123456.78, note: '', updatedAt: at });
    }
    audit.push({ workspaceId: 'w1', at: 60, entity: 'person', entityId: 'p1', action: 'update', field: 'name', old: '员工1', new: '员工一' });
    // Audit records in write order: the imports (one transaction per period), a rename, then the typing.
    audit.sort((a, b) => Number(a.at) - Number(b.at) || String(a.entityId).localeCompare(String(b.entityId)));
    await v5.table('entries').bulkAdd(entries);
    await v5.table('audit').bulkAdd(audit);
    await v5.table('remarks').bulkAdd([{ periodId: 'm1', personId: 'p1', workspaceId: 'w1', text: '很好', updatedAt: 1 }]);
    await v5.table('statuses').bulkAdd([{ periodId: 'm2', personId: 'p2', workspaceId: 'w1', status: 'leave' }]);
    await v5.table('calibrations').bulkAdd([{ periodId: 'm1', personId: 'p3', workspaceId: 'w1', grade: '优秀', computedGrade: '良好', reason: '项目', updatedAt: 3 }]);
    await v5.table('backups').add({ createdAt: 5, reason: 'daily', workspaceId: 'w1', data: '{"format":"kaohe-workspace"}' });
    v5.close();

    const current = openDb(name);
    useDb(current);
    await current.open();
    expect(current.verno).toBe(SCHEMA.at(-1)!.version);
    expect(current.tables.map((t) => t.name)).not.toContain('entries');

    // People are numbered per workspace, oldest first (createdAt falls with i here).
    const numbered = await current.people.toArray();
    const w1 = numbered.filter((p) => p.workspaceId === 'w1').sort((a, b) => a.seq - b.seq);
    expect(w1.map((p) => p.id)).toEqual(people.filter((p) => p.workspaceId === 'w1').map((p) => p.id).reverse());
    expect(w1.map((p) => p.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // Every value with its note, period by period, and the counts kept on the period.
    for (const period of periods) {
      const expected = entries
        .filter((e) => e.periodId === period.id)
        .map((e) => [e.personId, e.key, e.role, e.rater, e.value, e.note].join('\u0001'))
        .sort();
      const found = (await listEntries(period.id)).map((e) => [e.personId, e.key, e.role, e.rater, e.value, e.note].join('\u0001')).sort();
      expect(found).toEqual(expected);
      expect((await current.periods.get(period.id))!.values).toBe(expected.length);
    }
    expect(await current.remarks.toArray()).toHaveLength(1);
    expect(await current.statuses.get(['m2', 'p2'])).toMatchObject({ status: 'leave' });
    expect(await current.calibrations.get(['m1', 'p3'])).toMatchObject({ grade: '优秀', reason: '项目' });
    expect(await current.backups.toArray()).toEqual([expect.objectContaining({ reason: 'daily', size: 28, data: '{"format":"kaohe-workspace"}' })]);

    // Every per-value audit record is found in its value's history, in order.
    const legacy = audit.filter((a) => a.entity === 'entry');
    const byCell = new Map<string, Record<string, unknown>[]>();
    for (const record of legacy) byCell.set(String(record.entityId), [...(byCell.get(String(record.entityId)) ?? []), record]);
    for (const [cell, records] of byCell) {
      const [periodId, personId, key, role, ...rater] = cell.split('|');
      const history = await valueHistory(periodId!, personId!, { key: key!, role: role as RaterRole, rater: rater.join('|') });
      expect(history.map((h) => [h.action, h.at, h.old, h.new])).toEqual(records.map((r) => [r.action, r.at, r.old, r.new]));
    }
    // Grouped into one record per action: one import per period, one record per typed value.
    const log = await current.auditLog.orderBy(':id').toArray();
    const imports = log.filter((r) => r.entity === 'entries' && r.action === 'import');
    expect(imports.map((r) => r.entityId).sort()).toEqual(['m1', 'm2', 'm3', 'x1']);
    expect(imports.reduce((n, r) => n + Number(r.new), 0)).toBe(legacy.filter((a) => a.action === 'import').length);
    expect(log.filter((r) => r.entity === 'entries' && r.action === 'update')).toHaveLength(legacy.filter((a) => a.action === 'update').length);
    // Other records pass through unchanged, in their place.
    expect(log.filter((r) => r.entity === 'person').map((r) => [r.entityId, r.old, r.new])).toEqual([['p1', '员工1', '员工一']]);
    current.close();
    await current.delete();
  }, 60_000);
});

describe('v7 → current: reviews, coefficients, pay bases and review settings (v9)', () => {
  it('every v7 record is found after the upgrade, and the new tables are there, empty and writable', async () => {
    const name = `kaohe-migration-v7-${process.pid}`;
    const v7 = new Dexie(name);
    declareSchema(v7, 7);
    await v7.open();
    expect(v7.verno).toBe(7);
    await v7.table('workspaces').add({ id: 'w1', name: '一部', example: false, createdAt: 1, updatedAt: 1 });
    await v7.table('people').bulkAdd([
      { id: 'p1', workspaceId: 'w1', employeeNo: 'KF001', name: '王芳', teamId: '', position: '', archived: 0, createdAt: 1, seq: 1 },
      { id: 'p2', workspaceId: 'w1', employeeNo: 'KF002', name: '李娜', teamId: '', position: '', archived: 0, createdAt: 2, seq: 2 },
    ]);
    await v7.table('periods').add({ id: 'm1', workspaceId: 'w1', kind: 'month', key: '2026-11', templateId: 't@1', teamId: '', locked: 1, createdAt: 1, values: 2 });
    await v7.table('valueBlocks').add({ periodId: 'm1', key: 'k1', role: 'supervisor', rater: '', block: 0, workspaceId: 'w1', at: Uint16Array.from([1, 2]), num: Float64Array.from([90, 85]), updatedAt: 1 });
    await v7.table('statuses').add({ periodId: 'm1', personId: 'p2', workspaceId: 'w1', status: 'temporary' });
    await v7.table('remarks').add({ periodId: 'm1', personId: 'p1', workspaceId: 'w1', text: '很好', updatedAt: 1 });
    await v7.table('calibrations').add({ periodId: 'm1', personId: 'p1', workspaceId: 'w1', grade: '优秀', computedGrade: '良好', reason: '项目', updatedAt: 1 });
    await v7.table('auditLog').bulkAdd([
      { workspaceId: 'w1', at: 1, entity: 'person', entityId: 'p1', action: 'create', field: 'name', old: null, new: '王芳' },
      { workspaceId: 'w1', at: 2, entity: 'period', entityId: 'm1', action: 'lock', field: 'locked', old: 0, new: 1 },
    ]);
    await v7.table('settings').add({ key: 'calibrationTarget:w1', value: { kind: 'limits', limits: [] } });
    v7.close();

    const current = openDb(name);
    useDb(current);
    await current.open();
    expect(current.verno).toBe(SCHEMA.at(-1)!.version);
    expect(current.verno).toBeGreaterThanOrEqual(9);
    expect(await current.people.count()).toBe(2);
    expect(await current.periods.get('m1')).toMatchObject({ key: '2026-11', locked: 1, values: 2 });
    expect((await listEntries('m1')).map((e) => [e.personId, e.value]).sort()).toEqual([
      ['p1', 90],
      ['p2', 85],
    ]);
    expect(await current.statuses.get(['m1', 'p2'])).toMatchObject({ status: 'temporary' });
    expect(await current.remarks.get(['m1', 'p1'])).toMatchObject({ text: '很好' });
    expect(await current.calibrations.get(['m1', 'p1'])).toMatchObject({ grade: '优秀' });
    expect((await current.auditLog.orderBy(':id').toArray()).map((r) => r.action)).toEqual(['create', 'lock']);
    expect(await current.settings.get('calibrationTarget:w1')).toBeDefined();

    for (const table of ['reviews', 'coefficientTables', 'payBases', 'reviewSettings']) expect(await current.table(table).count(), table).toBe(0);
    await current.reviews.put({ periodId: 'm1', personId: 'p1', workspaceId: 'w1', talk: null, opinion: null, appeals: [], closed: null, updatedAt: 3 });
    await current.coefficientTables.put({ workspaceId: 'w1', familyId: 't', rows: [{ grade: '优秀', coefficient: 1.2 }], updatedAt: 3 });
    await current.payBases.put({ personId: 'p1', workspaceId: 'w1', amount: 8000, updatedAt: 3 });
    await current.reviewSettings.put({ periodId: 'm1', workspaceId: 'w1', appealDeadline: '2026-12-10', pools: [], updatedAt: 3 });
    expect(await current.reviews.where('personId').equals('p1').count()).toBe(1);
    expect(await current.coefficientTables.where('workspaceId').equals('w1').count()).toBe(1);
    expect(await current.payBases.where('workspaceId').equals('w1').count()).toBe(1);
    expect(await current.reviewSettings.where('workspaceId').equals('w1').count()).toBe(1);
    current.close();
    await current.delete();
  }, 60_000);
});
