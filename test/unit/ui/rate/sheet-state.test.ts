// The open rating sheet without a browser (fake IndexedDB, the example workspace's month): what
// the person does in the grid turns into saved values and a message; undo and redo say what they
// did; a locked period refuses edits; the role and rater chosen decide the columns and whose
// values are typed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { ensureWorkspace, listPeriods, loadPeriodSheet, setPeriodLocked } from '../../../../src/store/index';
import { RateSheetState } from '../../../../src/ui/rate/sheet-state.svelte';
import type { RateColumn } from '../../../../src/ui/rate/columns';

let db: KaoheDb;
let workspaceId: string;
let periodId: string;
let said: string[];
let sheet: RateSheetState;

beforeEach(async () => {
  db = freshDb();
  workspaceId = await ensureWorkspace('示例');
  periodId = (await listPeriods(workspaceId))[0]!.id;
  const messages: string[] = [];
  said = messages;
  sheet = new RateSheetState({ notify: (kind, text) => messages.push(`${kind}: ${text}`) });
  await sheet.open(workspaceId, periodId);
});
afterEach(async () => {
  await sheet.settled();
  sheet.close();
  db.close();
  await db.delete();
});

function column(test: (column: RateColumn) => boolean): number {
  const index = sheet.columns.findIndex(test);
  if (index < 0) throw new Error('no such column');
  return index;
}

const completion = (role: string) => (c: RateColumn) => c.source.kind === 'entry' && c.source.key === 'process_completion' && c.source.role === role;

async function storedCompletion(name: string, rater = ''): Promise<unknown> {
  const data = await loadPeriodSheet(periodId);
  const person = data!.people.find((p) => p.name === name)!;
  return data!.input.entries.find((e) => e.personId === person.id && e.key === 'process_completion' && e.role === 'supervisor' && (e.rater ?? '') === rater)?.value;
}

describe('changes from the grid', () => {
  it('a paste is applied at once, saved, and said; undo and redo say what they did', async () => {
    const col = column(completion('supervisor'));
    const before = await storedCompletion('王芳');
    sheet.gridChange({ kind: 'paste', cells: [{ row: 0, col, text: '91%' }, { row: 1, col, text: '92%' }], skipped: 1 });
    expect(sheet.data.text(0, col)).toBe('91%');
    expect(said).toEqual(['info: 已粘贴 2 个单元格，1 个只读或超出范围的单元格未改动']);
    await sheet.settled();
    expect(await storedCompletion('王芳')).toBe(0.91);

    expect(sheet.undo()).toBe(true);
    await sheet.settled();
    expect(await storedCompletion('王芳')).toBe(before);
    expect(sheet.redo()).toBe(true);
    expect(sheet.redo()).toBe(false);
    expect(said.slice(1)).toEqual(['info: 已撤销', 'info: 已重做', 'info: 没有可重做的修改']);
  });

  it('a status that is not one is refused by name; the other cells are kept', async () => {
    const status = column((c) => c.source.kind === 'status');
    const col = column(completion('supervisor'));
    sheet.gridChange({ kind: 'paste', cells: [{ row: 0, col: status, text: '休假' }, { row: 0, col, text: '88%' }], skipped: 0 });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^error: 状态只能是：.*“休假”未保存。$/);
    await sheet.settled();
    expect(await storedCompletion('王芳')).toBe(0.88);
  });

  it('a computed cell says it is computed; a locked period refuses every edit', async () => {
    sheet.refuse({ row: 0, col: column((c) => c.source.kind === 'total') });
    expect(said[0]).toMatch(/^info: “总分”是计算结果/);

    await setPeriodLocked(periodId, true);
    await sheet.refreshLock();
    const col = column(completion('supervisor'));
    const before = await storedCompletion('王芳');
    sheet.gridChange({ kind: 'edit', cells: [{ row: 0, col, text: '10%' }], skipped: 0 });
    expect(sheet.undo()).toBe(false);
    expect(said.slice(1)).toHaveLength(2);
    for (const text of said.slice(1)) expect(text).toMatch(/^error: .* 已锁定，不能修改。/);
    await sheet.settled();
    expect(await storedCompletion('王芳')).toBe(before);
  });
});

describe('role and rater', () => {
  it('one role alone shows only its inputs; a role the template does not have shows all', () => {
    const all = sheet.columns.length;
    sheet.mode = 'self';
    expect(sheet.effectiveMode).toBe('self');
    expect(sheet.columns.some(completion('supervisor'))).toBe(false);
    expect(sheet.columns.some(completion('self'))).toBe(true);
    sheet.mode = 'customer';
    expect(sheet.effectiveMode).toBe('all');
    expect(sheet.columns).toHaveLength(all);
  });

  it('values typed with a rater named are stored under that name', async () => {
    sheet.rater = ' 赵经理 ';
    sheet.gridChange({ kind: 'edit', cells: [{ row: 0, col: column(completion('supervisor')), text: '70%' }], skipped: 0 });
    await sheet.settled();
    expect(await storedCompletion('王芳', '赵经理')).toBe(0.7);
    expect(said).toEqual([]);
  });
});
