// Sample people for the studio's live preview: which values a template needs, plausible values
// for them (deterministic per seed, person and field, so adding an input does not reshuffle the
// others), the person's own edits on top, and the whole thing as a scorePeriod input.
import type { Scalar } from '../../formula/index';
import { indicatorRoles, type InputDef, isSelfEntered, plausibleValue, type RaterRole, seededRandom, type SheetEntry, type SheetInput, TEAM_PERSON_ID, type Template } from '../../scoring/index';

export type SampleFieldKind = 'number' | 'percent' | 'level' | 'boolean';

/** One value a sample person needs: an entered input, or an indicator scored directly. */
export interface SampleField {
  /** Entry key: input id, or indicator id for self-entered indicators. */
  readonly key: string;
  readonly name: string;
  readonly kind: SampleFieldKind;
  readonly levels?: readonly (number | string)[];
  /** Team-scope input: one value for everyone (公共销售业绩总额). */
  readonly team: boolean;
  readonly input?: InputDef;
  /** For indicators entered directly: their range. */
  readonly range?: { readonly min: number; readonly max: number };
}

function kindOf(input: InputDef): SampleFieldKind {
  if (input.levels && input.levels.length > 0) return 'level';
  if (input.type === 'percent') return 'percent';
  if (input.type === 'boolean') return 'boolean';
  return 'number';
}

export function sampleFields(template: Template): SampleField[] {
  const fields: SampleField[] = [];
  for (const input of template.inputs) {
    if (input.formula || input.type === 'text') continue;
    const kind = kindOf(input);
    fields.push({ key: input.id, name: input.name, kind, team: input.scope === 'team', input, ...(kind === 'level' ? { levels: input.levels } : {}) });
  }
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      if (!isSelfEntered(indicator.rule)) continue;
      const range = indicator.rule.kind === 'bonus' ? { min: indicator.rule.min, max: indicator.rule.max } : { min: 0, max: indicator.max };
      fields.push({ key: indicator.id, name: indicator.name, kind: 'number', team: false, range });
    }
  }
  return fields;
}

/** Every rater role the template asks for (template roles and indicators' own). */
export function rolesUsed(template: Template): RaterRole[] {
  const roles = new Set<RaterRole>();
  for (const section of template.sections) for (const indicator of section.indicators) for (const { role } of indicatorRoles(indicator, template)) roles.add(role);
  return [...roles];
}

/** A small string hash (FNV-1a), to seed each person × field on its own. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Where a sample value is kept: `3|satisfaction_score`, `team|sales_total`. */
export function sampleKey(field: SampleField, person: number): string {
  return `${field.team ? 'team' : person}|${field.key}`;
}

/** The plausible value of a field for a person (before any edit). */
export function plausibleSample(field: SampleField, person: number, seed: number): Scalar {
  const random = seededRandom(hash(`${seed}|${sampleKey(field, person)}`));
  if (field.range) {
    const { min, max } = field.range;
    // Entered points: mostly in the upper half of the range, whole or half points.
    const low = min + (max - min) * 0.5;
    return Math.round((low + random() * (max - low)) * 2) / 2;
  }
  if (!field.input) return null;
  const value = plausibleValue(field.input, random);
  return typeof value === 'boolean' ? Number(value) : value;
}

export interface SampleState {
  readonly count: number;
  readonly seed: number;
  /** Values the person typed, by `sampleKey`. */
  readonly edits: Readonly<Record<string, Scalar>>;
}

export function sampleValue(state: SampleState, field: SampleField, person: number): Scalar {
  const key = sampleKey(field, person);
  return Object.hasOwn(state.edits, key) ? (state.edits[key] ?? null) : plausibleSample(field, person, state.seed);
}

export function samplePersonId(person: number): string {
  return `sample-${person + 1}`;
}

/** The scorePeriod input for the sample people: every field, entered by every role. */
export function sampleSheetInput(template: Template, state: SampleState, names: (person: number) => string): SheetInput {
  const fields = sampleFields(template);
  const roles = rolesUsed(template);
  const people = Array.from({ length: state.count }, (_, person) => ({ id: samplePersonId(person), name: names(person) }));
  const entries: SheetEntry[] = [];
  for (const field of fields) {
    if (field.team) {
      entries.push({ personId: TEAM_PERSON_ID, key: field.key, role: roles[0] ?? 'supervisor', value: sampleValue(state, field, 0) });
      continue;
    }
    for (let person = 0; person < state.count; person++) {
      const value = sampleValue(state, field, person);
      if (value === null) continue;
      for (const role of roles) entries.push({ personId: people[person]!.id, key: field.key, role, value });
    }
  }
  const weekly = template.sections.some((section) => section.indicators.some((indicator) => indicator.cadence === 'week'));
  // Weekly indicators: the same sample values in each of four weeks.
  const weeks = weekly ? [1, 2, 3, 4].map((n) => ({ key: `W${n}`, entries })) : undefined;
  return { people, entries, ...(weeks ? { weeks } : {}) };
}
