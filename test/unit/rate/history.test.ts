// Cross-period flags from the store: the months before the open one, each scored with its own
// template version, then the rule over the consecutive run (连续3个月排名第一 / 连续3个月不及格).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freshDb } from '../store/helpers';
import type { KaoheDb } from '../../../src/store/db';
import { addPeople, createPeriod, createTemplate, createWorkspace, listPeople, loadPeriodSheet, setEntries } from '../../../src/store/index';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import type { Template } from '../../../src/scoring/model';
import { crossPeriodFlags } from '../../../src/scoring/cross-period';
import { historyDepth, loadHistory, outcomeOf } from '../../../src/ui/rate/history';
import { buildModel } from '../../../src/ui/rate/sheet-model';

let db: KaoheDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const template: Template = {
  ...customerMonthly,
  roles: [{ role: 'supervisor', weight: 1 }],
  crossPeriod: [
    { id: 'top', kind: 'consecutiveRank', rank: 1, periods: 3, label: '连续3个月考核排名第一,奖励200元' },
    { id: 'failing', kind: 'consecutiveFailing', periods: 3, label: '连续3个月考核不及格' },
  ],
};

it('flags first place and failing three months running, from periods stored in the workspace', async () => {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, template);
  await addPeople(workspaceId, [{ name: '王芳' }, { name: '李娜' }, { name: '张伟' }]);
  const ids = new Map((await listPeople(workspaceId)).map((p) => [p.name, p.id]));
  const good = { satisfaction_score: 95, process_completion: 0.95, info_utilisation: 0.95, new_referrals: 1, key_account_visits: 1, customer_focus_level: 5 };
  const weak = { satisfaction_score: 70, customer_focus_level: 1 };
  const months = ['2026-09', '2026-10', '2026-11'];
  const periods = [];
  for (const [i, key] of months.entries()) {
    const period = await createPeriod(workspaceId, { kind: 'month', key, templateId: record.id });
    periods.push(period);
    const entries = (name: string, values: Record<string, number>) =>
      Object.entries(values).map(([inputKey, value]) => ({ personId: ids.get(name)!, key: inputKey, role: 'supervisor' as const, value }));
    // 王芳 first every month; 李娜 weak throughout; 张伟 weak except October, when he comes
    // second (满意度 86 instead of 95), so his failing run is broken.
    await setEntries(period.id, [...entries('王芳', good), ...entries('李娜', weak), ...entries('张伟', i === 1 ? { ...good, satisfaction_score: 86 } : weak)]);
  }

  const november = periods[2]!;
  expect(historyDepth(template)).toBe(2);
  const earlier = await loadHistory(november, historyDepth(template));
  expect(earlier.map((outcome) => outcome.key)).toEqual(['2026-09', '2026-10']);
  const current = buildModel((await loadPeriodSheet(november.id))!);
  const outcome = outcomeOf(current);
  const flags = crossPeriodFlags(template.crossPeriod!, template.grades, [...earlier, outcome], '2026-11');
  expect(flags.get(ids.get('王芳')!)?.map((flag) => flag.ruleId)).toEqual(['top']);
  expect(flags.get(ids.get('李娜')!)?.map((flag) => flag.ruleId)).toEqual(['failing']);
  expect(flags.has(ids.get('张伟')!)).toBe(false);
});

it('an earlier month with nothing entered does not count towards a streak', async () => {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, template);
  await addPeople(workspaceId, [{ name: '王芳' }, { name: '李娜' }]);
  const ids = new Map((await listPeople(workspaceId)).map((p) => [p.name, p.id]));
  // September and October exist but nobody was rated: everyone ties for first on blanks.
  await createPeriod(workspaceId, { kind: 'month', key: '2026-09', templateId: record.id });
  await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: record.id });
  const november = await createPeriod(workspaceId, { kind: 'month', key: '2026-11', templateId: record.id });
  await setEntries(november.id, [{ personId: ids.get('王芳')!, key: 'satisfaction_score', role: 'supervisor', value: 95 }]);
  const earlier = await loadHistory(november, 2);
  expect(earlier[0]!.people.get(ids.get('王芳')!)).toMatchObject({ rank: 1, rated: false });
  const current = outcomeOf(buildModel((await loadPeriodSheet(november.id))!));
  expect(crossPeriodFlags(template.crossPeriod!, template.grades, [...earlier, current], '2026-11').size).toBe(0);
});

it('looks no further back than a gap in the months', async () => {
  const workspaceId = (await createWorkspace('测试')).id;
  const record = await createTemplate(workspaceId, template);
  await createPeriod(workspaceId, { kind: 'month', key: '2026-08', templateId: record.id });
  await createPeriod(workspaceId, { kind: 'month', key: '2026-10', templateId: record.id });
  const november = await createPeriod(workspaceId, { kind: 'month', key: '2026-11', templateId: record.id });
  expect((await loadHistory(november, 2)).map((outcome) => outcome.key)).toEqual(['2026-10']);
});
