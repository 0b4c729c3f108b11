// The open rating sheet: loads a period once, scores it, and keeps it current.
// - What the person does on the sheet (cells typed, pasted, filled or cleared; team values;
//   undo and redo; the role and rater shown) arrives here and is said in a message.
// - Own edits change the in-memory sheet at once (totals and ranks update before anything is
//   written), then are saved in one transaction; if saving fails they are rolled back.
// - Other tabs' edits arrive through the audit-log change feed and are applied cell by cell, so
//   a 10,000-person sheet is never re-read for one changed value. Our own writes (their audit origin) are
//   recognised and skipped. Structural changes (people, statuses, a restore) reload the period;
//   the old sheet stays on screen until the new one is ready, so nothing flickers.
import {
  changesSince,
  classifyStorageError,
  getPeriod,
  latestChangeSeq,
  listCalibrations,
  listPeriods,
  listTeams,
  loadPeriodSheet,
  observe,
  saveSheetEdits,
  type CalibrationRecord,
  type Changes,
  type EntryAction,
} from '../../store/index';
import { type CrossPeriodFlag, crossPeriodFlags, crossPeriodRules, flagsByPerson, historyDepth, periodLabel, type PeriodOutcome } from '../../scoring/index';
import { applyEntry, buildModel, hasFlags, indexEntry, refreshWeekPoints, rescore, SCORE_AFTER_PAINT, scoreModel, teamInputsOf, type SheetModel } from './sheet-model';
import { invert, recordBatch, emptyHistory, toSheetEdits, type CellOp, type UndoHistory } from './edits';
import { loadEarlierPeriods, outcomeOf } from '../state/earlier-periods';
import { applyFeed, weekPeriodIdsOf } from './sync';
import { createGridData, NO_FLAGS, NO_IDS, NO_NAMES, statusLabel, STATUSES, teamNameMap } from './sheet-data';
import { rateColumns, type RoleMode } from './columns';
import { NO_REVIEW_INPUTS, reviewLookup, type ReviewLookup } from '../review/review-rows';
import { changeAction, changeOps, teamValueOp, teamValueText } from './sheet-changes';
import type { CellRef, GridChange, GridData } from '../grid/types';
import { i18n, t } from '../../i18n/locale.svelte';

/** Above this many changed cells in a big sheet, score once from scratch instead of cell by cell. */
const RESCORE_BATCH = 400;

export interface SheetHost {
  /** Tell the person: what an edit did, or why it could not (a failed save is already rolled back). */
  notify(kind: 'info' | 'error', text: string): void;
}

const NO_DATA: GridData = { rowCount: 0, text: () => '' };
const NO_REVIEW = reviewLookup(NO_REVIEW_INPUTS);

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

export class RateSheetState {
  /** The loaded sheet; mutated in place by edits, replaced on reload. */
  model = $state.raw<SheetModel | null>(null);
  /** Bumped whenever the model's values change: the grid redraws the visible cells. */
  redraws = $state(0);
  loading = $state(true);
  missing = $state(false);
  locked = $state(false);
  saving = $state(0);
  flags = $state.raw<ReadonlyMap<string, readonly CrossPeriodFlag[]>>(NO_FLAGS);
  /** The sheet shows the cross-period flags column: the template names rules, or there are earlier periods to judge. */
  showFlags = $state(false);
  teamNames = $state.raw<ReadonlyMap<string, string>>(NO_NAMES);
  canUndo = $state(false);
  /** The sheet is on screen with its values; totals, grades and ranks are being worked out. */
  scoring = $state(false);
  canRedo = $state(false);
  /** Which rater roles the grid shows: all side by side, or one. */
  mode = $state<RoleMode>('all');
  /** Who is rating: values typed are entered under this name (blank: the role's unnamed rater). */
  rater = $state('');
  /** The period's review steps, coefficients and pay bases (fed live by the page): the status, coefficient and pay columns. */
  review = $state.raw<ReviewLookup>(NO_REVIEW);

  readonly periodName = $derived(this.model ? periodLabel(this.model.data.period.key, i18n.locale) : '');
  readonly roles = $derived(this.model?.compiled.roles ?? []);
  /** The role asked for, or all of them when the template has no such role. */
  readonly effectiveMode: RoleMode = $derived(this.mode === 'all' || this.roles.includes(this.mode) ? this.mode : 'all');
  readonly columns = $derived(
    this.model ? rateColumns(this.model.compiled, { mode: this.effectiveMode, scope: this.model.scope, locale: i18n.locale, flags: this.showFlags, pay: this.review.hasPay }) : [],
  );
  readonly data: GridData = $derived(
    this.model
      ? createGridData(this.model, this.columns, { locale: i18n.locale, rater: this.rater.trim(), locked: this.locked, flags: this.flags, teamNames: this.teamNames, review: this.review })
      : NO_DATA,
  );
  readonly teamInputs = $derived(this.model ? teamInputsOf(this.model) : []);
  /** The 评语 column: the cell menu's "note" writes there (Kaohe keeps one note per person). */
  readonly noteColumn = $derived.by(() => {
    const index = this.columns.findIndex((column) => column.source.kind === 'remark');
    return index < 0 ? undefined : index;
  });

  private readonly host: SheetHost;
  private periodId = '';
  private workspaceId = '';
  private history: UndoHistory = emptyHistory();
  private earlier: PeriodOutcome[] = [];
  private calibrations: readonly CalibrationRecord[] = [];
  /** Marks this sheet's own saves in the audit log, so the change feed skips them. */
  private readonly origin = `sheet-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  private feed: { unsubscribe(): void } | null = null;
  private processed = 0;
  private subscribedFrom = 0;
  private weekPeriodIds: ReadonlySet<string> = NO_IDS;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  /**
   * Bumped by every open and close: a load or a failed save that started under an older ticket
   * belongs to a sheet no longer shown and leaves this one alone.
   */
  private loadTicket = 0;

  constructor(host: SheetHost) {
    this.host = host;
  }

  /** Open a period (closing whatever was open). */
  async open(workspaceId: string, periodId: string): Promise<void> {
    this.close();
    const ticket = ++this.loadTicket;
    this.workspaceId = workspaceId;
    this.periodId = periodId;
    this.history = emptyHistory();
    this.updateUndoFlags();
    this.loading = true;
    this.missing = false;
    try {
      const seq = await latestChangeSeq();
      const loaded = await this.load();
      if (ticket !== this.loadTicket) return;
      if (!loaded) {
        this.model = null;
        this.missing = true;
        return;
      }
      this.processed = seq;
      this.subscribe(seq);
    } catch (error) {
      this.failed(error);
    } finally {
      if (ticket === this.loadTicket) this.loading = false;
    }
  }

  close(): void {
    this.loadTicket += 1;
    this.feed?.unsubscribe();
    this.feed = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  /** A read or a save failed (the sheet is already back to what is stored): tell the person. */
  private failed(error: unknown): void {
    if (classifyStorageError(error) === 'locked') this.host.notify('error', t('rate.edit.locked', { period: this.periodName }));
    else this.host.notify('error', t('rate.edit.failed', { message: error instanceof Error ? error.message : String(error) }));
  }

  /** Read the period and score it; true when the period exists. */
  private async load(): Promise<boolean> {
    const ticket = this.loadTicket;
    performance.mark('kaohe:sheet-load-start');
    const data = await loadPeriodSheet(this.periodId);
    performance.mark('kaohe:sheet-loaded');
    if (!data) return false;
    const [teams, periods] = await Promise.all([listTeams(data.period.workspaceId), data.period.kind === 'month' ? listPeriods(data.period.workspaceId) : Promise.resolve([])]);
    // A big team is put on screen with its entered values first and scored right after that
    // frame: the first rows show in well under a second instead of after the whole scoring.
    const later = data.people.length > SCORE_AFTER_PAINT.people || (data.valueCount ?? 0) > SCORE_AFTER_PAINT.entries;
    performance.mark('kaohe:sheet-score-start');
    const model = buildModel(data, { pending: later });
    if (!later) performance.mark('kaohe:sheet-scored');
    if (ticket !== this.loadTicket) return true;
    this.calibrations = [];
    this.showFlags = hasFlags(model) && (model.template.crossPeriod?.length ?? 0) > 0;
    this.weekPeriodIds = weekPeriodIdsOf(periods, data.period.key);
    this.teamNames = teamNameMap(teams);
    this.locked = data.period.locked === 1;
    this.earlier = [];
    this.model = model;
    this.scoring = later;
    this.changed();
    if (later) {
      await afterPaint();
      if (ticket !== this.loadTicket || this.model !== model) return true;
      this.finishScoring(model);
    }
    const depth = hasFlags(model) ? historyDepth(crossPeriodRules(model.template)) : 0;
    const earlier = depth > 0 ? (await loadEarlierPeriods(data.period, depth)).map((period) => period.snapshot) : [];
    const calibrations = earlier.length > 0 ? await listCalibrations(data.period.id) : [];
    if (ticket !== this.loadTicket || this.model !== model) return true;
    this.calibrations = calibrations;
    this.showFlags = hasFlags(model) && ((model.template.crossPeriod?.length ?? 0) > 0 || earlier.length > 0);
    this.earlier = earlier;
    if (earlier.length > 0) this.changed();
    return true;
  }

  /** Score a model shown before it was scored (at once if an edit comes first). */
  private finishScoring(model: SheetModel): void {
    if (!model.pending) return;
    scoreModel(model);
    performance.mark('kaohe:sheet-scored');
    this.scoring = false;
    this.changed();
  }

  /** After any change of values: redraw, and recompute flags that depend on this period's ranks. */
  private changed(): void {
    const model = this.model;
    if (model && !model.pending && hasFlags(model) && this.earlier.length > 0) {
      // The same engine and the same outcomes as the dashboard's cross-period flags.
      this.flags = flagsByPerson(crossPeriodFlags([...this.earlier, outcomeOf(model.data, model.scored.sheet, this.calibrations)], crossPeriodRules(model.template)));
    } else if (this.flags.size > 0) {
      this.flags = NO_FLAGS;
    }
    this.redraws += 1;
  }

  // ---- what the person does on the sheet ----------------------------------------------------

  /** Cells typed, pasted, filled or cleared in the grid: applied, saved, and said. */
  gridChange(change: GridChange): void {
    const model = this.model;
    if (!model) return;
    if (this.locked) return this.sayLocked();
    const { ops, badStatuses } = changeOps(model, this.columns, change, this.rater.trim());
    this.edit(ops, changeAction(change));
    if (badStatuses.length > 0) {
      const allowed = STATUSES.map((status) => statusLabel(status, i18n.locale)).join(' / ');
      this.host.notify('error', t('rate.edit.badStatus', { allowed, value: badStatuses[0]! }));
      return;
    }
    const count = change.cells.length;
    const skipped = change.skipped > 0 ? t('rate.edit.skipped', { count: change.skipped }) : '';
    if (change.kind === 'paste') this.host.notify('info', t('rate.edit.pasted', { count }) + skipped);
    else if (change.kind === 'fill') this.host.notify('info', t('rate.edit.filled', { count }) + skipped);
    else if (change.kind === 'clear' && count > 1) this.host.notify('info', t('rate.edit.cleared', { count }) + skipped);
    else if (count === 0 && change.skipped > 0) this.host.notify('info', t('rate.edit.skipped', { count: change.skipped }).replace(/^[，;]\s*/, ''));
  }

  /** Typing into a cell that takes no typing: the period is locked, or the column is computed. */
  refuse(cell: CellRef): void {
    if (this.locked) this.sayLocked();
    else this.host.notify('info', t('rate.edit.readOnly', { column: this.columns[cell.col]?.title.replace('\n', ' ') ?? '' }));
  }

  private sayLocked(): void {
    this.host.notify('error', t('rate.edit.locked', { period: this.periodName }));
  }

  /** A team value as its field shows it (read again whenever the sheet's values change). */
  teamValue(inputId: string): string {
    void this.redraws;
    return this.model ? teamValueText(this.model, inputId, i18n.locale) : '';
  }

  setTeamValue(inputId: string, text: string): void {
    const model = this.model;
    if (!model) return;
    if (this.locked) return this.sayLocked();
    const op = teamValueOp(model, inputId, text);
    if (op) this.edit([op]);
  }

  /** Ctrl+Z or 撤销: the last batch undone, and said so. True when there was one. */
  undo(): boolean {
    if (this.locked) {
      this.sayLocked();
      return false;
    }
    const undone = this.undoLast();
    this.host.notify('info', undone ? t('rate.edit.undone') : t('rate.edit.nothingToUndo'));
    return undone;
  }

  /** Ctrl+Y or 重做: the last undone batch done again, and said so. True when there was one. */
  redo(): boolean {
    if (this.locked) {
      this.sayLocked();
      return false;
    }
    const redone = this.redoLast();
    this.host.notify('info', redone ? t('rate.edit.redone') : t('rate.edit.nothingToRedo'));
    return redone;
  }

  // ---- own edits ---------------------------------------------------------------------------

  /** Apply a batch of cell changes now, save it, and remember it for undo. `action` names it in the audit log. */
  edit(ops: CellOp[], action: EntryAction = 'update'): void {
    if (ops.length === 0) return;
    if (this.model?.pending) this.finishScoring(this.model);
    this.apply(ops);
    recordBatch(this.history, ops);
    this.updateUndoFlags();
    this.save(ops, action);
  }

  private undoLast(): boolean {
    const ops = this.history.done.pop();
    if (!ops) return false;
    const inverse = invert(ops);
    this.apply(inverse);
    this.history.undone.push(ops);
    this.updateUndoFlags();
    this.save(inverse, 'undo', () => {
      const index = this.history.undone.lastIndexOf(ops);
      if (index >= 0) this.history.undone.splice(index, 1);
      this.history.done.push(ops);
    });
    return true;
  }

  private redoLast(): boolean {
    const ops = this.history.undone.pop();
    if (!ops) return false;
    this.apply(ops);
    this.history.done.push(ops);
    this.updateUndoFlags();
    this.save(ops, 'redo', () => this.history.undone.push(ops));
    return true;
  }

  private updateUndoFlags(): void {
    this.canUndo = this.history.done.length > 0;
    this.canRedo = this.history.undone.length > 0;
  }

  /** Change the in-memory sheet (no storage). */
  private apply(ops: readonly CellOp[]): void {
    const model = this.model;
    if (!model) return;
    let rescoreNeeded = false;
    const entryOps = ops.filter((op) => op.kind === 'entry');
    const batch = entryOps.length > RESCORE_BATCH && model.people.length > 1000;
    for (const op of ops) {
      if (op.kind === 'remark') {
        if (op.after === '') model.remarks.delete(op.personId);
        else model.remarks.set(op.personId, op.after);
      } else if (op.kind === 'status') {
        model.statuses.set(op.personId, op.after);
        rescoreNeeded = true;
      } else {
        const entry = { personId: op.personId, key: op.key, role: op.role, ...(op.rater ? { rater: op.rater } : {}), value: op.after };
        if (batch) {
          indexEntry(model.entries, entry);
          rescoreNeeded = true;
        } else {
          applyEntry(model, entry);
        }
      }
    }
    if (rescoreNeeded) rescore(model);
    else refreshWeekPoints(model);
    this.changed();
  }

  /** Save in order; on failure put the sheet back and tell the person why. */
  private save(ops: CellOp[], action: EntryAction, onFailure?: () => void): void {
    const periodId = this.periodId;
    const ticket = this.loadTicket;
    this.saving += 1;
    this.queue = this.queue.then(async () => {
      try {
        // The new total and rank are painted first; the save (a column of up to 16,384 values
        // rewritten) follows in the next task.
        await afterPaint();
        await saveSheetEdits(periodId, toSheetEdits(ops), { action, origin: this.origin });
      } catch (error) {
        if (ticket === this.loadTicket) {
          this.apply(invert(ops));
          // The failed batch leaves the history; an undo/redo that failed goes back where it was.
          const index = this.history.done.lastIndexOf(ops);
          if (index >= 0) this.history.done.splice(index, 1);
          onFailure?.();
          this.updateUndoFlags();
          if (classifyStorageError(error) === 'locked') this.locked = true;
        }
        this.failed(error);
      } finally {
        this.saving -= 1;
      }
    });
  }

  /** Resolves when every edit made so far is saved (or failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  // ---- other tabs --------------------------------------------------------------------------

  private subscribe(fromSeq: number): void {
    this.feed?.unsubscribe();
    this.subscribedFrom = fromSeq;
    const workspaceId = this.workspaceId;
    this.feed = observe(() => changesSince(workspaceId, fromSeq)).subscribe({
      next: (records) => this.receive(records),
      error: (error: unknown) => this.failed(error),
    });
  }

  private receive({ records, lastSeq }: Changes): void {
    const model = this.model;
    if (!model) return;
    const fresh = records.filter((record) => (record.seq ?? 0) > this.processed);
    if (model.pending && fresh.length > 0) this.finishScoring(model);
    this.processed = Math.max(this.processed, lastSeq);
    const result = applyFeed(model, this.periodId, fresh, this.origin, this.weekPeriodIds);
    if (result.locked !== undefined) this.locked = result.locked;
    if (result.changed) {
      if (result.rescore) rescore(model);
      else refreshWeekPoints(model);
      this.changed();
    }
    if (result.reload) this.scheduleReload();
    // Follow on from the last record read, so the next look reads only newer ones (a big
    // import elsewhere would otherwise be read again on every later write).
    if (this.processed > this.subscribedFrom) this.subscribe(this.processed);
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load().catch((error: unknown) => this.failed(error));
    }, 120);
  }

  /** Re-read the period record (after locking or unlocking it here). */
  async refreshLock(): Promise<void> {
    const period = await getPeriod(this.periodId);
    if (period) this.locked = period.locked === 1;
  }
}
