// The roster: people and teams of a workspace.
import { getDb } from './db';
import { newId } from './ids';
import type { PersonRecord, TeamRecord } from './records';
import { writeAudit, type AuditInput } from './audit';

export type NewPerson = Pick<PersonRecord, 'name'> & Partial<Pick<PersonRecord, 'employeeNo' | 'teamId' | 'position'>>;
export type PersonPatch = Partial<Pick<PersonRecord, 'name' | 'employeeNo' | 'teamId' | 'position'>>;

export async function listPeople(workspaceId: string, includeArchived = false): Promise<PersonRecord[]> {
  const db = getDb();
  const people = includeArchived
    ? await db.people.where('workspaceId').equals(workspaceId).toArray()
    : await db.people.where('[workspaceId+archived]').equals([workspaceId, 0]).toArray();
  return people.sort(byEmployeeNoThenName);
}

function byEmployeeNoThenName(a: PersonRecord, b: PersonRecord): number {
  return a.employeeNo.localeCompare(b.employeeNo, 'zh-CN', { numeric: true }) || a.name.localeCompare(b.name, 'zh-CN');
}

export async function addPerson(workspaceId: string, person: NewPerson): Promise<PersonRecord> {
  const db = getDb();
  const record: PersonRecord = {
    id: newId(),
    workspaceId,
    employeeNo: person.employeeNo?.trim() ?? '',
    name: person.name.trim(),
    teamId: person.teamId ?? '',
    position: person.position?.trim() ?? '',
    archived: 0,
    createdAt: Date.now(),
  };
  await db.transaction('rw', db.people, db.audit, async () => {
    await db.people.add(record);
    await writeAudit({ workspaceId, entity: 'person', entityId: record.id, action: 'create', field: 'name', old: null, new: record.name });
  });
  return record;
}

export async function updatePerson(id: string, patch: PersonPatch): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.people, db.audit, async () => {
    const before = await db.people.get(id);
    if (!before) return;
    const changes: AuditInput[] = [];
    for (const [field, value] of Object.entries(patch) as [keyof PersonPatch, string | undefined][]) {
      if (value === undefined || before[field] === value) continue;
      changes.push({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'update', field, old: before[field], new: value });
    }
    if (changes.length === 0) return;
    await db.people.update(id, patch);
    await writeAudit(changes);
  });
}

export async function setArchived(id: string, archived: boolean): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.people, db.audit, async () => {
    const before = await db.people.get(id);
    if (!before) return;
    const value = archived ? 1 : 0;
    if (before.archived === value) return;
    await db.people.update(id, { archived: value });
    await writeAudit({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'update', field: 'archived', old: before.archived, new: value });
  });
}

/** Removes the person and everything entered for them. */
export async function deletePerson(id: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.people, db.entries, db.statuses, db.remarks, db.calibrations, db.audit], async () => {
    const before = await db.people.get(id);
    if (!before) return;
    await db.entries.where('personId').equals(id).delete();
    await db.calibrations.where('personId').equals(id).delete();
    await db.statuses.where('personId').equals(id).delete();
    await db.remarks.where('personId').equals(id).delete();
    await db.people.delete(id);
    await writeAudit({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'delete', field: 'name', old: before.name, new: null });
  });
}

export async function listTeams(workspaceId: string): Promise<TeamRecord[]> {
  const teams = await getDb().teams.where('workspaceId').equals(workspaceId).toArray();
  return teams.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function addTeam(workspaceId: string, name: string): Promise<TeamRecord> {
  const db = getDb();
  const team: TeamRecord = { id: newId(), workspaceId, name: name.trim() };
  await db.transaction('rw', db.teams, db.audit, async () => {
    await db.teams.add(team);
    await writeAudit({ workspaceId, entity: 'team', entityId: team.id, action: 'create', field: 'name', old: null, new: team.name });
  });
  return team;
}
