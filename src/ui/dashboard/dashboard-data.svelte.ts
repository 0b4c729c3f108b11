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
  type TeamRecord,
  type CalibrationLogEntry,
} from '../../store/index';
import { type DistributionTarget, effectiveGrade, type PersonResult, type ScoredPeriod, scorePeriod } from '../../scoring/index';
import { live, type Live } from '../lib/live.svelte';

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

export class DashboardData {
  /** The selected period: the one asked for, else the latest. */
  readonly periodId: string | undefined;
  /** The loaded sheet, only when it is the selected period's (not the previous one still showing). */
  readonly data: PeriodSheetData | undefined;
  readonly scored: ScoredPeriod | undefined;
  /** Everyone on the period's sheet (ranks and cohort rules are the period's). */
  readonly allRows: DashboardRow[];
  /** The team filter applied. */
  readonly rows: DashboardRow[];
  private readonly periodList: Live<PeriodRecord[]>;
  private readonly teamList: Live<TeamRecord[]>;
  private readonly targetQuery: Live<DistributionTarget | null>;
  private readonly sheet: Live<PeriodSheetData | undefined>;
  private readonly calibrations: Live<CalibrationRecord[]>;
  private readonly log: Live<CalibrationLogEntry[]>;

  /** Made while the dashboard initialises: its live queries end with it. */
  constructor(workspaceId: () => string, periodParam: () => string | undefined, teamParam: () => string) {
    this.periodList = live(workspaceId, (id) => listPeriods(id), []);
    this.teamList = live(workspaceId, (id) => listTeams(id), []);
    this.targetQuery = live(workspaceId, (id) => getCalibrationTarget(id), null);
    this.periodId = $derived(periodParam() ?? this.periodList.current[0]?.id);
    this.sheet = live(
      () => this.periodId,
      async (id): Promise<PeriodSheetData | undefined> => {
        if (!id) return undefined;
        const loaded = await loadPeriodSheet(id);
        // A User Timing mark: what follows it is scoring and drawing (bench/dashboard.bench.ts reads it).
        performance.mark(SHEET_READ_MARK);
        return loaded;
      },
      undefined,
    );
    this.calibrations = live(() => this.periodId, (id) => (id ? listCalibrations(id) : Promise.resolve([])), []);
    this.log = live(() => this.periodId, (id) => (id ? listCalibrationLog(id) : Promise.resolve([])), []);

    this.data = $derived(this.sheet.current && this.sheet.current.period.id === this.periodId ? this.sheet.current : undefined);
    this.scored = $derived.by(() => {
      if (!this.data) return undefined;
      const start = performance.now();
      const result = scorePeriod(this.data.template.body, this.data.input);
      performance.measure(SCORE_MEASURE, { start });
      return result;
    });
    this.allRows = $derived.by(() => {
      const { data, scored } = this;
      if (!data || !scored) return [];
      const byPerson = byPersonId(this.calibrations.current.filter((c) => c.periodId === data.period.id));
      return data.people.map((person, i) => {
        const result = scored.people[i]!;
        // A calibration counts only for someone with a computed grade (assessed, with a total).
        const calibration = result.grade === null ? undefined : byPerson.get(person.id);
        return { person, result, calibration, grade: effectiveGrade(result.grade, calibration?.grade) };
      });
    });
    this.rows = $derived.by(() => {
      const team = teamParam();
      if (team === '') return this.allRows;
      const wanted = team === NO_TEAM ? '' : team;
      return this.allRows.filter((row) => row.person.teamId === wanted);
    });
  }

  get periods(): PeriodRecord[] {
    return this.periodList.current;
  }

  get periodsLoading(): boolean {
    return this.periodList.loading;
  }

  get teams(): TeamRecord[] {
    return this.teamList.current;
  }

  get target(): DistributionTarget | null {
    return this.targetQuery.current;
  }

  /** The selected period is still being read. */
  get loading(): boolean {
    return this.periodId !== undefined && this.data === undefined && (this.sheet.loading || this.sheet.current !== undefined);
  }

  /** The selected period (or its template version) does not exist. */
  get missing(): boolean {
    return this.periodId !== undefined && !this.sheet.loading && this.sheet.current === undefined;
  }

  get calibrationLog(): CalibrationLogEntry[] {
    return this.log.current;
  }
}
