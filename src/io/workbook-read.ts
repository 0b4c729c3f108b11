// Recognising Kaohe's own workbooks (the rating workbook, rater forms) when they come back: the
// hidden key says what each column holds, so columns map without guessing, and the template
// sheet gives the template back exactly. Everything read here is untrusted and checked.
import * as v from 'valibot';
import type { Template } from '../scoring/model';
import { restoreTemplate, type RestoreResult } from '../scoring/restore';
import type { ColumnMapping, ColumnTarget } from './mapping';
import type { ReadWorkbook } from './xlsx-read';
import { META_SHEET, TEMPLATE_FILE_FORMAT, TEMPLATE_FILE_VERSION, WorkbookMetaSchema, type WorkbookMeta } from './workbook-meta';
import type { RawTable } from './table';

export type MetaResult = { readonly ok: true; readonly meta: WorkbookMeta } | { readonly ok: false; readonly reason: 'absent' | 'invalid' };

/** Column A of a sheet from `fromRow` on, joined: text that was split across cells. */
function joinedColumn(table: RawTable, fromRow: number): string {
  return table.rows
    .slice(fromRow)
    .map((row) => (typeof row[0] === 'string' ? row[0] : ''))
    .join('');
}

export function readWorkbookMeta(workbook: ReadWorkbook): MetaResult {
  if (!workbook.allSheetNames.includes(META_SHEET)) return { ok: false, reason: 'absent' };
  const table = workbook.table(META_SHEET);
  if (!('rows' in table)) return { ok: false, reason: 'invalid' };
  let json: unknown;
  try {
    json = JSON.parse(joinedColumn(table, 0));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = v.safeParse(WorkbookMetaSchema, json);
  return parsed.success ? { ok: true, meta: withDataSheet(workbook, parsed.output) } : { ok: false, reason: 'invalid' };
}

/**
 * The key names the data sheet, but people rename sheets (评分 → 张三的评分). When the named sheet
 * is gone, the data sheet is the other sheet whose header row is as wide as the key's columns: the
 * hidden key still says what each column holds.
 */
function withDataSheet(workbook: ReadWorkbook, meta: WorkbookMeta): WorkbookMeta {
  if (workbook.allSheetNames.includes(meta.sheet)) return meta;
  const width = Math.max(0, ...meta.columns.map((column) => column.index + 1));
  const renamed = workbook.allSheetNames.find((name) => {
    if (name === META_SHEET || name === meta.templateSheet) return false;
    const table = workbook.table(name);
    const header = 'rows' in table ? table.rows[meta.headerRow] : undefined;
    return header !== undefined && header.length >= width && header.slice(0, width).filter((cell) => cell !== null && cell !== '').length >= Math.min(width, 2);
  });
  return renamed === undefined ? meta : { ...meta, sheet: renamed };
}

/** The template in the workbook's template sheet, through restoreTemplate. */
export function readTemplateSheet(workbook: ReadWorkbook, meta: WorkbookMeta): RestoreResult<Template> | undefined {
  if (!meta.templateSheet || !workbook.allSheetNames.includes(meta.templateSheet)) return undefined;
  const table = workbook.table(meta.templateSheet);
  if (!('rows' in table)) return undefined;
  let envelope: unknown;
  try {
    envelope = JSON.parse(joinedColumn(table, 1));
  } catch {
    return { ok: false, problems: [{ path: '(root)', kind: 'type', expected: 'JSON', received: meta.templateSheet }] };
  }
  const header = envelope as { format?: unknown; version?: unknown; template?: unknown } | null;
  if (!header || header.format !== TEMPLATE_FILE_FORMAT) return { ok: false, problems: [{ path: 'format', kind: 'value', expected: TEMPLATE_FILE_FORMAT, received: String(header?.format) }] };
  if (typeof header.version !== 'number' || header.version > TEMPLATE_FILE_VERSION) {
    return { ok: false, problems: [{ path: 'version', kind: 'value', expected: `≤ ${TEMPLATE_FILE_VERSION}`, received: String(header.version) }] };
  }
  return restoreTemplate(header.template, 'template');
}

/** The column mapping the key describes; targets the current template lacks become "ignore" later. */
export function mappingFromMeta(meta: WorkbookMeta, columns: number): ColumnMapping {
  const list: ColumnTarget[] = new Array<ColumnTarget>(columns).fill('ignore');
  for (const column of meta.columns) {
    if (column.index >= columns) continue;
    if (column.kind === 'employeeNo') list[column.index] = 'person.employeeNo';
    else if (column.kind === 'name') list[column.index] = 'person.name';
    else if (column.kind === 'personId') list[column.index] = 'person.id';
    else if (column.kind === 'entry' && column.target) list[column.index] = `entry:${column.target}`;
  }
  return { layout: 'wide', headerRow: meta.headerRow, columns: list };
}

/** JSON with object keys sorted, so two equal values give the same text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Is the template in a workbook the same as the period's (field order aside)? */
export function sameTemplate(a: Template, b: Template): boolean {
  return canonical(a) === canonical(b);
}
