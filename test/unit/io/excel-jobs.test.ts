// The worker's side of "New from Excel file": a workbook opened once and named by a token, a sheet's
// proposal with a preview of merged headers, the template built from a mapping with Kaohe's scores
// beside Excel's for every person, and files that are not workbooks refused with a reason.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { analyzeExcel, buildExcel, closeExcel, openExcel } from '../../../src/io/excel-jobs';
import type { ExcelAnalyzed, ExcelBuilt, ExcelOpened, ExcelOutcome } from '../../../src/io/excel-protocol';
import { buildBook, xlsxBytes } from './excel-template/workbooks';
import { SCORECARD, SCORECARD_PEOPLE, SCORECARD_SHEET, scorecardBytes } from './excel-template/scorecard-workbook';

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function value<T>(outcome: ExcelOutcome<T>): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.value;
}

function openScorecard(token = 't1'): ExcelOpened {
  return value(openExcel({ token, file: '客服部考核.xlsx', bytes: buffer(scorecardBytes()) }));
}

describe('opening and analysing a workbook in the worker', () => {
  it('lists the sheets with the hidden one marked, and no macros', () => {
    const opened = openScorecard();
    expect(opened.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['填表说明', false],
      [SCORECARD_SHEET, false],
      ['参数', true],
    ]);
    expect(opened.macros).toBe(false);
    expect(opened.issues).toEqual([]);
  });

  it('proposes a mapping with the people, and a preview where merged headers span their cells', () => {
    openScorecard();
    const analyzed: ExcelAnalyzed = value(analyzeExcel({ token: 't1', sheet: SCORECARD_SHEET }));
    expect(analyzed.mapping.layout).toBe('rows');
    expect(analyzed.people.map((p) => p.name)).toEqual(SCORECARD_PEOPLE.map((p) => p[0]));
    const { rows } = analyzed.preview;
    // Title, two header rows and five rows under them (the four people).
    expect(rows).toHaveLength(7);
    expect(rows[0]?.[0]).toEqual({ text: '客服部绩效考核表', colSpan: 16 });
    expect(rows[0]?.slice(1).every((cell) => cell === null)).toBe(true);
    expect(rows[1]?.[0]).toEqual({ text: '姓名', rowSpan: 2 });
    expect(rows[2]?.[0]).toBeNull();
    expect(rows[1]?.[7]).toEqual({ text: '业绩考核', colSpan: 3 });
    expect(rows[3]?.[7]).toEqual({ text: '40', formula: '=IF(C4>=100%,40,IF(C4>=90%,30,IF(C4>=80%,20,0)))' });
    expect(analyzed.preview.moreRows).toBe(false);
  });

  it('builds the template and compares every person and computed field with Excel: none differ', () => {
    openScorecard();
    const { mapping } = value(analyzeExcel({ token: 't1', sheet: SCORECARD_SHEET }));
    const built: ExcelBuilt = value(buildExcel({ token: 't1', mapping }));
    expect(built.template.sections.map((s) => [s.name, s.weight])).toEqual([
      ['业绩考核', 0.8],
      ['行为考核', 0.2],
    ]);
    const band = built.review.find((item) => item.name === '任务完成');
    expect(band).toMatchObject({ kind: 'bands', excel: '=IF(C4>=100%,40,IF(C4>=90%,30,IF(C4>=80%,20,0)))' });
    const { comparison } = built;
    expect(comparison.columns.map((c) => c.name)).toEqual(['任务完成', '客户满意', '投诉处理', '服务态度', '团队协作', '业绩考核', '行为考核', '总分', '等级']);
    expect(comparison.compared).toBe(4 * 9);
    expect(comparison.differing).toBe(0);
    // 张三: 40 + 30 + 30 = 100; 50 + 40 = 90; 100 × 80% + 90 × 20% = 98 → 优秀.
    const first = comparison.people[0];
    expect(first?.name).toBe('张三');
    expect(first?.cells.slice(5).map((cell) => cell.kaohe)).toEqual([100, 90, 98, '优秀']);
    expect(first?.cells.every((cell) => cell.same)).toBe(true);
  });

  it('marks the cells where Excel cached something else, with both values', () => {
    const book = buildBook(SCORECARD);
    // 李四's total as a hand-edited cell would leave it: 30+20+20 = 70, 30+40 = 70 → 70, cached 71.
    const total = book.Sheets[SCORECARD_SHEET]?.['O5'];
    if (total) total.v = 71;
    value(openExcel({ token: 't2', file: 'edited.xlsx', bytes: buffer(xlsxBytes(book)) }));
    const { mapping } = value(analyzeExcel({ token: 't2', sheet: SCORECARD_SHEET }));
    const { comparison } = value(buildExcel({ token: 't2', mapping }));
    expect(comparison.differing).toBe(1);
    const li = comparison.people.find((p) => p.name === '李四');
    const column = comparison.columns.findIndex((c) => c.role === 'total');
    expect(li?.cells[column]).toEqual({ kaohe: 70, excel: 71, same: false });
    expect(comparison.differences).toEqual([{ personId: 'E002', person: '李四', field: 'O', name: '总分', cell: "'2026年5月考核'!O5", kaohe: 70, excel: 71 }]);
  });

  it('answers "closed" when the worker no longer holds the workbook (restarted, or another file opened)', () => {
    openScorecard('old');
    openScorecard('new');
    expect(analyzeExcel({ token: 'old', sheet: SCORECARD_SHEET })).toEqual({ ok: false, refusal: { kind: 'closed' } });
    closeExcel();
    expect(analyzeExcel({ token: 'new', sheet: SCORECARD_SHEET })).toEqual({ ok: false, refusal: { kind: 'closed' } });
  });
});

describe('files that are not workbooks', () => {
  it('refuses a text file named .xlsx as not a workbook', () => {
    const bytes = new TextEncoder().encode('姓名,得分\n张三,90\n');
    expect(openExcel({ token: 'x', file: '考核.xlsx', bytes: buffer(bytes) })).toEqual({ ok: false, refusal: { kind: 'notWorkbook', file: '考核.xlsx' } });
  });

  it('refuses a broken zip before SheetJS reads it', () => {
    const bytes = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    const result = openExcel({ token: 'x', file: '坏.xlsx', bytes: buffer(bytes) });
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'problem', problem: { code: 'damaged', file: '坏.xlsx' } } });
  });

  it('reports macros of an .xlsm and still opens it', () => {
    const book = buildBook(SCORECARD);
    book.vbaraw = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    const written: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsm', bookVBA: true });
    if (!(written instanceof ArrayBuffer)) throw new Error('no bytes');
    const opened = value(openExcel({ token: 'm', file: '考核.xlsm', bytes: written }));
    expect(opened.macros).toBe(true);
    expect(opened.issues).toEqual([{ code: 'macros', params: { file: '考核.xlsm' } }]);
  });
});
