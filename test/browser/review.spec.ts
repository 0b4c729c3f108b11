// The period's life after the scores, as HR walks one person through it on the example month:
// rated → 面谈 notes → a confirmation sheet filled outside the app (in Excel, here SheetJS) and
// imported → an appeal that changes one value → the period locked. Checked on the way: the status
// column of the rating sheet (filterable), the coefficient and the pay on screen, the review log
// with who and when, the refusal to lock while the appeal is open, and the printed PDF's text.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { expect, openApp, test } from './fixtures';
import { pdfPageTexts } from './pdf-text';
import { EXAMPLE_PEOPLE, exampleEntries, exampleTemplate } from '../../src/store/example';
import { scorePeriod } from '../../src/scoring/index';
import { formatScore } from '../../src/scoring/describe';

/** The example month scored without the app, with 杨磊's (KF006) supervisor 客户满意度得分 set when given. */
function scoreOf(employeeNo: string, satisfaction?: number) {
  const template = exampleTemplate();
  const people = EXAMPLE_PEOPLE.map((p) => ({ id: p.employeeNo, name: p.name, status: p.employeeNo === 'KF011' ? ('temporary' as const) : ('active' as const) }));
  const entries = exampleEntries(template).map((e) => ({
    personId: e.employeeNo,
    key: e.key,
    role: e.role,
    value: satisfaction !== undefined && e.employeeNo === 'KF006' && e.key === 'satisfaction_score' && e.role === 'supervisor' ? satisfaction : e.value,
  }));
  const result = scorePeriod(template, { people, entries }).people.find((p) => p.personId === employeeNo)!;
  const supervisor = entries.find((e) => e.personId === employeeNo && e.key === 'satisfaction_score' && e.role === 'supervisor')!.value;
  return { total: formatScore(result.total, 'zh-CN'), grade: result.grade!, supervisor: String(supervisor) };
}

const COEFFICIENT: Readonly<Record<string, string>> = { 优秀: '1.2', 良好: '1', 合格: '0.8', 不合格: '0' };
const BASE = 6000;
const money = (amount: number) => amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** The employee fills the blue cells of their sheet in Excel and saves it. */
function fillConfirmation(bytes: Buffer, answers: Record<'agree' | 'text' | 'by' | 'date', string>): { bytes: Buffer; row: number } {
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });
  const key = JSON.parse(XLSX.utils.sheet_to_json<string[]>(wb.Sheets._kaohe!, { header: 1 }).map((row) => row[0]).join('')) as { fields: Record<string, string> };
  const ws = wb.Sheets['结果确认']!;
  for (const [field, value] of Object.entries(answers)) ws[key.fields[field]!] = { t: 's', v: value };
  return { bytes: Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer), row: Number(key.fields.agree!.slice(1)) };
}

const peopleRow = (page: Page, name: string) => page.getByTestId('review-people').locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
const gridCell = (page: Page, employeeNo: string, column: string) =>
  page.getByTestId('rate-grid').getByRole('row').filter({ has: page.locator('[data-col="employeeNo"]', { hasText: employeeNo }) }).locator(`[data-col="${column}"]`);

test('one person from the scores to a locked period: talk, confirmation file, appeal, lock, print', async ({ page }) => {
  test.setTimeout(120_000);
  const before = scoreOf('KF006');
  const after = scoreOf('KF006', 90);
  // The appeal moves 杨磊 across a grade edge, so the coefficient and the pay change with it.
  expect([before.grade, after.grade, before.supervisor]).toEqual(['合格', '良好', '74']);
  await openApp(page, '#/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('绩效面谈与确认');
  await expect(page.getByTestId('review-people').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('review-counts')).toHaveText('已评分 11 人');

  // The pay plan: the common coefficients for the template's grades, and everyone's base from a file
  // (a wrong 工号 first: nothing is imported, and the problem says where).
  await page.getByRole('button', { name: '填入常用系数' }).click();
  for (const [grade, coefficient] of Object.entries(COEFFICIENT)) await expect(page.getByLabel(`${grade} 的绩效系数`, { exact: true })).toHaveValue(coefficient);
  await page.getByRole('button', { name: '保存绩效系数' }).click();
  await expect(page.getByTestId('notice')).toContainText('的绩效系数已保存');
  const bases = (extra: string) => Buffer.from(`\ufeff工号,姓名,绩效工资基数\r\n${EXAMPLE_PEOPLE.map((p) => `${p.employeeNo},${p.name},${BASE}`).join('\r\n')}\r\n${extra}`);
  await page.getByTestId('bases-file').setInputFiles({ name: '基数.csv', mimeType: 'text/csv', buffer: bases('KF099,钱多多,5000\r\n') });
  await expect(page.getByTestId('problems')).toContainText('文件 基数.csv，第 14 行，A 列：名单中没有“KF099”。');
  await expect(page.getByLabel('杨磊 的绩效工资基数')).toHaveValue('');
  await page.getByTestId('bases-file').setInputFiles({ name: '基数.csv', mimeType: 'text/csv', buffer: bases('') });
  await expect(page.getByTestId('notice')).toContainText('已导入 12 人的绩效工资基数');
  await expect(page.getByLabel('杨磊 的绩效工资基数')).toHaveValue(String(BASE));
  const yang = peopleRow(page, '杨磊');
  await expect(yang.getByTestId('review-status')).toHaveText('已评分');
  await expect(yang.getByTestId('review-coefficient')).toHaveText('0.8');
  await expect(yang.getByTestId('review-pay')).toHaveText(money(BASE * 0.8));

  // 绩效面谈, recorded by the manager with an improvement plan.
  await page.getByRole('button', { name: '办理 杨磊 的面谈与确认' }).click();
  const person = page.getByTestId('person-review');
  await expect(person.getByRole('heading', { name: '杨磊 的面谈与确认' })).toBeFocused();
  await expect(person.getByTestId('person-summary')).toContainText(before.total);
  const talk = person.getByTestId('talk-form');
  await talk.getByRole('button', { name: '保存面谈记录' }).click();
  await expect(talk.getByRole('alert')).toHaveText('请填写面谈人姓名');
  await talk.getByLabel('面谈人').fill('赵经理');
  await talk.getByLabel('优点').fill('售后问题处理快');
  await talk.getByLabel('待改进').fill('客户满意度偏低');
  await talk.getByLabel('下期目标').fill('客户满意度达到 90 分');
  await talk.getByLabel('改进行动 1').fill('参加客户沟通培训');
  await talk.getByLabel('完成日期 1').fill('2026-12-20');
  await talk.getByRole('button', { name: '保存面谈记录' }).click();
  await expect(page.getByTestId('notice')).toContainText('已保存 杨磊 的面谈记录');
  await expect(person.getByTestId('person-status')).toHaveText('已面谈');
  // The scorecard prints the talk already (and, later, what came after it).
  await person.getByRole('link', { name: '打印评分表' }).click();
  await expect(page.getByTestId('print-review')).toContainText('售后问题处理快');
  await expect(page.getByTestId('print-review')).not.toContainText('员工意见');
  await page.goBack();
  await expect(person.getByTestId('talk-form')).toBeVisible();

  // The confirmation sheet goes out, and comes back filled in Excel: first with a slip (nothing is
  // stored, the problem names the cell), then right.
  await page.getByTestId('confirm-make-one').click();
  await expect(page.getByTestId('confirm-made')).toContainText('结果确认-杨磊.xlsx');
  const sheet = await downloaded(page, () => page.getByTestId('confirm-made').getByRole('button').first().click());
  expect(sheet.name).toMatch(/^客户考核评分表\(月度\)-\d{4}-\d{2}-结果确认-杨磊\.xlsx$/);
  const slip = fillConfirmation(sheet.bytes, { agree: '可以', text: '', by: '杨磊', date: '2026-12-05' });
  await page.getByTestId('confirm-files').setInputFiles({ name: '杨磊-确认.xlsx', mimeType: 'application/octet-stream', buffer: slip.bytes });
  await expect(page.getByTestId('confirm-refused')).toBeVisible();
  await expect(page.getByTestId('problems')).toContainText(`文件 杨磊-确认.xlsx，工作表 结果确认，第 ${slip.row} 行，B 列（员工意见）：员工意见应为“同意”或“不同意”，实际为“可以”。`);
  await expect(person.getByTestId('person-status')).toHaveText('已面谈');
  const filled = fillConfirmation(sheet.bytes, { agree: '不同意', text: '回访记录中客户满意度为 90 分', by: '杨磊', date: '2026-12-05' });
  await page.getByTestId('confirm-files').setInputFiles({ name: '杨磊-确认.xlsx', mimeType: 'application/octet-stream', buffer: filled.bytes });
  await expect(page.getByTestId('notice')).toContainText('已导入 1 份确认表');
  await expect(person.getByTestId('person-status')).toHaveText('有异议');
  await expect(person.getByTestId('opinion-recorded')).toContainText('不同意');
  await expect(person.getByTestId('opinion-recorded')).toContainText('回访记录中客户满意度为 90 分');
  await expect(person.getByTestId('opinion-recorded')).toContainText('来自确认表 杨磊-确认.xlsx');

  // 申诉 against one indicator.
  const appealForm = person.getByTestId('appeal-form');
  await appealForm.getByLabel('申诉对象').selectOption({ label: '客户满意度' });
  await appealForm.getByLabel('申诉理由').fill('回访记录中客户满意度为 90 分，评分表记为 74 分');
  await expect(appealForm.getByLabel('申诉人')).toHaveValue('杨磊');
  await appealForm.getByRole('button', { name: '提交申诉' }).click();
  await expect(page.getByTestId('notice')).toContainText('已受理 杨磊 对“客户满意度”的申诉');
  await expect(person.getByTestId('person-status')).toHaveText('申诉中');

  // The rating sheet shows where everyone stands; the period cannot be locked while the appeal is open.
  await page.getByRole('link', { name: '评分', exact: true }).click();
  await expect(gridCell(page, 'KF006', 'review')).toHaveText('申诉中');
  await expect(gridCell(page, 'KF006', 'coefficient')).toHaveText('0.8');
  await expect(gridCell(page, 'KF006', 'pay')).toHaveText(money(BASE * 0.8));
  await expect(gridCell(page, 'KF001', 'review')).toHaveText('已评分');
  await expect(gridCell(page, 'KF011', 'review')).toHaveText('不参与考核');
  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('notice')).toHaveText(/还有未处理的申诉，周期不能锁定/);
  await expect(page.getByTestId('lock-toggle')).toHaveAttribute('aria-pressed', 'false');

  // HR upholds the appeal: the supervisor's value is corrected, through the audited path.
  await page.getByRole('link', { name: '面谈', exact: true }).click();
  await page.getByRole('button', { name: '办理 杨磊 的面谈与确认' }).click();
  const appeal = person.getByTestId('appeal');
  await expect(appeal).toContainText('申诉 1：客户满意度');
  await appeal.getByLabel('申诉成立，修改分值').check();
  const corrected = appeal.getByLabel('客户满意度得分（上级） 改为');
  await expect(corrected).toHaveValue(before.supervisor);
  await corrected.fill('90');
  await appeal.getByLabel('处理说明').fill('核对回访记录，上级评分更正为 90 分');
  await appeal.getByLabel('处理人').fill('人事 孙悦');
  await appeal.getByRole('button', { name: '保存处理结果' }).click();
  await expect(page.getByTestId('notice')).toContainText('杨磊 的申诉已处理：修改了 1 个值');
  await expect(person.getByTestId('person-status')).toHaveText('已结案');
  await expect(person.getByTestId('person-summary')).toContainText(after.total);
  await expect(person.getByTestId('person-coefficient')).toHaveText('1');
  await expect(person.getByTestId('person-pay')).toHaveText(money(BASE));

  // Every step in the log, with who, the status it moved and what it recorded.
  const log = person.getByTestId('review-log').locator('tbody tr');
  await expect(log).toHaveCount(4);
  await expect(log.nth(0)).toContainText('绩效面谈赵经理已评分 → 已面谈');
  await expect(log.nth(0)).toContainText('改进计划：参加客户沟通培训（2026-12-20 前）');
  await expect(log.nth(1)).toContainText('员工意见杨磊已面谈 → 有异议');
  await expect(log.nth(1)).toContainText('（来自确认表 杨磊-确认.xlsx）');
  await expect(log.nth(2)).toContainText('提出申诉杨磊有异议 → 申诉中');
  await expect(log.nth(3)).toContainText('处理申诉人事 孙悦申诉中 → 已结案');
  await expect(log.nth(3)).toContainText(`客户满意度得分（上级） ${before.supervisor} → 90`);

  // Now the period locks; the sheet shows the settled value, the new total, status and pay.
  await page.getByRole('link', { name: '评分', exact: true }).click();
  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('lock-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(gridCell(page, 'KF006', 'total')).toHaveText(after.total);
  await expect(gridCell(page, 'KF006', 'review')).toHaveText('已结案');
  await expect(gridCell(page, 'KF006', 'coefficient')).toHaveText('1');
  await expect(gridCell(page, 'KF006', 'pay')).toHaveText(money(BASE));
  // The status column filters like any other.
  await page.getByTestId('rate-grid').getByRole('button', { name: '流程状态：排序和筛选' }).click();
  await page.getByLabel('筛选', { exact: true }).fill('已结案');
  await page.getByLabel('筛选', { exact: true }).press('Enter');
  await expect(page.getByTestId('rate-grid').getByRole('row').filter({ has: page.locator('[role=gridcell][data-col="employeeNo"]') })).toHaveCount(1);
  await expect(gridCell(page, 'KF006', 'name')).toHaveText('杨磊');
  // A click on the status shows the steps with who and when.
  await gridCell(page, 'KF006', 'review').click();
  await expect(page.getByRole('dialog')).toContainText('处理申诉：申诉中 → 已结案（人事 孙悦');

  // The printed scorecard: the talk, the opinion, the appeal and the final coefficient with the pay.
  await page.getByRole('link', { name: '面谈', exact: true }).click();
  await page.getByRole('button', { name: '办理 杨磊 的面谈与确认' }).click();
  await person.getByRole('link', { name: '打印评分表' }).click();
  await expect(page.locator('.print-page')).toHaveCount(1);
  await expect(page.getByTestId('print-pay')).toBeVisible();
  // Compared without white space: Chromium puts a bold label and the text after it in separate runs.
  const pages = pdfPageTexts(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages).toHaveLength(1);
  const text = pages[0]!.normalize('NFKC').replace(/\s+/g, '');
  for (const expected of [
    '姓名 杨磊',
    `总分 ${after.total}`,
    '绩效面谈记录(赵经理,',
    '优点 售后问题处理快',
    '待改进 客户满意度偏低',
    '改进计划 参加客户沟通培训(2026-12-20 前)',
    '员工意见:不同意:回访记录中客户满意度为 90 分(杨磊,',
    '申诉(客户满意度):',
    '申诉成立,修改了 1 个值:核对回访记录,上级评分更正为 90 分',
    '绩效系数:1(最终等级 良好)',
    `绩效工资 ${money(BASE)}`,
    // Still one A4 page, signature lines included.
    '被考核人签字',
  ]) {
    expect(text, expected).toContain(expected.replace(/\s+/g, ''));
  }
});

test('the dashboard checks the team\'s pay against the bonus pool, in either language', async ({ page }) => {
  await openApp(page, '#/review');
  await expect(page.getByTestId('review-people').locator('tbody tr')).toHaveCount(12);
  await page.getByRole('button', { name: '填入常用系数' }).click();
  await page.getByRole('button', { name: '保存绩效系数' }).click();
  await expect(page.getByTestId('notice')).toContainText('的绩效系数已保存');
  // Typed bases for 客服一组 (王芳 … 杨磊); 王芳 left without one.
  const bases: Record<string, number> = { 李娜: 6000, 张伟: 5000, 刘洋: 5500, 陈静: 5000, 杨磊: 6000 };
  for (const [name, amount] of Object.entries(bases)) {
    await page.getByLabel(`${name} 的绩效工资基数`).fill(String(amount));
    await page.getByLabel(`${name} 的绩效工资基数`).press('Tab');
  }
  await expect(peopleRow(page, '杨磊').getByTestId('review-pay')).toHaveText(money(4800));

  // The team's total is the sum of base × the coefficient of each one's grade.
  const coefficients: Record<string, number> = { 优秀: 1.2, 良好: 1, 合格: 0.8, 不合格: 0 };
  const byName = new Map(EXAMPLE_PEOPLE.map((p) => [p.name, p.employeeNo]));
  const total = Object.entries(bases).reduce((sum, [name, amount]) => sum + Math.round(amount * coefficients[scoreOf(byName.get(name)!).grade]! * 100) / 100, 0);
  await openApp(page, '#/dashboard');
  await page.getByTestId('team-select').selectOption({ label: '客服一组' });
  const budget = page.getByTestId('budget');
  await expect(budget.getByTestId('budget-total')).toHaveText(money(total));
  await expect(budget.getByTestId('budget-verdict')).toHaveText('未设奖金池：填写后可核对是否超出预算。');
  await expect(budget.getByTestId('budget-missing')).toHaveText('1 人缺少绩效工资基数、0 人的等级没有绩效系数，未计入合计。');
  await budget.getByLabel('奖金池（客服一组）').fill(String(total - 100));
  await budget.getByRole('button', { name: '保存奖金池' }).click();
  await expect(budget.getByTestId('budget-verdict')).toHaveText(`超出预算 ${money(100)}（合计为奖金池的 ${((total / (total - 100)) * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%）`);
  await budget.getByLabel('奖金池（客服一组）').fill('20000');
  await budget.getByRole('button', { name: '保存奖金池' }).click();
  await expect(budget.getByTestId('budget-verdict')).toHaveText(new RegExp(`^在预算内，余 ${money(20000 - total).replace('.', '\\.')}`));

  await page.getByTestId('language-select').selectOption('en');
  await expect(budget.getByRole('heading', { name: 'Performance pay against the budget' })).toBeVisible();
  await expect(budget.getByTestId('budget-verdict')).toHaveText(new RegExp(`^Within budget, ${money(20000 - total).replace('.', '\\.')} left`));
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review talks and confirmation');
  await expect(peopleRow(page, '杨磊').getByTestId('review-status')).toHaveText('Rated');
});
