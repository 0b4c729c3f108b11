// Keeping an open sheet current from the audit-log change feed: other tabs' values are applied
// cell by cell (one record per action, holding what it changed); this sheet's own saves carry
// its origin and are skipped; anything structural (people, teams, a restore, a big import) asks
// for a reload.
import type { AuditRecord, PeriodRecord } from '../../store/index';
import { valueChangeCount, valueChangesOf } from '../../store/index';
import type { Scalar } from '../../formula/index';
import { type PersonStatus, weeksOfMonth } from '../../scoring/index';
import { applyEntry, type SheetModel } from './sheet-model';

/** Ids of the week periods whose entries roll up into a month. */
export function weekPeriodIdsOf(periods: readonly PeriodRecord[], monthKey: string): ReadonlySet<string> {
  const weeks = new Set(weeksOfMonth(monthKey));
  return new Set(periods.filter((p) => p.kind === 'week' && weeks.has(p.key)).map((p) => p.id));
}

function asScalar(value: unknown): Scalar | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

function isStatus(value: unknown): value is PersonStatus {
  return value === 'active' || value === 'leave' || value === 'temporary';
}

export interface FeedResult {
  /** Values in the model changed: redraw. */
  changed: boolean;
  /** A status changed: score the sheet again (rows join or leave the ranking). */
  rescore: boolean;
  /** Something the feed cannot apply cell by cell: read the period again. */
  reload: boolean;
  /** The period was locked (true) or unlocked (false). */
  locked?: boolean;
}

/** Above this many values, another tab's write is read again with the period instead of applied value by value. */
export const FEED_APPLY_LIMIT = 2000;

/** Apply audit records (oldest first) to the open sheet; records this sheet wrote (`origin`) are skipped. */
export function applyFeed(model: SheetModel, periodId: string, records: readonly AuditRecord[], origin: string, weekPeriodIds: ReadonlySet<string>): FeedResult {
  const result: FeedResult = { changed: false, rescore: false, reload: false };
  for (const record of records) {
    if (record.origin === origin) continue;
    switch (record.entity) {
      case 'entries': {
        if (record.entityId !== periodId) {
          if (weekPeriodIds.has(record.entityId)) result.reload = true;
          break;
        }
        if (valueChangeCount(record) > FEED_APPLY_LIMIT) {
          result.reload = true;
          break;
        }
        for (const change of valueChangesOf(record)) {
          const value = asScalar(change.new);
          if (value === undefined) continue;
          applyEntry(model, { personId: change.personId, key: change.key, role: change.role, ...(change.rater ? { rater: change.rater } : {}), value });
        }
        result.changed = true;
        break;
      }
      case 'remark': {
        const [recordPeriod, personId] = record.entityId.split('|');
        if (recordPeriod !== periodId || !personId) break;
        const text = typeof record.new === 'string' ? record.new : '';
        if (text === '') model.remarks.delete(personId);
        else model.remarks.set(personId, text);
        result.changed = true;
        break;
      }
      case 'status': {
        const [recordPeriod, personId] = record.entityId.split('|');
        if (recordPeriod !== periodId || !personId || !isStatus(record.new)) break;
        model.statuses.set(personId, record.new);
        result.rescore = true;
        result.changed = true;
        break;
      }
      case 'period':
        if (record.entityId === periodId && record.field === 'locked') result.locked = record.new === 1;
        else if (model.scope === 'month' && record.action === 'create') result.reload = true;
        break;
      case 'person':
      case 'people':
      case 'team':
      case 'workspace':
        result.reload = true;
        break;
      case 'calibration':
        // A calibrated grade of this period counts in the cross-period flags: read it again.
        if (record.entityId.startsWith(`${periodId}|`)) result.reload = true;
        break;
      default:
        break;
    }
  }
  return result;
}
