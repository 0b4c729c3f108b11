// Only in `vite build --mode bench` (bench/grid.bench.ts): lets the benchmark make a big team in
// the browser's database through the store's own functions, then open it as a person would.
// The production build never contains this module (RateView imports it, and the sheet calls it,
// only behind `import.meta.env.MODE === 'bench'`, which Vite replaces with `false`).
//
// Writing values to IndexedDB runs at a few thousand records a second in headless Chromium on
// the bench machine, so 10,000 people × 42 values (plus their audit records) would take most of
// an hour. People and the period are stored for real; the values of people past `stored` are
// generated in the page when the period is read (deterministically, the same on every load),
// with stored values taking precedence — so edits are saved and read back like any other.
import { addPeople, createPeriod, createTemplate, createWorkspace, listPeople, saveSheetEdits, setActiveWorkspaceId, type EntryChange, type PeriodSheetData } from '../../store/index';
import { customerMonthly } from '../../scoring/builtins/customer-monthly';
import { plausibleValue, seededRandom } from '../../scoring/samples';
import type { Template } from '../../scoring/model';
import type { SheetEntry } from '../../scoring/sheet-types';

const BENCH_NAME = '基准测试：客户考核评分表(三方评价)';

/** 客户考核评分表 rated 360°-style by three roles: 14 inputs × 3 roles + scores ≈ 63 columns. */
export const BENCH_TEMPLATE: Template = {
  ...customerMonthly,
  id: 'bench',
  name: BENCH_NAME,
  roles: [
    { role: 'self', weight: 0.2 },
    { role: 'supervisor', weight: 0.6 },
    { role: 'peer', weight: 0.2 },
  ],
};

/** Every value of every person, in roster order, from a fixed seed. */
function generatedEntries(people: readonly { readonly id: string }[]): SheetEntry[] {
  const random = seededRandom(20261123);
  const inputs = BENCH_TEMPLATE.inputs.filter((input) => !input.formula && input.scope !== 'team');
  const entries: SheetEntry[] = [];
  for (const person of people) {
    for (const { role } of BENCH_TEMPLATE.roles) {
      for (const input of inputs) {
        const value = plausibleValue(input, random);
        if (value !== null) entries.push({ personId: person.id, key: input.id, role, value });
      }
    }
  }
  return entries;
}

export interface BenchSeed {
  readonly workspaceId: string;
  readonly periodId: string;
  /** Values written to IndexedDB. */
  readonly stored: number;
}

/** A workspace of `people` people; the values of the first `stored` of them go to IndexedDB. */
async function seed(people: number, stored: number): Promise<BenchSeed> {
  const workspace = await createWorkspace(`基准测试 ${people} 人`);
  const template = await createTemplate(workspace.id, BENCH_TEMPLATE);
  const rows = Array.from({ length: people }, (_, i) => ({ name: `员工${i + 1}`, employeeNo: `B${String(i + 1).padStart(5, '0')}`, teamName: `第${(i % 20) + 1}组` }));
  await addPeople(workspace.id, rows);
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-11', templateId: template.id });
  const list = await listPeople(workspace.id);
  const values: EntryChange[] = generatedEntries(list.slice(0, stored)).map((entry) => ({ personId: entry.personId, key: entry.key, role: entry.role, value: entry.value }));
  for (let i = 0; i < values.length; i += 10_000) await saveSheetEdits(period.id, { entries: values.slice(i, i + 10_000) });
  await setActiveWorkspaceId(workspace.id);
  return { workspaceId: workspace.id, periodId: period.id, stored: values.length };
}

/** A benchmark period as read from the store, with the values not stored filled in. */
export function withGeneratedEntries(data: PeriodSheetData): PeriodSheetData {
  if (data.template.body.name !== BENCH_NAME) return data;
  const stored = new Set(data.input.entries.map((entry) => `${entry.personId}|${entry.key}|${entry.role}`));
  const generated = generatedEntries(data.people).filter((entry) => !stored.has(`${entry.personId}|${entry.key}|${entry.role}`));
  // Without `columns` the sheet indexes these entries one by one.
  const { columns: _columns, ...rest } = data;
  return { ...rest, input: { ...data.input, entries: [...data.input.entries, ...generated] } };
}

export interface BenchHooks {
  seed(people: number, stored: number): Promise<BenchSeed>;
}

export function install(): void {
  const hooks: BenchHooks = { seed };
  Object.assign(globalThis, { kaoheBench: hooks });
}
