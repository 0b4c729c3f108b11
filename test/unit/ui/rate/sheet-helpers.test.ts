import { describe, expect, it } from 'vitest';
import { parsePeriodInput } from '../../../../src/ui/rate/period-input';
import { parseRosterPaste } from '../../../../src/ui/rate/roster-paste';
import { formatEntry, parseStatus } from '../../../../src/ui/rate/sheet-data';
import { rateColumns } from '../../../../src/ui/rate/columns';
import { compileTemplate } from '../../../../src/scoring/score';
import { customerMonthly } from '../../../../src/scoring/builtins/customer-monthly';
import { csWeeklyKpi } from '../../../../src/scoring/builtins/cs-weekly-kpi';
import { waiter } from '../../../../src/scoring/builtins/waiter';
import { invert, toSheetEdits, type CellOp } from '../../../../src/ui/rate/edits';

describe('periods typed as people say them', () => {
  it('reads months, weeks, quarters and years in Chinese and ISO forms', () => {
    expect(parsePeriodInput('2026年11月', 'month')).toBe('2026-11');
    expect(parsePeriodInput('２０２６-3', 'month')).toBe('2026-03');
    expect(parsePeriodInput('2026-W47', 'week')).toBe('2026-W47');
    expect(parsePeriodInput('2026年第5周', 'week')).toBe('2026-W05');
    expect(parsePeriodInput('2026 Q4', 'quarter')).toBe('2026-Q4');
    expect(parsePeriodInput('2026年第4季度', 'quarter')).toBe('2026-Q4');
    expect(parsePeriodInput('2026年', 'year')).toBe('2026');
  });

  it('refuses what is not a period of that kind', () => {
    expect(parsePeriodInput('2026年13月', 'month')).toBeNull();
    expect(parsePeriodInput('2027-W53', 'week')).toBeNull(); // 2027 has 52 ISO weeks (2026 has 53)
    expect(parsePeriodInput('2026-W53', 'week')).toBe('2026-W53');
    expect(parsePeriodInput('2026-W53', 'month')).toBeNull();
    expect(parsePeriodInput('2026 Q5', 'quarter')).toBeNull();
  });
});

describe('a roster pasted from a spreadsheet', () => {
  it('reads plain names, positional columns and a header row', () => {
    expect(parseRosterPaste('王芳\n李娜\n', []).people.map((p) => p.name)).toEqual(['王芳', '李娜']);
    const positional = parseRosterPaste('KF001\t王芳\t客服一组\t客服主管', []).people[0];
    expect(positional).toMatchObject({ employeeNo: 'KF001', name: '王芳', teamName: '客服一组', position: '客服主管' });
    const headed = parseRosterPaste('岗位\t姓名\t工号\r\n客服专员\t李娜\tKF002\r\n', []);
    expect(headed.people).toEqual([{ line: 2, name: '李娜', employeeNo: 'KF002', teamName: '', position: '客服专员' }]);
  });

  it('names the line of every problem: no name, a number twice, a number already taken', () => {
    const { problems } = parseRosterPaste('KF001\t王芳\nKF001\t李娜\nKF009\t\nKF007\t张伟', [{ employeeNo: 'KF007', name: '赵敏' }]);
    expect(problems).toEqual([
      { code: 'duplicateNo', line: 2, employeeNo: 'KF001' },
      { code: 'noName', line: 3 },
      { code: 'existingNo', line: 4, employeeNo: 'KF007', name: '赵敏' },
    ]);
  });
});

describe('cell values as people read and type them', () => {
  it('shows percents, yes/no and numbers; reads statuses in either language', () => {
    const [percent, , , , , flag] = customerMonthly.inputs;
    expect(formatEntry(percent!, 0.955, 'zh-CN')).toBe('95.5%');
    expect(formatEntry(flag!, 1, 'zh-CN')).toBe('是');
    expect(formatEntry(flag!, 0, 'en')).toBe('No');
    expect(formatEntry(flag!, '不清楚', 'zh-CN')).toBe('不清楚');
    expect(parseStatus('临时顶岗')).toBe('temporary');
    expect(parseStatus('Not assessed')).toBe('leave');
    expect(parseStatus('请假')).toBe('leave');
    expect(parseStatus('')).toBe('active');
    expect(parseStatus('出差')).toBeNull();
  });
});

describe('the sheet’s columns', () => {
  const ids = (columns: ReturnType<typeof rateColumns>) => columns.map((column) => column.id);

  it('puts each input’s roles side by side before the indicator’s score (seed 001: 自评 / 上级 / 结果)', () => {
    const columns = rateColumns(compileTemplate(customerMonthly), { mode: 'all', scope: 'full', locale: 'zh-CN', flags: false });
    const list = ids(columns);
    expect(list.slice(0, 5)).toEqual(['employeeNo', 'name', 'total', 'grade', 'rank']);
    const at = list.indexOf('entry:self:process_completion');
    expect(list.slice(at, at + 3)).toEqual(['entry:self:process_completion', 'entry:supervisor:process_completion', 'score:service_process']);
    expect(list.filter((id) => id.startsWith('entry:'))).toHaveLength(28);
    expect(list[list.length - 1]).toBe('remark');
    expect(columns.find((c) => c.id === 'entry:self:process_completion')!.title).toBe('完成率\n自评');
    expect(columns.filter((c) => c.editable).every((c) => c.kind === 'input')).toBe(true);
    expect(columns.filter((c) => c.source.kind === 'score' || c.source.kind === 'total').every((c) => !c.editable)).toBe(true);
  });

  it('shows one role alone when asked', () => {
    const list = ids(rateColumns(compileTemplate(customerMonthly), { mode: 'supervisor', scope: 'full', locale: 'zh-CN', flags: false }));
    expect(list.filter((id) => id.startsWith('entry:'))).toHaveLength(14);
    expect(list.some((id) => id.startsWith('entry:self:'))).toBe(false);
  });

  it('makes self-entered indicators their own editable column', () => {
    const columns = rateColumns(compileTemplate(waiter), { mode: 'all', scope: 'full', locale: 'zh-CN', flags: false });
    const list = ids(columns);
    const selfEntered = waiter.sections.flatMap((s) => s.indicators).filter((i) => i.rule.kind === 'direct' && !('input' in i.rule && i.rule.input));
    expect(selfEntered.length).toBeGreaterThan(0);
    for (const indicator of selfEntered) {
      const entered = columns.find((c) => c.id.startsWith('entry:') && c.id.endsWith(`:${indicator.id}`));
      expect(entered, indicator.name).toMatchObject({ editable: true, group: indicator.name });
      // One role rating a plain entry: the entered value is the score, no second column.
      if (waiter.roles.length === 1) expect(list).not.toContain(`score:${indicator.id}`);
    }
  });

  it('a week of seed 003 rates only the weekly indicators; its month shows their sums read-only', () => {
    const compiled = compileTemplate(csWeeklyKpi);
    const week = rateColumns(compiled, { mode: 'all', scope: 'week', locale: 'zh-CN', flags: true });
    expect(ids(week)).not.toContain('total');
    expect(ids(week)).toContain('entry:supervisor:code_word_filtering');
    expect(ids(week)).not.toContain('entry:supervisor:task_completion');
    const month = rateColumns(compiled, { mode: 'all', scope: 'month', locale: 'zh-CN', flags: true });
    expect(ids(month)).not.toContain('entry:supervisor:code_word_filtering');
    expect(ids(month)).toContain('entry:supervisor:task_completion');
    expect(month.find((c) => c.id === 'score:enquiry_ratio_score')).toMatchObject({ editable: false, title: '月合计' });
    expect(ids(month)).toContain('flags');
  });
});

describe('undo', () => {
  it('inverts a batch last change first, and saves the last value of each cell', () => {
    const ops: CellOp[] = [
      { kind: 'entry', personId: 'p', key: 'k', role: 'self', rater: '', before: null, after: 1 },
      { kind: 'entry', personId: 'p', key: 'k', role: 'self', rater: '', before: 1, after: 2 },
      { kind: 'remark', personId: 'p', before: '', after: '好' },
    ];
    const back = invert(ops);
    expect(back.map((op) => op.after)).toEqual(['', 1, null]);
    expect(toSheetEdits(back).entries).toEqual([{ personId: 'p', key: 'k', role: 'self', rater: '', value: null }]);
    expect(toSheetEdits(ops).remarks).toEqual([{ personId: 'p', text: '好' }]);
  });
});
