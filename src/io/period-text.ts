// A period as people write it in a file (2026-11, 2026年11月, 2026/11/1, 2026-W47, 2026 Q4, 2026年第4季度,
// 2026年) → the period key, so a long file's period column can be checked against the chosen period.
import type { PeriodKind } from '../scoring/model';
import { periodKeyOf } from '../scoring/periods';

export function periodKeyFromText(text: string, kind: PeriodKind): string | undefined {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, '').toUpperCase();
  const week = /^(\d{4})-?W(\d{1,2})$/.exec(t);
  if (week) return `${week[1]}-W${week[2]!.padStart(2, '0')}`;
  const quarter = /^(\d{4})(?:-?Q|年第?)([1-4])(?:季度)?$/.exec(t);
  if (quarter) return `${quarter[1]}-Q${quarter[2]}`;
  const date = /^(\d{4})[-/.年](\d{1,2})(?:月)?(?:[-/.](\d{1,2})日?|(\d{1,2})日)?$/.exec(t);
  if (date) {
    const year = Number(date[1]);
    const month = Number(date[2]);
    if (month < 1 || month > 12) return undefined;
    const hasDay = date[3] !== undefined || date[4] !== undefined;
    const day = Number(date[3] ?? date[4] ?? 1);
    // A date stands for the period of the chosen kind that holds it; "2026-11" is a month.
    return periodKeyOf(hasDay || kind !== 'week' ? kind : 'month', { year, month, day });
  }
  const year = /^(\d{4})年?$/.exec(t);
  if (year) return year[1];
  return undefined;
}
