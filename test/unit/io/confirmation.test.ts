// 员工确认 by file: a personal result sheet (protected, only the answer cells unlocked, a hidden key)
// with the scores, how each was worked out, the talk notes and the pay; filled outside the app it
// comes back as the employee's answer, or with problems naming file, sheet, row and column — and
// one problem in any file means no answer is applied.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { exportConfirmations, shownResult, type ConfirmationRequest } from '../../../src/io/confirmation-form';
import { answersToApply, readConfirmations, type ConfirmationContext } from '../../../src/io/confirmation-read';
import { exportRaterForm } from '../../../src/io/rater-form';
import { customerMonthly } from '../../../src/scoring/builtins/index';
import { scorePeriod } from '../../../src/scoring/score';
import { formatScore } from '../../../src/scoring/describe';
import { periodFixture } from './period-fixture';

const data = {
  ...periodFixture(customerMonthly),
  pay: {
    coefficients: [
      { grade: '优秀', coefficient: 1.2 },
      { grade: '良好', coefficient: 1 },
      { grade: '合格', coefficient: 0.8 },
      { grade: '不合格', coefficient: 0 },
    ],
    bases: [['p1', 8000] as const, ['p2', 6000] as const],
    calibrated: [] as const,
  },
};
const scored = scorePeriod(data.template, data.input);
const resultOf = (id: string) => scored.people.find((p) => p.personId === id)!;
const talk = { strengths: '响应及时', improve: '投诉闭环慢', goals: '满意度 90 分以上', plan: [{ action: '参加投诉处理培训', due: '2026-12-20' }], by: '赵经理', at: 1 };

const request: ConfirmationRequest = {
  data,
  people: [
    { personId: 'p1', team: '客服一组', position: '客服主管', talk },
    { personId: 'p2', team: '客服一组', position: '客服专员', talk: null },
  ],
  calibrated: [],
  deadline: '2026-12-10',
};
const files = exportConfirmations(request);

const context: ConfirmationContext = {
  periodId: data.periodId,
  periodKey: data.periodKey,
  people: ['p1', 'p2', 'p3'].map((id) => ({ id, name: data.people.find((p) => p.id === id)!.name, result: shownResult(resultOf(id), undefined) })),
  headers: { agree: '员工意见', text: '意见说明', by: '确认人' },
};

/** The answer cells as the key places them. */
function fieldsOf(bytes: Uint8Array): Record<'agree' | 'text' | 'by' | 'date', string> {
  const wb = XLSX.read(bytes, { type: 'array' });
  const key = XLSX.utils.sheet_to_json<string[]>(wb.Sheets._kaohe!, { header: 1 }).map((row) => row[0]).join('');
  return (JSON.parse(key) as { fields: Record<'agree' | 'text' | 'by' | 'date', string> }).fields;
}

/** Fill the answer cells as the employee would in Excel or WPS, and save. */
function fill(bytes: Uint8Array, answers: Partial<Record<'agree' | 'text' | 'by' | 'date', string>>): Uint8Array {
  const fields = fieldsOf(bytes);
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  for (const [field, value] of Object.entries(answers)) ws[fields[field as keyof typeof fields]] = { t: 's', v: value };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('a confirmation sheet', () => {
  const [wang] = files;
  const wb = XLSX.read(wang!.bytes, { type: 'array', cellNF: true, sheetStubs: true });
  const ws = wb.Sheets['结果确认']!;
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(ws, { header: 1, defval: '' });
  const text = rows.map((row) => row.join(' ')).join('\n');

  it('is one file per person, named for them', () => {
    expect(files.map((file) => file.name)).toEqual(['客户考核评分表(月度)-2026-11-结果确认-王芳.xlsx', '客户考核评分表(月度)-2026-11-结果确认-李娜.xlsx']);
  });

  it('shows the scores with how each was worked out, the talk notes, the coefficient and the pay', () => {
    const result = resultOf('p1');
    expect(String(ws.A1?.v)).toBe('客户考核评分表(月度) · 2026-11 · 绩效结果确认');
    expect(text).toContain('2026-12-10');
    const satisfaction = rows.find((row) => row[1] === '客户满意度')!;
    expect(satisfaction[4]).toBe(result.indicators.satisfaction!.score);
    // Rated by two roles: the weighted mean, then the band each rater's value fell in.
    const entered = (role: string) => data.input.entries.find((e) => e.personId === 'p1' && e.key === 'satisfaction_score' && e.role === role)!.value;
    expect(String(satisfaction[5])).toMatch(/^自评 \d+ × 30% \+ 上级 \d+ × 70% = [\d.]+\n/);
    expect(String(satisfaction[5])).toContain(`自评：${String(entered('self'))} 在区间`);
    expect(String(satisfaction[5])).toContain(`上级：${String(entered('supervisor'))} 在区间`);
    expect(rows.find((row) => row[0] === '总分')![1]).toBe(result.total);
    expect(rows.find((row) => row[0] === '等级')![1]).toBe(result.grade);
    const coefficient = data.pay.coefficients.find((row) => row.grade === result.grade)!.coefficient;
    expect(rows.find((row) => row[0] === '绩效系数')![1]).toBe(coefficient);
    expect(rows.find((row) => row[0] === '绩效工资')![1]).toBe(Math.round(8000 * coefficient * 100) / 100);
    expect(rows.find((row) => row[0] === '优点')![1]).toBe('响应及时');
    expect(rows.find((row) => row[0] === '改进计划')![1]).toBe('参加投诉处理培训（2026-12-20 前）');
    expect(XLSX.utils.sheet_to_json<string[]>(XLSX.read(files[1]!.bytes, { type: 'array' }).Sheets['结果确认']!, { header: 1 }).flat()).toContain('（尚未记录面谈）');
    expect(formatScore(result.total, 'zh-CN')).not.toBe('—');
  });

  it('is protected with only the answer cells unlocked, and a very hidden key', () => {
    const sheetXml = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(wang!.bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml').content);
    expect(sheetXml).toContain('<sheetProtection');
    expect(wb.SheetNames).toEqual(['结果确认', '_kaohe']);
    expect(wb.Workbook?.Sheets?.map((sheet) => sheet.Hidden ?? 0)).toEqual([0, 2]);
    const fields = fieldsOf(wang!.bytes);
    for (const address of Object.values(fields)) expect(ws[address]?.z, address).toBe('[Blue]@');
    const styles = new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(wang!.bytes, { type: 'array' }), '/xl/styles.xml').content);
    const [id] = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="\[Blue\]@"\/>/g)].map((m) => m[1]);
    expect(styles).toMatch(new RegExp(`<xf numFmtId="${id}"[^>]*applyProtection="1"><protection locked="0"/></xf>`));
    expect(ws[fields.agree.replace('B', 'A')]?.v).toBe('员工意见');
  });
});

describe('returned confirmation sheets', () => {
  const wangFile = files[0]!;
  const liFile = files[1]!;
  const fields = fieldsOf(wangFile.bytes);
  const agreeRow = Number(fields.agree.slice(1));

  it('give the employee\'s answer, name and date', () => {
    const read = readConfirmations(
      [
        { file: '王芳.xlsx', bytes: fill(wangFile.bytes, { agree: ' 不同意 ', text: '满意度应为 86 分', by: '王芳', date: '2026-12-05' }) },
        { file: '李娜.xlsx', bytes: fill(liFile.bytes, { agree: '同意', by: '李娜' }) },
      ],
      context,
    );
    expect(read.problems).toEqual([]);
    expect(read.answers.map((a) => [a.file, a.personId, a.agree, a.text, a.by, a.date])).toEqual([
      ['王芳.xlsx', 'p1', false, '满意度应为 86 分', '王芳', '2026-12-05'],
      ['李娜.xlsx', 'p2', true, '', '李娜', ''],
    ]);
    expect(read.answers[0]!.place).toEqual({ row: agreeRow, column: 1 });
    expect(answersToApply(read)).toHaveLength(2);
  });

  it('with a mistake in one file apply nothing, and say where each mistake is', () => {
    const liRow = Number(fieldsOf(liFile.bytes).agree.slice(1));
    const read = readConfirmations(
      [
        { file: '王芳.xlsx', bytes: fill(wangFile.bytes, { agree: '可以吧', by: '王芳' }) },
        { file: '李娜.xlsx', bytes: fill(liFile.bytes, { agree: '同意', by: '李娜' }) },
        { file: '李娜2.xlsx', bytes: fill(liFile.bytes, { agree: '不同意', by: '' }) },
      ],
      context,
    );
    expect(read.problems).toEqual([
      { code: 'notAgreement', severity: 'error', file: '王芳.xlsx', sheet: '结果确认', row: agreeRow, column: 1, header: '员工意见', received: '可以吧' },
      { code: 'reasonMissing', severity: 'error', file: '李娜2.xlsx', sheet: '结果确认', row: liRow + 1, column: 1, header: '意见说明' },
      { code: 'signerMissing', severity: 'error', file: '李娜2.xlsx', sheet: '结果确认', row: liRow + 2, column: 1, header: '确认人' },
    ]);
    // 李娜's own file was fine, but nothing is applied.
    expect(read.answers.map((a) => a.file)).toEqual(['李娜.xlsx']);
    expect(answersToApply(read)).toBeUndefined();
  });

  it('refuse a blank answer, the same person twice, a result that changed since, another period and other files', () => {
    const blank = readConfirmations([{ file: 'a.xlsx', bytes: fill(wangFile.bytes, { by: '王芳' }) }], context);
    expect(blank.problems).toEqual([{ code: 'opinionMissing', severity: 'error', file: 'a.xlsx', sheet: '结果确认', row: agreeRow, column: 1, header: '员工意见' }]);

    const twice = readConfirmations(
      [
        { file: 'a.xlsx', bytes: fill(liFile.bytes, { agree: '同意', by: '李娜' }) },
        { file: 'b.xlsx', bytes: fill(liFile.bytes, { agree: '同意', by: '李娜' }) },
      ],
      context,
    );
    expect(twice.problems).toEqual([{ code: 'duplicateConfirmation', severity: 'error', file: 'b.xlsx', sheet: '结果确认', received: '李娜', expected: 'a.xlsx' }]);
    expect(answersToApply(twice)).toBeUndefined();

    // 王芳's total moved by an appeal after her sheet was sent.
    const now = { ...context.people[0]!.result, total: (context.people[0]!.result.total ?? 0) + 5 };
    const moved = readConfirmations([{ file: 'a.xlsx', bytes: fill(wangFile.bytes, { agree: '同意', by: '王芳' }) }], { ...context, people: [{ ...context.people[0]!, result: now }] });
    expect(moved.problems).toMatchObject([{ code: 'resultChanged', file: 'a.xlsx', params: { person: '王芳' } }]);

    const otherPeriod = readConfirmations([{ file: 'a.xlsx', bytes: fill(wangFile.bytes, { agree: '同意', by: '王芳' }) }], { ...context, periodId: 'another', periodKey: '2026-12' });
    expect(otherPeriod.problems).toEqual([{ code: 'otherPeriod', severity: 'error', file: 'a.xlsx', expected: '2026-12', received: '2026-11' }]);

    const form = exportRaterForm({ data, role: 'supervisor', rater: '', personIds: ['p1'], label: '' });
    expect(readConfirmations([{ file: 'form.xlsx', bytes: form }], context).problems).toEqual([{ code: 'notConfirmationFile', severity: 'error', file: 'form.xlsx' }]);
    expect(readConfirmations([{ file: 'junk.xlsx', bytes: new TextEncoder().encode('not a workbook') }], context).problems[0]).toMatchObject({ code: 'damaged', file: 'junk.xlsx' });
  });
});
