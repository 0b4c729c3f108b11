// (b) A 客户服务部 KPI deduction sheet (=MAX(0,30-2*C3-2*D3)) with a RANK column, and (c) a band
// table whose thresholds, points, weights and grade table sit on a '权重' sheet (absolute,
// quoted and unquoted cross-sheet references, VLOOKUP for the grade).
import { describe, expect, it } from 'vitest';
import { analyzeSheet } from '../../../../src/io/excel-template/analyze';
import { buildTemplate } from '../../../../src/io/excel-template/build';
import { checkImport } from '../../../../src/io/excel-template/check';
import { pct, roundTrip, type SheetSpec } from './workbooks';

const COUNTS: readonly [string, number, number, number, number][] = [
  ['刘一', 0, 0, 1, 0],
  ['陈二', 3, 1, 0, 2],
  ['张三', 10, 8, 5, 6],
  ['李四', 1, 2, 2, 1],
  ['王五', 0, 1, 0, 0],
];

export const KPI: Record<string, SheetSpec> = {
  客服部KPI: {
    rows: [
      ['序号', '姓名', '延时次数', '未提出解决方案次数', '遗漏项数', '分析错误项数', '服务及时性', '质量分析报告', '总分', '排名'],
      ['满分', null, null, null, null, null, 30, 20, 50],
      ...COUNTS.map(([name, a, b, c, d], i) => {
        const r = i + 3;
        // HyperFormula has no RANK: the rank Excel caches is written by hand (totals 48, 38, 0, 38, 48).
        const rank = [1, 3, 5, 3, 1][i] as number;
        return [i + 1, name, a, b, c, d, `=MAX(0,30-2*C${r}-2*D${r})`, `=MAX(0,20-2*E${r}-2*F${r})`, `=G${r}+H${r}`, { f: `RANK(I${r},$I$3:$I$7)`, cached: rank }];
      }),
    ],
  },
};

describe('(b) 客户服务部 KPI: deductions, a max row, a rank column', () => {
  const workbook = roundTrip(KPI);
  const analyzed = analyzeSheet(workbook, '客服部KPI');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const built = buildTemplate(workbook, analyzed.mapping);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));

  it('reads the max row and ignores the serial number', () => {
    const fields = Object.fromEntries(analyzed.mapping.fields.map((f) => [f.name, f]));
    expect(fields['序号']?.role).toBe('ignore');
    expect(fields['服务及时性']).toMatchObject({ role: 'indicator', max: 30 });
    expect(fields['排名']?.role).toBe('rank');
    expect(analyzed.mapping.people).toMatchObject({ rows: [2, 3, 4, 5, 6], nameColumn: 1 });
  });

  it('turns MAX(0,30-2*C3-2*D3) into a deduction of 2 per count, floored at 0', () => {
    const indicator = built.template.sections[0]?.indicators.find((i) => i.name === '服务及时性');
    expect(indicator?.rule).toEqual({ kind: 'deduction', items: [{ input: '延时次数', penalty: 2 }, { input: '未提出解决方案次数', penalty: 2 }], floor: 0 });
    expect(indicator?.max).toBe(30);
    expect(built.template.total).toEqual({ kind: 'sum' });
  });

  it('scores every person (张三 floored at 0) and ranks them as the cached values say', () => {
    const check = checkImport(built);
    expect(check.differences).toEqual([]);
    // 服务及时性, 质量分析报告, 总分, 排名 for 5 people.
    expect(check.compared).toBe(20);
  });

  it('lists the person and the field when a cached value disagrees', () => {
    const tampered = { ...built, people: built.people.map((p) => (p.name === '陈二' ? { ...p, cached: { ...p.cached, G: 99 } } : p)) };
    expect(checkImport(tampered).differences).toEqual([{ personId: '陈二', person: '陈二', field: 'G', name: '服务及时性', cell: '客服部KPI!G4', kaohe: 22, excel: 99 }]);
  });
});

const ACHIEVEMENT: readonly [string, number, number][] = [
  ['甲', 0.95, 90],
  ['乙', 0.85, 70],
  ['丙', 0.849, 100],
  ['丁', 0.79, 60],
  ['戊', 0.9, 85],
];

export const BANDS: Record<string, SheetSpec> = {
  考核表: {
    rows: [
      ['姓名', '达成率', '行为分', '达成得分', '总分', '等级'],
      ...ACHIEVEMENT.map(([name, rate, behaviour], i) => {
        const r = i + 2;
        return [
          name,
          pct(rate),
          behaviour,
          `=IF(B${r}>='权重'!$B$2,'权重'!$C$2,IF(B${r}>=权重!$B$3,权重!$C$3,IF(B${r}>=权重!$B$4,权重!$C$4,0)))`,
          `=D${r}*5*'权重'!$B$7+C${r}*'权重'!$B$8`,
          `=VLOOKUP(E${r},权重!$E$2:$F$5,2,TRUE)`,
        ];
      }),
    ],
  },
  权重: {
    rows: [
      ['档位', '门槛', '得分', null, '分数线', '等级'],
      ['优秀', pct(0.9), 20, null, 0, '不合格'],
      ['良好', pct(0.85), 10, null, 60, '合格'],
      ['合格', pct(0.8), 5, null, 75, '良好'],
      [null, null, null, null, 90, '优秀'],
      [null],
      ['业绩权重', pct(0.7)],
      ['行为权重', pct(0.3)],
    ],
  },
};

describe("(c) a band table with thresholds, weights and grades on a '权重' sheet", () => {
  const workbook = roundTrip(BANDS);
  const analyzed = analyzeSheet(workbook, '考核表');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const built = buildTemplate(workbook, analyzed.mapping);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));

  it('reads absolute cross-sheet thresholds as the band edges', () => {
    const line = built.review.find((item) => item.name === '达成得分');
    expect(line?.kind).toBe('bands');
    expect(line?.kaohe).toBe('IF([达成率]>=90%,20,IF([达成率]>=85%,10,IF([达成率]>=80%,5,0)))');
  });

  it('reads the entered 行为分 as an indicator, the weights as a weighted total and VLOOKUP as grade bands', () => {
    const indicators = built.template.sections.flatMap((s) => s.indicators);
    expect(indicators.map((i) => [i.name, i.rule.kind])).toEqual([
      ['行为分', 'direct'],
      ['达成得分', 'bands'],
    ]);
    expect(built.template.grades.map((g) => [g.label, g.min])).toEqual([
      ['优秀', 90],
      ['良好', 75],
      ['合格', 60],
      ['不合格', 0],
    ]);
    expect(built.review.find((item) => item.name === '总分')).toMatchObject({ kaohe: '[达成得分]*5*70%+[行为分]*30%', kind: 'weighted' });
    // Σ wᵢ × scoreᵢ / maxᵢ × 100 with 达成得分 out of 20 and 行为分 out of 100 (its largest value).
    expect(built.template.sections.map((s) => [s.combine, s.indicators.map((i) => [i.name, i.max, i.weight])])).toEqual([
      ['weighted', [['行为分', 100, 0.3], ['达成得分', 20, 0.7]]],
    ]);
    expect(built.problems).toEqual([]);
  });

  it('scores every person exactly as the cached values say (丙 at 84.9% just misses 85%)', () => {
    expect(checkImport(built).differences).toEqual([]);
  });

  it('reports a reference to another person’s row, by cell, and formulas that differ by person', () => {
    const sheet = workbook.book.Sheets['考核表'];
    if (!sheet) throw new Error('no sheet');
    const original = sheet['D2'];
    sheet['D2'] = { t: 'n', v: 10, f: 'D3' };
    const again = buildTemplate(workbook, analyzed.mapping);
    sheet['D2'] = original;
    if (!again.ok) throw new Error('not built');
    const line = again.review.find((item) => item.name === '达成得分');
    expect(line?.issues).toEqual([{ code: 'otherPerson', params: { ref: '考核表!D3' }, cell: '考核表!D2' }]);
    // Untranslatable: the score becomes an entered value, so nothing is lost.
    expect(line?.kind).toBe('direct');
  });
});
