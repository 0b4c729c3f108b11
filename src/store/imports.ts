// Applying a validated import: the people it creates and the entries it sets, in ONE transaction
// with the audit log, so an import lands completely or not at all. Also remembers how a file's
// columns were mapped, per workspace and header layout, in the settings table.
import * as v from 'valibot';
import { getDb } from './db';
import { newId } from './ids';
import type { EntryAction, PersonRecord } from './records';
import type { RaterRole } from '../scoring/model';
import { TEAM_PERSON_ID } from '../scoring/model';
import { writeAudit } from './audit';
import { openPeriodForWrite, storeValues, ValueWrite, type BlockWrite, type WriteProgress } from './entries';
import { blockOf } from './value-blocks';
import { nextPersonNumbers, peopleCreated } from './people';
import { dropRoster } from './roster-cache';
import { StoreError } from './errors';

/** A person the import creates; `ref` (`new:1` …) is how its entries name them. */
export interface ImportedPerson {
  readonly ref: string;
  readonly name: string;
  readonly employeeNo: string;
}

/**
 * Entries as the io worker hands them over (io/entry-batch.ts): distinct people, (key, role)
 * pairs and raters once, and per entry their indexes and the value.
 */
export interface ImportedEntries {
  readonly people: readonly string[];
  readonly targets: readonly { readonly key: string; readonly role: RaterRole }[];
  readonly raters: readonly string[];
  readonly person: ArrayLike<number>;
  readonly target: ArrayLike<number>;
  readonly rater: ArrayLike<number>;
  /** Numbers; NaN where the value is text, found in `texts` by entry index. */
  readonly numbers: ArrayLike<number>;
  readonly texts: ReadonlyMap<number, string>;
}

/** Values grouped between two looks at the event loop while an import is prepared. */
const YIELD_EVERY = 100_000;

export interface ImportResult {
  /** People created, with their new ids. */
  readonly created: readonly PersonRecord[];
  /** Entry values that changed (unchanged values are not rewritten or audited). */
  readonly changed: number;
}

export interface ImportOptions {
  /** `merge` for returned rater forms; default `import`. */
  readonly action?: Extract<EntryAction, 'import' | 'merge'>;
  /** Rows (people) and values written so far, while the transaction runs. */
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Cancel before the import commits: nothing is stored. */
  readonly signal?: AbortSignal;
}

/**
 * Create the new people (in the period's team) and write the entries, all in one transaction.
 * Entries naming a person ref that is neither a new person nor a person of the workspace abort
 * the whole import; so does a cancel through `signal`.
 */
export async function applyImport(periodId: string, people: readonly ImportedPerson[], entries: ImportedEntries, options: ImportOptions = {}): Promise<ImportResult> {
  const db = getDb();
  return db.transaction('rw', [db.periods, db.people, db.rosters, db.valueBlocks, db.auditLog], async () => {
    const period = await openPeriodForWrite(periodId);
    const now = Date.now();
    const numbers = await nextPersonNumbers(period.workspaceId, people.length);
    const created: PersonRecord[] = people.map((person, i) => ({
      id: newId(),
      workspaceId: period.workspaceId,
      employeeNo: person.employeeNo.trim(),
      name: person.name.trim(),
      teamId: period.teamId,
      position: '',
      archived: 0,
      createdAt: now + i,
      seq: numbers[i]!,
    }));
    const newByRef = new Map(people.map((person, i) => [person.ref, created[i]!]));
    const existingIds = entries.people.filter((ref) => ref !== TEAM_PERSON_ID && !newByRef.has(ref));
    const existing = await db.people.bulkGet(existingIds);
    const known = new Map<string, PersonRecord>();
    existing.forEach((person, i) => {
      if (!person || person.workspaceId !== period.workspaceId) throw new StoreError('missing', `person ${existingIds[i]} is not in this workspace`);
      known.set(person.id, person);
    });
    const refs = entries.people.map((ref): { id: string; seq: number } => {
      if (ref === TEAM_PERSON_ID) return { id: ref, seq: 0 };
      const person = newByRef.get(ref) ?? known.get(ref)!;
      return { id: person.id, seq: person.seq };
    });
    if (created.length > 0) {
      await db.people.bulkAdd(created);
      await dropRoster(period.workspaceId);
      await writeAudit(peopleCreated(period.workspaceId, created, 'import'));
    }
    const write = new ValueWrite();
    // One group per target × rater × block, found by index: no lookups per value.
    const raters = Math.max(1, entries.raters.length);
    const groups = new Map<number, BlockWrite>();
    for (let i = 0; i < entries.numbers.length; i++) {
      // Let the page paint now and then (a request keeps the transaction open while we wait).
      if (i > 0 && i % YIELD_EVERY === 0) {
        await db.periods.get(period.id);
        if (options.signal?.aborted) throw new DOMException('The import was cancelled', 'AbortError');
      }
      const person = refs[entries.person[i]!]!;
      const number = entries.numbers[i]!;
      const value = number === number ? number : (entries.texts.get(i) ?? null);
      const target = entries.target[i]!;
      const rater = entries.rater[i]!;
      const block = blockOf(person.seq);
      const id = (target * raters + rater) * 4096 + block;
      let group = groups.get(id);
      if (!group) {
        group = write.group({ key: entries.targets[target]!.key, role: entries.targets[target]!.role, rater: entries.raters[rater] ?? '' }, block);
        groups.set(id, group);
      }
      write.push(group, person.id, person.seq, value);
    }
    const changed = await storeValues(period, write, { action: options.action ?? 'import', ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) });
    return { created, changed };
  });
}

/** How a file's columns were mapped: the shape io/mapping.ts ColumnMapping has. */
export interface RememberedMapping {
  readonly layout: 'wide' | 'long';
  readonly headerRow: number;
  readonly columns: readonly string[];
}

const MappingSchema = v.object({
  layout: v.picklist(['wide', 'long']),
  headerRow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000)),
  columns: v.pipe(v.array(v.pipe(v.string(), v.maxLength(400))), v.maxLength(2_000)),
});

function mappingKey(workspaceId: string, signature: string): string {
  return `importMapping:${workspaceId}:${signature}`;
}

export async function rememberMapping(workspaceId: string, signature: string, mapping: RememberedMapping): Promise<void> {
  await getDb().settings.put({ key: mappingKey(workspaceId, signature), value: { layout: mapping.layout, headerRow: mapping.headerRow, columns: [...mapping.columns] } });
}

/** The mapping last used for files with these headers, or undefined (also when the stored value is not one). */
export async function recallMapping(workspaceId: string, signature: string): Promise<RememberedMapping | undefined> {
  const setting = await getDb().settings.get(mappingKey(workspaceId, signature));
  if (!setting) return undefined;
  const parsed = v.safeParse(MappingSchema, setting.value);
  return parsed.success ? parsed.output : undefined;
}
