// Rater forms: only the rater's cells unlocked on a protected sheet, instructions on top, the
// role's scores as formulas; filled forms come back, merge, show conflicts and missing cells.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { exportRaterForm, raterFormFileName, type RaterFormRequest } from '../../../src/io/rater-form';
import { averagedWithStored, mergeForms, readRaterForm, resolveConflicts, type ReadForm } from '../../../src/io/rater-merge';
import { readWorkbook } from '../../../src/io/xlsx-read';
import { batchBuilder, batchSize, entriesOf } from '../../../src/io/entry-batch';
import { exportScoresXlsx } from '../../../src/io/export-xlsx';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import { scorePeriod } from '../../../src/scoring/score';
import { forHyperFormula } from '../formula/hyperformula-oracle';
import { FIXTURE_PEOPLE, periodFixture } from './period-fixture';

const data = { ...periodFixture(customerMonthly), input: { ...periodFixture(customerMonthly).input, entries: [] } };
const context = {
  template: customerMonthly,
  periodId: data.periodId,
  templateId: data.templateId,
  periodKey: data.periodKey,
  periodKind: data.periodKind,
  people: FIXTURE_PEOPLE,
};

function form(personIds: string[], label: string, rater = ''): RaterFormRequest {
  return { data, role: 'supervisor', rater, personIds, label };
}

/** Fill cells by header name and person name, as a rater would in Excel, and save. */
function fill(bytes: Uint8Array, values: Record<string, Record<string, string | number>>): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const header = rows[5] as string[];
  rows.forEach((row, r) => {
    const person = values[String(row[2])];
    if (!person || r <= 5) return;
    for (const [column, value] of Object.entries(person)) {
      const c = header.indexOf(column);
      if (c < 0) throw new Error(`no column ${column}`);
      ws[XLSX.utils.encode_cell({ r, c })] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
    }
  });
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function read(file: string, bytes: Uint8Array): ReadForm {
  const workbook = readWorkbook(file, bytes);
  if (!workbook.ok) throw new Error(workbook.problem.code);
  const result = readRaterForm(workbook.workbook, context);
  if (!result.ok) throw new Error(result.problem.code);
  return result.form;
}

describe('a rater form', () => {
  const bytes = exportRaterForm(form(['p1', 'p2', 'p3'], '客服一组'));
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  const ws = wb.Sheets['评分']!;

  it('puts instructions in the first rows and only this role\'s inputs in the header', () => {
    expect(ws.A1?.v).toBe('客户考核评分表(月度) · 2026-11 · 上级 · 客服一组');
    expect(String(ws.A2?.v)).toContain('蓝色');
    const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[5]!;
    expect(header.slice(0, 4)).toEqual(['人员编号（系统用，请勿修改）', '工号', '姓名', '完成率（上级）']);
    expect(header.some((h) => h.includes('（自评）'))).toBe(false);
    expect(header).toContain('客服流程体系的建立与完善（上级）');
  });

  it('is protected, with the input cells unlocked and the person id column hidden', () => {
    const sheetXml = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml').content);
    expect(sheetXml).toContain('<sheetProtection sheet="1"/>');
    expect(ws['!cols']?.[0]?.hidden).toBe(true);
    const styles = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/styles.xml').content);
    const unlockedFormats = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="\[Blue\][^"]*"\/>/g)].map((m) => m[1]);
    expect(unlockedFormats.length).toBeGreaterThan(0);
    for (const id of unlockedFormats) expect(styles).toMatch(new RegExp(`<xf numFmtId="${id}"[^>]*applyProtection="1"><protection locked="0"/></xf>`));
    expect(ws.D7?.z).toMatch(/^\[Blue\]/);
    expect(ws.A7?.z).toBe('@');
  });

  it('has a file name saying what it is for', () => {
    expect(raterFormFileName(form(['p1'], '客服一组'))).toBe('客户考核评分表(月度)-2026-11-上级-客服一组.xlsx');
  });

  it('the role\'s score formulas recalculate to the core\'s role scores once filled', () => {
    // As Excel stores what the rater types: 92% is the number 0.92.
    const filled = fill(bytes, { 王芳: { '完成率（上级）': 0.92, '以客户为中心等级（上级）': 4, '投诉2小时内未响应（上级）': 0, '客户满意度得分（上级）': 91 } });
    const back = XLSX.read(filled, { type: 'array', cellFormula: true, dense: true, sheetStubs: true });
    const rows = (back.Sheets['评分']!['!data'] ?? []).map((row) => (row ?? []).map((cell) => {
      if (!cell || cell.t === 'z' && !cell.f) return null;
      if (cell.f) return `=${forHyperFormula(cell.f.replaceAll('_xlfn.', ''))}`;
      return cell.t === 's' ? `'${String(cell.v)}` : (cell.v as number);
    }));
    const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
    const values = hf.getSheetValues(0);
    const header = values[5] as string[];
    const merged = mergeForms([read('a.xlsx', filled)]);
    const scored = scorePeriod(customerMonthly, { people: [{ id: 'p1', name: '王芳' }], entries: entriesOf(merged.agreed).map((e) => ({ personId: e.person, key: e.key, role: e.role, value: e.value })) });
    const result = scored.people[0]!;
    let compared = 0;
    for (const indicator of customerMonthly.sections.flatMap((section) => section.indicators)) {
      const column = header.indexOf(`${indicator.name}（上级）`);
      if (column < 0) continue;
      expect(values[6]![column], indicator.name).toBe(result.indicators[indicator.id]!.byRole!.supervisor);
      compared += 1;
    }
    expect(compared).toBe(12);
    const errors = values.flatMap((row, r) => row.flatMap((v, c) => (v instanceof DetailedCellError ? [`${header[c]} row ${r + 1}: ${v.value} ${v.message}`] : [])));
    expect(errors).toEqual([]);
    hf.destroy();
  });
});

describe('filled forms coming back', () => {
  const everyone = exportRaterForm(form(['p1', 'p2', 'p3'], '全部'));
  const team = exportRaterForm(form(['p1', 'p2'], '客服一组'));

  it('merges agreeing cells, lists the same cell filled differently as a conflict, and the cells nobody filled', () => {
    const a = read('全部.xlsx', fill(everyone, { 王芳: { '完成率（上级）': '90%', '客户满意度得分（上级）': 88 }, 张伟: { '完成率（上级）': 0.8 } }));
    const b = read('一组.xlsx', fill(team, { 王芳: { '完成率（上级）': '95%', '客户满意度得分（上级）': '88' }, 李娜: { '完成率（上级）': '85%' } }));
    expect(a.plan.problems).toEqual([]);
    const merged = mergeForms([a, b]);
    expect(merged.conflicts).toEqual([
      {
        id: expect.any(String),
        person: 'p1',
        key: 'process_completion',
        role: 'supervisor',
        rater: '',
        options: [
          { file: '全部.xlsx', row: 7, column: 3, value: 0.9 },
          { file: '一组.xlsx', row: 7, column: 3, value: 0.95 },
        ],
      },
    ]);
    const agreed = entriesOf(merged.agreed).map((e) => `${e.person} ${e.key} ${e.value}`);
    expect(agreed).toEqual(['p1 satisfaction_score 88', 'p3 process_completion 0.8', 'p2 process_completion 0.85']);
    // 李娜's satisfaction is on both forms and filled on neither.
    expect(merged.missing.find((m) => m.person === 'p2' && m.key === 'satisfaction_score')?.files).toEqual(['全部.xlsx', '一组.xlsx']);
    expect(merged.missing.some((m) => m.person === 'p1' && m.key === 'process_completion')).toBe(false);

    expect(resolveConflicts(merged, new Map())).toBeUndefined();
    const resolved = resolveConflicts(merged, new Map([[merged.conflicts[0]!.id, 1]]))!;
    expect(entriesOf(resolved).at(-1)?.value).toBe(0.95);
    expect(batchSize(resolved)).toBe(4);
  });

  it('a named rater\'s values are stored under their name', () => {
    const bytes = exportRaterForm(form(['p1'], '赵经理', '赵经理'));
    const f = read('赵.xlsx', fill(bytes, { 王芳: { '完成率（上级）': '90%' } }));
    expect(entriesOf(f.plan.entries).map((e) => e.rater)).toEqual(['赵经理']);
  });

  it('refuses a form of another period, and a workbook that is not a form', () => {
    const other = exportRaterForm({ ...form(['p1'], 'x'), data: { ...data, periodId: 'period-2', periodKey: '2026-10' } });
    const workbook = readWorkbook('old.xlsx', other);
    if (!workbook.ok) throw new Error('unreadable');
    expect(readRaterForm(workbook.workbook, context)).toEqual({ ok: false, problem: { code: 'otherPeriod', severity: 'error', file: 'old.xlsx', expected: '2026-11', received: '2026-10' } });
    const scores = readWorkbook('scores.xlsx', exportScoresXlsx(data));
    if (!scores.ok) throw new Error('unreadable');
    expect(readRaterForm(scores.workbook, context)).toMatchObject({ ok: false, problem: { code: 'notKaoheFile' } });
  });
});

describe('named and unnamed raters of one cell', () => {
  it('the merge lists a named form value that will be averaged with a stored unnamed one, with the mean', () => {
    const form = batchBuilder();
    form.addEntry({ person: 'p1', key: 'process_completion', role: 'supervisor', rater: '赵经理', value: 0.8 });
    form.addEntry({ person: 'p2', key: 'process_completion', role: 'supervisor', rater: '赵经理', value: 0.9 });
    form.addEntry({ person: 'p3', key: 'process_completion', role: 'supervisor', rater: '', value: 0.95 });
    const stored = [
      { personId: 'p1', key: 'process_completion', role: 'supervisor' as const, value: 0.99 },
      // p2: only another named rater (two named raters are averaged, as expected; not listed).
      { personId: 'p2', key: 'process_completion', role: 'supervisor' as const, rater: '钱主管', value: 0.89 },
      // p3: an unnamed form value joining a named rater's.
      { personId: 'p3', key: 'process_completion', role: 'supervisor' as const, rater: '钱主管', value: 0.75 },
    ];
    const cells = averagedWithStored(form.done(), stored);
    expect(cells.map((cell) => [cell.person, cell.parts.map((p) => `${p.rater || '—'} ${p.value} ${p.source}`), cell.mean])).toEqual([
      ['p1', ['— 0.99 stored', '赵经理 0.8 form'], 0.895],
      ['p3', ['钱主管 0.75 stored', '— 0.95 form'], 0.85],
    ]);
  });
});
