import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  addPerson,
  addTeam,
  ensureWorkspace,
  getActiveWorkspaceId,
  listBackups,
  listPeople,
  listPeriods,
  listTemplates,
  restoreWorkspace,
  restoreWorkspaceBackup,
  saveTemplate,
  setEntries,
  setRemark,
  setStatus,
  setCalibration,
  setCalibrationTarget,
  getCalibrationTarget,
  snapshotWorkspace,
  workspaceSummary,
  type WorkspaceBackup,
} from '../../../src/store/index';
import { describeRestoreProblem } from '../../../src/scoring/index';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A workspace with something in every table: the example plus edits. */
async function busyWorkspace(): Promise<WorkspaceBackup> {
  const id = await ensureWorkspace('示例');
  const team = await addTeam(id, '夜班');
  const person = await addPerson(id, { name: '钱多多', employeeNo: 'KF013', teamId: team.id });
  const [period] = await listPeriods(id);
  await setEntries(period!.id, [{ personId: person.id, key: 'satisfaction_score', role: 'supervisor', rater: '赵经理', value: 88 }]);
  await setRemark(period!.id, person.id, '表现稳定');
  await setStatus(period!.id, person.id, 'leave');
  const [first] = await listPeople(id);
  await setCalibration(period!.id, first!.id, { grade: '优秀', computedGrade: '良好', reason: '季度重点项目' });
  await setCalibrationTarget(id, { kind: 'limits', limits: [{ grade: '优秀', atLeast: null, atMost: 0.2 }] });
  const [template] = await listTemplates(id);
  await saveTemplate(template!.id, { ...template!.body, name: '客户考核评分表(月度) 修订' }, '改名');
  return JSON.parse(JSON.stringify(await snapshotWorkspace(id))) as WorkspaceBackup;
}

/** Every table of one workspace, in a stable order, audit without its database-wide numbering. */
async function tablesOf(workspaceId: string) {
  const by = <T>(list: T[], key: (item: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const snapshot = await snapshotWorkspace(workspaceId);
  return {
    workspace: snapshot.workspace,
    templates: by(snapshot.templates, (t) => t.id),
    teams: by(snapshot.teams, (t) => t.id),
    people: by(snapshot.people, (p) => p.id),
    periods: by(snapshot.periods, (p) => p.id),
    entries: by(snapshot.entries, (e) => [e.periodId, e.personId, e.key, e.role, e.rater].join('|')),
    statuses: by(snapshot.statuses, (s) => s.periodId + s.personId),
    remarks: by(snapshot.remarks, (r) => r.periodId + r.personId),
    audit: snapshot.audit.map(({ seq: _seq, ...rest }) => rest),
    calibrations: by(snapshot.calibrations, (c) => c.periodId + c.personId),
    calibrationTarget: await getCalibrationTarget(workspaceId),
  };
}

describe('workspace backup and restore', () => {
  it('restoring on another browser gives an identical workspace, table by table', async () => {
    const backup = await busyWorkspace();
    const original = await tablesOf(backup.workspace.id);
    expect(original.calibrations.map((c) => [c.grade, c.reason])).toEqual([['优秀', '季度重点项目']]);
    expect(original.calibrationTarget).toEqual({ kind: 'limits', limits: [{ grade: '优秀', atLeast: null, atMost: 0.2 }] });
    db.close();
    await db.delete();

    // Another browser: fresh database with its own example workspace.
    db = freshDb();
    const theirs = await ensureWorkspace('示例');
    const restored = restoreWorkspaceBackup(JSON.parse(JSON.stringify(backup)));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const id = await restoreWorkspace(restored.value, theirs);
    expect(id).toBe(backup.workspace.id);
    expect(await getActiveWorkspaceId()).toBe(id);

    const after = await tablesOf(id);
    const restoreRecord = after.audit.pop();
    expect(after).toEqual(original);
    expect(restoreRecord).toMatchObject({ entity: 'workspace', action: 'restore', new: backup.exportedAt });

    // What it replaced is gone from the tables but kept as an automatic backup.
    expect(await workspaceSummary(theirs)).toBeUndefined();
    const kept = await listBackups(theirs);
    expect(kept.map((b) => b.reason)).toEqual(['before-restore']);
  });

  it('restoring over the same workspace keeps a backup of what it replaces', async () => {
    const backup = await busyWorkspace();
    const id = backup.workspace.id;
    await addPerson(id, { name: '后来的人' });
    const restored = restoreWorkspaceBackup(backup);
    if (!restored.ok) throw new Error('backup did not restore');
    await restoreWorkspace(restored.value, id);
    expect((await listPeople(id)).some((p) => p.name === '后来的人')).toBe(false);
    const [kept] = await listBackups(id);
    expect(kept?.reason).toBe('before-restore');
    const data = JSON.parse((await db.backups.get(kept!.id!))!.data) as WorkspaceBackup;
    expect(data.people.some((p) => p.name === '后来的人')).toBe(true);
  });

  it('the summary counts what a restore would replace', async () => {
    const backup = await busyWorkspace();
    const summary = await workspaceSummary(backup.workspace.id);
    expect(summary).toEqual({ name: '示例', people: 13, periods: 1, entries: backup.entries.length, templates: 2 });
  });
});

describe('restoreWorkspaceBackup refuses broken and hostile files', () => {
  let backup: WorkspaceBackup;
  beforeEach(async () => {
    backup = await busyWorkspace();
  });

  const problemsOf = (value: unknown) => {
    const result = restoreWorkspaceBackup(value);
    return result.ok ? [] : result.problems.map((p) => describeRestoreProblem(p, 'en'));
  };

  it('something that is not a backup', () => {
    expect(problemsOf({ format: 'kaohe-template', version: 1 })).toEqual(['format: the value kaohe-template is not allowed (expected kaohe-workspace).']);
    expect(problemsOf([1, 2])).toEqual(['(root): expected kaohe-workspace, found array.']);
  });

  it('a backup from a newer Kaohe', () => {
    expect(problemsOf({ ...backup, version: 2 })).toEqual(['version: the value 2 is not allowed (expected ≤ 1).']);
  });

  it('prototype-pollution keys anywhere', () => {
    const text = JSON.stringify(backup).replace('"name":"钱多多"', '"name":"钱多多","__proto__":{"x":1}');
    expect(problemsOf(JSON.parse(text))[0]).toMatch(/^people\[\d+\]\.__proto__: the key "__proto__" is not allowed/);
  });

  it('wrong types with their path', () => {
    const broken = structuredClone(backup);
    (broken.entries[0] as { value: unknown }).value = { formula: '=1+1' };
    (broken.people[0] as { archived: unknown }).archived = 'yes';
    const problems = problemsOf(broken);
    expect(problems).toContain('people[0].archived: expected (0 | 1), found "yes".');
    expect(problems.some((p) => p.startsWith('entries[0].value: expected'))).toBe(true);
  });

  it('references that do not resolve', () => {
    const broken = structuredClone(backup);
    broken.entries[1]!.periodId = 'nowhere';
    expect(problemsOf(broken)).toEqual(['entries[1].periodId: the value nowhere is not allowed (expected periods[].id).']);
  });

  it('the same record twice', () => {
    const broken = structuredClone(backup);
    broken.people.push({ ...broken.people[0]! });
    expect(problemsOf(broken)).toEqual([`people[${broken.people.length - 1}]: the value ${broken.people[0]!.id} is not allowed (expected ≠ people[0]).`]);
  });

  it('a template body that is not a template', () => {
    const broken = structuredClone(backup);
    (broken.templates[0]!.body as unknown as { sections: unknown }).sections = 'none';
    expect(problemsOf(broken)).toEqual(['templates[0].body.sections: expected Array, found "none".']);
  });
});
