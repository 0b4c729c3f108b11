// The dashboard, calibration and print, as a team lead uses them on the example workspace: the
// counts shown are the counts the scores give; a forced distribution shows where the month breaks
// it and who sits at the edge; a calibrated grade is recorded with its reason, found in the audit
// log and kept across a reload; scorecards print to A4 PDF, one page per person with the total.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { pdfPageTexts } from './pdf-text';
import { EXAMPLE_PEOPLE, exampleEntries, exampleTemplate } from '../../src/store/example';
import { scorePeriod } from '../../src/scoring/index';
import { formatScore } from '../../src/scoring/describe';

/**
 * The example month scored here, without the app: the example's generated entries, with 徐鹏
 * (KF011) covering temporarily as the example workspace sets him. Keyed by employee number.
 */
function expectedExample() {
  const template = exampleTemplate();
  const people = EXAMPLE_PEOPLE.map((p) => ({ id: p.employeeNo, name: p.name, status: p.employeeNo === 'KF011' ? ('temporary' as const) : ('active' as const) }));
  const entries = exampleEntries(template).map((e) => ({ personId: e.employeeNo, key: e.key, role: e.role, value: e.value }));
  const scored = scorePeriod(template, { people, entries });
  const byNo = new Map(
    scored.people.map((result, i) => [
      result.personId,
      { ...EXAMPLE_PEOPLE[i]!, total: result.total as number, grade: result.grade, rank: result.rank, shown: formatScore(result.total, 'zh-CN') },
    ]),
  );
  const gradeCount = (label: string) => [...byNo.values()].filter((p) => p.grade === label).length;
  return { template, byNo, gradeCount, scored };
}

async function openDashboard(page: Page): Promise<void> {
  await openApp(page, '#/dashboard');
  await expect(page.getByTestId('ranking').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('chart-grades').locator('.chart-box')).toHaveAttribute('data-ready', 'true');
}

test('the dashboard shows the counts the scores give, with tables and PNGs, in either language', async ({ page }) => {
  const { template, byNo, gradeCount } = expectedExample();
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
  await expect(gradeRows).toHaveCount(template.grades.length);
  for (const [i, band] of template.grades.entries()) {
    const count = gradeCount(band.label);
    await expect(gradeRows.nth(i).locator('th')).toHaveText(band.label);
    await expect(gradeRows.nth(i).locator('td').first()).toHaveText(String(count));
    await expect(ranking.getByTestId('grade').filter({ hasText: new RegExp(`^${band.label}$`) })).toHaveCount(count);
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
  for (const [i, band] of template.grades.entries()) {
    await expect(gradeRows.nth(i).locator('td').first()).toHaveText(String(teamOne.filter((p) => p.grade === band.label).length));
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
  const { byNo, scored } = expectedExample();
  const wangScores = scored.people.find((p) => p.personId === 'KF001')!;
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
  const rated = wangScores.indicators.service_process!;
  const parts = rated.explanation.kind === 'roles' ? rated.explanation.parts : [];
  for (const part of parts) {
    const measured = part.detail.kind === 'bands' && typeof part.detail.value === 'number' ? `${Number((part.detail.value * 100).toPrecision(12))}%` : '';
    expect(measured).not.toBe('');
    await expect(first).toContainText(`${formatScore(part.score, 'zh-CN')}（${measured}）`);
  }
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
