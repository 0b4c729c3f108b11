// The proposed mapping for row-per-person sheets: derived inputs, max points from headers,
// ignored columns, a section reading one score, and formulas that differ between people.
import { describe, expect, it } from 'vitest';
import { analyzeSheet, buildTemplate, checkImport } from '../../../../src/io/excel-template/index';
import { roundTrip, type SheetSpec } from './workbooks';

const SALES: readonly [string, number, number, number, string][] = [
  ['甲', 120, 100, 4, '新人'],
  ['乙', 90, 100, 3, ''],
  ['丙', 45, 60, 5, '调岗'],
];

const SHEET: Record<string, SheetSpec> = {
  销售: {
    rows: [
      ['序号', '姓名', '实际销售额', '目标销售额', '协作评分', '达成率', '销售得分(60分)', '协作得分', '行为考核', '总分', '备注'],
      ...SALES.map(([name, actual, target, rating, note], i) => {
        const r = i + 2;
        return [i + 1, name, actual, target, rating, `=C${r}/D${r}`, `=MIN(F${r},1)*60`, `=E${r}*4`, `=H${r}*2`, `=G${r}+I${r}`, note];
      }),
    ],
  },
};

describe('analyzeSheet on one row per person', () => {
  const workbook = roundTrip(SHEET);
  const analyzed = analyzeSheet(workbook, '销售');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const roles = Object.fromEntries(analyzed.mapping.fields.map((f) => [f.name, f.role]));

  it('proposes a formula read only by an indicator as a derived input, and ignores 序号 and 备注', () => {
    expect(roles).toEqual({
      序号: 'ignore',
      实际销售额: 'input',
      目标销售额: 'input',
      协作评分: 'input',
      达成率: 'input',
      '销售得分(60分)': 'indicator',
      协作得分: 'indicator',
      行为考核: 'section',
      总分: 'total',
      备注: 'ignore',
    });
    expect(analyzed.mapping.fields.find((f) => f.name === '销售得分(60分)')?.max).toBe(60);
  });

  it('builds the derived input, a ratio, a one-score section and a sum total that score as Excel did', () => {
    const built = buildTemplate(workbook, analyzed.mapping);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    expect(built.template.inputs.find((i) => i.name === '达成率')?.formula).toBe('[实际销售额]/[目标销售额]');
    const rules = Object.fromEntries(built.template.sections.flatMap((s) => s.indicators).map((i) => [i.name, i.rule]));
    expect(rules['销售得分(60分)']).toEqual({ kind: 'formula', formula: 'MIN([达成率],1)*60' });
    expect(rules['协作得分']).toEqual({ kind: 'formula', formula: '[协作评分]*4' });
    expect(built.template.sections.map((s) => [s.name, s.combine])).toEqual([
      ['行为考核', 'weighted'],
      ['销售', 'sum'],
    ]);
    expect(checkImport(built).differences).toEqual([]);
  });

  it('says which people have a different formula in a column, and the check shows their scores', () => {
    const sheet = workbook.book.Sheets['销售'];
    if (!sheet) throw new Error('no sheet');
    const original = sheet['H3'];
    // 乙's 协作得分 was typed over with another formula (cached 15 as Excel computed it).
    sheet['H3'] = { t: 'n', v: 15, f: 'E3*5' };
    const built = buildTemplate(workbook, analyzed.mapping);
    sheet['H3'] = original;
    if (!built.ok) throw new Error('not built');
    const line = built.review.find((item) => item.name === '协作得分');
    expect(line?.issues).toEqual([{ code: 'inconsistentFormula', params: { field: '协作得分', people: '乙', count: 1 }, cell: '销售!H2' }]);
    expect(checkImport(built).differences.filter((d) => d.name === '协作得分')).toEqual([{ personId: '乙', person: '乙', field: 'H', name: '协作得分', cell: '销售!H3', kaohe: 12, excel: 15 }]);
  });
});
