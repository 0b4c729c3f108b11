// A page built beside the app (same origin, so the same IndexedDB) for bench/dashboard.bench.ts:
// it fills a workspace through the app's own store functions — the same calls the roster and the
// grid make, with their audit rows — and times reading the period in the browser.
import {
  listPeriods,
  listWorkspaces,
  addPerson,
  addTeam,
  createPeriod,
  createTemplate,
  createWorkspace,
  loadPeriodSheet,
  setActiveWorkspaceId,
  setEntries,
  setStatus,
  type EntryChange,
} from '../src/store/index';
import { customerMonthly } from '../src/scoring/builtins/customer-monthly';
import { plausibleValue, seededRandom } from '../src/scoring/samples';

const TEAMS = 20;
/** addPerson calls in flight at once (each is its own audited transaction). */
const PERSON_BATCH = 250;
/** Entries per setEntries transaction. */
const ENTRY_BATCH = 20_000;

function progress(step: string, since: number): void {
  console.info(`seed: ${step} in ${((performance.now() - since) / 1000).toFixed(1)} s`);
}

async function seed(count: number): Promise<{ workspaceId: string; periodId: string; entries: number }> {
  const workspace = await createWorkspace(benchWorkspaceName(count));
  const teams = [];
  for (let i = 1; i <= TEAMS; i++) teams.push(await addTeam(workspace.id, `客服${i}组`));
  const template = await createTemplate(workspace.id, customerMonthly);
  const period = await createPeriod(workspace.id, { kind: 'month', key: '2026-10', templateId: template.id });
  let since = performance.now();
  const personIds: string[] = [];
  for (let start = 0; start < count; start += PERSON_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + PERSON_BATCH); i++) {
      const no = String(i + 1).padStart(5, '0');
      batch.push(addPerson(workspace.id, { name: `员工${no}`, employeeNo: `KF${no}`, position: '客服专员', teamId: teams[i % TEAMS]!.id }));
    }
    personIds.push(...(await Promise.all(batch)).map((person) => person.id));
  }
  progress(`${count} people added`, since);
  since = performance.now();
  const random = seededRandom(20261031);
  const changes: EntryChange[] = [];
  for (const personId of personIds) {
    for (const { role } of customerMonthly.roles) {
      for (const input of customerMonthly.inputs) {
        if (input.formula || input.scope === 'team') continue;
        const value = plausibleValue(input, random);
        if (value !== null) changes.push({ personId, key: input.id, role, value });
      }
    }
  }
  for (let start = 0; start < changes.length; start += ENTRY_BATCH) await setEntries(period.id, changes.slice(start, start + ENTRY_BATCH));
  progress(`${changes.length} entries set`, since);
  // A few temporary covers, as a real month has.
  for (let i = 10; i < personIds.length; i += 500) await setStatus(period.id, personIds[i]!, 'temporary');
  await setActiveWorkspaceId(workspace.id);
  return { workspaceId: workspace.id, periodId: period.id, entries: changes.length };
}

function benchWorkspaceName(count: number): string {
  return `基准：${count} 人`;
}

/**
 * Make the bench workspace of `count` people the open one, seeding it first if this browser
 * profile does not have it yet (seeding 280,000 entries with their audit rows takes minutes).
 */
async function ensureSeeded(count: number): Promise<{ workspaceId: string; periodId: string; seeded: boolean }> {
  const existing = (await listWorkspaces()).find((workspace) => workspace.name === benchWorkspaceName(count));
  const [period] = existing ? await listPeriods(existing.id) : [];
  if (existing && period) {
    await setActiveWorkspaceId(existing.id);
    return { workspaceId: existing.id, periodId: period.id, seeded: false };
  }
  const { workspaceId, periodId } = await seed(count);
  return { workspaceId, periodId, seeded: true };
}

/** Open another workspace by name (the example, for the baseline); false if there is none. */
async function activate(name: string): Promise<boolean> {
  const workspace = (await listWorkspaces()).find((w) => w.name === name);
  if (workspace) await setActiveWorkspaceId(workspace.id);
  return workspace !== undefined;
}

/** Milliseconds to read the period from IndexedDB, as the dashboard does (loadPeriodSheet). */
async function timeRead(periodId: string): Promise<{ read: number; people: number }> {
  const start = performance.now();
  const data = await loadPeriodSheet(periodId);
  const read = performance.now() - start;
  if (!data) throw new Error(`period ${periodId} not found`);
  return { read, people: data.people.length };
}

declare global {
  interface Window {
    kaoheBench?: { ensureSeeded: typeof ensureSeeded; activate: typeof activate; timeRead: typeof timeRead };
  }
}

window.kaoheBench = { ensureSeeded, activate, timeRead };
document.getElementById('status')!.textContent = 'ready';
