// (e) A file as WPS saves it: shared formulas (one master per column, the other cells pointing at
// it), `_xlfn.` prefixes on newer functions, no <dimension> element, `0.00%` formats. SheetJS
// expands shared formulas on read; the import must not see the difference.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { analyzeSheet } from '../../../../src/io/excel-template/analyze';
import { buildTemplate } from '../../../../src/io/excel-template/build';
import { checkImport } from '../../../../src/io/excel-template/check';
import { buildBook, read, xlsxBytes, type SheetSpec } from './workbooks';

const ROWS: readonly [string, number, number, number][] = [
  ['小王', 0.985, 0, 1],
  ['小李', 1, 2, 3],
  ['小张', 0.9, 6, 0],
  ['小赵', 0.995, 1, 1],
];

const SHEET: SheetSpec = {
  rows: [
    ['姓名', '旺旺回复率', '延时次数', '未提出解决方案次数', '回复率扣分', '及时性得分', '总分', '等级'],
    ...ROWS.map(([name, rate, a, b], i) => {
      const r = i + 2;
      return [
        name,
        { v: rate, z: '0.00%' },
        a,
        b,
        `=IF(B${r}>=1,0,-1)`,
        `=MAX(0,30-2*C${r}-2*D${r})`,
        `=E${r}+F${r}`,
        `=_xlfn.IFS(G${r}>=28,"优秀",G${r}>=20,"良好",TRUE,"待改进")`,
      ];
    }),
  ],
};

/** Rewrites one column's formulas as WPS stores them: a shared master and pointers to it. */
function shareColumn(xml: string, column: string, first: number, last: number, index: number): string {
  let out = xml;
  for (let row = first; row <= last; row++) {
    const cell = new RegExp(`(<c r="${column}${row}"[^>]*>)<f>([^<]*)</f>`);
    out = out.replace(cell, (_, open: string, formula: string) =>
      row === first ? `${open}<f t="shared" ref="${column}${first}:${column}${last}" si="${index}">${formula}</f>` : `${open}<f t="shared" si="${index}"/>`,
    );
  }
  return out;
}

function wpsBytes(): { bytes: Uint8Array; xml: string } {
  const cfb = XLSX.CFB.read(xlsxBytes(buildBook({ 考核表: SHEET })), { type: 'buffer' });
  const index = cfb.FullPaths.findIndex((path: string) => path.endsWith('xl/worksheets/sheet1.xml'));
  const entry = cfb.FileIndex[index];
  if (!entry?.content) throw new Error('no sheet xml');
  let xml = new TextDecoder().decode(entry.content as Uint8Array);
  ['E', 'F', 'G', 'H'].forEach((column, i) => (xml = shareColumn(xml, column, 2, 5, i)));
  xml = xml.replace(/<dimension[^>]*\/>/, '');
  entry.content = new TextEncoder().encode(xml);
  const zipped: unknown = XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' });
  const bytes = zipped instanceof ArrayBuffer ? new Uint8Array(zipped) : zipped instanceof Uint8Array ? zipped : new Uint8Array(0);
  return { bytes, xml };
}

describe('(e) a WPS-style file: shared formulas, _xlfn. prefixes, no dimension', () => {
  const { bytes, xml } = wpsBytes();
  const workbook = read(bytes, '考核表(WPS).xlsx');
  const analyzed = analyzeSheet(workbook, '考核表');
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.issues));
  const built = buildTemplate(workbook, analyzed.mapping);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));

  it('really is stored with shared formulas and without a dimension', () => {
    expect(xml).toContain('<f t="shared" ref="F2:F5" si="1">MAX(0,30-2*C2-2*D2)</f>');
    expect(xml).toContain('<f t="shared" si="1"/>');
    expect(xml).toContain('_xlfn.IFS(');
    expect(xml).not.toContain('<dimension');
  });

  it('reads each person’s own formula from the shared master', () => {
    const line = built.review.find((item) => item.name === '及时性得分');
    expect(line).toMatchObject({ excel: '=MAX(0,30-2*C2-2*D2)', kind: 'deduction', issues: [] });
    expect(built.issues).toEqual([]);
  });

  it('translates _xlfn.IFS and recognises it as grade bands; the threshold as a threshold', () => {
    expect(built.review.find((item) => item.name === '等级')).toMatchObject({ excel: '=_xlfn.IFS(G2>=28,"优秀",G2>=20,"良好",TRUE,"待改进")', kind: 'grades' });
    expect(built.template.grades.map((g) => [g.label, g.min])).toEqual([
      ['优秀', 28],
      ['良好', 20],
      ['待改进', null],
    ]);
    const threshold = built.template.sections[0]?.indicators.find((i) => i.name === '回复率扣分');
    expect(threshold?.rule).toEqual({ kind: 'threshold', input: '旺旺回复率', op: '>=', value: 1, pass: 0, fail: -1 });
    expect(built.template.inputs.find((i) => i.name === '旺旺回复率')?.type).toBe('percent');
  });

  it('scores every person exactly as the cached values say', () => {
    const check = checkImport(built);
    expect(check.differences).toEqual([]);
    expect(check.compared).toBe(ROWS.length * 4);
  });
});
