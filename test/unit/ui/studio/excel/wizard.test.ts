// The wizard's steps against the real worker jobs (called in-process): file → sheet → mapping →
// review → check → save; a correction rebuilds, a restarted worker gets the file again, a file
// that is not a workbook stops at the first step, and the watchdog's timeout is shown.
import { describe, expect, it } from 'vitest';
import { IoFailure, type IoClient } from '../../../../../src/io/client';
import { JOBS } from '../../../../../src/io/jobs';
import { closeExcel } from '../../../../../src/io/excel-jobs';
import { fileProblem } from '../../../../../src/io/problems';
import { ExcelWizard, likelyPeriodKind, likelySheet, proposedName } from '../../../../../src/ui/studio/excel/wizard.svelte';
import { SCORECARD_SHEET, scorecardBytes } from '../../../io/excel-template/scorecard-workbook';
import { buildBook, xlsxBytes } from '../../../io/excel-template/workbooks';
import { exportScoresXlsx } from '../../../../../src/io/export-xlsx';
import { customerMonthly } from '../../../../../src/scoring/builtins/index';
import { periodFixture } from '../../../io/period-fixture';

type Run = IoClient['run'];

function client(before?: (job: string) => void): { run: Run; jobs: string[] } {
  const jobs: string[] = [];
  const run = (async (job: keyof typeof JOBS, payload: never) => {
    jobs.push(job);
    before?.(job);
    const handler = JOBS[job] as (payload: unknown) => unknown;
    return handler(payload);
  }) as Run;
  return { run, jobs };
}

const file = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer });

async function throughMapping(wizard: ExcelWizard): Promise<void> {
  await wizard.chooseFile(file('客服部考核.xlsx', scorecardBytes()));
  await wizard.next();
  wizard.chooseSheet(SCORECARD_SHEET);
  await wizard.next();
}

describe('the wizard, step by step', () => {
  it('goes from the file to the saved template, proposing the largest visible sheet and the title as name', async () => {
    const wizard = new ExcelWizard(client());
    expect(wizard.canNext).toBe(false);
    await wizard.chooseFile(file('客服部考核.xlsx', scorecardBytes()));
    expect(wizard.opened?.sheets).toHaveLength(3);
    expect(wizard.sheet).toBe(SCORECARD_SHEET);
    await wizard.next();
    expect(wizard.step).toBe('sheet');
    await wizard.next();
    expect(wizard.step).toBe('mapping');
    expect(wizard.name).toBe('客服部绩效考核表');
    expect(wizard.problems).toEqual([]);
    await wizard.next();
    expect(wizard.step).toBe('review');
    expect(wizard.built?.comparison.differing).toBe(0);
    await wizard.next();
    expect(wizard.step).toBe('check');
    await wizard.next();
    expect(wizard.step).toBe('save');
    expect(wizard.canAccept).toBe(true);
    wizard.name = '  客服部 2026  ';
    wizard.periodKind = 'quarter';
    expect(wizard.templateToSave()).toMatchObject({ id: '', name: '客服部 2026', periodKind: 'quarter' });
    wizard.name = ' ';
    expect(wizard.canAccept).toBe(false);
    expect(wizard.templateToSave()).toBeUndefined();
  });

  it('cancel before any file starts no worker', () => {
    const fake = client();
    new ExcelWizard(fake).close();
    expect(fake.jobs).toEqual([]);
  });

  it('a correction rebuilds; going back and on without one does not', async () => {
    const fake = client();
    const wizard = new ExcelWizard(fake);
    await throughMapping(wizard);
    await wizard.next();
    wizard.back();
    expect(wizard.step).toBe('mapping');
    await wizard.next();
    expect(fake.jobs.filter((job) => job === 'excelBuild')).toHaveLength(1);
    wizard.back();
    wizard.edit('E', { kind: 'name', name: '有效投诉' });
    await wizard.next();
    expect(fake.jobs.filter((job) => job === 'excelBuild')).toHaveLength(2);
    expect(wizard.built?.review.find((item) => item.name === '投诉处理')?.kaohe).toBe('MAX(0,30-10*[有效投诉])');
  });

  it('a mapping with problems does not go on', async () => {
    const wizard = new ExcelWizard(client());
    await throughMapping(wizard);
    wizard.edit('C', { kind: 'name', name: '投诉次数' });
    expect(wizard.canNext).toBe(false);
    await wizard.next();
    expect(wizard.step).toBe('mapping');
  });

  it('sends the file again when the worker was restarted between steps', async () => {
    const fake = client((job) => {
      // The watchdog restarted the worker: it no longer holds the workbook.
      if (job === 'excelAnalyze' && fake.jobs.filter((j) => j === 'excelAnalyze').length === 1) closeExcel();
    });
    const wizard = new ExcelWizard(fake);
    await throughMapping(wizard);
    expect(wizard.step).toBe('mapping');
    expect(fake.jobs).toEqual(['excelOpen', 'excelAnalyze', 'excelOpen', 'excelAnalyze']);
  });

  it('a file that is not a workbook stays at the first step with the reason', async () => {
    const wizard = new ExcelWizard(client());
    await wizard.chooseFile(file('名单.xlsx', new TextEncoder().encode('姓名,工号\n张三,E001\n')));
    expect(wizard.failure).toEqual({ kind: 'refusal', during: 'open', file: '名单.xlsx', sheet: '', refusal: { kind: 'notWorkbook', file: '名单.xlsx' } });
    expect(wizard.canNext).toBe(false);
  });

  it('shows the watchdog\'s timeout instead of waiting forever', async () => {
    const timedOut = { run: (async () => Promise.reject(new IoFailure(fileProblem('timeout', '大.xlsx', { seconds: 60 })))) as Run };
    const wizard = new ExcelWizard(timedOut);
    await wizard.chooseFile(file('大.xlsx', new Uint8Array([1, 2, 3])));
    expect(wizard.failure).toEqual({ kind: 'io', problem: { code: 'timeout', severity: 'error', file: '大.xlsx', params: { seconds: 60 } } });
    expect(wizard.work).toBeUndefined();
  });
});

describe('the layout and header row are the person\'s to choose', () => {
  // Header on row 1, teams as columns, only the first team rated: the first formulas are far down.
  const TEAMS = xlsxBytes(
    buildBook({
      团队考核: {
        rows: [
          ['考核项目', '评分标准', '分值', '客服一组', '客服二组'],
          ['接通率', '≥95%得满分', '20分', 18, null],
          ['满意度', '≥90分得满分', '30分', 27, null],
          ['投诉处理', '每次投诉扣5分', '50分', 45, null],
          ['合计', null, null, '=SUM(D2:D4)', '=SUM(E2:E4)'],
        ],
      },
    }),
  );

  it('a wrong layout finds nobody and says so; choosing the form and row 1 again finds the teams, on the same step', async () => {
    const wizard = new ExcelWizard(client());
    await wizard.chooseFile(file('团队.xlsx', TEAMS));
    await wizard.next();
    await wizard.next();
    expect(wizard.mapping?.layout).toBe('form');
    expect(wizard.analyzed?.people.map((p) => p.name)).toEqual(['客服一组', '客服二组']);

    await wizard.choose({ layout: 'rows', headerRow: 4 });
    expect(wizard.step).toBe('mapping');
    expect(wizard.mapping).toMatchObject({ layout: 'rows', headerRow: 4 });
    expect(wizard.problems).toContainEqual({ code: 'noPeople' });
    expect(wizard.canNext).toBe(false);

    await wizard.choose({ layout: 'form', headerRow: 0 });
    expect(wizard.problems).toEqual([]);
    expect(wizard.analyzed?.people.map((p) => p.name)).toEqual(['客服一组', '客服二组']);
    await wizard.next();
    expect(wizard.step).toBe('review');
    expect(wizard.built?.comparison.people.map((p) => p.name)).toEqual(['客服一组', '客服二组']);
    expect(wizard.built?.comparison.differing).toBe(0);
  });

  it('a new sheet starts from a fresh guess', async () => {
    const wizard = new ExcelWizard(client());
    await throughMapping(wizard);
    await wizard.choose({ headerRow: 0 });
    expect(wizard.choice).toEqual({ headerRow: 0 });
    wizard.back();
    wizard.chooseSheet(SCORECARD_SHEET);
    await wizard.next();
    expect(wizard.step).toBe('mapping');
    expect(wizard.choice).toEqual({ headerRow: 0 });
    wizard.back();
    wizard.chooseSheet('填表说明');
    await wizard.next();
    expect(wizard.choice).toEqual({});
  });
});

describe('the sample workbook', () => {
  it('opens as if chosen, reads as one row per person, and Kaohe agrees with every cached cell', async () => {
    const wizard = new ExcelWizard(client());
    await wizard.trySample('示例.xlsx');
    expect(wizard.fileName).toBe('示例.xlsx');
    await wizard.next();
    await wizard.next();
    expect(wizard.mapping?.layout).toBe('rows');
    expect(wizard.analyzed?.people.map((p) => p.name)).toEqual(['王芳', '李娜', '张伟', '刘洋', '陈静']);
    expect(wizard.name).toBe('客服月度考核表（示例）');
    await wizard.next();
    const built = wizard.built;
    expect(built?.review.flatMap((item) => item.issues)).toEqual([]);
    expect(built?.review.filter((item) => item.role === 'indicator').map((item) => item.kind)).toEqual(['bands', 'bands', 'deduction', 'levels']);
    expect(built?.comparison.compared).toBeGreaterThan(20);
    expect(built?.comparison.differing).toBe(0);
    expect(built?.template.grades.map((g) => g.label)).toEqual(['优秀', '良好', '合格', '不合格']);
  });
});

describe('Kaohe\'s own rating workbook', () => {
  const data = periodFixture(customerMonthly);
  const bytes = exportScoresXlsx(data);

  it('comes back as the same template: weights, bands and grades as exported', async () => {
    const wizard = new ExcelWizard(client());
    await wizard.chooseFile(file('客户考核评分表.xlsx', bytes));
    expect(wizard.opened?.own?.template.name).toBe(customerMonthly.name);
    expect(wizard.takingOwn).toBe(true);
    await wizard.next();
    expect(wizard.step).toBe('save');
    const saved = wizard.templateToSave();
    expect(saved).toEqual({ ...customerMonthly, id: '', version: 1 });
    const sectionWeights = saved?.sections.reduce((sum, section) => sum + (section.weight ?? 0), 0);
    expect(sectionWeights).toBeCloseTo(1, 12);
    expect(saved?.grades.map((g) => g.label)).toEqual(['优秀', '良好', '合格', '不合格']);
    wizard.back();
    expect(wizard.step).toBe('file');
  });

  it('can still be read by its formulas instead', async () => {
    const wizard = new ExcelWizard(client());
    await wizard.chooseFile(file('客户考核评分表.xlsx', bytes));
    wizard.useOwn = false;
    await wizard.next();
    expect(wizard.step).toBe('sheet');
  });
});

describe('names and periods proposed', () => {
  it('the title, else a sheet named by a person, else the file', () => {
    expect(proposedName('客服部绩效考核表', 'Sheet1', 'a.xlsx')).toBe('客服部绩效考核表');
    expect(proposedName(undefined, '销售部考核', 'a.xlsx')).toBe('销售部考核');
    expect(proposedName(undefined, 'Sheet1', '2026年5月客服考核.xlsx')).toBe('2026年5月客服考核');
    expect(proposedName(undefined, '工作表1', '考核.XLSM')).toBe('考核');
  });

  it('the period the title says', () => {
    expect(likelyPeriodKind('客户考核评分表(月度)')).toBe('month');
    expect(likelyPeriodKind('2026年第一季度绩效考核')).toBe('quarter');
    expect(likelyPeriodKind('年度考核表')).toBe('year');
    expect(likelyPeriodKind('客服周考核')).toBe('week');
    expect(likelyPeriodKind('绩效考核表')).toBe('month');
    expect(likelyPeriodKind('考核周期：2026年5月')).toBe('month');
  });
});

describe('the sheet proposed', () => {
  const sheet = (name: string, rows: number, cols: number, hidden = false) => ({ name, rows, cols, hidden });
  it('is the largest visible readable sheet', () => {
    expect(likelySheet([sheet('说明', 2, 1), sheet('考核', 20, 16), sheet('参数', 300, 20, true)])).toBe('考核');
    expect(likelySheet([sheet('大', 3000, 100), { ...sheet('太大', 9000, 100), issue: { code: 'sheetTooLarge', params: {} } }])).toBe('大');
    expect(likelySheet([sheet('参数', 3, 2, true)])).toBe('参数');
  });
});
