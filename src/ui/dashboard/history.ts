// Earlier periods of the same series, scored for the trend charts: the same kind of period for the
// same team, rated with a version of the same template family, before the selected period. Each is scored exactly as
// its own dashboard would score it, with its calibrated grades.
import { getTemplate, listCalibrations, listPeriods, loadPeriodSheet, type PeriodRecord, type PeriodSheetData } from '../../store/index';
import { scorePeriod, type Sheet } from '../../scoring/index';
import { periodOutcome, type PeriodOutcome } from '../../scoring/cross-period';
import type { CalibrationRecord } from '../../store/index';

export interface HistoryPeriod {
  readonly snapshot: PeriodOutcome;
  /** Team of each person on that period's sheet, for the team filter. */
  readonly teamOf: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

/** A period as the trends and the cross-period flags read it (the rating sheet reads it the same way). */
export function snapshotOf(data: PeriodSheetData, sheet: Sheet, calibrations: readonly CalibrationRecord[]): HistoryPeriod {
  return {
    snapshot: periodOutcome(data.period, sheet, new Map(calibrations.map((c) => [c.personId, c.grade]))),
    teamOf: new Map(data.people.map((p) => [p.id, p.teamId])),
    names: new Map(data.people.map((p) => [p.id, p.name])),
  };
}

/** The series' earlier periods (not the selected one), oldest first. */
export async function loadEarlierPeriods(current: PeriodRecord, familyId: string): Promise<HistoryPeriod[]> {
  const periods = (await listPeriods(current.workspaceId)).filter(
    (p) => p.kind === current.kind && p.teamId === current.teamId && p.id !== current.id && p.key < current.key,
  );
  const earlier: HistoryPeriod[] = [];
  for (const period of periods) {
    const template = await getTemplate(period.templateId);
    if (!template || template.familyId !== familyId) continue;
    const data = await loadPeriodSheet(period.id);
    if (!data) continue;
    const scored = scorePeriod(data.template.body, data.input);
    earlier.push(snapshotOf(data, scored.sheet, await listCalibrations(period.id)));
  }
  return earlier.sort((a, b) => a.snapshot.key.localeCompare(b.snapshot.key));
}
