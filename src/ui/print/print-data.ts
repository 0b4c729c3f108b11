// Everything the printed scorecards of a period need, read in one go: the period's sheet, the
// workspace (公司), the teams (部门) and the calibrated grades.
import { getWorkspace, listCalibrations, listTeams, loadPeriodSheet, type CalibrationRecord, type PeriodSheetData, type TeamRecord, type WorkspaceRecord } from '../../store/index';

export interface PrintData {
  readonly sheet: PeriodSheetData;
  readonly workspace: WorkspaceRecord | undefined;
  readonly teams: readonly TeamRecord[];
  readonly calibrations: readonly CalibrationRecord[];
}

export async function loadPrintData(periodId: string): Promise<PrintData | null> {
  const sheet = await loadPeriodSheet(periodId);
  if (!sheet) return null;
  const [workspace, teams, calibrations] = await Promise.all([
    getWorkspace(sheet.period.workspaceId),
    listTeams(sheet.period.workspaceId),
    listCalibrations(periodId),
  ]);
  return { sheet, workspace, teams, calibrations };
}
