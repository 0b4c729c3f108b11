// Proposes a mapping for a sheet: where the header is (merged group headers included), whether it
// is one row per person or one form per person, and what each column or row is — people, inputs,
// indicator scores, sections, total, grade, weights, max points, targets. A guess for the wizard
// to show and the user to correct; `buildTemplate` does the real work.
import type { WorkSheet } from '@e965/xlsx';
import type { InputDef } from '../../scoring/model';
import { cellAt, cellFormula, cellText, cellValue, extentOf, isPercentCell, mergeAt, mergesOf, shownText } from './cells';
import { referencesOf } from './excel-formula';
import { lexExcel } from './excel-lexer';
import { parseExcel } from './excel-parser';
import { fieldKey } from './frame';
import { issue, type Issue } from './issues';
import type { AnalyzeChoice, ExcelLayout, ExcelMapping, FieldRole, FormOffset, MappedField, PeopleSpec } from './mapping';
import { columnLetters } from './references';
import type { ExcelWorkbook } from './workbook';

export type AnalyzeResult = { readonly ok: true; readonly mapping: ExcelMapping } | { readonly ok: false; readonly issues: readonly Issue[] };

// What headers say, in Chinese and English, as the seeds and common templates write them.
const NAME_HEADER = /^(姓\s*名|员工姓名|员工|人员|名字|被考核人|name)$/i;
const ID_HEADER = /^(工号|员工编号|员工号|人员编号|编号|employee\s*id|id)$/i;
const IGNORE_HEADER = /^(序号|备注|说明|签字|签名|部门|岗位|职位|日期|no\.?|#)$/i;
const TOTAL_HEADER = /(总分|总计|综合得分|最终得分|总得分|考核得分合计|合计得分|^合计$|^total)/i;
const GRADE_HEADER = /(等级|评级|级别|评定|考核结果|grade|rating)/i;
const RANK_HEADER = /(排名|名次|rank)/i;
const SUMMARY_ROW = /^(合计|总计|平均值?|小计|汇总)|^(total|average|sum)\b/i;
const WEIGHT_LABEL = /(权重|比重|占比|weight)/i;
const MAX_LABEL = /(满分|分值|标准分|最高分|max)/i;
const TARGET_LABEL = /(目标|target)/i;
const DEFINITION_LABEL = /(评分标准|考核标准|评分细则|计分方法|评分方法|指标定义|指标说明|考核要求|评分等级|要求|标准|说明)/;
const FORM_LABEL = /(考核项目|考核指标|指标名称|考核内容|项目名称|关键结果|工作任务|工作内容|重点工作|KPI|\bKR\b|指标|项目)/i;
const SCORE_HEADER = /(得分|评分|分数|考核结果|结果|score)/i;
const CATEGORY_HEADER = /(类别|维度|考核类别|分类|模块|类型|^目标\s*[(（]\s*O\s*[)）]$|^objectives?$)/i;
const SUBTOTAL_LABEL = /(小计|合计)/;
/** A column summing up part of the sheet (业绩考核, 行为合计), even when it reads one score. */
const SECTION_HEADER = /(考核|合计|小计|部分)$/;
const LEVEL_HEADER = /(等级|级别|level)/i;
const PERSON_NAME = /^姓\s*名\s*[:：]?\s*$/;
const PERSON_NAME_INLINE = /^姓\s*名\s*[:：]\s*(.+)$/;
/** A label on a form (`月份：`, `部门:`): never a person's name. */
const FORM_FIELD_LABEL = /[:：]$/;
/** Values of a yes/no column: a 是否达标 column is not a grade. */
const YES_NO = /^(是|否|y|n|yes|no|√|×|✓|✗)$/i;
/** Header words that say "this row is the header": a whole short cell naming people or items. */
const HEADER_WORD = (text: string) => text.length <= 10 && (NAME_HEADER.test(text) || FORM_LABEL.test(text));

interface Grid {
  readonly sheet: WorkSheet;
  readonly rows: number;
  readonly cols: number;
}

function isNumberCell(grid: Grid, row: number, col: number): boolean {
  return typeof cellValue(cellAt(grid.sheet, row, col)) === 'number';
}

function hasFormula(grid: Grid, row: number, col: number): boolean {
  return cellFormula(cellAt(grid.sheet, row, col)) !== undefined;
}

function textsIn(grid: Grid, row: number): string[] {
  return Array.from({ length: grid.cols }, (_, col) => shownText(grid.sheet, row, col));
}

/** The first row with a formula or two numbers: data starts there. */
function firstDataRow(grid: Grid): number {
  for (let row = 0; row < grid.rows; row++) {
    let numbers = 0;
    for (let col = 0; col < grid.cols; col++) {
      if (hasFormula(grid, row, col)) return row;
      if (isNumberCell(grid, row, col)) numbers += 1;
    }
    if (numbers >= 2) return row;
  }
  return grid.rows;
}

function rowLabel(grid: Grid, row: number): string {
  return textsIn(grid, row).find((text) => text !== '' && Number.isNaN(Number(text))) ?? '';
}

function isMetaRow(grid: Grid, row: number): boolean {
  const label = rowLabel(grid, row);
  return WEIGHT_LABEL.test(label) || MAX_LABEL.test(label) || TARGET_LABEL.test(label);
}

/**
 * The header row: the last row above the data with two texts or more, weights/max rows skipped.
 * A row above it that names people or items (姓名, 考核项目) wins over rows of item text: a sheet
 * whose header is on row 1 and whose first formula is a 合计 row far below is read from row 1.
 */
function headerRowOf(grid: Grid, dataStart: number): number {
  let found = -1;
  for (let row = Math.min(dataStart, grid.rows) - 1; row >= 0; row--) {
    if (isMetaRow(grid, row)) continue;
    const texts = textsIn(grid, row).filter((text, col) => text !== '' && Number.isNaN(Number(text)) && !isNumberCell(grid, row, col));
    if (new Set(texts).size >= 2) {
      found = row;
      break;
    }
  }
  if (found >= 0 && textsIn(grid, found).some(HEADER_WORD)) return found;
  for (let row = 0; row < Math.min(dataStart, grid.rows); row++) {
    if (textsIn(grid, row).some(HEADER_WORD) && new Set(textsIn(grid, row).filter((text) => text !== '')).size >= 2) return row;
  }
  return found;
}

/** A title above the header: the only text of its row (客户考核评分表(月度)). */
function titleAbove(grid: Grid, headerRow: number): string | undefined {
  for (let row = 0; row < headerRow; row++) {
    const texts = [...new Set(textsIn(grid, row).filter((text) => text !== ''))];
    if (texts.length === 1 && !PERSON_NAME_INLINE.test(texts[0] as string)) return texts[0];
  }
  return undefined;
}

/**
 * A group header over a column: a merged cell of the row above the header spanning several
 * columns. The sheet's title (merged over the whole table) is not a group.
 */
function groupHeader(grid: Grid, headerRow: number, col: number, title: string | undefined): string {
  if (headerRow <= 0) return '';
  const merge = mergesOf(grid.sheet).find((m) => m.s.r === headerRow - 1 && m.e.r === headerRow - 1 && m.s.c <= col && m.e.c >= col && m.e.c > m.s.c);
  if (!merge) return '';
  const text = cellText(cellAt(grid.sheet, merge.s.r, merge.s.c));
  const used = textsIn(grid, headerRow).flatMap((t, c) => (t === '' ? [] : [c]));
  const spansTable = used.length > 0 && merge.s.c <= (used[0] as number) && merge.e.c >= (used[used.length - 1] as number);
  if (text === title || spansTable) return '';
  return text;
}

/** `客户满意度(20分)` → 20; `权重20%` → 0.2. */
function numberInHeader(header: string): { max?: number; weight?: number } {
  const max = /(\d+(?:\.\d+)?)\s*分/.exec(header);
  const weight = /(\d+(?:\.\d+)?)\s*%/.exec(header);
  return { ...(max ? { max: Number(max[1]) } : {}), ...(weight ? { weight: Number(weight[1]) / 100 } : {}) };
}

/** Points as a number: `20`, or `20分` written as text. */
function pointsOf(value: ReturnType<typeof cellValue>): number | null {
  if (typeof value === 'number') return value;
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Columns a formula reads in its own row (this sheet). With `cellsOnly`, ranges reaching other
 * rows (a lookup table beside the form) do not count: they are tables, not the row's values.
 */
function columnsRead(formula: string, row: number, cellsOnly = false): number[] {
  const parsed = parseExcel(formula);
  if (!parsed.ok) return [];
  const cols = new Set<number>();
  for (const ref of referencesOf(parsed.ast)) {
    if (ref.sheet !== undefined || ref.start.row > row || ref.end.row < row) continue;
    if (cellsOnly && (ref.start.row !== ref.end.row || ref.whole !== undefined)) continue;
    for (let col = ref.start.col; col <= ref.end.col && col <= ref.start.col + 200; col++) cols.add(col);
  }
  return [...cols];
}

function inputTypeOf(grid: Grid, rows: readonly number[], col: number, header: string): InputDef['type'] {
  const cells = rows.map((row) => cellAt(grid.sheet, row, col)).filter((cell) => cellValue(cell) !== null);
  const values = cells.map((cell) => cellValue(cell));
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.some((v) => typeof v === 'string')) return LEVEL_HEADER.test(header) ? 'level' : 'text';
  if (cells.some((cell) => isPercentCell(cell))) return 'percent';
  if (LEVEL_HEADER.test(header) && values.every((v) => Number.isInteger(v))) return 'level';
  return 'number';
}

/** Unique names: a repeat gets its column letters (`得分(F)`). */
function uniqueNames(fields: MappedField[]): MappedField[] {
  const seen = new Set<string>();
  return fields.map((field) => {
    if (field.role === 'ignore') return field;
    let name = field.name === '' ? columnLetters(field.at.col) : field.name;
    if (seen.has(name)) name = `${name}(${field.key})`;
    seen.add(name);
    return { ...field, name };
  });
}

function analyzeRows(grid: Grid, sheetName: string, headerRow: number, title: string | undefined, chosenNameColumn?: number): ExcelMapping {
  const headers = textsIn(grid, headerRow < 0 ? 0 : headerRow).map((text) => (headerRow < 0 ? '' : text));
  const nameColumn = chosenNameColumn ?? Math.max(0, headers.findIndex((h) => NAME_HEADER.test(h)));
  const idIndex = headers.findIndex((h, col) => ID_HEADER.test(h) && col !== nameColumn);
  const metaRows: { kind: 'weight' | 'max' | 'target'; row: number }[] = [];
  const people: number[] = [];
  for (let row = headerRow + 1; row < grid.rows; row++) {
    const label = rowLabel(grid, row);
    if (WEIGHT_LABEL.test(label)) metaRows.push({ kind: 'weight', row });
    else if (MAX_LABEL.test(label)) metaRows.push({ kind: 'max', row });
    else if (TARGET_LABEL.test(label) && !cellText(cellAt(grid.sheet, row, nameColumn))) metaRows.push({ kind: 'target', row });
    const name = cellText(cellAt(grid.sheet, row, nameColumn));
    if (name === '' || SUMMARY_ROW.test(name) || metaRows.some((m) => m.row === row)) continue;
    const filled = Array.from({ length: grid.cols }, (_, col) => col).some((col) => col !== nameColumn && (hasFormula(grid, row, col) || isNumberCell(grid, row, col)));
    if (filled) people.push(row);
  }
  const first = people[0] ?? headerRow + 1;
  const columns = Array.from({ length: grid.cols }, (_, col) => col).filter((col) => col !== nameColumn && col !== idIndex);
  const formulaOf = (col: number) => cellFormula(cellAt(grid.sheet, first, col));
  // Which columns each formula column reads in the same row (the first person's formulas).
  const reads = new Map(columns.map((col): [number, number[]] => {
    const formula = formulaOf(col);
    return [col, formula === undefined ? [] : columnsRead(formula, first).filter((c) => c !== col)];
  }));
  const isFormula = (col: number) => formulaOf(col) !== undefined;
  const header = (col: number) => headers[col] ?? '';
  const texts = (col: number) => people.map((row) => cellValue(cellAt(grid.sheet, row, col))).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const textResults = (col: number) => people.filter((row) => typeof cellValue(cellAt(grid.sheet, row, col)) === 'string').length > people.length / 2;
  // 是否达标 = IF(总分>=60,"是","否") gives text too, but it is a yes/no, not a grade.
  const yesNo = (col: number) => texts(col).length > 0 && texts(col).every((text) => YES_NO.test(text.trim()));

  const role = new Map<number, FieldRole>();
  const formulaCols = columns.filter(isFormula);
  for (const col of formulaCols) {
    if (yesNo(col)) role.set(col, 'ignore');
    else if (GRADE_HEADER.test(header(col)) || textResults(col)) role.set(col, 'grade');
    else if (RANK_HEADER.test(header(col)) || /RANK/i.test(formulaOf(col) ?? '')) role.set(col, 'rank');
  }
  // One grade: the column headed as one (等级), else the first text column; others are left out.
  const grades = formulaCols.filter((col) => role.get(col) === 'grade');
  const grade = grades.find((col) => GRADE_HEADER.test(header(col))) ?? grades[0];
  for (const col of grades) if (col !== grade) role.set(col, 'ignore');
  const numeric = formulaCols.filter((col) => !role.has(col));
  const readBy = (col: number) => numeric.filter((other) => (reads.get(other) ?? []).includes(col));
  const byHeader = [...numeric].reverse().find((col) => TOTAL_HEADER.test(header(col)));
  const downstream = [...numeric].reverse().find((col) => readBy(col).length === 0 && (reads.get(col) ?? []).filter((c) => numeric.includes(c)).length >= 2);
  const total = byHeader ?? downstream;
  if (total !== undefined) role.set(total, 'total');
  const totalReads = total === undefined ? [] : (reads.get(total) ?? []);
  // Sections: what the total reads that itself reads other scores.
  const sections = totalReads.filter((col) => {
    const scores = (reads.get(col) ?? []).filter((c) => numeric.includes(c));
    return numeric.includes(col) && (scores.length >= 2 || (scores.length === 1 && SECTION_HEADER.test(header(col))));
  });
  for (const col of sections) role.set(col, 'section');
  const scored = new Set([...totalReads.filter((c) => !sections.includes(c)), ...sections.flatMap((col) => reads.get(col) ?? [])]);
  for (const col of scored) if (!role.has(col) && columns.includes(col)) role.set(col, 'indicator');
  for (const col of numeric) {
    if (role.has(col)) continue;
    // A formula read by an indicator but not scored itself is a derived input (达成率 = 实际/目标).
    const readByIndicator = [...role].some(([other, r]) => r === 'indicator' && (reads.get(other) ?? []).includes(col));
    role.set(col, readByIndicator ? 'input' : 'indicator');
  }
  const readByAny = new Set(formulaCols.flatMap((col) => reads.get(col) ?? []));
  for (const col of columns) {
    if (role.has(col)) continue;
    const blank = people.every((row) => cellValue(cellAt(grid.sheet, row, col)) === null);
    const ignored = blank || IGNORE_HEADER.test(header(col)) || (!readByAny.has(col) && people.every((row) => typeof cellValue(cellAt(grid.sheet, row, col)) !== 'number'));
    role.set(col, ignored ? 'ignore' : 'input');
  }

  const sectionOf = new Map<number, string>();
  for (const col of sections) for (const read of reads.get(col) ?? []) sectionOf.set(read, header(col) || columnLetters(col));
  const defaultSection = (col: number) => groupHeader(grid, headerRow, col, title) || title || sheetName;
  const meta = (kind: 'weight' | 'max' | 'target', col: number) => {
    const found = metaRows.find((m) => m.kind === kind);
    return found === undefined ? undefined : cellAt(grid.sheet, found.row, col);
  };
  const fields = columns
    .filter((col) => header(col) !== '' || role.get(col) !== 'ignore')
    .map((col): MappedField => {
      const fieldRole = role.get(col) ?? 'ignore';
      const group = groupHeader(grid, headerRow, col, title);
      const base: MappedField = {
        key: fieldKey('person', col),
        role: fieldRole,
        at: { row: 'person', col },
        name: header(col) || group,
        header: group && group !== header(col) ? `${group} / ${header(col)}` : header(col),
      };
      if (fieldRole === 'input') return { ...base, inputType: inputTypeOf(grid, people, col, header(col)) };
      if (fieldRole !== 'indicator') return base;
      const fromHeader = numberInHeader(header(col));
      const weight = cellValue(meta('weight', col) ?? undefined);
      const max = cellValue(meta('max', col) ?? undefined);
      const target = cellText(meta('target', col));
      return {
        ...base,
        section: sectionOf.get(col) ?? defaultSection(col),
        ...(typeof weight === 'number' ? { weight } : fromHeader.weight !== undefined ? { weight: fromHeader.weight } : {}),
        ...(typeof max === 'number' ? { max } : fromHeader.max !== undefined ? { max: fromHeader.max } : {}),
        ...(target ? { target } : {}),
      };
    });
  const named = uniqueNames(fields);
  // Section fields are named as their sections.
  const sectionNames = [...new Set([...named.filter((f) => f.role === 'section').map((f) => f.name), ...named.filter((f) => f.role === 'indicator').map((f) => f.section ?? sheetName)])];
  return {
    sheet: sheetName,
    layout: 'rows',
    headerRow: Math.max(0, headerRow),
    ...(title ? { title } : {}),
    people: { kind: 'rows', rows: people, nameColumn, ...(idIndex >= 0 ? { idColumn: idIndex } : {}) },
    fields: named,
    sections: sectionNames,
  };
}

function findColumn(headers: readonly string[], pattern: RegExp, except: readonly number[] = []): number | undefined {
  const col = headers.findIndex((h, i) => pattern.test(h) && !except.includes(i));
  return col < 0 ? undefined : col;
}

/**
 * A person's name above a form: `姓名 | 张三` or `姓名：张三`. On a blank form the cell after
 * 姓名： is empty, and the next text is another label (`月份：`): the name cell is the empty one.
 */
function nameCellOf(grid: Grid, top: number, headerRow: number): { row: number; col: number } | undefined {
  for (let row = top; row < headerRow; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const text = cellText(cellAt(grid.sheet, row, col));
      if (PERSON_NAME_INLINE.test(text)) return { row, col };
      if (!PERSON_NAME.test(text)) continue;
      const start = (mergeAt(grid.sheet, row, col)?.e.c ?? col) + 1;
      for (let next = start; next < Math.min(grid.cols, start + 4); next++) {
        const found = cellText(cellAt(grid.sheet, row, next));
        if (found === '') continue;
        return FORM_FIELD_LABEL.test(found) || PERSON_NAME.test(found) ? { row, col: start } : { row, col: next };
      }
      return { row, col: start };
    }
  }
  return undefined;
}

/** The cell right of a label (总分 / 等级) that holds a formula, in the label's row. */
function formulaRightOf(grid: Grid, row: number, fromCol: number): number | undefined {
  for (let col = fromCol + 1; col < grid.cols; col++) if (hasFormula(grid, row, col)) return col;
  return undefined;
}

function addressShape(at: { row: number; col: number; rowAbsolute: boolean; colAbsolute: boolean }, row: number, col: number): string {
  return `R${at.rowAbsolute ? at.row : `[${at.row - row}]`}C${at.colAbsolute ? at.col : `[${at.col - col}]`}`;
}

/** A formula as it reads from any cell: references relative to the cell, as R1C1 writes them. */
function formulaShape(formula: string, row: number, col: number): string {
  let shape = '';
  let at = 0;
  for (const token of lexExcel(formula)) {
    shape += formula.slice(at, token.start);
    shape += token.kind === 'ref' ? `${token.ref.sheet ?? ''}!${addressShape(token.ref.start, row, col)}:${addressShape(token.ref.end, row, col)}${token.ref.whole ?? ''}` : formula.slice(token.start, token.end);
    at = token.end;
  }
  return shape + formula.slice(at);
}

/** What a cell holds, for telling copies of a form apart: the formula's shape, or just "a value". */
function cellShape(grid: Grid, row: number, col: number): string {
  const formula = cellFormula(cellAt(grid.sheet, row, col));
  return formula === undefined ? 'v' : `=${formulaShape(formula, row, col)}`;
}

/** Columns headed by who rates (自评, 上级) are one person's columns, not more people. */
const RATER_HEADER = /(自评|他评|互评|上级|主管|经理|领导|复核|考核人|评分人|平级|下级|同事|客户)/;

/**
 * Forms side by side: the score column and the columns right of it holding the same formulas in
 * the same rows, each headed by a name (客服一组 | 客服二组 | 客服三组). Two or more, or none.
 */
function sideBySide(grid: Grid, headerRow: number, end: number, score: number, taken: ReadonlySet<number>): number[] {
  if (score < 0) return [];
  const rows = Array.from({ length: Math.max(0, end - headerRow - 1) }, (_, i) => headerRow + 1 + i);
  const shapeOf = (col: number) => rows.map((row) => cellShape(grid, row, col)).join('\u0000');
  const first = shapeOf(score);
  const notAName = (text: string) => text === '' || SCORE_HEADER.test(text) || WEIGHT_LABEL.test(text) || MAX_LABEL.test(text) || TARGET_LABEL.test(text) || DEFINITION_LABEL.test(text) || CATEGORY_HEADER.test(text) || RATER_HEADER.test(text);
  if (notAName(shownText(grid.sheet, headerRow, score))) return [];
  const columns = [score];
  for (let col = score + 1; col < grid.cols; col++) {
    if (taken.has(col) || notAName(shownText(grid.sheet, headerRow, col)) || shapeOf(col) !== first) break;
    columns.push(col);
  }
  return columns.length >= 2 ? columns : [];
}

/** Forms stacked down the sheet: every later row with the same header texts starts another copy. */
function stackedCopies(grid: Grid, headerRow: number): FormOffset[] {
  const header = textsIn(grid, headerRow);
  const key = header.join('\u0000');
  const offsets: FormOffset[] = [{ row: 0, col: 0 }];
  if (header.filter((text) => text !== '').length < 2) return offsets;
  for (let row = headerRow + 1; row < grid.rows; row++) if (textsIn(grid, row).join('\u0000') === key) offsets.push({ row: row - headerRow, col: 0 });
  return offsets;
}

/** The first row of the form above its header: the title or the 姓名 row. */
function formTop(grid: Grid, headerRow: number): number {
  for (let row = 0; row < headerRow; row++) if (textsIn(grid, row).some((text) => text !== '')) return row;
  return headerRow;
}

/**
 * A form: items in rows (考核项目 | 权重 | 目标 | … | 得分), a total and a grade below. People are
 * copies of it: on other sheets (`sheets`), or on this one (`form`: stacked, or side by side with a
 * column per person or team). `layout` is the person's choice; without it the copies found decide.
 */
function analyzeForm(workbook: ExcelWorkbook, grid: Grid, sheetName: string, headerRow: number, title: string | undefined, layout: 'form' | 'sheets' | undefined): ExcelMapping {
  const headers = textsIn(grid, headerRow);
  const label = findColumn(headers, FORM_LABEL) ?? 0;
  const category = findColumn(headers, CATEGORY_HEADER, [label]);
  const weight = findColumn(headers, WEIGHT_LABEL, [label, category ?? -1]);
  const max = findColumn(headers, MAX_LABEL, [label, category ?? -1]);
  const target = findColumn(headers, TARGET_LABEL, [label, category ?? -1]);
  const definition = findColumn(headers, DEFINITION_LABEL, [label, weight ?? -1, max ?? -1, target ?? -1]);
  const formulaCount = (col: number) => Array.from({ length: grid.rows - headerRow - 1 }, (_, i) => headerRow + 1 + i).filter((row) => hasFormula(grid, row, col)).length;
  const scoreCandidates = headers.map((h, col) => ({ col, h })).filter(({ h, col }) => SCORE_HEADER.test(h) && formulaCount(col) > 0);
  const meta = new Set([label, category, weight, max, target, definition].filter((col): col is number => col !== undefined));
  const numberCount = (col: number) => Array.from({ length: grid.rows - headerRow - 1 }, (_, i) => headerRow + 1 + i).filter((row) => isNumberCell(grid, row, col)).length;
  const score =
    scoreCandidates.sort((a, b) => formulaCount(b.col) - formulaCount(a.col))[0]?.col ??
    (headers.findIndex((_, col) => !meta.has(col) && formulaCount(col) > 0) >= 0
      ? headers.findIndex((_, col) => !meta.has(col) && formulaCount(col) > 0)
      : headers.findIndex((_, col) => col > label && !meta.has(col) && numberCount(col) > 0));

  // Copies of the form on this sheet: stacked (the header again further down), or side by side.
  const top = formTop(grid, headerRow);
  const stacked = layout === 'sheets' ? [{ row: 0, col: 0 }] : stackedCopies(grid, headerRow);
  const end = stacked.length > 1 ? top + (stacked[1] as FormOffset).row : grid.rows;
  const columns = layout === 'sheets' || stacked.length > 1 ? [] : sideBySide(grid, headerRow, end, score, meta);

  const fields: MappedField[] = [];
  const sections: string[] = [];
  let section = '';
  const itemLabels: { row: number; text: string }[] = [];
  const place = (row: number, col: number) => ({ key: fieldKey(row, col), at: { row, col } });
  for (let row = headerRow + 1; row < end; row++) {
    const text = shownText(grid.sheet, row, label);
    const rowTexts = textsIn(grid, row);
    const categoryText = category === undefined ? '' : shownText(grid.sheet, row, category);
    const scoreFormula = score >= 0 && hasFormula(grid, row, score);
    const totalAt = rowTexts.findIndex((t) => TOTAL_HEADER.test(t));
    const gradeAt = rowTexts.findIndex((t) => GRADE_HEADER.test(t) && !DEFINITION_LABEL.test(t));
    // A grade row: labelled 等级 and its formula gives text (an item named 服务等级 gives points).
    const gradeCol = gradeAt < 0 ? undefined : scoreFormula ? score : formulaRightOf(grid, row, gradeAt);
    if (gradeCol !== undefined && totalAt < 0 && typeof cellValue(cellAt(grid.sheet, row, gradeCol)) === 'string') {
      fields.push({ ...place(row, gradeCol), role: 'grade', name: rowTexts[gradeAt] ?? '等级', header: rowTexts[gradeAt] ?? '' });
      continue;
    }
    if (totalAt >= 0) {
      const col = scoreFormula ? score : formulaRightOf(grid, row, totalAt);
      if (col !== undefined) fields.push({ ...place(row, col), role: 'total', name: rowTexts[totalAt] ?? '总分', header: rowTexts[totalAt] ?? '' });
      // A total row may also carry the grade further right.
      if (gradeAt > totalAt) {
        const gradeCol = formulaRightOf(grid, row, gradeAt);
        if (gradeCol !== undefined) fields.push({ ...place(row, gradeCol), role: 'grade', name: rowTexts[gradeAt] ?? '等级', header: rowTexts[gradeAt] ?? '' });
      }
      continue;
    }
    if (text !== '' && SUBTOTAL_LABEL.test(text) && scoreFormula) {
      const name = categoryText || section || text;
      fields.push({ ...place(row, score), role: 'section', name, header: text });
      if (!sections.includes(name)) sections.push(name);
      continue;
    }
    if (text !== '' && !scoreFormula && !isNumberCell(grid, row, score) && rowTexts.filter((t) => t !== '').length <= 2) {
      section = text.replace(/^[一二三四五六七八九十\d]+[、.．)]\s*/, '');
      continue;
    }
    if (text === '' || !(scoreFormula || isNumberCell(grid, row, score))) continue;
    const sectionName = categoryText || section || title || sheetName;
    if (!sections.includes(sectionName)) sections.push(sectionName);
    itemLabels.push({ row, text });
    const formula = cellFormula(cellAt(grid.sheet, row, score));
    const inputCols = formula === undefined ? [] : columnsRead(formula, row, true).filter((col) => col !== score && !meta.has(col) && !columns.includes(col) && !hasFormula(grid, row, col));
    for (const col of inputCols) {
      const inputHeader = headers[col] || columnLetters(col);
      fields.push({ ...place(row, col), role: 'input', name: `${text}(${inputHeader})`, header: `${text} / ${inputHeader}`, inputType: inputTypeOf(grid, [row], col, inputHeader) });
    }
    const weightValue = weight === undefined ? null : cellValue(cellAt(grid.sheet, row, weight));
    const maxValue = max === undefined ? null : pointsOf(cellValue(cellAt(grid.sheet, row, max)));
    const targetText = target === undefined ? '' : shownText(grid.sheet, row, target);
    const definitionText = definition === undefined ? '' : shownText(grid.sheet, row, definition);
    fields.push({
      ...place(row, score),
      role: 'indicator',
      name: text,
      header: text,
      section: sectionName,
      ...(typeof weightValue === 'number' ? { weight: weightValue } : {}),
      ...(typeof maxValue === 'number' ? { max: maxValue } : {}),
      ...(targetText ? { target: targetText } : {}),
      ...(definitionText ? { definition: definitionText } : {}),
    });
  }
  // Other sheets with the same items in the same rows are more people's forms.
  const sameShape = (other: WorkSheet) => itemLabels.every(({ row, text }) => shownText(other, row, label) === text);
  const others =
    layout === 'form' || columns.length > 0 || stacked.length > 1
      ? []
      : workbook.book.SheetNames.filter((name) => name !== sheetName && workbook.sheets.find((s) => s.name === name && !s.issue) && sameShape(workbook.book.Sheets[name] as WorkSheet));
  const nameCell = columns.length > 0 ? { row: headerRow, col: score } : nameCellOf(grid, top, headerRow);
  const named = nameCell ? { nameCell } : {};
  const sheets = layout === 'sheets' || (layout === undefined && others.length > 0 && itemLabels.length > 0);
  const people: PeopleSpec = sheets
    ? { kind: 'sheets', sheets: itemLabels.length > 0 ? [sheetName, ...others] : [sheetName], ...named }
    : { kind: 'blocks', blocks: columns.length > 0 ? columns.map((col) => ({ row: 0, col: col - score })) : stacked, ...named };
  return {
    sheet: sheetName,
    layout: sheets ? 'sheets' : 'form',
    headerRow,
    ...(title ? { title } : {}),
    people,
    fields: uniqueNames(fields),
    sections,
  };
}

/** Does the sheet read as a form (items in rows) rather than one row per person? */
function looksLikeForm(grid: Grid, headerRow: number, headers: readonly string[]): boolean {
  if (headers.some((h) => NAME_HEADER.test(h))) return false;
  if (headers.some((h) => FORM_LABEL.test(h))) return true;
  // 姓名：above the table and no name column: a form for one person.
  return headerRow > 0 && nameCellOf(grid, 0, headerRow) !== undefined;
}

/**
 * Proposes a mapping for one sheet of a workbook. What the person chose in the wizard (layout,
 * header row, name column) is kept; the rest is guessed. Any choice gives a mapping to correct,
 * never a dead end: a layout that finds nobody says so in the wizard, with the choice still open.
 */
export function analyzeSheet(workbook: ExcelWorkbook, sheetName: string, choice: AnalyzeChoice = {}): AnalyzeResult {
  const summary = workbook.sheets.find((s) => s.name === sheetName);
  const sheet = workbook.book.Sheets[sheetName];
  if (!summary || !sheet) return { ok: false, issues: [issue('noSheet', { sheet: sheetName })] };
  if (summary.issue) return { ok: false, issues: [summary.issue] };
  const grid: Grid = { sheet, ...extentOf(sheet) };
  const chosenRow = choice.headerRow === undefined ? undefined : Math.max(0, Math.min(choice.headerRow, Math.max(0, grid.rows - 1)));
  const headerRow = chosenRow ?? headerRowOf(grid, firstDataRow(grid));
  const title = headerRow > 0 ? titleAbove(grid, headerRow) : undefined;
  const headers = headerRow >= 0 ? textsIn(grid, headerRow) : [];
  const layout: ExcelLayout = choice.layout ?? (looksLikeForm(grid, headerRow, headers) ? 'form' : 'rows');
  if (layout === 'rows') {
    const nameColumn = choice.nameColumn === undefined ? undefined : Math.max(0, Math.min(choice.nameColumn, Math.max(0, grid.cols - 1)));
    return { ok: true, mapping: analyzeRows(grid, sheetName, headerRow, title, nameColumn) };
  }
  // Without a choice, the copies found decide between forms on this sheet and a sheet each.
  return { ok: true, mapping: analyzeForm(workbook, grid, sheetName, Math.max(0, headerRow), title, choice.layout === undefined ? undefined : layout) };
}
