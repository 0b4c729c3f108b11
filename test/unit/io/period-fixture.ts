// A period of any template with plausible entries for every column an export writes: several
// people (one on temporary cover, one on leave, one the self role has not rated), team-wide
// inputs, and week entries for weekly indicators. Deterministic per template.
import { entryTargets, type EntryTarget } from '../../../src/io/targets';
import type { PeriodExport } from '../../../src/io/scored-grid';
import type { Template } from '../../../src/scoring/model';
import { TEAM_PERSON_ID } from '../../../src/scoring/model';
import { plausibleValue, seededRandom } from '../../../src/scoring/samples';
import type { SheetEntry, SheetPerson, WeekEntries } from '../../../src/scoring/sheet-types';
import { weeksOfMonth } from '../../../src/scoring/periods';

export const FIXTURE_PEOPLE = [
  { id: 'p1', name: '王芳', employeeNo: 'KF001' },
  { id: 'p2', name: '李娜', employeeNo: 'KF002' },
  { id: 'p3', name: '张伟', employeeNo: 'KF003' },
  { id: 'p4', name: '刘洋', employeeNo: 'KF004' },
  { id: 'p5', name: '陈静', employeeNo: '007' },
  { id: 'p6', name: '杨磊', employeeNo: 'KF006' },
  { id: 'p7', name: '赵敏', employeeNo: 'KF007' },
];

function valueFor(template: Template, target: EntryTarget, random: () => number): number | string | null {
  if (target.source === 'input') {
    const input = template.inputs.find((i) => i.id === target.key)!;
    const value = plausibleValue(input, random);
    return typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  const { min = 0, max = 10 } = target.spec;
  return Math.round(min + random() * (max - min));
}

function entriesFor(template: Template, targets: readonly EntryTarget[], people: readonly SheetPerson[], random: () => number): SheetEntry[] {
  const entries: SheetEntry[] = [];
  for (const target of targets) {
    if (target.team) {
      const value = valueFor(template, target, random);
      if (value !== null) entries.push({ personId: TEAM_PERSON_ID, key: target.key, role: target.role, value });
      continue;
    }
    for (const person of people) {
      // 刘洋 has no self-rating yet: combined scores fall back to the other roles.
      if (person.id === 'p4' && target.role === 'self') continue;
      if (random() < 0.08) continue;
      const value = valueFor(template, target, random);
      if (value !== null) entries.push({ personId: person.id, key: target.key, role: target.role, value });
    }
  }
  return entries;
}

export function periodFixture(template: Template, locale: 'zh-CN' | 'en' = 'zh-CN'): PeriodExport {
  const random = seededRandom(template.name.length * 7919 + template.sections.length);
  const periodKey = template.periodKind === 'month' ? '2026-11' : template.periodKind === 'quarter' ? '2026-Q4' : template.periodKind === 'year' ? '2026' : '2026-W47';
  const people: SheetPerson[] = FIXTURE_PEOPLE.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.id === 'p6' ? 'temporary' : p.id === 'p7' ? 'leave' : 'active',
  }));
  const entries = entriesFor(template, entryTargets(template, template.periodKind), people, random);
  let weeks: WeekEntries[] | undefined;
  if (template.sections.some((s) => s.indicators.some((i) => i.cadence === 'week')) && template.periodKind === 'month') {
    const weekTargets = entryTargets(template, 'week');
    weeks = weeksOfMonth(periodKey).map((key) => ({ key, entries: entriesFor(template, weekTargets, people, random) }));
  }
  return {
    template,
    templateId: `${template.id}@${template.version}`,
    periodId: 'period-1',
    periodKey,
    periodKind: template.periodKind,
    periodLabel: periodKey,
    workspaceName: '测试工作区',
    people: FIXTURE_PEOPLE,
    input: { people, entries, ...(weeks ? { weeks } : {}) },
    locale,
    exportedAt: '2026-12-01T09:00:00.000Z',
  };
}
