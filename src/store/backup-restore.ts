// Backup files of version 1 (one JSON value, one record per entered value; Kaohe before schema
// v6, and automatic backups kept then): `unknown` in, a valid WorkspaceBackup or a
// precise list of problems out; backup-file.ts turns it into today's records. Records are checked with valibot, each template body with
// restoreTemplate, and every reference inside the backup (entry → period, period → template …)
// must resolve. Pure: no database, so the io worker can run it off the main thread.
import * as v from 'valibot';
import { RATER_ROLES, TEAM_PERSON_ID, type Template } from '../scoring/model';
import { findUnsafeKeys, restoreTemplate, schemaProblems, TemplateSchema, type RestoreProblem } from '../scoring/restore';
import type {
  AuditRecord,
  EntryRecord,
  CalibrationRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  WorkspaceRecord,
} from './records';

export const BACKUP_FORMAT = 'kaohe-workspace';
/** The version this file reads; backup-file.ts writes version 2. */
export const BACKUP_VERSION_1 = 1;

/** People of a version 1 backup have no number yet. */
type LegacyPerson = Omit<PersonRecord, 'seq'>;

/** An audit record as version 1 kept it (one per entered value, entity `entry`). */
export interface LegacyAuditRecord {
  seq?: number;
  workspaceId: string;
  at: number;
  entity: AuditRecord['entity'] | 'entry';
  entityId: string;
  action: string;
  field: string;
  old: unknown;
  new: unknown;
}

export interface WorkspaceBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION_1;
  exportedAt: string;
  workspace: WorkspaceRecord;
  templates: TemplateRecord[];
  teams: TeamRecord[];
  people: LegacyPerson[];
  periods: PeriodRecord[];
  entries: EntryRecord[];
  statuses: StatusRecord[];
  remarks: RemarkRecord[];
  audit: LegacyAuditRecord[];
  /** Calibrated grades (backups made before calibration existed have none). */
  calibrations: CalibrationRecord[];
  /** The workspace's target grade distribution, as stored (checked again when read). */
  calibrationTarget: unknown;
}

/** Generous bounds: a real workspace is far below them, a hostile file is not. */
export const BACKUP_LIMITS = { id: 200, text: 20_000, cell: 32_767, records: 5_000_000 } as const;

export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(BACKUP_LIMITS.id));
export const optionalId = v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.id));
export const shortText = v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.id));
export const text = v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.text));
export const time = v.pipe(v.number(), v.finite());
export const flag = v.picklist([0, 1]);
const records = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(BACKUP_LIMITS.records));

export const WorkspaceSchema = v.object({ id, name: shortText, example: v.boolean(), createdAt: time, updatedAt: time });
export const TemplateRecordSchema = v.object({
  id,
  workspaceId: id,
  familyId: id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  body: v.unknown(),
  changeNote: text,
  createdAt: time,
  updatedAt: time,
  deletedAt: time,
});
export const TeamSchema = v.object({ id, workspaceId: id, name: shortText });
export const PersonSchema = v.object({ id, workspaceId: id, employeeNo: shortText, name: shortText, teamId: optionalId, position: shortText, archived: flag, createdAt: time });
export const PeriodSchema = v.object({
  id,
  workspaceId: id,
  kind: v.picklist(['week', 'month', 'quarter', 'year']),
  key: shortText,
  templateId: id,
  teamId: optionalId,
  locked: flag,
  createdAt: time,
});
const EntrySchema = v.object({
  periodId: id,
  personId: id,
  key: id,
  role: v.picklist(RATER_ROLES),
  rater: shortText,
  workspaceId: id,
  value: v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.cell)), v.boolean(), v.null()]),
  note: text,
  updatedAt: time,
});
export const StatusSchema = v.object({ periodId: id, personId: id, workspaceId: id, status: v.picklist(['active', 'leave', 'temporary']) });
export const RemarkSchema = v.object({ periodId: id, personId: id, workspaceId: id, text, updatedAt: time });
export const CalibrationSchema = v.object({
  periodId: id,
  personId: id,
  workspaceId: id,
  grade: shortText,
  computedGrade: v.nullable(shortText),
  reason: text,
  updatedAt: time,
});
const AuditSchema = v.object({
  seq: v.optional(v.pipe(v.number(), v.integer())),
  workspaceId: id,
  at: time,
  entity: v.picklist(['workspace', 'template', 'person', 'team', 'period', 'entry', 'status', 'remark', 'calibration']),
  entityId: v.pipe(v.string(), v.maxLength(BACKUP_LIMITS.text)),
  action: v.picklist(['create', 'update', 'delete', 'restore', 'lock', 'unlock', 'calibrate', 'import']),
  field: shortText,
  old: v.unknown(),
  new: v.unknown(),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION_1),
  exportedAt: shortText,
  workspace: WorkspaceSchema,
  templates: records(TemplateRecordSchema),
  teams: records(TeamSchema),
  people: records(PersonSchema),
  periods: records(PeriodSchema),
  entries: records(EntrySchema),
  statuses: records(StatusSchema),
  remarks: records(RemarkSchema),
  audit: records(AuditSchema),
  calibrations: v.optional(records(CalibrationSchema), []),
  calibrationTarget: v.optional(v.unknown(), null),
});

export type BackupRestore =
  | { readonly ok: true; readonly value: WorkspaceBackup; readonly warnings: readonly RestoreProblem[] }
  | { readonly ok: false; readonly problems: readonly RestoreProblem[] };

/** Problems listed per backup; a broken file would otherwise list millions. */
const MAX_PROBLEMS = 50;

export function problem(path: string, expected: string, received: string, kind: RestoreProblem['kind'] = 'value'): RestoreProblem {
  return { path, kind, expected, received };
}

/**
 * `format` and `version` first, so a file that is not a backup (or from a newer Kaohe) gets one
 * clear problem instead of a hundred.
 */
function headerProblems(value: unknown): RestoreProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [problem('(root)', BACKUP_FORMAT, Array.isArray(value) ? 'array' : typeof value, 'type')];
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== BACKUP_FORMAT) return [problem('format', BACKUP_FORMAT, String(header.format).slice(0, 60))];
  if (typeof header.version === 'number' && header.version > BACKUP_VERSION_1) return [problem('version', `≤ ${BACKUP_VERSION_1}`, String(header.version))];
  return [];
}

export function restoreWorkspaceBackup(value: unknown): BackupRestore {
  const header = headerProblems(value);
  if (header.length > 0) return { ok: false, problems: header };
  const unsafe = findUnsafeKeys(value);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  const parsed = v.safeParse(BackupSchema, value, { abortEarly: false });
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.issues.slice(0, MAX_PROBLEMS)) };
  const data = parsed.output;
  const problems: RestoreProblem[] = [];
  const warnings: RestoreProblem[] = [];
  const templates: TemplateRecord[] = [];
  data.templates.forEach((record, i) => {
    const body = restoreBody(record.body, `templates[${i}].body`, warnings);
    if ('problems' in body) problems.push(...body.problems);
    else templates.push({ ...record, body: body.template });
  });
  problems.push(...referenceProblems(data));
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, value: { ...data, templates }, warnings: warnings.slice(0, MAX_PROBLEMS) };
}

/**
 * A template body must be sound in structure. If it only fails the template's own validation
 * (weights not adding up, a formula naming a deleted input), it was saved that way in the
 * workspace: it is restored as it was, and the problems are reported as warnings.
 */
export function restoreBody(body: unknown, path: string, warnings: RestoreProblem[]): { template: Template } | { problems: readonly RestoreProblem[] } {
  const restored = restoreTemplate(body, path);
  if (restored.ok) return { template: restored.value };
  if (restored.problems.every((p) => p.kind === 'template')) {
    const structural = v.safeParse(TemplateSchema, body);
    if (structural.success) {
      warnings.push(...restored.problems);
      return { template: structural.output };
    }
  }
  return { problems: restored.problems };
}

function referenceProblems(data: v.InferOutput<typeof BackupSchema>): RestoreProblem[] {
  const problems: RestoreProblem[] = [];
  const workspaceId = data.workspace.id;
  const check = (ok: boolean, path: string, expected: string, received: string) => {
    if (!ok && problems.length < MAX_PROBLEMS) problems.push(problem(path, expected, received));
  };
  const inWorkspace = (list: readonly { workspaceId: string }[], name: string) =>
    list.forEach((record, i) => check(record.workspaceId === workspaceId, `${name}[${i}].workspaceId`, workspaceId, record.workspaceId));
  // Expectations are written as paths (periods[].id), which read the same in every language.
  const unique = (keys: readonly string[], name: string) => {
    const first = new Map<string, number>();
    keys.forEach((key, i) => {
      const earlier = first.get(key);
      check(earlier === undefined, `${name}[${i}]`, `≠ ${name}[${earlier}]`, key.replaceAll('\u0001', ' '));
      if (earlier === undefined) first.set(key, i);
    });
  };
  for (const [name, list] of [
    ['templates', data.templates],
    ['teams', data.teams],
    ['people', data.people],
    ['periods', data.periods],
    ['entries', data.entries],
    ['statuses', data.statuses],
    ['remarks', data.remarks],
    ['audit', data.audit],
    ['calibrations', data.calibrations],
  ] as const) inWorkspace(list, name);
  unique(data.templates.map((t) => t.id), 'templates');
  unique(data.teams.map((t) => t.id), 'teams');
  unique(data.people.map((p) => p.id), 'people');
  unique(data.periods.map((p) => p.id), 'periods');
  unique(data.entries.map((e) => [e.periodId, e.personId, e.key, e.role, e.rater].join('\u0001')), 'entries');
  unique(data.statuses.map((s) => `${s.periodId}\u0001${s.personId}`), 'statuses');
  unique(data.remarks.map((r) => `${r.periodId}\u0001${r.personId}`), 'remarks');
  unique(data.calibrations.map((r) => `${r.periodId}\u0001${r.personId}`), 'calibrations');
  data.templates.forEach((t, i) => check(t.id === `${t.familyId}@${t.version}`, `templates[${i}].id`, `${t.familyId}@${t.version}`, t.id));
  const templateIds = new Set(data.templates.map((t) => t.id));
  const teamIds = new Set(data.teams.map((t) => t.id));
  const personIds = new Set(data.people.map((p) => p.id));
  const periodIds = new Set(data.periods.map((p) => p.id));
  data.people.forEach((p, i) => check(p.teamId === '' || teamIds.has(p.teamId), `people[${i}].teamId`, 'teams[].id', p.teamId));
  data.periods.forEach((p, i) => {
    check(templateIds.has(p.templateId), `periods[${i}].templateId`, 'templates[].id', p.templateId);
    check(p.teamId === '' || teamIds.has(p.teamId), `periods[${i}].teamId`, 'teams[].id', p.teamId);
  });
  const byPeriodAndPerson = (list: readonly { periodId: string; personId: string }[], name: string, team: boolean) =>
    list.forEach((r, i) => {
      check(periodIds.has(r.periodId), `${name}[${i}].periodId`, 'periods[].id', r.periodId);
      check(personIds.has(r.personId) || (team && r.personId === TEAM_PERSON_ID), `${name}[${i}].personId`, 'people[].id', r.personId);
    });
  byPeriodAndPerson(data.entries, 'entries', true);
  byPeriodAndPerson(data.statuses, 'statuses', false);
  byPeriodAndPerson(data.remarks, 'remarks', false);
  byPeriodAndPerson(data.calibrations, 'calibrations', false);
  return problems;
}
