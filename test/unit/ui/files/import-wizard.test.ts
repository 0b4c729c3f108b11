// The import wizard's state against the real io jobs (called in-process) and a fake IndexedDB: a
// CSV is opened, mapped, corrected by hand, checked and applied; the correction is remembered for
// the same headers; a file over the size limit is refused before it is read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { IMPORT_LIMITS } from '../../../../src/io/limits';
import { ensureWorkspace, listPeriods, loadPeriodSheet } from '../../../../src/store/index';
import { ImportWizardState } from '../../../../src/ui/files/import-wizard.svelte';
import { inProcess, recorder } from './helpers';

const csv = (satisfaction: number) => `工号,姓名,完成率（上级）,满意度（上级）\r\nKF001,王芳,92%,95\r\nKF002,李娜,85%,${satisfaction}\r\n`;
const file = (text: string) => new File([text], '十一月上级评分.csv', { type: 'text/csv' });

let db: KaoheDb;
let periodId: string;
beforeEach(async () => {
  db = freshDb();
  const workspaceId = await ensureWorkspace('示例');
  periodId = (await listPeriods(workspaceId))[0]!.id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the import wizard', () => {
  it('opens a CSV, maps it by its headers, takes a correction, and applies the checked values', async () => {
    const messages = recorder();
    const wizard = new ImportWizardState(() => inProcess, messages);
    await wizard.openPeriod(periodId);
    await wizard.chooseFile([file(csv(101))]);
    expect(wizard.mappingSource).toBe('names');
    expect(wizard.mapping?.columns[2]).toBe('entry:supervisor|process_completion');
    expect(wizard.mapping?.columns[3]).toBe('ignore');
    expect(wizard.label('entry:supervisor|satisfaction_score')).toBe('客户满意度得分（上级）');
    expect(wizard.sample(1)).toBe('王芳, 李娜');

    await wizard.chooseTarget(3, 'entry:supervisor|satisfaction_score');
    expect(wizard.plan?.errorCount).toBe(1);
    expect(wizard.plan?.problems[0]).toMatchObject({ row: 3, column: 3 });
    // Blocked: nothing is stored while the report has errors.
    await wizard.apply();
    expect(messages.said).toEqual([]);

    // The same headers again: the correction is remembered.
    await wizard.chooseFile([file(csv(100))]);
    expect(wizard.mappingSource).toBe('remembered');
    expect(wizard.mapping?.columns[3]).toBe('entry:supervisor|satisfaction_score');
    expect(wizard.plan?.errorCount).toBe(0);
    expect(wizard.valueCount).toBe(4);
    expect(wizard.busy).toBe(false);

    await wizard.apply();
    expect(messages.said).toEqual(['info: 已导入 4 个值。']);
    expect(wizard.plan).toBeUndefined();
    expect(wizard.opened).toBeUndefined();
    expect(wizard.writing).toBeUndefined();
    const sheet = await loadPeriodSheet(periodId);
    const li = sheet!.people.findIndex((person) => person.name === '李娜');
    expect(sheet!.input.entries.some((entry) => entry.personId === sheet!.people[li]!.id && entry.key === 'satisfaction_score' && entry.role === 'supervisor' && entry.value === 100)).toBe(true);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const wizard = new ImportWizardState(() => inProcess, recorder());
    await wizard.openPeriod(periodId);
    let read = false;
    const huge = { name: '太大.csv', size: IMPORT_LIMITS.fileBytes + 1, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) } as unknown as File;
    await wizard.chooseFile([huge]);
    expect(read).toBe(false);
    expect(wizard.failure).toMatchObject({ code: 'fileTooLarge', file: '太大.csv' });
    expect(wizard.opened).toBeUndefined();
  });

  it('cancel stores nothing and says so', async () => {
    const messages = recorder();
    const wizard = new ImportWizardState(() => inProcess, messages);
    await wizard.openPeriod(periodId);
    await wizard.chooseFile([file(csv(100))]);
    expect(wizard.plan).toBeDefined();
    wizard.cancel();
    expect(wizard.plan).toBeUndefined();
    expect(wizard.file).toBeUndefined();
    expect(messages.said).toEqual(['info: 已取消，未保存任何数据。']);
  });
});
