import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { exportScoresXlsx } from '../../../src/io/export-xlsx';
import { exportScoresCsv, toCsv } from '../../../src/io/export-csv';
import { readCsv } from '../../../src/io/csv-read';
import { autoMap, matchIndex } from '../../../src/io/mapping';
import { entryTargets } from '../../../src/io/targets';
import { entriesOf, validateImport } from '../../../src/io/validate';
import { BUILTIN_TEMPLATES } from '../../../src/scoring/builtins/index';
import type { Template } from '../../../src/scoring/model';
import { FIXTURE_PEOPLE, periodFixture } from './period-fixture';

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel shows Chinese', () => {
    const text = toCsv(['姓名'], [['王芳']]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('neutralises cells that would run as formulas; numbers stay numbers', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '王芳', 'a=1'];
    const text = toCsv(['值', '数'], hostile.map((cell, i) => [cell, -i]));
    const rows = Papa.parse<string[]>(text.slice(1)).data.slice(1, hostile.length + 1);
    expect(rows.map((row) => row[0])).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      "'\n=1",
      '王芳',
      'a=1',
    ]);
    expect(rows.map((row) => row[1])).toEqual(['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7', '-8']);
  });

  it('a hostile person name and template name are neutralised in the scored sheet too', () => {
    const data = periodFixture(BUILTIN_TEMPLATES[0]!);
    const people = data.people.map((p, i) => (i === 0 ? { ...p, name: '=cmd|"/c calc"!A1' } : p));
    const text = exportScoresCsv({ ...data, people });
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });
});

describe.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))('%s as CSV', (_name, template: Template) => {
  it('comes back through the import wizard\'s automatic mapping with identical entries', () => {
    const data = periodFixture(template);
    const text = exportScoresCsv(data);
    const read = readCsv('scores.csv', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.problem.code);
    const index = matchIndex(entryTargets(template), template);
    const mapping = autoMap(read.table.rows[0]!, index, 0);
    const plan = validateImport(read.table, mapping, { template, periodKey: data.periodKey, periodKind: data.periodKind, people: FIXTURE_PEOPLE });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const imported = entriesOf(plan.entries).map((e) => `${e.person}|${e.key}|${e.role}|${String(e.value)}`).sort();
    const original = data.input.entries.filter((e) => e.personId !== 'p7').map((e) => `${e.personId}|${e.key}|${e.role}|${String(e.value)}`).sort();
    expect(imported).toEqual(original);
  });
});

describe('numbers as the sheet shows them', () => {
  // 总分 = 业绩 × 80% + 行为 × 20%: 82 × 0.8 + 68 × 0.2 is 79.20000000000002 in binary floating point.
  const template: Template = {
    id: 'csv-precision',
    version: 1,
    name: '精度',
    description: '',
    periodKind: 'month',
    inputs: [{ id: 'rate', name: '完成率', type: 'percent', min: 0, max: 1 }],
    sections: [
      { id: 'a', name: '业绩', weight: 0.8, combine: 'sum', indicators: [{ id: 'ka', name: '业绩得分', quantitative: true, max: 100, rule: { kind: 'direct' } }] },
      { id: 'b', name: '行为', weight: 0.2, combine: 'sum', indicators: [{ id: 'kb', name: '行为得分', quantitative: true, max: 100, rule: { kind: 'direct' } }] },
    ],
    total: { kind: 'weighted' },
    grades: [{ label: '合格', min: 60, minInclusive: true }, { label: '不合格', min: null, minInclusive: true, failing: true }],
    roles: [{ role: 'supervisor', weight: 1 }],
    rankTies: 'competition',
  };
  const data = {
    ...periodFixture(template),
    people: [{ id: 'p1', name: '王芳', employeeNo: 'KF001' }],
    input: {
      people: [{ id: 'p1', name: '王芳' }],
      entries: [
        { personId: 'p1', key: 'ka', role: 'supervisor' as const, value: 82 },
        { personId: 'p1', key: 'kb', role: 'supervisor' as const, value: 68 },
        { personId: 'p1', key: 'rate', role: 'supervisor' as const, value: 0.99 },
      ],
    },
  };

  it('writes 79.2 (not 79.20000000000002) and 99% (not 0.99); the xlsx keeps the full number', () => {
    const text = exportScoresCsv(data);
    const [header, row] = Papa.parse<string[]>(text.slice(1)).data;
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at('总分')).toBe('79.2');
    expect(at('完成率')).toBe('99%');
    expect(at('业绩')).toBe('82');
    expect(text).not.toContain('79.20000000000002');
    const wb = XLSX.read(exportScoresXlsx(data), { type: 'array' });
    const ws = wb.Sheets['评分表']!;
    const cells = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true });
    const xlsxHeader = cells[0] as string[];
    expect((cells[1] as unknown[])[xlsxHeader.indexOf('总分')]).toBe(82 * 0.8 + 68 * 0.2);
    expect((cells[1] as unknown[])[xlsxHeader.indexOf('完成率')]).toBe(0.99);
  });

  it('the percent comes back as the same fraction through the import', () => {
    const text = exportScoresCsv(data);
    const read = readCsv('scores.csv', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.problem.code);
    const mapping = autoMap(read.table.rows[0]!, matchIndex(entryTargets(template), template), 0);
    const plan = validateImport(read.table, mapping, { template, periodKey: data.periodKey, periodKind: data.periodKind, people: data.people });
    expect(entriesOf(plan.entries).map((e) => [e.key, e.value])).toEqual([
      ['rate', 0.99],
      ['ka', 82],
      ['kb', 68],
    ]);
  });

  it('92.3% is 0.923, as Excel stores it, not 92.3 ÷ 100 = 0.9229999999999999', () => {
    const text = toCsv(['完成率'], [[0.923]], ['percent']);
    expect(text).toContain('92.3%');
    const read = readCsv('p.csv', new TextEncoder().encode(`工号,姓名,完成率\r\nKF001,王芳,92.3%\r\n`));
    if (!read.ok) throw new Error(read.problem.code);
    const mapping = autoMap(read.table.rows[0]!, matchIndex(entryTargets(template), template), 0);
    const plan = validateImport(read.table, mapping, { template, periodKey: data.periodKey, periodKind: data.periodKind, people: data.people });
    expect(entriesOf(plan.entries).map((e) => e.value)).toEqual([0.923]);
  });
});
