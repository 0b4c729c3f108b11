// Earlier periods' results for cross-period rules (连续3个月排名第一 …): the consecutive periods
// before the open one, of the same kind and template family, each scored from the store.
import { listPeriodHistory, loadPeriodSheet, type PeriodRecord } from '../../store/index';
import type { Template } from '../../scoring/model';
import { previousPeriodKey } from '../../scoring/periods';
import type { PeriodOutcome, PersonOutcome } from '../../scoring/cross-period';
import type { ScoredPeriod } from '../../scoring/score';
import { buildModel } from './sheet-model';

/** How many earlier periods the template's rules look at (a 3-month rule needs the 2 before). */
export function historyDepth(template: Template): number {
  const rules = template.crossPeriod ?? [];
  return rules.length === 0 ? 0 : Math.max(...rules.map((rule) => rule.periods)) - 1;
}

/** Results of one scored period, by person. */
export function outcomeOf(key: string, scored: ScoredPeriod, statusOf: (personId: string) => PersonOutcome['status']): PeriodOutcome {
  const people = new Map<string, PersonOutcome>();
  for (const result of scored.people) people.set(result.personId, { status: statusOf(result.personId), rank: result.rank, grade: result.grade });
  return { key, people };
}

/**
 * The outcomes of the consecutive periods just before `period` (oldest first, at most `depth`),
 * each scored with its own template version.
 */
export async function loadHistory(period: PeriodRecord, depth: number): Promise<PeriodOutcome[]> {
  if (depth <= 0) return [];
  const familyId = period.templateId.slice(0, period.templateId.lastIndexOf('@'));
  const periods = await listPeriodHistory(period.workspaceId, period.kind, familyId);
  const byKey = new Map(periods.filter((p) => p.teamId === period.teamId).map((p) => [p.key, p]));
  const outcomes: PeriodOutcome[] = [];
  let key = previousPeriodKey(period.key);
  while (key !== null && outcomes.length < depth) {
    const earlier = byKey.get(key);
    if (!earlier) break;
    const data = await loadPeriodSheet(earlier.id);
    if (!data) break;
    const model = buildModel(data);
    outcomes.unshift(outcomeOf(key, model.scored, (id) => model.statuses.get(id) ?? 'active'));
    key = previousPeriodKey(key);
  }
  return outcomes;
}
