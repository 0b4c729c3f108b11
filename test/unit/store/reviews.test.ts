// The store's rules for a period's life after the scores: each step checked against its rule and the
// period lock, audited with who and when; an appeal settled by changing values through the audited
// path, linked to it; the lock refused while an appeal is open; returned confirmations all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import {
  addPerson,
  appealChanges,
  applyConfirmations,
  auditFor,
  closeReview,
  createPeriod,
  createTemplate,
  createWorkspace,
  deletePerson,
  fileAppeal,
  getCoefficientTable,
  getPeriod,
  getReviewSettings,
  listEntries,
  listPayBases,
  listReviewLog,
  listReviews,
  recordOpinion,
  recordTalk,
  resolveAppeal,
  ReviewRefusedError,
  setAppealDeadline,
  setBonusPool,
  setCoefficientTable,
  setEntries,
  setPayBases,
  setPeriodLocked,
  StoreError,
  valueHistory,
} from '../../../src/store/index';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import type { ReviewRefusal } from '../../../src/scoring/review';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const NOTES = { strengths: '响应及时', improve: '投诉闭环', goals: '满意度 ≥ 90', plan: [{ action: '参加投诉处理培训', due: '2026-12-20' }] };
const satisfaction = { kind: 'indicator', indicatorId: 'satisfaction' } as const;

async function setup() {
  const workspace = await createWorkspace('测试');
  const template = await createTemplate(workspace.id, customerMonthly);
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-11', templateId: template.id });
  const wang = await addPerson(workspace.id, { name: '王芳', employeeNo: 'KF001' });
  const li = await addPerson(workspace.id, { name: '李娜', employeeNo: 'KF002' });
  await setEntries(period.id, [
    { personId: wang.id, key: 'satisfaction_score', role: 'supervisor', value: 84 },
    { personId: li.id, key: 'satisfaction_score', role: 'supervisor', value: 92 },
  ]);
  return { workspace, template, period, wang, li };
}

async function refusalOf(promise: Promise<unknown>): Promise<ReviewRefusal | string> {
  try {
    await promise;
    return 'not refused';
  } catch (error) {
    if (error instanceof ReviewRefusedError) return error.refusal;
    if (error instanceof StoreError) return `store:${error.problem}`;
    throw error;
  }
}

describe('review steps in the store', () => {
  it('walk 已面谈 → 有异议 → 申诉中 → 已结案, each step one audit record with who and the status', async () => {
    const { period, wang } = await setup();
    await recordTalk(period.id, wang.id, { ...NOTES, strengths: '  响应及时 ' }, ' 赵经理 ');
    await recordOpinion(period.id, wang.id, { agree: false, text: '满意度应为 86 分' }, '王芳');
    const appealId = await fileAppeal(period.id, wang.id, { target: satisfaction, reason: '回访记录显示 86 分' }, '王芳', '2026-12-05');
    const [review] = await listReviews(period.id);
    expect(review!.talk).toMatchObject({ strengths: '响应及时', plan: [{ action: '参加投诉处理培训', due: '2026-12-20' }], by: '赵经理' });
    expect(review!.opinion).toMatchObject({ agree: false, text: '满意度应为 86 分', by: '王芳', source: 'typed' });
    expect(review!.appeals).toMatchObject([{ id: appealId, target: satisfaction, reason: '回访记录显示 86 分', by: '王芳', resolution: null }]);

    await resolveAppeal(period.id, wang.id, appealId, { outcome: 'rejected', reason: '回访记录为 84 分，维持原分' }, '人事 孙悦');
    const log = await listReviewLog(period.id, wang.id);
    expect(log.map((entry) => [entry.action, entry.by, entry.old, entry.new])).toEqual([
      ['talk', '赵经理', 'scored', 'talked'],
      ['opinion', '王芳', 'talked', 'disputed'],
      ['appeal', '王芳', 'disputed', 'appealing'],
      ['resolve', '人事 孙悦', 'appealing', 'closed'],
    ]);
    expect(log[3]).toMatchObject({ link: appealId, detail: { outcome: 'rejected', reason: '回访记录为 84 分，维持原分', changed: 0 } });
    expect(log.every((entry) => entry.at > 0)).toBe(true);
    // A rejected appeal changes no value.
    expect((await listEntries(period.id)).find((e) => e.personId === wang.id)?.value).toBe(84);
  });

  it('refuse what the rule does not allow, and write nothing when they do', async () => {
    const { period, wang, li } = await setup();
    const before = await db.auditLog.count();
    expect(await refusalOf(recordOpinion(period.id, wang.id, { agree: true, text: '' }, '王芳'))).toBe('noTalk');
    expect(await refusalOf(recordTalk(period.id, wang.id, NOTES, '  '))).toBe('nameRequired');
    await recordTalk(period.id, wang.id, NOTES, '赵经理');
    expect(await refusalOf(recordOpinion(period.id, wang.id, { agree: false, text: ' ' }, '王芳'))).toBe('reasonRequired');
    expect(await refusalOf(fileAppeal(period.id, wang.id, { target: satisfaction, reason: 'x' }, '王芳'))).toBe('notDisputed');
    await recordOpinion(period.id, wang.id, { agree: true, text: '' }, '王芳');
    expect(await refusalOf(recordTalk(period.id, wang.id, NOTES, '赵经理'))).toBe('opinionGiven');
    expect(await refusalOf(fileAppeal(period.id, wang.id, { target: satisfaction, reason: 'x' }, '王芳'))).toBe('notDisputed');
    expect(await refusalOf(closeReview(period.id, wang.id, '已确认', '人事'))).toBe('notDisputed');
    // Only the talk and the opinion were written.
    expect((await db.auditLog.count()) - before).toBe(2);

    // The deadline day is still open; the day after it is not.
    await recordTalk(period.id, li.id, NOTES, '赵经理');
    await recordOpinion(period.id, li.id, { agree: false, text: '不认可' }, '李娜');
    await setAppealDeadline(period.id, '2026-12-10');
    expect((await getReviewSettings(period.id))?.appealDeadline).toBe('2026-12-10');
    expect(await refusalOf(fileAppeal(period.id, li.id, { target: { kind: 'total' }, reason: '总分偏低' }, '李娜', '2026-12-11'))).toBe('deadlinePassed');
    expect(await refusalOf(fileAppeal(period.id, li.id, { target: { kind: 'total' }, reason: ' ' }, '李娜', '2026-12-10'))).toBe('reasonRequired');
    await fileAppeal(period.id, li.id, { target: { kind: 'total' }, reason: '总分偏低' }, '李娜', '2026-12-10');
    expect(await refusalOf(fileAppeal(period.id, li.id, { target: { kind: 'total' }, reason: '再次申诉' }, '李娜', '2026-12-10'))).toBe('duplicateAppeal');
    expect(await refusalOf(fileAppeal(period.id, li.id, { target: { kind: 'indicator', indicatorId: 'nope' }, reason: 'x' }, '李娜', '2026-12-10'))).toBe('store:missing');
  });

  it('a locked period refuses every step', async () => {
    const { period, wang } = await setup();
    await setPeriodLocked(period.id, true);
    expect(await refusalOf(recordTalk(period.id, wang.id, NOTES, '赵经理'))).toBe('store:locked');
    expect(await refusalOf(setAppealDeadline(period.id, '2026-12-10'))).toBe('store:locked');
    expect(await listReviews(period.id)).toEqual([]);
  });
});

describe('an appeal settled by changing values', () => {
  async function appealing() {
    const context = await setup();
    const { period, wang } = context;
    await recordTalk(period.id, wang.id, NOTES, '赵经理');
    await recordOpinion(period.id, wang.id, { agree: false, text: '满意度应为 86 分' }, '王芳');
    const appealId = await fileAppeal(period.id, wang.id, { target: satisfaction, reason: '回访记录显示 86 分' }, '王芳');
    return { ...context, appealId };
  }

  it('the period cannot be locked while the appeal is open; it can once the appeal is settled', async () => {
    const { period, wang, appealId } = await appealing();
    const audit = await db.auditLog.count();
    expect(await refusalOf(setPeriodLocked(period.id, true))).toBe('store:appealOpen');
    expect((await getPeriod(period.id))!.locked).toBe(0);
    expect(await db.auditLog.count()).toBe(audit);

    await resolveAppeal(period.id, wang.id, appealId, { outcome: 'upheld', reason: '核实回访记录，更正为 86 分', changes: [{ personId: wang.id, key: 'satisfaction_score', role: 'supervisor', value: 86 }] }, '人事 孙悦');
    await setPeriodLocked(period.id, true);
    expect((await getPeriod(period.id))!.locked).toBe(1);
    // Unlocking is never refused.
    await setPeriodLocked(period.id, false);
    expect((await getPeriod(period.id))!.locked).toBe(0);
  });

  it('changes the value through the audited path, linked to the appeal, in the value\'s history', async () => {
    const { period, wang, appealId } = await appealing();
    const changed = await resolveAppeal(
      period.id,
      wang.id,
      appealId,
      { outcome: 'upheld', reason: '核实回访记录，更正为 86 分', changes: [{ personId: wang.id, key: 'satisfaction_score', role: 'supervisor', value: 86 }] },
      '人事 孙悦',
    );
    expect(changed).toBe(1);
    expect((await listEntries(period.id)).find((e) => e.personId === wang.id)?.value).toBe(86);
    const history = await valueHistory(period.id, wang.id, { key: 'satisfaction_score', role: 'supervisor' });
    expect(history.map((h) => [h.action, h.old, h.new])).toEqual([
      ['update', null, 84],
      ['appeal', 84, 86],
    ]);
    const [change] = await appealChanges(period.id, appealId);
    expect(change).toMatchObject({ entity: 'entries', action: 'appeal', by: '人事 孙悦', link: appealId, new: 1 });
    const [review] = await listReviews(period.id);
    expect(review!.appeals[0]!.resolution).toMatchObject({ outcome: 'upheld', reason: '核实回访记录，更正为 86 分', by: '人事 孙悦', changed: 1 });
    const steps = await auditFor('review', `${period.id}|${wang.id}`);
    expect(steps.at(-1)).toMatchObject({ action: 'resolve', old: 'appealing', new: 'closed', link: appealId, by: '人事 孙悦' });
    // The value change and the step were written together, in this order.
    expect(steps.at(-1)!.seq).toBe(change!.seq! + 1);
  });

  it('an upheld appeal that changes nothing, or someone else\'s values, is refused and stores nothing', async () => {
    const { period, wang, li, appealId } = await appealing();
    const audit = await db.auditLog.count();
    const same = [{ personId: wang.id, key: 'satisfaction_score', role: 'supervisor' as const, value: 84 }];
    expect(await refusalOf(resolveAppeal(period.id, wang.id, appealId, { outcome: 'upheld', reason: '核实', changes: same }, '人事'))).toBe('noChange');
    const other = [{ personId: li.id, key: 'satisfaction_score', role: 'supervisor' as const, value: 70 }];
    expect(await refusalOf(resolveAppeal(period.id, wang.id, appealId, { outcome: 'upheld', reason: '核实', changes: other }, '人事'))).toBe('store:refused');
    expect(await refusalOf(resolveAppeal(period.id, wang.id, appealId, { outcome: 'rejected', reason: '' }, '人事'))).toBe('reasonRequired');
    expect(await db.auditLog.count()).toBe(audit);
    expect((await listReviews(period.id))[0]!.appeals[0]!.resolution).toBeNull();
    expect((await listEntries(period.id)).map((e) => e.value).sort()).toEqual([84, 92]);
  });
});

describe('returned confirmations', () => {
  it('are stored all or nothing: one refused answer stores none', async () => {
    const { period, wang, li } = await setup();
    await recordTalk(period.id, wang.id, NOTES, '赵经理');
    const audit = await db.auditLog.count();
    const answers = [
      { personId: wang.id, agree: true, text: '', by: '王芳', file: '王芳.xlsx' },
      { personId: li.id, agree: true, text: '', by: '李娜', file: '李娜.xlsx' },
    ];
    expect(await applyConfirmations(period.id, answers)).toEqual({ ok: false, refusals: [{ index: 1, refusal: 'noTalk' }] });
    expect(await db.auditLog.count()).toBe(audit);
    expect((await listReviews(period.id))[0]!.opinion).toBeNull();

    await recordTalk(period.id, li.id, NOTES, '赵经理');
    expect(await applyConfirmations(period.id, [...answers, { ...answers[0]!, agree: false, text: '改主意' }])).toEqual({ ok: false, refusals: [{ index: 2, refusal: 'opinionGiven' }] });
    expect(await applyConfirmations(period.id, answers)).toEqual({ ok: true, count: 2 });
    const reviews = await listReviews(period.id);
    expect(reviews.map((r) => [r.personId === wang.id ? '王芳' : '李娜', r.opinion?.agree, r.opinion?.source, r.opinion?.file, r.opinion?.by]).sort()).toEqual([
      ['李娜', true, 'file', '李娜.xlsx', '李娜'],
      ['王芳', true, 'file', '王芳.xlsx', '王芳'],
    ]);
    expect((await listReviewLog(period.id)).filter((e) => e.action === 'opinion').map((e) => [e.by, e.new])).toEqual([
      ['王芳', 'confirmed'],
      ['李娜', 'confirmed'],
    ]);
  });
});

describe('pay settings', () => {
  it('a coefficient table per template family, audited; refused when a grade repeats or a coefficient is out of range', async () => {
    const { workspace, template } = await setup();
    const rows = [
      { grade: '优秀', coefficient: 1.2 },
      { grade: '良好', coefficient: 1 },
    ];
    await setCoefficientTable(workspace.id, template.familyId, rows);
    expect(await getCoefficientTable(workspace.id, template.familyId)).toEqual(rows);
    expect(await refusalOf(setCoefficientTable(workspace.id, template.familyId, [...rows, { grade: '优秀', coefficient: 1 }]))).toBe('store:refused');
    expect(await refusalOf(setCoefficientTable(workspace.id, template.familyId, [{ grade: '合格', coefficient: -1 }]))).toBe('store:refused');
    await setCoefficientTable(workspace.id, template.familyId, null);
    expect(await getCoefficientTable(workspace.id, template.familyId)).toBeNull();
    const audit = await auditFor('coefficients', `${workspace.id}|${template.familyId}`);
    expect(audit.map((a) => [a.action, a.old, a.new])).toEqual([
      ['update', null, rows],
      ['delete', rows, null],
    ]);
  });

  it('pay bases change in one audited action, all or nothing, and go with the person', async () => {
    const { workspace, wang, li } = await setup();
    expect(await setPayBases(workspace.id, [{ personId: wang.id, amount: 8000 }, { personId: li.id, amount: 6000 }], 'import')).toBe(2);
    expect(await setPayBases(workspace.id, [{ personId: wang.id, amount: 8000 }, { personId: li.id, amount: null }])).toBe(1);
    expect(await refusalOf(setPayBases(workspace.id, [{ personId: wang.id, amount: 9000 }, { personId: li.id, amount: -5 }]))).toBe('store:refused');
    expect(await refusalOf(setPayBases(workspace.id, [{ personId: wang.id, amount: 9000 }, { personId: 'nobody', amount: 5 }]))).toBe('store:missing');
    expect((await listPayBases(workspace.id)).map((b) => [b.personId, b.amount])).toEqual([[wang.id, 8000]]);
    const audit = await auditFor('payBases', workspace.id);
    expect(audit.map((a) => [a.action, a.new])).toEqual([
      ['import', [[wang.id, null, 8000], [li.id, null, 6000]]],
      ['update', [[li.id, 6000, null]]],
    ]);
    await deletePerson(wang.id);
    expect(await listPayBases(workspace.id)).toEqual([]);
  });

  it('bonus pools per team are kept with the period and audited', async () => {
    const { period } = await setup();
    await setBonusPool(period.id, '', 20000);
    await setBonusPool(period.id, 'team-1', 8000);
    await setBonusPool(period.id, '', null);
    expect((await getReviewSettings(period.id))?.pools).toEqual([{ teamId: 'team-1', amount: 8000 }]);
    expect((await auditFor('reviewSettings', period.id)).map((a) => [a.field, a.old, a.new])).toEqual([
      ['pool:', null, 20000],
      ['pool:team-1', null, 8000],
      ['pool:', 20000, null],
    ]);
    expect(await refusalOf(setBonusPool(period.id, '', -1))).toBe('store:refused');
  });
});
