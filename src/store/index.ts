// The store's public face: typed repositories over the Dexie database. The UI imports from here
// and never opens a table itself.
export * from './records';
export * from './workspaces';
export * from './people';
export * from './templates';
export * from './periods';
export * from './entries';
export * from './audit';
export * from './persistence';
export * from './errors';
export * from './example';
export * from './backup';
export * from './backup-jobs';
export type { ColumnKey, StoredValue } from './value-blocks';
export type { ValueChange } from './entry-diff';
export * from './sheets';
export * from './calibrations';
export * from './reviews';
export * from './pay';
export * from './imports';
export * from './changes';
export * from './roster-import';
export * from './sheet-edits';
export { observe } from './live';
export { DB_NAME, watchDatabase } from './db';
export * from './builtin-use';
