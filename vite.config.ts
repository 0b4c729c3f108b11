/// <reference types="vitest/config" />
// Vite builds a static folder with relative asset URLs (base './') so the page works from any
// static host and sub-path. The same file configures vitest: every test/unit/**/*.test.ts, in Node
// with no DOM — the formula and scoring core, the store on fake-indexeddb, io, i18n, and the UI's
// helpers and .svelte.ts state classes (runes compiled by the Svelte plugin below). Components are
// tested in a real browser by Playwright (test/browser/).
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The built page runs under a strict CSP: no inline script, no eval. Dev mode keeps Vite's HMR. */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'kaohe-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

export default defineConfig({
  base: './',
  // Project-local cache: several checkouts may share one node_modules.
  cacheDir: '.vite',
  plugins: [svelte({ configFile: false }), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
