// What a file can fill in for a template: the raw cells of the compiled graph (inputs per rater
// role, self-entered indicators, team-wide inputs) that some score actually reads in this kind of
// period. Imports map columns onto these; exports and rater forms write one column per target.
import type { CompiledTemplate } from '../scoring/graph';
import type { RaterRole, Template } from '../scoring/model';
import { compileTemplate } from '../scoring/score';
import { indicatorSpec, inputSpec, type ValueSpec } from './values';

export interface EntryTarget {
  /** `${role}|${key}`, or `team|${key}` for a team-wide input. */
  readonly id: string;
  /** Input id, or indicator id for an indicator entered directly. */
  readonly key: string;
  /** Role the value is stored under (team-wide inputs: the primary role). */
  readonly role: RaterRole;
  readonly team: boolean;
  /** Input or indicator name, as formulas and headers use it. */
  readonly name: string;
  readonly source: 'input' | 'indicator';
  readonly spec: ValueSpec;
  readonly slot: number;
}

/**
 * Weekly indicators (seed 003: 每周统计) are entered in week periods and summed into the month;
 * a week period of a monthly template takes the weekly inputs, the month takes the rest.
 */
export function isWeekOfMonthly(template: Template, periodKind: string): boolean {
  return periodKind === 'week' && template.periodKind !== 'week';
}

/** Slots some score reads, following row and team dependencies from the visible results. */
export function reachableSlots(compiled: CompiledTemplate, weekly: boolean): Set<number> {
  const roots: number[] = [];
  if (weekly) {
    for (const plan of compiled.indicators) if (plan.weekly) roots.push(...plan.roleSlots);
  } else {
    roots.push(compiled.totalSlot, compiled.gradeSlot, compiled.rankSlot, ...compiled.sectionSlots.values(), ...compiled.outputSlots.values());
    for (const plan of compiled.indicators) if (!plan.weekly) roots.push(plan.finalSlot, ...plan.roleSlots);
    for (const [key, slot] of compiled.derivedSlots) {
      const shown = key.startsWith('team|') || key.startsWith(`${compiled.primaryRole}|`);
      if (shown && !compiled.cells[slot]!.weekly) roots.push(slot);
    }
  }
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const slot = stack.pop()!;
    if (seen.has(slot)) continue;
    seen.add(slot);
    const cell = compiled.cells[slot]!;
    if (cell.kind === 'weekSum' && !weekly) continue;
    stack.push(...cell.rowDeps, ...cell.teamDeps);
  }
  return seen;
}

export function entryTargets(template: Template, periodKind: string = template.periodKind): EntryTarget[] {
  const compiled = compileTemplate(template);
  const weekly = isWeekOfMonthly(template, periodKind);
  const used = reachableSlots(compiled, weekly);
  const inputs = new Map(template.inputs.map((input) => [input.id, input]));
  const indicators = new Map(template.sections.flatMap((section) => section.indicators.map((indicator) => [indicator.id, indicator] as const)));
  const targets: EntryTarget[] = [];
  for (const cell of compiled.cells) {
    if (cell.kind !== 'raw' && cell.kind !== 'teamRaw') continue;
    const key = cell.entryKey!;
    const input = inputs.get(key);
    // Inputs of the primary role are kept even when no rule reads them yet: they are data the
    // template asks for, and an export must not drop them.
    const primaryInput = input !== undefined && (cell.role === compiled.primaryRole || cell.kind === 'teamRaw') && cell.weekly === weekly;
    if (!used.has(cell.slot) && !primaryInput) continue;
    const team = cell.kind === 'teamRaw';
    const role = cell.role ?? compiled.primaryRole;
    if (input) {
      targets.push({ id: `${team ? 'team' : role}|${key}`, key, role, team, name: input.name, source: 'input', spec: inputSpec(input, template), slot: cell.slot });
      continue;
    }
    const indicator = indicators.get(key);
    if (indicator) targets.push({ id: `${role}|${key}`, key, role, team: false, name: indicator.name, source: 'indicator', spec: indicatorSpec(indicator), slot: cell.slot });
  }
  return targets;
}
