// The roster's state: the grid of people (columns, cell texts, what a change means), the rows
// selected for archiving, the question before archiving, the new-team form, the add form and the
// pasted list. People and teams come from live queries the component holds; writes go to the
// store and messages to the roster's place on the page.
import { t } from '../../i18n/locale.svelte';
import { addPeople, addPerson, addTeam, listPeople, setArchived, updatePerson, type PersonRecord, type TeamRecord } from '../../store/index';
import type { CellRef, GridChange, GridColumn, GridData } from '../grid/types';
import { parseRosterPaste, type RosterProblem } from '../rate/roster-paste';
import { employeeNoOwner, findTeam } from '../rate/roster-rules';
import { session, type NoticeAction } from '../state/session.svelte';

/** What the roster shows, read fresh each time (people and teams come from live queries). */
export interface RosterSource {
  readonly workspaceId: string;
  /** The workspace's people (archived ones too when `showArchived`). */
  readonly people: readonly PersonRecord[];
  readonly teams: readonly TeamRecord[];
}

/** Where the roster's messages go: next to the roster (a test passes its own). */
export interface RosterMessages {
  notify(kind: 'info' | 'error', text: string, action?: NoticeAction): void;
  fail(error: unknown): void;
}

const ROSTER_MESSAGES: RosterMessages = {
  notify: (kind, text, action) => session.notify(kind, text, 'roster', action),
  fail: (error) => session.reportError(error),
};

type Field = 'employeeNo' | 'name' | 'teamId' | 'position' | 'archived';

/** Teams typed that the workspace does not have: offered to be created, never made silently. */
interface UnknownTeam {
  readonly person: PersonRecord;
  readonly team: string;
}

/** The field of the add form that wants the focus after a try (a problem, or the next person). */
export type AddFocus = 'name' | 'employeeNo' | null;

function namesById(teams: readonly TeamRecord[]): ReadonlyMap<string, string> {
  return new Map(teams.map((team) => [team.id, team.name]));
}

function distinct(names: readonly string[]): string[] {
  return [...new Set(names)];
}

export function pasteProblemText(problem: RosterProblem): string {
  switch (problem.code) {
    case 'noName':
      return t('roster.paste.noName', { line: problem.line });
    case 'duplicateNo':
      return t('roster.paste.duplicateNo', { line: problem.line, employeeNo: problem.employeeNo });
    case 'existingNo':
      return t('roster.paste.existingNo', { line: problem.line, employeeNo: problem.employeeNo, name: problem.name });
  }
}

export class RosterState {
  showArchived = $state(false);
  /** The grid's selected data rows. */
  selectedRows = $state.raw<readonly number[]>([]);
  /** The people the archive question is about; null when nothing is asked. */
  confirming = $state.raw<readonly PersonRecord[] | null>(null);

  creatingTeam = $state(false);
  newTeam = $state('');
  teamError = $state('');

  // The add form (one person).
  name = $state('');
  employeeNo = $state('');
  position = $state('');
  teamId = $state('');
  nameError = $state('');
  numberError = $state('');

  pasting = $state(false);
  pasted = $state('');

  readonly #source: () => RosterSource;
  readonly #messages: RosterMessages;

  constructor(source: () => RosterSource, messages: RosterMessages = ROSTER_MESSAGES) {
    this.#source = source;
    this.#messages = messages;
  }

  get people(): readonly PersonRecord[] {
    return this.#source().people;
  }

  get teams(): readonly TeamRecord[] {
    return this.#source().teams;
  }

  readonly teamName = $derived.by(() => namesById(this.teams));
  readonly activeCount = $derived.by(() => this.people.filter((person) => person.archived === 0).length);
  /** The teams' names in a steady order (一组 before 二组), for the message and the suggestions. */
  readonly teamNames = $derived.by(() => this.teams.map((team) => team.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  readonly teamList = $derived(this.teamNames.length > 0 ? this.teamNames.join('、') : t('roster.team.none'));

  readonly fields: readonly Field[] = $derived(this.showArchived ? ['employeeNo', 'name', 'teamId', 'position', 'archived'] : ['employeeNo', 'name', 'teamId', 'position']);
  readonly columns: GridColumn[] = $derived(
    this.fields.map((field) => ({
      id: field,
      title: field === 'teamId' ? t('roster.team') : field === 'archived' ? t('roster.list.status') : t(`roster.${field}`),
      width: field === 'position' ? 220 : field === 'archived' ? 100 : 160,
      editable: field !== 'archived',
      kind: field === 'archived' ? 'computed' : 'input',
      align: 'start',
      ...(field === 'teamId' ? { options: this.teamNames } : {}),
    })),
  );
  readonly data: GridData = $derived.by(() => {
    const list = this.people;
    const fields = this.fields;
    return {
      rowCount: list.length,
      text: (row, col) => this.#cellText(list[row]!, fields[col]!),
      tone: (row) => (list[row]?.archived ? 'muted' : null),
      rowLabel: (row) => list[row]?.name ?? '',
    };
  });

  readonly selectedPeople = $derived.by(() => this.selectedRows.map((row) => this.people[row]).filter((person) => person !== undefined));
  readonly selectedArchived = $derived(this.selectedPeople.filter((person) => person.archived === 1));
  readonly selectedActive = $derived(this.selectedPeople.filter((person) => person.archived === 0));

  readonly parsedPaste = $derived.by(() => (this.pasted.trim() === '' ? null : parseRosterPaste(this.pasted, this.people)));

  #cellText(person: PersonRecord, field: Field): string {
    if (field === 'teamId') return this.teamName.get(person.teamId) ?? '';
    if (field === 'archived') return person.archived ? t('roster.archived') : t('roster.list.active');
    return person[field];
  }

  // ---- the grid ------------------------------------------------------------------------------

  /** Edits in the grid: a team by its name, a 工号 no one else has, a name never blank. */
  async change(change: GridChange): Promise<void> {
    const { workspaceId, people: list, teams } = this.#source();
    const fields = this.fields;
    let edited = 0;
    const unknownTeams: UnknownTeam[] = [];
    const problems: string[] = [];
    try {
      // Archived people keep their 工号: a new person may not take it.
      const everyone = (await listPeople(workspaceId, true)).map((person) => ({ ...person }));
      for (const cell of change.cells) {
        const person = list[cell.row];
        const field = fields[cell.col];
        if (!person || !field || field === 'archived') continue;
        const text = cell.text.trim();
        if (field === 'name' && text === '') {
          problems.push(t('roster.list.nameRequired', { name: person.name }));
          continue;
        }
        let value = text;
        if (field === 'teamId' && text !== '') {
          const team = findTeam(teams, text);
          if (!team) {
            unknownTeams.push({ person, team: text });
            continue;
          }
          value = team.id;
        }
        if (field === 'employeeNo') {
          const owner = employeeNoOwner(everyone, text, person.id);
          if (owner) {
            problems.push(t('roster.employeeNo.taken', { employeeNo: text, owner: owner.name, name: person.name }));
            continue;
          }
          const self = everyone.find((other) => other.id === person.id);
          if (self) self.employeeNo = text;
        }
        if (person[field] === value) continue;
        await updatePerson(person.id, { [field]: value });
        edited += 1;
      }
      if (unknownTeams.length > 0) this.#offerTeams(unknownTeams);
      else if (problems.length > 0) this.#messages.notify('error', problems.join(' '));
      else if (change.cells.length > 1 && edited > 0) this.#messages.notify('info', t('roster.list.edited', { count: edited }));
    } catch (error) {
      this.#messages.fail(error);
    }
  }

  refuse(cell: CellRef): void {
    this.#messages.notify('info', t('roster.list.readOnly', { column: this.columns[cell.col]?.title ?? '' }));
  }

  #offerTeams(unknown: readonly UnknownTeam[]): void {
    const names = distinct(unknown.map((item) => item.team));
    const first = unknown[0]!;
    const text =
      unknown.length === 1
        ? t('roster.team.unknown', { team: first.team, name: first.person.name, teams: this.teamList })
        : t('roster.team.unknownMany', { count: unknown.length, teams: names.join('、') });
    const label = names.length === 1 ? t('roster.team.createAndAssign', { team: names[0]! }) : t('roster.team.createManyAndAssign');
    this.#messages.notify('error', text, { label, run: () => void this.createAndAssign(unknown) });
  }

  /** The message's action: create the teams typed and put the people in them. */
  async createAndAssign(unknown: readonly UnknownTeam[]): Promise<void> {
    const { workspaceId, teams } = this.#source();
    try {
      // One new team per name, however it was typed (客服三组 and 客服三组 with spaces are one team).
      const created: { id: string; name: string }[] = [];
      for (const item of unknown) {
        let team = findTeam([...teams, ...created], item.team);
        if (!team) {
          team = await addTeam(workspaceId, item.team);
          created.push(team);
        }
        await updatePerson(item.person.id, { teamId: team.id });
      }
      const names = created.map((team) => team.name).join('、') || unknown[0]!.team;
      this.#messages.notify('info', t('roster.team.created', { team: names, count: unknown.length }));
    } catch (error) {
      this.#messages.fail(error);
    }
  }

  // ---- archive: asked first, undone from the message ------------------------------------------

  askArchive(list: readonly PersonRecord[]): void {
    this.confirming = list;
  }

  async archive(list: readonly PersonRecord[], archived: boolean): Promise<void> {
    this.confirming = null;
    try {
      for (const person of list) await setArchived(person.id, archived);
      const text = t(archived ? 'roster.list.archivedDone' : 'roster.list.restoredDone', { count: list.length });
      this.#messages.notify('info', text, archived ? { label: t('roster.archive.undo'), run: () => void this.archive(list, false) } : undefined);
    } catch (error) {
      this.#messages.fail(error);
    }
  }

  // ---- a new team, created on purpose ---------------------------------------------------------

  toggleTeamForm(): void {
    this.creatingTeam = !this.creatingTeam;
    this.teamError = '';
  }

  /** Create the team named in the form. False when the name is refused (the field wants focus). */
  async createTeam(): Promise<boolean> {
    const { workspaceId, teams } = this.#source();
    const name = this.newTeam.trim();
    this.teamError = name === '' ? t('roster.team.nameRequired') : findTeam(teams, name) ? t('roster.team.exists', { team: name }) : '';
    if (this.teamError) return false;
    try {
      const team = await addTeam(workspaceId, name);
      this.#messages.notify('info', t('roster.team.done', { team: team.name }));
      this.newTeam = '';
      this.creatingTeam = false;
    } catch (error) {
      this.#messages.fail(error);
    }
    return true;
  }

  // ---- the add form (one person) --------------------------------------------------------------

  /** Add the person in the form; says which field wants the focus next. */
  async addPerson(): Promise<AddFocus> {
    const workspaceId = this.#source().workspaceId;
    if (this.name.trim() === '') {
      this.nameError = t('roster.add.nameRequired');
      return 'name';
    }
    this.nameError = '';
    try {
      const owner = employeeNoOwner(await listPeople(workspaceId, true), this.employeeNo, '');
      if (owner) {
        this.numberError = t('roster.employeeNo.takenAdd', { employeeNo: this.employeeNo.trim(), owner: owner.name });
        return 'employeeNo';
      }
      this.numberError = '';
      const added = await addPerson(workspaceId, { name: this.name, employeeNo: this.employeeNo, position: this.position, teamId: this.teamId });
      this.#messages.notify('info', t('roster.added', { name: added.name }));
      this.name = '';
      this.employeeNo = '';
      this.position = '';
      return 'name';
    } catch (error) {
      this.#messages.fail(error);
      return null;
    }
  }

  // ---- paste a list ---------------------------------------------------------------------------

  async addPasted(): Promise<void> {
    const result = this.parsedPaste;
    if (!result || result.problems.length > 0 || result.people.length === 0) return;
    try {
      const added = await addPeople(this.#source().workspaceId, result.people);
      this.#messages.notify('info', t('roster.paste.done', { count: added.length }));
      this.pasted = '';
      this.pasting = false;
    } catch (error) {
      this.#messages.fail(error);
    }
  }
}
