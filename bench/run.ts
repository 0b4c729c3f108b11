// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn.
// Each prints its figures as ratios against a baseline measured in the same process.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  try {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== 'function') throw new Error(`${file} does not export run()`);
    await module.run();
  } catch (error) {
    failed = true;
    console.error(`${file} failed:`, error);
  }
}
if (files.length === 0) console.log('no benchmarks matched', wanted.join(' '));
process.exitCode = failed ? 1 : 0;
