// Schema versions are an append-only list: never edit a shipped entry, add a new one with an
// upgrader, and a test that opens a database written by the previous version.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { entriesToBlocks, groupLegacyAudit, numberPeople, personNumbers } from './legacy';
import type { AuditRecord, EntryRecord, PersonRecord } from './records';

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      workspaces: 'id',
      templates: 'id, workspaceId, [workspaceId+familyId]',
      teams: 'id, workspaceId',
      people: 'id, workspaceId, [workspaceId+employeeNo]',
      periods: 'id, workspaceId, [workspaceId+key]',
      entries: '[periodId+personId+key+role+rater], periodId, personId, workspaceId',
      statuses: '[periodId+personId], periodId, workspaceId',
      remarks: '[periodId+personId], periodId, workspaceId',
      audit: '++seq, workspaceId, at, [entity+entityId]',
      backups: '++id, createdAt, workspaceId',
      settings: 'key',
    },
  },
  {
    // v2: people get an explicit `archived` flag (v1 had none: everyone was on the roster),
    // indexed with the workspace so the roster query does not scan archived people; entries
    // get a [periodId+key] index for reading one column of a sheet; statuses and remarks get a
    // personId index so deleting a person does not scan every period; periods are indexed by
    // template version, to tell whether editing a template must create a new version.
    version: 2,
    stores: {
      people: 'id, workspaceId, [workspaceId+employeeNo], [workspaceId+archived]',
      periods: 'id, workspaceId, [workspaceId+key], templateId',
      entries: '[periodId+personId+key+role+rater], periodId, personId, workspaceId, [periodId+key]',
      statuses: '[periodId+personId], periodId, workspaceId, personId',
      remarks: '[periodId+personId], periodId, workspaceId, personId',
    },
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((person: { archived?: unknown }) => {
          if (person.archived !== 1) person.archived = 0;
        });
    },
  },
  {
    // v5: calibrated grades (校准等级), one per period × person, written with their reason and
    // audited. A new table only: nothing to upgrade.
    // Why no v3 or v4: they were never declared. No commit on any branch has a schema with them;
    // v5 was written straight after v2 on the dashboard branch (commit 0bd29d9, with calibration)
    // while the studio, rating-sheet and files branches were open alongside it, and its commit
    // gives no reason for the number. Versions need only grow (Dexie and IndexedDB do not ask for
    // consecutive ones), so no database was ever at v3 or v4 and nothing is missing. Do not fill
    // the gap: a new version goes after the last one.
    version: 5,
    stores: {
      calibrations: '[periodId+personId], periodId, workspaceId, personId',
    },
  },
  {
    // v6: storage made for sheets (a 10,000-person call centre). A period's values move from one
    // record per value into blocks (value-blocks.ts: period × column × 16,384 people); people get
    // their number in the workspace (`seq`) that places them in a block; the audit log moves to
    // `auditLog`, where the per-value records of one action (a paste, an import) become one
    // record holding its diff, indexed by the columns it touched; periods keep a count of values;
    // automatic backups get their size; the [workspaceId+employeeNo] index of people goes (nothing
    // reads it, and every index costs a write per person when an import creates 10,000 of them).
    // The old tables are read here and dropped in v7.
    version: 6,
    stores: {
      people: 'id, workspaceId, [workspaceId+archived], [workspaceId+seq]',
      valueBlocks: '[periodId+key+role+rater+block], workspaceId',
      auditLog: '++seq, workspaceId, [entity+entityId], *columns',
    },
    upgrade: upgradeToBlocks,
  },
  {
    // v7: drop the v1–v5 tables v6 converted.
    version: 7,
    stores: { entries: null, audit: null },
  },
  {
    // v8: a workspace's people packed into one record (roster-cache.ts), a cache of `people`
    // built on first read: nothing to upgrade.
    version: 8,
    stores: { rosters: 'workspaceId' },
  },
  {
    // v9: the period's life after the scores. Per period × person the review (面谈 notes, the
    // employee's opinion, appeals); per workspace × template family the grade → 绩效系数 table;
    // per person the 绩效工资基数; per period the appeal deadline and bonus pools. New tables
    // only: nothing to upgrade.
    version: 9,
    stores: {
      reviews: '[periodId+personId], periodId, workspaceId, personId',
      coefficientTables: '[workspaceId+familyId], workspaceId',
      payBases: 'personId, workspaceId',
      reviewSettings: 'periodId, workspaceId',
    },
  },
];

/** v5 → v6, in the upgrade transaction: nothing is lost (test/unit/store/migration.test.ts). */
async function upgradeToBlocks(tx: Transaction): Promise<void> {
  const peopleTable = tx.table<PersonRecord>('people');
  const people = numberPeople(await peopleTable.toArray());
  await peopleTable.bulkPut(people);
  const numbers = personNumbers(people);

  const entries = tx.table<EntryRecord>('entries');
  const blocks = tx.table('valueBlocks');
  const counts = new Map<string, number>();
  const periodIds = (await entries.orderBy('periodId').uniqueKeys()) as string[];
  for (const periodId of periodIds) {
    const records = await entries.where('periodId').equals(periodId).toArray();
    const converted = entriesToBlocks(records, numbers);
    await blocks.bulkAdd(converted.blocks);
    for (const [id, n] of converted.values) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  await tx
    .table('periods')
    .toCollection()
    .modify((period: { id: string; values?: number }) => {
      period.values = counts.get(period.id) ?? 0;
    });

  const audit = await tx.table<AuditRecord>('audit').orderBy(':id').toArray();
  await tx.table('auditLog').bulkAdd(groupLegacyAudit(audit));

  await tx
    .table('backups')
    .toCollection()
    .modify((backup: { data?: string; size?: number }) => {
      backup.size = backup.data?.length ?? 0;
    });
}

/** Declare every version on a Dexie instance, oldest first. */
export function declareSchema(db: Dexie, upTo: number = Number.POSITIVE_INFINITY): void {
  for (const step of SCHEMA) {
    if (step.version > upTo) break;
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
}
