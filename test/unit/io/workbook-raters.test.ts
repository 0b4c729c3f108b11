// Export → import of our own rating workbook is an identity for every rater layout: one unnamed
// rater, one named, two named in a role, named and unnamed mixed. Through the store, the export,
// the io worker's own jobs (open, validate) and the import, as the Files page does it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshDb } from '../store/helpers';
import type { KaoheDb } from '../../../src/store/db';
import { addPeople, applyImport, createPeriod, createTemplate, createWorkspace, listPeople, loadPeriodSheet, setEntries } from '../../../src/store/index';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import { scorePeriod } from '../../../src/scoring/score';
import type { SheetEntry } from '../../../src/scoring/sheet-types';
import { exportScoresXlsx } from '../../../src/io/export-xlsx';
import { openFile, validateOpened } from '../../../src/io/jobs';
import { importContext, periodExport } from '../../../src/ui/files/period-data';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** 完成率（上级） of four people, each with another rater layout; the rest of the sheet as usual. */
async function ratedPeriod() {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, customerMonthly);
  await addPeople(workspaceId, [
    { name: '王芳', employeeNo: 'KF001' },
    { name: '李娜', employeeNo: 'KF002' },
    { name: '张伟', employeeNo: 'KF003' },
    { name: '刘洋', employeeNo: 'KF004' },
  ]);
  const ids = new Map((await listPeople(workspaceId)).map((p) => [p.name, p.id]));
  const period = await createPeriod(workspaceId, { kind: 'month', key: '2026-11', templateId: record.id });
  const common = { info_utilisation: 0.92, satisfaction_score: 91, customer_focus_level: 4, attentiveness_level: 3 };
  const entries: SheetEntry[] = [];
  for (const name of ids.keys()) {
    for (const [key, value] of Object.entries(common)) entries.push({ personId: ids.get(name)!, key, role: 'supervisor', value });
    entries.push({ personId: ids.get(name)!, key: 'customer_focus_level', role: 'self', value: 5 });
  }
  const rate = (name: string, rater: string, value: number) => entries.push({ personId: ids.get(name)!, key: 'process_completion', role: 'supervisor', rater, value });
  rate('王芳', '', 0.99); // mixed: unnamed 99% …
  rate('王芳', '赵经理', 0.8); // … and 赵经理 80%: mean 89.5%
  rate('李娜', '赵经理', 0.9); // two named: 90% and 89%
  rate('李娜', '钱主管', 0.89);
  rate('张伟', '赵经理', 0.85); // one named
  rate('刘洋', '', 0.95); // one unnamed
  await setEntries(
    period.id,
    entries.map((e) => ({ ...e, rater: e.rater ?? '' })),
  );
  return { period, ids };
}

function stored(entries: readonly SheetEntry[]): string[] {
  return entries.map((e) => `${e.personId}|${e.key}|${e.role}|${e.rater ?? ''}|${String(e.value)}`).sort();
}

async function snapshot(periodId: string) {
  const data = (await loadPeriodSheet(periodId))!;
  const scored = scorePeriod(data.template.body, data.input);
  return { entries: stored(data.input.entries), totals: scored.people.map((p) => [p.personId, p.total, p.grade, p.rank]), scored, data };
}

async function reimport(periodId: string, bytes: Uint8Array) {
  const context = (await importContext(periodId))!;
  const opened = openFile({ file: 'export.xlsx', bytes: bytes.slice().buffer, encoding: 'auto', context });
  if (!opened.ok) throw new Error(opened.problem.code);
  const plan = validateOpened({ mapping: opened.value.suggested, context });
  if (!plan.ok) throw new Error(plan.problem.code);
  return plan.value;
}

describe('the rating workbook comes back unchanged, whoever rated', () => {
  it('stored values and totals are the same after export → import, for each rater layout', async () => {
    const { period, ids } = await ratedPeriod();
    const before = await snapshot(period.id);
    const wang = before.scored.people.find((p) => p.personId === ids.get('王芳'))!;
    // 王芳's 完成率（上级） is the mean of 99% and 80%.
    expect(before.scored.sheet.columns[before.scored.sheet.compiled.rawSlots.get('supervisor|process_completion')!]![0]).toBeCloseTo(0.895, 12);

    const bytes = exportScoresXlsx((await periodExport(period.id, 'zh-CN'))!);
    const plan = await reimport(period.id, bytes);
    expect(plan.problems).toEqual([]);
    const result = await applyImport(period.id, plan.newPeople, plan.entries);
    expect(result.changed).toBe(0);

    const after = await snapshot(period.id);
    expect(after.entries).toEqual(before.entries);
    expect(after.totals).toEqual(before.totals);
    expect(after.scored.people.find((p) => p.personId === ids.get('王芳'))!.total).toBe(wang.total);
  });

  it('a several-rater cell changed in Excel is stored unnamed, and the report says it is averaged', async () => {
    const { period, ids } = await ratedPeriod();
    const bytes = exportScoresXlsx((await periodExport(period.id, 'zh-CN'))!);
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
    const ws = wb.Sheets['评分表']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
    const column = (rows[0] as string[]).indexOf('完成率（上级）');
    const row = rows.findIndex((r) => (r as unknown[])[1] === '王芳');
    ws[XLSX.utils.encode_cell({ r: row, c: column })] = { t: 'n', v: 0.95, z: '0.00%' };
    const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const plan = await reimport(period.id, edited);
    expect(plan.problems).toMatchObject([{ code: 'ratersAveraged', severity: 'warning', row: row + 1, column, received: '0.95', params: { raters: '赵经理', count: 2 } }]);
    await applyImport(period.id, plan.newPeople, plan.entries);
    const after = await snapshot(period.id);
    // The unnamed 99% became 95%; 赵经理's 80% stays: the mean is now 87.5%.
    expect(after.entries).toContain(`${ids.get('王芳')}|process_completion|supervisor||0.95`);
    expect(after.entries).toContain(`${ids.get('王芳')}|process_completion|supervisor|赵经理|0.8`);
  });
});
