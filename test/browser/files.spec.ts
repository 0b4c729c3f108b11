// Files, as a person uses them: import a CSV through the wizard, export the rating workbook and
// read it back, send rating forms out and merge them with a conflict, back up and restore into a
// fresh browser profile.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { Download, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The row of a person in the page's scored sheet, as { header: text }. */
async function sheetRow(page: Page, name: string): Promise<Record<string, string>> {
  const table = page.getByTestId('scored-sheet');
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  const headers = await table.locator('thead th').allInnerTexts();
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headers.map((header, i) => [header.trim(), (cells[i] ?? '').trim()]));
}

test('import a CSV through the wizard, fix one column, apply, and see the values in the sheet', async ({ page }) => {
  await openApp(page, '#/files');
  const csv = '工号,姓名,完成率（上级）,满意度（上级）\r\nKF001,王芳,92%,95\r\nKF002,李娜,85%,101\r\n';
  await page.getByTestId('import-file').setInputFiles({ name: '十一月上级评分.csv', mimeType: 'text/csv', buffer: utf8Bom(csv) });

  const mapping = page.getByTestId('mapping');
  const satisfaction = mapping.getByLabel('“满意度（上级）”（D 列）对应到');
  await expect(satisfaction).toHaveValue('ignore');
  await expect(mapping.getByLabel('“完成率（上级）”（C 列）对应到')).toHaveValue('entry:supervisor|process_completion');
  await satisfaction.selectOption({ label: '客户满意度得分（上级）' });

  // 101 is out of range: the report names the row and column, and apply is blocked.
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('problems')).toContainText('文件 十一月上级评分.csv，第 3 行，D 列（满意度（上级））：超出范围：应在 0 – 100，实际为“101”。');
  await expect(page.getByTestId('import-apply')).toBeDisabled();

  // Fixed file: the preview shows the values as they will be stored.
  await page.getByTestId('import-file').setInputFiles({ name: '十一月上级评分.csv', mimeType: 'text/csv', buffer: utf8Bom(csv.replace(',101', ',100')) });
  await expect(page.getByTestId('mapping-source')).toContainText('上次为同样表头选择的对应关系');
  await expect(page.getByTestId('mapping').getByLabel('“满意度（上级）”（D 列）对应到')).toHaveValue('entry:supervisor|satisfaction_score');
  await expect(page.getByTestId('import-summary')).toContainText('4 个值将被保存');
  await expect(page.getByTestId('import-preview')).toContainText('0.92（92%）');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('notice')).toContainText('已导入 4 个值');
  await expect(page.getByTestId('import-report')).toHaveCount(0);

  const wang = await sheetRow(page, '王芳');
  expect(wang['完成率（上级）']).toBe('92%');
  expect(wang['客户满意度得分（上级）']).toBe('95');
  const li = await sheetRow(page, '李娜');
  expect(li['客户满意度得分（上级）']).toBe('100');
});

test('the Excel download holds the sheet with live formulas that recalculate to the page\'s scores', async ({ page }) => {
  await openApp(page, '#/files');
  const shown = await sheetRow(page, '王芳');
  const file = await downloaded(page, () => page.getByTestId('export-xlsx').click());
  expect(file.name).toMatch(/^客户考核评分表\(月度\)-\d{4}-\d{2}\.xlsx$/);

  const wb = XLSX.read(file.bytes, { type: 'buffer', cellFormula: true, dense: true, sheetStubs: true });
  expect(wb.SheetNames).toEqual(['评分表', '模板定义', '说明', '_kaohe']);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['评分表']!, { header: 1, defval: null });
  const header = rows[0] as string[];
  const r = rows.findIndex((row) => row[1] === '王芳');
  const ws = wb.Sheets['评分表']!;
  const cell = (column: string) => ws['!data']![r]![header.indexOf(column)]!;
  expect(cell('完成率（上级）').v).toBe(Number(shown['完成率（上级）']!.replace('%', '')) / 100);
  // Blank for a person nobody has rated yet (未评), as on the page; else kept at 10 decimals.
  expect(cell('总分').f).toMatch(/^IF\(COUNTA\([A-Z]+\d+:[A-Z]+\d+\)=0,"",ROUND\(/);
  expect(cell('排名').f).toContain('COUNTIF(');

  // Recalculate from the formulas alone (cached values dropped) with an independent engine.
  const data = (ws['!data'] ?? []).map((row) =>
    (row ?? []).map((c) => (!c || (c.t === 'z' && !c.f) ? null : c.f ? `=${c.f.replaceAll('_xlfn.', '')}` : c.t === 's' ? `'${String(c.v)}` : (c.v as number))),
  );
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const value = (column: string) => hf.getCellValue({ sheet: 0, row: r, col: header.indexOf(column) });
  expect(value('总分')).not.toBeInstanceOf(DetailedCellError);
  expect(Number(value('总分')).toFixed(2).replace(/\.?0+$/, '')).toBe(shown['总分']);
  expect(value('等级')).toBe(shown['等级']);
  expect(String(value('排名'))).toBe(shown['排名']);
  hf.destroy();

  // The workbook comes back through the wizard: columns from its key, its template recognised.
  await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await expect(page.getByTestId('mapping-source')).toContainText('考核系统导出的文件');
  await expect(page.getByTestId('import-template')).toContainText('与本周期的模板相同');
  await expect(page.getByTestId('import-report').getByTestId('problems')).toHaveCount(0);
  await page.getByTestId('import-save-template').click();
  await expect(page.getByTestId('notice')).toContainText('已保存模板“客户考核评分表(月度)”');
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('notice')).toContainText('已取消，未保存任何数据');
});

test('two rating forms come back with a conflict; choosing one merges them', async ({ page }) => {
  await openApp(page, '#/files');
  // HR sends the whole-department form to the manager and team 1's form to its lead.
  await page.getByTestId('forms-role').selectOption({ label: '上级' });
  await page.getByTestId('forms-scope').selectOption({ label: '全部人员（一份）' });
  await page.getByTestId('forms-make').click();
  const everyone = await downloaded(page, () => page.getByTestId('forms-made').getByRole('button').first().click());
  await page.getByTestId('forms-scope').selectOption({ label: '一个团队（一份）' });
  await page.getByTestId('forms-team').selectOption({ label: '客服一组' });
  await page.getByTestId('forms-make').click();
  await expect(page.getByTestId('forms-made')).toContainText('客服一组');
  const team = await downloaded(page, () => page.getByTestId('forms-made').getByRole('button').first().click());
  expect(team.name).toBe(everyone.name.replace('全部人员', '客服一组'));

  // Both fill 王芳's 完成率, differently; each fills one more cell the other does not.
  const fill = (bytes: Buffer, values: Record<string, Record<string, number>>) => {
    const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });
    const ws = wb.Sheets['评分']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    const header = rows.find((row) => row.includes('姓名')) as string[];
    rows.forEach((row, r) => {
      for (const [column, value] of Object.entries(values[String(row[2])] ?? {})) ws[XLSX.utils.encode_cell({ r, c: header.indexOf(column) })] = { t: 'n', v: value };
    });
    return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  };
  const manager = fill(everyone.bytes, { 王芳: { '完成率（上级）': 0.9 }, 赵敏: { '客户满意度得分（上级）': 77 } });
  const lead = fill(team.bytes, { 王芳: { '完成率（上级）': 0.95 }, 张伟: { '客户满意度得分（上级）': 66 } });

  await page.getByTestId('forms-files').setInputFiles([
    { name: '经理.xlsx', mimeType: 'application/octet-stream', buffer: manager },
    { name: '一组组长.xlsx', mimeType: 'application/octet-stream', buffer: lead },
  ]);
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts.getByRole('group')).toHaveCount(1);
  await expect(conflicts.getByRole('group')).toContainText('王芳 · 完成率（上级）');
  await expect(page.getByTestId('forms-missing')).toContainText('李娜 · 完成率（上级）（经理.xlsx、一组组长.xlsx）');
  await expect(page.getByTestId('forms-apply')).toBeDisabled();
  await conflicts.getByLabel('0.95（95%）（一组组长.xlsx 第 7 行）').check();
  await page.getByTestId('forms-apply').click();
  await expect(page.getByTestId('notice')).toContainText('已合并保存 3 个值');

  expect((await sheetRow(page, '王芳'))['完成率（上级）']).toBe('95%');
  expect((await sheetRow(page, '张伟'))['客户满意度得分（上级）']).toBe('66');
  expect((await sheetRow(page, '赵敏'))['客户满意度得分（上级）']).toBe('77');
});

test('a named rater joins an unnamed value: the merge says they are averaged; the workbook then comes back unchanged', async ({ page }) => {
  await openApp(page, '#/files');
  const before = await sheetRow(page, '王芳');
  const stored = Number(before['完成率（上级）']!.replace('%', ''));
  // 赵经理's form: 王芳's 完成率 80%, beside the unnamed value the example holds.
  await page.getByTestId('forms-role').selectOption({ label: '上级' });
  await page.getByTestId('forms-rater').fill('赵经理');
  await page.getByTestId('forms-make').click();
  const form = await downloaded(page, () => page.getByTestId('forms-made').getByRole('button').first().click());
  const wb = XLSX.read(form.bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });
  const ws = wb.Sheets['评分']!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const header = rows.find((row) => row.includes('姓名')) as string[];
  const r = rows.findIndex((row) => row[2] === '王芳');
  ws[XLSX.utils.encode_cell({ r, c: header.indexOf('完成率（上级）') })] = { t: 'n', v: 0.8 };
  const filled = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  await page.getByTestId('forms-files').setInputFiles({ name: '赵经理.xlsx', mimeType: 'application/octet-stream', buffer: filled });

  const mean = (stored + 80) / 2;
  const averaged = page.getByTestId('forms-averaged');
  await expect(averaged.getByRole('listitem')).toHaveCount(1);
  // (The example holds 99%: the 王芳, whose 89.5% once came back from the workbook as 84.75%.)
  await expect(averaged).toHaveText(`王芳 · 完成率（上级）：已保存的未署名评分 ${stored / 100}（${stored}%）、赵经理 表格中的 0.8（80%） 将一起平均，结果 ${mean / 100}（${mean}%）`);
  await page.getByTestId('forms-apply').click();
  await expect(page.getByTestId('notice')).toContainText('已合并保存 1 个值');
  await expect.poll(async () => (await sheetRow(page, '王芳'))['完成率（上级）']).toBe(`${mean}%`);
  const merged = await sheetRow(page, '王芳');

  // The rating workbook holds the mean; imported back, the two raters' values stay as they are.
  const file = await downloaded(page, () => page.getByTestId('export-xlsx').click());
  await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await expect(page.getByTestId('mapping-source')).toContainText('考核系统导出的文件');
  await expect(page.getByTestId('import-report').getByTestId('problems')).toHaveCount(0);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('notice')).toContainText('已导入');
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  // Read back from the browser's storage. (Before, the mean was stored under the unnamed rater,
  // so 99% and 80% → 89.5% came back as 84.75%.)
  await page.reload();
  await expect(page.getByTestId('workspace-name')).not.toHaveText(/正在打开|Opening/);
  expect(await sheetRow(page, '王芳')).toEqual(merged);
});

test('back up, restore into a fresh browser profile, and find everything', async ({ page, browser }) => {
  await openApp(page, '#/rate');
  await page.getByLabel('姓名', { exact: true }).fill('钱多多');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByTestId('roster')).toContainText('钱多多');
  await page.goto('./#/files');
  const before = await page.getByTestId('scored-sheet').innerText();
  const backup = await downloaded(page, () => page.getByTestId('backup-download').click());
  expect(backup.name).toMatch(/^kaohe-示例：客服一部-\d{8}-\d{4}\.jsonl\.gz$/);
  // Format version 2: gzip-compressed JSON lines, a header first and an end line with the counts.
  const lines = gunzipSync(backup.bytes).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ format: 'kaohe-workspace', version: 2, workspace: { name: '示例：客服一部' } });
  expect(lines.at(-1)).toMatchObject({ end: true, counts: { people: 13, periods: 1 } });

  // Site data cleared: a new profile starts with its own fresh example workspace.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openApp(fresh, '#/files');
  await fresh.getByTestId('backup-file').setInputFiles({ name: backup.name, mimeType: 'application/octet-stream', buffer: backup.bytes });
  const confirm = fresh.getByTestId('backup-confirm');
  await expect(confirm).toContainText('13 人');
  await expect(confirm).toContainText('恢复会替换当前工作区“示例：客服一部”（12 人');
  await confirm.getByTestId('backup-restore').click();
  await expect(fresh.getByTestId('notice')).toContainText('已恢复工作区“示例：客服一部”');
  await expect.poll(() => fresh.getByTestId('scored-sheet').innerText()).toBe(before);
  await expect(fresh.getByTestId('backup-automatic')).toContainText('恢复前');
  await fresh.goto('./#/rate');
  await expect(fresh.getByTestId('roster')).toContainText('钱多多');
  await context.close();
});
