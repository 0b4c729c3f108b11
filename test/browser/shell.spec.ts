// Foundation: open the built page, find the example in Chinese, switch to English, add a person,
// reload, and find the person and the language kept.
import { expect, openApp, test } from './fixtures';

test('example workspace in Chinese, English remembered, added person survives a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('workspace-name')).toContainText('示例：客服一部');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['模板', '评分', '面谈', '看板', '文件']);
  await expect(page.getByRole('heading', { name: '人员名单' })).toBeVisible();
  await expect(page.getByTestId('roster').getByRole('row')).toHaveCount(13); // header + 12 people
  await expect(page.getByTestId('roster')).toContainText('王芳');

  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText(['Templates', 'Rate', 'Reviews', 'Dashboard', 'Files']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Name', { exact: true }).fill('钱多多');
  await page.getByLabel('Employee no.', { exact: true }).fill('KF013');
  await page.getByLabel('Position', { exact: true }).fill('客服专员');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Added 钱多多');
  await expect(page.getByTestId('roster')).toContainText('钱多多');

  await page.reload();
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(page.getByTestId('roster').getByRole('row', { name: /钱多多/ })).toContainText('KF013');
  await expect(page.getByTestId('language-select')).toHaveValue('en');
});

test('the add form explains a missing name and keeps focus on it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('请填写姓名');
  await expect(page.getByLabel('姓名', { exact: true })).toBeFocused();
});
