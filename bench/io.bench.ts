// Import and export at scale: 100,000 people × 20 columns of CSV parsed, validated and stored
// (fake-indexeddb in Node), and the same sheet exported as xlsx with live formulas. Each figure is
// printed against the library doing the bare job on the same data in the same run: papaparse
// parsing the text, SheetJS writing the same values. Every figure is the median of several runs
// (QUICK_RUNS, SLOW_RUNS, STORE_RUNS). Rows: KAOHE_BENCH_ROWS (default 100,000).
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { readCsv } from '../src/io/csv-read';
import { autoMap, matchIndex } from '../src/io/mapping';
import { entryTargets } from '../src/io/targets';
import { validateImport } from '../src/io/validate';
import { batchSize, entriesOf } from '../src/io/entry-batch';
import { exportScoresXlsx } from '../src/io/export-xlsx';
import { scoredGrid, type PeriodExport } from '../src/io/scored-grid';
import type { Template } from '../src/scoring/model';
import type { SheetEntry } from '../src/scoring/sheet-types';
import { openDb, useDb } from '../src/store/db';
import { applyImport } from '../src/store/imports';
import { seededRandom } from '../src/scoring/samples';
import type { PersonRecord, TemplateRecord } from '../src/store/records';
import type { RawTable } from '../src/io/table';
import type { ImportContext, ImportPlan } from '../src/io/validate';
import type { MatchIndex } from '../src/io/mapping';
import { getHeapStatistics } from 'node:v8';
import { storeInChromium, type BrowserStore } from './browser-store';
import { collect, median } from './lib/timing';

const ROWS = Number(process.env.KAOHE_BENCH_ROWS ?? 100_000);
/** Runs of each parsing step (under a second each); the median is reported. */
const QUICK_RUNS = 5;
/** Runs of each export step (seconds each at 100,000 rows); the median is reported. */
const SLOW_RUNS = 3;
/** Runs of each store (a fresh database each time); the median is reported. */
const STORE_RUNS = 3;
/** 工号, 姓名 and 18 indicators scored 0–10. */
const INDICATORS = 18;

function benchTemplate(): Template {
  const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
    id: `k${i + 1}`,
    name: `指标${i + 1}`,
    quantitative: false,
    max: 10,
    rule: { kind: 'direct' as const },
  }));
  return {
    id: 'bench',
    version: 1,
    name: '基准考核表',
    description: '',
    periodKind: 'month',
    inputs: [],
    sections: [{ id: 's', name: '合计', combine: 'sum', indicators }],
    total: { kind: 'sum' },
    grades: [
      { label: '优秀', min: 150, minInclusive: true },
      { label: '合格', min: 90, minInclusive: true },
      { label: '不合格', min: null, minInclusive: true },
    ],
    roles: [{ role: 'supervisor', weight: 1 }],
    rankTies: 'competition',
  };
}

function csvText(template: Template): string {
  const random = seededRandom(7);
  const names = template.sections[0]!.indicators.map((indicator) => indicator.name);
  const lines = [['工号', '姓名', ...names].join(',')];
  for (let r = 0; r < ROWS; r++) {
    const values = names.map(() => String(Math.floor(random() * 11)));
    lines.push([`E${String(r + 1).padStart(6, '0')}`, `员工${r + 1}`, ...values].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Median milliseconds of `runs` calls, with a collection before each so one run's garbage is not
 * billed to the next; the value is the last run's. The first run's warm-up is one sample of several.
 */
function medianOf<T>(runs: number, work: () => T): { value: T; ms: number } {
  const samples: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    collect();
    const start = performance.now();
    value = work();
    samples.push(performance.now() - start);
  }
  return { value: value as T, ms: median(samples) };
}

/** The longest stretch the event loop was blocked while `work` ran (10 ms ticks). */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; blockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, blockMs: Math.max(longest, performance.now() - last - 10) };
  } finally {
    clearInterval(timer);
  }
}

function line(label: string, ms: number, baseline?: { name: string; ms: number }, target?: number): void {
  const ratio = baseline ? ms / baseline.ms : undefined;
  const verdict = ratio !== undefined && target !== undefined ? (ratio <= target ? `  ✓ target ≤ ${target}×` : `  ✗ target ≤ ${target}×`) : '';
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${ratio !== undefined ? `   ${ratio.toFixed(2)}× ${baseline!.name}` : ''}${verdict}`);
}

interface Setup {
  readonly template: Template;
  readonly people: PersonRecord[];
  readonly context: ImportContext;
  readonly index: MatchIndex;
}

function setup(): Setup {
  const template = benchTemplate();
  const people: PersonRecord[] = Array.from({ length: ROWS }, (_, r) => ({
    id: `p${r + 1}`,
    workspaceId: 'w',
    employeeNo: `E${String(r + 1).padStart(6, '0')}`,
    name: `员工${r + 1}`,
    teamId: '',
    position: '',
    archived: 0,
    createdAt: r,
    seq: r + 1,
  }));
  const context = { template, periodKey: '2026-11', periodKind: 'month' as const, people: people.map(({ id, name, employeeNo }) => ({ id, name, employeeNo })) };
  return { template, people, context, index: matchIndex(entryTargets(template), template) };
}

/** Parse and validate against papaparse; returns the table, the plan and the time taken. */
function importSection({ template, context, index }: Setup): { table: RawTable; plan: ImportPlan; ms: number; papa: number } {
  const text = csvText(template);
  const bytes = new TextEncoder().encode(text);
  console.log(`${ROWS.toLocaleString('en')} rows × ${INDICATORS + 2} columns, ${(bytes.length / 1024 / 1024).toFixed(1)} MB of CSV; each parsing figure is the median of ${QUICK_RUNS} runs`);
  const papa = medianOf(QUICK_RUNS, () => Papa.parse<string[]>(text, { skipEmptyLines: false }));
  line('papaparse alone: text → rows of strings', papa.ms);
  // What an importer built on papaparse alone would call: header row, numbers typed.
  const papaTyped = medianOf(QUICK_RUNS, () => Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true }));
  line('papaparse alone: header + dynamicTyping', papaTyped.ms);
  const parsed = medianOf(QUICK_RUNS, () => {
    const read = readCsv('bench.csv', bytes);
    if (!read.ok) throw new Error(read.problem.code);
    return read.table;
  });
  const validated = medianOf(QUICK_RUNS, () => validateImport(parsed.value, autoMap(parsed.value.rows[0]!, index, 0), context));
  const plan = validated.value;
  if (plan.errorCount > 0 || batchSize(plan.entries) !== ROWS * INDICATORS) throw new Error(`unexpected plan: ${plan.errorCount} errors, ${batchSize(plan.entries)} values`);
  line('ours: decode + parse (readCsv)', parsed.ms, { name: 'papaparse strings', ms: papa.ms });
  line('ours: decode + parse + map + validate', parsed.ms + validated.ms, { name: 'papaparse strings', ms: papa.ms }, 2);
  line('', parsed.ms + validated.ms, { name: 'papaparse typed', ms: papaTyped.ms }, 2);
  return { table: parsed.value, plan, ms: parsed.ms + validated.ms, papa: papa.ms };
}

/** Export the same sheet: scored, formulas written, frozen header; against SheetJS writing it. */
function exportSection({ template, people }: Setup, plan: ImportPlan): void {
  const entries: SheetEntry[] = entriesOf(plan.entries).map((e) => ({ personId: e.person, key: e.key, role: e.role, value: e.value }));
  const data: PeriodExport = {
    template,
    templateId: 'bench@1',
    periodId: 'm',
    periodKey: '2026-11',
    periodKind: 'month',
    periodLabel: '2026年11月',
    workspaceName: 'bench',
    people: people.map(({ id, name, employeeNo }) => ({ id, name, employeeNo })),
    input: { people: people.map(({ id, name }) => ({ id, name })), entries },
    locale: 'zh-CN',
    exportedAt: '2026-12-01 09:00',
  };
  console.log(`export: each figure is the median of ${SLOW_RUNS} runs`);
  const scoring = medianOf(SLOW_RUNS, () => scoredGrid(data));
  const grid = scoring.value;
  const aoa = [grid.layout.columns.map((column) => column.header), ...grid.rows.map((row) => row.values.map((value) => (typeof value === 'object' && value !== null ? null : value)))];
  const sheetjs = medianOf(SLOW_RUNS, () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(aoa, { dense: true }), 'S');
    const bytes: ArrayBuffer = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
    return bytes;
  });
  line(`SheetJS alone: ${grid.layout.columns.length} columns of values`, sheetjs.ms);
  const ours = medianOf(SLOW_RUNS, () => exportScoresXlsx(data));
  line('ours: export xlsx (score, formulas, sheets, patch)', ours.ms, { name: 'SheetJS values', ms: sheetjs.ms }, 1.5);
  // The same file: SheetJS writing exactly the workbook we make (read back from our bytes).
  const same = XLSX.read(ours.value, { type: 'array', dense: true, cellFormula: true, cellNF: true, cellStyles: true });
  const sheetjsSame = medianOf(SLOW_RUNS, () => {
    const bytes: ArrayBuffer = XLSX.write(same, { type: 'array', bookType: 'xlsx', compression: true });
    return bytes;
  });
  line('SheetJS alone: writing the same workbook', sheetjsSame.ms);
  line('', ours.ms, { name: 'SheetJS same file', ms: sheetjsSame.ms }, 1.5);
  line('ours without scoring the period (the core)', ours.ms - scoring.ms, { name: 'SheetJS same file', ms: sheetjsSame.ms }, 1.5);
  console.log(`  scoring the period (createSheet, also done for the page): ${scoring.ms.toFixed(0)} ms`);
  console.log(`  sizes: ours ${(ours.value.byteLength / 1024 / 1024).toFixed(1)} MB with ${grid.rows.length * 4} formulas; SheetJS values only ${(sheetjs.value.byteLength / 1024 / 1024).toFixed(1)} MB`);
}

function templateRecord(template: Template): TemplateRecord {
  return { id: 'bench@1', workspaceId: 'w', familyId: 'bench', version: 1, body: template, changeNote: '', createdAt: 0, updatedAt: 0, deletedAt: 0 };
}

/**
 * Store: one audited transaction into a database that has the people, on fake-indexeddb (a
 * pure-JS IndexedDB, all in memory: two million values and their audit records need about 6 GB
 * of heap, so with less the first 20,000 rows are stored and the figure is per value).
 */
async function storeSection({ template, people, context, index }: Setup, table: RawTable, plan: ImportPlan, imported: { ms: number; papa: number }): Promise<void> {
  const heapGb = getHeapStatistics().heap_size_limit / 1024 ** 3;
  const rows = heapGb >= 6 ? ROWS : Math.min(ROWS, 20_000);
  const batch = rows === ROWS ? plan.entries : validateImport({ ...table, rows: table.rows.slice(0, rows + 1) }, autoMap(table.rows[0]!, index, 0), context).entries;
  const runs: { ms: number; blockMs: number }[] = [];
  for (let run = 0; run < STORE_RUNS; run++) {
    // A fresh database each run: the same import into the same empty period.
    const db = openDb(`kaohe-bench-${process.pid}-${run}`);
    useDb(db);
    await db.workspaces.add({ id: 'w', name: 'bench', example: false, createdAt: 0, updatedAt: 0 });
    await db.templates.add(templateRecord(template));
    await db.periods.add({ id: 'm', workspaceId: 'w', kind: 'month', key: '2026-11', templateId: 'bench@1', teamId: '', locked: 0, createdAt: 0 });
    await db.people.bulkAdd(people.slice(0, rows));
    collect();
    const stored = await longestBlock(() => applyImport('m', [], batch));
    if (stored.value.changed !== rows * INDICATORS) throw new Error(`stored ${stored.value.changed} values`);
    runs.push({ ms: stored.ms, blockMs: stored.blockMs });
    db.close();
    await db.delete();
  }
  const stored = { ms: median(runs.map((run) => run.ms)), blockMs: median(runs.map((run) => run.blockMs)) };
  console.log(`store: each figure is the median of ${STORE_RUNS} runs, a fresh database each`);
  const perValue = stored.ms / (rows * INDICATORS);
  if (rows === ROWS) {
    line('ours: store (one audited transaction, fake-indexeddb)', stored.ms);
    line('ours: parse + validate + store', imported.ms + stored.ms, { name: 'papaparse strings', ms: imported.papa }, 2);
  } else {
    line(`ours: store ${rows.toLocaleString('en')} rows (fake-indexeddb, ${heapGb.toFixed(1)} GB heap)`, stored.ms);
    console.log(`  ${(perValue * 1000).toFixed(1)} µs per value with its audit record; all ${ROWS.toLocaleString('en')} rows ≈ ${((perValue * ROWS * INDICATORS) / 1000).toFixed(0)} s (NODE_OPTIONS=--max-old-space-size=8192 stores them all)`);
  }
  console.log(`  longest event-loop block while storing: ${stored.blockMs.toFixed(0)} ms`);
}

/** The page while storing on a real IndexedDB (Chromium): its long tasks, from 1,000 rows. */
async function browserSection({ template, people, context, index }: Setup, table: RawTable): Promise<void> {
  if (process.env.KAOHE_BENCH_BROWSER === '0') return;
  const rows = Math.min(ROWS, 1_000);
  const slice = validateImport({ ...table, rows: table.rows.slice(0, rows + 1) }, autoMap(table.rows[0]!, index, 0), context);
  const runs = await storeInChromium(templateRecord(template), people.slice(0, rows), slice.entries, STORE_RUNS);
  if (!runs) {
    console.log('  (no Chromium found: the real-IndexedDB check is skipped)');
    return;
  }
  const changed = runs.map((run) => run.changed);
  if (changed.some((count) => count !== batchSize(slice.entries))) throw new Error(`Chromium stored ${changed.join(', ')} values`);
  const of = (figure: (run: BrowserStore) => number) => median(runs.map(figure));
  console.log(`Chromium: each figure is the median of ${runs.length} runs, a fresh database each`);
  line(`ours: store ${batchSize(slice.entries).toLocaleString('en')} values in Chromium's IndexedDB`, of((run) => run.ms));
  console.log(
    `  meanwhile the page had ${of((run) => run.longTasks)} tasks over 50 ms, the longest ${of((run) => run.longestTaskMs).toFixed(0)} ms (writes go in chunks of 1,000 in one transaction)`,
  );
}

export async function run(): Promise<void> {
  const base = setup();
  const imported = importSection(base);
  collect();
  exportSection(base, imported.plan);
  collect();
  await storeSection(base, imported.table, imported.plan, imported);
  collect();
  await browserSection(base, imported.table);
}
