// The rating sheet in a page of the real app, as the benches time it: opening a period (its
// performance marks) and a keystroke → the row's total and rank repainted.
import type { Page } from '@playwright/test';

export interface OpenTimes {
  /** Reading the period from IndexedDB (loadPeriodSheet). */
  readonly load: number;
  /** From the read to the first rows on screen (index, lay out, paint). */
  readonly render: number;
  /** Scoring the whole team (after the first rows for a big team, before them for a small one). */
  readonly score: number;
  /** Navigation → first rows on screen. */
  readonly total: number;
  /** Navigation → totals, grades and ranks on screen. */
  readonly scored: number;
  readonly columns: number;
  readonly rows: number;
}

/** Open the app at a URL on a fresh document and read the sheet's performance marks. */
export async function openSheet(page: Page, url: string): Promise<OpenTimes> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kaohe:sheet-rendered').length > 0 && performance.getEntriesByName('kaohe:sheet-scored').length > 0, undefined, { timeout: 300_000 });
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
    const header = document.querySelector('[data-testid="rate-grid"] [role="grid"]');
    return {
      load: at('kaohe:sheet-loaded') - at('kaohe:sheet-load-start'),
      render: at('kaohe:sheet-rendered') - at('kaohe:sheet-loaded'),
      score: at('kaohe:sheet-scored') - at('kaohe:sheet-score-start'),
      total: at('kaohe:sheet-rendered'),
      scored: Math.max(at('kaohe:sheet-rendered'), at('kaohe:sheet-scored')),
      columns: Number(header?.getAttribute('aria-colcount') ?? 0),
      rows: Number(header?.getAttribute('aria-rowcount') ?? 1) - 1,
    };
  });
}

/**
 * Type into one input cell of the first row, Enter, and time until its total and rank are
 * repainted. Each edit moves the value across a band edge (60 ↔ 99), so the total changes.
 */
export async function editToRank(page: Page, column: string, edits: number): Promise<number[]> {
  const cell = `[data-testid="rate-grid"] [role="row"][aria-rowindex="2"] [data-col="${column}"]`;
  // Columns are virtualized too: scroll right until the column is rendered.
  for (let i = 0; i < 80 && !(await page.$(cell)); i++) {
    await page.evaluate(
      () =>
        new Promise((done) => {
          document.querySelector<HTMLElement>('[data-testid="rate-grid"] .viewport')!.scrollLeft += 300;
          requestAnimationFrame(() => requestAnimationFrame(done));
        }),
    );
  }
  await page.waitForSelector(cell);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    await page.click(cell);
    // parseFloat reads "99%" as 99 too: a percent cell takes 60 and 99 as 60% and 99%.
    const value = Number.parseFloat((await page.textContent(cell)) ?? '') >= 90 ? '60' : '99';
    const pending = page.evaluate(
      () =>
        new Promise<number>((done) => {
          const grid = document.querySelector('[data-testid="rate-grid"] [role="grid"]')!;
          const shown = () => {
            const row = grid.querySelector('[role="row"][aria-rowindex="2"]');
            return `${row?.querySelector('[data-col="total"]')?.textContent}|${row?.querySelector('[data-col="rank"]')?.textContent}`;
          };
          const before = shown();
          let pressed = 0;
          const timer = setTimeout(() => done(Number.NaN), 10_000);
          const onKey = (event: KeyboardEvent) => {
            if (event.key === 'Enter') pressed = event.timeStamp;
          };
          document.addEventListener('keydown', onKey, true);
          const observer = new MutationObserver(() => {
            if (!pressed || shown() === before) return;
            observer.disconnect();
            clearTimeout(timer);
            document.removeEventListener('keydown', onKey, true);
            // The next frame is the one that shows the new total and rank.
            requestAnimationFrame(() => done(performance.now() - pressed));
          });
          observer.observe(grid, { characterData: true, childList: true, subtree: true });
        }),
    );
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    const ms = await pending;
    // An edit that moved neither total nor rank within 10 s is not a time: said, not averaged in.
    if (Number.isFinite(ms)) times.push(ms);
    else console.log(`  (edit ${i + 1} of ${edits} in ${column}: the total and rank did not change within 10 s; not counted)`);
  }
  return times;
}

