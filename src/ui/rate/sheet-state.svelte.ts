// The open rating sheet: loads a period once, scores it, and keeps it current.
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
import { crossPeriodFlags, crossPeriodRules, flagsByPerson, historyDepth, type CrossPeriodFlag, type PeriodOutcome } from '../../scoring/cross-period';
import { applyEntry, buildModel, hasFlags, indexEntry, refreshWeekPoints, rescore, SCORE_AFTER_PAINT, scoreModel, type SheetModel } from './sheet-model';
import { invert, recordBatch, emptyHistory, toSheetEdits, type CellOp, type UndoHistory } from './edits';
import { loadHistory, outcomeOf } from './history';
import { applyFeed, weekPeriodIdsOf } from './sync';
import { NO_FLAGS, NO_IDS, NO_NAMES, teamNameMap } from './sheet-data';

/** Above this many changed cells in a big sheet, score once from scratch instead of cell by cell. */
const RESCORE_BATCH = 400;

export interface SheetHost {
  /** A read or a save failed (the sheet is already back to what is stored): tell the person. */
  failed(error: unknown, problem: ReturnType<typeof classifyStorageError>): void;
}

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

export class RateSheetState {
  /** The loaded sheet; mutated in place by edits, replaced on reload. */
  model = $state.raw<SheetModel | null>(null);
  /** Bumped whenever the model's values change: the grid redraws the visible cells. */
  version = $state(0);
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
  private generation = 0;

  constructor(host: SheetHost) {
    this.host = host;
  }

  /** Open a period (closing whatever was open). */
  async open(workspaceId: string, periodId: string): Promise<void> {
    this.close();
    const generation = ++this.generation;
    this.workspaceId = workspaceId;
    this.periodId = periodId;
    this.history = emptyHistory();
    this.updateUndoFlags();
    this.loading = true;
    this.missing = false;
    try {
      const seq = await latestChangeSeq();
      const loaded = await this.load();
      if (generation !== this.generation) return;
      if (!loaded) {
        this.model = null;
        this.missing = true;
        return;
      }
      this.processed = seq;
      this.subscribe(seq);
    } catch (error) {
      this.host.failed(error, classifyStorageError(error));
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  close(): void {
    this.generation += 1;
    this.feed?.unsubscribe();
    this.feed = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  /** Read the period and score it; true when the period exists. */
  private async load(): Promise<boolean> {
    const generation = this.generation;
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
    if (generation !== this.generation) return true;
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
      if (generation !== this.generation || this.model !== model) return true;
      this.finishScoring(model);
    }
    const depth = hasFlags(model) ? historyDepth(crossPeriodRules(model.template)) : 0;
    const earlier = depth > 0 ? await loadHistory(data.period, depth) : [];
    const calibrations = earlier.length > 0 ? await listCalibrations(data.period.id) : [];
    if (generation !== this.generation || this.model !== model) return true;
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
      this.flags = flagsByPerson(crossPeriodFlags([...this.earlier, outcomeOf(model, this.calibrations)], crossPeriodRules(model.template)));
    } else if (this.flags.size > 0) {
      this.flags = NO_FLAGS;
    }
    this.version += 1;
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

  undo(): boolean {
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

  redo(): boolean {
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
    const generation = this.generation;
    this.saving += 1;
    this.queue = this.queue.then(async () => {
      try {
        // The new total and rank are painted first; the save (a column of up to 16,384 values
        // rewritten) follows in the next task.
        await afterPaint();
        await saveSheetEdits(periodId, toSheetEdits(ops), { action, origin: this.origin });
      } catch (error) {
        if (generation === this.generation) {
          this.apply(invert(ops));
          // The failed batch leaves the history; an undo/redo that failed goes back where it was.
          const index = this.history.done.lastIndexOf(ops);
          if (index >= 0) this.history.done.splice(index, 1);
          onFailure?.();
          this.updateUndoFlags();
          if (classifyStorageError(error) === 'locked') this.locked = true;
        }
        this.host.failed(error, classifyStorageError(error));
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
      error: (error: unknown) => this.host.failed(error, classifyStorageError(error)),
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
      void this.load().catch((error: unknown) => this.host.failed(error, classifyStorageError(error)));
    }, 120);
  }

  /** Re-read the period record (after locking or unlocking it here). */
  async refreshLock(): Promise<void> {
    const period = await getPeriod(this.periodId);
    if (period) this.locked = period.locked === 1;
  }
}
