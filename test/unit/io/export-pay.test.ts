// The pay columns of the exports (issue 14): in the workbook the coefficient is a lookup of the
// final grade in the coefficient sheet and the pay ROUND(base × coefficient, 2), both recalculated by
// an independent engine (HyperFormula) from the formulas alone to the app's numbers — also after a
// coefficient is changed in the file; the CSV holds the same values.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import Papa from 'papaparse';
import { exportScoresXlsx } from '../../../src/io/export-xlsx';
import { exportScoresCsv } from '../../../src/io/export-csv';
import { scoredGrid, type PeriodExport } from '../../../src/io/scored-grid';
import { readWorkbook } from '../../../src/io/xlsx-read';
import { mappingFromMeta, readWorkbookMeta } from '../../../src/io/workbook-read';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import type { SheetEntry } from '../../../src/scoring/sheet-types';
import { forHyperFormula } from '../formula/hyperformula-oracle';
import { periodFixture } from './period-fixture';

type Computed = number | string | boolean | null | { error: string };

/** Every sheet of the workbook into HyperFormula (formulas only, cached values dropped); the values of `sheet`. */
function recalculate(wb: XLSX.WorkBook, sheet: string): Computed[][] {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const name of wb.SheetNames) {
    if (name === '_kaohe') continue;
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) row.push(null);
        else if (cell.f) row.push(`=${forHyperFormula(cell.f.replaceAll('_xlfn.', ''))}`);
        else if (cell.t === 's') row.push(`'${String(cell.v)}`);
        else if (cell.t === 'z') row.push(null);
        else row.push(cell.v as number | boolean);
      }
      rows.push(row);
    }
    sheets[name] = rows;
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const values = hf.getSheetValues(hf.getSheetId(sheet)!).map((row) => row.map((value): Computed => (value instanceof DetailedCellError ? { error: value.value } : (value as Computed))));
  hf.destroy();
  return values;
}

const COEFFICIENTS = [
  { grade: '优秀', coefficient: 1.2 },
  { grade: '良好', coefficient: 1.1 },
  { grade: '合格', coefficient: 0.8 },
  { grade: '不合格', coefficient: 0 },
];

/**
 * 李娜's month, set here so her score can be worked by hand from 客户考核评分表(月度)'s rules: only
 * 上级 rated her (so 上级 counts alone), every input entered. 业绩 items count as points ÷ max ×
 * weight × 100; 行为 levels 1级 4 … 5级 20, added.
 */
const LI_NA_SUPERVISOR: readonly (readonly [string, number])[] = [
  ['process_completion', 0.95], // 完成率 95% → ≥90% → 20 (max 20, 20%) → 20
  ['info_utilisation', 0.9], // 信息利用率 90% → ≥90% → 20 → 20
  ['new_referrals', 1], // 转介绍 1 > 0 → 10 (max 10, 10%) → 10
  ['key_account_visits', 1], // 回访 100% → 10 (max 10, 10%) → 10
  ['satisfaction_score', 85], // 满意度 85 → ≥85 → 10 (max 20, 20%) → 10
  ['complaint_no_response', 0], // 投诉: no requirement missed → 30 (max 30, 10%) → 10
  ['complaint_unresolved', 0],
  ['complaint_rate_missed', 0],
  ['orphans_lost', 0], // 孤儿 none lost → 5 (max 5, 10%) → 10
  ['customer_focus_level', 3], // 行为: five times 3级 → 5 × 12 = 60
  ['attentiveness_level', 3],
  ['command_level', 3],
  ['responsibility_level', 3],
  ['professionalism_level', 3],
];
// 业绩 20 + 20 + 10 + 10 + 10 + 10 + 10 = 90; 总分 90 × 80% + 60 × 20% = 72 + 12 = 84 → ≥70 良好.

/**
 * The fixture month with a coefficient table, bases for all but 张伟, 王芳 calibrated to 优秀, and
 * 李娜's entries replaced by LI_NA_SUPERVISOR.
 */
function payData(): PeriodExport {
  const data = periodFixture(customerMonthly);
  const liNa: SheetEntry[] = LI_NA_SUPERVISOR.map(([key, value]) => ({ personId: 'p2', key, role: 'supervisor', value }));
  return {
    ...data,
    input: { ...data.input, entries: [...data.input.entries.filter((entry) => entry.personId !== 'p2'), ...liNa] },
    pay: {
      coefficients: COEFFICIENTS,
      bases: [
        ['p1', 7000],
        ['p2', 6543.21],
        ['p4', 6000],
        ['p5', 5000],
        ['p6', 4000],
      ],
      calibrated: [['p1', '优秀']],
    },
  };
}

describe('pay columns', () => {
  const data = payData();
  const grid = scoredGrid(data);
  const column = (kind: string) => grid.layout.columns.find((c) => c.kind === kind)!;
  const rowOf = (id: string) => grid.rows.find((row) => row.person.id === id)!;

  it('hold the final grade\'s coefficient and base × coefficient in cents, as the app computes them', () => {
    const headers = grid.layout.columns.slice(-4).map((c) => c.header);
    expect(headers).toEqual(['校准等级', '绩效系数', '绩效工资基数', '绩效工资']);
    const [cal, coef, base, pay] = ['calibratedGrade', 'coefficient', 'payBase', 'pay'].map((kind) => column(kind).index);
    // 王芳: calibrated to 优秀, whatever her computed grade: 7,000 × 1.2.
    expect([rowOf('p1').values[cal!], rowOf('p1').values[coef!], rowOf('p1').values[base!], rowOf('p1').values[pay!]]).toEqual(['优秀', 1.2, 7000, 8400]);
    // 李娜: 84 → 良好 (see LI_NA_SUPERVISOR) → 1.1; 6,543.21 × 1.1 = 7,197.531 → 7,197.53 in cents.
    const li = rowOf('p2');
    expect(li.values[column('total').index]).toBe(84);
    expect(li.grade).toBe('良好');
    expect(li.values[coef!]).toBe(1.1);
    expect(li.values[pay!]).toBe(7197.53);
    // 张伟 has no base: a coefficient, no pay. 杨磊 covers temporarily: no grade, no coefficient, no pay.
    expect([rowOf('p3').values[base!], rowOf('p3').values[pay!]]).toEqual([null, null]);
    expect([rowOf('p6').grade, rowOf('p6').values[coef!], rowOf('p6').values[pay!]]).toEqual([null, null, null]);
  });

  it('are live formulas in the workbook that HyperFormula recalculates to the same numbers, with the table in its own sheet', () => {
    const bytes = exportScoresXlsx(data);
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, xlfn: true });
    expect(wb.SheetNames).toEqual(['评分表', '模板定义', '说明', '绩效系数', '_kaohe']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 2]);
    expect(XLSX.utils.sheet_to_json(wb.Sheets['绩效系数']!, { header: 1 })).toEqual([['等级', '绩效系数'], ...COEFFICIENTS.map((row) => [row.grade, row.coefficient])]);
    const ws = wb.Sheets['评分表']!;
    const coef = column('coefficient');
    const pay = column('pay');
    expect(ws[`${coef.letter}2`]?.f).toContain(`VLOOKUP(IF(${column('calibratedGrade').letter}2<>"",`);
    expect(ws[`${coef.letter}2`]?.f).toContain("'绩效系数'!$A$2:$B$5");
    expect(ws[`${pay.letter}2`]?.f).toBe(`IF(AND(ISNUMBER(${column('payBase').letter}2),ISNUMBER(${coef.letter}2)),ROUND(${column('payBase').letter}2*${coef.letter}2,2),"")`);
    expect(ws[`${pay.letter}2`]?.z).toBe('#,##0.00');

    const values = recalculate(wb, '评分表');
    const blank = (x: unknown) => x === null || x === undefined || x === '';
    let paid = 0;
    grid.rows.forEach((row, i) => {
      for (const kind of ['grade', 'coefficient', 'pay']) {
        const c = column(kind).index;
        const core = row.values[c];
        const excel = values[i + 1]![c];
        if (blank(core)) expect(blank(excel), `${row.person.name} ${kind}: ${JSON.stringify(excel)}`).toBe(true);
        else expect(excel, `${row.person.name} ${kind}`).toBe(core);
        if (kind === 'pay' && typeof core === 'number') paid += 1;
      }
    });
    expect(paid).toBe(4);
  });

  it('follow a coefficient changed in the file, as Excel would', () => {
    const wb = XLSX.read(exportScoresXlsx(data), { type: 'array', cellFormula: true, xlfn: true });
    // 优秀 1.2 → 1.5 in the coefficient sheet: 王芳's pay becomes 7,000 × 1.5.
    wb.Sheets['绩效系数']!.B2 = { t: 'n', v: 1.5 };
    const values = recalculate(wb, '评分表');
    const row = grid.rows.findIndex((r) => r.person.id === 'p1');
    expect(values[row + 1]![column('coefficient').index]).toBe(1.5);
    expect(values[row + 1]![column('pay').index]).toBe(10500);
  });

  it('are in the CSV as values, and the workbook imports back ignoring them', () => {
    const parsed = Papa.parse<string[]>(exportScoresCsv(data).replace(/^\ufeff/, ''), { skipEmptyLines: true });
    const header = parsed.data[0]!;
    expect(header.slice(-4)).toEqual(['校准等级', '绩效系数', '绩效工资基数', '绩效工资']);
    const wang = parsed.data.find((row) => row[1] === '王芳')!;
    expect(wang.slice(-4)).toEqual(['优秀', '1.2', '7000', '8400']);
    // 李娜: not calibrated; 84 → 良好 → 1.1; 6,543.21 × 1.1 = 7,197.531 → 7,197.53.
    const li = parsed.data.find((row) => row[1] === '李娜')!;
    expect(li.slice(-4)).toEqual(['', '1.1', '6543.21', '7197.53']);

    const read = readWorkbook('export.xlsx', exportScoresXlsx(data));
    if (!read.ok) throw new Error(read.problem.code);
    const meta = readWorkbookMeta(read.workbook);
    if (!meta.ok) throw new Error(meta.reason);
    const mapping = mappingFromMeta(meta.meta, grid.layout.columns.length);
    expect(mapping.columns.slice(-4)).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
  });

  it('are not written without a coefficient table', () => {
    const plain = periodFixture(customerMonthly);
    expect(scoredGrid(plain).layout.columns.some((c) => c.kind === 'pay')).toBe(false);
    expect(XLSX.read(exportScoresXlsx(plain), { type: 'array' }).SheetNames).toEqual(['评分表', '模板定义', '说明', '_kaohe']);
  });
});
