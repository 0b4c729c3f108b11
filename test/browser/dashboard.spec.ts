// The dashboard, calibration and print, as a team lead uses them on the example workspace: the
// counts shown are the counts the scores give; a forced distribution shows where the month breaks
// it and who sits at the edge; a calibrated grade is recorded with its reason, found in the audit
// log and kept across a reload; scorecards print to A4 PDF, one page per person with the total.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { pdfPageTexts } from './pdf-text';
import { EXAMPLE_PEOPLE } from '../../src/store/example';

/** 客户考核评分表(月度)'s grades, highest first: ≥90 优秀, ≥70 良好, ≥60 合格, else 不合格. */
const GRADES = ['优秀', '良好', '合格', '不合格'] as const;

/**
 * The example month (exampleEntries in src/store/example.ts, seeded), scored by hand from the
 * rules of 客户考核评分表(月度) (src/scoring/builtins/customer-monthly.ts):
 * - 业绩 (0–100): each item counts as points ÷ its max × its weight × 100. 完成率 and 信息利用率:
 *   ≥90% 20, ≥85% 10, else 0 (max 20, 20%: as is). 转介绍: >0 → 10 (max 10, 10%: as is). 回访:
 *   100% 10, ≥90% 5, else 0 (as is). 满意度: ≥90 20, ≥85 10, ≥80 5, else 0 (max 20, 20%: as is).
 *   投诉: 30 − 10 per requirement missed (max 30, 10%: ÷ 3). 孤儿: none lost 5 (max 5, 10%: × 2).
 * - 行为 (0–100): five levels, 1级 4 … 5级 20, added: (sum of levels) × 4.
 * - Each rater: 业绩 × 80% + 行为 × 20%. Total: 自评 × 30% + 上级 × 70% (both are linear, so
 *   this equals combining each item first); 孙悦 has no 自评, so her 上级's alone.
 * - 徐鹏 (KF011) covers temporarily: ranked, no grade. Ranks: highest first, ties share a rank.
 * Items below in order 完成率, 信息利用率, 转介绍, 回访, 满意度, 投诉, 孤儿 → their 业绩 points.
 */
const BY_HAND: Readonly<Record<string, { total: number; shown: string; grade: string | null; rank: number }>> = {
  // 自评: 84%→0, 98%→20, 0→0, 77%→0, 99→20, 30÷3=10, 0 lost→10: 业绩 60; 行为 (4+2+5+3+4)×4 = 72; 60×0.8 + 72×0.2 = 62.4
  // 上级: 99%→20, 78%→0, 0→0, 95%→5, 94→20, 10, 10: 业绩 65; 行为 (5+3+2+2+5)×4 = 68; 65×0.8 + 68×0.2 = 65.6
  // 62.4×0.3 + 65.6×0.7 = 18.72 + 45.92 = 64.64 → ≥60 合格
  KF001: { total: 64.64, shown: '64.64', grade: '合格', rank: 6 },
  // 自评: 97%→20, 83%→0, 0→0, 100%→10, 64→0, 1 missed 20÷3=6.67, 1 lost→0: 业绩 36.67; 行为 (3+2+2+4+2)×4 = 52; 36.67×0.8 + 52×0.2 = 39.73
  // 上级: 98%→20, 100%→20, 0→0, 85%→0, 89→10, 10, 10: 业绩 70; 行为 (3+5+4+5+5)×4 = 88; 70×0.8 + 88×0.2 = 73.6
  // 39.7333…×0.3 + 73.6×0.7 = 11.92 + 51.52 = 63.44 → 合格
  KF002: { total: 63.44, shown: '63.44', grade: '合格', rank: 7 },
  // 自评: 99%→20, 91%→20, 0→0, 98%→5, 67→0, 1 missed 6.67, 10: 业绩 61.67; 行为 (5+5+5+5+4)×4 = 96; 61.67×0.8 + 96×0.2 = 68.53
  // 上级: 83%→0, 93%→20, 0→0, 98%→5, 83→5, 10, 10: 业绩 50; 行为 (5+2+4+3+4)×4 = 72; 50×0.8 + 72×0.2 = 54.4
  // 68.5333…×0.3 + 54.4×0.7 = 20.56 + 38.08 = 58.64 → <60 不合格
  KF003: { total: 58.64, shown: '58.64', grade: '不合格', rank: 8 },
  // 自评: 75%→0, 99%→20, 0→0, 94%→5, 91→20, 10, 10: 业绩 65; 行为 (4+2+4+5+5)×4 = 80; 65×0.8 + 80×0.2 = 68
  // 上级: 99%→20, 94%→20, 2→10, 100%→10, 79→0, 10, 10: 业绩 80; 行为 (5+3+4+4+4)×4 = 80; 80×0.8 + 80×0.2 = 80
  // 68×0.3 + 80×0.7 = 20.4 + 56 = 76.4 → ≥70 良好
  KF004: { total: 76.4, shown: '76.4', grade: '良好', rank: 3 },
  // 自评: 100%→20, 94%→20, 0→0, 93%→5, 85→10, 10, 3 lost→0: 业绩 65; 行为 (5+5+2+2+5)×4 = 76; 65×0.8 + 76×0.2 = 67.2
  // 上级: 76%→0, 85%→10, 0→0, 98%→5, 75→0, 1 missed 6.67, 10: 业绩 31.67; 行为 (5+1+4+3+5)×4 = 72; 31.67×0.8 + 72×0.2 = 39.73
  // 67.2×0.3 + 39.7333…×0.7 = 20.16 + 27.8133… = 47.9733… → 47.97, 不合格
  KF005: { total: 47.973333333333336, shown: '47.97', grade: '不合格', rank: 12 },
  // 自评: 82%→0, 97%→20, 1→10, 95%→5, 95→20, 1 missed 6.67, 2 lost→0: 业绩 61.67; 行为 (5+3+4+5+3)×4 = 80; 61.67×0.8 + 80×0.2 = 65.33
  // 上级: 97%→20, 97%→20, 0→0, 99%→5, 74→0, 10, 10: 业绩 65; 行为 (5+5+4+3+5)×4 = 88; 65×0.8 + 88×0.2 = 69.6
  // 65.3333…×0.3 + 69.6×0.7 = 19.6 + 48.72 = 68.32 → 合格
  KF006: { total: 68.32, shown: '68.32', grade: '合格', rank: 5 },
  // 自评: 82%→0, 92%→20, 0→0, 93%→5, 92→20, 10, 10: 业绩 65; 行为 (5+5+4+2+5)×4 = 84; 65×0.8 + 84×0.2 = 68.8
  // 上级: 87%→10, 88%→10, 0→0, 99%→5, 78→0, 10, 10: 业绩 45; 行为 (5+2+2+3+5)×4 = 68; 45×0.8 + 68×0.2 = 49.6
  // 68.8×0.3 + 49.6×0.7 = 20.64 + 34.72 = 55.36 → 不合格; tied with 吴倩 at rank 9
  KF007: { total: 55.36, shown: '55.36', grade: '不合格', rank: 9 },
  // 自评: 92%→20, 99%→20, 3→10, 99%→5, 69→0, 1 missed 6.67, 10: 业绩 71.67; 行为 (4+5+4+4+4)×4 = 84; 71.67×0.8 + 84×0.2 = 74.13
  // 上级: 99%→20, 91%→20, 1→10, 99%→5, 89→10, 10, 10: 业绩 85; 行为 (2+5+3+5+3)×4 = 72; 85×0.8 + 72×0.2 = 82.4
  // 74.1333…×0.3 + 82.4×0.7 = 22.24 + 57.68 = 79.92 → 良好
  KF008: { total: 79.92, shown: '79.92', grade: '良好', rank: 2 },
  // 自评: 100%→20, 96%→20, 0→0, 100%→10, 90→20, 10, 10: 业绩 90; 行为 (4+2+5+3+3)×4 = 68; 90×0.8 + 68×0.2 = 85.6
  // 上级: 94%→20, 99%→20, 0→0, 84%→0, 83→5, 10, 10: 业绩 65; 行为 (2+4+1+5+5)×4 = 68; 65×0.8 + 68×0.2 = 65.6
  // 85.6×0.3 + 65.6×0.7 = 25.68 + 45.92 = 71.6 → 良好
  KF009: { total: 71.6, shown: '71.6', grade: '良好', rank: 4 },
  // 自评: 83%→0, 91%→20, 0→0, 99%→5, 80→5, 10, 1 lost→0: 业绩 40; 行为 (5+2+4+3+4)×4 = 72; 40×0.8 + 72×0.2 = 46.4
  // 上级: 87%→10, 95%→20, 0→0, 97%→5, 71→0, 10, 10: 业绩 55; 行为 (4+4+5+2+4)×4 = 76; 55×0.8 + 76×0.2 = 59.2
  // 46.4×0.3 + 59.2×0.7 = 13.92 + 41.44 = 55.36 → 不合格; tied with 赵敏 at rank 9
  KF010: { total: 55.36, shown: '55.36', grade: '不合格', rank: 9 },
  // 自评: 76%→0, 100%→20, 0→0, 96%→5, 77→0, 10, 10: 业绩 45; 行为 (3+5+4+5+1)×4 = 72; 45×0.8 + 72×0.2 = 50.4
  // 上级: 87%→10, 95%→20, 0→0, 91%→5, 68→0, 1 missed 6.67, 10: 业绩 51.67; 行为 (3+5+3+4+5)×4 = 80; 51.67×0.8 + 80×0.2 = 57.33
  // 50.4×0.3 + 57.3333…×0.7 = 15.12 + 40.1333… = 55.2533… → 55.25; temporary: no grade; rank 11 (below the two 55.36)
  KF011: { total: 55.25333333333333, shown: '55.25', grade: null, rank: 11 },
  // 上级 only: 100%→20, 94%→20, 2→10, 97%→5, 95→20, 10, 10: 业绩 95; 行为 (2+4+5+3+5)×4 = 76; 95×0.8 + 76×0.2 = 76 + 15.2 = 91.2 → ≥90 优秀
  KF012: { total: 91.2, shown: '91.2', grade: '优秀', rank: 1 },
};

/** The example people with their hand-worked results, keyed by employee number. */
function expectedExample() {
  const byNo = new Map(EXAMPLE_PEOPLE.map((person) => [person.employeeNo, { ...person, ...BY_HAND[person.employeeNo]! }]));
  const gradeCount = (label: string) => [...byNo.values()].filter((p) => p.grade === label).length;
  return { byNo, gradeCount };
}

async function openDashboard(page: Page): Promise<void> {
  await openApp(page, '#/dashboard');
  await expect(page.getByTestId('ranking').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('chart-grades').locator('.chart-box')).toHaveAttribute('data-ready', 'true');
}

test('the dashboard shows the counts the scores give, with tables and PNGs, in either language', async ({ page }) => {
  const { byNo, gradeCount } = expectedExample();
  await openDashboard(page);
  await expect(page.getByTestId('dashboard-summary')).toHaveText('11 人参与考核 · 1 人临时顶岗（只排名） · 0 人不参与考核');

  // Every person's total, computed grade and rank in the ranking are the scores of the example.
  const ranking = page.getByTestId('ranking');
  for (const expected of byNo.values()) {
    const row = ranking.locator('tbody tr', { has: page.getByRole('rowheader', { name: expected.name, exact: true }) });
    await expect(row.getByTestId('total')).toHaveText(expected.shown);
    await expect(row.getByTestId('grade')).toHaveText(expected.grade ?? '—');
    await expect(row.getByTestId('rank')).toContainText(String(expected.rank));
  }

  // The grade chart's table counts each grade as the scores do, and as the ranking lists them.
  const grades = page.getByTestId('chart-grades');
  await grades.getByText('数据表').click();
  const gradeRows = grades.getByTestId('grades-table').locator('tbody tr');
  await expect(gradeRows).toHaveCount(GRADES.length);
  for (const [i, label] of GRADES.entries()) {
    const count = gradeCount(label);
    await expect(gradeRows.nth(i).locator('th')).toHaveText(label);
    await expect(gradeRows.nth(i).locator('td').first()).toHaveText(String(count));
    await expect(ranking.getByTestId('grade').filter({ hasText: new RegExp(`^${label}$`) })).toHaveCount(count);
  }
  await expect(grades.getByTestId('graded-count')).toHaveText('共 11 人评定等级');

  // The histogram holds the 11 assessed totals.
  const histogram = page.getByTestId('chart-histogram');
  await histogram.getByText('数据表').click();
  const binCounts = await histogram.getByTestId('histogram-table').locator('tbody td').allTextContents();
  expect(binCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(11);

  // Save a chart as PNG: a real PNG file comes down.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('png-grades').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^grades-\d{4}-\d{2}\.png$/);
  const png = await readFile((await download.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.length).toBeGreaterThan(2000);

  // Only one month is rated: the trends say so instead of drawing one point.
  await expect(page.getByTestId('history-empty')).toHaveText('至少要有两个同一模板的考核周期才能显示跨周期趋势（目前 1 个）。');

  // A team filter narrows every count.
  await page.getByTestId('team-select').selectOption({ label: '客服一组' });
  await expect(page.getByTestId('dashboard-summary')).toHaveText('6 人参与考核 · 0 人临时顶岗（只排名） · 0 人不参与考核');
  await expect(ranking.locator('tbody tr')).toHaveCount(6);
  const teamOne = [...byNo.values()].filter((p) => p.team === 0);
  for (const [i, label] of GRADES.entries()) {
    await expect(gradeRows.nth(i).locator('td').first()).toHaveText(String(teamOne.filter((p) => p.grade === label).length));
  }

  // The language switch redraws the charts and relabels their tables.
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Grade distribution' })).toBeVisible();
  await expect(grades.getByTestId('grades-table').locator('thead th').nth(1)).toHaveText('People');
  await expect(page.getByTestId('dashboard-summary')).toHaveText('6 assessed · 0 temporary cover (ranked only) · 0 not assessed');
  await expect(grades.locator('.chart-box')).toHaveAttribute('data-ready', 'true');
  await expect(grades.locator('.chart-box')).toHaveAttribute('aria-label', 'Grade distribution');
});

test('a forced distribution shows the violation; a calibrated grade is recorded, audited and kept', async ({ page }) => {
  const { byNo, gradeCount } = expectedExample();
  const failing = [...byNo.values()].filter((p) => p.grade === '不合格').sort((a, b) => b.total - a.total);
  const passing = [...byNo.values()].filter((p) => p.grade === '合格').sort((a, b) => b.total - a.total);
  const good = [...byNo.values()].filter((p) => p.grade === '良好');
  // The example's month: 11 graded people, 1 优秀, 3 良好, 3 合格, 4 不合格 (the checks below rely on it).
  expect([gradeCount('优秀'), good.length, passing.length, failing.length]).toEqual([1, 3, 3, 4]);
  // Whoever is nearest the 合格 band from either side: a 良好 total nearest 70 or a 不合格 total nearest 60.
  const intoPassing = [...good.map((p) => ({ p, distance: p.total - 70 })), ...failing.map((p) => ({ p, distance: 60 - p.total }))].sort((a, b) => a.distance - b.distance)[0]!.p;
  await openDashboard(page);

  // A forced curve 10/30/40/20: typed wrong first (90%), then right.
  const target = page.getByRole('form', { name: '目标分布' });
  await target.getByLabel('强制分布').check();
  await target.getByLabel('优秀 比例（%）').fill('10');
  await target.getByLabel('良好 比例（%）').fill('30');
  await target.getByLabel('合格 比例（%）', { exact: true }).fill('40');
  await target.getByLabel('不合格 比例（%）', { exact: true }).fill('10');
  await target.getByRole('button', { name: '保存目标分布' }).click();
  await expect(target.getByRole('alert')).toHaveText('强制分布各等级比例合计为 90%，应为 100%。');
  await target.getByLabel('不合格 比例（%）', { exact: true }).fill('20');
  await target.getByRole('button', { name: '保存目标分布' }).click();
  await expect(page.getByTestId('notice')).toContainText('目标分布已保存');

  // Of 11 people: 优秀 1–2, 良好 3–4, 合格 4–5, 不合格 2–3 allowed.
  const check = page.getByTestId('calibration-check');
  await expect(check.getByTestId('calibration-verdict')).toHaveText('本周期有 2 个等级不符合目标分布。');
  await expect(check.locator('tr[data-grade="优秀"]')).toContainText('符合');
  await expect(check.locator('tr[data-grade="良好"]')).toContainText('符合');
  await expect(check.locator('tr[data-grade="合格"]')).toContainText('不足 1 人');
  await expect(check.locator('tr[data-grade="不合格"]')).toContainText('4');
  await expect(check.locator('tr[data-grade="不合格"]')).toContainText('超出 1 人');

  // The boundary people: the 不合格 total nearest 60 would move out; for the missing 合格, the
  // nearest from either neighbouring grade would move in.
  const overFailing = check.getByTestId('boundary-不合格');
  await expect(overFailing.locator('tbody th')).toHaveText([failing[0]!.name]);
  await expect(overFailing.locator('tbody tr').first()).toContainText('不合格 → 合格');
  await expect(check.getByTestId('boundary-合格').locator('tbody th')).toHaveText([intoPassing.name]);

  // From the ranking the form starts at the computed grade, which is no calibration at all.
  const nearest = failing[0]!;
  const form = page.getByRole('form', { name: '记录校准等级' });
  await page.getByTestId('ranking').getByRole('button', { name: `校准 ${nearest.name} 的等级` }).click();
  await expect(form.getByLabel('校准等级')).toHaveValue('不合格');
  await form.getByRole('button', { name: '保存校准' }).click();
  await expect(form.getByRole('alert')).toHaveText('校准等级与计算等级相同。要恢复计算等级，请撤销校准。');

  // From the boundary list it comes pre-filled with the grade to move to; a reason is required.
  await overFailing.getByRole('button', { name: `校准 ${nearest.name} 的等级` }).click();
  await expect(form.getByLabel('人员')).toHaveValue(/.+/);
  await expect(form.getByTestId('calibration-computed')).toHaveText(`计算等级：不合格（总分 ${nearest.shown}）`);
  await expect(form.getByLabel('校准等级')).toHaveValue('合格');
  await expect(form.getByLabel('校准理由')).toBeFocused();
  await form.getByRole('button', { name: '保存校准' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写校准理由');
  await form.getByLabel('校准理由').fill('校准会议：按强制分布调整');
  await form.getByRole('button', { name: '保存校准' }).click();
  await expect(page.getByTestId('notice')).toContainText(`已将 ${nearest.name} 校准为“合格”`);

  // The computed grade stays beside the calibrated one; the check counts the calibrated grade.
  const row = page.getByTestId('ranking').locator('tbody tr', { has: page.getByRole('rowheader', { name: nearest.name, exact: true }) });
  await expect(row.getByTestId('grade')).toHaveText('不合格');
  await expect(row.getByTestId('calibrated')).toHaveText('合格');
  await expect(check.getByTestId('calibration-verdict')).toHaveText('本周期的等级分布符合目标。');
  await expect(check.locator('tr[data-grade="不合格"]')).toContainText('符合');
  await expect(check.getByTestId('boundary-不合格')).toHaveCount(0);

  // The audit log has it, with the reason; so it does after a reload.
  const log = page.getByTestId('calibration-log');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log.locator('tbody tr').first()).toContainText(nearest.name);
  await expect(log.locator('tbody tr').first()).toContainText('不合格 → 合格');
  await expect(log.locator('tbody tr').first()).toContainText('校准会议：按强制分布调整');
  await page.reload();
  await openDashboard(page);
  await expect(page.getByTestId('calibration-log').locator('tbody tr').first()).toContainText('校准会议：按强制分布调整');
  await expect(page.getByTestId('calibration-verdict')).toHaveText('本周期的等级分布符合目标。');
  const grades = page.getByTestId('chart-grades');
  await grades.getByText('数据表').click();
  const failingRow = grades.getByTestId('grades-table').locator('tbody tr', { hasText: /^不合格/ });
  // Computed: 4 of 11 不合格; counted after the calibration: 3 of 11.
  await expect(failingRow.locator('td')).toHaveText(['4', '36.4%', '3', '27.3%']);
});

/**
 * The text of each printed page as a reader copies it, NFKC-normalised: with Noto Sans CJK, Chromium's
 * PDF maps some characters to Kangxi radicals (户 as ⼾, U+2F3E), which NFKC folds back. It also folds
 * full-width punctuation (：（）), so expected text is normalised the same way.
 */
function printedPages(pdf: Buffer): string[] {
  return pdfPageTexts(pdf).map(nfkc);
}

function nfkc(text: string): string {
  return text.normalize('NFKC');
}

test('scorecards print to A4 PDF: one page per person, each with the person and their total', async ({ page }) => {
  const { byNo } = expectedExample();
  await openDashboard(page);
  const wang = byNo.get('KF001')!;

  // One person, from the ranking.
  await page.getByRole('link', { name: `打印 ${wang.name} 的评分表` }).click();
  const card = page.locator('.print-page');
  await expect(card).toHaveCount(1);
  await expect(page.getByRole('navigation')).toHaveCount(0); // no app header on paper
  await expect(card.locator('.print-head')).toContainText('示例：客服一部');
  await expect(card.locator('.print-head')).toContainText('客服一组');
  await expect(card.locator('.print-head')).toContainText('KF001');
  await expect(card.getByTestId('print-total')).toHaveText(wang.shown);
  const one = printedPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(one).toHaveLength(1);
  for (const text of ['客户考核评分表(月度)', '姓名 王芳', '工号 KF001', `总分 ${wang.shown}`, `等级 ${wang.grade}`, '被考核人签字', '考核人签字', '部门负责人审核', 'HR 审核', '员工意见', '同意', '不同意', '日期']) {
    expect(one[0]).toContain(nfkc(text));
  }
  // Beside each rater's points, what was measured (自评 0 / 上级 20 → 14 says little alone), and how
  // the raters were weighted.
  const first = card.locator('.print-items tbody tr').nth(1);
  // 客服流程体系的建立与完善 of 王芳: 自评 完成率 84% → below 85% → 0; 上级 99% → ≥90% → 20.
  for (const shown of ['0（84%）', '20（99%）']) await expect(first).toContainText(shown);
  await expect(card.getByTestId('print-weights')).toHaveText('结果按评价人加权：自评 30%、上级 70%；某一评价人未评时，权重按已评的评价人重新分配。');
  expect(one[0]).toContain(nfkc('结果按评价人加权：自评 30%、上级 70%'));

  // In English the rater columns are wide enough: no header runs into the next.
  await page.getByRole('link', { name: '返回看板' }).click();
  await page.getByTestId('language-select').selectOption('en');
  await page.getByRole('link', { name: `Print the scorecard of ${wang.name}` }).click();
  const headers = page.locator('.print-page .print-items thead th');
  await expect(headers).toHaveText(['No.', 'Indicator', 'Weight', 'Target', 'Scoring rule', 'Self', 'Supervisor', 'Result']);
  for (const header of await headers.all()) {
    expect(await header.evaluate((th) => th.scrollWidth <= th.clientWidth), await header.innerText()).toBe(true);
  }
  // … and a one-word header is not broken in two to fit ("Supervis" / "or").
  for (const word of ['Self', 'Supervisor', 'Result']) {
    const lines = await headers.filter({ hasText: new RegExp(`^${word}$`) }).evaluate((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines, word).toBe(1);
  }
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await page.getByTestId('language-select').selectOption('zh-CN');

  // The whole team: twelve pages, in the sheet's order, each with its person's total.
  await expect(page.getByTestId('ranking')).toBeVisible();
  await page.getByRole('link', { name: '打印全部评分表' }).click();
  await expect(page.locator('.print-page')).toHaveCount(12);
  await expect(page.getByTestId('print-count')).toHaveText('共 12 份评分表（A4，每人一页）');
  const pages = printedPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages).toHaveLength(12);
  for (const [i, person] of EXAMPLE_PEOPLE.entries()) {
    const expected = byNo.get(person.employeeNo)!;
    expect(pages[i]).toContain(nfkc(`姓名 ${person.name}`));
    expect(pages[i]).toContain(nfkc(`总分 ${expected.shown}`));
  }
  expect(pages[10]).toContain(nfkc('临时顶岗'));
});
