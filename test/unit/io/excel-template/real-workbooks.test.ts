// Shapes met in real 考核表 workbooks (issue 13), each built here with SheetJS: LibreOffice's TRUE()
// and FALSE(), a blank 姓名： on a form, a header on row 1 with teams as columns, a per-person OKR
// form with VLOOKUP to a text table, a 是/否 column beside the grade, a merged title over the
// header, forms stacked on one sheet — and the person's own choice of layout and header row.
import { describe, expect, it } from 'vitest';
import { analyzeSheet, buildTemplate, checkImport, translateExcelFormula, type ExcelMapping } from '../../../../src/io/excel-template/index';
import type { ExcelWorkbook } from '../../../../src/io/excel-template/workbook';
import * as XLSX from '@e965/xlsx';
import { buildBook, pct, read, roundTrip, type SheetSpec } from './workbooks';

function analyzed(workbook: ExcelWorkbook, sheet: string, choice?: Parameters<typeof analyzeSheet>[2]): ExcelMapping {
  const result = analyzeSheet(workbook, sheet, choice);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.mapping;
}

function built(workbook: ExcelWorkbook, mapping: ExcelMapping) {
  const result = buildTemplate(workbook, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

const names = (mapping: ExcelMapping) => Object.fromEntries(mapping.fields.map((f) => [f.key, `${f.role}:${f.name}`]));

describe('LibreOffice writes TRUE() and FALSE() as calls', () => {
  const PEOPLE: readonly [string, number, number][] = [
    ['张三', 96, 22],
    ['李四', 85, 20],
    ['王五', 78, 18],
  ];
  const BOOK: Record<string, SheetSpec> = {
    考核表: {
      rows: [
        ['姓名', '满意度', '出勤天数', '满意度得分', '出勤得分', '总分', '等级'],
        ...PEOPLE.map(([name, satisfaction, days], i) => {
          const r = i + 2;
          return [
            name,
            satisfaction,
            days,
            `=VLOOKUP(B${r},标准!$A$2:$B$5,2,TRUE())`,
            `=IFS(C${r}>=22,20,C${r}>=20,10,TRUE(),0)`,
            `=D${r}+E${r}`,
            `=IF(F${r}>=90,"优秀",IF(F${r}>=60,"合格","不合格"))`,
          ];
        }),
      ],
    },
    标准: { rows: [['满意度', '得分'], [0, 0], [80, 40], [90, 60], [95, 80]] },
  };

  it('translates VLOOKUP(…, TRUE()) and IFS(…, TRUE(), 0) exactly as with TRUE', () => {
    const resolve = () => ({ kind: 'name', name: 'x' }) as const;
    const call = translateExcelFormula('IFS(A1>=22,20,A1>=20,10,TRUE(),0)', { resolve });
    const plain = translateExcelFormula('IFS(A1>=22,20,A1>=20,10,TRUE,0)', { resolve });
    expect(call.ok && call.formula).toBe(plain.ok && plain.formula);
    const no = translateExcelFormula('IF(A1>1,TRUE(),FALSE())', { resolve });
    expect(no.ok && no.formula).toBe('IF([x]>1,TRUE,FALSE)');
  });

  it('recognises the bands behind IFS(…, TRUE(), 0) and the lookup, and scores as Excel did', () => {
    const workbook = roundTrip(BOOK);
    const mapping = analyzed(workbook, '考核表');
    expect(names(mapping)).toMatchObject({ D: 'indicator:满意度得分', E: 'indicator:出勤得分', F: 'total:总分', G: 'grade:等级' });
    const result = built(workbook, mapping);
    const rules = Object.fromEntries(result.template.sections.flatMap((s) => s.indicators).map((i) => [i.name, i.rule.kind]));
    expect(rules['出勤得分']).toBe('bands');
    expect(result.review.flatMap((item) => item.issues)).toEqual([]);
    const check = checkImport(result);
    expect(check.compared).toBeGreaterThan(0);
    expect(check.differences).toEqual([]);
    expect(result.template.grades.map((g) => g.label)).toEqual(['优秀', '合格', '不合格']);
  });

  it('saved as .ods, as LibreOffice saves it, it reads the same', () => {
    const bytes = XLSX.write(buildBook(BOOK), { type: 'array', bookType: 'ods' }) as ArrayBuffer;
    const workbook = read(new Uint8Array(bytes), '考核.ods');
    const result = built(workbook, analyzed(workbook, '考核表'));
    expect(result.review.find((item) => item.name === '出勤得分')?.excel).toBe('=IFS(C2>=22,20,C2>=20,10,TRUE(),0)');
    expect(checkImport(result).differences).toEqual([]);
  });
});

describe('a form with a blank 姓名：', () => {
  const form = (name: string | null, scores: readonly [number, number, number]): SheetSpec => ({
    rows: [
      ['员工绩效考核表'],
      ['姓名：', name, '月份：', '2026年5月'],
      ['考核项目', '权重', '评分标准', '得分'],
      ['工作质量', pct(0.5), '差错率低于1%', scores[0]],
      ['工作效率', pct(0.3), '按时完成', scores[1]],
      ['团队协作', pct(0.2), '主动配合', scores[2]],
      ['合计', null, null, '=SUM(D4:D6)'],
    ],
    merges: ['A1:D1'],
  });

  it('does not take the next label (月份：) as the name: the form is named after its sheet', () => {
    const workbook = roundTrip({ 考核表: form(null, [45, 25, 18]) });
    const mapping = analyzed(workbook, '考核表');
    expect(mapping.layout).toBe('form');
    expect(mapping.people).toEqual({ kind: 'blocks', blocks: [{ row: 0, col: 0 }], nameCell: { row: 1, col: 1 } });
    const result = built(workbook, mapping);
    expect(result.people.map((p) => p.name)).toEqual(['考核表']);
    expect(checkImport(result).differences).toEqual([]);
  });

  it('reads the names of filled copies on other sheets from the same cell', () => {
    const workbook = roundTrip({ 模板: form(null, [0, 0, 0]), 张三: form('张三', [45, 25, 18]), 李四: form('李四', [40, 30, 20]) });
    const mapping = analyzed(workbook, '张三');
    expect(mapping.layout).toBe('sheets');
    const result = built(workbook, mapping);
    expect(result.people.map((p) => p.name)).toEqual(['张三', '模板', '李四']);
    expect(result.people.map((p) => p.cached['D7'])).toEqual([88, 0, 90]);
  });
});

describe('a sheet with its header on row 1 and teams as columns', () => {
  // A team scorecard: items down, one column per team, 分值 written as text, only the first team
  // rated so far — so the first formulas are in the 合计 row far below the header.
  const BOOK: Record<string, SheetSpec> = {
    团队考核: {
      rows: [
        ['考核项目', '评分标准', '分值', '客服一组', '客服二组', '客服三组'],
        ['接通率', '≥95%得满分', '20分', 18, null, null],
        ['满意度', '≥90分得满分', '30分', 27, null, null],
        ['投诉处理', '每次投诉扣5分', '20分', 15, null, null],
        ['培训完成', '全员完成得满分', '15分', 15, null, null],
        ['团队协作', '主管评定', '15分', 12, null, null],
        ['合计', null, null, '=SUM(D2:D6)', '=SUM(E2:E6)', '=SUM(F2:F6)'],
        ['等级', null, null, '=IF(D7>=85,"优秀",IF(D7>=60,"合格","不合格"))', '=IF(E7>=85,"优秀",IF(E7>=60,"合格","不合格"))', '=IF(F7>=85,"优秀",IF(F7>=60,"合格","不合格"))'],
      ],
    },
  };
  const workbook = roundTrip(BOOK);

  it('finds the header on row 1 and the teams as the people, one column each', () => {
    const mapping = analyzed(workbook, '团队考核');
    expect(mapping.headerRow).toBe(0);
    expect(mapping.layout).toBe('form');
    expect(mapping.people).toEqual({ kind: 'blocks', blocks: [{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 0, col: 2 }], nameCell: { row: 0, col: 3 } });
    expect(mapping.fields.filter((f) => f.role === 'indicator').map((f) => [f.key, f.name, f.max])).toEqual([
      ['D2', '接通率', 20],
      ['D3', '满意度', 30],
      ['D4', '投诉处理', 20],
      ['D5', '培训完成', 15],
      ['D6', '团队协作', 15],
    ]);
    expect(names(mapping)).toMatchObject({ D7: 'total:合计', D8: 'grade:等级' });
  });

  it('scores each team as the sheet does: 客服一组 87 优秀, the others not rated yet', () => {
    const result = built(workbook, analyzed(workbook, '团队考核'));
    expect(result.people.map((p) => p.name)).toEqual(['客服一组', '客服二组', '客服三组']);
    expect(result.people.map((p) => [p.cached['D7'], p.cached['D8']])).toEqual([
      [87, '优秀'],
      [0, '不合格'],
      [0, '不合格'],
    ]);
    expect(result.review.flatMap((item) => item.issues)).toEqual([]);
    expect(checkImport(result).differences).toEqual([]);
  });

  it('a wrong guess is not a dead end: one row per person under row 7 reads nonsense, the form from row 1 reads the teams', () => {
    const wrong = analyzed(workbook, '团队考核', { layout: 'rows', headerRow: 6 });
    expect(built(workbook, wrong).people.map((p) => p.name)).toEqual(['等级']);
    const right = analyzed(workbook, '团队考核', { layout: 'form', headerRow: 0 });
    expect(built(workbook, right).people).toHaveLength(3);
  });
});

describe('a per-person OKR form with VLOOKUP to a text table', () => {
  const okr = (name: string, ratings: readonly [string, string, string]): SheetSpec => ({
    rows: [
      ['个人OKR考核表'],
      ['姓名：', name, '部门：', '客服部', '月份：', '2026年5月'],
      ['目标(O)', '关键结果(KR)', '权重', '完成情况', '评价', '得分', null, '评价', '系数'],
      ['提升客户满意度', '满意度达到95%', pct(0.4), '96%', ratings[0], '=VLOOKUP(E4,$H$4:$I$7,2,FALSE)*C4*100', null, '优秀', 1],
      [null, '投诉下降20%', pct(0.2), '下降25%', ratings[1], '=VLOOKUP(E5,$H$4:$I$7,2,FALSE)*C5*100', null, '良好', 0.8],
      ['提升效率', '平均响应30秒内', pct(0.4), '28秒', ratings[2], '=VLOOKUP(E6,$H$4:$I$7,2,FALSE)*C6*100', null, '合格', 0.6],
      [null, null, null, null, null, null, null, '不合格', 0],
      ['合计', null, null, null, null, '=SUM(F4:F6)'],
    ],
    merges: ['A1:I1', 'A4:A5'],
  });
  const workbook = roundTrip({ 张三: okr('张三', ['优秀', '良好', '合格']), 李四: okr('李四', ['良好', '不合格', '优秀']) });

  it('is read as a form per person, the key results as indicators under their objectives, the text table left alone', () => {
    const mapping = analyzed(workbook, '张三');
    expect(mapping.layout).toBe('sheets');
    expect(mapping.headerRow).toBe(2);
    expect(mapping.people).toEqual({ kind: 'sheets', sheets: ['张三', '李四'], nameCell: { row: 1, col: 1 } });
    expect(mapping.sections).toEqual(['提升客户满意度', '提升效率']);
    expect(mapping.fields.filter((f) => f.role !== 'ignore').map((f) => `${f.key} ${f.role} ${f.name}`)).toEqual([
      'E4 input 满意度达到95%(评价)',
      'F4 indicator 满意度达到95%',
      'E5 input 投诉下降20%(评价)',
      'F5 indicator 投诉下降20%',
      'E6 input 平均响应30秒内(评价)',
      'F6 indicator 平均响应30秒内',
      'F8 total 合计',
    ]);
  });

  it('scores both people as the cached values say (张三 40+16+24 = 80)', () => {
    const result = built(workbook, analyzed(workbook, '张三'));
    expect(result.people.map((p) => [p.name, p.cached['F8']])).toEqual([
      ['张三', 80],
      ['李四', 72],
    ]);
    expect(result.review.flatMap((item) => item.issues)).toEqual([]);
    expect(checkImport(result).differences).toEqual([]);
  });
});

describe('one row per person with a 是/否 column and a merged title', () => {
  const PEOPLE: readonly [string, number, number][] = [
    ['张三', 50, 45],
    ['李四', 30, 25],
    ['王五', 40, 38],
  ];
  const BOOK: Record<string, SheetSpec> = {
    Sheet1: {
      rows: [
        ['2026年5月客服考核表'],
        ['姓名', '业绩得分', '态度得分', '总分', '等级', '是否达标'],
        ...PEOPLE.map(([name, a, b], i) => {
          const r = i + 3;
          return [name, a, b, `=B${r}+C${r}`, `=IF(D${r}>=90,"优秀",IF(D${r}>=60,"合格","不合格"))`, `=IF(D${r}>=60,"是","否")`];
        }),
      ],
      merges: ['A1:F1'],
    },
  };
  const workbook = roundTrip(BOOK);
  const mapping = analyzed(workbook, 'Sheet1');

  it('proposes one grade: the 是/否 column is left out, not a second grade', () => {
    expect(names(mapping)).toMatchObject({ E: 'grade:等级', F: 'ignore:是否达标' });
    expect(mapping.fields.filter((f) => f.role === 'grade')).toHaveLength(1);
  });

  it('does not prefix the headers with the merged title above them', () => {
    expect(mapping.title).toBe('2026年5月客服考核表');
    expect(mapping.fields.map((f) => f.header)).toEqual(['业绩得分', '态度得分', '总分', '等级', '是否达标']);
    const result = built(workbook, mapping);
    expect(result.template.grades.map((g) => g.label)).toEqual(['优秀', '合格', '不合格']);
    expect(checkImport(result).differences).toEqual([]);
  });
});

describe('forms stacked on one sheet, one per person', () => {
  const copy = (name: string, scores: readonly [number, number]): (SheetSpec['rows'][number])[] => [
    ['姓名：', name],
    ['考核项目', '满分', '得分'],
    ['业绩', 60, scores[0]],
    ['态度', 40, scores[1]],
    ['总分', null, null],
  ];
  const rows = [...copy('张三', [50, 35]), [], ...copy('李四', [42, 30]), [], ...copy('王五', [58, 39])];
  // The 总分 of each copy sums its own two scores.
  const withTotals = rows.map((row, r) => (row[0] === '总分' ? ['总分', null, `=SUM(C${r - 1}:C${r})`] : row));
  const workbook = roundTrip({ 考核: { rows: withTotals } });

  it('finds each copy and its name, and scores them all', () => {
    const mapping = analyzed(workbook, '考核');
    expect(mapping.layout).toBe('form');
    expect(mapping.people).toEqual({ kind: 'blocks', blocks: [{ row: 0, col: 0 }, { row: 6, col: 0 }, { row: 12, col: 0 }], nameCell: { row: 0, col: 1 } });
    const result = built(workbook, mapping);
    expect(result.people.map((p) => [p.name, p.cached['C5']])).toEqual([
      ['张三', 85],
      ['李四', 72],
      ['王五', 97],
    ]);
    expect(checkImport(result).differences).toEqual([]);
  });

  it('chosen as one sheet per person instead, it is the first copy only', () => {
    const mapping = analyzed(workbook, '考核', { layout: 'sheets' });
    expect(mapping.people).toMatchObject({ kind: 'sheets', sheets: ['考核'] });
    expect(built(workbook, mapping).people.map((p) => p.name)).toEqual(['张三']);
  });
});
