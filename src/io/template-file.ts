// The template file (`*.kaohe-template.json`): a JSON envelope with a format name and version
// around one Template. Reading is all-or-nothing: a file either restores to a valid Template or
// gives every problem with where it is, what is wrong and what was expected. See
// docs/template-format.md.
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/catalog';
import type { Template } from '../scoring/model';
import * as v from 'valibot';
import { describeRestoreProblem, findUnsafeKeys, restoreTemplate, TemplateSchema, type RestoreProblem } from '../scoring/index';

export const TEMPLATE_FILE_FORMAT = 'kaohe-template';
/** The newest envelope version this app writes and reads. */
export const TEMPLATE_FILE_VERSION = 1;
/** A real template is a few dozen KB; anything above this is refused before JSON.parse. */
export const TEMPLATE_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface TemplateFile {
  readonly format: typeof TEMPLATE_FILE_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly template: Template;
}

export type TemplateFileProblem =
  | { readonly kind: 'tooLarge'; readonly file: string; readonly bytes: number }
  | { readonly kind: 'empty'; readonly file: string }
  | { readonly kind: 'json'; readonly file: string; readonly line: number; readonly column: number; readonly detail: string }
  | { readonly kind: 'notObject'; readonly file: string; readonly received: string }
  | { readonly kind: 'format'; readonly file: string; readonly received: string }
  | { readonly kind: 'version'; readonly file: string; readonly received: string }
  | { readonly kind: 'newer'; readonly file: string; readonly version: number }
  | { readonly kind: 'restore'; readonly file: string; readonly problem: RestoreProblem };

export type TemplateFileResult =
  | { readonly ok: true; readonly template: Template; readonly exportedAt: string | null }
  | { readonly ok: false; readonly problems: readonly TemplateFileProblem[] };

/** The file's text: the envelope, pretty-printed so a person can read and diff it. */
export function templateFileText(template: Template, exportedAt: Date): string {
  const file: TemplateFile = { format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, exportedAt: exportedAt.toISOString(), template: canonical(template) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Keys in the schema's order, so a template exported, imported and exported again gives the
 * same bytes (templates built in code may list `unit` before `min`).
 */
function canonical(template: Template): Template {
  const parsed = v.safeParse(TemplateSchema, template);
  return parsed.success ? parsed.output : template;
}

/** A file name from the template name, safe on every file system (客户考核评分表(月度).kaohe-template.json). */
export function templateFileName(template: Pick<Template, 'name' | 'version'>): string {
  const base = template.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim().slice(0, 80) || 'template';
  return `${base}.kaohe-template.json`;
}

/** UTF-8 length without allocating a copy of a possibly huge text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Line and column (1-based) of a 0-based offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Where JSON.parse stopped: engines say "at position N" (V8) or "line L column C" (Firefox). */
function jsonErrorAt(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  return lineAndColumn(text, position ? Number(position[1]) : text.length);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  if (typeof value === 'object') return 'object';
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse a template file's text completely; nothing is stored here, so nothing half-done can be. */
export function parseTemplateFile(file: string, text: string): TemplateFileResult {
  const bytes = utf8Length(text);
  if (bytes > TEMPLATE_FILE_MAX_BYTES) return { ok: false, problems: [{ kind: 'tooLarge', file, bytes }] };
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, problems: [{ kind: 'empty', file }] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ kind: 'json', file, ...jsonErrorAt(source, detail), detail }] };
  }
  if (!isRecord(data)) return { ok: false, problems: [{ kind: 'notObject', file, received: describeValue(data) }] };
  const unsafe = findUnsafeKeys(data);
  if (unsafe.length > 0) return { ok: false, problems: unsafe.map((problem) => ({ kind: 'restore', file, problem })) };
  if (data.format !== TEMPLATE_FILE_FORMAT) return { ok: false, problems: [{ kind: 'format', file, received: describeValue(data.format) }] };
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ kind: 'version', file, received: describeValue(version) }] };
  }
  if (version > TEMPLATE_FILE_VERSION) return { ok: false, problems: [{ kind: 'newer', file, version }] };
  const problems: TemplateFileProblem[] = [];
  if (data.exportedAt !== undefined && typeof data.exportedAt !== 'string') {
    problems.push({ kind: 'restore', file, problem: { path: 'exportedAt', kind: 'type', expected: 'string', received: describeValue(data.exportedAt) } });
  }
  if (data.template === undefined) {
    problems.push({ kind: 'restore', file, problem: { path: 'template', kind: 'missing', expected: 'object', received: 'undefined' } });
    return { ok: false, problems };
  }
  const restored = restoreTemplate(data.template, 'template');
  if (!restored.ok) problems.push(...restored.problems.map((problem) => ({ kind: 'restore' as const, file, problem })));
  if (problems.length > 0 || !restored.ok) return { ok: false, problems };
  return { ok: true, template: restored.value, exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : null };
}

/** Read a File (or anything shaped like one): the size is checked before the text is read. */
export async function readTemplateFile(file: { readonly name: string; readonly size: number; text(): Promise<string> }): Promise<TemplateFileResult> {
  if (file.size > TEMPLATE_FILE_MAX_BYTES) return { ok: false, problems: [{ kind: 'tooLarge', file: file.name, bytes: file.size }] };
  return parseTemplateFile(file.name, await file.text());
}

/** 5.2 MB, 830 KB, 120 B. */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(locale, bytes / (1024 * 1024), 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(locale, bytes / 1024, 0)} KB`;
  return `${bytes} B`;
}

export function describeTemplateFileProblem(problem: TemplateFileProblem, locale: Locale): string {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, { file: problem.file, ...params });
  switch (problem.kind) {
    case 'tooLarge':
      return say('studio.file.tooLarge', { size: formatBytes(problem.bytes, locale), limit: formatBytes(TEMPLATE_FILE_MAX_BYTES, locale) });
    case 'empty':
      return say('studio.file.empty');
    case 'json':
      return say('studio.file.json', { line: problem.line, column: problem.column, detail: problem.detail });
    case 'notObject':
      return say('studio.file.notObject', { received: problem.received });
    case 'format':
      return say('studio.file.format', { received: problem.received, expected: TEMPLATE_FILE_FORMAT });
    case 'version':
      return say('studio.file.version', { received: problem.received });
    case 'newer':
      return say('studio.file.newer', { version: problem.version, supported: TEMPLATE_FILE_VERSION });
    case 'restore':
      return describeRestoreProblem(problem.problem, locale);
  }
}
