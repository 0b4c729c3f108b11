// A team's own 绩效考核表 as HR keeps it in Excel, for the wizard's tests (unit and browser): a notes
// sheet first, the scorecard on a Chinese-named sheet under a merged title and merged group headers,
// 业绩 bands / deduction and 行为 levels, 业绩/行为 sums, 总分 = 业绩×80% + 行为×20% with the weights
// on a hidden 参数 sheet, and a grade by nested IF.
import { buildBook, pct, xlsxBytes, type CellSpec, type SheetSpec } from './workbooks';

export const SCORECARD_SHEET = '2026年5月考核';

/** 姓名, 工号, 完成率, 客户满意度得分, 投诉次数, 服务态度等级, 团队协作等级. */
export const SCORECARD_PEOPLE: readonly (readonly [string, string, number, number, number, number, number])[] = [
  ['张三', 'E001', 1.02, 92, 0, 5, 4],
  ['李四', 'E002', 0.93, 85, 1, 3, 4],
  ['王五', 'E003', 0.78, 76, 3, 2, 3],
  ['赵六', 'E004', 0.88, 90, 2, 4, 5],
];

function personRow(person: (typeof SCORECARD_PEOPLE)[number], r: number): CellSpec[] {
  const [name, id, completion, satisfaction, complaints, attitude, teamwork] = person;
  return [
    name,
    id,
    pct(completion),
    satisfaction,
    complaints,
    attitude,
    teamwork,
    `=IF(C${r}>=100%,40,IF(C${r}>=90%,30,IF(C${r}>=80%,20,0)))`,
    `=IF(D${r}>=90,30,IF(D${r}>=80,20,10))`,
    `=MAX(0,30-10*E${r})`,
    `=CHOOSE(F${r},10,20,30,40,50)`,
    `=CHOOSE(G${r},10,20,30,40,50)`,
    `=SUM(H${r}:J${r})`,
    `=SUM(K${r}:L${r})`,
    `=M${r}*参数!$B$2+N${r}*参数!$B$3`,
    `=IF(O${r}>=90,"优秀",IF(O${r}>=75,"良好",IF(O${r}>=60,"合格","不合格")))`,
  ];
}

const FIRST = 4;

export const SCORECARD: Readonly<Record<string, SheetSpec>> = {
  填表说明: { rows: [['每月5日前交人事部。'], ['得分与等级由公式计算，请勿改动。']] },
  [SCORECARD_SHEET]: {
    rows: [
      ['客服部绩效考核表'],
      ['姓名', '工号', '原始数据', null, null, null, null, '业绩考核', null, null, '行为考核', null, '汇总'],
      [null, null, '完成率', '客户满意度得分', '投诉次数', '服务态度等级', '团队协作等级', '任务完成', '客户满意', '投诉处理', '服务态度', '团队协作', '业绩考核', '行为考核', '总分', '等级'],
      ...SCORECARD_PEOPLE.map((person, i) => personRow(person, FIRST + i)),
    ],
    merges: ['A1:P1', 'A2:A3', 'B2:B3', 'C2:G2', 'H2:J2', 'K2:L2', 'M2:P2'],
  },
  参数: {
    rows: [
      ['项目', '权重'],
      ['业绩考核', pct(0.8)],
      ['行为考核', pct(0.2)],
    ],
  },
};

/** The workbook as Excel saves it, 参数 hidden, with the values Excel would have cached. */
export function scorecardBytes(): Uint8Array {
  const book = buildBook(SCORECARD);
  book.Workbook = { ...book.Workbook, Sheets: book.SheetNames.map((name) => ({ name, Hidden: name === '参数' ? 1 : 0 })) };
  return xlsxBytes(book);
}
