// The lint rules hold the arrows between the layers (.ci/eslint.config.js, docs/architecture.md):
// each wrong-way import or clock read below is one a person could write, and `npm run lint` must
// refuse it with the rule's message, while the right way in passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: '.ci/eslint.config.js' });

/** The lint messages for `code` as if it were the file at `filePath` (nothing is written). */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('npm run lint refuses a wrong-way import', () => {
  it('the UI may not reach into the store, io, scoring or formula past their front doors', async () => {
    const file = 'src/ui/rate/Example.svelte.ts';
    expect(await lint(file, "import { getDb } from '../../store/db';\nvoid getDb;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*store\/db.*only through src\/store\/index/),
    ]);
    expect(await lint(file, "import { readCsv } from '../../io/csv-read';\nvoid readCsv;\n")).toEqual([expect.stringMatching(/only through src\/io\/index/)]);
    expect(await lint(file, "import { previousPeriodKey } from '../../scoring/periods';\nvoid previousPeriodKey;\n")).toEqual([expect.stringMatching(/only through src\/scoring\/index/)]);
    expect(await lint(file, "import type { Node } from '../../formula/types';\nexport type N = Node;\n")).toEqual([expect.stringMatching(/only through src\/formula\/index/)]);
    expect(await lint(file, "import Dexie from 'dexie';\nvoid Dexie;\n")).toEqual([expect.stringMatching(/only through src\/store\/index/)]);
    expect(await lint(file, "import * as XLSX from '@e965/xlsx';\nvoid XLSX;\n")).toEqual([expect.stringMatching(/only in src\/io/)]);
  });

  it('the front doors are the way in', async () => {
    const code = [
      "import { listPeople } from '../../store/index';",
      "import { readTable } from '../../io/index';",
      "import { scorePeriod } from '../../scoring/index';",
      "import { parse } from '../../formula/index';",
      "export const all = [listPeople, readTable, scorePeriod, parse];",
      "export const builtins = () => import('../../scoring/builtins/index');",
    ].join('\n');
    expect(await lint('src/ui/rate/Example.svelte.ts', `${code}\n`)).toEqual([]);
  });

  it('formula and scoring read no files, no storage and no clock', async () => {
    expect(await lint('src/scoring/example.ts', "import Papa from 'papaparse';\nexport const p = Papa;\n")).toEqual([expect.stringMatching(/SheetJS and papaparse belong to src\/io/)]);
    expect(await lint('src/formula/example.ts', "import * as XLSX from '@e965/xlsx';\nexport const x = XLSX;\n")).toEqual([expect.stringMatching(/SheetJS and papaparse belong to src\/io/)]);
    expect(await lint('src/scoring/example.ts', "import { listPeople } from '../store/index';\nexport const l = listPeople;\n")).toEqual([expect.stringMatching(/pure: no UI, storage or files/)]);
    expect(await lint('src/scoring/example.ts', 'export const now = () => Date.now();\n')).toEqual([expect.stringMatching(/^no-restricted-syntax: .*do not read clocks/)]);
    expect(await lint('src/formula/example.ts', 'export const today = () => new Date();\n')).toEqual([expect.stringMatching(/do not read clocks/)]);
    expect(await lint('src/scoring/example.ts', 'export const t = () => performance.now();\n')).toEqual([expect.stringMatching(/do not read clocks/)]);
    // A date made from a given time is not a clock.
    expect(await lint('src/scoring/example.ts', 'export const day = (ms: number) => new Date(ms);\n')).toEqual([]);
  });

  it('store and io do not import the UI; io does not touch storage', async () => {
    expect(await lint('src/store/example.ts', "import { session } from '../ui/state/session.svelte';\nexport const s = session;\n")).toEqual([expect.stringMatching(/The store does not import the UI/)]);
    expect(await lint('src/io/example.ts', "import { t } from '../ui/../ui/x';\nexport const x = t;\n")).toEqual([expect.stringMatching(/io does not import the UI/)]);
    expect(await lint('src/io/example.ts', "import { listPeople } from '../store/index';\nexport const l = listPeople;\n")).toEqual([expect.stringMatching(/io does not touch storage/)]);
  });
});
