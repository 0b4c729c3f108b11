// The one Dexie database. Only src/store/ imports this file.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { declareSchema } from './schema';
import type {
  AuditRecord,
  BackupRecord,
  CalibrationRecord,
  EntryRecord,
  PeriodRecord,
  PersonRecord,
  RemarkRecord,
  SettingRecord,
  StatusRecord,
  TeamRecord,
  TemplateRecord,
  WorkspaceRecord,
} from './records';

export type KaoheDb = Dexie & {
  workspaces: EntityTable<WorkspaceRecord, 'id'>;
  templates: EntityTable<TemplateRecord, 'id'>;
  teams: EntityTable<TeamRecord, 'id'>;
  people: EntityTable<PersonRecord, 'id'>;
  periods: EntityTable<PeriodRecord, 'id'>;
  entries: Table<EntryRecord, [string, string, string, string, string]>;
  statuses: Table<StatusRecord, [string, string]>;
  remarks: Table<RemarkRecord, [string, string]>;
  audit: EntityTable<AuditRecord, 'seq'>;
  backups: EntityTable<BackupRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  calibrations: Table<CalibrationRecord, [string, string]>;
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
