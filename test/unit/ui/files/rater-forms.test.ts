// The rating forms' state against the real io jobs (in-process) and a fake IndexedDB: forms made
// per team, two copies of one filled differently come back as one conflict, saving waits for the
// choice and stores the chosen value.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { ensureWorkspace, listPeriods, listTeams, loadPeriodSheet, type TeamRecord } from '../../../../src/store/index';
import { importContext, type PeriodContext } from '../../../../src/ui/files/period-data';
import { RaterFormsState, type RaterFormsSource } from '../../../../src/ui/files/rater-forms.svelte';
import { inProcess, recorder } from './helpers';

/** Fill cells by header and person name, as a rater would in Excel, and save. */
function fill(bytes: ArrayBuffer | Uint8Array, values: Record<string, Record<string, number>>): Uint8Array<ArrayBuffer> {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const header = rows[5] as string[];
  rows.forEach((row, r) => {
    const person = values[String(row[2])];
    if (!person || r <= 5) return;
    for (const [column, value] of Object.entries(person)) ws[XLSX.utils.encode_cell({ r, c: header.indexOf(column) })] = { t: 'n', v: value };
  });
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

let db: KaoheDb;
let source: RaterFormsSource;
beforeEach(async () => {
  db = freshDb();
  const workspaceId = await ensureWorkspace('示例');
  const periodId = (await listPeriods(workspaceId))[0]!.id;
  const context: PeriodContext | undefined = await importContext(periodId);
  const teams: TeamRecord[] = await listTeams(workspaceId);
  source = { periodId, workspaceId, context, teams };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('rating forms', () => {
  it('makes one form per team, merges two filled copies, and saves the side chosen for their conflict', async () => {
    const messages = recorder();
    const forms = new RaterFormsState(() => source, () => inProcess, messages);
    expect(forms.roles).toEqual(['self', 'supervisor']);
    forms.role = 'supervisor';
    forms.scope = 'eachTeam';
    await forms.make();
    expect(forms.made.map((form) => form.name.includes('客服一组') || form.name.includes('客服二组'))).toEqual([true, true]);
    expect(messages.said).toEqual(['info: 已生成 2 份表单：']);

    const team = forms.made.find((form) => form.name.includes('客服一组'))!;
    const copy = (name: string, value: number) => new File([fill(team.bytes, { 王芳: { '完成率（上级）': value } })], name);
    await forms.collect([copy('甲.xlsx', 0.5), copy('乙.xlsx', 0.6)]);
    const conflicts = forms.collected?.merged.conflicts ?? [];
    expect(conflicts).toHaveLength(1);
    expect(forms.itemText(conflicts[0]!)).toBe('完成率（上级）');
    expect(forms.personName.get(conflicts[0]!.person)).toBe('王芳');
    expect(forms.openConflicts).toBe(1);

    // Saving waits for the choice.
    await forms.apply();
    expect(forms.collected).toBeDefined();
    const chosen = conflicts[0]!.options.findIndex((option) => option.value === 0.6);
    forms.choose(conflicts[0]!, chosen);
    expect(forms.openConflicts).toBe(0);
    await forms.apply();
    expect(forms.collected).toBeUndefined();
    expect(messages.said[1]).toMatch(/^info: 已合并保存 \d+ 个值。$/);

    const sheet = await loadPeriodSheet(source.periodId);
    const wang = sheet!.people.find((person) => person.name === '王芳')!;
    const stored = sheet!.input.entries.filter((entry) => entry.personId === wang.id && entry.key === 'process_completion' && entry.role === 'supervisor');
    expect(stored.map((entry) => entry.value)).toEqual([0.6]);
  });

  it('a file that is not a form is refused, and nothing is merged', async () => {
    const forms = new RaterFormsState(() => source, () => inProcess, recorder());
    await forms.collect([new File(['不是表格'], '说明.xlsx')]);
    expect(forms.collecting).toBe(false);
    expect(forms.collected?.forms).toEqual([]);
    expect(forms.collected?.refused).toEqual([expect.objectContaining({ code: 'damaged', file: '说明.xlsx' })]);
    expect(forms.openConflicts).toBe(0);
  });
});
