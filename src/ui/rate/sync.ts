// Keeping an open sheet current from the audit-log change feed: other tabs' values are applied
// cell by cell; echoes of this tab's own saves are recognised and skipped; anything structural
// (people, teams, a restore, an import in another shape) asks for a reload.
import type { AuditRecord, PeriodRecord } from '../../store/index';
import { parseEntryAuditId } from '../../store/index';
import type { Scalar } from '../../formula/types';
import type { PersonStatus } from '../../scoring/model';
import { weeksOfMonth } from '../../scoring/periods';
import { applyEntry, type SheetModel } from './sheet-model';

/** Saves of this tab not yet seen coming back through the feed, as `entity|id|value` → count. */
export interface Echoes {
  add(keys: readonly string[]): void;
  /** True (and forgotten) if the key was an echo of our own save. */
  consume(key: string): boolean;
  clear(): void;
}

export function createEchoes(): Echoes {
  const counts = new Map<string, number>();
  return {
    add(keys) {
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    consume(key) {
      const count = counts.get(key);
      if (!count) return false;
      if (count === 1) counts.delete(key);
      else counts.set(key, count - 1);
      return true;
    },
    clear() {
      counts.clear();
    },
  };
}

export function echoKey(entity: 'entry' | 'remark' | 'status', entityId: string, value: unknown): string {
  return `${entity}|${entityId}|${JSON.stringify(value)}`;
}

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

/** Apply audit records (oldest first) to the open sheet. */
export function applyFeed(
  model: SheetModel,
  periodId: string,
  records: readonly AuditRecord[],
  echoes: Echoes,
  weekPeriodIds: ReadonlySet<string>,
): FeedResult {
  const result: FeedResult = { changed: false, rescore: false, reload: false };
  for (const record of records) {
    switch (record.entity) {
      case 'entry': {
        const id = parseEntryAuditId(record.entityId);
        const value = asScalar(record.new);
        if (!id || record.action !== 'update' || value === undefined) {
          result.reload = true;
          break;
        }
        if (id.periodId !== periodId) {
          if (weekPeriodIds.has(id.periodId)) result.reload = true;
          break;
        }
        if (echoes.consume(echoKey('entry', record.entityId, value))) break;
        applyEntry(model, { personId: id.personId, key: id.key, role: id.role, ...(id.rater ? { rater: id.rater } : {}), value });
        result.changed = true;
        break;
      }
      case 'remark': {
        const [recordPeriod, personId] = record.entityId.split('|');
        if (recordPeriod !== periodId || !personId) break;
        const text = typeof record.new === 'string' ? record.new : '';
        if (echoes.consume(echoKey('remark', record.entityId, text))) break;
        if (text === '') model.remarks.delete(personId);
        else model.remarks.set(personId, text);
        result.changed = true;
        break;
      }
      case 'status': {
        const [recordPeriod, personId] = record.entityId.split('|');
        if (recordPeriod !== periodId || !personId || !isStatus(record.new)) break;
        if (echoes.consume(echoKey('status', record.entityId, record.new))) break;
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
