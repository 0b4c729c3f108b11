// The dashboard's series of earlier periods: same kind, same team, same template family, before the
// selected period; each scored as its own dashboard would, calibrated grades counting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import type { KaoheDb } from '../../../../src/store/db';
import { addPerson, createPeriod, createTemplate, createWorkspace, saveTemplate, setCalibration, setEntries } from '../../../../src/store/index';
import { loadEarlierPeriods } from '../../../../src/ui/state/earlier-periods';
import { personSeries, teamSeries } from '../../../../src/scoring/trends';
import { crossPeriodFlags, DEFAULT_CROSS_PERIOD_RULES } from '../../../../src/scoring/cross-period';
import type { Template } from '../../../../src/scoring/model';

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

describe('earlier periods for the trends', () => {
  it('scores the months before the selected one of the same family, kind and team', async () => {
    const workspace = await createWorkspace('测试');
    const record = await createTemplate(workspace.id, template);
    const other = await createTemplate(workspace.id, { ...template, name: '另一个模板' });
    const a = await addPerson(workspace.id, { name: '甲', employeeNo: '1' });
    const b = await addPerson(workspace.id, { name: '乙', employeeNo: '2' });
    const rate = async (key: string, templateId: string, scores: [number, number], teamId = '') => {
      const period = await createPeriod(workspace.id, { kind: 'month', key, templateId, teamId });
      await setEntries(period.id, [
        { personId: a.id, key: 'k', role: 'supervisor', value: scores[0] },
        { personId: b.id, key: 'k', role: 'supervisor', value: scores[1] },
      ]);
      return period;
    };
    const august = await rate('2026-08', record.id, [90, 50]);
    // A new version of the same family (the grades changed) still belongs to the series.
    const v2 = await saveTemplate(record.id, { ...template, grades: [{ label: '达标', min: 60, minInclusive: true }, { label: '未达标', min: null, minInclusive: true, failing: true }] }, '改等级名');
    const september = await rate('2026-09', v2.id, [95, 40]);
    await rate('2026-09', other.id, [10, 10]); // another family
    await rate('2026-09', v2.id, [1, 1], 'team-x'); // another team's sheet
    await rate('2026-11', v2.id, [99, 99]); // after the selected month
    await createPeriod(workspace.id, { kind: 'quarter', key: '2026-Q3', templateId: v2.id }); // another kind
    const october = await rate('2026-10', v2.id, [92, 45]);
    await setCalibration(september.id, b.id, { grade: '达标', computedGrade: '未达标', reason: '特殊情况' });

    const earlier = await loadEarlierPeriods(october);
    expect(earlier.map((e) => e.snapshot.key)).toEqual(['2026-08', '2026-09']);
    expect(earlier.map((e) => e.snapshot.periodId)).toEqual([august.id, september.id]);
    expect(earlier[0]!.snapshot.people.map((p) => [p.total, p.grade, p.rank])).toEqual([
      [90, '合格', 1],
      [50, '不合格', 2],
    ]);
    // September's calibrated grade counts in the series.
    expect(earlier[1]!.snapshot.people.map((p) => p.grade)).toEqual(['达标', '达标']);
    expect(earlier[1]!.names.get(a.id)).toBe('甲');

    const snapshots = earlier.map((e) => e.snapshot);
    expect(personSeries(snapshots, a.id).map((p) => [p.key, p.total, p.rank])).toEqual([
      ['2026-08', 90, 1],
      ['2026-09', 95, 1],
    ]);
    expect(teamSeries(snapshots).map((p) => p.mix.filter((m) => m.count > 0).map((m) => `${m.label}×${m.count}`))).toEqual([['合格×1', '不合格×1'], ['达标×2']]);
    // 甲 first in August and September: two months, not yet the three the rule asks for.
    expect(crossPeriodFlags(snapshots, DEFAULT_CROSS_PERIOD_RULES)).toEqual([]);
  });
});
