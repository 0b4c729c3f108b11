// Store a validated import on a real IndexedDB: the store's code bundled by Vite into a page of
// Debian's Chromium (the browser the tests use), timed in the page, with the page's long tasks
// (> 50 ms, the browser's own measure of a page that does not respond) recorded meanwhile. Each
// run stores into a fresh database in the same page; the caller takes the medians.
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { EntryBatch } from '../src/io/entry-batch';
import type { PersonRecord, TemplateRecord } from '../src/store/records';

export interface BrowserStore {
  readonly ms: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly changed: number;
}

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/bash' }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

async function storeBundle(): Promise<string> {
  const { build } = await import('vite');
  const here = dirname(fileURLToPath(import.meta.url));
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(here, 'store-page.ts'), formats: ['iife'], name: 'kaoheBench' } },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('no bundle');
}

/** One figure set per run; undefined when no Chromium is installed. */
export async function storeInChromium(template: TemplateRecord, people: readonly PersonRecord[], batch: EntryBatch, runs: number): Promise<BrowserStore[] | undefined> {
  const executablePath = chromiumPath();
  if (!executablePath) return undefined;
  const { chromium } = await import('@playwright/test');
  const code = await storeBundle();
  const browser = await chromium.launch({ executablePath, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    // IndexedDB needs a real origin: serve an empty page from a made-up one.
    await page.route('http://bench.kaohe/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('http://bench.kaohe/');
    await page.addScriptTag({ content: code });
    const results: BrowserStore[] = [];
    for (let run = 0; run < runs; run++) results.push(await storeOnce(page, template, people, batch, `kaohe-bench-${run}`));
    return results;
  } finally {
    await browser.close();
  }
}

/** Seeds a fresh database `name` with the workspace, template, period and people, then times the import into it. */
async function storeOnce(page: Page, template: TemplateRecord, people: readonly PersonRecord[], batch: EntryBatch, name: string): Promise<BrowserStore> {
  await page.evaluate(
    async ({ template, people, name }) => {
      const bench = (globalThis as unknown as { kaoheBench: typeof import('./store-page') }).kaoheBench;
      const db = bench.openDb(name);
      bench.useDb(db);
      await db.workspaces.add({ id: 'w', name: 'bench', example: false, createdAt: 0, updatedAt: 0 });
      await db.templates.add(template);
      await db.periods.add({ id: 'm', workspaceId: 'w', kind: 'month', key: '2026-11', templateId: template.id, teamId: '', locked: 0, createdAt: 0 });
      await db.people.bulkAdd(people);
    },
    { template, people: [...people], name },
  );
  return await page.evaluate(
    async (plain) => {
      const bench = (globalThis as unknown as { kaoheBench: typeof import('./store-page') }).kaoheBench;
      const entries = {
        people: plain.people,
        targets: plain.targets,
        raters: plain.raters,
        person: Uint32Array.from(plain.person),
        target: Uint32Array.from(plain.target),
        rater: Uint32Array.from(plain.rater),
        numbers: Float64Array.from(plain.numbers),
        texts: new Map<number, string>(),
      };
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      const result = await bench.applyImport('m', [], entries);
      const ms = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      // The next run starts from an empty database of its own.
      const db = bench.getDb();
      db.close();
      await db.delete();
      return { ms, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, changed: result.changed };
    },
    {
      people: [...batch.people],
      targets: [...batch.targets],
      raters: [...batch.raters],
      person: [...batch.person],
      target: [...batch.target],
      rater: [...batch.rater],
      numbers: [...batch.numbers],
    },
  );
}
