// Scoring from columns (as the store reads a period) gives exactly what scoring from entries gives:
// named raters averaged, the team's own values, values that do not fit.
import { describe, expect, it } from 'vitest';
import { scorePeriod } from '../../../src/scoring/score';
import { customerMonthly } from '../../../src/scoring/builtins/customer-monthly';
import { TEAM_PERSON_ID } from '../../../src/scoring/model';
import { plausibleValue, seededRandom } from '../../../src/scoring/samples';
import type { EntryColumn, SheetEntry, SheetInput } from '../../../src/scoring/sheet-types';

function columnsOf(entries: readonly SheetEntry[]): EntryColumn[] {
  const byColumn = new Map<string, { key: string; role: SheetEntry['role']; rater: string; personIds: string[]; values: (number | string | boolean)[] }>();
  for (const entry of entries) {
    const rater = entry.rater ?? '';
    const id = `${entry.key}|${entry.role}|${rater}`;
    let column = byColumn.get(id);
    if (!column) byColumn.set(id, (column = { key: entry.key, role: entry.role, rater, personIds: [], values: [] }));
    column.personIds.push(entry.personId);
    column.values.push(entry.value as number | string | boolean);
  }
  return [...byColumn.values()];
}

describe('scoring from columns', () => {
  it('gives the same scores, grades and ranks as scoring the same values one by one', () => {
    const template = { ...customerMonthly, roles: [{ role: 'self' as const, weight: 0.3 }, { role: 'supervisor' as const, weight: 0.7 }] };
    const random = seededRandom(7);
    const people = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, name: `员工${i}`, ...(i === 5 ? { status: 'temporary' as const } : {}) }));
    const entries: SheetEntry[] = [];
    for (const person of people.slice(0, 55)) {
      for (const { role } of template.roles) {
        for (const input of template.inputs) {
          if (input.formula || input.scope === 'team') continue;
          const value = plausibleValue(input, random);
          if (value !== null) entries.push({ personId: person.id, key: input.id, role, value });
        }
      }
    }
    // Two named supervisors for one person, a value that does not fit, a team-wide value.
    entries.push({ personId: 'p1', key: 'satisfaction_score', role: 'supervisor', rater: '赵经理', value: 95 });
    entries.push({ personId: 'p1', key: 'satisfaction_score', role: 'supervisor', rater: '钱经理', value: 80 });
    entries.push({ personId: 'p2', key: 'satisfaction_score', role: 'supervisor', value: 140 });
    const teamInput = template.inputs.find((input) => input.scope === 'team' && !input.formula);
    if (teamInput) entries.push({ personId: TEAM_PERSON_ID, key: teamInput.id, role: 'supervisor', value: 12345 });

    const one: SheetInput = { people, entries };
    const both: SheetInput = { people, entries, columns: columnsOf(entries) };
    const a = scorePeriod(template, one).people;
    const b = scorePeriod(template, both).people;
    const view = (list: typeof a) => list.map((p) => [p.personId, p.total, p.grade, p.rank, p.rated, Object.values(p.indicators).map((i) => i.score)]);
    expect(view(b)).toEqual(view(a));
    // The case is not trivial: people 55–59 have nothing entered, p2's value does not fit.
    expect(a.filter((p) => !p.rated).map((p) => p.personId)).toEqual(['p55', 'p56', 'p57', 'p58', 'p59']);
    expect(a.filter((p) => typeof p.total === 'number').length).toBeGreaterThan(40);
  });
});
