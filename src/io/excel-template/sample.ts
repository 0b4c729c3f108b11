// The sample workbook offered by "New from Excel file" for people without a 考核表 at hand: a
// monthly customer-service sheet, one row per person, with the formulas real sheets use (bands as
// nested IF, a deduction, CHOOSE on a level, SUM, a grade and RANK). Excel's cached values are
// worked out here the way the formulas say, so the wizard's check agrees cell for cell.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';

type Person = readonly [name: string, employeeNo: string, completion: number, satisfaction: number, complaints: number, attitude: number];

const PEOPLE: readonly Person[] = [
  ['王芳', 'KF001', 1.05, 96, 0, 5],
  ['李娜', 'KF002', 0.92, 88, 1, 4],
  ['张伟', 'KF003', 0.85, 91, 2, 3],
  ['刘洋', 'KF004', 0.78, 75, 4, 3],
  ['陈静', 'KF005', 0.98, 93, 0, 4],
];

const TITLE = '客服月度考核表（示例）';
const HEADER = ['姓名', '工号', '完成率', '客户满意度', '投诉次数', '服务态度等级', '完成率得分(40分)', '满意度得分(30分)', '投诉得分(20分)', '态度得分(10分)', '总分', '等级', '排名'];
/** Rows (1-based, as Excel numbers them) of the first and last person. */
const FIRST = 3;
const LAST = FIRST + PEOPLE.length - 1;

function completionScore(rate: number): number {
  return rate >= 1 ? 40 : rate >= 0.9 ? 30 : rate >= 0.8 ? 20 : 0;
}

function satisfactionScore(score: number): number {
  return score >= 90 ? 30 : score >= 85 ? 20 : score >= 80 ? 10 : 0;
}

function gradeOf(total: number): string {
  return total >= 90 ? '优秀' : total >= 75 ? '良好' : total >= 60 ? '合格' : '不合格';
}

const text = (v: string): CellObject => ({ t: 's', v });
const number = (v: number, z?: string): CellObject => (z ? { t: 'n', v, z } : { t: 'n', v });
const formula = (f: string, cached: number | string): CellObject => (typeof cached === 'number' ? { t: 'n', v: cached, f } : { t: 's', v: cached, f });

/** The sample as .xlsx bytes. */
export function sampleWorkbook(): Uint8Array {
  const totals = PEOPLE.map(([, , rate, satisfaction, complaints, attitude]) => completionScore(rate) + satisfactionScore(satisfaction) + Math.max(0, 20 - 5 * complaints) + attitude * 2);
  const rows: CellObject[][] = [[text(TITLE)], HEADER.map(text)];
  PEOPLE.forEach(([name, employeeNo, rate, satisfaction, complaints, attitude], i) => {
    const r = FIRST + i;
    const total = totals[i] as number;
    const rank = 1 + totals.filter((other) => other > total).length;
    rows.push([
      text(name),
      text(employeeNo),
      number(rate, '0%'),
      number(satisfaction),
      number(complaints),
      number(attitude),
      formula(`IF(C${r}>=100%,40,IF(C${r}>=90%,30,IF(C${r}>=80%,20,0)))`, completionScore(rate)),
      formula(`IF(D${r}>=90,30,IF(D${r}>=85,20,IF(D${r}>=80,10,0)))`, satisfactionScore(satisfaction)),
      formula(`MAX(0,20-5*E${r})`, Math.max(0, 20 - 5 * complaints)),
      formula(`CHOOSE(F${r},2,4,6,8,10)`, attitude * 2),
      formula(`SUM(G${r}:J${r})`, total),
      formula(`IF(K${r}>=90,"优秀",IF(K${r}>=75,"良好",IF(K${r}>=60,"合格","不合格")))`, gradeOf(total)),
      formula(`RANK(K${r},$K$${FIRST}:$K$${LAST})`, rank),
    ]);
  });
  const sheet: WorkSheet = {
    '!data': rows,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: HEADER.length - 1 } }),
    '!merges': [{ s: { r: 0, c: 0 }, e: { r: 0, c: HEADER.length - 1 } }],
    '!cols': HEADER.map((header) => ({ wch: Math.max(8, header.length * 2) })),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '2026年5月');
  const bytes: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx' });
  if (!(bytes instanceof ArrayBuffer)) throw new Error('SheetJS did not write bytes');
  return new Uint8Array(bytes);
}
