// Adding many people at once (a pasted column of names, a roster file): one transaction, so
// the roster gets all of them or none. Team names not in the workspace yet become teams.
import { getDb } from './db';
import { newId } from './ids';
import type { PersonRecord, TeamRecord } from './records';
import { writeAudit, type AuditInput } from './audit';
import { nextPersonNumbers, peopleCreated } from './people';
import { dropRoster } from './roster-cache';

export interface RosterRow {
  readonly name: string;
  readonly employeeNo?: string;
  readonly position?: string;
  /** A team name; '' or absent: no team. */
  readonly teamName?: string;
}

export async function addPeople(workspaceId: string, rows: readonly RosterRow[]): Promise<PersonRecord[]> {
  const db = getDb();
  return db.transaction('rw', db.people, db.rosters, db.teams, db.auditLog, async () => {
    const teams = await db.teams.where('workspaceId').equals(workspaceId).toArray();
    const teamIds = new Map(teams.map((team) => [team.name, team.id]));
    const newTeams: TeamRecord[] = [];
    const teamIdOf = (name: string | undefined): string => {
      const trimmed = name?.trim() ?? '';
      if (trimmed === '') return '';
      let id = teamIds.get(trimmed);
      if (!id) {
        id = newId();
        teamIds.set(trimmed, id);
        newTeams.push({ id, workspaceId, name: trimmed });
      }
      return id;
    };
    const now = Date.now();
    const numbers = await nextPersonNumbers(workspaceId, rows.length);
    const people: PersonRecord[] = rows.map((row, i) => ({
      seq: numbers[i]!,
      id: newId(),
      workspaceId,
      employeeNo: row.employeeNo?.trim() ?? '',
      name: row.name.trim(),
      teamId: teamIdOf(row.teamName),
      position: row.position?.trim() ?? '',
      archived: 0,
      createdAt: now + i,
    }));
    const audit: AuditInput[] = [
      ...newTeams.map((team): AuditInput => ({ workspaceId, entity: 'team', entityId: team.id, action: 'create', field: 'name', old: null, new: team.name })),
      ...(people.length > 0 ? [peopleCreated(workspaceId, people, 'create')] : []),
    ];
    if (newTeams.length) await db.teams.bulkAdd(newTeams);
    if (people.length) await db.people.bulkAdd(people);
    await dropRoster(workspaceId);
    await writeAudit(audit);
    return people;
  });
}
