// Files from someone else's machine: macros are reported and never run, oversized files and
// sheets are refused with the size and the limit, broken files give a reason, and cells the
// template cannot hold (array formulas, external links, unknown functions) are listed by cell.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/catalog';
import { analyzeSheet, buildTemplate, checkImport, EXCEL_LIMITS, ISSUE_CODES, issueMessageKey, readExcelWorkbook, wrapWorkbook } from '../../../../src/io/excel-template/index';
import { buildBook, roundTrip, xlsxBytes, type CellSpec } from './workbooks';

const SMALL = {
  考核表: {
    rows: [
      ['姓名', '满意度', '得分'],
      ['甲', 95, '=IF(B2>=90,20,0)'],
      ['乙', 80, '=IF(B3>=90,20,0)'],
    ],
  },
};

describe('reading files safely', () => {
  it('reports VBA macros in an .xlsm and never runs them', () => {
    const book = buildBook(SMALL);
    // A VBA project blob as Excel stores it in an .xlsm (content irrelevant: it is never run).
    book.vbaraw = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const written: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsm', bookVBA: true });
    const result = readExcelWorkbook(new Uint8Array(written as ArrayBuffer), '考核.xlsm');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.workbook.macros).toBe(true);
    expect(result.workbook.issues).toEqual([{ code: 'macros', params: { file: '考核.xlsm' } }]);
    const analyzed = analyzeSheet(result.workbook, '考核表');
    if (!analyzed.ok) throw new Error('not analysed');
    const built = buildTemplate(result.workbook, analyzed.mapping);
    expect(built.ok && built.issues.map((i) => i.code)).toEqual(['macros']);
  });

  it('refuses a file over the size limit without reading it', () => {
    const result = readExcelWorkbook(new Uint8Array(EXCEL_LIMITS.maxBytes + 1), '大.xlsx');
    expect(result).toEqual({ ok: false, issues: [{ code: 'fileTooLarge', params: { file: '大.xlsx', bytes: EXCEL_LIMITS.maxBytes + 1, limit: EXCEL_LIMITS.maxBytes } }] });
  });

  it('marks a sheet over the cell limit and refuses to analyse or build it', () => {
    const wide = XLSX.utils.aoa_to_sheet([['姓名']]);
    wide['!ref'] = 'A1:CV3000'; // 100 columns × 3000 rows = 300 000 cells
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, wide, '大表');
    const workbook = wrapWorkbook(book, 'big.xlsx');
    const expected = { code: 'sheetTooLarge', params: { sheet: '大表', rows: 3000, cols: 100, limit: EXCEL_LIMITS.maxCells } };
    expect(workbook.sheets[0]?.issue).toEqual(expected);
    expect(analyzeSheet(workbook, '大表')).toEqual({ ok: false, issues: [expected] });
  });

  it('gives a reason for a file that is not a workbook', () => {
    const result = readExcelWorkbook(new TextEncoder().encode('PK\u0003\u0004 not really a zip'), '坏.xlsx');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.code).toBe('unreadable');
  });

  it('names a sheet that is not there', () => {
    const workbook = roundTrip(SMALL);
    expect(analyzeSheet(workbook, '没有')).toEqual({ ok: false, issues: [{ code: 'noSheet', params: { sheet: '没有' } }] });
  });
});

describe('cells the template cannot hold are listed with their reason and cell', () => {
  const sheets = {
    考核表: {
      rows: [
        ['姓名', '满意度', '外部得分', '间接得分', '数组得分', '得分', '总分'],
        ...(
          [
            ['甲', 95],
            ['乙', 80],
          ] as const
        ).map(([name, value], i): CellSpec[] => {
          const r = i + 2;
          // What Excel would cache; HyperFormula cannot follow links or INDIRECT, so these are by hand.
          const total = 4 + value / 10 + value * 3 + (value >= 90 ? 20 : 0);
          return [
            name,
            value,
            { f: `[1]Sheet1!A${r}*2`, cached: 4 },
            { f: `INDIRECT("B${r}")/10`, cached: value / 10 },
            { f: `SUM(B${r}*{1,2})`, cached: value * 3 },
            `=IF(B${r}>=90,20,0)`,
            { f: `SUM(C${r}:F${r})`, cached: total },
          ];
        }),
      ],
    },
  };
  const book = buildBook(sheets);
  // An array (CSE) formula: SheetJS marks the block it fills.
  const cell = book.Sheets['考核表']?.['E2'];
  if (cell) cell.F = 'E2:E2';
  const workbook = wrapWorkbook(XLSX.read(xlsxBytes(book), { type: 'array', cellFormula: true, xlfn: true, cellNF: true }), 'links.xlsx');
  const analyzed = analyzeSheet(workbook, '考核表');
  if (!analyzed.ok) throw new Error('not analysed');
  const built = buildTemplate(workbook, analyzed.mapping);
  if (!built.ok) throw new Error('not built');
  const issuesOf = (name: string) => built.review.find((item) => item.name === name)?.issues.map((i) => ({ code: i.code, cell: i.cell, ...i.params }));

  it('external link, unsupported function by name, array formula', () => {
    expect(issuesOf('外部得分')).toEqual([{ code: 'externalLink', cell: '考核表!C2', ref: '[1]Sheet1!A2' }]);
    expect(issuesOf('间接得分')).toEqual([{ code: 'unsupportedFunction', cell: '考核表!D2', name: 'INDIRECT' }]);
    expect(issuesOf('数组得分')?.[0]).toMatchObject({ code: 'arrayFormula', cell: '考核表!E2' });
    expect(issuesOf('得分')).toEqual([]);
  });

  it('keeps what could not be translated as entered points, so the scores still match', () => {
    const kinds = Object.fromEntries(built.review.map((item) => [item.name, item.kind]));
    expect(kinds).toMatchObject({ 外部得分: 'direct', 间接得分: 'direct', 数组得分: 'direct', 得分: 'threshold', 总分: 'sum' });
    expect(checkImport(built).differences).toEqual([]);
  });

  it('every reason has a message in both languages, with its values filled in', () => {
    for (const code of ISSUE_CODES) {
      expect(translate('zh-CN', `excel.issue.${code}`)).not.toBe(`excel.issue.${code}`);
      expect(translate('en', `excel.issue.${code}`)).not.toBe(`excel.issue.${code}`);
    }
    const found = built.review.find((item) => item.name === '间接得分')?.issues[0];
    if (!found) throw new Error('no issue');
    expect(translate('zh-CN', issueMessageKey(found), found.params)).toBe('不支持的函数 INDIRECT');
    expect(translate('en', issueMessageKey(found), found.params)).toBe('Unsupported function INDIRECT');
  });
});
