// The rating sheet as a team lead uses it: rate a month with the keyboard only, paste a block
// from a spreadsheet, undo it, reload, watch a second tab follow, and meet a locked period.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { BUILTIN_TEMPLATES } from '../../src/scoring/builtins/index';

const grid = (page: Page) => page.getByTestId('rate-grid');
const editor = (page: Page) => page.getByTestId('rate-grid-editor');

/** A person's row in the rating sheet (rows are named by their cells; 工号 is unique). */
function row(page: Page, employeeNo: string): Locator {
  return grid(page).getByRole('row').filter({ has: page.locator(`[data-col="employeeNo"]`, { hasText: employeeNo }) });
}

function cell(page: Page, employeeNo: string, columnId: string): Locator {
  return row(page, employeeNo).locator(`[data-col="${columnId}"]`);
}

/** Scroll the sheet sideways with the mouse wheel until a column is on screen. */
async function scrollToColumn(page: Page, columnId: string): Promise<void> {
  const viewport = grid(page).locator('.viewport');
  await viewport.hover();
  for (let i = 0; i < 40; i++) {
    if ((await grid(page).locator(`[role=columnheader][data-col="${columnId}"]`).count()) > 0) {
      await grid(page).locator(`[role=columnheader][data-col="${columnId}"]`).scrollIntoViewIfNeeded();
      return;
    }
    await page.mouse.wheel(300, 0);
  }
  throw new Error(`column ${columnId} never scrolled into view`);
}

test('rate three people for a month with the keyboard only; totals, grades and ranks as worked by hand', async ({ page }) => {
  await openApp(page, '#/rate');
  // A new month for 客服一组 (6 people), rated by the supervisor only.
  await page.getByRole('button', { name: '新建周期' }).click();
  const form = page.getByRole('form', { name: '新建考核周期' });
  await form.getByLabel('周期类型').selectOption('month');
  await form.getByLabel('周期', { exact: true }).fill('2026年12月');
  await form.getByLabel('团队').selectOption({ label: '客服一组' });
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page.getByTestId('notice')).toContainText('已创建周期 2026年12月');
  await expect(page.getByTestId('period-select')).toContainText('2026年12月');
  await expect(grid(page).getByRole('row')).toHaveCount(7);
  await page.getByTestId('role-mode').selectOption({ label: '上级' });

  // From the first cell, Tab goes from input to input (computed columns are skipped) and wraps
  // to the next person. Per person: 状态, then the 14 inputs, then 评语.
  await editor(page).focus();
  const people = [
    // 完成率 信息利用率 转介绍 回访完成率 满意度 三项投诉 流失孤儿 五项行为等级
    ['95%', '88%', '2', '100%', '92', '否', '否', '否', '0', '5级', '5', '5', '4', '5'],
    ['80%', '０.92', '0', '90', '86', '是', '否', '否', '1', '3', '3', '3', '3', '3'],
    ['90%', '85%', '1', '95%', '80', '否', '是', '是', '0', '5', '5', '5', '5', '5'],
  ];
  await page.keyboard.press('Tab'); // 状态 of the first person (kept as 参与考核)
  for (const values of people) {
    for (const value of values) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab'); // confirms the last value, on to 评语
    await page.keyboard.press('Tab'); // the next person's 状态
  }
  // Worked by hand (业绩 weighted, ×80%; 行为 summed, ×20%):
  // 王芳: 业绩 20+10+10+10+20+10+10 = 90, 行为 20+20+20+16+20 = 96 → 72 + 19.2 = 91.2 优秀
  // 李娜: 业绩 0+20+0+5+10+6.67+0 = 41.67, 行为 60 → 33.33 + 12 = 45.33 不合格
  // 张伟: 业绩 20+10+10+5+5+3.33+10 = 63.33, 行为 100 → 50.67 + 20 = 70.67 良好
  await expect(cell(page, 'KF001', 'total')).toHaveText('91.2');
  await expect(cell(page, 'KF001', 'grade')).toHaveText('优秀');
  await expect(cell(page, 'KF001', 'rank')).toHaveText('1');
  await expect(cell(page, 'KF002', 'total')).toHaveText('45.33');
  await expect(cell(page, 'KF002', 'grade')).toHaveText('不合格');
  await expect(cell(page, 'KF002', 'rank')).toHaveText('3');
  await expect(cell(page, 'KF003', 'total')).toHaveText('70.67');
  await expect(cell(page, 'KF003', 'grade')).toHaveText('良好');
  await expect(cell(page, 'KF003', 'rank')).toHaveText('2');
  await expect(cell(page, 'KF002', 'entry:supervisor:info_utilisation')).toHaveText('92%');

  // The total explains itself.
  await cell(page, 'KF001', 'total').click();
  const explain = page.getByTestId('explain');
  await expect(explain).toContainText('业绩考核 = 90');
  await expect(explain).toContainText('行为考核 = 96');
  await expect(explain).toContainText('91.2');
  await page.keyboard.press('Escape');
  await expect(explain).toBeHidden();
});

test('a built-in used as it is: 餐厅服务员考核评分表 rates each item in points; blank rows are 未评, a 16 of 15 scores nothing', async ({ page }) => {
  await openApp(page, '#/templates');
  // From the template list, a built-in starts a new period as it is (no "副本").
  await page.getByRole('button', { name: '用“餐厅服务员考核评分表”新建考核周期' }).click();
  const form = page.getByRole('form', { name: '新建考核周期' });
  await expect(form.getByLabel('模板')).toHaveValue('builtin.restaurant-waiter');
  // All 14 built-ins are offered (the example's 客户考核评分表(月度) is the workspace's copy of one).
  const offered = await form.getByLabel('模板').locator('option').allTextContents();
  expect(offered).toHaveLength(14);
  for (const template of BUILTIN_TEMPLATES) expect(offered.some((text) => text.startsWith(template.name))).toBe(true);
  await expect(form.getByTestId('new-period-builtin')).toContainText('首次使用时，“餐厅服务员考核评分表”会以原名加入本工作区的模板');
  await form.getByLabel('周期', { exact: true }).fill('2026年12月');
  await form.getByLabel('团队').selectOption({ label: '客服一组' });
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page.getByTestId('notice')).toContainText('已创建周期 2026年12月');
  await expect(grid(page).getByRole('row')).toHaveCount(7);

  // Nobody is rated yet: no totals, grades or ranks, and the sheet says so.
  await expect(page.getByTestId('sheet-summary')).toHaveText('6 人 · 参与排名 0 人 · 平均总分 — · 未评 6 人');
  await expect(cell(page, 'KF001', 'total')).toHaveText('未评');
  await expect(cell(page, 'KF001', 'grade')).toHaveText('');
  await expect(cell(page, 'KF001', 'rank')).toHaveText('');

  // 王芳: 出勤率 10, 服务态度 14, 沟通能力 13, 应变能力 12, 团队合作 9, 工作效率 14, 知识掌握 8, 卫生和整洁 10.
  await cell(page, 'KF001', 'status').click();
  for (const value of ['10', '14', '13', '12', '9', '14', '8', '10']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Tab');
  // Worked by hand: 10 + 14 + 13 + 12 + 9 + 14 + 8 + 10 = 90 → 优秀 (each item's points as given).
  await expect(cell(page, 'KF001', 'total')).toHaveText('90');
  await expect(cell(page, 'KF001', 'grade')).toHaveText('优秀');
  await expect(cell(page, 'KF001', 'rank')).toHaveText('1');
  await expect(page.getByTestId('sheet-summary')).toHaveText('6 人 · 参与排名 1 人 · 平均总分 90 · 未评 5 人');

  // 李娜's 服务态度 typed as 16 (of 15): flagged, scores nothing, her total is incomplete.
  await cell(page, 'KF002', 'entry:supervisor:attitude').click();
  await page.keyboard.type('16');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'KF002', 'entry:supervisor:attitude')).toHaveClass(/invalid/);
  await expect(cell(page, 'KF002', 'total')).toHaveText('不完整');
  await expect(cell(page, 'KF002', 'rank')).toHaveText('');
  await cell(page, 'KF002', 'total').click();
  await expect(page.getByTestId('rate-grid-problem')).toHaveText('本行有 1 个输入不符合要求（标红），不计分：总分不完整，没有等级和排名');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sheet-summary')).toHaveText('6 人 · 参与排名 1 人 · 平均总分 90 · 未评 4 人 · 总分不完整 1 人');

  // The dashboard counts the same way: one graded, 4 未评 and 1 incomplete left out of every figure.
  const periodId = new URL(page.url()).hash.match(/period=([^&]+)/)![1]!;
  await page.goto(`./#/dashboard?period=${periodId}`);
  await expect(page.getByTestId('dashboard-summary')).toHaveText('6 人参与考核 · 0 人临时顶岗（只排名） · 0 人不参与考核 · 其中 4 人未评（不计入统计） · 1 人总分不完整（有录入值不符合要求）');
  await expect(page.getByTestId('graded-count')).toHaveText('共 1 人评定等级');
  await expect(page.getByTestId('ranking').getByTestId('rank').filter({ hasText: /\d/ })).toHaveCount(1);

  // The built-in is now one of the workspace's own templates, under its own name.
  await page.goto('./#/templates');
  await expect(page.getByTestId('own-templates').getByTestId('template-card').filter({ hasText: '餐厅服务员考核评分表' })).toHaveCount(1);
  await expect(page.getByTestId('own-templates')).not.toContainText('副本');
});

const COMPLAINT_COLUMNS = [
  'entry:self:complaint_no_response',
  'entry:supervisor:complaint_no_response',
  'entry:self:complaint_unresolved',
  'entry:supervisor:complaint_unresolved',
];
const FIVE = ['KF001', 'KF002', 'KF003', 'KF004', 'KF005'];

/** The cells' texts, person by person; each column is scrolled into view before it is read (as a person would). */
async function texts(page: Page, people: readonly string[], columns: readonly string[]): Promise<string[][]> {
  const result: string[][] = people.map(() => []);
  for (const column of columns) {
    if (!FROZEN.has(column)) await scrollToColumn(page, column);
    for (const [i, person] of people.entries()) result[i]!.push((await cell(page, person, column).textContent()) ?? '');
  }
  return result;
}
const FROZEN = new Set(['employeeNo', 'name', 'total', 'grade', 'rank']);

test('paste a 5×4 block copied from a spreadsheet, undo it, reload, and see a second tab follow', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '#/rate');
  await expect(grid(page).getByRole('row')).toHaveCount(13);
  await scrollToColumn(page, COMPLAINT_COLUMNS[3]!);
  const before = await texts(page, FIVE, COMPLAINT_COLUMNS);
  const totalsBefore = await texts(page, FIVE, ['total']);

  // Copied from Excel/WPS: tab-separated, CRLF, Chinese yes/no, one value that is not a yes/no.
  const tsv = ['是\t否\t否\t否', '否\t否\t有\t否', '否\t是\t否\t是', '无\t无\t无\t无', '否\t否\t不清楚\t否', ''].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
  await cell(page, 'KF001', COMPLAINT_COLUMNS[0]!).click();
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('notice')).toContainText('已粘贴 20 个单元格');
  expect(await texts(page, FIVE, COMPLAINT_COLUMNS)).toEqual([
    ['是', '否', '否', '否'],
    ['否', '否', '是', '否'],
    ['否', '是', '否', '是'],
    ['否', '否', '否', '否'],
    ['否', '否', '不清楚', '否'],
  ]);
  // The value that does not fit is kept, marked, and explained; it scores nothing, so the total
  // says it is incomplete (no grade, no rank).
  const unclear = cell(page, 'KF005', COMPLAINT_COLUMNS[2]!);
  await expect(unclear).toHaveClass(/invalid/);
  await unclear.click();
  await expect(page.getByTestId('rate-grid-problem')).toHaveText('应为“是”或“否”');
  await expect(cell(page, 'KF005', 'total')).toHaveText('不完整');
  await expect(cell(page, 'KF005', 'grade')).toHaveText('');
  await expect(cell(page, 'KF005', 'rank')).toHaveText('');

  // One undo takes the whole paste back, totals included.
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('notice')).toContainText('已撤销');
  expect(await texts(page, FIVE, COMPLAINT_COLUMNS)).toEqual(before);
  expect(await texts(page, FIVE, ['total'])).toEqual(totalsBefore);
  // And redo brings it back; it is saved at once, so a reload finds it.
  await page.keyboard.press('Control+Y');
  await expect(cell(page, 'KF005', COMPLAINT_COLUMNS[2]!)).toHaveText('不清楚');
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await openApp(page, '#/rate');
  await scrollToColumn(page, COMPLAINT_COLUMNS[3]!);
  await expect(cell(page, 'KF005', COMPLAINT_COLUMNS[2]!)).toHaveText('不清楚');
  await expect(cell(page, 'KF003', COMPLAINT_COLUMNS[3]!)).toHaveText('是');

  // Copy goes the other way as Excel reads it: select 2×2 with Shift+arrows, Ctrl+C.
  await cell(page, 'KF001', COMPLAINT_COLUMNS[0]!).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('是\t否\r\n否\t否\r\n');

  // A second tab on the same workspace sees an edit made in the first.
  const second = await context.newPage();
  await openApp(second, '#/rate');
  await scrollToColumn(second, COMPLAINT_COLUMNS[3]!);
  await expect(cell(second, 'KF002', COMPLAINT_COLUMNS[0]!)).toHaveText('否');
  await cell(page, 'KF002', COMPLAINT_COLUMNS[0]!).click();
  await page.keyboard.type('是');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'KF002', COMPLAINT_COLUMNS[0]!)).toHaveText('是');
  await expect(cell(second, 'KF002', COMPLAINT_COLUMNS[0]!)).toHaveText('是');
  await expect(cell(second, 'KF002', 'total')).toHaveText((await cell(page, 'KF002', 'total').textContent()) ?? '');
});

test('a locked period refuses edits with a message; unlocked, values can be typed and filled down', async ({ page }) => {
  await openApp(page, '#/rate');
  const satisfaction = 'entry:supervisor:satisfaction_score';
  await scrollToColumn(page, satisfaction);
  const before = (await cell(page, 'KF004', satisfaction).textContent()) ?? '';

  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('notice')).toContainText('已锁定，不能再修改');
  await expect(page.getByTestId('locked-hint')).toBeVisible();
  await cell(page, 'KF004', satisfaction).click();
  await page.keyboard.type('60');
  await expect(page.getByTestId('notice')).toContainText('已锁定，不能修改');
  await page.keyboard.press('Delete');
  await expect(cell(page, 'KF004', satisfaction)).toHaveText(before);

  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('notice')).toContainText('已解锁（已记入审计日志）');
  await expect(page.getByTestId('locked-hint')).toBeHidden();
  await cell(page, 'KF004', satisfaction).click();
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'KF004', satisfaction)).toHaveText('60');

  // Fill down: KF004's value into the two rows below, and one undo takes it back.
  const below = [(await cell(page, 'KF005', satisfaction).textContent()) ?? '', (await cell(page, 'KF006', satisfaction).textContent()) ?? ''];
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+D');
  await expect(page.getByTestId('notice')).toContainText('已填充 2 个单元格');
  await expect(cell(page, 'KF005', satisfaction)).toHaveText('60');
  await expect(cell(page, 'KF006', satisfaction)).toHaveText('60');
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 'KF005', satisfaction)).toHaveText(below[0]!);
  await expect(cell(page, 'KF006', satisfaction)).toHaveText(below[1]!);
});
