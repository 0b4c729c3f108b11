// The template studio as HR uses it: duplicate a seed table, change a band and the weights and
// watch the preview follow (worked by hand); break the weights and see the warning; edit the
// example's template (a period uses it → version 2); export, delete, import and find it the same;
// and the main path with the keyboard alone.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/** Press Tab until `target` has focus (a person tabbing through the page), at most `limit` times. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 120 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

/** 样例1's values, chosen so every rule of 客户考核评分表(月度) is exercised. */
async function fillSample(page: Page): Promise<void> {
  const cell = (input: string) => page.getByTestId('sample-table').getByLabel(`样例1 · ${input}`, { exact: true });
  await cell('完成率').fill('92');
  await cell('信息利用率').fill('88');
  await cell('转介绍新客户数').fill('2');
  await cell('回访完成率').fill('95');
  await cell('客户满意度得分').fill('86');
  await cell('投诉2小时内未响应').check();
  await cell('投诉3个工作日内未解决').uncheck();
  await cell('投诉解决率未达100%').uncheck();
  await cell('流失孤儿客户数').fill('0');
  await cell('以客户为中心等级').selectOption('4');
  await cell('服务细致等级').selectOption('4');
  await cell('指挥等级').selectOption('3');
  await cell('承担责任等级').selectOption('5');
  await cell('职业化等级').selectOption('4');
}

const firstRow = (page: Page) => page.getByTestId('preview-results').getByRole('row').nth(1);

test('duplicate a seed table, change a band and the weights, see the preview follow; break the weights', async ({ page }) => {
  await openApp(page, '#/templates');
  await page.getByRole('button', { name: '复制并编辑“客户考核评分表(月度)”' }).click();
  await expect(page.getByRole('heading', { name: '客户考核评分表(月度) 副本', level: 1 })).toBeVisible();
  await fillSample(page);
  // Worked by hand: 业绩 = 20 + 10 + 10 + 5 + 10 + (30−10)/30×10 + 10 = 71.667 (weighted, /max × weight);
  // 行为 = 16 + 16 + 12 + 20 + 16 = 80; total = 71.667 × 80% + 80 × 20% = 73.33 → 良好.
  await expect(firstRow(page).getByTestId('preview-total')).toHaveText('73.33');
  await expect(firstRow(page)).toContainText('良好');

  // One band threshold: 客户满意度 "≥85 → 10" becomes "≥87 → 10"; 86 now falls to 0 points.
  await page.getByRole('navigation', { name: '模板结构' }).getByRole('button', { name: /^客户满意度/ }).click();
  const satisfaction = firstRow(page).getByRole('cell').nth(0);
  await expect(satisfaction).toHaveText('10');
  await expect(satisfaction).toHaveAttribute('title', '86 在区间 ≥85 且 <90 (85–90) → 10 分\n自评 10 × 30% + 上级 10 × 70% = 10');
  await page.getByRole('textbox', { name: '区间 2 下限' }).fill('87');
  await expect(satisfaction).toHaveText('0');
  await expect(satisfaction).toHaveAttribute('title', '86 不在任何区间 → 0\n自评 0 × 30% + 上级 0 × 70% = 0');
  // 业绩 = 71.667 − 10 = 61.667; total = 61.667 × 80% + 16 = 65.33.
  await expect(firstRow(page).getByTestId('preview-total')).toHaveText('65.33');

  // The weights: 业绩 80% → 70%, 行为 20% → 30%: 61.667 × 70% + 80 × 30% = 67.17.
  await page.getByRole('button', { name: /^总分与等级/ }).click();
  await page.getByRole('textbox', { name: '分组“业绩考核”的权重' }).fill('70');
  await expect(page.getByTestId('total-weight-sum')).toHaveText('90% ⚠');
  await expect(page.getByText('各分组权重合计为 90%，不是 100%。')).toBeVisible();
  await page.getByRole('textbox', { name: '分组“行为考核”的权重' }).fill('30');
  await expect(page.getByTestId('total-weight-sum')).toHaveText('100%');
  await expect(page.getByText('各分组权重合计为 90%，不是 100%。')).toHaveCount(0);
  await expect(firstRow(page).getByTestId('preview-total')).toHaveText('67.17');
  await expect(firstRow(page)).toContainText('合格');

  // Break the indicator weights of 业绩考核: 客户满意度 20% → 35% adds up to 115%.
  await page.getByRole('navigation', { name: '模板结构' }).getByRole('button', { name: /^业绩考核/ }).click();
  await page.getByRole('textbox', { name: '“客户满意度”的权重' }).fill('35');
  await expect(page.getByTestId('section-weight-sum')).toHaveText('115% ⚠');
  await expect(page.getByText('分组“业绩考核”的指标权重合计为 115%，不是 100%。')).toBeVisible();
  await expect(page.getByTestId('warning-count')).toHaveText('1 个提醒');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('section-weight-sum')).toHaveText('100%');

  // Save: the change note says what changed; nothing rates with the copy, so v1 is updated.
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: '保存模板' });
  await expect(dialog.getByRole('textbox', { name: '修改说明' })).toHaveValue('“业绩考核”权重 80% → 70%；修改“客户满意度”的评分规则；“行为考核”权重 20% → 30%');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('已保存');
  await expect(page.locator('.studio-bar .version')).toHaveText('v1');

  // How long rescoring 200 sample people takes after a keystroke (reported, not asserted).
  await page.getByRole('spinbutton', { name: '样例人数' }).fill('200');
  await page.getByRole('spinbutton', { name: '样例人数' }).press('Enter');
  await expect(page.getByTestId('preview-results').getByRole('row')).toHaveCount(201);
  const durations: number[] = [];
  await page.getByRole('navigation', { name: '模板结构' }).getByRole('button', { name: /^客户满意度/ }).click();
  const from = page.getByRole('textbox', { name: '区间 2 下限' });
  const clear = () => page.evaluate(() => performance.clearMeasures('kaohe:preview'));
  const measured = async () => {
    await page.waitForFunction(() => performance.getEntriesByName('kaohe:preview').length > 0);
    return page.evaluate(() => performance.getEntriesByName('kaohe:preview').at(-1)?.duration ?? Number.NaN);
  };
  for (const value of ['88', '86', '87', '85', '89', '84', '87', '86', '85', '87']) {
    await clear();
    await from.fill(value.slice(0, 1));
    await measured();
    await clear();
    await from.press(value.slice(1));
    durations.push(await measured());
    await expect(from).toHaveValue(value);
    await expect(page.getByTestId('preview-timing')).toContainText('200 人');
  }
  durations.sort((a, b) => a - b);
  console.log(`studio preview: rescoring 200 sample people after a keystroke: median ${durations[5]!.toFixed(1)} ms, worst ${durations.at(-1)!.toFixed(1)} ms`);
});

test('switching a rule offers to remove the inputs nothing reads any more', async ({ page }) => {
  await openApp(page, '#/templates');
  await page.getByRole('button', { name: '复制并编辑“服务员考核评分表”' }).click();
  const outline = page.getByRole('navigation', { name: '模板结构' });
  await expect(outline.getByRole('button', { name: /^输入与派生输入/ })).toContainText('2');
  // 出勤率 from 比率 (实际出勤天数 ÷ 应出勤天数) to 直接打分: both inputs are now read by nothing.
  await outline.getByRole('button', { name: /^出勤率/ }).click();
  await page.getByLabel('规则类型').selectOption({ label: '直接打分' });
  const offer = page.getByTestId('inputs-left-behind');
  await expect(offer).toContainText('换了规则后，输入项 “实际出勤天数”、“应出勤天数” 不再被任何指标使用');
  await offer.getByRole('button', { name: '删除这 2 个输入项' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已删除不再使用的输入项：实际出勤天数、应出勤天数' })).toHaveCount(1);
  await expect(outline.getByRole('button', { name: /^输入与派生输入/ })).toContainText('0');
  // Undo brings both back (one step).
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(outline.getByRole('button', { name: /^输入与派生输入/ })).toContainText('2');
});

test('edit the example template (a period uses it → v2); export, delete with undo, import, find it identical; bad files store nothing', async ({ page, consoleGuard }) => {
  void consoleGuard;
  await openApp(page, '#/templates');
  const own = page.getByTestId('own-templates');
  await expect(own.getByTestId('template-card')).toHaveCount(1);
  await own.getByRole('button', { name: '编辑“客户考核评分表(月度)”' }).click();
  await page.getByRole('navigation', { name: '模板结构' }).getByRole('button', { name: /^客户转介绍数/ }).click();
  await page.getByRole('textbox', { name: '指标名称' }).fill('转介绍');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '保存模板' });
  await expect(dialog).toContainText('已有考核期使用当前版本，保存将生成新版本 v2');
  await expect(dialog.getByRole('textbox', { name: '修改说明' })).toHaveValue('指标“客户转介绍数”改名为“转介绍”');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.studio-bar .version')).toHaveText('v2');
  await page.getByRole('button', { name: /模板列表/ }).click();
  await own.getByRole('button', { name: '“客户考核评分表(月度)”的版本' }).click();
  await expect(page.getByTestId('versions').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('versions').getByRole('listitem').first()).toContainText('指标“客户转介绍数”改名为“转介绍”');

  // Export, then read the downloaded file.
  const downloading = page.waitForEvent('download');
  await own.getByRole('button', { name: '导出“客户考核评分表(月度)”' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('客户考核评分表(月度).kaohe-template.json');
  const exported = await readFile((await download.path())!, 'utf8');
  const original = JSON.parse(exported) as { format: string; version: number; template: Record<string, unknown> };
  expect(original.format).toBe('kaohe-template');
  expect(original.version).toBe(1);
  expect(original.template.version).toBe(2);

  // Delete, undo, delete again.
  await own.getByRole('button', { name: '删除“客户考核评分表(月度)”' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('已删除“客户考核评分表(月度)”。');
  await expect(page.getByText('还没有自己的模板')).toBeVisible();
  await page.getByRole('button', { name: '撤销删除' }).click();
  await expect(own.getByTestId('template-card')).toHaveCount(1);
  await own.getByRole('button', { name: '删除“客户考核评分表(月度)”' }).click();
  await expect(page.getByText('还没有自己的模板')).toBeVisible();

  // Broken files: each explains itself and stores nothing.
  const fileInput = page.getByLabel('选择模板文件');
  const broken = exported.replace('"kind": "bands"', '"kind": "wheel"');
  await fileInput.setInputFiles({ name: 'broken.kaohe-template.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.getByTestId('import-problems')).toContainText('未能导入“broken.kaohe-template.json”');
  await expect(page.getByTestId('import-problems')).toContainText('template.sections[0].indicators[0].rule.kind：应为');
  await expect(page.getByTestId('import-problems')).toContainText('实际为 "wheel"');
  const newer = exported.replace('"version": 1,', '"version": 2,');
  await fileInput.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(page.getByTestId('import-problems')).toContainText('文件“newer.json”由更新版本的 Kaohe 生成（文件格式版本 2），本应用最多能读取版本 1');
  await expect(page.getByText('还没有自己的模板')).toBeVisible();

  // The good file comes back identical (a fresh id; the version count starts again at 1).
  await fileInput.setInputFiles({ name: 'good.kaohe-template.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  await expect(own.getByTestId('template-card')).toHaveCount(1);
  const again = page.waitForEvent('download');
  await own.getByRole('button', { name: '导出“客户考核评分表(月度)”' }).click();
  const reimported = JSON.parse(await readFile((await (await again).path())!, 'utf8')) as typeof original;
  const withoutIdentity = ({ id: _id, version: _version, ...rest }: Record<string, unknown>) => rest;
  expect(withoutIdentity(reimported.template)).toEqual(withoutIdentity(original.template));
  expect(JSON.stringify(withoutIdentity(reimported.template))).toBe(JSON.stringify(withoutIdentity(original.template)));
});

test('the main path with the keyboard alone', async ({ page }) => {
  await openApp(page, '#/templates');
  await tabTo(page, page.getByRole('button', { name: '复制并编辑“客户考核评分表(月度)”' }));
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: '客户考核评分表(月度) 副本', level: 1 });
  await expect(heading).toBeFocused();

  // Into the outline, move 客户信息掌控率 down with Alt+↓, hear where it went.
  const outline = page.getByRole('navigation', { name: '模板结构' });
  const item = outline.getByRole('button', { name: /^客户信息掌控率/ });
  await tabTo(page, item);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('studio-announce')).toHaveText('“客户信息掌控率”已移到“业绩考核”第 3 位（共 7 项）。');
  await expect(item).toBeFocused();
  await expect(outline.locator('[data-indicator]').nth(2)).toHaveText(/^客户信息掌控率/);

  // Open it with Enter and change its weight by typing.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '指标：客户信息掌控率' })).toBeVisible();
  const weight = page.getByRole('textbox', { name: '权重', exact: true });
  await tabTo(page, weight);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('25');
  await expect(outline.getByRole('button', { name: /^客户信息掌控率/ })).toContainText('25%');
  await expect(page.getByText('分组“业绩考核”的指标权重合计为 105%，不是 100%。')).toBeVisible();

  // Undo with Ctrl+Z, save with Ctrl+S, confirm with Tab and Enter.
  await page.keyboard.press('Control+z');
  await expect(outline.getByRole('button', { name: /^客户信息掌控率/ })).toContainText('20%');
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: '保存模板' });
  await expect(dialog.getByRole('textbox', { name: '修改说明' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: '修改说明' })).toHaveValue('调整指标“客户信息掌控率”的位置');
  await tabTo(page, dialog.getByRole('button', { name: '保存' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('已保存');
  await expect(page.getByTestId('notice')).toContainText('模板已保存。');

  // Back to the list: the copy is there.
  await tabTo(page, page.getByRole('button', { name: /模板列表/ }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('own-templates')).toContainText('客户考核评分表(月度) 副本');
});
