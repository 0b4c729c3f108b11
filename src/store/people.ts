// The roster: people and teams of a workspace.
import { getDb } from './db';
import { newId } from './ids';
import type { PersonRecord, TeamRecord } from './records';
import { writeAudit, type AuditInput } from './audit';
import { byEmployeeNoThenName, byName } from './order';
import { dropRoster, peopleOf } from './roster-cache';
import Dexie from 'dexie';
import { BLOCK_SIZE, blockOf, OpenBlock } from './value-blocks';

/**
 * The next `count` person numbers of a workspace (PersonRecord.seq). Call inside an rw
 * transaction over `people`, which keeps two writers from taking the same numbers.
 */
export async function nextPersonNumbers(workspaceId: string, count: number): Promise<number[]> {
  const last = await getDb().people.where('[workspaceId+seq]').between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]).last();
  const first = (last?.seq ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => first + i);
}

export type NewPerson = Pick<PersonRecord, 'name'> & Partial<Pick<PersonRecord, 'employeeNo' | 'teamId' | 'position'>>;
export type PersonPatch = Partial<Pick<PersonRecord, 'name' | 'employeeNo' | 'teamId' | 'position'>>;

/** One audit record for many people created by one action: [id, name] pairs. */
export function peopleCreated(workspaceId: string, people: readonly PersonRecord[], action: 'create' | 'import'): AuditInput {
  return { workspaceId, entity: 'people', entityId: workspaceId, action, field: 'created', old: null, new: people.map((person) => [person.id, person.name]) };
}

export async function listPeople(workspaceId: string, includeArchived = false): Promise<PersonRecord[]> {
  const people = await peopleOf(workspaceId);
  return (includeArchived ? people : people.filter((person) => person.archived === 0)).sort(byEmployeeNoThenName);
}


export async function addPerson(workspaceId: string, person: NewPerson): Promise<PersonRecord> {
  const db = getDb();
  const record: Omit<PersonRecord, 'seq'> & { seq?: number } = {
    id: newId(),
    workspaceId,
    employeeNo: person.employeeNo?.trim() ?? '',
    name: person.name.trim(),
    teamId: person.teamId ?? '',
    position: person.position?.trim() ?? '',
    archived: 0,
    createdAt: Date.now(),
  };
  return db.transaction('rw', db.people, db.rosters, db.auditLog, async () => {
    const [seq] = await nextPersonNumbers(workspaceId, 1);
    const added: PersonRecord = { ...record, seq: seq! };
    await db.people.add(added);
    await dropRoster(workspaceId);
    await writeAudit({ workspaceId, entity: 'person', entityId: record.id, action: 'create', field: 'name', old: null, new: record.name });
    return added;
  });
}

export async function updatePerson(id: string, patch: PersonPatch): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.people, db.rosters, db.auditLog, async () => {
    const before = await db.people.get(id);
    if (!before) return;
    const changes: AuditInput[] = [];
    for (const [field, value] of Object.entries(patch) as [keyof PersonPatch, string | undefined][]) {
      if (value === undefined || before[field] === value) continue;
      changes.push({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'update', field, old: before[field], new: value });
    }
    if (changes.length === 0) return;
    await db.people.update(id, patch);
    await dropRoster(before.workspaceId);
    await writeAudit(changes);
  });
}

export async function setArchived(id: string, archived: boolean): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.people, db.rosters, db.auditLog, async () => {
    const before = await db.people.get(id);
    if (!before) return;
    const value = archived ? 1 : 0;
    if (before.archived === value) return;
    await db.people.update(id, { archived: value });
    await dropRoster(before.workspaceId);
    await writeAudit({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'update', field: 'archived', old: before.archived, new: value });
  });
}

/** Removes the person and everything entered for them. */
export async function deletePerson(id: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.people, db.rosters, db.periods, db.valueBlocks, db.statuses, db.remarks, db.calibrations, db.reviews, db.payBases, db.auditLog], async () => {
    const before = await db.people.get(id);
    if (!before) return;
    await removeValuesOf(before);
    await db.calibrations.where('personId').equals(id).delete();
    await db.reviews.where('personId').equals(id).delete();
    await db.payBases.delete(id);
    await db.statuses.where('personId').equals(id).delete();
    await db.remarks.where('personId').equals(id).delete();
    await db.people.delete(id);
    await dropRoster(before.workspaceId);
    await writeAudit({ workspaceId: before.workspaceId, entity: 'person', entityId: id, action: 'delete', field: 'name', old: before.name, new: null });
  });
}

/** Take a person's values out of every period's blocks (inside deletePerson's transaction). */
async function removeValuesOf(person: PersonRecord): Promise<void> {
  const db = getDb();
  const block = blockOf(person.seq);
  const offset = person.seq - block * BLOCK_SIZE;
  const blocks = await db.valueBlocks.where('workspaceId').equals(person.workspaceId).filter((b) => b.block === block).toArray();
  const removed = new Map<string, number>();
  for (const record of blocks) {
    const open = OpenBlock.of(record);
    const had = open.set(offset, null) !== null;
    const hadNote = open.notes.delete(offset);
    if (!had && !hadNote) continue;
    if (had) removed.set(record.periodId, (removed.get(record.periodId) ?? 0) + 1);
    const key = [record.periodId, record.key, record.role, record.rater, record.block] as const;
    const next = open.toRecord(record.periodId, record, record.block, record.workspaceId, Date.now());
    if (next) await db.valueBlocks.put(next);
    else await db.valueBlocks.delete([...key]);
  }
  for (const [periodId, count] of removed) {
    const period = await db.periods.get(periodId);
    if (period) await db.periods.update(periodId, { values: Math.max(0, (period.values ?? 0) - count) });
  }
}

export async function listTeams(workspaceId: string): Promise<TeamRecord[]> {
  const teams = await getDb().teams.where('workspaceId').equals(workspaceId).toArray();
  return teams.sort((a, b) => byName(a.name, b.name));
}

export async function addTeam(workspaceId: string, name: string): Promise<TeamRecord> {
  const db = getDb();
  const team: TeamRecord = { id: newId(), workspaceId, name: name.trim() };
  await db.transaction('rw', db.teams, db.auditLog, async () => {
    await db.teams.add(team);
    await writeAudit({ workspaceId, entity: 'team', entityId: team.id, action: 'create', field: 'name', old: null, new: team.name });
  });
  return team;
}
