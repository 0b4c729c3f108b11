// Kaohe's own workbooks come back after people have handled them: a rater form whose sheet was
// renamed is still read by its hidden key.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { exportRaterForm } from '../../../src/io/rater-form';
import { readRaterForm } from '../../../src/io/rater-merge';
import { entriesOf } from '../../../src/io/entry-batch';
import { readWorkbookMeta } from '../../../src/io/workbook-read';
import { readWorkbook } from '../../../src/io/xlsx-read';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import { FIXTURE_PEOPLE, periodFixture } from './period-fixture';

const fixture = periodFixture(customerMonthly);
const data = { ...fixture, input: { ...fixture.input, entries: [] } };

/** The form filled in (王芳's 客户满意度得分 = 93) and its sheet renamed, as a rater might save it. */
function filledAndRenamed(bytes: Uint8Array, newName: string): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  const oldName = wb.SheetNames[0]!;
  const ws = wb.Sheets[oldName]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const header = rows[5] as string[];
  const column = header.indexOf('客户满意度得分（上级）');
  const row = rows.findIndex((cells, r) => r > 5 && cells[2] === '王芳');
  ws[XLSX.utils.encode_cell({ r: row, c: column })] = { t: 'n', v: 93 };
  wb.SheetNames[0] = newName;
  wb.Sheets[newName] = ws;
  delete wb.Sheets[oldName];
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('a rater form whose sheet was renamed', () => {
  const bytes = filledAndRenamed(exportRaterForm({ data, role: 'supervisor', rater: '', personIds: ['p1', 'p2'], label: '客服一组' }), '王主管的评分');
  const read = readWorkbook('王主管.xlsx', bytes);
  if (!read.ok) throw new Error(read.problem.code);

  it('is found by its hidden key on the renamed sheet', () => {
    const meta = readWorkbookMeta(read.workbook);
    expect(meta.ok && meta.meta.sheet).toBe('王主管的评分');
  });

  it('is read as the form it is, with the value the rater typed', () => {
    const result = readRaterForm(read.workbook, {
      template: customerMonthly,
      periodId: data.periodId,
      templateId: data.templateId,
      periodKey: data.periodKey,
      periodKind: data.periodKind,
      people: FIXTURE_PEOPLE,
    });
    if (!result.ok) throw new Error(result.problem.code);
    const entries = entriesOf(result.form.plan.entries).filter((entry) => entry.person === 'p1' && entry.key === 'satisfaction_score');
    expect(result.form.plan.problems).toEqual([]);
    expect(entries.map((entry) => [entry.role, entry.value])).toEqual([['supervisor', 93]]);
  });
});
