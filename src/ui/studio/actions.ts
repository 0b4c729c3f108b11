// What the template list does with the store and files: duplicate, import, export, save.
// Plain async functions (no Svelte) so the unit tests drive them against a fake IndexedDB.
import { createTemplate, saveTemplate, type TemplateRecord } from '../../store/index';
import { readTemplateFile, templateFileName, type TemplateFileProblem, templateFileText } from '../../io/index';
import { emptyTemplate, type Template } from '../../scoring/index';

export type ImportResult = { readonly ok: true; readonly record: TemplateRecord } | { readonly ok: false; readonly problems: readonly TemplateFileProblem[] };

/** Names a blank template starts with, in the person's language. */
export interface BlankNames {
  readonly template: string;
  readonly section: string;
  readonly indicator: string;
  readonly grades: readonly [string, string, string, string];
}

/** A new, valid template to build from scratch: one section, one indicator, the usual grades. */
export function blankTemplate(names: BlankNames): Template {
  const [excellent, good, pass, fail] = names.grades;
  return emptyTemplate('', {
    name: names.template,
    sections: [{ id: 'section_1', name: names.section, combine: 'sum', indicators: [{ id: 'indicator_1', name: names.indicator, quantitative: false, max: 100, rule: { kind: 'direct' } }] }],
    grades: [
      { label: excellent, min: 90, minInclusive: true },
      { label: good, min: 70, minInclusive: true },
      { label: pass, min: 60, minInclusive: true },
      { label: fail, min: null, minInclusive: true, failing: true },
    ],
  });
}

export async function createBlankTemplate(workspaceId: string, names: BlankNames): Promise<TemplateRecord> {
  return createTemplate(workspaceId, blankTemplate(names), '');
}

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
