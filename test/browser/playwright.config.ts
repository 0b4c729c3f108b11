// Browser tests drive the built page in Debian's Chromium (no browser download), served from a
// sub-path by a plain static server. `test/run-all.sh` builds dist/ first.
import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const port = Number(process.env.KAOHE_TEST_PORT ?? 4174);

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/bash' }).toString().trim();
  } catch {
    throw new Error('No chromium on the PATH: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: resolve(repo, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: Number(process.env.KAOHE_TEST_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/hr/kaohe/`,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `node ${resolve(here, 'serve.mjs')} ${resolve(repo, 'dist')} ${port} /hr/kaohe/`,
    url: `http://127.0.0.1:${port}/hr/kaohe/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
