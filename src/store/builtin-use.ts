// A built-in template used as it is: the first time a period of a workspace rates with it, it is
// copied into the workspace under its own name (no "副本"); later uses find that copy and rate
// with its latest version. The copy is found by name and source (the seed table it reproduces), so
// a workspace restored elsewhere still finds it.
import { getDb } from './db';
import type { TemplateRecord } from './records';
import type { Template } from '../scoring/model';
import { createTemplate, listTemplates } from './templates';

/** The workspace's template that is this built-in (its copy made on first use, or one like it). */
export function builtinCopyIn(templates: readonly TemplateRecord[], builtin: Template): TemplateRecord | undefined {
  return templates.find((record) => record.body.name === builtin.name && record.body.source === builtin.source);
}

/** The workspace template to rate with for a built-in: the copy made on first use, made now if need be. */
export async function useBuiltinTemplate(workspaceId: string, builtin: Template, changeNote = ''): Promise<TemplateRecord> {
  const db = getDb();
  return db.transaction('rw', db.templates, db.auditLog, async () => {
    const existing = builtinCopyIn(await listTemplates(workspaceId), builtin);
    return existing ?? createTemplate(workspaceId, builtin, changeNote);
  });
}
