import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import { openDb, type KaoheDb } from '../../../src/store/db';
import { declareSchema, SCHEMA } from '../../../src/store/schema';
import {
  addPerson,
  auditFor,
  clearCalibration,
  createPeriod,
  createTemplate,
  createWorkspace,
  deletePerson,
  deleteWorkspaceData,
  getCalibrationTarget,
  listCalibrationLog,
  listCalibrations,
  setCalibration,
  setCalibrationTarget,
  setPeriodLocked,
  StoreError,
  calibrationTargetKey,
} from '../../../src/store/index';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import type { DistributionTarget } from '../../../src/scoring/calibration';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function setup() {
  const workspace = await createWorkspace('测试');
  const template = await createTemplate(workspace.id, customerMonthly);
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-10', templateId: template.id });
  const person = await addPerson(workspace.id, { name: '王芳', employeeNo: 'KF001' });
  return { workspace, period, person };
}

describe('calibrated grades', () => {
  it('are kept per period × person with the reason, and every change is in the audit log', async () => {
    const { period, person } = await setup();
    await setCalibration(period.id, person.id, { grade: '良好', computedGrade: '优秀', reason: '  优秀名额已满，按校准会议决定  ' });
    expect(await listCalibrations(period.id)).toMatchObject([{ personId: person.id, grade: '良好', computedGrade: '优秀', reason: '优秀名额已满，按校准会议决定' }]);

    await setCalibration(period.id, person.id, { grade: '合格', computedGrade: '优秀', reason: '复核后再降一级' });
    const audit = await auditFor('calibration', `${period.id}|${person.id}`);
    expect(audit.map((a) => [a.action, a.field, a.old, a.new])).toEqual([
      ['calibrate', 'grade', '优秀', '良好'],
      ['calibrate', 'reason', '', '优秀名额已满，按校准会议决定'],
      ['calibrate', 'grade', '良好', '合格'],
      ['calibrate', 'reason', '优秀名额已满，按校准会议决定', '复核后再降一级'],
    ]);

    await clearCalibration(period.id, person.id);
    expect(await listCalibrations(period.id)).toEqual([]);
    const log = await listCalibrationLog(period.id);
    expect(log.map((e) => [e.personId, e.old, e.new, e.reason])).toEqual([
      [person.id, '合格', null, ''],
      [person.id, '良好', '合格', '复核后再降一级'],
      [person.id, '优秀', '良好', '优秀名额已满，按校准会议决定'],
    ]);
  });

  it('need a reason, and a locked period refuses them', async () => {
    const { period, person } = await setup();
    await expect(setCalibration(period.id, person.id, { grade: '良好', computedGrade: '优秀', reason: '   ' })).rejects.toThrow(/reason/);
    await setPeriodLocked(period.id, true);
    const refused = await setCalibration(period.id, person.id, { grade: '良好', computedGrade: '优秀', reason: '理由' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).problem).toBe('locked');
    expect(await listCalibrations(period.id)).toEqual([]);
    expect(await auditFor('calibration', `${period.id}|${person.id}`)).toEqual([]);
  });

  it('the log of one period does not show another period', async () => {
    const { workspace, period, person } = await setup();
    const other = await createPeriod(workspace.id, { kind: 'month', key: '2026-11', templateId: period.templateId });
    await setCalibration(other.id, person.id, { grade: '合格', computedGrade: '良好', reason: '另一个月' });
    await setCalibration(period.id, person.id, { grade: '良好', computedGrade: '优秀', reason: '本月' });
    expect((await listCalibrationLog(period.id)).map((e) => e.reason)).toEqual(['本月']);
  });

  it('go when the person or the workspace is deleted', async () => {
    const { workspace, period, person } = await setup();
    await setCalibration(period.id, person.id, { grade: '良好', computedGrade: '优秀', reason: '理由' });
    await deletePerson(person.id);
    expect(await listCalibrations(period.id)).toEqual([]);
    const other = await addPerson(workspace.id, { name: '李娜' });
    await setCalibration(period.id, other.id, { grade: '良好', computedGrade: '优秀', reason: '理由' });
    await setCalibrationTarget(workspace.id, { kind: 'curve', shares: [{ grade: '优秀', share: 1 }] });
    await deleteWorkspaceData(workspace.id);
    expect(await db.calibrations.count()).toBe(0);
    expect(await db.settings.get(calibrationTargetKey(workspace.id))).toBeUndefined();
  });
});

describe('target distribution', () => {
  it('is kept per workspace, audited, and cleared with null', async () => {
    const { workspace } = await setup();
    const other = await createWorkspace('另一个');
    expect(await getCalibrationTarget(workspace.id)).toBeNull();
    const target: DistributionTarget = { kind: 'limits', limits: [{ grade: '优秀', atLeast: null, atMost: 0.2 }, { grade: '不合格', atLeast: 0.05, atMost: null }] };
    await setCalibrationTarget(workspace.id, target);
    await setCalibrationTarget(workspace.id, target); // unchanged: no second audit row
    expect(await getCalibrationTarget(workspace.id)).toEqual(target);
    expect(await getCalibrationTarget(other.id)).toBeNull();
    await setCalibrationTarget(workspace.id, null);
    expect(await getCalibrationTarget(workspace.id)).toBeNull();
    const audit = await auditFor('calibration', `target:${workspace.id}`);
    expect(audit.map((a) => [a.field, a.old, a.new])).toEqual([
      ['target', null, target],
      ['target', target, null],
    ]);
  });

  it('an unreadable stored target reads as no target', async () => {
    const { workspace } = await setup();
    await db.settings.put({ key: calibrationTargetKey(workspace.id), value: 'garbage' });
    expect(await getCalibrationTarget(workspace.id)).toBeNull();
  });
});

describe('schema v5', () => {
  it('a database of the version before opens with everything kept and an empty calibrations table', async () => {
    const previous = SCHEMA.filter((step) => step.version < 5).at(-1)!.version;
    const name = `kaohe-v5-migration-${process.pid}`;
    const old = new Dexie(name);
    declareSchema(old, previous);
    await old.open();
    await old.table('workspaces').add({ id: 'w1', name: '旧工作区', example: false, createdAt: 1, updatedAt: 1 });
    await old.table('people').add({ id: 'p1', workspaceId: 'w1', employeeNo: 'KF001', name: '王芳', teamId: '', position: '', archived: 0, createdAt: 1 });
    await old.table('periods').add({ id: 'm1', workspaceId: 'w1', kind: 'month', key: '2026-10', templateId: 't@1', teamId: '', locked: 0, createdAt: 1 });
    await old.table('entries').add({ periodId: 'm1', personId: 'p1', key: 'k1', role: 'supervisor', rater: '', workspaceId: 'w1', value: 12, note: '', updatedAt: 1 });
    await old.table('settings').add({ key: 'activeWorkspace', value: 'w1' });
    await old.table('audit').add({ workspaceId: 'w1', at: 1, entity: 'person', entityId: 'p1', action: 'create', field: 'name', old: null, new: '王芳' });
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA.at(-1)!.version);
    expect(await current.people.get('p1')).toMatchObject({ name: '王芳', archived: 0 });
    expect(await current.valueBlocks.count()).toBe(1);
    expect(await current.settings.get('activeWorkspace')).toEqual({ key: 'activeWorkspace', value: 'w1' });
    expect(await current.auditLog.count()).toBe(1);
    expect(await current.calibrations.count()).toBe(0);
    await current.calibrations.put({ periodId: 'm1', personId: 'p1', workspaceId: 'w1', grade: '良好', computedGrade: '优秀', reason: 'r', updatedAt: 2 });
    expect(await current.calibrations.where('personId').equals('p1').count()).toBe(1);
    current.close();
    await current.delete();
  });
});
