// (d) One form per person: a sheet per person (张三, 李四, 王五) with a merged title, 姓名：on the
// form, a two-row merged header, a merged 类别 column giving the sections, weights in a column,
// 加权总分 = SUMPRODUCT(weights, scores) and a 考核等级 by nested IF.
import { describe, expect, it } from 'vitest';
import { analyzeSheet } from '../../../../src/io/excel-template/analyze';
import { buildTemplate } from '../../../../src/io/excel-template/build';
import { checkImport } from '../../../../src/io/excel-template/check';
import { scorePeriod } from '../../../../src/scoring/index';
import { oracleValue, pct, roundTrip, type SheetSpec } from './workbooks';

function form(name: string, actual: readonly [number, number, number, number, number]): SheetSpec {
  return {
    rows: [
      ['员工月度绩效考核表'],
      ['姓名：', name, '部门：', '客服部'],
      ['类别', '考核项目', '权重', '目标值', '评分标准', '考核结果'],
      [null, null, null, null, null, '实际完成', '得分'],
      ['业绩考核', '销售达成率', pct(0.3), '100%', '≥100%得100分,≥90%得80分,≥80%得60分', pct(actual[0]), '=IF(F5>=100%,100,IF(F5>=90%,80,IF(F5>=80%,60,0)))'],
      [null, '客户满意度', pct(0.2), '90分', '≥90得100分,≥85得80分', actual[1], '=IF(F6>=90,100,IF(F6>=85,80,0))'],
      [null, '投诉次数', pct(0.2), '0次', '每次扣20分', actual[2], '=MAX(0,100-20*F7)'],
      ['行为考核', '团队协作', pct(0.15), '4级', '1–5级', actual[3], '=CHOOSE(F8,20,40,60,80,100)'],
      [null, '学习成长', pct(0.15), '4级', '1–5级', actual[4], '=F9/5*100'],
      ['加权总分', null, null, null, null, null, '=SUMPRODUCT(C5:C9,G5:G9)'],
      ['考核等级', null, null, null, null, null, '=IF(G10>=90,"优秀",IF(G10>=75,"良好",IF(G10>=60,"合格","不合格")))'],
    ],
    merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:G3', 'A5:A7', 'A8:A9', 'A10:F10', 'A11:F11'],
  };
}

export const FORMS: Record<string, SheetSpec> = {
  张三: form('张三', [1.02, 92, 0, 4, 5]),
  李四: form('李四', [0.91, 86, 2, 3, 3]),
  王五: form('王五', [0.75, 80, 6, 5, 2]),
};

describe('(d) a form per person with merged headers', () => {
  const workbook = roundTrip(FORMS);
  const analyzed = analyzeSheet(workbook, '张三');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const { mapping } = analyzed;
  const built = buildTemplate(workbook, mapping);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));

  it('reads the form: header under merged cells, sections from the merged 类别 column, people from same-shaped sheets', () => {
    expect(mapping.layout).toBe('sheets');
    expect(mapping.title).toBe('员工月度绩效考核表');
    expect(mapping.headerRow).toBe(3);
    expect(mapping.people).toEqual({ kind: 'sheets', sheets: ['张三', '李四', '王五'], nameCell: { row: 1, col: 1 } });
    expect(mapping.sections).toEqual(['业绩考核', '行为考核']);
    const indicator = mapping.fields.find((f) => f.name === '销售达成率');
    expect(indicator).toMatchObject({ role: 'indicator', key: 'G5', section: '业绩考核', weight: 0.3, target: '100%', definition: '≥100%得100分,≥90%得80分,≥80%得60分' });
    expect(mapping.fields.find((f) => f.key === 'F5')).toMatchObject({ role: 'input', name: '销售达成率(实际完成)', inputType: 'percent' });
    expect(mapping.fields.filter((f) => f.role === 'total' || f.role === 'grade').map((f) => [f.key, f.role, f.name])).toEqual([
      ['G10', 'total', '加权总分'],
      ['G11', 'grade', '考核等级'],
    ]);
  });

  it('recognises each row’s rule and the weighted total over both sections', () => {
    const { template } = built;
    expect(template.sections.map((s) => [s.name, s.combine, s.indicators.map((i) => [i.name, i.rule.kind])])).toEqual([
      ['业绩考核', 'weighted', [['销售达成率', 'bands'], ['客户满意度', 'bands'], ['投诉次数', 'deduction']]],
      ['行为考核', 'weighted', [['团队协作', 'levels'], ['学习成长', 'scale']]],
    ]);
    expect(template.total).toEqual({ kind: 'sum' });
    expect(built.review.find((item) => item.name === '加权总分')).toMatchObject({
      excel: '=SUMPRODUCT(C5:C9,G5:G9)',
      kaohe: '30%*[销售达成率]+20%*[客户满意度]+20%*[投诉次数]+15%*[团队协作]+15%*[学习成长]',
      kind: 'weighted',
    });
    expect(template.grades.map((g) => g.label)).toEqual(['优秀', '良好', '合格', '不合格']);
  });

  it('scores every person’s form exactly as the cached values say', () => {
    expect(checkImport(built).differences).toEqual([]);
    const scored = scorePeriod(built.template, built.input);
    expect(scored.people.map((p) => p.total)).toEqual(['张三', '李四', '王五'].map((sheet) => expect.closeTo(oracleValue(FORMS, sheet, 'G10') as number, 9)));
    expect(built.people.map((p) => p.name)).toEqual(['张三', '李四', '王五']);
  });
});
