// "New from Excel file" as HR uses it: a team's own 绩效考核表 (notes sheet first, the scorecard on a
// Chinese-named sheet under merged headers, weights on a hidden sheet) becomes a template through
// the studio's wizard; the review shows the recognised band rule beside the original IF formula, the
// check finds no difference from Excel, and a newly added person rated with the template gets the
// total worked out by hand. Files that are not workbooks are refused, macros are reported, a total
// typed over in Excel shows up in the check, and cancel stores nothing.
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { buildBook } from '../unit/io/excel-template/workbooks';
import { SCORECARD, SCORECARD_SHEET, scorecardBytes } from '../unit/io/excel-template/scorecard-workbook';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const wizard = (page: Page) => page.getByTestId('excel-wizard');
const stepTitle = (page: Page) => page.getByTestId('excel-step-title');
const next = (page: Page) => page.getByRole('button', { name: '下一步 →' });

async function openWizard(page: Page): Promise<void> {
  await openApp(page, '#/templates');
  await page.getByRole('button', { name: '从 Excel 新建…' }).click();
  await expect(stepTitle(page)).toHaveText('第 1 步（共 6 步）：选择文件');
  await expect(stepTitle(page)).toBeFocused();
}

test('import a team\'s Excel scorecard, accept the review, and rate a new person with the template', async ({ page }) => {
  await openWizard(page);
  await page.getByTestId('excel-file').setInputFiles({ name: '客服部考核.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(scorecardBytes()) });
  await expect(page.getByTestId('excel-file-summary')).toContainText('客服部考核.xlsx：3 个工作表');
  await expect(page.getByTestId('excel-file-summary')).toContainText('没有发现宏或其他问题。');
  await next(page).click();

  // The sheets, the hidden one marked; the scorecard (the largest visible sheet) is proposed.
  await expect(stepTitle(page)).toHaveText('第 2 步（共 6 步）：选择工作表');
  await expect(stepTitle(page)).toBeFocused();
  const sheets = page.getByRole('group', { name: '要导入的工作表' });
  await expect(sheets.getByRole('radio')).toHaveCount(3);
  await expect(sheets.locator('label', { hasText: '参数' })).toContainText('隐藏');
  await expect(sheets.getByRole('radio', { name: /2026年5月考核/ })).toBeChecked();
  await sheets.getByRole('radio', { name: /填表说明/ }).check();
  await sheets.getByRole('radio', { name: /2026年5月考核/ }).check();
  await next(page).click();

  // The proposal: one row per person under merged headers, four people.
  await expect(stepTitle(page)).toHaveText('第 3 步（共 6 步）：核对各列的作用');
  await expect(page.getByTestId('excel-mapping-summary')).toContainText('每人一行，表头在第 3 行');
  await expect(page.getByTestId('excel-mapping-summary')).toContainText('找到 4 人：张三、李四、王五、赵六');
  const preview = page.getByTestId('excel-preview');
  await expect(preview.locator('td[colspan="16"]')).toHaveText('客服部绩效考核表');
  await expect(preview.locator('td[rowspan="2"]').first()).toHaveText('姓名');
  await expect(preview.locator('td[colspan="3"]').first()).toHaveText('业绩考核');
  const mapping = page.getByTestId('excel-mapping');
  await expect(mapping.getByLabel('H“业绩考核 / 任务完成”的作用')).toHaveValue('indicator');
  await expect(mapping.getByLabel('O“汇总 / 总分”的作用')).toHaveValue('total');
  await expect(mapping.getByLabel('C“原始数据 / 完成率”的类型')).toHaveValue('percent');
  // A correction: the name formulas use for column E. A clash is refused until it is undone.
  const complaints = mapping.getByLabel('E“原始数据 / 投诉次数”的名称');
  await complaints.fill('完成率');
  await complaints.press('Tab');
  await expect(page.getByTestId('excel-mapping-problems')).toContainText('名称“完成率”重复（C, E）');
  await expect(next(page)).toBeDisabled();
  await complaints.fill('有效投诉次数');
  await complaints.press('Tab');
  await expect(page.getByTestId('excel-mapping-problems')).toHaveCount(0);
  await next(page).click();

  // The review: the band rule beside the original IF formula, the renamed input in the Kaohe formula.
  await expect(stepTitle(page)).toHaveText('第 4 步（共 6 步）：审阅规则与公式', { timeout: 20_000 });
  await expect(page.getByTestId('excel-review-summary')).toHaveText('5 项指标：5 项识别为无代码规则，0 项保留为公式，0 项无法翻译（按 Excel 中的分数直接录入）。');
  const review = page.getByTestId('excel-review');
  const band = review.getByRole('row', { name: /^任务完成/ });
  await expect(band.getByRole('cell').nth(0)).toContainText('区间');
  await expect(band.getByRole('cell').nth(0)).toContainText('完成率 ≥100%：40分');
  await expect(band.getByTestId('excel-formula')).toHaveText('=IF(C4>=100%,40,IF(C4>=90%,30,IF(C4>=80%,20,0)))');
  await expect(band.getByTestId('kaohe-formula')).toHaveText('IF([完成率]>=100%,40,IF([完成率]>=90%,30,IF([完成率]>=80%,20,0)))');
  await expect(review.getByRole('row', { name: /^投诉处理/ }).getByTestId('kaohe-formula')).toHaveText('MAX(0,30-10*[有效投诉次数])');
  await expect(review.getByRole('row', { name: /^总分/ }).getByTestId('excel-formula')).toHaveText('=M4*参数!$B$2+N4*参数!$B$3');
  await expect(review.getByRole('row', { name: /^总分/ }).getByTestId('kaohe-formula')).toHaveText('[业绩考核]*80%+[行为考核]*20%');
  await next(page).click();

  // The check: everyone in the file, scored by Kaohe, as Excel cached it.
  await expect(stepTitle(page)).toHaveText('第 5 步（共 6 步）：与 Excel 结果核对');
  await expect(page.getByTestId('excel-check-summary')).toContainText('4 人 × 9 项，共比对 36 个值，0 个不同。');
  const check = page.getByTestId('excel-check');
  await expect(check.getByRole('row')).toHaveCount(5);
  await expect(check.getByTestId('excel-difference')).toHaveCount(0);
  // 张三: 业绩 40+30+30 = 100, 行为 50+40 = 90, 总分 100×80% + 90×20% = 98 → 优秀.
  await expect(check.getByRole('row', { name: /^张三/ }).getByRole('cell')).toHaveText(['40', '30', '30', '50', '40', '100', '90', '98', '优秀']);
  await next(page).click();

  // Accept: the only step that stores anything; the editor opens on the new template.
  await expect(stepTitle(page)).toHaveText('第 6 步（共 6 步）：保存模板');
  await expect(page.getByLabel('模板名称')).toHaveValue('客服部绩效考核表');
  await expect(page.getByTestId('excel-save-summary')).toHaveText('2 个分组，5 项指标，5 个输入项，4 个等级。');
  await expect(page.getByRole('button', { name: '接受并保存模板' })).toBeEnabled();
  // From the step's heading, by keyboard: Tab to the name (its text selected), type, Enter accepts.
  await expect(stepTitle(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('模板名称')).toBeFocused();
  await page.keyboard.type('客服部考核表');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('已从 Excel 创建模板“客服部考核表”。');
  await expect(page.getByRole('heading', { name: '客服部考核表', level: 1 })).toBeFocused();
  await page.getByRole('button', { name: /模板列表/ }).click();
  const own = page.getByTestId('own-templates');
  await expect(own.getByTestId('template-card')).toHaveCount(2);
  await expect(own.getByTestId('template-card').filter({ hasText: '客服部考核表' })).toContainText('2 个分组 · 5 项指标');

  // A new person, a period with the new template, and their numbers typed into the grid.
  await page.goto('./#/rate');
  await page.getByLabel('姓名', { exact: true }).fill('钱多多');
  await page.getByLabel('工号', { exact: true }).fill('KF100');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('钱多多');
  await page.getByRole('button', { name: '新建周期' }).click();
  const form = page.getByRole('form', { name: '新建考核周期' });
  await form.getByLabel('模板').selectOption({ label: '客服部考核表（第 1 版）' });
  await form.getByLabel('周期', { exact: true }).fill('2026年6月');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page.getByTestId('notice')).toContainText('已创建周期 2026年6月');
  const grid = page.getByTestId('rate-grid');
  const row = grid.getByRole('row').filter({ has: page.locator('[data-col="employeeNo"]', { hasText: 'KF100' }) });
  await row.locator('[data-col="status"]').click();
  // 完成率 95% → 30; 满意度 85 → 20; 投诉 1 → 20; 服务态度 4 → 40; 团队协作 5 → 50.
  for (const value of ['95%', '85', '1', '4', '5']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Tab');
  // Worked by hand: 业绩 30 + 20 + 20 = 70, 行为 40 + 50 = 90; 70 × 80% + 90 × 20% = 74 → 合格.
  await expect(row.locator('[data-col="total"]')).toHaveText('74');
  await expect(row.locator('[data-col="grade"]')).toHaveText('合格');
});

test('a file that is not a workbook is refused; macros are reported, never run; a typed-over total is found; cancel stores nothing', async ({ page }) => {
  await openWizard(page);
  const input = page.getByTestId('excel-file');
  await input.setInputFiles({ name: '名单.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from('姓名,工号\n张三,E001\n') });
  await expect(page.getByTestId('excel-failure')).toHaveText('“名单.xlsx”不是 Excel 工作簿。请选择 Excel 或 WPS 保存的 .xlsx、.xls 或 .xlsm 文件。');
  await expect(page.getByTestId('excel-failure')).toBeFocused();
  await expect(next(page)).toBeDisabled();

  const book = buildBook(SCORECARD);
  // Someone typed over 李四's total (30+20+20 = 70, 30+40 = 70 → 70): Excel keeps 71.
  const typedOver = book.Sheets[SCORECARD_SHEET]?.['O5'];
  if (typedOver) typedOver.v = 71;
  // A VBA project as Excel stores it in an .xlsm (its content is never run, only noticed).
  book.vbaraw = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  const xlsm = XLSX.write(book, { type: 'buffer', bookType: 'xlsm', bookVBA: true }) as Buffer;
  await input.setInputFiles({ name: '考核.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: xlsm });
  await expect(page.getByTestId('excel-failure')).toHaveCount(0);
  await expect(page.getByTestId('excel-findings')).toHaveText('文件 考核.xlsm 含有宏：已忽略，不会运行');
  await next(page).click();
  await next(page).click();
  await expect(stepTitle(page)).toHaveText('第 3 步（共 6 步）：核对各列的作用');
  await next(page).click();
  await expect(page.getByTestId('excel-build-issues')).toContainText('文件 考核.xlsm 含有宏：已忽略，不会运行');
  await next(page).click();

  // The check finds the typed-over total, marks the cell and names it.
  await expect(page.getByTestId('excel-check-summary')).toContainText('4 人 × 9 项，共比对 36 个值，1 个不同。');
  await expect(page.getByTestId('excel-check').getByTestId('excel-difference')).toHaveText('Kaohe 70 Excel 71');
  await expect(page.getByTestId('excel-differences')).toHaveText("李四 的“总分”（'2026年5月考核'!O5）：Kaohe 算得 70，Excel 为 71");

  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('notice')).toContainText('已取消从 Excel 新建，未保存任何内容。');
  await expect(page.getByTestId('own-templates').getByTestId('template-card')).toHaveCount(1);
  await expect(wizard(page)).toHaveCount(0);
});

test('no file at hand: the sample workbook; a wrong layout is not a dead end; a file dropped on the zone opens', async ({ page }) => {
  await openWizard(page);
  // The file zone speaks the page's language, not the browser's ("Choose file / No file chosen").
  const zone = page.locator('.file-drop');
  await expect(zone).toContainText('把文件拖到这里，或 选择文件');
  await expect(page.getByTestId('excel-file-chosen')).toHaveText('尚未选择文件');
  await page.getByTestId('language-select').selectOption('en');
  await expect(zone).toContainText('Drop a file here, or choose a file');
  await expect(page.getByTestId('excel-file-chosen')).toHaveText('No file chosen yet');
  await page.getByTestId('language-select').selectOption('zh-CN');

  // The sample: one row per person, five people, and Kaohe agrees with every cached value.
  await page.getByTestId('excel-sample').click();
  await expect(page.getByTestId('excel-file-summary')).toContainText('示例-客服月度考核表.xlsx：1 个工作表');
  await next(page).click();
  await next(page).click();
  const summary = page.getByTestId('excel-mapping-summary');
  await expect(summary).toContainText('每人一行，表头在第 2 行');
  await expect(summary).toContainText('找到 5 人：王芳、李娜、张伟、刘洋、陈静');
  // A wrong choice (the form layout) reads the sheet again and says what it found; choosing back
  // gives the five people again.
  const layout = page.getByRole('group', { name: '表格的布局' });
  await layout.getByRole('radio', { name: '每人一张表（在同一工作表上）' }).check();
  await expect(summary).toContainText('每人一张表（在同一工作表上），表头在第 2 行');
  await layout.getByRole('radio', { name: '每人一行' }).check();
  await expect(page.getByTestId('excel-header-row').locator('option').nth(2)).toHaveText(/^第 3 行：王芳 \| KF001 \|/);
  await page.getByTestId('excel-header-row').selectOption({ index: 2 });
  await expect(summary).toContainText('每人一行，表头在第 3 行');
  await expect(summary).toContainText('找到 4 人');
  await page.getByTestId('excel-header-row').selectOption({ index: 1 });
  await expect(summary).toContainText('找到 5 人：王芳、李娜、张伟、刘洋、陈静');
  await next(page).click();
  await expect(page.getByTestId('excel-review-summary')).toHaveText('4 项指标：4 项识别为无代码规则，0 项保留为公式，0 项无法翻译（按 Excel 中的分数直接录入）。');
  await next(page).click();
  await expect(page.getByTestId('excel-check-summary')).toContainText('0 个不同');

  // Back to the first step; a team sheet dropped on the zone (header on row 1, teams as columns).
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '← 上一步' }).click();
  await expect(stepTitle(page)).toHaveText('第 1 步（共 6 步）：选择文件');
  const teams = buildBook({
    团队考核: {
      rows: [
        ['考核项目', '评分标准', '分值', '客服一组', '客服二组'],
        ['接通率', '≥95%得满分', '40分', 36, null],
        ['满意度', '≥90分得满分', '60分', 54, null],
        ['合计', null, null, '=SUM(D2:D3)', '=SUM(E2:E3)'],
      ],
    },
  });
  const bytes = [...new Uint8Array(XLSX.write(teams, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)];
  const dropped = await page.evaluateHandle(
    ({ data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '团队考核.xlsx', { type }));
      return transfer;
    },
    { data: bytes, type: XLSX_TYPE },
  );
  await zone.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('excel-file-chosen')).toHaveText('已选择：团队考核.xlsx');
  await expect(page.getByTestId('excel-file-summary')).toContainText('团队考核.xlsx：1 个工作表');
  await next(page).click();
  await next(page).click();
  await expect(summary).toContainText('每人一张表（在同一工作表上），表头在第 1 行');
  await expect(summary).toContainText('找到 2 人：客服一组、客服二组');
});
