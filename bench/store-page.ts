// Bundled by bench/io.bench.ts into a page of Debian's Chromium: the store's import path running
// on a real IndexedDB, where the figure for "store" means something.
import { getDb, openDb, useDb } from '../src/store/db';
import { applyImport } from '../src/store/imports';

export { getDb, openDb, useDb, applyImport };
