// A call centre's month, as a person does it: import a 2,000-person CSV (new people) and watch it
// being written, reload and find every value in the exported sheet, back the workspace up and
// restore it into a fresh browser profile, and get the same sheet back.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const PEOPLE = 2000;
const HEADER = ['工号', '姓名', '完成率（上级）', '信息利用率（上级）', '转介绍新客户数（上级）', '客户满意度得分（上级）', '流失孤儿客户数（上级）', '以客户为中心等级（上级）'];

/** The values a person i gets, by column (as typed in the CSV). */
function rowOf(i: number): string[] {
  return [`CC${String(i).padStart(5, '0')}`, `话务员${i}`, `${(i * 7) % 101}%`, `${(i * 13) % 100}%`, String(i % 9), String(50 + ((i * 31) % 51)), String(i % 4), String(1 + (i % 5))];
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** The exported CSV as rows of { header: cell }, by 工号. */
function csvRows(bytes: Buffer): Map<string, Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return new Map(parsed.data.map((row) => [row['工号'] ?? '', row]));
}

/** A number as the CSV has it: 92%, 0.92 and 92 % all read as 0.92 for a percent column. */
function numberIn(text: string | undefined, percent: boolean): number {
  const raw = (text ?? '').trim();
  if (raw.endsWith('%')) return Number(raw.slice(0, -1)) / 100;
  const n = Number(raw);
  return percent && n > 1 ? n / 100 : n;
}

test('import 2,000 people with progress, reload and find every value, back up and restore into a fresh profile', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openApp(page, '#/files');
  const csv = [HEADER, ...Array.from({ length: PEOPLE }, (_, i) => rowOf(i + 1))].map((row) => row.join(',')).join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: '话务中心十一月.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  await expect(page.getByTestId('import-summary')).toContainText(`共 ${PEOPLE} 行`);
  // Nobody in the file is on the roster yet: they are created with the import.
  await page.getByLabel('名单中没有的人员：新建（不勾选则报错）').check();
  await expect(page.getByTestId('import-summary')).toContainText(`${PEOPLE * 6} 个值将被保存`);

  // Watch the progress line while the import writes (it is gone once the import has committed).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-progress"] label')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('notice')).toContainText(`已导入 ${PEOPLE * 6} 个值，新建 ${PEOPLE} 人`);
  const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.every((text) => new RegExp(`正在写入：\\d+ / ${PEOPLE} 行`).test(text))).toBe(true);

  // Reload: every value is there, in the exported CSV.
  await page.reload();
  await openApp(page, '#/files');
  const exported = await downloaded(page, () => page.getByTestId('export-csv').click());
  const rows = csvRows(exported.bytes);
  const wrong: string[] = [];
  for (let i = 1; i <= PEOPLE; i++) {
    const expected = rowOf(i);
    const row = rows.get(expected[0]!);
    if (row?.['姓名'] !== expected[1]) wrong.push(`${expected[0]}: name ${row?.['姓名']}`);
    HEADER.slice(2).forEach((header, c) => {
      const percent = header.startsWith('完成率') || header.startsWith('信息利用率');
      const found = numberIn(row?.[header], percent);
      if (Math.abs(found - numberIn(expected[c + 2], percent)) > 1e-9) wrong.push(`${expected[0]} ${header}: ${row?.[header]} (expected ${expected[c + 2]})`);
    });
  }
  expect(wrong).toEqual([]);
  expect(rows.size).toBe(PEOPLE + 12);

  // Back up, then restore into a new profile (site data cleared): the same sheet comes back.
  const backup = await downloaded(page, () => page.getByTestId('backup-download').click());
  expect(backup.name).toMatch(/\.jsonl\.gz$/);
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openApp(fresh, '#/files');
  await fresh.getByTestId('backup-file').setInputFiles({ name: backup.name, mimeType: 'application/gzip', buffer: backup.bytes });
  const confirm = fresh.getByTestId('backup-confirm');
  await expect(confirm).toContainText(`${PEOPLE + 12} 人`);
  await confirm.getByTestId('backup-restore').click();
  await expect(fresh.getByTestId('notice')).toContainText('已恢复工作区');
  await fresh.reload();
  await openApp(fresh, '#/files');
  const again = await downloaded(fresh, () => fresh.getByTestId('export-csv').click());
  expect(again.bytes.toString('utf8')).toBe(exported.bytes.toString('utf8'));
  await context.close();
});
