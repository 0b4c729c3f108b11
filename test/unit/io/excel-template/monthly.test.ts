// (a) A 客户考核评分表(月度)-shaped sheet: one row per person, 业绩 band formulas on inputs, 行为 level
// formulas, 业绩/行为 section totals, 总分 = 业绩×80% + 行为×20%, grade by nested IF; merged title
// and group headers, a Chinese sheet name, an average row under the people.
import { describe, expect, it } from 'vitest';
import { analyzeSheet } from '../../../../src/io/excel-template/analyze';
import { buildTemplate } from '../../../../src/io/excel-template/build';
import { checkImport } from '../../../../src/io/excel-template/check';
import { scorePeriod } from '../../../../src/scoring/index';
import { oracleValue, pct, roundTrip, type CellSpec, type SheetSpec } from './workbooks';

const PEOPLE: readonly [string, string, number, number, number, number, number, number][] = [
  ['张三', 'E001', 0.95, 0.9, 92, 0, 5, 4],
  ['李四', 'E002', 0.86, 0.84, 85, 1, 3, 3],
  ['王五', 'E003', 0.8, 0.9, 79.5, 3, 2, 5],
  ['赵六', 'E004', 0.9, 0.85, 90, 2, 4, 4],
  ['钱七', 'E005', 0.7, 0.95, 80, 0, 1, 2],
];

function personRow(person: (typeof PEOPLE)[number], r: number): CellSpec[] {
  const [name, id, completion, info, satisfaction, complaints, focus, attentive] = person;
  return [
    name,
    id,
    pct(completion),
    pct(info),
    satisfaction,
    complaints,
    focus,
    attentive,
    `=IF(C${r}>=90%,20,IF(C${r}>=85%,10,0))`,
    `=IF(D${r}>=90%,20,IF(D${r}>=85%,10,0))`,
    `=IF(E${r}>=90,20,IF(E${r}>=85,10,IF(E${r}>=80,5,0)))`,
    `=MAX(0,30-10*F${r})`,
    `=CHOOSE(G${r},4,8,12,16,20)`,
    `=CHOOSE(H${r},4,8,12,16,20)`,
    `=SUM(I${r}:L${r})`,
    `=SUM(M${r}:N${r})*2.5`,
    `=O${r}*80%+P${r}*20%`,
    `=IF(Q${r}>=90,"优秀",IF(Q${r}>=70,"良好",IF(Q${r}>=60,"合格","不合格")))`,
  ];
}

const first = 4;
const last = first + PEOPLE.length - 1;
export const MONTHLY: Record<string, SheetSpec> = {
  考核表: {
    rows: [
      ['客户考核评分表(月度)'],
      ['姓名', '工号', '原始数据', null, null, null, null, null, '业绩考核', null, null, null, '行为考核', null, '汇总'],
      [null, null, '完成率', '信息利用率', '满意度调查得分', '投诉未达标项数', '以客户为中心等级', '服务细致等级', '客服流程体系', '客户信息掌控率', '客户满意度', '客户投诉处理', '以客户为中心', '服务细致', '业绩考核', '行为考核', '总分', '等级'],
      ...PEOPLE.map((person, i) => personRow(person, first + i)),
      ['平均', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, `=AVERAGE(Q${first}:Q${last})`],
    ],
    merges: ['A1:R1', 'A2:A3', 'B2:B3', 'C2:H2', 'I2:L2', 'M2:N2', 'O2:R2'],
  },
};

describe('(a) 客户考核评分表(月度): rows per person with sections, weighted total and grades', () => {
  const workbook = roundTrip(MONTHLY);
  const analyzed = analyzeSheet(workbook, '考核表');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const { mapping } = analyzed;
  const built = buildTemplate(workbook, mapping);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));

  it('finds the title, the header under merged group headers, and the people (not the average row)', () => {
    expect(mapping.layout).toBe('rows');
    expect(mapping.title).toBe('客户考核评分表(月度)');
    expect(mapping.headerRow).toBe(2);
    expect(mapping.people).toEqual({ kind: 'rows', rows: [3, 4, 5, 6, 7], nameColumn: 0, idColumn: 1 });
  });

  it('proposes inputs, indicators in their sections, section totals, the total and the grade', () => {
    const roles = Object.fromEntries(mapping.fields.map((f) => [f.name, f.role]));
    expect(roles).toMatchObject({
      完成率: 'input',
      信息利用率: 'input',
      以客户为中心等级: 'input',
      客服流程体系: 'indicator',
      客户投诉处理: 'indicator',
      服务细致: 'indicator',
      业绩考核: 'section',
      行为考核: 'section',
      总分: 'total',
      等级: 'grade',
    });
    expect(mapping.fields.find((f) => f.name === '完成率')?.inputType).toBe('percent');
    expect(mapping.fields.find((f) => f.name === '客户满意度')?.section).toBe('业绩考核');
    expect(mapping.fields.find((f) => f.name === '以客户为中心')?.section).toBe('行为考核');
    expect(mapping.sections).toEqual(['业绩考核', '行为考核']);
  });

  it('recognises bands, a deduction, levels, sum and weighted sections, the 80/20 total and grade bands', () => {
    const { template } = built;
    expect(template.name).toBe('客户考核评分表(月度)');
    const rules = Object.fromEntries(template.sections.flatMap((s) => s.indicators).map((i) => [i.name, i.rule.kind]));
    expect(rules).toEqual({ 客服流程体系: 'bands', 客户信息掌控率: 'bands', 客户满意度: 'bands', 客户投诉处理: 'deduction', 以客户为中心: 'levels', 服务细致: 'levels' });
    expect(template.sections.map((s) => [s.name, s.combine, s.weight])).toEqual([
      ['业绩考核', 'sum', 0.8],
      ['行为考核', 'weighted', 0.2],
    ]);
    expect(template.total).toEqual({ kind: 'weighted' });
    expect(template.grades.map((g) => [g.label, g.min])).toEqual([
      ['优秀', 90],
      ['良好', 70],
      ['合格', 60],
      ['不合格', null],
    ]);
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('shows each indicator with its Excel formula beside the Kaohe one', () => {
    const line = built.review.find((item) => item.name === '客服流程体系');
    expect(line).toMatchObject({ cell: '考核表!I4', excel: '=IF(C4>=90%,20,IF(C4>=85%,10,0))', kind: 'bands', issues: [] });
    expect(line?.kaohe).toBe('IF([完成率]>=90%,20,IF([完成率]>=85%,10,0))');
    expect(built.review.find((item) => item.name === '总分')?.kaohe).toBe('[业绩考核]*80%+[行为考核]*20%');
  });

  it('scores every person exactly as the cached values say', () => {
    const check = checkImport(built);
    expect(check.differences).toEqual([]);
    expect(check.compared).toBe(PEOPLE.length * 10);
    const scored = scorePeriod(built.template, built.input);
    PEOPLE.forEach((_, i) => {
      expect(scored.people[i]?.total).toBeCloseTo(oracleValue(MONTHLY, '考核表', `Q${first + i}`) as number, 9);
      expect(scored.people[i]?.grade).toBe(oracleValue(MONTHLY, '考核表', `R${first + i}`));
    });
  });
});
