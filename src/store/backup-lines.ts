// The workspace backup file, version 2 (docs/file-formats.md): gzip-compressed JSON lines. Line 1
// is the header (format, version, the workspace, its calibration target); then lines of
// `{"table": …, "rows": […]}` in a fixed table order; the last line `{"end": true, "counts": …}`
// tells a complete file from a cut one. No line holds the whole workspace, so a call centre's
// year of values backs up and restores without one giant string.
//
// Reading is one door (`BackupReader`): each line is checked as it arrives (shapes with valibot,
// packed values by hand, every reference against what came before), and the file becomes the
// records to store, or a precise list of problems naming the line and field. Version 1 files
// (one JSON value) go through backup-restore.ts and `fromVersion1`. Pure: no database.
import * as v from 'valibot';
import { RATER_ROLES } from '../scoring/model';
import type { RestoreProblem } from '../scoring/restore';
import { findUnsafeKeys, schemaProblems } from '../scoring/restore';
import { restoreTarget, type DistributionTarget } from '../scoring/calibration';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  CalibrationSchema,
  id,
  PeriodSchema,
  PersonSchema,
  problem,
  RemarkSchema,
  restoreBody,
  shortText,
  StatusSchema,
  TeamSchema,
  TemplateRecordSchema,
  text,
  time,
  WorkspaceSchema,
  type WorkspaceBackup,
} from './backup-restore';
import type {
  AuditRecord,
  CalibrationRecord,
  CoefficientTableRecord,
  PayBaseRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  ReviewRecord,
  ReviewSettingsRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  WorkspaceRecord,
} from './records';
import { AUDIT_ENTITIES, ENTRY_ACTIONS, REVIEW_ACTIONS } from './records';
import { MAX_COEFFICIENT } from '../scoring/pay';
import { isDateText } from '../scoring/review';
import { diffColumnIds, type DiffColumn, type DiffValues, type EntryDiff } from './entry-diff';
import { BLOCK_SIZE, type ValueBlockRecord } from './value-blocks';
import { entriesToBlocks, groupLegacyAudit, numberPeople, personNumbers } from './legacy';

export const BACKUP_VERSION = 2;

/**
 * The tables of a version 2 file, in the order they come: every row refers only to rows of tables
 * before it (a review to its period and person, a coefficient table to a template family).
 */
export const BACKUP_TABLES = [
  'templates',
  'teams',
  'people',
  'periods',
  'statuses',
  'remarks',
  'calibrations',
  'reviews',
  'reviewSettings',
  'payBases',
  'coefficientTables',
  'valueBlocks',
  'audit',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables added after version 2 files were first written (schema v9): a file without them has none. */
const LATER_TABLES: ReadonlySet<BackupTable> = new Set(['reviews', 'reviewSettings', 'payBases', 'coefficientTables']);

/** Rows per line when writing (a value block holds up to 16,384 values: a line stays a few MB). */
export const ROWS_PER_LINE: Readonly<Record<BackupTable, number>> = {
  templates: 50,
  teams: 1000,
  people: 2000,
  periods: 500,
  statuses: 2000,
  remarks: 1000,
  calibrations: 2000,
  reviews: 500,
  reviewSettings: 500,
  payBases: 2000,
  coefficientTables: 200,
  valueBlocks: 8,
  audit: 200,
};

/** Everything a backup restores, as records ready to store. */
export interface StagedBackup {
  readonly version: 1 | 2;
  readonly exportedAt: string;
  readonly workspace: WorkspaceRecord;
  readonly templates: TemplateRecord[];
  readonly teams: TeamRecord[];
  readonly people: PersonRecord[];
  readonly periods: PeriodRecord[];
  readonly statuses: StatusRecord[];
  readonly remarks: RemarkRecord[];
  readonly calibrations: CalibrationRecord[];
  readonly reviews: ReviewRecord[];
  readonly reviewSettings: ReviewSettingsRecord[];
  readonly payBases: PayBaseRecord[];
  readonly coefficientTables: CoefficientTableRecord[];
  readonly valueBlocks: ValueBlockRecord[];
  /** Oldest first; numbered anew when stored (the sequence is shared by all workspaces). */
  readonly audit: Omit<AuditRecord, 'seq'>[];
  readonly calibrationTarget: DistributionTarget | null;
}

export interface BackupSummary {
  readonly name: string;
  readonly exportedAt: string;
  readonly people: number;
  readonly periods: number;
  readonly values: number;
  readonly templates: number;
}

export function summarize(staged: StagedBackup): BackupSummary {
  return {
    name: staged.workspace.name,
    exportedAt: staged.exportedAt,
    people: staged.people.length,
    periods: staged.periods.length,
    values: staged.periods.reduce((n, p) => n + (p.values ?? 0), 0),
    templates: staged.templates.length,
  };
}

export type StagedRead =
  | { readonly ok: true; readonly value: StagedBackup; readonly warnings: readonly RestoreProblem[] }
  | { readonly ok: false; readonly problems: readonly RestoreProblem[] };

// ---- writing -----------------------------------------------------------------------------------

export function headerLine(workspace: WorkspaceRecord, calibrationTarget: unknown, exportedAt: string): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, workspace, calibrationTarget: calibrationTarget ?? null });
}

export function endLine(counts: Readonly<Record<BackupTable, number>>): string {
  return JSON.stringify({ end: true, counts });
}

/** NaN becomes null in JSON; typed arrays become arrays. */
function plainValues(values: DiffValues): { num: number[]; other?: [number, string | boolean][] } {
  return { num: Array.from(values.num), ...(values.other?.length ? { other: values.other } : {}) };
}

function plainDiff(diff: EntryDiff): unknown {
  return {
    people: diff.people,
    columns: diff.columns.map((column) => ({
      key: column.key,
      role: column.role,
      rater: column.rater,
      rows: typeof column.rows === 'number' ? column.rows : Array.from(column.rows),
      ...(column.old ? { old: plainValues(column.old) } : {}),
      new: plainValues(column.new),
    })),
  };
}

/** A row as written to the file (JSON-ready). */
export function plainRow(table: BackupTable, record: object): unknown {
  if (table === 'valueBlocks') {
    const block = record as ValueBlockRecord;
    return { ...block, at: Array.from(block.at), num: Array.from(block.num) };
  }
  if (table === 'audit') {
    const { seq: _seq, columns: _columns, diff, ...rest } = record as AuditRecord;
    return diff ? { ...rest, diff: plainDiff(diff) } : rest;
  }
  return record;
}

/** Characters a line holds before the next row starts a new one (one big row is a line of its own). */
const LINE_CHARS = 4 * 1024 * 1024;

/** The lines of one table's rows: at most ROWS_PER_LINE rows and about LINE_CHARS characters each. */
export function tableLines(table: BackupTable, rows: readonly object[]): string[] {
  const lines: string[] = [];
  const head = `{"table":${JSON.stringify(table)},"rows":[`;
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) lines.push(`${head}${parts.join(',')}]}`);
    parts = [];
    size = 0;
  };
  for (const row of rows) {
    const text = JSON.stringify(plainRow(table, row));
    if (parts.length > 0 && (parts.length >= ROWS_PER_LINE[table] || size + text.length > LINE_CHARS)) flush();
    parts.push(text);
    size += text.length;
  }
  flush();
  return lines;
}

// ---- reading -----------------------------------------------------------------------------------

const MAX_PROBLEMS = 50;
/** A key that could pollute prototypes, as it appears in JSON text. */
const UNSAFE_KEY_TEXT = /"(__proto__|constructor|prototype)"\s*:/;
const MAX_ROWS_PER_LINE = 100_000;

const HeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: shortText,
  workspace: WorkspaceSchema,
  calibrationTarget: v.optional(v.unknown(), null),
});

const seq = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2 ** 31));
const PersonV2Schema = v.object({ ...PersonSchema.entries, seq });
const PeriodV2Schema = v.object({ ...PeriodSchema.entries, values: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) });
const role = v.picklist(RATER_ROLES);
const offsetPairs = <T extends v.GenericSchema>(value: T) => v.pipe(v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), value])), v.maxLength(BLOCK_SIZE));
const cellValue = v.union([v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.cell)), v.boolean()]);

function isNumberList(value: unknown, max: number): value is (number | null)[] {
  if (!Array.isArray(value) || value.length > max) return false;
  for (const n of value) if (n !== null && (typeof n !== 'number' || !Number.isFinite(n))) return false;
  return true;
}

function isIntegerList(value: unknown, max: number, below: number): value is number[] {
  if (!Array.isArray(value) || value.length > max) return false;
  for (const n of value) if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= below) return false;
  return true;
}

const ValueBlockSchema = v.object({
  periodId: id,
  key: id,
  role,
  rater: shortText,
  block: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 21)),
  workspaceId: id,
  at: v.custom<number[]>((x) => isIntegerList(x, BLOCK_SIZE, BLOCK_SIZE), `offsets 0–${BLOCK_SIZE - 1}`),
  num: v.custom<(number | null)[]>((x) => isNumberList(x, BLOCK_SIZE), 'numbers or null'),
  other: v.optional(offsetPairs(cellValue)),
  notes: v.optional(offsetPairs(text)),
  updatedAt: time,
});

const MAX_DIFF = 50_000_000;
/** [position, text or boolean] pairs, checked by hand: an import's diff can hold a million. */
function isValuePairs(value: unknown): value is [number, string | boolean][] {
  if (!Array.isArray(value) || value.length > MAX_DIFF) return false;
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2) return false;
    const [position, item] = pair as unknown[];
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) return false;
    if (typeof item !== 'boolean' && (typeof item !== 'string' || item.length > BACKUP_LIMITS.cell)) return false;
  }
  return true;
}

const DiffValuesSchema = v.object({
  num: v.custom<(number | null)[]>((x) => isNumberList(x, MAX_DIFF), 'numbers or null'),
  other: v.optional(v.custom<[number, string | boolean][]>(isValuePairs, '[position, text] pairs')),
});
const DiffSchema = v.object({
  people: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(BACKUP_LIMITS.id))), v.maxLength(BACKUP_LIMITS.records)),
  columns: v.pipe(
    v.array(
      v.object({
        key: id,
        role,
        rater: shortText,
        rows: v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.custom<number[]>((x) => isIntegerList(x, MAX_DIFF, 2 ** 32), 'row numbers')]),
        old: v.optional(DiffValuesSchema),
        new: DiffValuesSchema,
      }),
    ),
    v.maxLength(100_000),
  ),
});
const AuditV2Schema = v.object({
  workspaceId: id,
  at: time,
  entity: v.picklist(AUDIT_ENTITIES),
  entityId: v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.text)),
  action: v.picklist(['create', 'update', 'delete', 'restore', 'lock', 'unlock', 'calibrate', 'import', ...ENTRY_ACTIONS, ...REVIEW_ACTIONS]),
  field: shortText,
  old: v.unknown(),
  new: v.unknown(),
  diff: v.optional(DiffSchema),
  origin: v.optional(shortText),
  by: v.optional(shortText),
  link: v.optional(shortText),
  detail: v.optional(v.unknown()),
});

// ---- the review tables (schema v9) -----------------------------------------------------------

const signed = { by: shortText, at: time };
const dateOrBlank = v.pipe(
  v.string(),
  v.check((text) => text === '' || isDateText(text), 'a date YYYY-MM-DD or blank'),
);
const TalkSchema = v.object({
  strengths: text,
  improve: text,
  goals: text,
  plan: v.pipe(v.array(v.object({ action: text, due: dateOrBlank })), v.maxLength(200)),
  ...signed,
});
const OpinionSchema = v.object({ agree: v.boolean(), text, source: v.picklist(['typed', 'file']), file: v.optional(text), ...signed });
const AppealTargetSchema = v.variant('kind', [v.object({ kind: v.literal('total') }), v.object({ kind: v.literal('indicator'), indicatorId: id })]);
const AppealSchema = v.object({
  id,
  target: AppealTargetSchema,
  reason: text,
  resolution: v.nullable(v.object({ outcome: v.picklist(['upheld', 'rejected']), reason: text, changed: v.pipe(v.number(), v.integer(), v.minValue(0)), ...signed })),
  ...signed,
});
const ReviewSchema = v.object({
  periodId: id,
  personId: id,
  workspaceId: id,
  talk: v.nullable(TalkSchema),
  opinion: v.nullable(OpinionSchema),
  appeals: v.pipe(v.array(AppealSchema), v.maxLength(500)),
  closed: v.nullable(v.object({ reason: text, ...signed })),
  updatedAt: time,
});
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const ReviewSettingsSchema = v.object({
  periodId: id,
  workspaceId: id,
  appealDeadline: dateOrBlank,
  pools: v.pipe(v.array(v.object({ teamId: shortText, amount })), v.maxLength(10_000)),
  updatedAt: time,
});
const PayBaseSchema = v.object({ personId: id, workspaceId: id, amount, updatedAt: time });
const CoefficientTableSchema = v.object({
  workspaceId: id,
  familyId: id,
  rows: v.pipe(v.array(v.object({ grade: v.pipe(shortText, v.minLength(1)), coefficient: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_COEFFICIENT)) })), v.maxLength(200)),
  updatedAt: time,
});

const ROW_SCHEMAS = {
  templates: TemplateRecordSchema,
  teams: TeamSchema,
  people: PersonV2Schema,
  periods: PeriodV2Schema,
  statuses: StatusSchema,
  remarks: RemarkSchema,
  calibrations: CalibrationSchema,
  reviews: ReviewSchema,
  reviewSettings: ReviewSettingsSchema,
  payBases: PayBaseSchema,
  coefficientTables: CoefficientTableSchema,
  valueBlocks: ValueBlockSchema,
  audit: AuditV2Schema,
} as const;

function packValues(values: v.InferOutput<typeof DiffValuesSchema>): DiffValues {
  const num = Float64Array.from(values.num, (n) => (n === null ? Number.NaN : n));
  return values.other?.length ? { num, other: values.other } : { num };
}

/** Reads a version 2 file line by line into staged records, checking each line as it comes. */
export class BackupReader {
  readonly problems: RestoreProblem[] = [];
  readonly warnings: RestoreProblem[] = [];
  private header: v.InferOutput<typeof HeaderSchema> | undefined;
  private tableIndex = -1;
  private ended = false;
  private readonly rows: { [K in BackupTable]: unknown[] } = {
    templates: [],
    teams: [],
    people: [],
    periods: [],
    statuses: [],
    remarks: [],
    calibrations: [],
    reviews: [],
    reviewSettings: [],
    payBases: [],
    coefficientTables: [],
    valueBlocks: [],
    audit: [],
  };
  private readonly seen = new Map<string, Set<string>>();
  private readonly personNumbers = new Set<number>();
  private readonly valuesPerPeriod = new Map<string, number>();
  private readonly families = new Set<string>();

  private report(found: RestoreProblem | readonly RestoreProblem[]): void {
    for (const p of Array.isArray(found) ? found : [found]) if (this.problems.length < MAX_PROBLEMS) this.problems.push(p as RestoreProblem);
  }

  private stopped = false;

  get failed(): boolean {
    return this.stopped || this.problems.length >= MAX_PROBLEMS;
  }

  /** Line 1. Returns false when the file is not a version 2 backup (the caller may try version 1). */
  readHeader(value: unknown): void {
    const at = (list: readonly RestoreProblem[]) => list.map((p) => ({ ...p, path: `line 1: ${p.path}` }));
    const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
    if (format !== BACKUP_FORMAT) return this.report(at([problem('format', BACKUP_FORMAT, String(format).slice(0, 60))]));
    const unsafe = findUnsafeKeys(value);
    if (unsafe.length > 0) return this.report(at(unsafe));
    const parsed = v.safeParse(HeaderSchema, value);
    if (!parsed.success) return this.report(at(schemaProblems(parsed.issues.slice(0, MAX_PROBLEMS))));
    this.header = parsed.output;
  }

  /** Reading stops after the first line with a problem: later lines would only repeat it. */
  readLine(value: unknown, line: number, text?: string): void {
    if (this.failed) return;
    const before = this.problems.length;
    this.readRows(value, line, text);
    if (this.problems.length > before) this.stopped = true;
  }

  private readRows(value: unknown, line: number, text: string | undefined): void {
    const at = `line ${line}: `;
    if (this.ended) return this.report(problem(`${at}(root)`, 'end of file', 'more lines'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.report(problem(`${at}(root)`, '{"table", "rows"}', typeof value, 'type'));
    // The deep search builds a path for every element: only when the line names such a key at all.
    const unsafe = text === undefined || UNSAFE_KEY_TEXT.test(text) ? findUnsafeKeys(value) : [];
    if (unsafe.length > 0) return this.report(unsafe.map((p) => ({ ...p, path: `${at}${p.path}` })));
    const record = value as { table?: unknown; rows?: unknown; end?: unknown; counts?: unknown };
    if (record.end === true) {
      this.ended = true;
      this.checkCounts(record.counts, at);
      return;
    }
    const table = BACKUP_TABLES.indexOf(record.table as BackupTable);
    if (table < 0) return this.report(problem(`${at}table`, BACKUP_TABLES.join(' | '), String(record.table).slice(0, 60)));
    if (table < this.tableIndex) return this.report(problem(`${at}table`, `${BACKUP_TABLES[this.tableIndex]} or later`, String(record.table)));
    this.tableIndex = table;
    if (!Array.isArray(record.rows) || record.rows.length > MAX_ROWS_PER_LINE) return this.report(problem(`${at}rows`, `array of ≤ ${MAX_ROWS_PER_LINE}`, typeof record.rows, 'type'));
    const name = BACKUP_TABLES[table]!;
    for (const row of record.rows) {
      const index = this.rows[name].length;
      const path = `${at}${name}[${index}]`;
      const parsed = v.safeParse(ROW_SCHEMAS[name], row, { abortEarly: true });
      if (!parsed.success) {
        this.report(schemaProblems(parsed.issues.slice(0, 5), `${name}[${index}]`).map((p) => ({ ...p, path: `${at}${p.path}` })));
        if (this.failed) return;
        continue;
      }
      const checked = this.accept(name, parsed.output, path);
      if (checked !== undefined) this.rows[name].push(checked);
      if (this.failed) return;
    }
  }

  private checkCounts(counts: unknown, at: string): void {
    if (counts === null || typeof counts !== 'object') return this.report(problem(`${at}counts`, 'counts per table', typeof counts, 'type'));
    for (const table of BACKUP_TABLES) {
      const expected = (counts as Record<string, unknown>)[table] ?? (LATER_TABLES.has(table) ? 0 : undefined);
      if (expected !== this.rows[table].length) this.report(problem(`${at}counts.${table}`, String(expected), String(this.rows[table].length)));
    }
  }

  private unique(table: string, key: string, path: string): boolean {
    let set = this.seen.get(table);
    if (!set) this.seen.set(table, (set = new Set()));
    if (set.has(key)) {
      this.report(problem(path, `unique ${table}`, key.replaceAll('\u0001', ' ').slice(0, 120)));
      return false;
    }
    set.add(key);
    return true;
  }

  private has(table: string, key: string): boolean {
    return this.seen.get(table)?.has(key) ?? false;
  }

  private inWorkspace(record: { workspaceId: string }, path: string): boolean {
    const workspaceId = this.header?.workspace.id;
    if (record.workspaceId === workspaceId) return true;
    this.report(problem(`${path}.workspaceId`, String(workspaceId), record.workspaceId));
    return false;
  }

  private ref(ok: boolean, path: string, expected: string, received: string): boolean {
    if (!ok) this.report(problem(path, expected, received));
    return ok;
  }

  /** Checks beyond the shape; returns the record to stage, or undefined when it has a problem. */
  private accept(table: BackupTable, row: unknown, path: string): unknown {
    const record = row as { workspaceId: string };
    if (!this.inWorkspace(record, path)) return undefined;
    switch (table) {
      case 'templates': {
        const t = row as v.InferOutput<typeof TemplateRecordSchema>;
        if (!this.unique('templates', t.id, `${path}.id`)) return undefined;
        this.families.add(t.familyId);
        if (!this.ref(t.id === `${t.familyId}@${t.version}`, `${path}.id`, `${t.familyId}@${t.version}`, t.id)) return undefined;
        const body = restoreBody(t.body, `${path}.body`, this.warnings);
        if ('problems' in body) {
          this.report(body.problems);
          return undefined;
        }
        return { ...t, body: body.template };
      }
      case 'teams': {
        const t = row as TeamRecord;
        return this.unique('teams', t.id, `${path}.id`) ? t : undefined;
      }
      case 'people': {
        const p = row as PersonRecord;
        if (!this.unique('people', p.id, `${path}.id`)) return undefined;
        if (!this.unique('person numbers', String(p.seq), `${path}.seq`)) return undefined;
        if (!this.ref(p.teamId === '' || this.has('teams', p.teamId), `${path}.teamId`, 'teams[].id', p.teamId)) return undefined;
        this.personNumbers.add(p.seq);
        return p;
      }
      case 'periods': {
        const p = row as PeriodRecord;
        if (!this.unique('periods', p.id, `${path}.id`)) return undefined;
        if (!this.ref(this.has('templates', p.templateId), `${path}.templateId`, 'templates[].id', p.templateId)) return undefined;
        if (!this.ref(p.teamId === '' || this.has('teams', p.teamId), `${path}.teamId`, 'teams[].id', p.teamId)) return undefined;
        return p;
      }
      case 'statuses':
      case 'remarks':
      case 'calibrations':
      case 'reviews': {
        const r = row as { periodId: string; personId: string };
        if (!this.unique(table, `${r.periodId}\u0001${r.personId}`, path)) return undefined;
        if (!this.ref(this.has('periods', r.periodId), `${path}.periodId`, 'periods[].id', r.periodId)) return undefined;
        if (!this.ref(this.has('people', r.personId), `${path}.personId`, 'people[].id', r.personId)) return undefined;
        return row;
      }
      case 'reviewSettings': {
        const r = row as ReviewSettingsRecord;
        if (!this.unique(table, r.periodId, `${path}.periodId`)) return undefined;
        if (!this.ref(this.has('periods', r.periodId), `${path}.periodId`, 'periods[].id', r.periodId)) return undefined;
        return row;
      }
      case 'payBases': {
        const r = row as PayBaseRecord;
        if (!this.unique(table, r.personId, `${path}.personId`)) return undefined;
        if (!this.ref(this.has('people', r.personId), `${path}.personId`, 'people[].id', r.personId)) return undefined;
        return row;
      }
      case 'coefficientTables': {
        const r = row as CoefficientTableRecord;
        if (!this.unique(table, r.familyId, `${path}.familyId`)) return undefined;
        if (!this.ref(this.families.has(r.familyId), `${path}.familyId`, 'templates[].familyId', r.familyId)) return undefined;
        const grades = new Set<string>();
        for (const [i, item] of r.rows.entries()) {
          if (!this.ref(!grades.has(item.grade), `${path}.rows[${i}].grade`, 'a grade not listed before', item.grade)) return undefined;
          grades.add(item.grade);
        }
        return row;
      }
      case 'valueBlocks':
        return this.acceptBlock(row as v.InferOutput<typeof ValueBlockSchema>, path);
      case 'audit':
        return this.acceptAudit(row as v.InferOutput<typeof AuditV2Schema>, path);
    }
  }

  private acceptBlock(b: v.InferOutput<typeof ValueBlockSchema>, path: string): ValueBlockRecord | undefined {
    if (!this.unique('valueBlocks', [b.periodId, b.key, b.role, b.rater, b.block].join('\u0001'), path)) return undefined;
    if (!this.ref(this.has('periods', b.periodId), `${path}.periodId`, 'periods[].id', b.periodId)) return undefined;
    if (!this.ref(b.num.length === b.at.length, `${path}.num`, `${b.at.length} values (one per offset)`, `${b.num.length}`)) return undefined;
    for (let i = 1; i < b.at.length; i++) {
      if (!this.ref(b.at[i]! > b.at[i - 1]!, `${path}.at[${i}]`, `> ${b.at[i - 1]}`, String(b.at[i]))) return undefined;
    }
    const base = b.block * BLOCK_SIZE;
    for (const offset of b.at) {
      const personNo = base + offset;
      if (!this.ref(personNo === 0 || this.personNumbers.has(personNo), `${path}.at`, 'people[].seq', String(personNo))) return undefined;
    }
    const positions = new Map(b.at.map((offset, i) => [offset, i]));
    for (const [offset] of b.other ?? []) {
      const i = positions.get(offset);
      if (!this.ref(i !== undefined && b.num[i] === null, `${path}.other`, 'offsets in at with num null', String(offset))) return undefined;
    }
    const others = new Set((b.other ?? []).map(([offset]) => offset));
    for (let i = 0; i < b.at.length; i++) {
      if (!this.ref(b.num[i] !== null || others.has(b.at[i]!), `${path}.num[${i}]`, 'number', 'null')) return undefined;
    }
    for (const [offset] of b.notes ?? []) if (!this.ref(offset < BLOCK_SIZE, `${path}.notes`, `offset < ${BLOCK_SIZE}`, String(offset))) return undefined;
    this.valuesPerPeriod.set(b.periodId, (this.valuesPerPeriod.get(b.periodId) ?? 0) + b.at.length);
    return {
      periodId: b.periodId,
      key: b.key,
      role: b.role,
      rater: b.rater,
      block: b.block,
      workspaceId: b.workspaceId,
      at: Uint16Array.from(b.at),
      num: Float64Array.from(b.num, (n) => (n === null ? Number.NaN : n)),
      ...(b.other?.length ? { other: b.other } : {}),
      ...(b.notes?.length ? { notes: b.notes } : {}),
      updatedAt: b.updatedAt,
    };
  }

  private acceptAudit(a: v.InferOutput<typeof AuditV2Schema>, path: string): Omit<AuditRecord, 'seq'> | undefined {
    const { diff: plain, origin, ...rest } = a;
    if (!plain) return { ...rest, ...(origin ? { origin } : {}) } as Omit<AuditRecord, 'seq'>;
    if (!this.ref(a.entity === 'entries', `${path}.entity`, 'entries', a.entity)) return undefined;
    const columns: DiffColumn[] = [];
    for (const [i, column] of plain.columns.entries()) {
      const at = `${path}.diff.columns[${i}]`;
      let length: number;
      let rows: Uint32Array | number;
      if (typeof column.rows === 'number') {
        const target = columns[column.rows];
        if (!this.ref(column.rows < i && target !== undefined && typeof target.rows !== 'number', `${at}.rows`, `an earlier column with its own rows (< ${i})`, String(column.rows))) return undefined;
        rows = column.rows;
        length = (target!.rows as Uint32Array).length;
      } else {
        const bad = column.rows.findIndex((r) => r >= plain.people.length);
        if (!this.ref(bad < 0, `${at}.rows[${bad}]`, `< ${plain.people.length}`, String(column.rows[bad]))) return undefined;
        rows = Uint32Array.from(column.rows);
        length = column.rows.length;
      }
      for (const side of ['old', 'new'] as const) {
        const values = column[side];
        if (!values) continue;
        if (!this.ref(values.num.length === length, `${at}.${side}.num`, `${length} values`, String(values.num.length))) return undefined;
        const badOther = (values.other ?? []).find(([position]) => position >= length);
        if (!this.ref(!badOther, `${at}.${side}.other`, `positions < ${length}`, String(badOther?.[0]))) return undefined;
      }
      columns.push({ key: column.key, role: column.role, rater: column.rater, rows, ...(column.old ? { old: packValues(column.old) } : {}), new: packValues(column.new) });
    }
    const diff: EntryDiff = { people: plain.people, columns };
    return { ...rest, diff, columns: diffColumnIds(a.entityId, diff), ...(origin ? { origin } : {}) } as Omit<AuditRecord, 'seq'>;
  }

  finish(): StagedRead {
    if (!this.header && this.problems.length === 0) this.report(problem('line 1', 'a Kaohe backup header', 'nothing'));
    if (!this.ended && this.problems.length === 0) this.report(problem('(end)', '{"end": true}', 'the end of the file (it was cut short)', 'type'));
    if (this.problems.length > 0 || !this.header) return { ok: false, problems: this.problems };
    const periods = (this.rows.periods as PeriodRecord[]).map((p) => ({ ...p, values: this.valuesPerPeriod.get(p.id) ?? 0 }));
    const value: StagedBackup = {
      version: 2,
      exportedAt: this.header.exportedAt,
      workspace: this.header.workspace,
      templates: this.rows.templates as TemplateRecord[],
      teams: this.rows.teams as TeamRecord[],
      people: this.rows.people as PersonRecord[],
      periods,
      statuses: this.rows.statuses as StatusRecord[],
      remarks: this.rows.remarks as RemarkRecord[],
      calibrations: this.rows.calibrations as CalibrationRecord[],
      reviews: this.rows.reviews as ReviewRecord[],
      reviewSettings: this.rows.reviewSettings as ReviewSettingsRecord[],
      payBases: this.rows.payBases as PayBaseRecord[],
      coefficientTables: this.rows.coefficientTables as CoefficientTableRecord[],
      valueBlocks: this.rows.valueBlocks as ValueBlockRecord[],
      audit: this.rows.audit as Omit<AuditRecord, 'seq'>[],
      calibrationTarget: restoreTarget(this.header.calibrationTarget),
    };
    return { ok: true, value, warnings: this.warnings.slice(0, MAX_PROBLEMS) };
  }
}

/** A checked version 1 backup as today's records: people numbered, values in blocks, audit grouped per action. */
export function fromVersion1(backup: WorkspaceBackup): StagedBackup {
  const people = numberPeople(backup.people);
  // restoreWorkspaceBackup has checked every entry names a person of the backup.
  const { blocks, values } = entriesToBlocks(backup.entries, personNumbers(people));
  const audit = groupLegacyAudit([...backup.audit].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)));
  return {
    version: 1,
    exportedAt: backup.exportedAt,
    workspace: backup.workspace,
    templates: backup.templates,
    teams: backup.teams,
    people,
    periods: backup.periods.map((p) => ({ ...p, values: values.get(p.id) ?? 0 })),
    statuses: backup.statuses,
    remarks: backup.remarks,
    calibrations: backup.calibrations,
    reviews: [],
    reviewSettings: [],
    payBases: [],
    coefficientTables: [],
    valueBlocks: blocks,
    audit,
    calibrationTarget: restoreTarget(backup.calibrationTarget),
  };
}
