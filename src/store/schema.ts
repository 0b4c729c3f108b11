// Schema versions are an append-only list: never edit a shipped entry, add a new one with an
// upgrader, and a test that opens a database written by the previous version.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

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
    version: 5,
    stores: {
      calibrations: '[periodId+personId], periodId, workspaceId, personId',
    },
  },
];

/** Declare every version on a Dexie instance, oldest first. */
export function declareSchema(db: Dexie, upTo: number = Number.POSITIVE_INFINITY): void {
  for (const step of SCHEMA) {
    if (step.version > upTo) break;
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
}
