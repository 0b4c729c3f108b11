import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
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
