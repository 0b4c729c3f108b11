// A workspace's people packed into one record, column by column: reading 10,000 person records
// one by one costs IndexedDB a quarter of a second, one packed record a few milliseconds. It is a
// cache of the `people` table: every write of people drops it in the same transaction
// (`dropRoster`); a read that finds none reads the table and packs it again just after.
import { getDb } from './db';
import type { PersonRecord } from './records';
import { byEmployeeNoThenName } from './order';

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

/** Every person of a workspace (archived too): from the packed record, or the table when there is none yet. */
export async function peopleOf(workspaceId: string): Promise<PersonRecord[]> {
  const db = getDb();
  const cached = await db.transaction('r', db.rosters, () => db.rosters.get(workspaceId));
  if (cached) return unpackRoster(cached);
  const people = await db.transaction('r', db.people, () => db.people.where('workspaceId').equals(workspaceId).toArray());
  // Packed for next time in a write of its own, outside whatever is reading now (a live query may
  // not write); it reads the table again in that transaction, so it cannot pack a stale roster.
  setTimeout(() => void buildRoster(workspaceId).catch(() => {}), 0);
  return people;
}

async function buildRoster(workspaceId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.people, db.rosters, async () => {
    if (await db.rosters.get(workspaceId)) return;
    const people = await db.people.where('workspaceId').equals(workspaceId).toArray();
    // Packed in the roster's order: the sheets and the roster sort it again, and a sorted list
    // sorts in one pass (10,000 comparisons instead of 130,000 through the collator).
    await db.rosters.put(packRoster(workspaceId, people.sort(byEmployeeNoThenName)));
  });
}
