// The example workspace created on first start, so the page is never empty: a customer-service
// team of 12 rated for one month with 客户考核评分表(月度) (seed 001), self and supervisor.
import { getDb } from './db';
import { newId } from './ids';
import type { PeriodRecord, PersonRecord, StatusRecord, TeamRecord, TemplateRecord, WorkspaceRecord } from './records';
// Only the example's own template: the other built-ins load with the studio.
import { customerMonthly } from '../scoring/builtins/customer-monthly';
import type { RaterRole, Template } from '../scoring/model';
import { plausibleValue, seededRandom } from '../scoring/samples';
import { periodKeyOf } from '../scoring/periods';
import { templateRecordId } from './templates';
import { getActiveWorkspaceId, setActiveWorkspaceId } from './workspaces';
import { writeAudit } from './audit';
import { entriesToBlocks, personNumbers } from './legacy';
import { keepAutomaticBackup } from './backup';
import { calibrationTargetKey } from './calibrations';

export const EXAMPLE_TEMPLATE_NAME = '客户考核评分表(月度)';

export interface ExamplePerson {
  readonly employeeNo: string;
  readonly name: string;
  readonly team: 0 | 1;
  readonly position: string;
}

export const EXAMPLE_TEAMS = ['客服一组', '客服二组'] as const;

export const EXAMPLE_PEOPLE: readonly ExamplePerson[] = [
  { employeeNo: 'KF001', name: '王芳', team: 0, position: '客服主管' },
  { employeeNo: 'KF002', name: '李娜', team: 0, position: '客服专员' },
  { employeeNo: 'KF003', name: '张伟', team: 0, position: '客服专员' },
  { employeeNo: 'KF004', name: '刘洋', team: 0, position: '客服专员' },
  { employeeNo: 'KF005', name: '陈静', team: 0, position: '客服专员' },
  { employeeNo: 'KF006', name: '杨磊', team: 0, position: '售后专员' },
  { employeeNo: 'KF007', name: '赵敏', team: 1, position: '客服主管' },
  { employeeNo: 'KF008', name: '黄婷', team: 1, position: '客服专员' },
  { employeeNo: 'KF009', name: '周杰', team: 1, position: '客服专员' },
  { employeeNo: 'KF010', name: '吴倩', team: 1, position: '客服专员' },
  { employeeNo: 'KF011', name: '徐鹏', team: 1, position: '售后专员' },
  { employeeNo: 'KF012', name: '孙悦', team: 1, position: '客服专员' },
];

/** 徐鹏 covers from after-sales (临时顶岗): ranked, not assessed. 孙悦 has no self-rating yet. */
const TEMPORARY = 'KF011';
const NO_SELF_RATING = 'KF012';

export function exampleTemplate(): Template {
  return customerMonthly;
}

/** The example's entries: deterministic, so tests can score them the same way. */
export function exampleEntries(template: Template): { employeeNo: string; key: string; role: RaterRole; value: number | string | boolean }[] {
  const random = seededRandom(20261113);
  const rows: { employeeNo: string; key: string; role: RaterRole; value: number | string | boolean }[] = [];
  for (const person of EXAMPLE_PEOPLE) {
    for (const { role } of template.roles) {
      if (role === 'self' && person.employeeNo === NO_SELF_RATING) continue;
      for (const input of template.inputs) {
        if (input.formula || input.scope === 'team') continue;
        const value = plausibleValue(input, random);
        if (value !== null) rows.push({ employeeNo: person.employeeNo, key: input.id, role, value });
      }
    }
  }
  return rows;
}

/** The month before `now`, as the period being rated. */
export function exampleMonth(now: Date): string {
  const date = { year: now.getFullYear(), month: now.getMonth() + 1, day: 1 };
  const previous = date.month === 1 ? { year: date.year - 1, month: 12, day: 1 } : { ...date, month: date.month - 1 };
  return periodKeyOf('month', previous);
}

/** Write a fresh example workspace (in one transaction) and return its id. */
export async function createExampleWorkspace(name: string, now = new Date()): Promise<string> {
  const db = getDb();
  const template = exampleTemplate();
  const at = now.getTime();
  const workspace: WorkspaceRecord = { id: newId(), name, example: true, createdAt: at, updatedAt: at };
  const familyId = newId();
  const templateRecord: TemplateRecord = {
    id: templateRecordId(familyId, 1),
    workspaceId: workspace.id,
    familyId,
    version: 1,
    body: { ...template, id: familyId, version: 1 },
    changeNote: '',
    createdAt: at,
    updatedAt: at,
    deletedAt: 0,
  };
  const teams: TeamRecord[] = EXAMPLE_TEAMS.map((teamName) => ({ id: newId(), workspaceId: workspace.id, name: teamName }));
  const people: PersonRecord[] = EXAMPLE_PEOPLE.map((p, i) => ({
    id: newId(),
    workspaceId: workspace.id,
    employeeNo: p.employeeNo,
    name: p.name,
    teamId: teams[p.team]!.id,
    position: p.position,
    archived: 0,
    createdAt: at + i,
    seq: i + 1,
  }));
  const period: PeriodRecord = {
    id: newId(),
    workspaceId: workspace.id,
    kind: 'month',
    key: exampleMonth(now),
    templateId: templateRecord.id,
    teamId: '',
    locked: 0,
    createdAt: at,
  };
  const byNo = new Map(people.map((p) => [p.employeeNo, p.id]));
  const entries = exampleEntries(template).map((e) => ({
    periodId: period.id,
    personId: byNo.get(e.employeeNo)!,
    key: e.key,
    role: e.role,
    rater: '',
    workspaceId: workspace.id,
    value: e.value,
    note: '',
    updatedAt: at,
  }));
  const { blocks, values } = entriesToBlocks(entries, personNumbers(people));
  period.values = values.get(period.id) ?? 0;
  const statuses: StatusRecord[] = [{ periodId: period.id, personId: byNo.get(TEMPORARY)!, workspaceId: workspace.id, status: 'temporary' }];
  await db.transaction('rw', [db.workspaces, db.templates, db.teams, db.people, db.rosters, db.periods, db.valueBlocks, db.statuses, db.auditLog], async () => {
    await db.workspaces.add(workspace);
    await db.templates.add(templateRecord);
    await db.teams.bulkAdd(teams);
    await db.people.bulkAdd(people);
    await db.rosters.delete(workspace.id);
    await db.periods.add(period);
    await db.valueBlocks.bulkAdd(blocks);
    await db.statuses.bulkAdd(statuses);
    await writeAudit({ workspaceId: workspace.id, entity: 'workspace', entityId: workspace.id, action: 'create', field: 'example', old: null, new: name });
  });
  return workspace.id;
}

/** Remove a workspace and everything in it (one transaction). */
export async function deleteWorkspaceData(workspaceId: string): Promise<void> {
  const db = getDb();
  const review = [db.reviews, db.coefficientTables, db.payBases, db.reviewSettings];
  await db.transaction('rw', [db.workspaces, db.templates, db.teams, db.people, db.rosters, db.periods, db.valueBlocks, db.statuses, db.remarks, db.calibrations, ...review, db.settings, db.auditLog], async () => {
    await Promise.all([
      ...review.map((table) => table.where('workspaceId').equals(workspaceId).delete()),
      db.calibrations.where('workspaceId').equals(workspaceId).delete(),
      db.settings.delete(calibrationTargetKey(workspaceId)),
      db.templates.where('workspaceId').equals(workspaceId).delete(),
      db.teams.where('workspaceId').equals(workspaceId).delete(),
      db.people.where('workspaceId').equals(workspaceId).delete(),
      db.rosters.delete(workspaceId),
      db.periods.where('workspaceId').equals(workspaceId).delete(),
      db.valueBlocks.where('workspaceId').equals(workspaceId).delete(),
      db.statuses.where('workspaceId').equals(workspaceId).delete(),
      db.remarks.where('workspaceId').equals(workspaceId).delete(),
      db.auditLog.where('workspaceId').equals(workspaceId).delete(),
    ]);
    await db.workspaces.delete(workspaceId);
  });
}

/**
 * Open the workspace the person used last; on first start create the example. Returns its id.
 */
export async function ensureWorkspace(exampleName: string): Promise<string> {
  const active = await getActiveWorkspaceId();
  if (active && (await getDb().workspaces.get(active))) return active;
  const existing = await getDb().workspaces.orderBy('id').first();
  const id = existing?.id ?? (await createExampleWorkspace(exampleName));
  await setActiveWorkspaceId(id);
  return id;
}

/** Replace the example workspace with a fresh copy and make it active. */
export async function resetExampleWorkspace(workspaceId: string, exampleName: string): Promise<string> {
  await keepAutomaticBackup(workspaceId, 'before-reset');
  await deleteWorkspaceData(workspaceId);
  const id = await createExampleWorkspace(exampleName);
  await setActiveWorkspaceId(id);
  return id;
}
