import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  addPerson,
  addTeam,
  auditFor,
  valueHistory,
  createPeriod,
  createTemplate,
  createWorkspace,
  deletePerson,
  deleteTemplateFamily,
  listEntries,
  listPeople,
  listTemplates,
  listVersions,
  restoreTemplateFamily,
  saveTemplate,
  setArchived,
  setEntries,
  setPeriodLocked,
  setRemark,
  listRemarks,
  updatePerson,
  StoreError,
} from '../../../src/store/index';
import type { Template } from '../../../src/scoring/model';

const template: Template = {
  id: 'family-a',
  version: 1,
  name: '测试模板',
  description: '',
  periodKind: 'month',
  inputs: [],
  sections: [{ id: 's1', name: '业绩', combine: 'sum', indicators: [{ id: 'k1', name: '服务态度', quantitative: false, max: 15, rule: { kind: 'direct' } }] }],
  total: { kind: 'sum' },
  grades: [{ label: '合格', min: null, minInclusive: true }],
  roles: [{ role: 'supervisor', weight: 1 }],
  rankTies: 'competition',
};

let db: KaoheDb;
let workspaceId: string;

beforeEach(async () => {
  db = freshDb();
  workspaceId = (await createWorkspace('测试工作区')).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('people', () => {
  it('adds a person and writes an audit entry', async () => {
    const team = await addTeam(workspaceId, '客服一组');
    const person = await addPerson(workspaceId, { name: ' 王芳 ', employeeNo: 'KF001', teamId: team.id, position: '客服专员' });
    expect(person.name).toBe('王芳');
    const people = await listPeople(workspaceId);
    expect(people.map((p) => [p.employeeNo, p.name, p.teamId])).toEqual([['KF001', '王芳', team.id]]);
    const audit = await auditFor('person', person.id);
    expect(audit.map((a) => [a.action, a.field, a.old, a.new])).toEqual([['create', 'name', null, '王芳']]);
  });

  it('records each changed field old → new, and nothing for unchanged ones', async () => {
    const person = await addPerson(workspaceId, { name: '李娜', position: '客服专员' });
    await updatePerson(person.id, { name: '李娜娜', position: '客服专员' });
    const audit = await auditFor('person', person.id);
    expect(audit.map((a) => [a.action, a.field, a.old, a.new])).toEqual([
      ['create', 'name', null, '李娜'],
      ['update', 'name', '李娜', '李娜娜'],
    ]);
  });

  it('archived people leave the roster but are kept', async () => {
    const person = await addPerson(workspaceId, { name: '张伟' });
    await setArchived(person.id, true);
    expect(await listPeople(workspaceId)).toEqual([]);
    expect((await listPeople(workspaceId, true)).map((p) => p.name)).toEqual(['张伟']);
  });

  it('deleting a person removes their entries and remarks and is audited', async () => {
    const person = await addPerson(workspaceId, { name: '刘洋' });
    const stored = await createTemplate(workspaceId, template);
    const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: stored.id });
    await setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'supervisor', value: 12 }]);
    await setRemark(period.id, person.id, '表现稳定');
    await deletePerson(person.id);
    expect(await listPeople(workspaceId, true)).toEqual([]);
    expect(await listEntries(period.id)).toEqual([]);
    expect(await listRemarks(period.id)).toEqual([]);
    expect((await auditFor('person', person.id)).at(-1)).toMatchObject({ action: 'delete', old: '刘洋', new: null });
  });
});

describe('entries', () => {
  it('writes, updates and clears values with old → new in the audit log', async () => {
    const person = await addPerson(workspaceId, { name: '陈静' });
    const stored = await createTemplate(workspaceId, template);
    const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: stored.id });
    await setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'supervisor', value: 12 }]);
    await setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'supervisor', value: 14 }]);
    expect((await listEntries(period.id)).map((e) => e.value)).toEqual([14]);
    await setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'supervisor', value: null }]);
    expect(await listEntries(period.id)).toEqual([]);
    const history = await valueHistory(period.id, person.id, { key: 'k1', role: 'supervisor' });
    expect(history.map((a) => [a.old, a.new])).toEqual([
      [null, 12],
      [12, 14],
      [14, null],
    ]);
  });

  it('a locked period refuses edits and stores nothing; unlocking is audited', async () => {
    const person = await addPerson(workspaceId, { name: '杨磊' });
    const stored = await createTemplate(workspaceId, template);
    const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: stored.id });
    await setPeriodLocked(period.id, true);
    await expect(setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'supervisor', value: 9 }])).rejects.toBeInstanceOf(StoreError);
    expect(await listEntries(period.id)).toEqual([]);
    await setPeriodLocked(period.id, false);
    const audit = await auditFor('period', period.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'lock', 'unlock']);
  });

  it('a batch applies completely or not at all', async () => {
    const person = await addPerson(workspaceId, { name: '赵敏' });
    const stored = await createTemplate(workspaceId, template);
    const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: stored.id });
    // An object value cannot be cloned into IndexedDB as a key part: the second row fails.
    const bad = { personId: person.id, key: 'k1', role: 'supervisor', rater: Symbol('x') as unknown as string, value: 3 } as const;
    await expect(setEntries(period.id, [{ personId: person.id, key: 'k1', role: 'self', value: 5 }, bad])).rejects.toThrow();
    expect(await listEntries(period.id)).toEqual([]);
  });
});

describe('templates', () => {
  it('editing a template that no period uses updates it in place', async () => {
    const stored = await createTemplate(workspaceId, template);
    const saved = await saveTemplate(stored.id, { ...template, name: '测试模板二' }, '改名');
    expect(saved.id).toBe(stored.id);
    expect((await listTemplates(workspaceId)).map((t) => [t.body.name, t.version])).toEqual([['测试模板二', 1]]);
  });

  it('editing a template used by a period creates a new version; the period keeps its version', async () => {
    const stored = await createTemplate(workspaceId, template);
    const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: stored.id });
    const saved = await saveTemplate(stored.id, { ...template, name: '测试模板 v2' }, '改名');
    expect(saved.version).toBe(2);
    expect((await listVersions(workspaceId, stored.familyId)).map((v) => v.version)).toEqual([2, 1]);
    expect((await db.periods.get(period.id))?.templateId).toBe(stored.id);
    expect((await listTemplates(workspaceId)).map((t) => t.version)).toEqual([2]);
  });

  it('delete can be undone', async () => {
    const stored = await createTemplate(workspaceId, template);
    await deleteTemplateFamily(workspaceId, stored.familyId);
    expect(await listTemplates(workspaceId)).toEqual([]);
    await restoreTemplateFamily(workspaceId, stored.familyId);
    expect((await listTemplates(workspaceId)).map((t) => t.body.name)).toEqual(['测试模板']);
  });
});
