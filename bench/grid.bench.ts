// The rating sheet's speed in headless Chromium, on the real app (`npm run bench grid`):
// - opening a 10,000-person sheet of 63 columns: reading it, the first rows on screen, scoring;
// - a keystroke in an input cell → the updated total and rank painted;
// - frame times while scrolling down and sideways.
// The app is built as it ships, with the bench's seed page beside it (bench/store-seed.html, same
// origin): the team and all its values are imported through the store's own applyImport. The
// 12-person example workspace is measured the same way first, as the baseline the ratios are against.
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
  // The app and the bench's seed page (same origin, same IndexedDB), built as the app ships.
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, rolldownOptions: { input: { app: resolve(root, 'index.html'), seed: resolve(root, 'bench/store-seed.html') } } } });
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

    // The big team, stored for real: imported through the store from the seed page.
    await page.goto(`${url}bench/store-seed.html`);
    await page.waitForFunction(() => window.kaoheStoreBench !== undefined);
    const seeded = await page.evaluate((people) => window.kaoheStoreBench!.seedGrid(people), PEOPLE);
    const big = await openSheet(page, `${url}#/rate?period=${seeded.periodId}`);
    const bigEdits = await editToRank(page, 'entry:supervisor:satisfaction_score', EDITS);
    // Let the edits' saves finish before timing frames.
    await page.getByText(/^(已保存|Saved)$/).waitFor();
    const down = await scrollFrames(page, 0, 3 * 28, SCROLL_FRAMES);
    const across = await scrollFrames(page, 97, 0, SCROLL_FRAMES);
    const both = await scrollFrames(page, 31, 2 * 28, SCROLL_FRAMES);

    const size = `${big.rows}×${big.columns}`;
    const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}× the ${example.rows}-person example`;
    console.log(`grid: setup: ${big.rows} people and their ${seeded.values.toLocaleString('en')} values imported through the store in ${ms(seeded.ms)}`);
    console.log(`grid: read the period from IndexedDB ${size}  ${ms(big.load)}  (${ratio(big.load, example.load)})`);
    console.log(`grid: read → first rows on screen ${size}  ${ms(big.render)}  (${ratio(big.render, example.render)})`);
    console.log(`grid: page open → rows on screen ${size}   ${ms(big.total)}  (${ratio(big.total, example.total)})`);
    console.log(`grid: score ${size} (after the first rows)  ${ms(big.score)}  (${ratio(big.score, example.score)}); totals and ranks on screen ${ms(big.scored)} after opening`);
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
