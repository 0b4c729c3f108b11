// The dashboard's data for one period and team: the period's sheet (live: edits in the grid, in
// this tab or another, show at once), scored by the scoring core, joined with the people, their
// calibrated grades, and the team filter. Components read these; they compute no scores.
import {
  getCalibrationTarget,
  listCalibrationLog,
  listCalibrations,
  listPeriods,
  listTeams,
  loadPeriodSheet,
  type CalibrationRecord,
  type PeriodRecord,
  type PeriodSheetData,
  type PersonRecord,
} from '../../store/index';
import { scorePeriod, type PersonResult, type ScoredPeriod } from '../../scoring/index';
import { effectiveGrade } from '../../scoring/calibration';
import { live } from '../lib/live.svelte';

/** Marked each time the selected period's sheet arrives from IndexedDB. */
export const SHEET_READ_MARK = 'kaohe:dashboard:sheet-read';

/** Measured each time the period is scored. */
export const SCORE_MEASURE = 'kaohe:dashboard:score';

/** The team filter's value for people without a team. */
export const NO_TEAM = '-';

export interface DashboardRow {
  readonly person: PersonRecord;
  readonly result: PersonResult;
  readonly calibration: CalibrationRecord | undefined;
  /** The grade that counts: calibrated if a manager calibrated it, else computed. */
  readonly grade: string | null;
}

function byPersonId(records: readonly CalibrationRecord[]): ReadonlyMap<string, CalibrationRecord> {
  return new Map(records.map((record) => [record.personId, record]));
}

export function createDashboardData(workspaceId: () => string, periodParam: () => string | undefined, teamParam: () => string) {
  const periods = live(workspaceId, (id) => listPeriods(id), [] as PeriodRecord[]);
  const teams = live(workspaceId, (id) => listTeams(id), []);
  const target = live(workspaceId, (id) => getCalibrationTarget(id), null);
  const periodId = $derived(periodParam() ?? periods.current[0]?.id);
  const sheet = live(
    () => periodId,
    async (id): Promise<PeriodSheetData | undefined> => {
      if (!id) return undefined;
      const loaded = await loadPeriodSheet(id);
      // A User Timing mark: what follows it is scoring and drawing (bench/dashboard.bench.ts reads it).
      performance.mark(SHEET_READ_MARK);
      return loaded;
    },
    undefined,
  );
  const calibrations = live(() => periodId, (id) => (id ? listCalibrations(id) : Promise.resolve([])), [] as CalibrationRecord[]);
  const calibrationLog = live(() => periodId, (id) => (id ? listCalibrationLog(id) : Promise.resolve([])), []);

  /** The loaded sheet, only when it is the selected period's (not the previous one still showing). */
  const data = $derived(sheet.current && sheet.current.period.id === periodId ? sheet.current : undefined);
  const scored: ScoredPeriod | undefined = $derived.by(() => {
    if (!data) return undefined;
    const start = performance.now();
    const result = scorePeriod(data.template.body, data.input);
    performance.measure(SCORE_MEASURE, { start });
    return result;
  });

  const allRows: DashboardRow[] = $derived.by(() => {
    if (!data || !scored) return [];
    const byPerson = byPersonId(calibrations.current.filter((c) => c.periodId === data.period.id));
    return data.people.map((person, i) => {
      const result = scored.people[i]!;
      // A calibration counts only for someone with a computed grade (assessed, with a total).
      const calibration = result.grade === null ? undefined : byPerson.get(person.id);
      return { person, result, calibration, grade: effectiveGrade(result.grade, calibration?.grade) };
    });
  });

  const rows: DashboardRow[] = $derived.by(() => {
    const team = teamParam();
    if (team === '') return allRows;
    const wanted = team === NO_TEAM ? '' : team;
    return allRows.filter((row) => row.person.teamId === wanted);
  });

  return {
    get periods() {
      return periods.current;
    },
    get periodsLoading() {
      return periods.loading;
    },
    get teams() {
      return teams.current;
    },
    get target() {
      return target.current;
    },
    get periodId() {
      return periodId;
    },
    get data() {
      return data;
    },
    /** The selected period is still being read. */
    get loading() {
      return periodId !== undefined && data === undefined && (sheet.loading || sheet.current !== undefined);
    },
    /** The selected period (or its template version) does not exist. */
    get missing() {
      return periodId !== undefined && !sheet.loading && sheet.current === undefined;
    },
    get scored() {
      return scored;
    },
    /** Everyone on the period's sheet (ranks and cohort rules are the period's). */
    get allRows() {
      return allRows;
    },
    /** The team filter applied. */
    get rows() {
      return rows;
    },
    get calibrationLog() {
      return calibrationLog.current;
    },
  };
}

export type DashboardData = ReturnType<typeof createDashboardData>;
