// The rating sheet's speed in headless Chromium, on the real app (`npm run bench grid`):
// - first render of a 10,000-person sheet of 63 columns (data in memory → rows on screen), with
//   reading from IndexedDB and scoring shown apart (the big team's values are generated in the
//   page, see src/ui/rate/bench-seed.ts; the read rate is measured on a smaller stored team);
// - a keystroke in an input cell → the updated total and rank painted;
// - frame times while scrolling down and sideways.
// The app is built with `--mode bench` into bench/out/dist: that build (only) lets the page seed a
// big team through the store's own functions (src/ui/rate/bench-seed.ts). The 12-person example
// workspace is measured the same way first, as the baseline the ratios are against.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Page } from '@playwright/test';
import { editToRank, openSheet } from './lib/sheet-page';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outDir = resolve(here, 'out/dist');
const PEOPLE = Number(process.env.KAOHE_BENCH_PEOPLE ?? 10_000);
/** People whose values really are written to and read from IndexedDB (for the read rate). */
const STORED_PEOPLE = Number(process.env.KAOHE_BENCH_STORED ?? 300);
const EDITS = 20;
const SCROLL_FRAMES = 240;

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    readFile(file)
      .then((body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body))
      .catch(() => response.writeHead(404).end());
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    done({ server, url: `http://127.0.0.1:${port}/` });
  }));
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;


/** rAF-to-rAF frame times while the sheet scrolls by `dx`, `dy` pixels a frame. */
async function scrollFrames(page: Page, dx: number, dy: number, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ dx, dy, frames }) =>
      new Promise<number[]>((done) => {
        const viewport = document.querySelector<HTMLElement>('[data-testid="rate-grid"] .viewport')!;
        viewport.scrollTop = 0;
        viewport.scrollLeft = 0;
        const deltas: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (last) deltas.push(now - last);
          last = now;
          if (deltas.length >= frames) return done(deltas);
          viewport.scrollTop += dy;
          viewport.scrollLeft += dx;
          if (dx && viewport.scrollLeft + viewport.clientWidth >= viewport.scrollWidth) viewport.scrollLeft = 0;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { dx, dy, frames },
  );
}

export async function run(): Promise<void> {
  await build({ root, mode: 'bench', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { server, url } = await serve(outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });

    // Baseline: the 12-person example workspace, opened and edited the same way.
    const example = await openSheet(page, `${url}#/rate`);
    const exampleEdits = await editToRank(page, 'entry:supervisor:satisfaction_score', EDITS);

    await page.waitForFunction(() => 'kaoheBench' in globalThis);
    const seed = (people: number, stored: number) =>
      page.evaluate(
        ([n, s]) => (globalThis as unknown as { kaoheBench: { seed(n: number, s: number): Promise<{ periodId: string; stored: number }> } }).kaoheBench.seed(n, s),
        [people, stored] as const,
      );

    // Reading stored values: a smaller team with every value in IndexedDB.
    const smallStart = Date.now();
    const small = await seed(STORED_PEOPLE, STORED_PEOPLE);
    const smallSeconds = (Date.now() - smallStart) / 1000;
    const smallOpen = await openSheet(page, `${url}#/rate?period=${small.periodId}`);

    // The big sheet: people and period stored, values generated in the page (see bench-seed.ts).
    const seedStart = Date.now();
    const seeded = await seed(PEOPLE, 0);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const big = await openSheet(page, `${url}#/rate?period=${seeded.periodId}`);
    const bigEdits = await editToRank(page, 'entry:supervisor:satisfaction_score', EDITS);
    // Let the edits' saves finish before timing frames.
    await page.getByText(/^(已保存|Saved)$/).waitFor();
    const down = await scrollFrames(page, 0, 3 * 28, SCROLL_FRAMES);
    const across = await scrollFrames(page, 97, 0, SCROLL_FRAMES);
    const both = await scrollFrames(page, 31, 2 * 28, SCROLL_FRAMES);

    const size = `${big.rows}×${big.columns}`;
    const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}× the ${example.rows}-person example`;
    const perSecond = Math.round(small.stored / (smallOpen.load / 1000));
    const storeMinutes = ((big.rows * 42) / small.stored) * smallSeconds / 60;
    console.log(`grid: setup: ${big.rows} people stored in ${seedSeconds.toFixed(1)} s; their ${big.rows * 42} values generated in the page (storing ${small.stored} values took ${smallSeconds.toFixed(1)} s, so all of them would take ≈ ${storeMinutes.toFixed(0)} min)`);
    console.log(`grid: read ${smallOpen.rows} people with all ${small.stored} values from IndexedDB  ${ms(smallOpen.load)}  (≈ ${perSecond} values/s; ${big.rows} people would take ≈ ${((big.rows * 42) / perSecond).toFixed(1)} s)`);
    console.log(`grid: read ${big.rows} people and the period from IndexedDB  ${ms(big.load)}`);
    console.log(`grid: index and score ${size}              ${ms(big.score)}  (${ratio(big.score, example.score)})`);
    console.log(`grid: first render ${size}  ${ms(big.render)} (target < 300)  (${ratio(big.render, example.render)})`);
    console.log(`grid: page open → rows on screen ${size}   ${ms(big.total)}  (without the ${ms(big.generate)} spent generating values)`);
    const timedOut = bigEdits.filter((time) => Number.isNaN(time)).length;
    if (timedOut > 0) console.log(`grid: ${timedOut} of ${EDITS} edits did not repaint the total within 10 s`);
    const measured = bigEdits.filter((time) => !Number.isNaN(time));
    const edit50 = quantile(measured, 0.5);
    const edit95 = quantile(measured, 0.95);
    console.log(`grid: edit → updated total and rank ${size}  median ${ms(edit50)}, p95 ${ms(edit95)}, max ${ms(Math.max(...measured))} (target < 50)  (${ratio(edit50, quantile(exampleEdits, 0.5))})`);
    for (const [name, frames] of [['down', down], ['sideways', across], ['diagonal', both]] as const) {
      const p95 = quantile(frames, 0.95);
      const fps = 1000 / (frames.reduce((sum, f) => sum + f, 0) / frames.length);
      console.log(`grid: scrolling ${name.padEnd(8)} ${size}  frame p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(p95)}, max ${ms(Math.max(...frames))}, ${fps.toFixed(0)} fps (target p95 < 20 ms)`);
    }
  } catch (error) {
    if (process.env.KAOHE_BENCH_SHOT) await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.KAOHE_BENCH_SHOT });
    throw error;
  } finally {
    await browser.close();
    server.close();
  }
}

// `node --import tsx bench/grid.bench.ts` runs it on its own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
