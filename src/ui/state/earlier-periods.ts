// Earlier periods of a series, for the cross-period rules (连续3个月排名第一 …) and the trend
// charts: the same kind of period for the same team, rated with a version of the same template
// family, before a given period. Each is scored from the store with its own template version and
// read with its calibrated grades, so the rating sheet and the dashboard see the same outcomes.
import { listCalibrations, listPeriodHistory, loadPeriodSheet, type CalibrationRecord, type PeriodRecord, type PeriodSheetData } from '../../store/index';
import { periodOutcome, type PeriodOutcome, previousPeriodKey, scorePeriod, type Sheet } from '../../scoring/index';

export interface EarlierPeriod {
  readonly snapshot: PeriodOutcome;
  /** Team of each person on that period's sheet, for the dashboard's team filter. */
  readonly teamOf: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

/** One scored period as the cross-period rules read it: ranks, who was rated, grades (a calibrated grade wins). */
export function outcomeOf(data: PeriodSheetData, sheet: Sheet, calibrations: readonly CalibrationRecord[]): PeriodOutcome {
  return periodOutcome(data.period, sheet, new Map(calibrations.map((record) => [record.personId, record.grade])));
}

/** The outcome with the people's teams and names (the dashboard lists and filters them). */
export function earlierPeriodOf(data: PeriodSheetData, sheet: Sheet, calibrations: readonly CalibrationRecord[]): EarlierPeriod {
  return {
    snapshot: outcomeOf(data, sheet, calibrations),
    teamOf: new Map(data.people.map((person) => [person.id, person.teamId])),
    names: new Map(data.people.map((person) => [person.id, person.name])),
  };
}

/**
 * The series' periods before `current`, oldest first. With `depth`, only the consecutive ones
 * just before it, at most `depth` (a gap in the months ends the run: the rating sheet's flags need
 * no more); without, all of them (the dashboard's trends).
 */
export async function loadEarlierPeriods(current: PeriodRecord, depth?: number): Promise<EarlierPeriod[]> {
  if (depth !== undefined && depth <= 0) return [];
  const familyId = current.templateId.slice(0, current.templateId.lastIndexOf('@'));
  const series = (await listPeriodHistory(current.workspaceId, current.kind, familyId)).filter(
    (period) => period.teamId === current.teamId && period.id !== current.id && period.key < current.key,
  );
  const chosen = depth === undefined ? series : consecutiveBefore(series, current.key, depth);
  const earlier: EarlierPeriod[] = [];
  for (const period of chosen) {
    const data = await loadPeriodSheet(period.id);
    if (!data) continue;
    earlier.push(earlierPeriodOf(data, scorePeriod(data.template.body, data.input).sheet, await listCalibrations(period.id)));
  }
  return earlier;
}

/** The periods whose keys run back from just before `key` without a gap, at most `depth`, oldest first. */
function consecutiveBefore(series: readonly PeriodRecord[], key: string, depth: number): PeriodRecord[] {
  const byKey = new Map(series.map((period) => [period.key, period]));
  const run: PeriodRecord[] = [];
  for (let k = previousPeriodKey(key); k !== null && run.length < depth; k = previousPeriodKey(k)) {
    const period = byKey.get(k);
    if (!period) break;
    run.unshift(period);
  }
  return run;
}
