// The one door for templates that come from outside (a file, an old database, a workbook's
// template sheet): `unknown` in, a valid Template or a precise list of problems out. The schema
// (valibot) checks every field's type and bounds; then the template's own validation runs.
import * as v from 'valibot';
import type { Template } from './model';
import { RATER_ROLES } from './model';
import { validateTemplate, type Problem } from './validate';

/** Generous limits: a real scorecard is far below them; a hostile file is not. */
export const TEMPLATE_LIMITS = { name: 200, text: 20_000, formula: 10_000, items: 2_000 } as const;

const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TEMPLATE_LIMITS.name));
const text = v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.text));
const formula = v.pipe(v.string(), v.minLength(1), v.maxLength(TEMPLATE_LIMITS.formula));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(TEMPLATE_LIMITS.name));
const finite = v.pipe(v.number(), v.finite());
const weight = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000));
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(TEMPLATE_LIMITS.items));
const roleName = v.picklist(RATER_ROLES);
const op = v.picklist(['>=', '>', '<=', '<', '=', '<>']);

const RoleWeightSchema = v.object({ role: roleName, weight });

const InputSchema = v.object({
  id,
  name,
  type: v.picklist(['number', 'percent', 'count', 'level', 'boolean', 'text']),
  unit: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))),
  min: v.optional(finite),
  max: v.optional(finite),
  levels: v.optional(list(v.union([finite, v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))]))),
  formula: v.optional(formula),
  scope: v.optional(v.picklist(['person', 'team'])),
  description: v.optional(text),
});

const BandSchema = v.object({
  from: v.nullable(finite),
  fromInclusive: v.boolean(),
  to: v.nullable(finite),
  toInclusive: v.boolean(),
  points: finite,
  label: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))),
});

const LevelSchema = v.object({
  value: v.union([finite, v.pipe(v.string(), v.minLength(1), v.maxLength(TEMPLATE_LIMITS.name))]),
  points: finite,
  label: v.optional(text),
});

const RuleSchema = v.variant('kind', [
  v.object({ kind: v.literal('direct'), input: v.optional(name) }),
  v.object({ kind: v.literal('scale'), input: name, low: finite, high: finite }),
  v.object({ kind: v.literal('levels'), input: name, levels: list(LevelSchema) }),
  v.object({ kind: v.literal('bands'), input: name, bands: list(BandSchema), otherwise: v.nullable(finite) }),
  v.object({
    kind: v.literal('deduction'),
    items: list(v.object({ input: name, penalty: finite })),
    start: v.optional(finite),
    floor: v.optional(finite),
  }),
  v.object({
    kind: v.literal('ratio'),
    actual: name,
    target: v.union([name, finite]),
    direction: v.picklist(['higher', 'lower']),
    cap: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  }),
  v.object({ kind: v.literal('threshold'), input: name, op, value: finite, pass: finite, fail: finite }),
  v.object({
    kind: v.literal('rank'),
    input: name,
    order: v.picklist(['desc', 'asc']),
    points: list(finite),
    below: v.optional(v.object({ reference: v.union([v.literal('average'), finite]), points: finite })),
  }),
  v.object({ kind: v.literal('relative'), input: name, direction: v.picklist(['higher', 'lower']), below: finite, otherwise: finite }),
  v.object({ kind: v.literal('bonus'), input: v.optional(name), min: finite, max: finite }),
  v.object({ kind: v.literal('formula'), formula }),
]);

const IndicatorSchema = v.object({
  id,
  name,
  definition: v.optional(text),
  unit: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))),
  dataSource: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))),
  target: v.optional(text),
  quantitative: v.boolean(),
  max: finite,
  weight: v.optional(weight),
  bonus: v.optional(v.boolean()),
  roles: v.optional(list(RoleWeightSchema)),
  cadence: v.optional(v.literal('week')),
  rule: RuleSchema,
});

const SectionSchema = v.object({
  id,
  name,
  weight: v.optional(weight),
  combine: v.picklist(['sum', 'weighted', 'average']),
  indicators: list(IndicatorSchema),
});

const TotalSchema = v.variant('kind', [
  v.object({ kind: v.literal('sum'), base: v.optional(finite), outOf: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0))) }),
  v.object({ kind: v.literal('weighted'), base: v.optional(finite) }),
  v.object({ kind: v.literal('formula'), formula }),
]);

const GradeSchema = v.object({ label: name, min: v.nullable(finite), minInclusive: v.boolean(), failing: v.optional(v.boolean()) });

const CrossPeriodSchema = v.variant('kind', [
  v.object({ id, kind: v.literal('consecutiveRank'), rank: v.pipe(v.number(), v.integer(), v.minValue(1)), periods: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(24)), label: name }),
  v.object({ id, kind: v.literal('consecutiveFailing'), periods: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(24)), label: name }),
]);

export const TemplateSchema = v.object({
  id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name,
  description: text,
  source: v.optional(text),
  periodKind: v.picklist(['week', 'month', 'quarter', 'year']),
  inputs: list(InputSchema),
  sections: v.pipe(list(SectionSchema), v.minLength(1)),
  total: TotalSchema,
  grades: list(GradeSchema),
  roles: list(RoleWeightSchema),
  rankTies: v.picklist(['competition', 'dense']),
  outputs: v.optional(list(v.object({ id, name, formula, unit: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.name))) }))),
  crossPeriod: v.optional(list(CrossPeriodSchema)),
  labels: v.optional(v.object({ total: v.optional(name), grade: v.optional(name), rank: v.optional(name) })),
});

// The schema's output must be exactly a Template: a drift in model.ts fails to compile here.
type SchemaOutput = v.InferOutput<typeof TemplateSchema>;
const _sameShape: (value: SchemaOutput) => Template = (value) => value;
void _sameShape;

export type RestoreProblemKind = 'type' | 'missing' | 'value' | 'unsafeKey' | 'template';

export interface RestoreProblem {
  /** Path in the data, e.g. `sections[0].indicators[2].rule.kind`. */
  readonly path: string;
  readonly kind: RestoreProblemKind;
  /** What was expected, e.g. `number`, `"bands" | "deduction" | …`, `≤ 200 characters`. */
  readonly expected: string;
  /** What was found, shortened. */
  readonly received: string;
  /** For `template` problems: the validation problem (message `scoring.validate.<code>`). */
  readonly problem?: Problem;
}

export type RestoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly RestoreProblem[] };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that could pollute prototypes when a file is merged into objects: refused outright. */
export function findUnsafeKeys(value: unknown, path = '', found: RestoreProblem[] = [], depth = 0): RestoreProblem[] {
  if (depth > 64 || found.length >= 20 || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => findUnsafeKeys(item, `${path}[${i}]`, found, depth + 1));
    return found;
  }
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (UNSAFE_KEYS.has(key)) found.push({ path: child, kind: 'unsafeKey', expected: '', received: key });
    else findUnsafeKeys((value as Record<string, unknown>)[key], child, found, depth + 1);
  }
  return found;
}

function pathOf(issue: v.BaseIssue<unknown>, prefix: string): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  }
  return path || '(root)';
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Turn schema issues into problems with a path, what was expected and what was found. */
export function schemaProblems(issues: readonly v.BaseIssue<unknown>[], prefix = ''): RestoreProblem[] {
  return issues.map((issue) => ({
    path: pathOf(issue, prefix),
    kind: issue.received === 'undefined' ? 'missing' : issue.kind === 'validation' ? 'value' : 'type',
    expected: issue.expected ?? issue.type,
    received: shorten(issue.received),
  }));
}

/**
 * Restore a template from untrusted data: every structural problem at once; if the structure is
 * sound, the template's validation errors (unknown inputs, formula syntax, cycles …).
 */
export function restoreTemplate(value: unknown, prefix = ''): RestoreResult<Template> {
  const unsafe = findUnsafeKeys(value, prefix);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  const parsed = v.safeParse(TemplateSchema, value, { abortEarly: false });
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.issues, prefix) };
  const template: Template = parsed.output;
  const errors = validateTemplate(template).filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((problem) => ({ path: prefix ? `${prefix}.${problem.path}` : problem.path, kind: 'template', expected: '', received: '', problem })),
    };
  }
  return { ok: true, value: template };
}
