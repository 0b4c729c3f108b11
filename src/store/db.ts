// The one Dexie database. Only src/store/ imports this file.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { declareSchema } from './schema';
import type {
  AuditRecord,
  BackupRecord,
  CalibrationRecord,
  CoefficientTableRecord,
  PayBaseRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  ReviewRecord,
  ReviewSettingsRecord,
  SettingRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  WorkspaceRecord,
} from './records';
import type { ValueBlockKey, ValueBlockRecord } from './value-blocks';
import type { RosterRecord } from './roster-cache';

export type KaoheDb = Dexie & {
  workspaces: EntityTable<WorkspaceRecord, 'id'>;
  templates: EntityTable<TemplateRecord, 'id'>;
  teams: EntityTable<TeamRecord, 'id'>;
  people: EntityTable<PersonRecord, 'id'>;
  periods: EntityTable<PeriodRecord, 'id'>;
  valueBlocks: Table<ValueBlockRecord, ValueBlockKey>;
  statuses: Table<StatusRecord, [string, string]>;
  remarks: Table<RemarkRecord, [string, string]>;
  auditLog: EntityTable<AuditRecord, 'seq'>;
  backups: EntityTable<BackupRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  calibrations: Table<CalibrationRecord, [string, string]>;
  rosters: EntityTable<RosterRecord, 'workspaceId'>;
  reviews: Table<ReviewRecord, [string, string]>;
  coefficientTables: Table<CoefficientTableRecord, [string, string]>;
  payBases: Table<PayBaseRecord, string>;
  reviewSettings: Table<ReviewSettingsRecord, string>;
};

export const DB_NAME = 'kaohe';

export function openDb(name: string = DB_NAME): KaoheDb {
  const db = new Dexie(name) as KaoheDb;
  declareSchema(db);
  return db;
}

let shared: KaoheDb | undefined;

/** The app's database, opened on first use. Tests pass their own via `useDb`. */
export function getDb(): KaoheDb {
  shared ??= openDb();
  return shared;
}

/** Point the store at another database (tests, or a restore into a fresh name). */
export function useDb(db: KaoheDb): void {
  shared = db;
}

/**
 * Follow the database's life in this tab: a newer tab upgraded the schema (close at once and let
 * the page reload: never write with the old schema), or an older tab blocks our upgrade.
 */
export function watchDatabase(handlers: { readonly versionChanged: () => void; readonly blocked: () => void }): void {
  const db = getDb();
  db.on('versionchange', () => {
    db.close();
    handlers.versionChanged();
    return false;
  });
  db.on('blocked', () => handlers.blocked());
}
