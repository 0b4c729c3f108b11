// Earlier periods' results for cross-period rules (连续3个月排名第一 …): the consecutive periods
// before the open one, of the same kind, team and template family, each scored from the store and
// read with its calibrated grades by `periodOutcome`, as the dashboard reads them.
import { listCalibrations, listPeriodHistory, loadPeriodSheet, type CalibrationRecord, type PeriodRecord } from '../../store/index';
import { periodOutcome, type PeriodOutcome } from '../../scoring/cross-period';
import { previousPeriodKey } from '../../scoring/periods';
import { buildModel, type SheetModel } from './sheet-model';

function calibrated(records: readonly CalibrationRecord[]): ReadonlyMap<string, string> {
  return new Map(records.map((record) => [record.personId, record.grade]));
}

/** Results of one scored period (from the live sheet, so edits count at once). */
export function outcomeOf(model: SheetModel, calibrations: readonly CalibrationRecord[] = []): PeriodOutcome {
  return periodOutcome(model.data.period, model.scored.sheet, calibrated(calibrations));
}

/**
 * The outcomes of the consecutive periods just before `period` (oldest first, at most `depth`),
 * each scored with its own template version and its calibrated grades.
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
    outcomes.unshift(outcomeOf(buildModel(data), await listCalibrations(earlier.id)));
    key = previousPeriodKey(key);
  }
  return outcomes;
}
