// A page built beside the app (same origin, so the same IndexedDB) for bench/store.bench.ts: it
// imports a call centre's months through the store's own applyImport (the path the import wizard
// takes), backs the workspace up and restores it with the store's own functions, and does the same
// bytes with raw IndexedDB as the baseline. Times are taken in the page.
import { applyImport, createPeriod, createTemplate, createWorkspace, setActiveWorkspaceId, listPeople, type ImportedEntries, type ImportedPerson } from '../src/store/index';
import { openDb, useDb, getDb } from '../src/store/db';
import { valueBlocksOf } from '../src/store/entries';
import { blocksToColumns, loadPeriodSheet } from '../src/store/sheets';
import { readBackupFile, restoreStaged, writeBackupFile } from '../src/store/backup';
import { scoringTemplate } from './lib/workload';
import { GRID_TEMPLATE } from './lib/grid-template';
import { plausibleValue, seededRandom } from '../src/scoring/samples';
import type { RaterRole, Template } from '../src/scoring/model';

const INPUTS = 40;
const ROLES: readonly RaterRole[] = ['self', 'supervisor'];

function template(): Template {
  return { ...scoringTemplate(3), id: 'bench.store', name: '话务中心考核表', roles: [{ role: 'self', weight: 0.3 }, { role: 'supervisor', weight: 0.7 }] };
}

/**
 * The 40 inputs each person gets a value for: every input the scores need (a blank ratio target
 * would make every total #DIV/0!), then counts; the other counts stay blank (no deduction).
 */
function benchInputs() {
  const all = template().inputs;
  return [...all.filter((input) => input.type !== 'count'), ...all.filter((input) => input.type === 'count')].slice(0, INPUTS);
}

/** 40 inputs × 2 roles for `people` people: person refs (new:i or ids), packed as the io worker hands them over. */
function batch(people: readonly string[], seed: number): ImportedEntries {
  const inputs = benchInputs();
  const random = seededRandom(seed);
  const count = people.length * inputs.length * ROLES.length;
  const person = new Uint32Array(count);
  const target = new Uint32Array(count);
  const rater = new Uint32Array(count);
  const numbers = new Float64Array(count);
  const texts = new Map<number, string>();
  let i = 0;
  for (let p = 0; p < people.length; p++) {
    for (let t = 0; t < inputs.length * ROLES.length; t++) {
      const value = plausibleValue(inputs[t % inputs.length]!, random);
      person[i] = p;
      target[i] = t;
      if (typeof value === 'number') numbers[i] = value;
      else {
        numbers[i] = Number.NaN;
        texts.set(i, String(value));
      }
      i++;
    }
  }
  const targets = ROLES.flatMap((role) => inputs.map((input) => ({ key: input.id, role })));
  return { people, targets, raters: [''], person, target, rater, numbers, texts };
}

interface LongTasks {
  stop(): { count: number; longest: number };
}

function watchLongTasks(): LongTasks {
  let count = 0;
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count++;
      longest = Math.max(longest, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      observer.disconnect();
      return { count, longest };
    },
  };
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

const PEOPLE_NAME = (i: number) => `话务员${String(i).padStart(5, '0')}`;

/** Month 1: 10,000 new people and their 800,000 values through applyImport. */
async function importFirstMonth(count: number): Promise<{ ms: number; values: number; progressEvents: number; longTasks: number; longestTask: number; workspaceId: string; periodId: string; usageBefore: number; usageAfter: number }> {
  const workspace = await createWorkspace(`话务中心 ${count} 人`);
  const stored = await createTemplate(workspace.id, template());
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-01', templateId: stored.id });
  const newPeople: ImportedPerson[] = Array.from({ length: count }, (_, i) => ({ ref: `new:${i + 1}`, name: PEOPLE_NAME(i + 1), employeeNo: `HW${String(i + 1).padStart(5, '0')}` }));
  const entries = batch(newPeople.map((p) => p.ref), 1);
  const usageBefore = await usage();
  let progressEvents = 0;
  const tasks = watchLongTasks();
  const start = performance.now();
  const result = await applyImport(period.id, newPeople, entries, { onProgress: () => progressEvents++ });
  const ms = performance.now() - start;
  const long = tasks.stop();
  await setActiveWorkspaceId(workspace.id);
  return { ms, values: result.changed, progressEvents, longTasks: long.count, longestTask: long.longest, workspaceId: workspace.id, periodId: period.id, usageBefore, usageAfter: await usage() };
}

/** Months 2…n for the same people (their values imported over existing people). */
async function importMonth(workspaceId: string, month: number): Promise<{ ms: number; values: number; periodId: string }> {
  const stored = (await getDb().templates.where('workspaceId').equals(workspaceId).first())!;
  const period = await createPeriod(workspaceId, { kind: 'month', key: `2026-${String(month).padStart(2, '0')}`, templateId: stored.id });
  const people = (await listPeople(workspaceId)).filter((p) => p.name.startsWith('话务员')).sort((a, b) => a.seq - b.seq);
  const entries = batch(people.map((p) => p.id), month);
  const start = performance.now();
  const result = await applyImport(period.id, [], entries);
  return { ms: performance.now() - start, values: result.changed, periodId: period.id };
}

/** The same bytes as the store holds, written and read with raw IndexedDB (no Dexie, no encoding). */
async function rawBaseline(records: number, valuesPerRecord: number): Promise<{ writeMs: number; readMs: number; bytes: number; usageDelta: number }> {
  const before = await usage();
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const request = indexedDB.open(`raw-${records}-${valuesPerRecord}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blocks');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const random = seededRandom(7);
  const rows = Array.from({ length: records }, () => {
    const num = new Float64Array(valuesPerRecord);
    for (let i = 0; i < valuesPerRecord; i++) num[i] = Math.round(random() * 1000) / 10;
    return { at: Uint16Array.from({ length: valuesPerRecord }, (_, i) => i), num };
  });
  const finished = (tx: IDBTransaction) => new Promise<void>((done, fail) => ((tx.oncomplete = () => done()), (tx.onerror = () => fail(tx.error))));
  let start = performance.now();
  const write = db.transaction('blocks', 'readwrite', { durability: 'default' });
  rows.forEach((row, i) => write.objectStore('blocks').put(row, i));
  await finished(write);
  const writeMs = performance.now() - start;
  start = performance.now();
  const read = db.transaction('blocks', 'readonly');
  const all = await new Promise<unknown[]>((done) => {
    const request = read.objectStore('blocks').getAll();
    request.onsuccess = () => done(request.result as unknown[]);
  });
  const readMs = performance.now() - start;
  if (all.length !== records) throw new Error('raw read lost records');
  const usageDelta = (await usage()) - before;
  db.close();
  return { writeMs, readMs, bytes: records * valuesPerRecord * 10, usageDelta };
}

/** Back the workspace up (as the backup worker does) and restore the file into another database. */
async function backupAndRestore(workspaceId: string): Promise<{ backupMs: number; fileBytes: number; readMs: number; restoreMs: number; values: number; restoredValues: number }> {
  const start = performance.now();
  const file = await writeBackupFile(workspaceId);
  const backupMs = performance.now() - start;
  const values = (await getDb().periods.where('workspaceId').equals(workspaceId).toArray()).reduce((n, p) => n + (p.values ?? 0), 0);
  const original = getDb();
  const target = openDb('kaohe-restored');
  useDb(target);
  try {
    let at = performance.now();
    const read = await readBackupFile(file);
    const readMs = performance.now() - at;
    if (!read.ok) throw new Error(`backup did not read: ${JSON.stringify(read.problems.slice(0, 3))}`);
    at = performance.now();
    await restoreStaged(read.value);
    const restoreMs = performance.now() - at;
    const restoredValues = (await target.periods.where('workspaceId').equals(workspaceId).toArray()).reduce((n, p) => n + (p.values ?? 0), 0);
    return { backupMs, fileBytes: file.size, readMs, restoreMs, values, restoredValues };
  } finally {
    target.close();
    await target.delete();
    useDb(original);
  }
}

/** Raw IndexedDB reading every record of the workspace's values and audit (what a backup must read). */
async function rawReadAll(): Promise<{ ms: number; records: number }> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const request = indexedDB.open('kaohe');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const start = performance.now();
  const tx = db.transaction(['valueBlocks', 'auditLog'], 'readonly');
  const count = async (name: string) =>
    new Promise<number>((done) => {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => done((request.result as unknown[]).length);
    });
  const records = (await count('valueBlocks')) + (await count('auditLog'));
  const ms = performance.now() - start;
  db.close();
  return { ms, records };
}

/**
 * The rating-sheet bench's team (bench/grid.bench.ts): `count` new people in 20 teams, every input
 * of GRID_TEMPLATE by all three roles, imported through applyImport like a file.
 */
async function seedGrid(count: number): Promise<{ workspaceId: string; periodId: string; values: number; ms: number }> {
  const workspace = await createWorkspace(`基准测试 ${count} 人`);
  const stored = await createTemplate(workspace.id, GRID_TEMPLATE);
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-11', templateId: stored.id });
  const inputs = GRID_TEMPLATE.inputs.filter((input) => !input.formula && input.scope !== 'team');
  const newPeople: ImportedPerson[] = Array.from({ length: count }, (_, i) => ({ ref: `new:${i + 1}`, name: `员工${i + 1}`, employeeNo: `B${String(i + 1).padStart(5, '0')}` }));
  const random = seededRandom(20261123);
  const targets = GRID_TEMPLATE.roles.flatMap(({ role }) => inputs.map((input) => ({ key: input.id, role })));
  const person: number[] = [];
  const target: number[] = [];
  const numbers: number[] = [];
  const texts = new Map<number, string>();
  for (let p = 0; p < count; p++) {
    targets.forEach((_, t) => {
      const value = plausibleValue(inputs[t % inputs.length]!, random);
      if (value === null) return;
      if (typeof value !== 'number') texts.set(numbers.length, String(value));
      person.push(p);
      target.push(t);
      numbers.push(typeof value === 'number' ? value : Number.NaN);
    });
  }
  const entries: ImportedEntries = { people: newPeople.map((p) => p.ref), targets, raters: [''], person, target, rater: person.map(() => 0), numbers, texts };
  const start = performance.now();
  const result = await applyImport(period.id, newPeople, entries);
  const ms = performance.now() - start;
  await setActiveWorkspaceId(workspace.id);
  return { workspaceId: workspace.id, periodId: period.id, values: result.changed, ms };
}

/** Where reading a period goes: people, value blocks, columns, the whole loadPeriodSheet. */
async function timeReadParts(periodId: string): Promise<Record<string, number>> {
  const db = getDb();
  const period = (await db.periods.get(periodId))!;
  const times: Record<string, number> = {};
  let at = performance.now();
  const people = await db.people.where('workspaceId').equals(period.workspaceId).toArray();
  times.people = performance.now() - at;
  at = performance.now();
  const blocks = await valueBlocksOf(periodId);
  times.blocks = performance.now() - at;
  at = performance.now();
  const idOf = new Map(people.map((p) => [p.seq, p.id]));
  blocksToColumns(blocks, idOf);
  times.columns = performance.now() - at;
  at = performance.now();
  await loadPeriodSheet(periodId);
  times.loadPeriodSheet = performance.now() - at;
  return times;
}

const bench = { timeReadParts, importFirstMonth, importMonth, rawBaseline, backupAndRestore, rawReadAll, usage, seedGrid };

declare global {
  interface Window {
    kaoheStoreBench?: typeof bench;
  }
}

window.kaoheStoreBench = bench;
document.getElementById('status')!.textContent = 'ready';
