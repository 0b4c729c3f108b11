// A workspace's people packed into one record, column by column: reading 10,000 person records
// one by one costs IndexedDB a quarter of a second, one packed record a few milliseconds. It is a
// cache of the `people` table: every write of people drops it in the same transaction
// (`dropRoster`), and the next read builds it again from the table.
import { getDb } from './db';
import type { PersonRecord } from './records';

export interface RosterRecord {
  workspaceId: string;
  id: string[];
  employeeNo: string[];
  name: string[];
  teamId: string[];
  position: string[];
  archived: Uint8Array;
  createdAt: Float64Array;
  seq: Float64Array;
}

/** Every field of a person is packed: a new field of PersonRecord fails to compile until it is. */
type Covered = 'id' | 'workspaceId' | 'employeeNo' | 'name' | 'teamId' | 'position' | 'archived' | 'createdAt' | 'seq';
export const ROSTER_COVERS_EVERY_FIELD: Exclude<keyof PersonRecord, Covered> extends never ? true : never = true;

export function packRoster(workspaceId: string, people: readonly PersonRecord[]): RosterRecord {
  return {
    workspaceId,
    id: people.map((p) => p.id),
    employeeNo: people.map((p) => p.employeeNo),
    name: people.map((p) => p.name),
    teamId: people.map((p) => p.teamId),
    position: people.map((p) => p.position),
    archived: Uint8Array.from(people, (p) => p.archived),
    createdAt: Float64Array.from(people, (p) => p.createdAt),
    seq: Float64Array.from(people, (p) => p.seq),
  };
}

export function unpackRoster(roster: RosterRecord): PersonRecord[] {
  return roster.id.map((id, i) => ({
    id,
    workspaceId: roster.workspaceId,
    employeeNo: roster.employeeNo[i]!,
    name: roster.name[i]!,
    teamId: roster.teamId[i]!,
    position: roster.position[i]!,
    archived: roster.archived[i] === 1 ? 1 : 0,
    createdAt: roster.createdAt[i]!,
    seq: roster.seq[i]!,
  }));
}

/** Call inside every rw transaction that writes people (it must include `rosters`). */
export async function dropRoster(workspaceId: string): Promise<void> {
  await getDb().rosters.delete(workspaceId);
}

/** Every person of a workspace (archived too), from the packed record, built first if need be. */
export async function peopleOf(workspaceId: string): Promise<PersonRecord[]> {
  const db = getDb();
  const cached = await db.transaction('r', db.rosters, () => db.rosters.get(workspaceId));
  if (cached) return unpackRoster(cached);
  return db.transaction('rw', db.people, db.rosters, async () => {
    const people = await db.people.where('workspaceId').equals(workspaceId).toArray();
    await db.rosters.put(packRoster(workspaceId, people));
    return people;
  });
}
