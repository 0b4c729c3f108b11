// The roster's state against a fake IndexedDB: edits typed in the grid (a team by name, a 工号 no
// one else has), an unknown team offered to be created, archiving with undo, the add form.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { addPerson, addTeam, createWorkspace, listPeople, listTeams, type PersonRecord, type TeamRecord } from '../../../../src/store/index';
import type { NoticeAction } from '../../../../src/ui/state/session.svelte';
import { RosterState, type RosterMessages } from '../../../../src/ui/views/roster.svelte';

interface Said {
  readonly kind: string;
  readonly text: string;
  readonly action?: NoticeAction;
}

let db: KaoheDb;
let workspaceId: string;
let people: PersonRecord[];
let teams: TeamRecord[];
let said: Said[];
let roster: RosterState;

/** What the live queries would hand over after a write. */
async function reload(): Promise<void> {
  people = await listPeople(workspaceId, roster.showArchived);
  teams = await listTeams(workspaceId);
}

beforeEach(async () => {
  db = freshDb();
  workspaceId = (await createWorkspace('花名册')).id;
  const list: Said[] = [];
  said = list;
  const messages: RosterMessages = { notify: (kind, text, action) => list.push({ kind, text, ...(action ? { action } : {}) }), fail: (error) => list.push({ kind: 'failed', text: String(error) }) };
  roster = new RosterState(() => ({ workspaceId, people, teams }), messages);
  const team = await addTeam(workspaceId, '客服一组');
  await addPerson(workspaceId, { name: '王芳', employeeNo: 'KF001', position: '客服主管', teamId: team.id });
  await addPerson(workspaceId, { name: '李娜', employeeNo: 'KF002', position: '客服专员', teamId: '' });
  await reload();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const row = (name: string) => people.findIndex((person) => person.name === name);
const col = (field: string) => roster.columns.findIndex((column) => column.id === field);

describe('the roster grid', () => {
  it('shows people with their team by name; the status column only with archived people shown', () => {
    expect(roster.columns.map((column) => column.id)).toEqual(['employeeNo', 'name', 'teamId', 'position']);
    expect(roster.columns[col('teamId')]?.options).toEqual(['客服一组']);
    expect(roster.data.text(row('王芳'), col('teamId'))).toBe('客服一组');
    expect(roster.data.text(row('李娜'), col('teamId'))).toBe('');
    roster.showArchived = true;
    expect(roster.columns.map((column) => column.id)).toContain('archived');
  });

  it('a team typed by its name is stored by id; a taken 工号 and a blank name are refused with a message', async () => {
    await roster.change({
      kind: 'paste',
      cells: [
        { row: row('李娜'), col: col('teamId'), text: ' 客服一组 ' },
        { row: row('李娜'), col: col('employeeNo'), text: 'kf001' },
        { row: row('王芳'), col: col('name'), text: '' },
      ],
      skipped: 0,
    });
    await reload();
    const li = people.find((person) => person.name === '李娜')!;
    expect(li.teamId).toBe(teams[0]!.id);
    expect(li.employeeNo).toBe('KF002');
    expect(said).toHaveLength(1);
    expect(said[0]!.kind).toBe('error');
    expect(said[0]!.text).toContain('kf001');
    expect(said[0]!.text).toContain('王芳');
  });

  it('a team that does not exist is offered, and its action creates it and puts the person in it', async () => {
    await roster.change({ kind: 'edit', cells: [{ row: row('李娜'), col: col('teamId'), text: '客服三组' }], skipped: 0 });
    expect(said[0]!.kind).toBe('error');
    expect(said[0]!.text).toContain('客服三组');
    expect(teams).toHaveLength(1);
    said[0]!.action!.run();
    await vi.waitFor(() => expect(said.at(-1)?.kind).toBe('info'));
    await reload();
    expect(teams.map((team) => team.name).sort()).toEqual(['客服一组', '客服三组']);
    expect(people.find((person) => person.name === '李娜')!.teamId).toBe(teams.find((team) => team.name === '客服三组')!.id);
  });
});

describe('archiving', () => {
  it('asks first, archives the selected people, and the message can undo it', async () => {
    roster.selectedRows = [row('李娜')];
    expect(roster.selectedActive.map((person) => person.name)).toEqual(['李娜']);
    roster.askArchive(roster.selectedActive);
    expect(roster.confirming?.map((person) => person.name)).toEqual(['李娜']);
    await roster.archive(roster.confirming!, true);
    expect(roster.confirming).toBeNull();
    expect((await listPeople(workspaceId)).map((person) => person.name)).toEqual(['王芳']);
    said.at(-1)!.action!.run();
    await vi.waitFor(async () => expect((await listPeople(workspaceId)).map((person) => person.name)).toEqual(['王芳', '李娜']));
  });
});

describe('adding people', () => {
  it('a name is required, a 工号 may not be taken, and the form empties after adding', async () => {
    expect(await roster.addPerson()).toBe('name');
    expect(roster.nameError).not.toBe('');
    roster.name = '张伟';
    roster.employeeNo = 'KF002';
    expect(await roster.addPerson()).toBe('employeeNo');
    expect(roster.numberError).toContain('李娜');
    roster.employeeNo = 'KF003';
    expect(await roster.addPerson()).toBe('name');
    expect(roster.numberError).toBe('');
    expect([roster.name, roster.employeeNo]).toEqual(['', '']);
    expect((await listPeople(workspaceId)).map((person) => person.employeeNo)).toEqual(['KF001', 'KF002', 'KF003']);
  });

  it('a team is created on purpose: a blank or existing name is refused', async () => {
    roster.toggleTeamForm();
    roster.newTeam = ' 客服一组 ';
    expect(await roster.createTeam()).toBe(false);
    expect(roster.teamError).toContain('客服一组');
    roster.newTeam = '客服二组';
    expect(await roster.createTeam()).toBe(true);
    expect(roster.creatingTeam).toBe(false);
    expect((await listTeams(workspaceId)).map((team) => team.name).sort()).toEqual(['客服一组', '客服二组']);
  });

  it('a pasted list is checked before it is added', async () => {
    roster.pasting = true;
    roster.pasted = 'KF001\t赵敏';
    expect(roster.parsedPaste?.problems).toHaveLength(1);
    await roster.addPasted();
    expect(await listPeople(workspaceId)).toHaveLength(2);
    roster.pasted = 'KF004\t赵敏\nKF005\t黄婷';
    expect(roster.parsedPaste?.problems).toEqual([]);
    await roster.addPasted();
    expect(roster.pasting).toBe(false);
    expect((await listPeople(workspaceId)).map((person) => person.name)).toEqual(['王芳', '李娜', '赵敏', '黄婷']);
  });
});
