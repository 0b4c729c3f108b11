// A mapped table → an import plan: the entries that would be stored, the people that would be
// created, and every problem with file, sheet, row, column and what was expected. Nothing is
// stored here; the store applies a plan without errors in one transaction (store/imports.ts).
import type { PeriodKind, Template } from '../scoring/model';
import { TEAM_PERSON_ID } from '../scoring/model';
import { ruleInputs } from '../scoring/rules';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { ColumnMapping, ColumnTarget } from './mapping';
import { headerText, isUnsafeHeader, matchIndex, roleOf, type MatchIndex } from './mapping';
import { periodKeyFromText } from './period-text';
import type { IoProblem, IoProblemCode, ProblemList } from './problems';
import { problemList, shortText } from './problems';
import type { CellValue, RawTable } from './table';
import { isBlank } from './table';
import { entryTargets, type EntryTarget } from './targets';
import { normalizeText, parseValue, quickNumber, readsAsWholePercents, type StoredValue } from './values';
import { batchBuilder, type BatchBuilder, type EntryBatch } from './entry-batch';

export { batchSize, emptyBatch, entriesOf, type EntryBatch } from './entry-batch';

export interface ImportPerson {
  readonly id: string;
  readonly name: string;
  readonly employeeNo: string;
  readonly archived?: boolean;
}

export interface ImportContext {
  readonly template: Template;
  readonly periodKey: string;
  readonly periodKind: PeriodKind;
  readonly people: readonly ImportPerson[];
  /** Rows naming someone not on the roster create that person instead of being refused. */
  readonly createMissingPeople?: boolean;
  /** Rater name stored with wide-layout values ('' = not recorded). */
  readonly rater?: string;
}

export interface PlannedPerson {
  readonly ref: string;
  readonly name: string;
  readonly employeeNo: string;
  /** First row naming them. */
  readonly row: number;
}

export interface PreviewCell {
  readonly column: number;
  readonly targetId: string;
  readonly value: StoredValue | null;
  readonly problem?: IoProblemCode;
}

export interface PreviewRow {
  readonly row: number;
  readonly person: string;
  readonly personState: 'found' | 'new' | 'unknown' | 'team';
  readonly cells: readonly PreviewCell[];
}

export interface ImportPlan {
  readonly file: string;
  readonly sheet: string;
  readonly layout: ColumnMapping['layout'];
  readonly entries: EntryBatch;
  readonly newPeople: readonly PlannedPerson[];
  /** The first problems (up to the limit), errors before warnings. */
  readonly problems: readonly IoProblem[];
  readonly problemTotal: number;
  readonly errorCount: number;
  readonly stats: { readonly rows: number; readonly people: number; readonly values: number; readonly blanks: number };
  readonly preview: readonly PreviewRow[];
}

const PREVIEW_ROWS = 10;

export interface PersonResolver {
  resolve(name: string, employeeNo: string, row: number, id?: string): { ref: string; state: 'found' | 'new' } | { problem: 'unknownPerson' | 'ambiguousPerson' };
  readonly created: PlannedPerson[];
}

export function personResolver(context: Pick<ImportContext, 'people' | 'createMissingPeople'>): PersonResolver {
  /** People by one normalised field, built on first use; keys several people share are kept aside. */
  interface FieldIndex {
    readonly map: Map<string, ImportPerson>;
    readonly shared: Set<string>;
  }
  const indexes = new Map<'employeeNo' | 'name', FieldIndex>();
  const indexOf = (field: 'employeeNo' | 'name'): FieldIndex => {
    let index = indexes.get(field);
    if (!index) {
      index = { map: new Map(), shared: new Set() };
      for (const person of context.people) {
        const key = normalizeText(person[field]);
        if (key === '') continue;
        if (index.map.has(key)) index.shared.add(key);
        else index.map.set(key, person);
      }
      indexes.set(field, index);
    }
    return index;
  };
  let byId: Map<string, ImportPerson> | undefined;
  const lookup = (key: string, field: 'employeeNo' | 'name'): ImportPerson | 'ambiguous' | undefined => {
    const { map, shared } = indexOf(field);
    const found = map.get(key);
    if (found === undefined || !shared.has(key)) return found;
    return pick(context.people.filter((person) => normalizeText(person[field]) === key));
  };
  const created: PlannedPerson[] = [];
  const createdByKey = new Map<string, string>();
  return {
    created,
    resolve(name, employeeNo, row, id) {
      // Kaohe's own files carry the person id: it wins over names, which may repeat.
      if (id) byId ??= new Map(context.people.map((person) => [person.id, person]));
      const known = id ? byId?.get(id) : undefined;
      if (known) return { ref: known.id, state: 'found' };
      const no = employeeNo === '' ? '' : normalizeText(employeeNo);
      let found = no !== '' ? lookup(no, 'employeeNo') : undefined;
      const nameKey = found === undefined ? normalizeText(name) : '';
      if (found === undefined && nameKey !== '') found = lookup(nameKey, 'name');
      if (found === 'ambiguous') return { problem: 'ambiguousPerson' };
      if (found) return { ref: found.id, state: 'found' };
      if (!context.createMissingPeople || nameKey === '') return { problem: 'unknownPerson' };
      const key = no !== '' ? `no:${no}` : `name:${nameKey}`;
      let ref = createdByKey.get(key);
      if (!ref) {
        ref = `new:${created.length + 1}`;
        createdByKey.set(key, ref);
        created.push({ ref, name: name.trim(), employeeNo: employeeNo.trim(), row });
      }
      return { ref, state: 'new' };
    },
  };
}

/** Prefer people on the roster over archived ones with the same name. */
function pick(list: readonly ImportPerson[]): ImportPerson | 'ambiguous' | undefined {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  const current = list.filter((person) => !person.archived);
  return current.length === 1 ? current[0] : 'ambiguous';
}

interface Collector {
  readonly problems: ProblemList;
  readonly batch: BatchBuilder;
  readonly preview: PreviewRow[];
  readonly seen: Map<string, number>;
  stats: { rows: number; values: number; blanks: number };
  readonly people: Set<string>;
}

function locate(table: RawTable, row: number, column?: number, header?: string): Pick<IoProblem, 'file' | 'sheet' | 'row' | 'column' | 'header'> {
  return {
    file: table.file,
    ...(table.sheet ? { sheet: table.sheet } : {}),
    row: row + 1,
    ...(column !== undefined ? { column } : {}),
    ...(header ? { header } : {}),
  };
}

export function validateImport(table: RawTable, mapping: ColumnMapping, context: ImportContext, limits: ImportLimits = IMPORT_LIMITS): ImportPlan {
  const targets = entryTargets(context.template, context.periodKind);
  const index = matchIndex(targets, context.template);
  const collector: Collector = {
    problems: problemList(limits.problems),
    batch: batchBuilder(Math.max(0, table.rows.length - mapping.headerRow - 1) * Math.max(1, mapping.layout === 'wide' ? mapping.columns.filter((t) => t.startsWith('entry:')).length : 1)),
    preview: [],
    seen: new Map(),
    stats: { rows: 0, values: 0, blanks: 0 },
    people: new Set(),
  };
  const resolver = personResolver(context);
  const headers = table.rows[mapping.headerRow] ?? [];
  const dataRows = table.rows.length - mapping.headerRow - 1;
  if (dataRows > limits.rows) {
    collector.problems.add({ code: 'tooManyRows', severity: 'error', file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}), params: { limit: limits.rows } });
  } else {
    headers.forEach((cell, column) => {
      const header = headerText(cell);
      if (isUnsafeHeader(header)) collector.problems.add({ code: 'unsafeHeader', severity: 'error', ...locate(table, mapping.headerRow, column, header), received: header });
    });
    if (mapping.layout === 'wide') validateWide(table, mapping, context, targets, resolver, collector);
    else validateLong(table, mapping, context, index, resolver, collector);
  }
  const problems = [...collector.problems.items].sort((a, b) => severityRank(a) - severityRank(b));
  return {
    file: table.file,
    sheet: table.sheet,
    layout: mapping.layout,
    entries: collector.batch.done(),
    newPeople: resolver.created,
    problems,
    problemTotal: collector.problems.total,
    errorCount: collector.problems.errors,
    stats: { ...collector.stats, people: collector.people.size || collector.batch.personCount - (collector.batch.hasPerson(TEAM_PERSON_ID) ? 1 : 0) },
    preview: collector.preview,
  };
}

function severityRank(problem: IoProblem): number {
  return problem.severity === 'error' ? 0 : problem.severity === 'warning' ? 1 : 2;
}

function columnsOf(mapping: ColumnMapping, wanted: ColumnTarget): number {
  return mapping.columns.indexOf(wanted);
}

function cellAt(row: readonly CellValue[], column: number): CellValue {
  return column >= 0 ? (row[column] ?? null) : null;
}

/** Targets mapped to columns; a target mapped twice keeps its first column. */
function entryColumns(table: RawTable, mapping: ColumnMapping, targets: readonly EntryTarget[], problems: ProblemList): { column: number; target: EntryTarget }[] {
  const byId = new Map(targets.map((target) => [target.id, target]));
  const used = new Set<string>();
  const list: { column: number; target: EntryTarget }[] = [];
  mapping.columns.forEach((mapped, column) => {
    if (!mapped.startsWith('entry:')) return;
    const target = byId.get(mapped.slice('entry:'.length));
    if (!target) return;
    if (used.has(target.id)) {
      const header = headerText(table.rows[mapping.headerRow]?.[column]);
      problems.add({ code: 'duplicateTarget', severity: 'warning', ...locate(table, mapping.headerRow, column, header), expected: target.name });
      return;
    }
    used.add(target.id);
    list.push({ column, target });
  });
  return list;
}

function wholePercentColumn(table: RawTable, mapping: ColumnMapping, column: number, target: EntryTarget, problems: ProblemList): boolean {
  if (target.spec.type !== 'percent' || table.percentColumns?.includes(column)) return false;
  const cells = (function* () {
    for (let r = mapping.headerRow + 1; r < table.rows.length; r++) yield table.rows[r]![column] ?? null;
  })();
  if (!readsAsWholePercents(cells, target.spec.unit)) return false;
  const header = headerText(table.rows[mapping.headerRow]?.[column]);
  problems.add({ code: 'wholePercents', severity: 'note', ...locate(table, mapping.headerRow, column, header) });
  return true;
}

function validateWide(table: RawTable, mapping: ColumnMapping, context: ImportContext, targets: readonly EntryTarget[], resolver: PersonResolver, c: Collector): void {
  const nameColumn = columnsOf(mapping, 'person.name');
  const noColumn = columnsOf(mapping, 'person.employeeNo');
  const idColumn = columnsOf(mapping, 'person.id');
  const columns = entryColumns(table, mapping, targets, c.problems);
  const needsPerson = columns.some(({ target }) => !target.team);
  const fileLevel = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  if (columns.length === 0) c.problems.add({ code: 'noEntryColumn', severity: 'error', ...fileLevel });
  if (needsPerson && nameColumn < 0 && noColumn < 0 && idColumn < 0) c.problems.add({ code: 'noPersonColumn', severity: 'error', ...fileLevel });
  if (c.problems.errors > 0) return;
  const whole = columns.map(({ column, target }) => wholePercentColumn(table, mapping, column, target, c.problems));
  const rater = context.rater ?? '';
  const raterIndex = c.batch.rater(rater);
  const targetIndexes = columns.map(({ target }) => c.batch.target(target));
  let teamIndex: number | undefined;
  const teamValues = new Map<string, { value: StoredValue; row: number }>();
  /** First row of each person, by batch person number. */
  const firstRow: number[] = [];
  for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every((cell) => isBlank(cell))) continue;
    c.stats.rows += 1;
    const name = headerText(cellAt(row, nameColumn));
    const employeeNo = headerText(cellAt(row, noColumn));
    let personIndex: number | undefined;
    let personState: PreviewRow['personState'] = 'unknown';
    if (needsPerson) {
      const resolved = resolver.resolve(name, employeeNo, r + 1, idColumn >= 0 ? headerText(cellAt(row, idColumn)) : undefined);
      if ('problem' in resolved) {
        const column = noColumn >= 0 && employeeNo !== '' ? noColumn : nameColumn;
        c.problems.add({ code: resolved.problem, severity: 'error', ...locate(table, r, column), received: shortText(employeeNo || name || '—') });
      } else {
        personState = resolved.state;
        // The batch numbers people in order of appearance: a number already given is a repeat.
        const known = c.batch.personCount;
        const index = c.batch.person(resolved.ref);
        if (index < known) {
          c.problems.add({ code: 'duplicateRow', severity: 'error', ...locate(table, r, nameColumn >= 0 ? nameColumn : noColumn), received: shortText(name || employeeNo), params: { first: firstRow[index] ?? 0 } });
        } else {
          firstRow[index] = r + 1;
          personIndex = index;
        }
      }
    }
    // Preview cells only for the first rows: a 100,000-row file would otherwise build them all.
    const cells: PreviewCell[] | undefined = c.preview.length < PREVIEW_ROWS ? [] : undefined;
    for (let i = 0; i < columns.length; i++) {
      const { column, target } = columns[i]!;
      const cell = cellAt(row, column);
      const quick = personIndex !== undefined && !target.team ? quickNumber(cell, target.spec, whole[i]!) : Number.NaN;
      if (quick === quick) {
        // A plain number in range, the usual cell: no result object to allocate.
        cells?.push({ column, targetId: target.id, value: quick });
        c.batch.add(personIndex!, targetIndexes[i]!, raterIndex, quick, r + 1, column);
        c.stats.values += 1;
        continue;
      }
      const parsed = parseValue(cell, target.spec, whole[i]);
      if (!parsed.ok) {
        const header = headerText(table.rows[mapping.headerRow]?.[column]);
        c.problems.add({ code: parsed.code, severity: 'error', ...locate(table, r, column, header), expected: parsed.expected, received: shortText(cell) });
        cells?.push({ column, targetId: target.id, value: null, problem: parsed.code });
        continue;
      }
      cells?.push({ column, targetId: target.id, value: parsed.value });
      if (parsed.value === null) {
        c.stats.blanks += 1;
        continue;
      }
      if (target.team) {
        const earlier = teamValues.get(target.id);
        if (earlier === undefined) {
          teamValues.set(target.id, { value: parsed.value, row: r + 1 });
          teamIndex ??= c.batch.person(TEAM_PERSON_ID);
          c.batch.add(teamIndex, targetIndexes[i]!, raterIndex, parsed.value, r + 1, column);
          c.stats.values += 1;
        } else if (earlier.value !== parsed.value) {
          const header = headerText(table.rows[mapping.headerRow]?.[column]);
          c.problems.add({ code: 'teamValuesDiffer', severity: 'error', ...locate(table, r, column, header), expected: String(earlier.value), received: shortText(parsed.value), params: { first: earlier.row } });
        }
        continue;
      }
      if (personIndex === undefined) continue;
      c.batch.add(personIndex, targetIndexes[i]!, raterIndex, parsed.value, r + 1, column);
      c.stats.values += 1;
    }
    if (cells) c.preview.push({ row: r + 1, person: name || employeeNo, personState: needsPerson ? personState : 'team', cells });
  }
}

/** Items a long file may name: a target's name or key, or an indicator that reads exactly one input. */
function itemIndex(context: ImportContext, index: MatchIndex): Map<string, EntryTarget[]> {
  const items = new Map<string, EntryTarget[]>();
  const add = (name: string, target: EntryTarget) => {
    const key = normalizeText(name);
    const list = items.get(key) ?? [];
    if (!list.includes(target)) list.push(target);
    items.set(key, list);
  };
  for (const [name, list] of index.byName) for (const target of list) add(name, target);
  for (const target of index.targets) add(target.key, target);
  // "行为考核" in a long file means the one input its rule reads (行为等级).
  for (const section of context.template.sections) {
    for (const indicator of section.indicators) {
      const read = ruleInputs(indicator);
      if (read.length !== 1) continue;
      for (const target of index.byName.get(normalizeText(read[0]!)) ?? []) add(indicator.name, target);
    }
  }
  return items;
}

function validateLong(table: RawTable, mapping: ColumnMapping, context: ImportContext, index: MatchIndex, resolver: PersonResolver, c: Collector): void {
  const column = (target: ColumnTarget) => columnsOf(mapping, target);
  const nameColumn = column('person.name');
  const noColumn = column('person.employeeNo');
  const idColumn = column('person.id');
  const periodColumn = column('long.period');
  const itemColumn = column('long.item');
  const roleColumn = column('long.role');
  const raterColumn = column('long.rater');
  const valueColumn = column('long.value');
  const fileLevel = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  if (itemColumn < 0) c.problems.add({ code: 'noItemColumn', severity: 'error', ...fileLevel });
  if (valueColumn < 0) c.problems.add({ code: 'noValueColumn', severity: 'error', ...fileLevel });
  if (nameColumn < 0 && noColumn < 0 && idColumn < 0) c.problems.add({ code: 'noPersonColumn', severity: 'error', ...fileLevel });
  if (c.problems.errors > 0) return;
  const items = itemIndex(context, index);
  const header = (col: number) => headerText(table.rows[mapping.headerRow]?.[col]);

  // First pass: which item each row names, so percent items can be judged over all their values.
  interface Row {
    r: number;
    target: EntryTarget;
    rater: string;
  }
  const rows: Row[] = [];
  const valuesOf = new Map<string, CellValue[]>();
  for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every((cell) => isBlank(cell))) continue;
    c.stats.rows += 1;
    const periodText = headerText(cellAt(row, periodColumn));
    if (periodColumn >= 0 && periodText !== '' && periodKeyFromText(periodText, context.periodKind) !== context.periodKey) {
      c.problems.add({ code: 'otherPeriod', severity: 'error', ...locate(table, r, periodColumn, header(periodColumn)), expected: context.periodKey, received: shortText(periodText) });
      continue;
    }
    const itemText = headerText(cellAt(row, itemColumn));
    const candidates = items.get(normalizeText(itemText));
    if (!candidates || candidates.length === 0) {
      c.problems.add({ code: 'unknownItem', severity: 'error', ...locate(table, r, itemColumn, header(itemColumn)), expected: context.template.name, received: shortText(itemText || '—') });
      continue;
    }
    const roleText = headerText(cellAt(row, roleColumn));
    const role = roleText === '' ? index.primaryRole : roleOf(roleText);
    const target = candidates.find((t) => t.team || t.role === role) ?? (roleText === '' && candidates.length === 1 ? candidates[0] : undefined);
    if (!target) {
      c.problems.add({
        code: 'unknownRole',
        severity: 'error',
        ...locate(table, r, roleColumn >= 0 ? roleColumn : itemColumn, header(roleColumn >= 0 ? roleColumn : itemColumn)),
        expected: candidates.map((t) => t.role).join(', '),
        received: shortText(roleText || '—'),
      });
      continue;
    }
    rows.push({ r, target, rater: headerText(cellAt(row, raterColumn)) });
    const list = valuesOf.get(target.id) ?? [];
    list.push(cellAt(row, valueColumn));
    valuesOf.set(target.id, list);
  }
  const whole = new Map<string, boolean>();
  for (const [id, cells] of valuesOf) {
    const target = index.targets.find((t) => t.id === id)!;
    const isWhole = target.spec.type === 'percent' && !table.percentColumns?.includes(valueColumn) && readsAsWholePercents(cells, target.spec.unit);
    whole.set(id, isWhole);
    if (isWhole) c.problems.add({ code: 'wholePercents', severity: 'note', ...locate(table, mapping.headerRow, valueColumn, target.name) });
  }

  for (const { r, target, rater } of rows) {
    const row = table.rows[r]!;
    const name = headerText(cellAt(row, nameColumn));
    const employeeNo = headerText(cellAt(row, noColumn));
    let personRef: string | undefined = TEAM_PERSON_ID;
    let personState: PreviewRow['personState'] = 'team';
    if (!target.team) {
      const resolved = resolver.resolve(name, employeeNo, r + 1, headerText(cellAt(row, idColumn)));
      if ('problem' in resolved) {
        const col = noColumn >= 0 && employeeNo !== '' ? noColumn : nameColumn;
        c.problems.add({ code: resolved.problem, severity: 'error', ...locate(table, r, col, header(col)), received: shortText(employeeNo || name || '—') });
        personRef = undefined;
        personState = 'unknown';
      } else {
        personRef = resolved.ref;
        personState = resolved.state;
        c.people.add(personRef);
      }
    }
    const cell = cellAt(row, valueColumn);
    const parsed = parseValue(cell, target.spec, whole.get(target.id) ?? false);
    const preview = (value: StoredValue | null, problem?: IoProblemCode) => {
      if (c.preview.length < PREVIEW_ROWS) {
        c.preview.push({ row: r + 1, person: name || employeeNo, personState, cells: [{ column: valueColumn, targetId: target.id, value, ...(problem ? { problem } : {}) }] });
      }
    };
    if (!parsed.ok) {
      c.problems.add({ code: parsed.code, severity: 'error', ...locate(table, r, valueColumn, header(valueColumn)), expected: parsed.expected, received: shortText(cell) });
      preview(null, parsed.code);
      continue;
    }
    preview(parsed.value);
    if (parsed.value === null) {
      c.stats.blanks += 1;
      continue;
    }
    if (personRef === undefined) continue;
    const cellKey = `${personRef}|${target.id}|${rater}`;
    const first = c.seen.get(cellKey);
    if (first !== undefined) {
      c.problems.add({ code: 'duplicateRow', severity: 'error', ...locate(table, r, itemColumn, header(itemColumn)), received: shortText(`${name || employeeNo} · ${target.name}`), params: { first } });
      continue;
    }
    c.seen.set(cellKey, r + 1);
    c.batch.add(c.batch.person(personRef), c.batch.target(target), c.batch.rater(rater), parsed.value, r + 1, valueColumn);
    c.stats.values += 1;
  }
}
