// What the roster grid accepts: a team is one of the workspace's teams (a new one is created only
// when the person asks), and a 工号 belongs to one person (archived people keep theirs).
import { normalizeWidth } from '../../scoring/index';

interface Named {
  readonly id: string;
  readonly name: string;
}

interface Numbered extends Named {
  readonly employeeNo: string;
}

/** Names compare as people see them: spaces around, full-width letters and case do not matter. */
export function sameName(a: string, b: string): boolean {
  return normalizeWidth(a).trim().toLowerCase() === normalizeWidth(b).trim().toLowerCase();
}

/** The team a typed name means, if the workspace has it. */
export function findTeam<T extends Named>(teams: readonly T[], typed: string): T | undefined {
  return teams.find((team) => sameName(team.name, typed));
}

/** Who else already has this 工号 (blank is never taken). */
export function employeeNoOwner<T extends Numbered>(people: readonly T[], employeeNo: string, exceptId: string): T | undefined {
  if (employeeNo.trim() === '') return undefined;
  return people.find((person) => person.id !== exceptId && sameName(person.employeeNo, employeeNo));
}
