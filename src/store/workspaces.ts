// Workspaces and which one is open.
import { getDb } from './db';
import { newId } from './ids';
import type { WorkspaceRecord } from './records';
import { writeAudit } from './audit';

const ACTIVE_KEY = 'activeWorkspace';

export async function listWorkspaces(): Promise<WorkspaceRecord[]> {
  return getDb().workspaces.orderBy('id').toArray();
}

export async function getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
  return getDb().workspaces.get(id);
}

export async function createWorkspace(name: string, example = false): Promise<WorkspaceRecord> {
  const db = getDb();
  const now = Date.now();
  const workspace: WorkspaceRecord = { id: newId(), name, example, createdAt: now, updatedAt: now };
  await db.transaction('rw', db.workspaces, db.auditLog, async () => {
    await db.workspaces.add(workspace);
    await writeAudit({ workspaceId: workspace.id, entity: 'workspace', entityId: workspace.id, action: 'create', field: 'name', old: null, new: name });
  });
  return workspace;
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.workspaces, db.auditLog, async () => {
    const before = await db.workspaces.get(id);
    if (!before || before.name === name) return;
    await db.workspaces.update(id, { name, updatedAt: Date.now() });
    await writeAudit({ workspaceId: id, entity: 'workspace', entityId: id, action: 'update', field: 'name', old: before.name, new: name });
  });
}

export async function getActiveWorkspaceId(): Promise<string | undefined> {
  const setting = await getDb().settings.get(ACTIVE_KEY);
  return typeof setting?.value === 'string' ? setting.value : undefined;
}

export async function setActiveWorkspaceId(id: string): Promise<void> {
  await getDb().settings.put({ key: ACTIVE_KEY, value: id });
}
