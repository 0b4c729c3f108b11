// The rating sheet's data path without the browser: a period read from the store, scored, edited
// in place, and kept in step with what other tabs write (through the audit-log feed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import {
  addPeople,
  auditFor,
  changesSince,
  createPeriod,
  createTemplate,
  createWorkspace,
  latestChangeSeq,
  listPeople,
  loadPeriodSheet,
  saveSheetEdits,
  setEntries,
  setPeriodLocked,
  StoreError,
  type PeriodRecord,
} from '../../../../src/store/index';
import { csWeeklyKpi } from '../../../../src/scoring/builtins/cs-weekly-kpi';
import { customerMonthly } from '../../../../src/scoring/builtins/customer-monthly';
import { weeksOfMonth } from '../../../../src/scoring/periods';
import type { Template } from '../../../../src/scoring/model';
import { applyEntry, buildModel, refreshWeekPoints, rescore } from '../../../../src/ui/rate/sheet-model';
import { personResult } from '../../../../src/scoring/score';
import { applyFeed, FEED_APPLY_LIMIT } from '../../../../src/ui/rate/sync';

let db: KaoheDb;
let workspaceId: string;

beforeEach(async () => {
  db = freshDb();
  workspaceId = (await createWorkspace('测试')).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function setup(template: Template, names: string[]): Promise<{ templateId: string; ids: Map<string, string> }> {
  const record = await createTemplate(workspaceId, template);
  await addPeople(workspaceId, names.map((name, i) => ({ name, employeeNo: `KF${String(i + 1).padStart(3, '0')}` })));
  const people = await listPeople(workspaceId);
  return { templateId: record.id, ids: new Map(people.map((p) => [p.name, p.id])) };
}

async function period(kind: PeriodRecord['kind'], key: string, templateId: string): Promise<PeriodRecord> {
  return createPeriod(workspaceId, { kind, key, templateId });
}

async function model(periodId: string) {
  const data = await loadPeriodSheet(periodId);
  if (!data) throw new Error('no period');
  return buildModel(data);
}

describe('weekly results roll up into the month (seed 003)', () => {
  it('sums each weekly indicator over the week periods of the month, and a week period scores its own week', async () => {
    const { templateId, ids } = await setup(csWeeklyKpi, ['甲', '乙']);
    const month = await period('month', '2026-11', templateId);
    const [w1, w2] = weeksOfMonth('2026-11');
    const week1 = await period('week', w1!, templateId);
    const week2 = await period('week', w2!, templateId);
    const a = ids.get('甲')!;
    const b = ids.get('乙')!;
    // 暗语过滤 = 1 costs 2 points that week; 甲 is caught in both weeks, 乙 in the second only.
    await setEntries(week1.id, [
      { personId: a, key: 'code_word_filtering', role: 'supervisor', value: 1 },
      { personId: b, key: 'code_word_filtering', role: 'supervisor', value: 0 },
    ]);
    await setEntries(week2.id, [
      { personId: a, key: 'code_word_filtering', role: 'supervisor', value: 1 },
      { personId: b, key: 'code_word_filtering', role: 'supervisor', value: 1 },
    ]);

    const monthly = await model(month.id);
    expect(monthly.scope).toBe('month');
    const results = monthly.scored.people;
    const score = (personId: string) => results.find((p) => p.personId === personId)!.indicators['enquiry_ratio_score']!.score;
    expect(score(a)).toBe(-4);
    expect(score(b)).toBe(-2);

    // The week period shows that week's points, and follows an edit made in it.
    const weekly = await model(week1.id);
    expect(weekly.scope).toBe('week');
    const slot = weekly.compiled.indicators.find((plan) => plan.indicator.id === 'enquiry_ratio_score')!.finalSlot;
    const row = (personId: string) => weekly.scored.sheet.rowOf.get(personId)!;
    expect(weekly.scored.sheet.columns[slot]![row(a)]).toBe(-2);
    expect(weekly.scored.sheet.columns[slot]![row(b)]).toBe(0);
    applyEntry(weekly, { personId: b, key: 'code_word_filtering', role: 'supervisor', value: 1 });
    refreshWeekPoints(weekly);
    expect(weekly.scored.sheet.columns[slot]![row(b)]).toBe(-2);
  });
});

describe('status exclusions from ranking', () => {
  it('leave is neither ranked nor graded; temporary cover is ranked but not graded; ranks close up', async () => {
    const { templateId, ids } = await setup(customerMonthly, ['王芳', '李娜', '张伟', '刘洋']);
    const month = await period('month', '2026-11', templateId);
    const satisfaction = (name: string, value: number) => ({ personId: ids.get(name)!, key: 'satisfaction_score', role: 'supervisor' as const, value });
    await setEntries(month.id, [satisfaction('王芳', 95), satisfaction('李娜', 86), satisfaction('张伟', 82), satisfaction('刘洋', 70)]);
    await saveSheetEdits(month.id, {
      statuses: [
        { personId: ids.get('王芳')!, status: 'leave' },
        { personId: ids.get('李娜')!, status: 'temporary' },
      ],
    });
    const sheet = await model(month.id);
    const result = (name: string) => sheet.scored.people.find((p) => p.personId === ids.get(name))!;
    expect(result('王芳')).toMatchObject({ status: 'leave', rank: null, grade: null, total: null });
    expect(result('李娜').status).toBe('temporary');
    expect(result('李娜').grade).toBeNull();
    expect([result('李娜').rank, result('张伟').rank, result('刘洋').rank]).toEqual([1, 2, 3]);

    // Back to active: she rejoins the ranking at the top.
    sheet.statuses.set(ids.get('王芳')!, 'active');
    rescore(sheet);
    const again = (name: string) => sheet.scored.people.find((p) => p.personId === ids.get(name))!;
    expect([again('王芳').rank, again('李娜').rank, again('张伟').rank, again('刘洋').rank]).toEqual([1, 2, 3, 4]);
    expect(again('王芳').grade).not.toBeNull();
  });
});

describe('lock and unlock', () => {
  it('a locked period refuses every sheet edit, and unlocking is in the audit log', async () => {
    const { templateId, ids } = await setup(customerMonthly, ['王芳']);
    const month = await period('month', '2026-11', templateId);
    const personId = ids.get('王芳')!;
    await setPeriodLocked(month.id, true);
    const edit = saveSheetEdits(month.id, {
      entries: [{ personId, key: 'satisfaction_score', role: 'supervisor', value: 90 }],
      remarks: [{ personId, text: '表现稳定' }],
    });
    await expect(edit).rejects.toBeInstanceOf(StoreError);
    await expect(edit).rejects.toMatchObject({ problem: 'locked' });
    expect(await db.valueBlocks.count()).toBe(0);
    expect(await db.remarks.count()).toBe(0);

    await setPeriodLocked(month.id, false);
    const log = await auditFor('period', month.id);
    expect(log.map((record) => record.action)).toEqual(['create', 'lock', 'unlock']);
    await saveSheetEdits(month.id, { entries: [{ personId, key: 'satisfaction_score', role: 'supervisor', value: 90 }], remarks: [{ personId, text: '表现稳定' }] });
    expect(await db.valueBlocks.count()).toBe(1);
    expect((await db.remarks.toArray())[0]!.text).toBe('表现稳定');
  });
});

describe('another tab’s writes reach an open sheet through the audit-log feed', () => {
  it('applies values cell by cell, skips its own saves (by origin), and follows the lock', async () => {
    const { templateId, ids } = await setup(customerMonthly, ['王芳', '李娜']);
    const month = await period('month', '2026-11', templateId);
    const open = await model(month.id);
    const since = await latestChangeSeq();
    const a = ids.get('王芳')!;
    const b = ids.get('李娜')!;

    // Our own save of 王芳's value, applied locally first; another tab's paste for 李娜.
    const own = { personId: a, key: 'satisfaction_score', role: 'supervisor' as const, value: 95 };
    applyEntry(open, own);
    await saveSheetEdits(month.id, { entries: [own] }, { origin: 'this-sheet' });
    // Had the feed applied our own record, this later local value would be overwritten by 95.
    applyEntry(open, { ...own, value: 60 });
    await saveSheetEdits(month.id, { entries: [{ personId: b, key: 'satisfaction_score', role: 'supervisor', value: 88 }] }, { origin: 'other-tab', action: 'paste' });
    await setPeriodLocked(month.id, true);

    const { records } = await changesSince(workspaceId, since);
    const result = applyFeed(open, month.id, records, 'this-sheet', new Set());
    expect(result).toMatchObject({ changed: true, reload: false, locked: true });
    const score = (personId: string) => personResult(open.scored.sheet, [], personId).indicators['satisfaction']!.score;
    expect(score(a)).toBe(0);
    expect(score(b)).toBe(10);
  });

  it('a write bigger than the feed applies value by value reloads instead', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `员工${i + 1}`);
    const { templateId, ids } = await setup(customerMonthly, names);
    const month = await period('month', '2026-11', templateId);
    const open = await model(month.id);
    const since = await latestChangeSeq();
    const inputs = customerMonthly.inputs.filter((input) => !input.formula && input.scope !== 'team');
    const changes = [...ids.values()].flatMap((personId) => inputs.map((input) => ({ personId, key: input.id, role: 'supervisor' as const, value: 1 })));
    expect(changes.length).toBeGreaterThan(FEED_APPLY_LIMIT);
    await setEntries(month.id, changes);
    const result = applyFeed(open, month.id, (await changesSince(workspaceId, since)).records, 'this-sheet', new Set());
    expect(result.reload).toBe(true);
  });

  it('asks for a reload when people change', async () => {
    const { templateId } = await setup(customerMonthly, ['王芳']);
    const month = await period('month', '2026-11', templateId);
    const open = await model(month.id);
    const since = await latestChangeSeq();
    await addPeople(workspaceId, [{ name: '钱多多' }]);
    const result = applyFeed(open, month.id, (await changesSince(workspaceId, since)).records, 'this-sheet', new Set());
    expect(result.reload).toBe(true);
  });
});
