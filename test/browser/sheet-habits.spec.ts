// Excel habits in the rating sheet and the roster, keyboard first: the grid is one tab stop that
// Esc-then-Tab leaves; Ctrl+Enter fills a selection; Shift+Space / Ctrl+Space select a row or a
// column; Ctrl+Home goes back to the top left of a sheet scrolled right; a copied block is repeated
// over a larger selection; the cell menu and the fill handle do what Excel users expect.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const grid = (page: Page) => page.getByTestId('rate-grid');
const editor = (page: Page) => page.getByTestId('rate-grid-editor');
const SATISFACTION = 'entry:supervisor:satisfaction_score';
const SELF_NO_RESPONSE = 'entry:self:complaint_no_response';
const NO_RESPONSE = 'entry:supervisor:complaint_no_response';

function cell(page: Page, employeeNo: string, columnId: string): Locator {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.locator('[data-col="employeeNo"]', { hasText: employeeNo }) })
    .locator(`[data-col="${columnId}"]`);
}

async function scrollToColumn(page: Page, columnId: string): Promise<void> {
  const header = grid(page).locator(`[role=columnheader][data-col="${columnId}"]`);
  await grid(page).locator('.viewport').hover();
  for (let i = 0; i < 40 && (await header.count()) === 0; i++) await page.mouse.wheel(300, 0);
  await header.scrollIntoViewIfNeeded();
}

async function texts(page: Page, people: readonly string[], columnId: string): Promise<string[]> {
  const found: string[] = [];
  for (const person of people) found.push((await cell(page, person, columnId).textContent()) ?? '');
  return found;
}

test('each grid is one tab stop: Tab moves inside it, Esc then Tab leaves it, Shift+Tab comes back', async ({ page }) => {
  await openApp(page, '#/rate');
  await cell(page, 'KF001', 'name').click();
  await expect(editor(page)).toBeFocused();
  // Tab moves from input cell to input cell and never out of the sheet.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await expect(grid(page).locator('.cell.active')).not.toHaveAttribute('data-col', 'name');

  // Esc, then Tab: the next control after the sheet (the roster's first one).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  await expect(page.getByLabel('显示已归档的人员')).toBeFocused();
  // Shift+Tab from there is back in the sheet, on the same cell.
  await page.keyboard.press('Shift+Tab');
  await expect(editor(page)).toBeFocused();
  // Esc, then Shift+Tab: out before the sheet.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await expect(editor(page)).not.toBeFocused();
  const before = await page.evaluate(() => {
    const sheet = document.querySelector('[data-testid="rate-grid"]');
    const focused = document.activeElement;
    return sheet !== null && focused !== null && (sheet.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  });
  expect(before).toBe(true);

  // The roster's grid works the same way; after it comes the add form.
  const roster = page.getByTestId('roster-editor');
  await page.getByTestId('roster').getByRole('gridcell', { name: '王芳' }).click();
  await expect(roster).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(roster).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('姓名', { exact: true })).toBeFocused();
});

test('Ctrl+Enter fills the selection; Shift+Space and Ctrl+Space select row and column; Ctrl+Home goes back to A1', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '#/rate');
  await scrollToColumn(page, SATISFACTION);

  // Select three people's 客户满意度得分, type once, Ctrl+Enter: all three get it.
  await cell(page, 'KF002', SATISFACTION).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.type('77');
  await page.keyboard.press('Control+Enter');
  expect(await texts(page, ['KF001', 'KF002', 'KF003', 'KF004', 'KF005'], SATISFACTION)).toEqual([
    (await cell(page, 'KF001', SATISFACTION).textContent()) ?? '',
    '77',
    '77',
    '77',
    (await cell(page, 'KF005', SATISFACTION).textContent()) ?? '',
  ]);
  await expect(cell(page, 'KF001', SATISFACTION)).not.toHaveText('77');

  // Shift+Space selects the whole row (no space typed), Ctrl+C copies all of it.
  await cell(page, 'KF003', SATISFACTION).click();
  await page.keyboard.press('Shift+Space');
  await expect(editor(page)).toHaveValue('');
  await expect(cell(page, 'KF003', 'employeeNo')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'KF003', SATISFACTION)).toHaveText('77');
  await expect(cell(page, 'KF002', SATISFACTION)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Control+C');
  const row = await page.evaluate(() => navigator.clipboard.readText());
  expect(row.startsWith('KF003\t张伟\t')).toBe(true);
  expect(row.split('\t')).toContain('77');

  // Ctrl+Space selects the whole column: Ctrl+C copies the twelve people's values.
  await cell(page, 'KF003', SATISFACTION).click();
  await page.keyboard.press('Control+Space');
  await expect(cell(page, 'KF001', SATISFACTION)).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'KF003', 'employeeNo')).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Control+C');
  const column = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\r\n');
  expect(column).toHaveLength(12);
  expect(column.slice(1, 4)).toEqual(['77', '77', '77']);

  // Ctrl+Home: the first cell, and the sheet scrolled back to its left edge.
  const viewport = grid(page).locator('.viewport');
  expect(await viewport.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await page.keyboard.press('Control+Home');
  await expect.poll(() => viewport.evaluate((element) => element.scrollLeft)).toBe(0);
  await expect(cell(page, 'KF001', 'employeeNo')).toHaveClass(/active/);
  await expect(grid(page).locator('[role=columnheader]').nth(3)).toBeInViewport();
});

test('a copied block repeats over a larger selection; the cell menu and the fill handle work as in Excel', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '#/rate');
  await scrollToColumn(page, NO_RESPONSE);

  // A 1×2 block (是 否) pasted into 4 rows × 2 columns: repeated in every row.
  await page.evaluate(() => navigator.clipboard.writeText('是\t否\r\n'));
  await cell(page, 'KF001', SELF_NO_RESPONSE).click();
  await cell(page, 'KF004', NO_RESPONSE).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+V');
  await expect(page.getByTestId('notice')).toContainText('已粘贴 8 个单元格');
  expect(await texts(page, ['KF001', 'KF002', 'KF003', 'KF004'], SELF_NO_RESPONSE)).toEqual(['是', '是', '是', '是']);
  expect(await texts(page, ['KF001', 'KF002', 'KF003', 'KF004'], NO_RESPONSE)).toEqual(['否', '否', '否', '否']);

  // Right click: the menu on the cell; Copy puts the cell on the clipboard.
  await scrollToColumn(page, SATISFACTION);
  const menu = page.getByTestId('rate-grid-menu');
  const value = (await cell(page, 'KF006', SATISFACTION).textContent()) ?? '';
  await cell(page, 'KF006', SATISFACTION).click({ button: 'right' });
  await expect(menu.getByRole('menuitem')).toHaveText([/复制/, /粘贴/, /清除内容/, /向下填充/, /写批注（本行的“评语”）/]);
  await expect(menu.getByRole('menuitem', { name: /复制/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${value}\r\n`);

  // By keyboard: Shift+F10 on KF007, down to 粘贴, Enter: KF006's value lands there.
  await cell(page, 'KF007', SATISFACTION).click();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'KF007', SATISFACTION)).toHaveText(value);
  // 清除内容 from the menu; Esc closes the menu without doing anything.
  await cell(page, 'KF007', SATISFACTION).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /清除内容/ }).click();
  await expect(cell(page, 'KF007', SATISFACTION)).toHaveText('');
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
  // 向下填充 from the menu over a selection: KF006's value into KF007 and KF008.
  await cell(page, 'KF006', SATISFACTION).click();
  await cell(page, 'KF008', SATISFACTION).click({ modifiers: ['Shift'] });
  await cell(page, 'KF008', SATISFACTION).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /向下填充/ }).click();
  expect(await texts(page, ['KF007', 'KF008'], SATISFACTION)).toEqual([value, value]);

  // The fill handle: drag KF001's value down over KF002..KF004.
  await cell(page, 'KF001', SATISFACTION).click();
  await page.keyboard.type('66');
  await page.keyboard.press('Enter');
  await cell(page, 'KF001', SATISFACTION).click();
  const handle = page.getByTestId('rate-grid-fill-handle');
  const from = await handle.boundingBox();
  const to = await cell(page, 'KF004', SATISFACTION).boundingBox();
  if (!from || !to) throw new Error('no handle or cell on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('notice')).toContainText('已填充 3 个单元格');
  expect(await texts(page, ['KF001', 'KF002', 'KF003', 'KF004'], SATISFACTION)).toEqual(['66', '66', '66', '66']);

  // The note: the row's 评语, from the menu.
  await cell(page, 'KF002', SATISFACTION).click();
  await cell(page, 'KF002', SATISFACTION).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /写批注/ }).click();
  await page.keyboard.type('表现稳定');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'KF002', 'remark')).toHaveText('表现稳定');
});

test('the roster: archiving asks first and can be undone, a team is picked or created on purpose, 工号 is unique; messages stay by the roster and go with the view', async ({ page }) => {
  await openApp(page, '#/rate');
  const roster = page.getByTestId('roster');
  const rosterEditor = page.getByTestId('roster-editor');
  const row = (name: string) => roster.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
  await expect(roster.getByRole('row')).toHaveCount(13);

  // Archive: the button asks, naming the person; cancel keeps everyone; confirm archives; undo restores.
  await row('刘洋').getByRole('gridcell').first().click();
  await page.keyboard.press('Shift+Space');
  await page.getByTestId('archive-selected').click();
  await expect(page.getByTestId('archive-confirm')).toContainText('归档 刘洋？');
  await expect(page.getByRole('button', { name: '确认归档' })).toBeFocused();
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(roster.getByRole('row')).toHaveCount(13);
  await page.getByTestId('archive-selected').click();
  await page.getByRole('button', { name: '确认归档' }).click();
  await expect(roster.getByRole('row')).toHaveCount(12);
  const notice = page.locator('[data-notices="roster"]').getByTestId('notice');
  await expect(notice).toContainText('已归档 1 人');
  await notice.getByRole('button', { name: '撤销' }).click();
  await expect(notice).toContainText('已恢复 1 人');
  await expect(roster.getByRole('row')).toHaveCount(13);
  await expect(row('刘洋')).toBeVisible();

  // A team that does not exist is not made up by a typo: the message offers to create it.
  await row('王芳').locator('[data-col="teamId"]').click();
  await page.keyboard.type('客服一祖');
  await page.keyboard.press('Enter');
  await expect(notice).toContainText('没有名为“客服一祖”的团队，王芳 的团队未修改。现有团队：客服一组、客服二组。');
  await expect(row('王芳').locator('[data-col="teamId"]')).toHaveText('客服一组');
  // Typed as it is named (spaces and width do not matter), it is taken.
  await row('王芳').locator('[data-col="teamId"]').click();
  await page.keyboard.type(' 客服二组 ');
  await page.keyboard.press('Enter');
  await expect(row('王芳').locator('[data-col="teamId"]')).toHaveText('客服二组');
  // A new team, on purpose: from the message's button.
  await row('王芳').locator('[data-col="teamId"]').click();
  await page.keyboard.type('质检组');
  await page.keyboard.press('Enter');
  await notice.getByRole('button', { name: '新建团队“质检组”并填入' }).click();
  await expect(notice).toContainText('已新建团队“质检组”，并填入 1 处');
  await expect(row('王芳').locator('[data-col="teamId"]')).toHaveText('质检组');

  // 工号 is unique: typing another person's is refused with who has it.
  await row('王芳').locator('[data-col="employeeNo"]').click();
  await page.keyboard.type('KF002');
  await page.keyboard.press('Enter');
  await expect(notice).toContainText('工号 KF002 已属于 李娜，王芳 的工号未修改。');
  await expect(row('王芳').locator('[data-col="employeeNo"]')).toHaveText('KF001');
  await expect(rosterEditor).toBeFocused();
  // And in the add form, next to the field.
  await page.getByLabel('姓名', { exact: true }).fill('赵新');
  await page.getByLabel('工号', { exact: true }).fill('KF003');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.locator('#roster-number-error')).toHaveText('工号 KF003 已属于 张伟。工号不能重复。');
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();

  // The message is by the roster, not at the top of the page; another view starts without it.
  await expect(page.locator('.notice-region').getByTestId('notice')).toHaveCount(0);
  await page.getByRole('link', { name: '看板' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('看板');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.getByRole('link', { name: '评分', exact: true }).click();
  await expect(roster.getByRole('row')).toHaveCount(13);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('the sheet uses the whole width of a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 2200, height: 900 });
  await openApp(page, '#/rate');
  const width = await grid(page).evaluate((element) => element.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(2000);
});
