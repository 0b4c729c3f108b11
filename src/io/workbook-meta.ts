// The parts of an exported workbook that let it come back losslessly: the template as JSON (the
// same envelope as a template file) and a key saying what each column holds. Both are text split
// across cells of column A, since one Excel cell holds at most 32,767 characters.
import * as v from 'valibot';
import type { Template } from '../scoring/model';
import { RATER_ROLES } from '../scoring/model';

export const TEMPLATE_FILE_FORMAT = 'kaohe-template';
export const TEMPLATE_FILE_VERSION = 1;
export const WORKBOOK_FORMAT = 'kaohe-workbook';
export const WORKBOOK_VERSION = 1;
/** The hidden sheet holding the key. */
export const META_SHEET = '_kaohe';

/** Characters per cell when text is split across cells (below Excel's 32,767). */
export const CHUNK = 32_000;

export function templateEnvelope(template: Template): string {
  return JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, template });
}

export function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) parts.push(text.slice(at, at + CHUNK));
  return parts.length > 0 ? parts : [''];
}

const columnKinds = ['employeeNo', 'name', 'status', 'personId', 'entry', 'computed'] as const;

const MetaColumnSchema = v.object({
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16_383)),
  kind: v.picklist(columnKinds),
  /** EntryTarget id (`supervisor|process_completion`) of an entry column. */
  target: v.optional(v.pipe(v.string(), v.maxLength(400))),
});

const RaterDetailSchema = v.object({
  employeeNo: v.pipe(v.string(), v.maxLength(200)),
  name: v.pipe(v.string(), v.maxLength(200)),
  /** EntryTarget id of the column (`supervisor|process_completion`). */
  target: v.pipe(v.string(), v.maxLength(400)),
  /** [rater name ('' = not recorded), value] */
  values: v.pipe(v.array(v.tuple([v.pipe(v.string(), v.maxLength(200)), v.union([v.number(), v.pipe(v.string(), v.maxLength(32_767))])])), v.maxLength(1_000)),
});
/** An A1 address (`B32`). */
const cellAddress = v.pipe(v.string(), v.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/));

export const WorkbookMetaSchema = v.object({
  format: v.literal(WORKBOOK_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** `confirmation`: one person's result sheet for 员工确认 (confirmation-form.ts). */
  kind: v.picklist(['scores', 'raterForm', 'confirmation']),
  sheet: v.pipe(v.string(), v.minLength(1), v.maxLength(31)),
  templateSheet: v.optional(v.pipe(v.string(), v.maxLength(31))),
  /** 0-based header row of the data sheet. */
  headerRow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000)),
  periodId: v.pipe(v.string(), v.maxLength(200)),
  periodKey: v.pipe(v.string(), v.maxLength(40)),
  periodKind: v.picklist(['week', 'month', 'quarter', 'year']),
  templateId: v.pipe(v.string(), v.maxLength(400)),
  templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Rater forms: whose form it is. */
  role: v.optional(v.picklist(RATER_ROLES)),
  rater: v.optional(v.pipe(v.string(), v.maxLength(200))),
  columns: v.pipe(v.array(MetaColumnSchema), v.maxLength(16_384)),
  /**
   * Scores workbooks: every cell with a named rater, each rater's value (the sheet holds their
   * mean), so the workbook imports back unchanged. By the person's 工号 and 姓名 as written.
   */
  raters: v.optional(v.pipe(v.array(RaterDetailSchema), v.maxLength(2_000_000))),
  /** Confirmation sheets: whose result it is, where the employee answers, and the result they saw. */
  personId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  fields: v.optional(v.object({ agree: cellAddress, text: cellAddress, by: cellAddress, date: cellAddress })),
  result: v.optional(v.object({ total: v.nullable(v.pipe(v.number(), v.finite())), grade: v.nullable(v.pipe(v.string(), v.maxLength(200))) })),
});

export type WorkbookMeta = v.InferOutput<typeof WorkbookMetaSchema>;
export type MetaColumn = WorkbookMeta['columns'][number];
