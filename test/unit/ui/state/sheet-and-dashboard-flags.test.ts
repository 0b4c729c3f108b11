// Cross-period flags from the store, worked by hand and read the way each view reads them: the
// rating sheet (the consecutive months before the open one, then the open sheet) and the
// dashboard (every earlier month of the series, then the selected one) give the same flags.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { addPeople, createPeriod, createTemplate, createWorkspace, listCalibrations, listPeople, loadPeriodSheet, setCalibration, setEntries } from '../../../../src/store/index';
import type { Template } from '../../../../src/scoring/model';
import { crossPeriodFlags, crossPeriodRules, historyDepth } from '../../../../src/scoring/cross-period';
import { scorePeriod } from '../../../../src/scoring/score';
import { earlierPeriodOf, loadEarlierPeriods, outcomeOf } from '../../../../src/ui/state/earlier-periods';
import { buildModel } from '../../../../src/ui/rate/sheet-model';

/** The rating sheet's read: the consecutive periods its rules need, just before the open one. */
const sheetHistory = async (period: Parameters<typeof loadEarlierPeriods>[0], depth: number) => (await loadEarlierPeriods(period, depth)).map((p) => p.snapshot);

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** One item of 0–100 points; 合格 from 60; no cross-period rules of its own (the defaults apply). */
const template: Template = {
  id: 'family',
  version: 1,
  name: '月度得分',
  description: '',
  periodKind: 'month',
  inputs: [],
  sections: [{ id: 's', name: '得分', combine: 'sum', indicators: [{ id: 'k', name: '得分', quantitative: true, max: 100, rule: { kind: 'direct' } }] }],
  total: { kind: 'sum' },
  grades: [
    { label: '合格', min: 60, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true, failing: true },
  ],
  roles: [{ role: 'supervisor', weight: 1 }],
  rankTies: 'competition',
};

/**
 * September to November:
 *   甲 95, 90, 92 → first every month: 连续 3 个周期排名前 1.
 *   乙 50, 55, 58 → failing every month, but October was calibrated to 合格: no flag.
 *   丙 40, 45, 30 → failing every month: 连续 3 个周期不及格.
 *   丁 nothing entered in any month → 未评: no flag (was once flagged failing on the dashboard).
 */
async function threeMonths() {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, template);
  await addPeople(workspaceId, [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }]);
  const ids = new Map((await listPeople(workspaceId)).map((p) => [p.name, p.id]));
  const scores: Record<string, number[]> = { 甲: [95, 90, 92], 乙: [50, 55, 58], 丙: [40, 45, 30] };
  const periods = [];
  for (const [i, key] of ['2026-09', '2026-10', '2026-11'].entries()) {
    const period = await createPeriod(workspaceId, { kind: 'month', key, templateId: record.id });
    await setEntries(
      period.id,
      Object.entries(scores).map(([name, values]) => ({ personId: ids.get(name)!, key: 'k', role: 'supervisor' as const, value: values[i]! })),
    );
    periods.push(period);
  }
  await setCalibration(periods[1]!.id, ids.get('乙')!, { grade: '合格', computedGrade: '不合格', reason: '校准会议' });
  const nameOf = new Map([...ids].map(([name, id]) => [id, name]));
  return { periods, record, nameOf };
}

const expected = [
  ['甲', '连续 3 个周期排名前 1 ← default.first', ['2026-09', '2026-10', '2026-11']],
  ['丙', '连续 3 个周期不及格 ← default.failing', ['2026-09', '2026-10', '2026-11']],
];

it('the rating sheet and the dashboard flag the same people for the same hand-worked months', async () => {
  const { periods, nameOf } = await threeMonths();
  const november = periods[2]!;
  const data = (await loadPeriodSheet(november.id))!;
  const rules = crossPeriodRules(template);
  const shown = (flags: ReturnType<typeof crossPeriodFlags>) =>
    flags.map((flag) => [nameOf.get(flag.personId), `${flag.rule.kind === 'consecutiveRank' ? `连续 ${flag.rule.periods} 个周期排名前 1` : `连续 ${flag.rule.periods} 个周期不及格`} ← ${flag.rule.id}`, flag.periods]);

  // The sheet: the months the rules need before the open one, then the open sheet itself.
  const earlier = await sheetHistory(november, historyDepth(rules));
  const sheetFlags = crossPeriodFlags([...earlier, outcomeOf(data, buildModel(data).scored.sheet, await listCalibrations(november.id))], rules);
  expect(shown(sheetFlags)).toEqual(expected);

  // The dashboard: every earlier month of the series, then the selected one.
  const history = await loadEarlierPeriods(november);
  const current = earlierPeriodOf(data, scorePeriod(data.template.body, data.input).sheet, await listCalibrations(november.id));
  const dashboardFlags = crossPeriodFlags([...history.map((h) => h.snapshot), current.snapshot], rules);
  expect(shown(dashboardFlags)).toEqual(expected);
});

it('a calibration in the open month counts on the sheet too', async () => {
  const { periods, nameOf } = await threeMonths();
  const november = periods[2]!;
  const bing = [...nameOf].find(([, name]) => name === '丙')![0];
  await setCalibration(november.id, bing, { grade: '合格', computedGrade: '不合格', reason: '复核' });
  const data = (await loadPeriodSheet(november.id))!;
  const rules = crossPeriodRules(template);
  const flags = crossPeriodFlags([...(await sheetHistory(november, 2)), outcomeOf(data, buildModel(data).scored.sheet, await listCalibrations(november.id))], rules);
  expect(flags.map((flag) => nameOf.get(flag.personId))).toEqual(['甲']);
});

it('looks no further back than a gap in the months', async () => {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, template);
  await createPeriod(workspaceId, { kind: 'month', key: '2026-08', templateId: record.id });
  await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: record.id });
  const november = await createPeriod(workspaceId, { kind: 'month', key: '2026-11', templateId: record.id });
  expect((await sheetHistory(november, 2)).map((outcome) => outcome.key)).toEqual(['2026-10']);
});
