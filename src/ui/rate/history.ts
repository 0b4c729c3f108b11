// Earlier periods' results for cross-period rules (连续3个月排名第一 …): the consecutive periods
// before the open one, of the same kind and template family, each scored from the store.
import { listPeriodHistory, loadPeriodSheet, type PeriodRecord } from '../../store/index';
import type { Template } from '../../scoring/model';
import { previousPeriodKey } from '../../scoring/periods';
import type { PeriodOutcome, PersonOutcome } from '../../scoring/cross-period';
import { buildModel, ratedPeople, type SheetModel } from './sheet-model';

/** How many earlier periods the template's rules look at (a 3-month rule needs the 2 before). */
export function historyDepth(template: Template): number {
  const rules = template.crossPeriod ?? [];
  return rules.length === 0 ? 0 : Math.max(...rules.map((rule) => rule.periods)) - 1;
}

/** Results of one scored period, by person (from the live sheet, so edits count at once). */
export function outcomeOf(model: SheetModel): PeriodOutcome {
  const people = new Map<string, PersonOutcome>();
  const rated = ratedPeople(model);
  const { sheet } = model.scored;
  const ranks = sheet.columns[model.compiled.rankSlot]!;
  const grades = sheet.columns[model.compiled.gradeSlot]!;
  for (const person of model.people) {
    const status = model.statuses.get(person.id) ?? 'active';
    const row = sheet.rowOf.get(person.id) ?? -1;
    const rank = row >= 0 ? ranks[row] : null;
    const grade = row >= 0 && status === 'active' ? grades[row] : null;
    people.set(person.id, {
      status,
      rated: rated.has(person.id),
      rank: typeof rank === 'number' ? rank : null,
      grade: typeof grade === 'string' && grade !== '' ? grade : null,
    });
  }
  return { key: model.data.period.key, people };
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
    outcomes.unshift(outcomeOf(buildModel(data)));
    key = previousPeriodKey(key);
  }
  return outcomes;
}
