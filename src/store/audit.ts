// The audit log: every change, old → new, written inside the same transaction as the change.
import { getDb } from './db';
import type { AuditRecord } from './records';

export type AuditInput = Omit<AuditRecord, 'seq' | 'at'>;

/** Call inside an open rw transaction that includes `audit`. */
export async function writeAudit(changes: AuditInput | readonly AuditInput[]): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes];
  if (list.length === 0) return;
  const at = Date.now();
  await getDb().auditLog.bulkAdd(list.map((change) => ({ ...change, at })));
}

/** Newest first. */
export async function listAudit(workspaceId: string, limit = 200): Promise<AuditRecord[]> {
  return getDb().auditLog.where('workspaceId').equals(workspaceId).reverse().limit(limit).toArray();
}

export async function auditFor(entity: AuditRecord['entity'], entityId: string): Promise<AuditRecord[]> {
  return getDb().auditLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
}
