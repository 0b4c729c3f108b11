// A mapping → a template: formulas translated, shapes recognised, sections, total and grades read
// from the sheet's own formulas, and each person's inputs and Excel's cached results kept for the
// review and the check. Nothing is saved here; the wizard saves when the person accepts.
import type { WorkBook } from '@e965/xlsx';
import type { Node } from '../../formula/types';
import { emptyTemplate, type GradeBand, type Indicator, type InputDef, type OutputDef, type PeriodKind, type RuleKind, type Section, type Template, type TotalDef } from '../../scoring/model';
import { isSelfEntered, ruleFormula, validateTemplate, type Problem } from '../../scoring/index';
import type { SheetEntry, SheetInput } from '../../scoring/sheet-types';
import { cellAt, cellFormula, cellValue, isArrayFormula, isErrorValue, scalarOf } from './cells';
import { printKaohe, translateExcelFormula, type Translation } from './excel-formula';
import { lexExcel } from './excel-lexer';
import { peopleOf, placeOf, placeText, resolverFor, type FrameContext, type PersonFrame } from './frame';
import { issue, type Issue } from './issues';
import type { ExcelMapping, FieldRole, MappedField } from './mapping';
import { recogniseCombination, recogniseGrades, recogniseRule, type Scope } from './recognise';
import type { Reference } from './references';
import type { CellValue } from './same-value';
import type { ExcelWorkbook } from './workbook';

/** Where a field went in the template, so its cached values can be compared with Kaohe's. */
export type FieldTarget =
  | { readonly kind: 'input' | 'indicator' | 'section' | 'output'; readonly id: string }
  | { readonly kind: 'total' | 'grade' | 'rank' };

/** How the template computes a field now. */
export type ReviewKind = RuleKind | 'input' | 'derived' | 'sum' | 'weighted' | 'average' | 'output' | 'grades' | 'rank';

/** One line of the review screen: a field, its Excel formula, what Kaohe made of it, and why not. */
export interface ReviewItem {
  readonly field: string;
  readonly role: FieldRole;
  readonly name: string;
  /** The first person's cell (`考核表!E5`). */
  readonly cell: string;
  /** The Excel formula as written in the file (with `=`); undefined for entered values. */
  readonly excel?: string;
  /** The Kaohe formula that computes it now (a recognised rule's formula, or the translation). */
  readonly kaohe?: string;
  readonly kind: ReviewKind;
  /** What could not be translated, and why; empty when everything was. */
  readonly issues: readonly Issue[];
  readonly target: FieldTarget;
}

export interface ImportedPerson extends PersonFrame {
  /** What Excel shows in each mapped cell (cached results of formulas), by field key. */
  readonly cached: Readonly<Record<string, CellValue>>;
}

export type ExcelImport =
  | {
      readonly ok: true;
      /** The mapping the template was built from. */
      readonly mapping: ExcelMapping;
      readonly template: Template;
      readonly review: readonly ReviewItem[];
      readonly people: readonly ImportedPerson[];
      /** The people and their entered values, ready for `scorePeriod` (or for saving as ratings). */
      readonly input: SheetInput;
      /** File and sheet findings (macros, error values in inputs, formulas that differ by person). */
      readonly issues: readonly Issue[];
      /** `validateTemplate` on the result. */
      readonly problems: readonly Problem[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export interface BuildOptions {
  readonly templateId?: string;
  readonly periodKind?: PeriodKind;
}

/** The workbook's defined names as references (`权重表` → `'权重'!$B$2:$B$5`). */
function definedNames(book: WorkBook): (name: string, sheet?: string) => Reference | undefined {
  const names = book.Workbook?.Names ?? [];
  return (name, sheet) => {
    const sheetIndex = sheet === undefined ? undefined : book.SheetNames.indexOf(sheet);
    const found =
      names.find((n) => n.Name.toUpperCase() === name.toUpperCase() && (sheetIndex === undefined ? true : n.Sheet === sheetIndex)) ??
      names.find((n) => n.Name.toUpperCase() === name.toUpperCase() && n.Sheet === undefined);
    if (!found) return undefined;
    const tokens = lexExcel(found.Ref.replace(/^=/, ''));
    const only = tokens.length === 1 ? tokens[0] : undefined;
    return only?.kind === 'ref' ? only.ref : undefined;
  };
}

/** `base`, or `base (2)`, `base (3)` … when taken. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

interface Translated {
  readonly excel: string | undefined;
  readonly translation: Translation | undefined;
  readonly issues: readonly Issue[];
}

interface Build {
  readonly workbook: ExcelWorkbook;
  readonly mapping: ExcelMapping;
  readonly people: readonly PersonFrame[];
  readonly ctx: FrameContext;
  readonly names: Map<string, string>;
  readonly scopes: readonly Scope[];
  readonly issues: Issue[];
  readonly definedName: (name: string, sheet?: string) => Reference | undefined;
}

function translateFor(b: Build, field: MappedField, person: PersonFrame): Translated {
  const place = placeOf(field, person);
  const sheet = b.workbook.book.Sheets[place.sheet];
  const cell = sheet ? cellAt(sheet, place.row, place.col) : undefined;
  const formula = cellFormula(cell);
  if (formula === undefined) return { excel: undefined, translation: undefined, issues: [] };
  const translation = translateExcelFormula(formula, {
    resolve: resolverFor(b.ctx, person),
    definedName: b.definedName,
    r1c1: b.mapping.r1c1 === true,
    origin: place,
  });
  const arrayIssues = isArrayFormula(cell) ? [issue('arrayFormula', { range: cell?.F ?? placeText(place) }, placeText(place))] : [];
  const cellIssues = translation.ok ? [] : translation.issues.map((found) => ({ ...found, cell: placeText(place) }));
  return { excel: `=${formula}`, translation: arrayIssues.length > 0 ? undefined : translation, issues: [...arrayIssues, ...cellIssues] };
}

/** The first person's translation, with a note when other people's cells say something else. */
function translateField(b: Build, field: MappedField): Translated {
  const [first, ...others] = b.people;
  if (!first) return { excel: undefined, translation: undefined, issues: [] };
  const result = translateFor(b, field, first);
  if (!result.translation?.ok) return result;
  const expected = result.translation.formula;
  const differing = others.filter((person) => {
    const other = translateFor(b, field, person);
    return other.excel !== undefined && !(other.translation?.ok === true && other.translation.formula === expected);
  });
  if (differing.length === 0) return result;
  const names = differing.slice(0, 5).map((person) => person.name).join('、');
  return { ...result, issues: [...result.issues, issue('inconsistentFormula', { field: field.name, people: names, count: differing.length }, placeText(placeOf(field, first)))] };
}

function okAst(translated: Translated): Node | undefined {
  return translated.translation?.ok === true ? translated.translation.ast : undefined;
}

function cachedOf(book: WorkBook, field: MappedField, person: PersonFrame): CellValue {
  const place = placeOf(field, person);
  const sheet = book.Sheets[place.sheet];
  return sheet ? cellValue(cellAt(sheet, place.row, place.col)) : null;
}

function largestCached(b: Build, field: MappedField): number {
  const values = b.people.map((person) => cachedOf(b.workbook.book, field, person)).filter((v): v is number => typeof v === 'number');
  return Math.max(0, ...values);
}

function firstCell(b: Build, field: MappedField): string {
  const first = b.people[0];
  return first ? placeText(placeOf(field, first)) : `${b.mapping.sheet}!${field.key}`;
}

interface Parts {
  readonly inputs: InputDef[];
  readonly indicators: Map<string, Indicator>;
  readonly outputs: OutputDef[];
  readonly review: ReviewItem[];
}

function buildInput(b: Build, field: MappedField, parts: Parts): void {
  const translated = translateField(b, field);
  const ast = okAst(translated);
  const id = `in_${field.key}`;
  const base: InputDef = { id, name: field.name, type: field.inputType ?? 'number' };
  const input: InputDef = ast ? { ...base, formula: printKaohe(ast) } : base;
  parts.inputs.push(input);
  parts.review.push({
    field: field.key,
    role: 'input',
    name: field.name,
    cell: firstCell(b, field),
    ...(translated.excel ? { excel: translated.excel } : {}),
    ...(input.formula ? { kaohe: input.formula } : {}),
    kind: input.formula ? 'derived' : 'input',
    issues: translated.issues,
    target: { kind: 'input', id },
  });
}

function buildIndicator(b: Build, field: MappedField, parts: Parts): void {
  const translated = translateField(b, field);
  const ast = okAst(translated);
  const id = `ind_${field.key}`;
  const recognised = ast ? recogniseRule(ast, { ...(field.max === undefined ? {} : { max: field.max }), scopes: b.scopes }) : undefined;
  // Untranslatable or plain values: the score is entered (Excel's cached values are the entries).
  const rule = recognised?.rule ?? { kind: 'direct' as const };
  const max = field.max ?? recognised?.max ?? largestCached(b, field);
  const indicator: Indicator = {
    id,
    name: field.name,
    quantitative: true,
    max,
    ...(field.weight === undefined ? {} : { weight: field.weight }),
    ...(field.target ? { target: field.target } : {}),
    ...(field.definition ? { definition: field.definition } : {}),
    rule,
  };
  parts.indicators.set(field.key, indicator);
  parts.review.push({
    field: field.key,
    role: 'indicator',
    name: field.name,
    cell: firstCell(b, field),
    ...(translated.excel ? { excel: translated.excel } : {}),
    // `kaohe` is filled in once the whole template exists (ruleFormula reads input types).
    kind: rule.kind,
    issues: translated.issues,
    target: { kind: 'indicator', id },
  });
}

/** A section from its Excel formula: a sum or weighted sum of exactly its indicators. */
function sectionFrom(b: Build, name: string, indicators: Indicator[], field: MappedField | undefined, parts: Parts, taken: Set<string>): { section: Section; review?: ReviewItem } {
  const id = `sec_${field?.key ?? name}`;
  const plain: Section = { id, name, combine: 'sum', indicators };
  if (!field) return { section: plain };
  const translated = translateField(b, field);
  const ast = okAst(translated);
  const combination = ast ? recogniseCombination(ast) : undefined;
  const own = new Set(indicators.filter((i) => !i.bonus).map((i) => i.name));
  const review = (kind: ReviewKind, target: FieldTarget, kaohe?: string): ReviewItem => ({
    field: field.key,
    role: 'section',
    name: field.name,
    cell: firstCell(b, field),
    ...(translated.excel ? { excel: translated.excel } : {}),
    ...(kaohe ? { kaohe } : {}),
    kind,
    issues: translated.issues,
    target,
  });
  const names = combination?.kind === 'sum' ? combination.names : combination ? [...combination.weights.keys()] : [];
  const exact = combination !== undefined && combination.base === 0 && names.length === own.size && names.every((n) => own.has(n));
  if (exact && combination.kind === 'sum') return { section: plain, review: review('sum', { kind: 'section', id }, printKaohe(ast as Node)) };
  if (exact && combination.kind === 'weighted' && indicators.every((i) => i.max > 0)) {
    // Kaohe's weighted section is Σ wᵢ × scoreᵢ / maxᵢ × 100, so wᵢ = coefficient × maxᵢ / 100.
    const weighted = indicators.map((i) => ({ ...i, weight: Number((((combination.weights.get(i.name) ?? 0) * i.max) / 100).toPrecision(12)) }));
    return { section: { ...plain, combine: 'weighted', indicators: weighted }, review: review('weighted', { kind: 'section', id }, printKaohe(ast as Node)) };
  }
  // Anything else: the indicators stay together, and the sheet's own section formula becomes an
  // extra output under the section's name (so the total formula still reads it).
  if (ast) {
    const outputId = `out_${field.key}`;
    parts.outputs.push({ id: outputId, name: field.name, formula: printKaohe(ast) });
    const renamed = freeName(name, taken);
    taken.add(renamed);
    return { section: { ...plain, name: renamed }, review: review('output', { kind: 'output', id: outputId }, printKaohe(ast)) };
  }
  return { section: plain, review: review('sum', { kind: 'section', id }) };
}

function totalFrom(b: Build, field: MappedField | undefined, sections: Section[]): { total: TotalDef; sections: Section[]; review?: ReviewItem } {
  if (!field) return { total: { kind: 'sum' }, sections };
  const translated = translateField(b, field);
  const ast = okAst(translated);
  const review = (kind: ReviewKind, kaohe?: string): ReviewItem => ({
    field: field.key,
    role: 'total',
    name: field.name,
    cell: firstCell(b, field),
    ...(translated.excel ? { excel: translated.excel } : {}),
    ...(kaohe ? { kaohe } : {}),
    kind,
    issues: translated.issues,
    target: { kind: 'total' },
  });
  if (!ast) return { total: { kind: 'sum' }, sections, review: review('sum') };
  const text = printKaohe(ast);
  const combination = recogniseCombination(ast);
  const sectionNames = new Set(sections.map((s) => s.name));
  const names = combination?.kind === 'sum' ? combination.names : combination ? [...combination.weights.keys()] : [];
  const base = combination?.base ?? 0;
  const withBase = base === 0 ? {} : { base };
  if (combination && names.length === sectionNames.size && names.every((n) => sectionNames.has(n))) {
    if (combination.kind === 'sum') return { total: { kind: 'sum', ...withBase }, sections, review: review('sum', text) };
    const weighted = sections.map((s) => ({ ...s, weight: combination.weights.get(s.name) ?? 0 }));
    return { total: { kind: 'weighted', ...withBase }, sections: weighted, review: review('weighted', text) };
  }
  // No section columns: a total over all the indicators is a sum (or weighted sum) of sections
  // that add (or weigh) their own indicators.
  const all = sections.flatMap((s) => s.indicators);
  const indicatorNames = new Set(all.map((i) => i.name));
  const plainSections = sections.every((s) => s.combine === 'sum' && s.indicators.every((i) => !i.bonus));
  if (plainSections && combination && base === 0 && names.length === indicatorNames.size && names.every((n) => indicatorNames.has(n))) {
    if (combination.kind === 'sum') return { total: { kind: 'sum' }, sections, review: review('sum', text) };
    if (all.every((i) => i.max > 0)) {
      const weighted = sections.map((s): Section => ({ ...s, combine: 'weighted', indicators: s.indicators.map((i) => ({ ...i, weight: Number((((combination.weights.get(i.name) ?? 0) * i.max) / 100).toPrecision(12)) })) }));
      return { total: { kind: 'sum' }, sections: weighted, review: review('weighted', text) };
    }
  }
  return { total: { kind: 'formula', formula: text }, sections, review: review('formula', text) };
}

function gradesFrom(b: Build, field: MappedField | undefined, totalName: string, parts: Parts): { grades: GradeBand[]; review?: ReviewItem } {
  if (!field) return { grades: [] };
  const translated = translateField(b, field);
  const ast = okAst(translated);
  const base = { field: field.key, role: 'grade' as const, name: field.name, cell: firstCell(b, field), ...(translated.excel ? { excel: translated.excel } : {}) };
  if (!ast) return { grades: [], review: { ...base, kind: 'output', issues: translated.issues, target: { kind: 'grade' } } };
  const grades = recogniseGrades(ast, totalName, b.scopes);
  if (grades) return { grades, review: { ...base, kaohe: printKaohe(ast), kind: 'grades', issues: translated.issues, target: { kind: 'grade' } } };
  const id = `out_${field.key}`;
  parts.outputs.push({ id, name: field.name, formula: printKaohe(ast) });
  const issues = [...translated.issues, issue('gradeNotOnTotal', { name: field.name, total: totalName }, base.cell)];
  return { grades: [], review: { ...base, kaohe: printKaohe(ast), kind: 'output', issues, target: { kind: 'output', id } } };
}

/** The entry key a field's values are stored under: a raw input's id or a self-entered indicator's id. */
function entryKeyOf(template: Template, field: MappedField): string | undefined {
  const input = template.inputs.find((i) => i.id === `in_${field.key}`);
  if (input) return input.formula ? undefined : input.id;
  const indicator = template.sections.flatMap((s) => s.indicators).find((i) => i.id === `ind_${field.key}`);
  return indicator && isSelfEntered(indicator.rule) ? indicator.id : undefined;
}

function entriesOf(b: Build, template: Template, fields: readonly MappedField[]): SheetEntry[] {
  const entries: SheetEntry[] = [];
  for (const field of fields) {
    const key = entryKeyOf(template, field);
    if (key === undefined) continue;
    for (const person of b.people) {
      const value = cachedOf(b.workbook.book, field, person);
      if (isErrorValue(value)) b.issues.push(issue('errorValue', { person: person.name, field: field.name, error: value.code }, placeText(placeOf(field, person))));
      entries.push({ personId: person.id, key, role: 'supervisor', value: scalarOf(value) });
    }
  }
  return entries;
}

/**
 * Builds a template from a mapping (as proposed by `analyzeSheet` and corrected by the user),
 * with the review list and the people found in the file. Never throws on bad input: problems
 * come back as issues, review lines and `validateTemplate` problems.
 */
export function buildTemplate(workbook: ExcelWorkbook, mapping: ExcelMapping, options: BuildOptions = {}): ExcelImport {
  const summary = workbook.sheets.find((s) => s.name === mapping.sheet);
  if (!summary || !workbook.book.Sheets[mapping.sheet]) return { ok: false, issues: [issue('noSheet', { sheet: mapping.sheet })] };
  if (summary.issue) return { ok: false, issues: [summary.issue] };
  const oversized = mapping.people.kind === 'sheets' ? mapping.people.sheets.map((name) => workbook.sheets.find((s) => s.name === name)).find((s) => s?.issue) : undefined;
  if (oversized?.issue) return { ok: false, issues: [oversized.issue] };

  const fields = mapping.fields.filter((field) => field.role !== 'ignore');
  const people = peopleOf(workbook.book, mapping);
  const names = new Map(fields.map((field) => [field.key, field.name]));
  const ctx: FrameContext = { book: workbook.book, mapping, people, names };
  // Each person's values by name, as Excel cached them: what recognised rules must reproduce.
  const scopes: Scope[] = people.map((person) => Object.fromEntries(fields.map((field) => [field.name, cachedOf(workbook.book, field, person)])));
  const b: Build = { workbook, mapping, people, ctx, names, scopes, issues: [...workbook.issues], definedName: definedNames(workbook.book) };

  const parts: Parts = { inputs: [], indicators: new Map(), outputs: [], review: [] };
  const taken = new Set(fields.map((field) => field.name));
  for (const field of fields.filter((f) => f.role === 'input')) buildInput(b, field, parts);
  for (const field of fields.filter((f) => f.role === 'indicator')) buildIndicator(b, field, parts);

  const defaultSection = mapping.sections[0] ?? mapping.sheet;
  const sectionNames = [...new Set([...mapping.sections, ...fields.filter((f) => f.role === 'indicator').map((f) => f.section ?? defaultSection)])];
  const sectionFields = new Map(fields.filter((f) => f.role === 'section').map((f) => [f.name, f]));
  let sections: Section[] = [];
  for (const name of sectionNames) {
    const members = fields.filter((f) => f.role === 'indicator' && (f.section ?? defaultSection) === name).map((f) => parts.indicators.get(f.key) as Indicator);
    const built = sectionFrom(b, name, members, sectionFields.get(name), parts, taken);
    sections.push(built.section);
    if (built.review) parts.review.push(built.review);
  }
  sections = sections.filter((s) => s.indicators.length > 0 || sectionFields.has(s.name));

  const totalField = fields.find((f) => f.role === 'total');
  const totalName = totalField?.name ?? '总分';
  const total = totalFrom(b, totalField, sections);
  if (total.review) parts.review.push(total.review);
  const gradeField = fields.find((f) => f.role === 'grade');
  const grades = gradesFrom(b, gradeField, totalName, parts);
  if (grades.review) parts.review.push(grades.review);
  const rankField = fields.find((f) => f.role === 'rank');
  if (rankField) {
    const translated = translateField(b, rankField);
    parts.review.push({ field: rankField.key, role: 'rank', name: rankField.name, cell: firstCell(b, rankField), ...(translated.excel ? { excel: translated.excel } : {}), kind: 'rank', issues: translated.issues, target: { kind: 'rank' } });
  }

  const gradeLabel = gradeField && grades.grades.length > 0 ? gradeField.name : freeName('等级', taken);
  const template: Template = {
    ...emptyTemplate(options.templateId ?? 'excel-import'),
    name: mapping.title ?? mapping.sheet,
    source: workbook.fileName ? `${workbook.fileName} › ${mapping.sheet}` : mapping.sheet,
    periodKind: options.periodKind ?? 'month',
    inputs: parts.inputs,
    sections: total.sections,
    total: total.total,
    grades: grades.grades,
    ...(parts.outputs.length > 0 ? { outputs: parts.outputs } : {}),
    labels: { total: totalName, grade: gradeLabel, rank: rankField?.name ?? freeName('排名', taken) },
  };
  // Each indicator's formula as the template now computes it.
  const review = parts.review.map((item) => {
    if (item.target.kind !== 'indicator') return item;
    const id = item.target.id;
    const indicator = template.sections.flatMap((s) => s.indicators).find((i) => i.id === id);
    return indicator && !isSelfEntered(indicator.rule) ? { ...item, kaohe: ruleFormula(indicator, template) } : item;
  });
  const entries = entriesOf(b, template, fields);
  const imported = people.map((person) => ({ ...person, cached: Object.fromEntries(fields.map((field) => [field.key, cachedOf(b.workbook.book, field, person)])) }));
  return {
    ok: true,
    mapping,
    template,
    review,
    people: imported,
    input: { people: people.map((p) => ({ id: p.id, name: p.name })), entries },
    issues: b.issues,
    problems: validateTemplate(template),
  };
}

