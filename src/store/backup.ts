// Whole-workspace backups: written as a stream of compressed JSON lines (backup-lines.ts) from one
// read transaction, read back line by line with every line checked, restored in one transaction.
// Automatic backups (daily, and before a reset or restore) are kept inside the database as
// files, rotated by count and by size. backup-worker.ts runs these off the main thread.
import { getDb } from './db';
import { writeAudit } from './audit';
import { setActiveWorkspaceId } from './workspaces';
import { calibrationTargetKey } from './calibrations';
import type { AuditRecord, BackupRecord, PersonRecord, WorkspaceRecord } from './records';
import { restoreWorkspaceBackup } from './backup-restore';
import { BACKUP_TABLES, BackupReader, endLine, fromVersion1, headerLine, ROWS_PER_LINE, summarize, tableLines, type BackupSummary, type BackupTable, type StagedBackup, type StagedRead } from './backup-lines';
import { problem } from './backup-restore';
import { valueBlocksOf } from './entries';

export { BACKUP_VERSION, type BackupSummary, type StagedBackup, type StagedRead } from './backup-lines';
export { BACKUP_FORMAT } from './backup-restore';

/** Automatic backups kept per workspace; older ones are dropped. */
export const AUTOMATIC_BACKUPS_KEPT = 7;
/** Bytes all automatic backups may take together (the newest of each workspace is always kept). */
export const AUTOMATIC_BACKUP_BUDGET = 512 * 1024 * 1024;

export const BACKUP_MIME = 'application/gzip';

// ---- writing -----------------------------------------------------------------------------------

/** The tables of schema v9 (reviews, review settings, pay bases, coefficient tables), in backup order. */
function reviewTables() {
  const db = getDb();
  return [db.reviews, db.reviewSettings, db.payBases, db.coefficientTables];
}

/** Lines in, one compressed file out; nothing waits on the compressor while the database is read. */
class LineSink {
  private readonly encoder = new TextEncoder();
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly collected: Promise<Blob>;
  private failure: unknown;
  bytes = 0;

  constructor() {
    const gzip = new CompressionStream('gzip');
    this.writer = gzip.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
    this.collected = new Response(gzip.readable).blob();
  }

  write(line: string): void {
    const bytes = this.encoder.encode(`${line}\n`);
    this.bytes += bytes.byteLength;
    // Not awaited: the read transaction must not wait on anything but its own requests.
    this.writer.write(bytes).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  async close(): Promise<Blob> {
    await this.writer.close();
    const blob = await this.collected;
    if (this.failure) throw this.failure;
    return new Blob([blob], { type: BACKUP_MIME });
  }
}

export interface BackupWriteProgress {
  readonly table: BackupTable;
  readonly rows: number;
}

/**
 * The workspace as a backup file (version 2). Read in one transaction, so the file is one
 * consistent moment of the workspace.
 */
export async function writeBackupFile(workspaceId: string, onProgress?: (progress: BackupWriteProgress) => void): Promise<Blob> {
  const db = getDb();
  const sink = new LineSink();
  const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, 0])) as Record<BackupTable, number>;
  const emit = (table: BackupTable, rows: readonly object[]) => {
    for (const line of tableLines(table, rows)) sink.write(line);
    counts[table] += rows.length;
    if (rows.length > 0) onProgress?.({ table, rows: counts[table] });
  };
  const tables = [db.workspaces, db.templates, db.teams, db.people, db.periods, db.statuses, db.remarks, db.calibrations, ...reviewTables(), db.valueBlocks, db.auditLog, db.settings];
  await db.transaction('r', tables, async () => {
    const workspace = await db.workspaces.get(workspaceId);
    if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
    const target = await db.settings.get(calibrationTargetKey(workspaceId));
    sink.write(headerLine(workspace, target?.value ?? null, new Date().toISOString()));
    emit('templates', await db.templates.where('workspaceId').equals(workspaceId).toArray());
    emit('teams', await db.teams.where('workspaceId').equals(workspaceId).toArray());
    emit('people', (await db.people.where('workspaceId').equals(workspaceId).toArray()).sort((a, b) => a.seq - b.seq));
    const periods = await db.periods.where('workspaceId').equals(workspaceId).toArray();
    emit('periods', periods);
    emit('statuses', await db.statuses.where('workspaceId').equals(workspaceId).toArray());
    emit('remarks', await db.remarks.where('workspaceId').equals(workspaceId).toArray());
    emit('calibrations', await db.calibrations.where('workspaceId').equals(workspaceId).toArray());
    emit('reviews', await db.reviews.where('workspaceId').equals(workspaceId).toArray());
    emit('reviewSettings', await db.reviewSettings.where('workspaceId').equals(workspaceId).toArray());
    emit('payBases', await db.payBases.where('workspaceId').equals(workspaceId).toArray());
    emit('coefficientTables', await db.coefficientTables.where('workspaceId').equals(workspaceId).toArray());
    for (const period of periods) emit('valueBlocks', await valueBlocksOf(period.id));
    const seqs = (await db.auditLog.where('workspaceId').equals(workspaceId).primaryKeys()) as number[];
    seqs.sort((a, b) => a - b);
    for (let start = 0; start < seqs.length; start += ROWS_PER_LINE.audit) {
      const records = await db.auditLog.bulkGet(seqs.slice(start, start + ROWS_PER_LINE.audit));
      emit('audit', records.filter((r): r is AuditRecord => r !== undefined));
    }
  });
  sink.write(endLine(counts));
  return sink.close();
}

// ---- reading -----------------------------------------------------------------------------------

/** Bytes of a backup file, and of one line of it unpacked (a version 1 file is one line). */
export const BACKUP_FILE_LIMITS = { fileBytes: 2 * 1024 * 1024 * 1024, lineChars: 256 * 1024 * 1024 } as const;

async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The file's text, line by line, never more than one line in memory. A line arriving in many
 * chunks is kept as parts and joined once (searching a growing string for its end would read it
 * again for every chunk).
 */
async function* linesOf(file: Blob, gzip: boolean, maxLine: number): AsyncGenerator<string> {
  let stream = file.stream() as ReadableStream<Uint8Array>;
  if (gzip) stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  const decoder = new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>;
  const reader = stream.pipeThrough(decoder).getReader();
  let parts: string[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let from = 0;
    let newline = value.indexOf('\n');
    while (newline >= 0) {
      parts.push(value.slice(from, newline));
      yield parts.length === 1 ? parts[0]! : parts.join('');
      parts = [];
      length = 0;
      from = newline + 1;
      newline = value.indexOf('\n', from);
    }
    if (from < value.length) {
      parts.push(from === 0 ? value : value.slice(from));
      length += value.length - from;
      if (length > maxLine) {
        await reader.cancel();
        throw new LineTooLong();
      }
    }
  }
  const rest = parts.join('');
  if (rest.trim() !== '') yield rest;
}

class LineTooLong extends Error {}

function fileFailure(expected: string, received: string): StagedRead {
  return { ok: false, problems: [problem('(file)', expected, received)] };
}

/**
 * Read and check a backup file (version 2, or a version 1 `.json` / `.json.gz`). Nothing is
 * stored: the result is the records a restore would write, or the problems found.
 */
export async function readBackupFile(file: Blob, limits: typeof BACKUP_FILE_LIMITS = BACKUP_FILE_LIMITS): Promise<StagedRead> {
  if (file.size > limits.fileBytes) return fileFailure(`≤ ${limits.fileBytes} bytes`, `${file.size} bytes`);
  if (file.size === 0) return fileFailure('a Kaohe backup', 'an empty file');
  const reader = new BackupReader();
  let line = 0;
  let version1: string | undefined;
  try {
    for await (const text of linesOf(file, await isGzip(file), limits.lineChars)) {
      line++;
      if (version1 !== undefined) {
        version1 += `\n${text}`;
        if (version1.length > limits.lineChars) throw new LineTooLong();
        continue;
      }
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // Not one JSON value per line: a version 1 file written with line breaks, or damage.
        if (line === 1) {
          version1 = text;
          continue;
        }
        return fileFailure(`JSON on line ${line}`, text.slice(0, 40));
      }
      if (line === 1) {
        const header = value as { format?: unknown; version?: unknown } | null;
        if (header && typeof header === 'object' && header.version === 1) return fromV1(value);
        if (header && typeof header === 'object' && typeof header.version === 'number' && header.version > 2) return fileFailure('version ≤ 2', String(header.version));
        reader.readHeader(value);
      } else reader.readLine(value, line, text);
      if (reader.failed) break;
    }
  } catch (error) {
    if (error instanceof LineTooLong) return fileFailure(`lines of ≤ ${limits.lineChars} characters`, 'a longer line');
    return fileFailure('a gzip-compressed UTF-8 Kaohe backup', 'damaged data');
  }
  if (version1 !== undefined) {
    try {
      return fromV1(JSON.parse(version1));
    } catch {
      return fileFailure('a Kaohe backup (JSON)', version1.slice(0, 40));
    }
  }
  return reader.finish();
}

function fromV1(value: unknown): StagedRead {
  const restored = restoreWorkspaceBackup(value);
  if (!restored.ok) return restored;
  return { ok: true, value: fromVersion1(restored.value), warnings: restored.warnings };
}

// ---- restoring ---------------------------------------------------------------------------------

/** Records written per request while restoring (all in one transaction). */
const RESTORE_CHUNK = 400;

export interface RestoreProgress {
  readonly written: number;
  readonly total: number;
}

/**
 * Put a checked backup in place of the open workspace (and of any workspace with the backup's
 * id), in one transaction, after keeping an automatic backup of each workspace it replaces. The
 * audit log comes back in its order (numbered anew: the sequence is shared by all workspaces)
 * with one more record saying the workspace was restored. Returns the restored workspace's id.
 */
export async function restoreStaged(backup: StagedBackup, replacing?: string, onProgress?: (progress: RestoreProgress) => void): Promise<string> {
  const db = getDb();
  const targets = [...new Set([backup.workspace.id, ...(replacing ? [replacing] : [])])];
  for (const workspaceId of targets) {
    if (await db.workspaces.get(workspaceId)) await keepAutomaticBackup(workspaceId, 'before-restore');
  }
  const tables = [db.workspaces, db.templates, db.teams, db.people, db.rosters, db.periods, db.valueBlocks, db.statuses, db.remarks, db.auditLog, db.calibrations, ...reviewTables(), db.settings];
  const total = backup.valueBlocks.length + backup.audit.length + backup.people.length;
  let written = 0;
  const addAll = async <T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, rows: readonly T[], chunk = RESTORE_CHUNK) => {
    for (let start = 0; start < rows.length; start += chunk) {
      await table.bulkAdd(rows.slice(start, start + chunk));
      written += Math.min(chunk, rows.length - start);
      onProgress?.({ written, total });
    }
  };
  await db.transaction('rw', tables, async () => {
    for (const workspaceId of targets) {
      await Promise.all(
        [db.templates, db.teams, db.people, db.periods, db.valueBlocks, db.statuses, db.remarks, db.auditLog, db.calibrations, ...reviewTables()].map((table) =>
          table.where('workspaceId').equals(workspaceId).delete(),
        ),
      );
      await db.settings.delete(calibrationTargetKey(workspaceId));
      await db.rosters.delete(workspaceId);
      await db.workspaces.delete(workspaceId);
    }
    await db.workspaces.add(backup.workspace);
    await db.templates.bulkAdd(backup.templates);
    await db.teams.bulkAdd(backup.teams);
    await addAll<PersonRecord>(db.people, backup.people, 5000);
    await db.periods.bulkAdd(backup.periods);
    await db.statuses.bulkAdd(backup.statuses);
    await db.remarks.bulkAdd(backup.remarks);
    await db.calibrations.bulkAdd(backup.calibrations);
    await db.reviews.bulkAdd(backup.reviews);
    await db.reviewSettings.bulkAdd(backup.reviewSettings);
    await db.payBases.bulkAdd(backup.payBases);
    await db.coefficientTables.bulkAdd(backup.coefficientTables);
    if (backup.calibrationTarget) await db.settings.put({ key: calibrationTargetKey(backup.workspace.id), value: backup.calibrationTarget });
    await addAll(db.valueBlocks, backup.valueBlocks);
    await addAll(db.auditLog, backup.audit, 50);
    await writeAudit({ workspaceId: backup.workspace.id, entity: 'workspace', entityId: backup.workspace.id, action: 'restore', field: 'backup', old: null, new: backup.exportedAt });
  });
  await setActiveWorkspaceId(backup.workspace.id);
  return backup.workspace.id;
}

/** Read, check and restore a backup file in one go (tests, and the worker's restore job). */
export async function restoreBackupFile(file: Blob, replacing?: string): Promise<StagedRead & { readonly id?: string }> {
  const read = await readBackupFile(file);
  if (!read.ok) return read;
  const id = await restoreStaged(read.value, replacing);
  return { ...read, id };
}

// ---- automatic backups -------------------------------------------------------------------------

export type BackupListing = Omit<BackupRecord, 'file' | 'data'>;

function listing({ file: _file, data: _data, ...rest }: BackupRecord): BackupListing {
  return rest;
}

/**
 * Which automatic backups to drop: beyond `kept` per workspace, then the oldest while all of them
 * together take more than `budget` bytes — never the newest of a workspace.
 */
export function backupsToDrop(backups: readonly BackupListing[], kept = AUTOMATIC_BACKUPS_KEPT, budget = AUTOMATIC_BACKUP_BUDGET): number[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0));
  const seen = new Map<string, number>();
  const drop = new Set<number>();
  const newest = new Set<number>();
  for (const backup of newestFirst) {
    const n = (seen.get(backup.workspaceId) ?? 0) + 1;
    seen.set(backup.workspaceId, n);
    if (n === 1) newest.add(backup.id!);
    if (n > kept) drop.add(backup.id!);
  }
  let size = newestFirst.filter((b) => !drop.has(b.id!)).reduce((sum, b) => sum + b.size, 0);
  for (const backup of [...newestFirst].reverse()) {
    if (size <= budget) break;
    if (drop.has(backup.id!) || newest.has(backup.id!)) continue;
    drop.add(backup.id!);
    size -= backup.size;
  }
  return [...drop];
}

async function backupBudget(): Promise<number> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.quota) return Math.min(AUTOMATIC_BACKUP_BUDGET, Math.floor(estimate.quota * 0.2));
  } catch {
    // No estimate (tests, old browsers): the fixed budget.
  }
  return AUTOMATIC_BACKUP_BUDGET;
}

/** Keep an automatic backup of a workspace, then rotate (by count per workspace, by total size). */
export async function keepAutomaticBackup(workspaceId: string, reason: BackupRecord['reason']): Promise<void> {
  const file = await writeBackupFile(workspaceId);
  const budget = await backupBudget();
  const db = getDb();
  await db.transaction('rw', db.backups, async () => {
    await db.backups.add({ createdAt: Date.now(), reason, workspaceId, size: file.size, file });
    const all = (await db.backups.toArray()).map(listing);
    const drop = backupsToDrop(all, AUTOMATIC_BACKUPS_KEPT, budget);
    if (drop.length > 0) await db.backups.bulkDelete(drop);
  });
}

/** At most one daily backup per workspace; call on start. */
export async function keepDailyBackup(workspaceId: string, now = Date.now()): Promise<boolean> {
  const latest = await getDb().backups.where('workspaceId').equals(workspaceId).last();
  if (latest && now - latest.createdAt < 86_400_000) return false;
  await keepAutomaticBackup(workspaceId, 'daily');
  return true;
}

export async function listBackups(workspaceId: string): Promise<BackupListing[]> {
  const backups = await getDb().backups.where('workspaceId').equals(workspaceId).reverse().toArray();
  return backups.map(listing);
}

/** Every automatic backup kept in this browser (all workspaces), newest first, without the data. */
export async function listAllBackups(): Promise<BackupListing[]> {
  const backups = await getDb().backups.orderBy('createdAt').reverse().toArray();
  return backups.map(listing);
}

/** One automatic backup as a file to download (version 1 ones as the JSON they were kept as). */
export async function getBackupFile(id: number): Promise<{ readonly file: Blob; readonly extension: '.jsonl.gz' | '.json' } | undefined> {
  const record = await getDb().backups.get(id);
  if (!record) return undefined;
  if (record.file) return { file: record.file, extension: '.jsonl.gz' };
  if (record.data !== undefined) return { file: new Blob([record.data], { type: 'application/json' }), extension: '.json' };
  return undefined;
}

export interface WorkspaceSummary {
  readonly name: string;
  readonly people: number;
  readonly periods: number;
  readonly entries: number;
  readonly templates: number;
}

/** What a restore would replace, for the question asked before it. */
export async function workspaceSummary(workspaceId: string): Promise<WorkspaceSummary | undefined> {
  const db = getDb();
  return db.transaction('r', [db.workspaces, db.people, db.periods, db.templates], async () => {
    const workspace: WorkspaceRecord | undefined = await db.workspaces.get(workspaceId);
    if (!workspace) return undefined;
    const [people, periods, templates] = await Promise.all([
      db.people.where('workspaceId').equals(workspaceId).count(),
      db.periods.where('workspaceId').equals(workspaceId).toArray(),
      db.templates.where('workspaceId').equals(workspaceId).count(),
    ]);
    return { name: workspace.name, people, periods: periods.length, entries: periods.reduce((n, p) => n + (p.values ?? 0), 0), templates };
  });
}

export type { BackupSummary as StagedSummary };
export { summarize };
