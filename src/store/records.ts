// The records kept in IndexedDB. The scoring model (Template) is stored as-is inside
// TemplateRecord.body; everything read back goes through restore functions before use.
import type { PeriodKind, PersonStatus, RaterRole, Template } from '../scoring/model';
import type { CoefficientRow } from '../scoring/pay';
import type { ReviewState } from '../scoring/review';
import type { EntryDiff } from './entry-diff';
export type { ValueBlockRecord } from './value-blocks';

export interface WorkspaceRecord {
  id: string;
  name: string;
  /** Created from the built-in example; "reset example" only touches these. */
  example: boolean;
  createdAt: number;
  updatedAt: number;
}

/** One version of a template. Versions of one template share `familyId`. */
export interface TemplateRecord {
  /** `${familyId}@${version}` */
  id: string;
  workspaceId: string;
  familyId: string;
  version: number;
  body: Template;
  /** What changed from the previous version, for the version list. */
  changeNote: string;
  createdAt: number;
  updatedAt: number;
  /** Soft delete so "undo" can bring it back. 0 = live. */
  deletedAt: number;
}

export interface TeamRecord {
  id: string;
  workspaceId: string;
  name: string;
}

export interface PersonRecord {
  id: string;
  workspaceId: string;
  /** 工号 */
  employeeNo: string;
  name: string;
  teamId: string;
  position: string;
  /** 0 = on the roster, 1 = archived (a number so it can be indexed). */
  archived: 0 | 1;
  createdAt: number;
  /**
   * The person's number in the workspace (1, 2, …; 0 is the team itself): where their values sit
   * in a period's value blocks (value-blocks.ts). Given on creation, never changed.
   */
  seq: number;
}

export interface PeriodRecord {
  id: string;
  workspaceId: string;
  kind: PeriodKind;
  /** `2026-11`, `2026-W47`, `2026-Q4`, `2026` */
  key: string;
  /** The template version this period is rated with. */
  templateId: string;
  /** Team rated in this period; '' = everyone. */
  teamId: string;
  locked: 0 | 1;
  createdAt: number;
  /** Values entered in the period (kept by every write, for summaries without reading them). */
  values?: number;
}

/**
 * person × period × input/indicator × rater role (× rater name) → value: how one value reads
 * (listEntries), and how schema v1–v5 and backup files of version 1 stored them, one record each.
 */
export interface EntryRecord {
  periodId: string;
  personId: string;
  /** Input id or indicator id. */
  key: string;
  role: RaterRole;
  /** Rater's name; '' when not recorded. */
  rater: string;
  workspaceId: string;
  value: number | string | boolean | null;
  note: string;
  updatedAt: number;
}

export interface StatusRecord {
  periodId: string;
  personId: string;
  workspaceId: string;
  status: PersonStatus;
}

/** 评语: a note per person per period. */
export interface RemarkRecord {
  periodId: string;
  personId: string;
  workspaceId: string;
  text: string;
  updatedAt: number;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'lock' | 'unlock' | 'calibrate' | 'import' | EntryAction | ReviewAction;

/**
 * What a person did to a period's values: typed, pasted, filled, cleared, undid, imported, merged
 * rater forms, or changed them to settle an appeal (`appeal`, linked to it).
 */
export type EntryAction = 'update' | 'paste' | 'fill' | 'clear' | 'undo' | 'redo' | 'import' | 'merge' | 'appeal';

export const ENTRY_ACTIONS: readonly EntryAction[] = ['update', 'paste', 'fill', 'clear', 'undo', 'redo', 'import', 'merge', 'appeal'];

/** The steps of a review (entity `review`): 面谈, 员工意见, 申诉 (`appeal`), 处理申诉, 结案. */
export type ReviewAction = 'talk' | 'opinion' | 'appeal' | 'resolve' | 'close';

export const REVIEW_ACTIONS: readonly ReviewAction[] = ['talk', 'opinion', 'appeal', 'resolve', 'close'];

/**
 * 校准等级: a grade a manager set for a person in a period, with the reason. The computed grade
 * stays what scoring says; this is kept beside it and counts wherever the grade that counts is used.
 */
export interface CalibrationRecord {
  periodId: string;
  personId: string;
  workspaceId: string;
  grade: string;
  /** The computed grade when the calibration was recorded (for the audit trail; scoring decides the live one). */
  computedGrade: string | null;
  reason: string;
  updatedAt: number;
}

/**
 * 面谈, 员工确认 and 申诉 of one person in one period (schema v9). The status is worked out from
 * these (src/scoring/review.ts), never stored beside them.
 */
export interface ReviewRecord extends ReviewState {
  periodId: string;
  personId: string;
  workspaceId: string;
  updatedAt: number;
}

/** grade → 绩效系数 of one template family in a workspace (schema v9). */
export interface CoefficientTableRecord {
  workspaceId: string;
  familyId: string;
  rows: CoefficientRow[];
  updatedAt: number;
}

/** A person's 绩效工资基数 (schema v9). */
export interface PayBaseRecord {
  personId: string;
  workspaceId: string;
  amount: number;
  updatedAt: number;
}

/** A bonus pool: the budget of a team ('' = everyone on the period's sheet, '-' = people without a team). */
export interface BonusPool {
  teamId: string;
  amount: number;
}

/** A period's review settings (schema v9): the appeal deadline and the bonus pools. */
export interface ReviewSettingsRecord {
  periodId: string;
  workspaceId: string;
  /** 'YYYY-MM-DD', the last day an appeal is accepted; '' = no deadline. */
  appealDeadline: string;
  pools: BonusPool[];
  updatedAt: number;
}

/**
 * `people`: many people created by one action (an import, a pasted roster), `new` holding [id, name] pairs.
 * `review`: one step of a person's review (entityId `${periodId}|${personId}`), status old → new.
 * `payBases`: one action on 绩效工资基数 (entityId the workspace), `new` holding [personId, old, new] triples.
 */
export type AuditEntity =
  | 'workspace'
  | 'template'
  | 'person'
  | 'people'
  | 'team'
  | 'period'
  | 'entries'
  | 'status'
  | 'remark'
  | 'calibration'
  | 'review'
  | 'coefficients'
  | 'payBases'
  | 'reviewSettings';

export const AUDIT_ENTITIES: readonly AuditEntity[] = [
  'workspace',
  'template',
  'person',
  'people',
  'team',
  'period',
  'entries',
  'status',
  'remark',
  'calibration',
  'review',
  'coefficients',
  'payBases',
  'reviewSettings',
];

/**
 * What changed, old → new, when; written in the same transaction as the change. Values are
 * audited one record per action (entity `entries`, entityId the period, `diff` holding every
 * value it changed); everything else one record per field.
 */
export interface AuditRecord {
  seq?: number;
  workspaceId: string;
  at: number;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  field: string;
  old: unknown;
  new: unknown;
  /** entity `entries`: the values the action changed. */
  diff?: EntryDiff;
  /** entity `entries`: `${periodId}|${key}|${role}|${rater}` of each column in `diff` (indexed, for one value's history). */
  columns?: string[];
  /** Which open sheet wrote it, so that sheet does not apply its own change twice. */
  origin?: string;
  /** Who took the step, as they typed their name (review steps, values changed by an appeal). */
  by?: string;
  /** The appeal a value change settles (entity `entries`, action `appeal`) or a review step is about. */
  link?: string;
  /** What the step recorded (talk notes, the opinion, the appeal and its reason). */
  detail?: unknown;
}

/** A rolling automatic backup kept inside the database. */
export interface BackupRecord {
  id?: number;
  createdAt: number;
  reason: 'daily' | 'before-restore' | 'before-reset';
  workspaceId: string;
  /** Bytes the backup takes (for the size-aware rotation). */
  size: number;
  /** The backup file (format version 2: gzip-compressed JSON lines). */
  file?: Blob;
  /** JSON text of a version 1 backup, as automatic backups were kept before schema v6. */
  data?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
