// Templates with versions. Once a period rates with a version, editing makes a new version;
// the period keeps the version it was made with.
import { getDb } from './db';
import type { TemplateRecord } from './records';
import type { Template } from '../scoring/model';
import { writeAudit } from './audit';
import { newId } from './ids';
import { byName } from './order';

export function templateRecordId(familyId: string, version: number): string {
  return `${familyId}@${version}`;
}

/** Latest live version of each template family in the workspace. */
export async function listTemplates(workspaceId: string): Promise<TemplateRecord[]> {
  const all = await getDb().templates.where('workspaceId').equals(workspaceId).toArray();
  const latest = new Map<string, TemplateRecord>();
  for (const record of all) {
    const seen = latest.get(record.familyId);
    if (!seen || record.version > seen.version) latest.set(record.familyId, record);
  }
  return [...latest.values()].filter((r) => r.deletedAt === 0).sort((a, b) => byName(a.body.name, b.body.name));
}

export async function listVersions(workspaceId: string, familyId: string): Promise<TemplateRecord[]> {
  const versions = await getDb().templates.where('[workspaceId+familyId]').equals([workspaceId, familyId]).toArray();
  return versions.sort((a, b) => b.version - a.version);
}

export async function getTemplate(id: string): Promise<TemplateRecord | undefined> {
  return getDb().templates.get(id);
}

/** Store a new template family (version 1). The body's id is replaced by a fresh family id. */
export async function createTemplate(workspaceId: string, body: Template, changeNote = ''): Promise<TemplateRecord> {
  const db = getDb();
  // Built-ins and ids already taken (e.g. the same file imported twice) get a fresh family id.
  const taken = body.id === '' || body.id.startsWith('builtin.') || (await db.templates.get(templateRecordId(body.id, 1))) !== undefined;
  const familyId = taken ? newId() : body.id;
  const now = Date.now();
  const record: TemplateRecord = {
    id: templateRecordId(familyId, 1),
    workspaceId,
    familyId,
    version: 1,
    body: { ...body, id: familyId, version: 1 },
    changeNote,
    createdAt: now,
    updatedAt: now,
    deletedAt: 0,
  };
  await db.transaction('rw', db.templates, db.auditLog, async () => {
    await db.templates.add(record);
    await writeAudit({ workspaceId, entity: 'template', entityId: record.id, action: 'create', field: 'name', old: null, new: body.name });
  });
  return record;
}

/** Is any period rated with this template version? */
export async function isTemplateInUse(templateRecordIdValue: string): Promise<boolean> {
  const db = getDb();
  return (await db.periods.where('templateId').equals(templateRecordIdValue).count()) > 0;
}

/**
 * Save an edited template. If the current version is used by a period, a new version is
 * created and returned; otherwise the version is updated in place.
 */
export async function saveTemplate(recordId: string, body: Template, changeNote: string): Promise<TemplateRecord> {
  const db = getDb();
  return db.transaction('rw', db.templates, db.periods, db.auditLog, async () => {
    const current = await db.templates.get(recordId);
    if (!current) throw new Error(`template ${recordId} not found`);
    const used = (await db.periods.where('templateId').equals(recordId).count()) > 0;
    const now = Date.now();
    if (!used) {
      const updated: TemplateRecord = { ...current, body: { ...body, id: current.familyId, version: current.version }, changeNote, updatedAt: now };
      await db.templates.put(updated);
      await writeAudit({ workspaceId: current.workspaceId, entity: 'template', entityId: recordId, action: 'update', field: 'body', old: current.body.name, new: body.name });
      return updated;
    }
    const versions = await db.templates.where('[workspaceId+familyId]').equals([current.workspaceId, current.familyId]).toArray();
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    const next: TemplateRecord = {
      id: templateRecordId(current.familyId, version),
      workspaceId: current.workspaceId,
      familyId: current.familyId,
      version,
      body: { ...body, id: current.familyId, version },
      changeNote,
      createdAt: now,
      updatedAt: now,
      deletedAt: 0,
    };
    await db.templates.add(next);
    await writeAudit({ workspaceId: current.workspaceId, entity: 'template', entityId: next.id, action: 'create', field: 'version', old: current.version, new: version });
    return next;
  });
}

/** Soft delete of every version of a family; `restoreTemplateFamily` undoes it. */
export async function deleteTemplateFamily(workspaceId: string, familyId: string): Promise<void> {
  await setFamilyDeleted(workspaceId, familyId, Date.now());
}

export async function restoreTemplateFamily(workspaceId: string, familyId: string): Promise<void> {
  await setFamilyDeleted(workspaceId, familyId, 0);
}

async function setFamilyDeleted(workspaceId: string, familyId: string, deletedAt: number): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.templates, db.auditLog, async () => {
    const versions = await db.templates.where('[workspaceId+familyId]').equals([workspaceId, familyId]).toArray();
    if (versions.length === 0) return;
    await db.templates.bulkPut(versions.map((v) => ({ ...v, deletedAt })));
    await writeAudit({
      workspaceId,
      entity: 'template',
      entityId: familyId,
      action: deletedAt ? 'delete' : 'restore',
      field: 'deletedAt',
      old: versions[0]?.deletedAt ?? 0,
      new: deletedAt,
    });
  });
}
