// The review page's data for one period: its sheet scored by the core, the reviews, calibrations,
// coefficient table, pay bases and settings (all live: a change in any tab shows at once), joined
// per person (review-rows.ts). Components read these; they compute no scores.
import { getReviewSettings, listPeriods, listTeams, loadPeriodSheet, type PeriodRecord, type PeriodSheetData, type ReviewSettingsRecord } from '../../store/index';
import { scorePeriod, type ScoredPeriod } from '../../scoring/index';
import { live } from '../lib/live.svelte';
import { loadReviewInputs } from './review-data';
import { teamNameMap } from '../rate/sheet-data';
import { NO_REVIEW_INPUTS, reviewRows, type ReviewRow } from './review-rows';

export function createReviewPage(workspaceId: () => string, periodParam: () => string | undefined) {
  const periods = live(workspaceId, (id) => listPeriods(id), [] as PeriodRecord[]);
  const teams = live(workspaceId, (id) => listTeams(id), []);
  const periodId = $derived(periodParam() ?? periods.current[0]?.id);
  const sheet = live(() => periodId, (id): Promise<PeriodSheetData | undefined> => (id ? loadPeriodSheet(id) : Promise.resolve(undefined)), undefined);
  const inputs = live(() => periodId, (id) => loadReviewInputs(id), { ...NO_REVIEW_INPUTS, periodId: '' });
  const settings = live(() => periodId, (id): Promise<ReviewSettingsRecord | undefined> => (id ? getReviewSettings(id) : Promise.resolve(undefined)), undefined);

  const data = $derived(sheet.current && sheet.current.period.id === periodId ? sheet.current : undefined);
  const scored: ScoredPeriod | undefined = $derived(data ? scorePeriod(data.template.body, data.input) : undefined);
  const rows: ReviewRow[] = $derived(data && scored && inputs.current.periodId === data.period.id ? reviewRows(data, scored.people, inputs.current) : []);
  const teamNames = $derived(teamNameMap(teams.current));

  return {
    get periods() {
      return periods.current;
    },
    get periodsLoading() {
      return periods.loading;
    },
    get periodId() {
      return periodId;
    },
    get data() {
      return data;
    },
    get missing() {
      return periodId !== undefined && !sheet.loading && sheet.current === undefined;
    },
    get rows() {
      return rows;
    },
    get inputs() {
      return inputs.current;
    },
    get deadline() {
      return settings.current?.appealDeadline ?? '';
    },
    get teamNames() {
      return teamNames;
    },
  };
}

export type ReviewPage = ReturnType<typeof createReviewPage>;
