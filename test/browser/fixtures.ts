// Every browser test fails on a console error or an uncaught page error, and starts on a fresh
// profile (empty IndexedDB), so the example workspace is created anew.
import { test as base, expect, type Page } from '@playwright/test';

export interface ConsoleGuard {
  /** Messages matching these are expected by the test (e.g. a refused import it provokes). */
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the app and wait until the workspace is loaded. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('workspace-name')).not.toHaveText(/正在打开|Opening/);
}
