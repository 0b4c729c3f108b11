// Period keys and labels as people say them: 2026年11月 / 2026-11, 2026-W47, 2026 Q4, 2026年.
// Weeks are ISO weeks; a week belongs to the month that holds its Thursday (so every week is in
// exactly one month, and seed 003's "全月共4周" is usually 4, sometimes 5).
import type { PeriodKind } from './model';

export interface CalendarDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

function utc(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO week-numbering year and week of a date. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = ms + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 4);
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7;
  const week1Monday = firstThursday - firstWeekday * DAY_MS;
  return { year, week: Math.floor((thursday - 3 * DAY_MS - week1Monday) / (7 * DAY_MS)) + 1 };
}

export function periodKeyOf(kind: PeriodKind, date: CalendarDate): string {
  switch (kind) {
    case 'week': {
      const { year, week } = isoWeek(date);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${date.year}-${String(date.month).padStart(2, '0')}`;
    case 'quarter':
      return `${date.year}-Q${Math.ceil(date.month / 3)}`;
    case 'year':
      return String(date.year);
  }
}

const PATTERNS: Readonly<Record<PeriodKind, RegExp>> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

export function parsePeriodKey(key: string): { kind: PeriodKind; year: number; index: number } | null {
  for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
    const match = PATTERNS[kind].exec(key);
    if (match) return { kind, year: Number(match[1]), index: Number(match[2] ?? 0) };
  }
  return null;
}

/** 2026年11月 / Nov 2026; 2026-W47; 2026 Q4 / 2026年第4季度; 2026年 / 2026. */
export function periodLabel(key: string, locale: 'zh-CN' | 'en'): string {
  const parsed = parsePeriodKey(key);
  if (!parsed) return key;
  const { kind, year, index } = parsed;
  switch (kind) {
    case 'week':
      return key;
    case 'month':
      return locale === 'zh-CN'
        ? `${year}年${index}月`
        : new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, index - 1, 1));
    case 'quarter':
      return locale === 'zh-CN' ? `${year}年第${index}季度` : `${year} Q${index}`;
    case 'year':
      return locale === 'zh-CN' ? `${year}年` : String(year);
  }
}

/** Monday of an ISO week. */
export function mondayOfWeek(year: number, week: number): CalendarDate {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return fromUtc(jan4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

/** Week keys whose Thursday falls in the month `2026-11`, oldest first. */
export function weeksOfMonth(monthKey: string): string[] {
  const parsed = parsePeriodKey(monthKey);
  if (!parsed || parsed.kind !== 'month') return [];
  const keys: string[] = [];
  const daysInMonth = new Date(Date.UTC(parsed.year, parsed.index, 0)).getUTCDate();
  for (let day = 1; day <= daysInMonth; day++) {
    const date = { year: parsed.year, month: parsed.index, day };
    if (new Date(utc(date)).getUTCDay() === 4) keys.push(periodKeyOf('week', date));
  }
  return keys;
}

/** The month a week belongs to (the month of its Thursday). */
export function monthOfWeek(weekKey: string): string | null {
  const parsed = parsePeriodKey(weekKey);
  if (!parsed || parsed.kind !== 'week') return null;
  const monday = mondayOfWeek(parsed.year, parsed.index);
  return periodKeyOf('month', fromUtc(utc(monday) + 3 * DAY_MS));
}

/** The period before, of the same kind (for cross-period rules). */
export function previousPeriodKey(key: string): string | null {
  const parsed = parsePeriodKey(key);
  if (!parsed) return null;
  const { kind, year, index } = parsed;
  switch (kind) {
    case 'year':
      return String(year - 1);
    case 'quarter':
      return index === 1 ? `${year - 1}-Q4` : `${year}-Q${index - 1}`;
    case 'month':
      return index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;
    case 'week': {
      const monday = mondayOfWeek(year, index);
      return periodKeyOf('week', fromUtc(utc(monday) - 7 * DAY_MS));
    }
  }
}
