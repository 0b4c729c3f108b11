// axe-core on every view of the built page, as a person reaches it: the rating sheet (with its
// cell menu and the archive question open), the template list and editor, each step of "New from
// Excel file" on the sample workbook, the dashboard, the files page and the printed scorecards.
// Every rule axe runs by default (WCAG 2.x A/AA and best practices); the expectation is none broken.
// A whole page is checked once; what opens on it later (a menu, the next step) is checked alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/** The whole page, or only a part of it that changed (a menu, a step), which is quicker to check. */
async function violations(page: Page, part?: string): Promise<string[]> {
  // Only the violations are needed in detail (passes are counted, not listed: much quicker).
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (part) builder.include(part);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function expectClean(page: Page, view: string, part?: string): Promise<void> {
  expect(await violations(page, part), view).toEqual([]);
}

test('the rating page, its cell menu and the roster\'s archive question', async ({ page }) => {
  await openApp(page, '#/rate');
  await expect(page.getByTestId('rate-grid').getByRole('row')).toHaveCount(13);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('评分');
  await expectClean(page, 'rate');

  await page.getByTestId('rate-grid').getByRole('gridcell', { name: '王芳' }).click({ button: 'right' });
  await expect(page.getByTestId('rate-grid-menu')).toBeVisible();
  await expectClean(page, 'rate: cell menu', '[data-testid="rate-grid"]');
  await page.keyboard.press('Escape');

  await page.getByTestId('roster').getByRole('gridcell', { name: '王芳' }).click();
  await page.getByTestId('archive-selected').click();
  await expect(page.getByTestId('archive-confirm')).toBeVisible();
  await expectClean(page, 'rate: archive question', '[data-notices="roster"]');
});

test('the templates: list, editor, and every step of New from Excel on the sample workbook', async ({ page }) => {
  await openApp(page, '#/templates');
  await expect(page.getByTestId('own-templates').getByTestId('template-card')).toHaveCount(1);
  await expectClean(page, 'templates');

  await page.getByTestId('own-templates').getByRole('button', { name: '编辑“客户考核评分表(月度)”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户考核评分表(月度)');
  await expectClean(page, 'template editor');

  await openApp(page, '#/templates?new=excel');
  const title = page.getByTestId('excel-step-title');
  await expect(title).toHaveText('第 1 步（共 6 步）：选择文件');
  await expectClean(page, 'excel: file');
  await page.getByTestId('excel-sample').click();
  await expect(page.getByTestId('excel-file-summary')).toContainText('1 个工作表');
  const next = page.getByRole('button', { name: '下一步 →' });
  for (const step of ['选择工作表', '核对各列的作用', '审阅规则与公式', '与 Excel 结果核对', '保存模板']) {
    await next.click();
    await expect(title).toContainText(step);
    await expectClean(page, `excel: ${step}`, '[data-testid="excel-wizard"]');
  }
});

test('the dashboard, the files page and the printed scorecards', async ({ page }) => {
  await openApp(page, '#/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('看板');
  await expect(page.getByRole('link', { name: /^打印 王芳 的评分表/ })).toBeVisible();
  await expectClean(page, 'dashboard');

  await page.getByRole('link', { name: /^打印 王芳 的评分表/ }).click();
  await expect(page.locator('.print-page')).toHaveCount(1);
  await expectClean(page, 'print');

  await openApp(page, '#/files');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('文件');
  await expectClean(page, 'files');
});

test('the review page: everyone, one person\'s review with an appeal to settle, and the scorecard with the review', async ({ page }) => {
  await openApp(page, '#/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('绩效面谈与确认');
  await expect(page.getByTestId('review-people').locator('tbody tr')).toHaveCount(12);
  await page.getByRole('button', { name: '填入常用系数' }).click();
  await page.getByRole('button', { name: '保存绩效系数' }).click();
  await page.getByRole('button', { name: '办理 王芳 的面谈与确认' }).click();
  const person = page.getByTestId('person-review');
  await person.getByLabel('面谈人').fill('赵经理');
  await person.getByLabel('优点').fill('响应及时');
  await person.getByRole('button', { name: '保存面谈记录' }).click();
  await person.getByLabel('不同意').check();
  await person.getByLabel('意见说明').fill('满意度有误');
  await person.getByRole('button', { name: '保存员工意见' }).click();
  await expect(person.getByTestId('person-status')).toHaveText('有异议');
  await person.getByLabel('申诉理由').fill('回访记录不同');
  await person.getByRole('button', { name: '提交申诉' }).click();
  await person.getByTestId('appeal').getByLabel('申诉成立，修改分值').check();
  await expect(person.getByTestId('appeal').getByRole('table')).toBeVisible();
  await expectClean(page, 'review');

  await person.getByRole('link', { name: '打印评分表' }).click();
  await expect(page.getByTestId('print-review')).toBeVisible();
  await expectClean(page, 'print with the review');
});
