// The rating workbook recalculated by an independent engine (HyperFormula, tests only) gives the
// core's numbers in every computed column, for every built-in template; and the workbook comes
// back through the import with identical entries, template and scores.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { exportScoresXlsx } from '../../../src/io/export-xlsx';
import { scoredGrid } from '../../../src/io/scored-grid';
import { readWorkbook } from '../../../src/io/xlsx-read';
import { mappingFromMeta, readTemplateSheet, readWorkbookMeta, sameTemplate } from '../../../src/io/workbook-read';
import { entriesOf, validateImport } from '../../../src/io/validate';
import { BUILTIN_TEMPLATES, customerMonthly, waiter } from '../../../src/scoring/builtins/index';
import { scorePeriod } from '../../../src/scoring/score';
import { isError } from '../../../src/formula/index';
import type { Template } from '../../../src/scoring/model';
import type { Value } from '../../../src/formula/types';
import { forHyperFormula } from '../formula/hyperformula-oracle';
import { FIXTURE_PEOPLE, periodFixture } from './period-fixture';

type Computed = number | string | boolean | null | { error: string };

/** Recalculate the first sheet of an xlsx with HyperFormula, from its formulas only. */
function recalculate(bytes: Uint8Array): { values: Computed[][]; formulas: (string | undefined)[][] } {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, dense: true, xlfn: true, sheetStubs: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const data: (XLSX.CellObject[] | undefined)[] = ws['!data'] ?? [];
  const formulas = data.map((row) => (row ?? []).map((cell) => cell?.f));
  const content = data.map((row) =>
    (row ?? []).map((cell) => {
      if (!cell) return null;
      // The cached value is dropped: only the formula counts.
      if (cell.f) return `=${forHyperFormula(cell.f.replaceAll('_xlfn.', ''))}`;
      if (cell.t === 's') return `'${String(cell.v)}`;
      if (cell.t === 'z') return null;
      if (cell.t === 'e') return `=${cell.w ?? '#N/A'}`;
      return cell.v as number | boolean;
    }),
  );
  const hf = HyperFormula.buildFromArray(content, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const values = hf.getSheetValues(0).map((row) =>
    row.map((value): Computed => (value instanceof DetailedCellError ? { error: value.value } : (value as Computed))),
  );
  hf.destroy();
  return { values, formulas };
}

function same(core: Value | undefined, excel: Computed | undefined): boolean {
  const blank = (x: unknown) => x === null || x === undefined || x === '';
  if (blank(core) && blank(excel)) return true;
  if (isError(core as Value)) return typeof excel === 'object' && excel !== null && 'error' in excel;
  if (typeof core === 'number' && typeof excel === 'number') return Math.abs(core - excel) <= 1e-9 * Math.max(1, Math.abs(core));
  return core === excel;
}

describe.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template: Template) => {
  const data = periodFixture(template);
  const bytes = exportScoresXlsx(data);
  const grid = scoredGrid(data);

  it('every computed column is a formula that HyperFormula recalculates to the core\'s value', () => {
    const { values, formulas } = recalculate(bytes);
    let checked = 0;
    grid.rows.forEach((row, i) => {
      grid.layout.columns.forEach((column, c) => {
        if (column.kind === 'employeeNo' || column.kind === 'name' || column.kind === 'status' || column.kind === 'entry' || column.kind === 'weekSum') return;
        expect(formulas[i + 1]![c], `${column.header} row ${i + 2} has a formula`).toBeTruthy();
        const excel = values[i + 1]![c];
        const core = row.values[c];
        expect(same(core, excel), `${column.letter}${i + 2} ${column.header}: core ${JSON.stringify(core)} vs Excel ${JSON.stringify(excel)} = ${formulas[i + 1]![c]}`).toBe(true);
        checked += 1;
      });
    });
    expect(checked).toBeGreaterThan(grid.rows.length * 3);
  });

  it('imports back with the same template, entries and scores', () => {
    const read = readWorkbook('export.xlsx', bytes);
    if (!read.ok) throw new Error(read.problem.code);
    const meta = readWorkbookMeta(read.workbook);
    if (!meta.ok) throw new Error(`meta ${meta.reason}`);
    const restored = readTemplateSheet(read.workbook, meta.meta);
    expect(restored?.ok && restored.value).toEqual(template);
    const table = read.workbook.table(meta.meta.sheet);
    if (!('rows' in table)) throw new Error(table.code);
    const mapping = mappingFromMeta(meta.meta, table.rows[0]!.length);
    const plan = validateImport(table, mapping, { template, periodKey: data.periodKey, periodKind: data.periodKind, people: FIXTURE_PEOPLE });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const imported = entriesOf(plan.entries).map((e) => `${e.person}|${e.key}|${e.role}|${String(e.value)}`).sort();
    // People on leave are not in the sheet, so their entries are not either.
    const original = data.input.entries.filter((e) => e.personId !== 'p7').map((e) => `${e.personId}|${e.key}|${e.role}|${String(e.value)}`).sort();
    expect(imported).toEqual(original);

    const entries = entriesOf(plan.entries).map((e) => ({ personId: e.person, key: e.key, role: e.role, value: e.value }));
    const again = scorePeriod(template, { ...data.input, entries: [...entries, ...data.input.entries.filter((e) => e.personId === 'p7')] });
    const totals = (people: readonly { total: unknown; grade: unknown; rank: unknown }[]) => people.map((p) => [p.total, p.grade, p.rank]);
    expect(totals(again.people)).toEqual(totals(scorePeriod(template, data.input).people));
  });
});

describe('the rating workbook', () => {
  const data = periodFixture(customerMonthly);
  const bytes = exportScoresXlsx(data);
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });

  it('has the scores, the template, notes and a hidden key', () => {
    expect(wb.SheetNames).toEqual(['评分表', '模板定义', '说明', '_kaohe']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 2]);
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['说明']!, { header: 1 }).flat().join('\n');
    expect(notes).toContain('客户考核评分表(月度) · 2026-11');
    expect(notes).toContain('2026-12-01T09:00:00.000Z');
    expect(notes).toContain(customerMonthly.description.split('\n')[0]!.slice(0, 30));
  });

  it('formats percents, freezes the header and names columns as the core does', () => {
    const ws = wb.Sheets['评分表']!;
    expect(ws.A1?.v).toBe('工号');
    expect(ws.D1?.v).toBe('完成率（自评）');
    const percentCell = [2, 3, 4, 5, 6].map((r) => ws[`D${r}`]).find((cell) => cell !== undefined);
    expect(percentCell?.z).toBe('0.00%');
    expect(ws['!cols']?.length).toBeGreaterThan(10);
    const sheetXml = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml').content);
    expect(sheetXml).toContain('<pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>');
    const workbookXml = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'array' }), '/xl/workbook.xml').content);
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
  });

  it('recognises its own template whatever the order of fields, and a changed one as different', () => {
    const read = readWorkbook('export.xlsx', bytes);
    if (!read.ok) throw new Error(read.problem.code);
    const meta = readWorkbookMeta(read.workbook);
    if (!meta.ok) throw new Error('no key');
    const restored = readTemplateSheet(read.workbook, meta.meta);
    if (!restored?.ok) throw new Error('no template');
    const reordered = Object.fromEntries(Object.entries(customerMonthly).reverse()) as unknown as Template;
    expect(sameTemplate(restored.value, reordered)).toBe(true);
    expect(sameTemplate(restored.value, { ...customerMonthly, rankTies: 'dense' })).toBe(false);
  });

  it('temporary cover is ranked but has no grade, in the file as in the core', () => {
    const row = grid(data).rows.findIndex((r) => r.person.id === 'p6');
    const { values } = recalculate(bytes);
    const layout = scoredGrid(data).layout;
    const gradeColumn = layout.columns.find((c) => c.kind === 'grade')!.index;
    const rankColumn = layout.columns.find((c) => c.kind === 'rank')!.index;
    expect(values[row + 1]![gradeColumn]).toBe('');
    expect(typeof values[row + 1]![rankColumn]).toBe('number');
  });
});

function grid(data: ReturnType<typeof periodFixture>) {
  return scoredGrid(data);
}

describe('ranks with ties', () => {
  /** Two people with the same entries tie; the third is below them. */
  function tied(rankTies: 'competition' | 'dense') {
    const template: Template = { ...customerMonthly, rankTies };
    const base = periodFixture(template);
    const copy = base.input.entries.filter((e) => e.personId === 'p1').map((e) => ({ ...e, personId: 'p2' }));
    const entries = [...base.input.entries.filter((e) => e.personId !== 'p2'), ...copy];
    return { ...base, template, input: { ...base.input, entries } };
  }

  it.each(['competition', 'dense'] as const)('%s ties recalculate in the file as the core ranks them', (ties) => {
    const data = tied(ties);
    const grid = scoredGrid(data);
    const rankColumn = grid.layout.columns.find((c) => c.kind === 'rank')!.index;
    const { values } = recalculate(exportScoresXlsx(data));
    const core = grid.rows.map((row) => row.rank);
    const excel = grid.rows.map((_, i) => values[i + 1]![rankColumn]);
    expect(excel).toEqual(core);
    expect(core[0]).toBe(core[1]);
    const ranks = [...core].sort((a, b) => (a ?? 0) - (b ?? 0));
    if (ties === 'dense') expect(new Set(ranks).size).toBe(Math.max(...(ranks as number[])));
  });
});

describe('people not rated and values that do not fit, in the file as in the core', () => {
  /** The fixture month plus 孙丽, on the roster but not rated yet, and 王芳's 以客户为中心等级 typed as 9 (levels 1–5). */
  function withOddRows(template: Template) {
    const base = periodFixture(template);
    const odd = template === customerMonthly ? [{ personId: 'p1', key: 'customer_focus_level', role: 'supervisor' as const, value: 9 }] : [];
    const entries = [...base.input.entries.filter((e) => !(e.personId === 'p1' && e.key === 'customer_focus_level' && e.role === 'supervisor')), ...odd];
    return {
      ...base,
      people: [...base.people, { id: 'p8', name: '孙丽', employeeNo: 'KF008' }],
      input: { ...base.input, people: [...base.input.people, { id: 'p8', name: '孙丽' }], entries },
    };
  }

  it.each([
    [customerMonthly.name, customerMonthly],
    [waiter.name, waiter],
  ] as const)('%s: a blank row is blank in every computed column (no 0, no #DIV/0!), and recalculates so', (_name, template) => {
    const data = withOddRows(template);
    const grid = scoredGrid(data);
    const { values, formulas } = recalculate(exportScoresXlsx(data));
    const row = grid.rows.findIndex((r) => r.person.id === 'p8');
    grid.layout.columns.forEach((column, c) => {
      if (column.kind === 'employeeNo' || column.kind === 'name' || column.kind === 'status') return;
      expect([null, ''], `${column.header}`).toContain(grid.rows[row]!.values[c] ?? null);
      const excel = values[row + 1]![c];
      expect(excel === null || excel === '', `${column.letter} ${column.header} = ${formulas[row + 1]![c]} gives ${JSON.stringify(excel)}`).toBe(true);
    });
    // Everyone else's ranks are the core's (孙丽 is not among them).
    const rank = grid.layout.columns.find((c) => c.kind === 'rank')!.index;
    expect(grid.rows.map((_, i) => values[i + 1]![rank] ?? null).map((v) => (v === '' ? null : v))).toEqual(grid.rows.map((r) => r.rank));
  });

  it('a level 9 on a 1–5 scale is written as typed; its score and the total are errors, with no grade or rank', () => {
    const data = withOddRows(customerMonthly);
    const grid = scoredGrid(data);
    const { values } = recalculate(exportScoresXlsx(data));
    const row = grid.rows.findIndex((r) => r.person.id === 'p1');
    const at = (header: string) => grid.layout.columns.find((c) => c.header === header)!.index;
    expect(values[row + 1]![at('以客户为中心等级（上级）')]).toBe(9);
    expect(values[row + 1]![at('以客户为中心（上级）')]).toEqual({ error: '#VALUE!' });
    expect(values[row + 1]![at('总分')]).toEqual({ error: '#VALUE!' });
    expect([values[row + 1]![at('等级')], values[row + 1]![at('排名')]]).toEqual(['', '']);
    expect([grid.rows[row]!.grade, grid.rows[row]!.rank]).toEqual([null, null]);
  });
});
