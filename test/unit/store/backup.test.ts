// Workspace backups: a version 2 file (gzip JSON lines) written from the database and restored
// into another browser gives the same workspace; version 1 files (Kaohe before schema v6) still
// restore; broken and hostile files are refused with the line and field named; automatic backups
// rotate by count and size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  addPerson,
  addTeam,
  appealChanges,
  auditFor,
  backupsToDrop,
  ensureWorkspace,
  fileAppeal,
  getActiveWorkspaceId,
  getBackupFile,
  getCalibrationTarget,
  keepAutomaticBackup,
  listBackups,
  listEntries,
  listPeople,
  listPeriods,
  listTemplates,
  readBackupFile,
  recordOpinion,
  recordTalk,
  resolveAppeal,
  restoreBackupFile,
  restoreStaged,
  saveTemplate,
  setCalibration,
  setAppealDeadline,
  setBonusPool,
  setCalibrationTarget,
  setCoefficientTable,
  setEntries,
  setPayBases,
  setRemark,
  setStatus,
  valueHistory,
  workspaceSummary,
  writeBackupFile,
  type BackupListing,
} from '../../../src/store/index';
import { restoreWorkspaceBackup, type WorkspaceBackup } from '../../../src/store/backup-restore';
import { describeRestoreProblem } from '../../../src/scoring/index';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A workspace with something in every table: the example plus edits. Returns its id. */
async function busyWorkspace(): Promise<string> {
  const id = await ensureWorkspace('示例');
  const team = await addTeam(id, '夜班');
  const person = await addPerson(id, { name: '钱多多', employeeNo: 'KF013', teamId: team.id });
  const [period] = await listPeriods(id);
  await setEntries(period!.id, [{ personId: person.id, key: 'satisfaction_score', role: 'supervisor', rater: '赵经理', value: 88 }]);
  await setEntries(period!.id, [{ personId: person.id, key: 'satisfaction_score', role: 'supervisor', rater: '赵经理', value: 91 }], { action: 'paste' });
  await setEntries(period!.id, [{ personId: person.id, key: 'service_attitude', role: 'self', value: '优秀' }]);
  await setRemark(period!.id, person.id, '表现稳定');
  await setStatus(period!.id, person.id, 'leave');
  const [first] = await listPeople(id);
  await setCalibration(period!.id, first!.id, { grade: '优秀', computedGrade: '良好', reason: '季度重点项目' });
  await setCalibrationTarget(id, { kind: 'limits', limits: [{ grade: '优秀', atLeast: null, atMost: 0.2 }] });
  const [template] = await listTemplates(id);
  await saveTemplate(template!.id, { ...template!.body, name: '客户考核评分表(月度) 修订' }, '改名');
  // The period's life after the scores: a talk, a disputed result, an appeal settled by a change.
  await recordTalk(period!.id, first!.id, { strengths: '响应快', improve: '投诉闭环', goals: '满意度 90', plan: [{ action: '培训', due: '2026-12-20' }] }, '赵经理');
  await recordOpinion(period!.id, first!.id, { agree: false, text: '满意度有误' }, first!.name);
  const appealId = await fileAppeal(period!.id, first!.id, { target: { kind: 'indicator', indicatorId: 'satisfaction' }, reason: '回访记录 91 分' }, first!.name);
  await resolveAppeal(period!.id, first!.id, appealId, { outcome: 'upheld', reason: '核实更正', changes: [{ personId: first!.id, key: 'satisfaction_score', role: 'supervisor', value: 91.5 }] }, '人事');
  await setAppealDeadline(period!.id, '2026-12-10');
  await setBonusPool(period!.id, team.id, 30000);
  await setCoefficientTable(id, template!.familyId, [
    { grade: '优秀', coefficient: 1.2 },
    { grade: '良好', coefficient: 1 },
  ]);
  await setPayBases(id, [
    { personId: first!.id, amount: 8000 },
    { personId: person.id, amount: 6500.5 },
  ]);
  return id;
}

/** Every table of one workspace, in a stable order; the audit log without its database-wide numbering. */
async function tablesOf(workspaceId: string) {
  const by = <T>(list: T[], key: (item: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const periods = by(await db.periods.where('workspaceId').equals(workspaceId).toArray(), (p) => p.id);
  const values = [];
  for (const period of periods) values.push(...by(await listEntries(period.id), (e) => [e.personId, e.key, e.role, e.rater].join('|')));
  const audit = (await db.auditLog.where('workspaceId').equals(workspaceId).sortBy('seq')).map(({ seq: _seq, ...rest }) => rest);
  return {
    workspace: await db.workspaces.get(workspaceId),
    templates: by(await db.templates.where('workspaceId').equals(workspaceId).toArray(), (t) => t.id),
    teams: by(await db.teams.where('workspaceId').equals(workspaceId).toArray(), (t) => t.id),
    people: by(await db.people.where('workspaceId').equals(workspaceId).toArray(), (p) => p.id),
    periods,
    values,
    statuses: by(await db.statuses.where('workspaceId').equals(workspaceId).toArray(), (s) => s.periodId + s.personId),
    remarks: by(await db.remarks.where('workspaceId').equals(workspaceId).toArray(), (r) => r.periodId + r.personId),
    calibrations: by(await db.calibrations.where('workspaceId').equals(workspaceId).toArray(), (c) => c.periodId + c.personId),
    reviews: by(await db.reviews.where('workspaceId').equals(workspaceId).toArray(), (r) => r.periodId + r.personId),
    reviewSettings: await db.reviewSettings.where('workspaceId').equals(workspaceId).toArray(),
    payBases: by(await db.payBases.where('workspaceId').equals(workspaceId).toArray(), (b) => b.personId),
    coefficientTables: await db.coefficientTables.where('workspaceId').equals(workspaceId).toArray(),
    audit,
    calibrationTarget: await getCalibrationTarget(workspaceId),
  };
}

async function linesOf(file: Blob): Promise<unknown[]> {
  const text = gunzipSync(new Uint8Array(await file.arrayBuffer())).toString('utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

function fileOf(lines: readonly unknown[]): Blob {
  return new Blob([gzipSync(Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n') + '\n'))]);
}

describe('workspace backup file (version 2)', () => {
  it('is gzip-compressed JSON lines: a header, rows per table, an end line with counts', async () => {
    const id = await busyWorkspace();
    const file = await writeBackupFile(id);
    const lines = (await linesOf(file)) as Record<string, unknown>[];
    expect(lines[0]).toMatchObject({ format: 'kaohe-workspace', version: 2, workspace: { id, name: '示例' } });
    expect(lines.at(-1)).toMatchObject({ end: true, counts: { people: 13, periods: 1 } });
    const tables = lines.slice(1, -1).map((line) => line.table);
    const order = ['templates', 'teams', 'people', 'periods', 'statuses', 'remarks', 'calibrations', 'reviews', 'reviewSettings', 'payBases', 'coefficientTables', 'valueBlocks', 'audit'];
    expect(tables).toEqual([...tables].sort((a, b) => order.indexOf(String(a)) - order.indexOf(String(b))));
    expect(new Set(tables)).toEqual(new Set(order));
    expect(lines.at(-1)).toMatchObject({ counts: { reviews: 1, reviewSettings: 1, payBases: 2, coefficientTables: 1 } });
    // Values are packed per block: offsets and numbers, not one object per value.
    const block = lines.find((line) => line.table === 'valueBlocks') as { rows: { at: number[]; num: (number | null)[] }[] };
    expect(Array.isArray(block.rows[0]!.at)).toBe(true);
    expect(block.rows[0]!.num.length).toBe(block.rows[0]!.at.length);
  });

  it('restoring on another browser gives an identical workspace, table by table', async () => {
    const id = await busyWorkspace();
    const original = await tablesOf(id);
    expect(original.calibrations.map((c) => [c.grade, c.reason])).toEqual([['优秀', '季度重点项目']]);
    expect(original.values.some((v) => v.rater === '赵经理' && v.value === 91)).toBe(true);
    expect(original.reviews.map((r) => [r.talk?.by, r.opinion?.agree, r.appeals.map((a) => a.resolution?.outcome)])).toEqual([['赵经理', false, ['upheld']]]);
    expect(original.payBases.map((b) => b.amount).sort()).toEqual([6500.5, 8000]);
    expect(original.reviewSettings.map((s) => [s.appealDeadline, s.pools.length])).toEqual([['2026-12-10', 1]]);
    expect(original.coefficientTables.map((t) => t.rows.length)).toEqual([2]);
    const file = await writeBackupFile(id);
    db.close();
    await db.delete();

    // Another browser: fresh database with its own example workspace.
    db = freshDb();
    const theirs = await ensureWorkspace('示例');
    const restored = await restoreBackupFile(file, theirs);
    expect(restored.ok).toBe(true);
    expect(restored.id).toBe(id);
    expect(await getActiveWorkspaceId()).toBe(id);

    const after = await tablesOf(id);
    const restoreRecord = after.audit.pop();
    expect(after).toEqual(original);
    expect(restoreRecord).toMatchObject({ entity: 'workspace', action: 'restore' });
    // One value's history survives: typed, then pasted.
    const qian = (await listPeople(id)).find((p) => p.name === '钱多多')!;
    const [period] = await listPeriods(id);
    const history = await valueHistory(period!.id, qian.id, { key: 'satisfaction_score', role: 'supervisor', rater: '赵经理' });
    expect(history.map((h) => [h.action, h.old, h.new])).toEqual([
      ['update', null, 88],
      ['paste', 88, 91],
    ]);
    // The appeal's value change is still linked to it.
    const appeal = after.reviews[0]!.appeals[0]!;
    expect((await appealChanges(period!.id, appeal.id)).map((r) => [r.action, r.by, r.new])).toEqual([['appeal', '人事', 1]]);

    // What it replaced is gone from the tables but kept as an automatic backup.
    expect(await workspaceSummary(theirs)).toBeUndefined();
    expect((await listBackups(theirs)).map((b) => b.reason)).toEqual(['before-restore']);
  });

  it('restoring over the same workspace keeps a backup of what it replaces', async () => {
    const id = await busyWorkspace();
    const file = await writeBackupFile(id);
    await addPerson(id, { name: '后来的人' });
    await restoreBackupFile(file, id);
    expect((await listPeople(id)).some((p) => p.name === '后来的人')).toBe(false);
    const [kept] = await listBackups(id);
    expect(kept?.reason).toBe('before-restore');
    const read = await readBackupFile((await getBackupFile(kept!.id!))!.file);
    expect(read.ok && read.value.people.some((p) => p.name === '后来的人')).toBe(true);
  });

  it('the summary counts what a restore would replace', async () => {
    const id = await busyWorkspace();
    const [period] = await listPeriods(id);
    const values = (await listEntries(period!.id)).length;
    expect(await workspaceSummary(id)).toEqual({ name: '示例', people: 13, periods: 1, entries: values, templates: 2 });
    const read = await readBackupFile(await writeBackupFile(id));
    expect(read.ok && read.value.periods[0]!.values).toBe(values);
  });
});

describe('a broken or hostile backup file is refused, naming the line and field', () => {
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    lines = (await linesOf(await writeBackupFile(await busyWorkspace()))) as Record<string, unknown>[];
  });

  const problemsOf = async (file: Blob) => {
    const result = await readBackupFile(file);
    return result.ok ? [] : result.problems.map((p) => describeRestoreProblem(p, 'en'));
  };
  const tableLine = (table: string) => lines.findIndex((line) => line.table === table);
  const rowsOf = (index: number) => (lines[index] as { rows: Record<string, unknown>[] }).rows;

  it('something that is not a backup, or from a newer Kaohe', async () => {
    expect(await problemsOf(fileOf([{ format: 'kaohe-template', version: 2 }]))).toEqual(['line 1: format: the value kaohe-template is not allowed (expected kaohe-workspace).']);
    expect(await problemsOf(fileOf([{ ...lines[0], version: 3 }]))).toEqual(['(file): the value 3 is not allowed (expected version ≤ 2).']);
    expect(await problemsOf(new Blob([new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5])]))).toEqual(['(file): the value damaged data is not allowed (expected a gzip-compressed UTF-8 Kaohe backup).']);
  });

  it('a file cut short', async () => {
    expect(await problemsOf(fileOf(lines.slice(0, -2)))).toEqual(['(end): expected {"end": true}, found the end of the file (it was cut short).']);
  });

  it('prototype-pollution keys anywhere', async () => {
    const people = tableLine('people');
    rowsOf(people)[0] = JSON.parse(JSON.stringify(rowsOf(people)[0]).replace('{', '{"__proto__":{"x":1},')) as Record<string, unknown>;
    const text = lines.map((line) => JSON.stringify(line)).join('\n').replace('"__proto__":{"x":1}', '"__proto__":{"x":1}');
    const problems = await problemsOf(new Blob([gzipSync(Buffer.from(text))]));
    expect(problems[0]).toMatch(new RegExp(`^line ${people + 1}: rows\\[0\\]\\.__proto__: the key "__proto__" is not allowed`));
  });

  it('wrong types and packed values that do not fit, with line and path', async () => {
    const people = tableLine('people');
    const good = rowsOf(people)[0]!.archived;
    rowsOf(people)[0]!.archived = 'yes';
    expect(await problemsOf(fileOf(lines))).toEqual([`line ${people + 1}: people[0].archived: expected (0 | 1), found "yes".`]);
    rowsOf(people)[0]!.archived = good;
    const blocks = tableLine('valueBlocks');
    rowsOf(blocks)[0]!.num = [1];
    const problems = await problemsOf(fileOf(lines));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^line ${blocks + 1}: valueBlocks\\[0\\]\\.num: the value 1 is not allowed \\(expected \\d+ values \\(one per offset\\)\\)`));
  });

  it('references that do not resolve, and the same record twice', async () => {
    const remarks = tableLine('remarks');
    rowsOf(remarks)[0]!.periodId = 'nowhere';
    expect(await problemsOf(fileOf(lines))).toEqual([`line ${remarks + 1}: remarks[0].periodId: the value nowhere is not allowed (expected periods[].id).`]);
    rowsOf(remarks)[0]!.periodId = rowsOf(tableLine('periods'))[0]!.id;
    const people = tableLine('people');
    rowsOf(people).push({ ...rowsOf(people)[0]!, seq: 999 });
    const problems = await problemsOf(fileOf(lines));
    expect(problems[0]).toMatch(new RegExp(`^line ${people + 1}: people\\[13\\]\\.id: the value .* is not allowed \\(expected unique people\\)`));
  });

  it('review rows that name no period, person or template family of the backup, or that do not fit', async () => {
    const reviews = tableLine('reviews');
    const personId = rowsOf(reviews)[0]!.personId;
    rowsOf(reviews)[0]!.personId = 'nobody';
    expect(await problemsOf(fileOf(lines))).toEqual([`line ${reviews + 1}: reviews[0].personId: the value nobody is not allowed (expected people[].id).`]);
    rowsOf(reviews)[0]!.personId = personId;
    const settings = tableLine('reviewSettings');
    rowsOf(settings)[0]!.appealDeadline = '2026-02-30';
    expect((await problemsOf(fileOf(lines)))[0]).toMatch(new RegExp(`^line ${settings + 1}: reviewSettings\\[0\\]\\.appealDeadline`));
    rowsOf(settings)[0]!.appealDeadline = '';
    const tables = tableLine('coefficientTables');
    rowsOf(tables)[0]!.familyId = 'someone-else';
    expect(await problemsOf(fileOf(lines))).toEqual([`line ${tables + 1}: coefficientTables[0].familyId: the value someone-else is not allowed (expected templates[].familyId).`]);
  });

  it('a version 2 file written before the review tables existed still restores', async () => {
    const older = lines.filter((line) => !['reviews', 'reviewSettings', 'payBases', 'coefficientTables'].includes(String(line.table)));
    const end = older.at(-1) as { counts: Record<string, number> };
    for (const table of ['reviews', 'reviewSettings', 'payBases', 'coefficientTables']) delete end.counts[table];
    const audit = tableLine('audit');
    // Its audit log had no review steps either.
    const olderAudit = older.map((line) =>
      line.table === 'audit' ? { ...line, rows: (line as { rows: Record<string, unknown>[] }).rows.filter((row) => !['review', 'coefficients', 'payBases', 'reviewSettings'].includes(String(row.entity))) } : line,
    );
    end.counts.audit = olderAudit.filter((line) => line.table === 'audit').reduce((n, line) => n + (line as { rows: unknown[] }).rows.length, 0);
    expect(audit).toBeGreaterThan(0);
    const read = await readBackupFile(fileOf(olderAudit));
    expect(read.ok).toBe(true);
    expect(read.ok && [read.value.reviews.length, read.value.payBases.length, read.value.people.length]).toEqual([0, 0, 13]);
  });

  it('a value for a person number nobody has', async () => {
    const blocks = tableLine('valueBlocks');
    const row = rowsOf(blocks)[0]!;
    row.at = [...(row.at as number[]).slice(0, -1), 900];
    const problems = await problemsOf(fileOf(lines));
    expect(problems).toEqual([`line ${blocks + 1}: valueBlocks[0].at: the value 900 is not allowed (expected people[].seq).`]);
  });

  it('a template body that is not a template', async () => {
    const templates = tableLine('templates');
    (rowsOf(templates)[0]!.body as { sections: unknown }).sections = 'none';
    expect(await problemsOf(fileOf(lines))).toEqual([`line ${templates + 1}: templates[0].body.sections: expected Array, found "none".`]);
  });
});

/** A version 1 backup as Kaohe wrote it before schema v6: one record per value and per audited value. */
function version1(): WorkspaceBackup {
  const w = 'w1';
  return {
    format: 'kaohe-workspace',
    version: 1,
    exportedAt: '2026-11-30T08:00:00.000Z',
    workspace: { id: w, name: '旧工作区', example: false, createdAt: 1, updatedAt: 1 },
    templates: [],
    teams: [],
    people: [
      { id: 'p1', workspaceId: w, employeeNo: 'KF001', name: '王芳', teamId: '', position: '', archived: 0, createdAt: 1 },
      { id: 'p2', workspaceId: w, employeeNo: 'KF002', name: '李娜', teamId: '', position: '', archived: 1, createdAt: 2 },
    ],
    periods: [],
    entries: [],
    statuses: [],
    remarks: [],
    audit: [],
    calibrations: [],
    calibrationTarget: null,
  };
}

describe('version 1 backup files still restore', () => {
  it('values, notes and the audit history come back in the new layout', async () => {
    const id = await busyWorkspace();
    const [template] = await listTemplates(id);
    const old = version1();
    old.templates.push({ ...template!, workspaceId: 'w1', familyId: 'old-family', id: 'old-family@1', version: 1, body: { ...template!.body, id: 'old-family', version: 1 } });
    old.periods.push({ id: 'm1', workspaceId: 'w1', kind: 'month', key: '2026-10', templateId: old.templates[0]!.id, teamId: '', locked: 0, createdAt: 1 });
    old.entries.push(
      { periodId: 'm1', personId: 'p1', key: 'satisfaction_score', role: 'supervisor', rater: '', workspaceId: 'w1', value: 93, note: '', updatedAt: 5 },
      { periodId: 'm1', personId: 'p2', key: 'service_attitude', role: 'self', rater: '张三', workspaceId: 'w1', value: '良好', note: '补录', updatedAt: 6 },
      { periodId: 'm1', personId: '@team', key: 'satisfaction_score', role: 'supervisor', rater: '', workspaceId: 'w1', value: 80, note: '', updatedAt: 6 },
    );
    old.audit.push(
      { seq: 3, workspaceId: 'w1', at: 10, entity: 'person', entityId: 'p1', action: 'create', field: 'name', old: null, new: '王芳' },
      { seq: 4, workspaceId: 'w1', at: 20, entity: 'entry', entityId: 'm1|p1|satisfaction_score|supervisor|', action: 'import', field: 'value', old: null, new: 90 },
      { seq: 5, workspaceId: 'w1', at: 20, entity: 'entry', entityId: 'm1|p2|service_attitude|self|张三', action: 'import', field: 'value', old: null, new: '良好' },
      { seq: 6, workspaceId: 'w1', at: 30, entity: 'entry', entityId: 'm1|p1|satisfaction_score|supervisor|', action: 'update', field: 'value', old: 90, new: 93 },
    );
    expect(restoreWorkspaceBackup(JSON.parse(JSON.stringify(old))).ok).toBe(true);
    const file = new Blob([gzipSync(Buffer.from(JSON.stringify(old)))]);
    const restored = await restoreBackupFile(file);
    expect(restored).toMatchObject({ ok: true, id: 'w1' });

    const values = await listEntries('m1');
    expect(values.map((v) => [v.personId, v.key, v.role, v.rater, v.value, v.note]).sort()).toEqual(
      [
        ['@team', 'satisfaction_score', 'supervisor', '', 80, ''],
        ['p1', 'satisfaction_score', 'supervisor', '', 93, ''],
        ['p2', 'service_attitude', 'self', '张三', '良好', '补录'],
      ].sort(),
    );
    expect((await listPeople('w1', true)).map((p) => [p.name, p.seq])).toEqual([
      ['王芳', 1],
      ['李娜', 2],
    ]);
    // The two values of one import are one record now; the history of one value reads the same.
    const imports = (await auditFor('entries', 'm1')).filter((r) => r.action === 'import');
    expect(imports.map((r) => r.new)).toEqual([2]);
    expect((await valueHistory('m1', 'p1', { key: 'satisfaction_score', role: 'supervisor' })).map((h) => [h.action, h.at, h.old, h.new])).toEqual([
      ['import', 20, null, 90],
      ['update', 30, 90, 93],
    ]);
  });

  it('a broken version 1 file is refused with its path', async () => {
    const old = version1();
    (old.people[0] as { archived: unknown }).archived = 'yes';
    const result = await readBackupFile(new Blob([JSON.stringify(old)]));
    expect(result.ok ? [] : result.problems.map((p) => describeRestoreProblem(p, 'en'))).toContain('people[0].archived: expected (0 | 1), found "yes".');
  });
});

describe('automatic backups', () => {
  const at = (id: number, workspaceId: string, createdAt: number, size: number): BackupListing => ({ id, workspaceId, createdAt, size, reason: 'daily' });

  it('keep seven per workspace, then drop the oldest while over the size budget, never the newest of a workspace', () => {
    const many = Array.from({ length: 9 }, (_, i) => at(i + 1, 'a', i, 10));
    expect(backupsToDrop(many, 7, 1_000).sort((x, y) => x - y)).toEqual([1, 2]);
    // 3 × 400 bytes of workspace a and one of b over a budget of 1,000: a's oldest go first.
    const big = [at(1, 'a', 1, 400), at(2, 'a', 2, 400), at(3, 'a', 3, 400), at(4, 'b', 4, 400)];
    expect(backupsToDrop(big, 7, 1_000).sort((x, y) => x - y)).toEqual([1, 2]);
    // A single backup larger than the budget is still kept: it is the newest.
    expect(backupsToDrop([at(1, 'a', 1, 5_000)], 7, 1_000)).toEqual([]);
  });

  it('are kept as files with their size, and rotate', async () => {
    const id = await busyWorkspace();
    for (let i = 0; i < 9; i++) await keepAutomaticBackup(id, 'daily');
    const kept = await listBackups(id);
    expect(kept).toHaveLength(7);
    expect(kept.every((b) => b.size > 500)).toBe(true);
    const file = await getBackupFile(kept[0]!.id!);
    expect(file?.extension).toBe('.jsonl.gz');
    expect(file!.file.size).toBe(kept[0]!.size);
  });
});

describe('restore applies completely or not at all', () => {
  it('a failure while writing leaves the workspace as it was', async () => {
    const id = await busyWorkspace();
    const before = await tablesOf(id);
    const read = await readBackupFile(await writeBackupFile(id));
    if (!read.ok) throw new Error('backup did not read');
    // A block twice makes the restore's bulkAdd fail half-way through.
    const broken = { ...read.value, valueBlocks: [...read.value.valueBlocks, read.value.valueBlocks[0]!] };
    await expect(restoreStaged(broken, id)).rejects.toBeDefined();
    const after = await tablesOf(id);
    expect(after).toEqual(before);
  });
});
