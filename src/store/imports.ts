// Applying a validated import: the people it creates and the entries it sets, in ONE transaction
// with the audit log, so an import lands completely or not at all. Also remembers how a file's
// columns were mapped, per workspace and header layout, in the settings table.
import * as v from 'valibot';
import { getDb } from './db';
import { newId } from './ids';
import type { PersonRecord } from './records';
import type { RaterRole } from '../scoring/model';
import { TEAM_PERSON_ID } from '../scoring/model';
import { writeAudit, type AuditInput } from './audit';
import { writeEntries, type EntryChange } from './entries';
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

/** Entries turned into changes and written per slice, all inside the one transaction. */
const IMPORT_SLICE = 50_000;

export interface ImportResult {
  /** People created, with their new ids. */
  readonly created: readonly PersonRecord[];
  /** Entry values that changed (unchanged values are not rewritten or audited). */
  readonly changed: number;
}

/**
 * Create the new people (in the period's team) and write the entries, all in one transaction.
 * Entries naming a person ref that is neither a new person nor a person of the workspace abort
 * the whole import.
 */
export async function applyImport(periodId: string, people: readonly ImportedPerson[], entries: ImportedEntries): Promise<ImportResult> {
  const db = getDb();
  return db.transaction('rw', [db.periods, db.people, db.entries, db.audit], async () => {
    const period = await db.periods.get(periodId);
    if (!period) throw new StoreError('missing', `period ${periodId} not found`);
    const now = Date.now();
    const created: PersonRecord[] = people.map((person, i) => ({
      id: newId(),
      workspaceId: period.workspaceId,
      employeeNo: person.employeeNo.trim(),
      name: person.name.trim(),
      teamId: period.teamId,
      position: '',
      archived: 0,
      createdAt: now + i,
    }));
    const idOf = new Map(people.map((person, i) => [person.ref, created[i]!.id]));
    const known = new Set(await db.people.where('workspaceId').equals(period.workspaceId).primaryKeys());
    const personIds = entries.people.map((ref) => {
      const personId = ref === TEAM_PERSON_ID || known.has(ref) ? ref : idOf.get(ref);
      if (personId === undefined) throw new StoreError('missing', `person ${ref} is not in this workspace`);
      return personId;
    });
    if (created.length > 0) {
      await db.people.bulkAdd(created);
      const audit: AuditInput[] = created.map((person) => ({ workspaceId: period.workspaceId, entity: 'person', entityId: person.id, action: 'import', field: 'name', old: null, new: person.name }));
      await writeAudit(audit);
    }
    // Entries as changes a slice at a time: two million change objects at once would double the
    // memory an import takes.
    let changed = 0;
    for (let start = 0; start < entries.numbers.length; start += IMPORT_SLICE) {
      const end = Math.min(entries.numbers.length, start + IMPORT_SLICE);
      const changes: EntryChange[] = [];
      for (let i = start; i < end; i++) {
        const target = entries.targets[entries.target[i]!]!;
        const number = entries.numbers[i]!;
        const value = number === number ? number : (entries.texts.get(i) ?? null);
        changes.push({ personId: personIds[entries.person[i]!]!, key: target.key, role: target.role, rater: entries.raters[entries.rater[i]!] ?? '', value });
      }
      changed += await writeEntries(periodId, changes, 'import');
    }
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
