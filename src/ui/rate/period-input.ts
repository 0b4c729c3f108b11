// A period typed the way people say it → its key: "2026年11月" / "2026-11" / "2026.11" → 2026-11,
// "2026-W47" / "2026年第47周" → 2026-W47, "2026 Q4" / "2026年第4季度" → 2026-Q4, "2026年" → 2026.
import { isoWeek, mondayOfWeek, normalizeWidth, parsePeriodKey, type PeriodKind } from '../../scoring/index';

const pad = (n: string) => n.padStart(2, '0');

export function parsePeriodInput(text: string, kind: PeriodKind): string | null {
  const value = normalizeWidth(text).trim().replace(/\s+/g, ' ');
  let key: string | null = null;
  switch (kind) {
    case 'month': {
      const match = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*月?$/.exec(value);
      key = match ? `${match[1]}-${pad(match[2]!)}` : null;
      break;
    }
    case 'week': {
      const match = /^(\d{4})\s*(?:-?\s*W|年\s*第?)\s*(\d{1,2})\s*周?$/i.exec(value);
      key = match ? `${match[1]}-W${pad(match[2]!)}` : null;
      break;
    }
    case 'quarter': {
      const match = /^(\d{4})\s*(?:-?\s*Q|年\s*第?)\s*([1-4])\s*(?:季度)?$/i.exec(value);
      key = match ? `${match[1]}-Q${match[2]}` : null;
      break;
    }
    case 'year': {
      const match = /^(\d{4})\s*年?$/.exec(value);
      key = match ? match[1]! : null;
      break;
    }
  }
  if (!key) return null;
  const parsed = parsePeriodKey(key);
  if (!parsed || parsed.kind !== kind) return null;
  if (kind === 'month' && (parsed.index < 1 || parsed.index > 12)) return null;
  // Some ISO years have 52 weeks: week 53 must still belong to its year.
  if (kind === 'week' && (parsed.index < 1 || isoWeek(mondayOfWeek(parsed.year, parsed.index)).week !== parsed.index)) return null;
  return key;
}
