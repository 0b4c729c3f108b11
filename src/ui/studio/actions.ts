// What the template list does with the store and files: duplicate, import, export, save.
// Plain async functions (no Svelte) so the unit tests drive them against a fake IndexedDB.
import { createTemplate, saveTemplate, type TemplateRecord } from '../../store/index';
import { readTemplateFile, templateFileName, templateFileText, type TemplateFileProblem } from '../../io/template-file';
import type { Template } from '../../scoring/model';

export type ImportResult = { readonly ok: true; readonly record: TemplateRecord } | { readonly ok: false; readonly problems: readonly TemplateFileProblem[] };

/** A workspace copy of a template (a built-in or one of the workspace's own) under a new name. */
export async function duplicateTemplate(workspaceId: string, template: Template, name: string, note: string): Promise<TemplateRecord> {
  // An empty id makes createTemplate give the copy a fresh family id.
  return createTemplate(workspaceId, { ...template, id: '', version: 1, name }, note);
}

/** Read a template file and store it whole, or store nothing and return every problem. */
export async function importTemplateFile(
  workspaceId: string,
  file: { readonly name: string; readonly size: number; text(): Promise<string> },
  note: string,
): Promise<ImportResult> {
  const result = await readTemplateFile(file);
  if (!result.ok) return result;
  return { ok: true, record: await createTemplate(workspaceId, result.template, note) };
}

export function exportTemplate(template: Template, now: Date): { readonly name: string; readonly text: string } {
  return { name: templateFileName(template), text: templateFileText(template, now) };
}

/** Save an edit: a new version when a period rates with the current one (see store/templates). */
export async function saveEdit(recordId: string, body: Template, note: string): Promise<TemplateRecord> {
  return saveTemplate(recordId, body, note);
}
