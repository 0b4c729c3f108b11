// Per person of a period, as the review page, the sheet's status column, the dashboard and print read
// it: the status (nobody rated is 待评分, nobody assessed has none), the grade that counts, the
// coefficient and the pay — from what the store holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import {
  addPerson,
  createPeriod,
  createTemplate,
  createWorkspace,
  loadPeriodSheet,
  recordOpinion,
  recordTalk,
  setCalibration,
  setCoefficientTable,
  setEntries,
  setPayBases,
  setStatus,
} from '../../../../src/store/index';
import { scorePeriod } from '../../../../src/scoring/index';
import type { Template } from '../../../../src/scoring/model';
import { loadReviewInputs } from '../../../../src/ui/review/review-data';
import { reviewRows } from '../../../../src/ui/review/review-rows';

const template: Template = {
  id: 'family',
  version: 1,
  name: '测试模板',
  description: '',
  periodKind: 'month',
  inputs: [],
  sections: [{ id: 's', name: '业绩', combine: 'sum', indicators: [{ id: 'k', name: '得分', quantitative: true, max: 100, rule: { kind: 'direct' } }] }],
  total: { kind: 'sum' },
  grades: [
    { label: '良好', min: 80, minInclusive: true },
    { label: '合格', min: 60, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true, failing: true },
  ],
  roles: [{ role: 'supervisor', weight: 1 }],
  rankTies: 'competition',
};

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('review rows', () => {
  it('give each person their status, final grade, coefficient and pay', async () => {
    const workspace = await createWorkspace('测试');
    const record = await createTemplate(workspace.id, template);
    const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-11', templateId: record.id });
    const [a, b, _c, d] = await Promise.all(['甲', '乙', '丙', '丁'].map((name, i) => addPerson(workspace.id, { name, employeeNo: `E${i + 1}` })));
    await setEntries(period.id, [
      { personId: a!.id, key: 'k', role: 'supervisor', value: 85 },
      { personId: b!.id, key: 'k', role: 'supervisor', value: 65 },
      { personId: d!.id, key: 'k', role: 'supervisor', value: 90 },
    ]);
    // 丙 has nothing entered (待评分); 丁 covers temporarily (not assessed).
    await setStatus(period.id, d!.id, 'temporary');
    await recordTalk(period.id, a!.id, { strengths: '好', improve: '', goals: '', plan: [] }, '经理');
    await recordOpinion(period.id, a!.id, { agree: true, text: '' }, '甲');
    await setCalibration(period.id, b!.id, { grade: '良好', computedGrade: '合格', reason: '项目贡献' });
    await setCoefficientTable(workspace.id, record.familyId, [
      { grade: '良好', coefficient: 1.1 },
      { grade: '合格', coefficient: 0.8 },
    ]);
    await setPayBases(workspace.id, [
      { personId: a!.id, amount: 7000 },
      { personId: b!.id, amount: 6543.21 },
      { personId: d!.id, amount: 5000 },
    ]);

    const data = (await loadPeriodSheet(period.id))!;
    const rows = reviewRows(data, scorePeriod(data.template.body, data.input).people, await loadReviewInputs(period.id));
    expect(rows.map((row) => [row.person.name, row.status, row.grade, row.coefficient, row.base, row.pay])).toEqual([
      ['甲', 'confirmed', '良好', 1.1, 7000, 7700],
      // Calibrated 合格 → 良好: the calibrated grade counts; 6,543.21 × 1.1 = 7,197.531 → 7,197.53.
      ['乙', 'scored', '良好', 1.1, 6543.21, 7197.53],
      // No value entered: 待评分, no grade, no pay.
      ['丙', 'pending', null, null, null, null],
      ['丁', null, null, null, 5000, null],
    ]);
  });
});
