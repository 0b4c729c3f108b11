// Issue 11: storage for a 2,000–10,000-person call centre (`npm run bench store`). Headless
// Chromium with a real profile on disk (a persistent context in bench/out/store-profile, made
// anew each run), the app built with a seed page beside it (bench/store-seed.html: same origin,
// same IndexedDB). Every figure is printed with its target and, where one exists, as a ratio
// against raw IndexedDB doing the same bytes in the same run:
// - import 10,000 people (new) × 40 inputs × 2 roles = 800,000 values through applyImport;
// - open 评分 for that period after a reload: navigation → first rows on screen;
// - 看板 for that period after a reload: navigation → ranking and charts drawn;
// - bytes in IndexedDB per value (navigator.storage.estimate and the profile's folder on disk);
// - typing one value → the row's total and rank repainted (baseline: the 12-person example);
// - backup and restore of 12 such months (9.6 million values): time and file size.
import { createServer, type Server } from 'node:http';
import { readFile, rm, stat, readdir } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Page } from '@playwright/test';
import { editToRank } from './lib/sheet-page';
import { scoringTemplate } from './lib/workload';
import { BLOCK_SIZE } from '../src/store/value-blocks';

const PEOPLE = Number(process.env.KAOHE_BENCH_PEOPLE ?? 10_000);
const MONTHS = Number(process.env.KAOHE_BENCH_MONTHS ?? 12);
const PORT = Number(process.env.KAOHE_BENCH_PORT ?? 4191);
const RUNS = 3;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(repo, 'bench/out/store');
const profileDir = resolve(repo, 'bench/out/store-profile');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (path.endsWith('/')) path = join(path, 'index.html');
    const file = join(root, path);
    try {
      if (!file.startsWith(root) || !(await stat(file)).isFile()) throw new Error('not found');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(PORT, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${PORT}/` };
}

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/bash' }).toString().trim();
}

/** Bytes of the profile's IndexedDB folder (all origins: only ours writes there). */
async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await diskBytes(path);
    else total += (await stat(path)).size;
  }
  return total;
}

/** Milliseconds from navigation until the sheet's first rows are painted (the app's own mark). */
async function openRate(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page.waitForFunction(() => performance.getEntriesByName('kaohe:sheet-rendered').at(-1)?.startTime ?? false, undefined, { timeout: 300_000, polling: 'raf' });
  return Number(await handle.jsonValue());
}

/** Milliseconds from navigation until the ranking and charts are drawn, and when the sheet arrived and how long scoring took. */
async function openDashboard(page: Page, url: string): Promise<{ ms: number; readAt: number; scoreMs: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('[data-testid="ranking"] tbody tr').length;
      const boxes = [...document.querySelectorAll<HTMLElement>('.chart-box')];
      if (rows === 0 || boxes.length < 4 || !boxes.every((box) => box.dataset.ready === 'true')) return false;
      return {
        ms: performance.now(),
        readAt: performance.getEntriesByName('kaohe:dashboard:sheet-read').at(-1)?.startTime ?? 0,
        scoreMs: performance.getEntriesByName('kaohe:dashboard:score').at(-1)?.duration ?? 0,
      };
    },
    undefined,
    { polling: 'raf', timeout: 300_000 },
  );
  return (await handle.jsonValue()) as { ms: number; readAt: number; scoreMs: number };
}

type Bench = NonNullable<Window['kaoheStoreBench']>;

/** The raw IndexedDB baseline in a profile of its own: times, and its bytes on disk after a restart. */
async function rawInOwnProfile(seedUrl: string, records: number, valuesPerRecord: number): Promise<{ writeMs: number; readMs: number; diskBytes: number }> {
  const dir = resolve(repo, 'bench/out/store-raw-profile');
  await rm(dir, { recursive: true, force: true });
  const open = () => chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'] });
  const context = await open();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(seedUrl);
  await page.waitForFunction(() => window.kaoheStoreBench !== undefined);
  const raw = await page.evaluate(({ records, valuesPerRecord }) => window.kaoheStoreBench!.rawBaseline(records, valuesPerRecord), { records, valuesPerRecord });
  await context.close();
  return { writeMs: raw.writeMs, readMs: raw.readMs, diskBytes: await diskBytes(join(dir, 'Default', 'IndexedDB')) };
}

export async function run(): Promise<void> {
  await build({
    root: repo,
    configFile: resolve(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: { app: resolve(repo, 'index.html'), seed: resolve(repo, 'bench/store-seed.html') } } },
  });
  await rm(profileDir, { recursive: true, force: true });
  const { server, base } = await serve(outDir);
  const launch = () =>
    chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'],
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
  let context = await launch();
  const idbDir = join(profileDir, 'Default', 'IndexedDB');
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    const watch = (p: Page) => {
      // tsx keeps function names with a `__name` helper that does not exist in the page.
      void p.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      p.on('pageerror', (error) => errors.push(error.message));
      p.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
    };
    watch(page);
    const seedUrl = `${base}bench/store-seed.html`;
    const call = async <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> => {
      if (!page.url().startsWith(seedUrl)) {
        await page.goto(seedUrl);
        await page.waitForFunction(() => window.kaoheStoreBench !== undefined);
      }
      return page.evaluate(({ name, args }) => (window.kaoheStoreBench![name] as (...a: unknown[]) => unknown)(...args), { name, args }) as Promise<Awaited<ReturnType<Bench[K]>>>;
    };

    // The app's first start creates the database (and the example workspace) in this profile.
    await page.goto(`${base}index.html#/rate`);
    await page.getByTestId('workspace-name').filter({ hasNotText: /正在打开/ }).waitFor();
    const exampleRate = `${base}index.html#/rate`;
    const exampleTimes: number[] = [];
    await openRate(page, exampleRate);
    for (let i = 0; i < RUNS; i++) exampleTimes.push(await openRate(page, exampleRate));
    const exampleEdit = await editToRank(page, 'entry:supervisor:satisfaction_score', 8);

    // 1. Import month 1: people new. The baseline runs in a profile of its own (its bytes on disk
    // are counted apart), in the same run.
    const diskBefore = await diskBytes(idbDir);
    const first = await call('importFirstMonth', PEOPLE);
    const blocks = Math.ceil(PEOPLE / BLOCK_SIZE) * 80;
    const raw = await rawInOwnProfile(`${seedUrl}`, blocks, Math.round(first.values / blocks));
    console.log(`store: ${PEOPLE} people × 40 inputs × 2 roles = ${first.values.toLocaleString('en')} values`);
    console.log(
      `import (people new): ${s(first.ms)} (target < 10 s) ${verdict(first.ms < 10_000)} — raw IndexedDB writing the same bytes: ${s(raw.writeMs)} (${(first.ms / raw.writeMs).toFixed(1)}×);` +
        ` ${first.progressEvents} progress reports; long tasks ${first.longTasks}, longest ${first.longestTask.toFixed(0)} ms`,
    );

    // 2 and 3: open the period after a reload (a new document each time; chunks cached, as on a second visit).
    const rateUrl = `${base}index.html#/rate?period=${first.periodId}`;
    await openRate(page, rateUrl);
    const rateTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) rateTimes.push(await openRate(page, rateUrl));
    const rate = median(rateTimes);
    console.log(
      `open 评分 after reload, first rows on screen: ${rate.toFixed(0)} ms (target < 1,000) ${verdict(rate < 1000)} — raw IndexedDB reading the same bytes: ${raw.readMs.toFixed(0)} ms (${(rate / raw.readMs).toFixed(1)}×);` +
        ` the 12-person example: ${median(exampleTimes).toFixed(0)} ms (runs: ${rateTimes.map((t) => t.toFixed(0)).join(', ')})`,
    );
    // A percent scored by bands between 75% and 105%: typing 60 ↔ 99 moves the total and the rank.
    const percentInput = scoringTemplate(3).inputs.slice(0, 40).find((input) => input.type === 'percent')!;
    const bigEdit = await editToRank(page, `entry:supervisor:${percentInput.id}`, 8);
    if (bigEdit.length > 0) {
      console.log(
        `typing one value → total and rank on screen: ${median(bigEdit).toFixed(1)} ms median, worst ${Math.max(...bigEdit).toFixed(1)} ms (was 7–23 ms)` +
          (exampleEdit.length > 0 ? `; the 12-person example: ${median(exampleEdit).toFixed(1)} ms (${(median(bigEdit) / median(exampleEdit)).toFixed(1)}×)` : ''),
      );
    }
    const dashUrl = `${base}index.html#/dashboard?period=${first.periodId}`;
    await openDashboard(page, dashUrl);
    const dashRuns: { ms: number; readAt: number; scoreMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) dashRuns.push(await openDashboard(page, dashUrl));
    const dash = median(dashRuns.map((run) => run.ms));
    console.log(
      `看板 after reload: ${dash.toFixed(0)} ms (target < 1,500) ${verdict(dash < 1500)} — ${(dash / raw.readMs).toFixed(1)}× the raw read (runs: ${dashRuns.map((run) => run.ms.toFixed(0)).join(', ')});` +
        ` the sheet read by ${median(dashRuns.map((run) => run.readAt)).toFixed(0)} ms, scoring ${median(dashRuns.map((run) => run.scoreMs)).toFixed(0)} ms, the rest drawing`,
    );

    // 4. Bytes per value: what the browser counts for the origin, and the folder on disk after a restart.
    const perValue = (first.usageAfter - first.usageBefore) / first.values;
    await context.close();
    const onDisk = (await diskBytes(idbDir)) - diskBefore;
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    watch(page);
    const rawPerValue = raw.diskBytes / first.values;
    console.log(
      `bytes in IndexedDB per value: ${(onDisk / first.values).toFixed(1)} on disk after a restart (target < 40) ${verdict(onDisk / first.values < 40)}, ${perValue.toFixed(1)} by storage.estimate` +
        ` (values, the import's audit record, 10,000 people) — raw IndexedDB holding the same typed arrays: ${rawPerValue.toFixed(1)} on disk (${(onDisk / first.values / rawPerValue).toFixed(1)}×)`,
    );

    // 5. Eleven more months, then backup and restore of the whole workspace.
    let imported = first.values;
    const monthTimes: number[] = [];
    for (let month = 2; month <= MONTHS; month++) {
      const next = await call('importMonth', first.workspaceId, month);
      imported += next.values;
      monthTimes.push(next.ms);
    }
    if (monthTimes.length > 0) console.log(`months 2–${MONTHS} imported over existing people: median ${s(median(monthTimes))} each; ${imported.toLocaleString('en')} values in all`);
    const rawAll = await call('rawReadAll');
    const round = await call('backupAndRestore', first.workspaceId);
    if (round.restoredValues !== round.values) throw new Error(`restore lost values: ${round.restoredValues} of ${round.values}`);
    console.log(
      `backup of ${MONTHS} months (${round.values.toLocaleString('en')} values): ${s(round.backupMs)} (target < 60 s) ${verdict(round.backupMs < 60_000)}, file ${mb(round.fileBytes)} (target < 100 MB) ${verdict(round.fileBytes < 100 * 1024 * 1024)}` +
        ` — raw IndexedDB reading the same ${rawAll.records.toLocaleString('en')} records: ${s(rawAll.ms)} (${(round.backupMs / rawAll.ms).toFixed(1)}×)`,
    );
    console.log(`restore: read and check ${s(round.readMs)}, write in one transaction ${s(round.restoreMs)} (${s(round.readMs + round.restoreMs)} in all); every value back (${round.restoredValues.toLocaleString('en')})`);
    await context.close();
    console.log(`the profile's IndexedDB after ${MONTHS} months: ${mb(await diskBytes(idbDir))} (${((await diskBytes(idbDir)) / imported).toFixed(1)} bytes per value)`);
    context = await launch();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
