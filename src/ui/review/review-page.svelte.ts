// The review page's data for one period: its sheet scored by the core, the reviews, calibrations,
// coefficient table, pay bases and settings (all live: a change in any tab shows at once), joined
// per person (review-rows.ts). Components read these; they compute no scores.
import { getReviewSettings, listPeriods, listTeams, loadPeriodSheet, type PeriodRecord, type PeriodSheetData, type ReviewSettingsRecord, type TeamRecord } from '../../store/index';
import { scorePeriod, type ScoredPeriod } from '../../scoring/index';
import { live, type Live } from '../lib/live.svelte';
import { loadReviewInputs } from './review-data';
import { teamNameMap } from '../rate/sheet-data';
import { NO_REVIEW_INPUTS, reviewRows, type ReviewInputs, type ReviewRow } from './review-rows';

export class ReviewPage {
  /** The selected period: the one asked for, else the latest. */
  readonly periodId: string | undefined;
  /** The loaded sheet, only when it is the selected period's. */
  readonly data: PeriodSheetData | undefined;
  readonly scored: ScoredPeriod | undefined;
  /** Each person's status, grade, coefficient and pay. */
  readonly rows: ReviewRow[];
  readonly teamNames: ReadonlyMap<string, string>;
  private readonly periodList: Live<PeriodRecord[]>;
  private readonly teamList: Live<TeamRecord[]>;
  private readonly sheet: Live<PeriodSheetData | undefined>;
  private readonly inputQuery: Live<ReviewInputs & { readonly periodId: string }>;
  private readonly settings: Live<ReviewSettingsRecord | undefined>;

  /** Made while the page initialises: its live queries end with it. */
  constructor(workspaceId: () => string, periodParam: () => string | undefined) {
    this.periodList = live(workspaceId, (id) => listPeriods(id), []);
    this.teamList = live(workspaceId, (id) => listTeams(id), []);
    this.periodId = $derived(periodParam() ?? this.periodList.current[0]?.id);
    this.sheet = live(() => this.periodId, (id): Promise<PeriodSheetData | undefined> => (id ? loadPeriodSheet(id) : Promise.resolve(undefined)), undefined);
    this.inputQuery = live(() => this.periodId, (id) => loadReviewInputs(id), { ...NO_REVIEW_INPUTS, periodId: '' });
    this.settings = live(() => this.periodId, (id): Promise<ReviewSettingsRecord | undefined> => (id ? getReviewSettings(id) : Promise.resolve(undefined)), undefined);

    this.data = $derived(this.sheet.current && this.sheet.current.period.id === this.periodId ? this.sheet.current : undefined);
    this.scored = $derived(this.data ? scorePeriod(this.data.template.body, this.data.input) : undefined);
    this.rows = $derived(
      this.data && this.scored && this.inputQuery.current.periodId === this.data.period.id ? reviewRows(this.data, this.scored.people, this.inputQuery.current) : [],
    );
    this.teamNames = $derived(teamNameMap(this.teamList.current));
  }

  get periods(): PeriodRecord[] {
    return this.periodList.current;
  }

  get periodsLoading(): boolean {
    return this.periodList.loading;
  }

  /** The selected period (or its template version) does not exist. */
  get missing(): boolean {
    return this.periodId !== undefined && !this.sheet.loading && this.sheet.current === undefined;
  }

  get inputs(): ReviewInputs & { readonly periodId: string } {
    return this.inputQuery.current;
  }

  /** The appeal deadline set for the period ('' when none). */
  get deadline(): string {
    return this.settings.current?.appealDeadline ?? '';
  }
}
