// Everything needed to score one period, read in one go: the template version the period uses,
// the people and their status in it, the entries (and, for templates with weekly indicators, the
// entries of the month's weeks), and the remarks.
import { getDb } from './db';
import { blocksToEntries, valueBlocksOf } from './entries';
import { byEmployeeNoThenName } from './order';
import { peopleOf } from './roster-cache';
import { BLOCK_SIZE, type ValueBlockRecord } from './value-blocks';
import { TEAM_PERSON_ID } from '../scoring/model';
import type { PeriodRecord, PersonRecord, RemarkRecord, TemplateRecord } from './records';
import type { EntryColumn, SheetEntry, SheetInput, SheetPerson, WeekEntries } from '../scoring/sheet-types';
import { weeksOfMonth } from '../scoring/periods';

export interface PeriodSheetData {
  readonly period: PeriodRecord;
  readonly template: TemplateRecord;
  /** Roster people of the period's team (archived people only if they have entries). */
  readonly people: readonly PersonRecord[];
  /**
   * What scoring takes: `input.columns` are the values as stored; `input.entries`, the same
   * values one object each, are made from them on first use (a call centre's month: 800,000).
   */
  readonly input: SheetInput;
  /** The period's values column by column (= `input.columns`): what a sheet indexes before it scores. */
  readonly columns?: readonly EntryColumn[];
  /** Values in `columns`. */
  readonly valueCount?: number;
  readonly remarks: ReadonlyMap<string, RemarkRecord>;
}

export type { EntryColumn } from '../scoring/sheet-types';

/** Value blocks as columns of person ids and values (no object per value). */
export function blocksToColumns(blocks: readonly ValueBlockRecord[], idOf: ReadonlyMap<number, string>): EntryColumn[] {
  const idsOfBlock = new Map<number, (string | undefined)[]>();
  return blocks.map((block) => {
    let ids = idsOfBlock.get(block.block);
    if (!ids) {
      const base = block.block * BLOCK_SIZE;
      ids = Array.from({ length: BLOCK_SIZE }, (_, offset) => idOf.get(base + offset));
      idsOfBlock.set(block.block, ids);
    }
    const personIds: string[] = [];
    const values: (number | string | boolean)[] = [];
    const other = block.other && block.other.length > 0 ? new Map(block.other) : undefined;
    const { at, num } = block;
    for (let i = 0; i < at.length; i++) {
      const personId = ids[at[i]!];
      if (personId === undefined) continue;
      const n = num[i]!;
      const value = n === n ? n : other?.get(at[i]!);
      if (value === undefined) continue;
      personIds.push(personId);
      values.push(value);
    }
    return { key: block.key, role: block.role, rater: block.rater, personIds, values };
  });
}

export function columnsToEntries(columns: readonly EntryColumn[]): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const { key, role, rater, personIds, values } of columns) {
    for (let i = 0; i < personIds.length; i++) out.push(rater ? { personId: personIds[i]!, key, role, rater, value: values[i]! } : { personId: personIds[i]!, key, role, value: values[i]! });
  }
  return out;
}

/** Archived people who still have values in the period (they stay on its sheet). */
function archivedWithValues(people: readonly PersonRecord[], blocks: readonly ValueBlockRecord[]): Set<string> {
  const archived = new Map(people.filter((p) => p.archived === 1).map((p) => [p.seq, p.id]));
  const found = new Set<string>();
  if (archived.size === 0) return found;
  for (const block of blocks) {
    const base = block.block * BLOCK_SIZE;
    for (const offset of block.at) {
      const id = archived.get(base + offset);
      if (id !== undefined) found.add(id);
    }
  }
  return found;
}

export async function loadPeriodSheet(periodId: string): Promise<PeriodSheetData | undefined> {
  const db = getDb();
  const head = await db.transaction('r', [db.periods, db.templates], async () => {
    const period = await db.periods.get(periodId);
    const template = period ? await db.templates.get(period.templateId) : undefined;
    return period && template ? { period, template } : undefined;
  });
  if (!head) return undefined;
  const { period, template } = head;
  // The people (one packed record) and the period's values, in two read transactions at once.
  const [allPeople, rest] = await Promise.all([
    peopleOf(period.workspaceId),
    db.transaction('r', [db.periods, db.valueBlocks, db.statuses, db.remarks], () =>
      Promise.all([
        valueBlocksOf(periodId),
        db.statuses.where('periodId').equals(periodId).toArray(),
        db.remarks.where('periodId').equals(periodId).toArray(),
        weekBlocksOf(period, template),
      ]),
    ),
  ]);
  const [blocks, statuses, remarks, weekBlocks] = rest;
  const idOf = new Map<number, string>(allPeople.map((p) => [p.seq, p.id]));
  idOf.set(0, TEAM_PERSON_ID);
  const columns = blocksToColumns(blocks, idOf);
  const withEntries = archivedWithValues(allPeople, blocks);
  const people = allPeople
    .filter((p) => (period.teamId === '' || p.teamId === period.teamId) && (p.archived === 0 || withEntries.has(p.id)))
    .sort(byEmployeeNoThenName);
  const statusOf = new Map(statuses.map((s) => [s.personId, s.status]));
  const sheetPeople: SheetPerson[] = people.map((p) => ({ id: p.id, name: p.name, status: statusOf.get(p.id) ?? 'active' }));

  const weeks: WeekEntries[] | undefined = weekBlocks?.map(({ key, blocks: list }) => ({ key, entries: blocksToEntries(list, idOf) }));
  let entries: SheetEntry[] | undefined;
  const input: SheetInput = {
    people: sheetPeople,
    get entries() {
      entries ??= columnsToEntries(columns);
      return entries;
    },
    columns,
    ...(weeks ? { weeks } : {}),
  };
  return {
    period,
    template,
    people,
    input,
    columns,
    valueCount: columns.reduce((n, column) => n + column.values.length, 0),
    remarks: new Map(remarks.map((r) => [r.personId, r])),
  };
}

/** For a month of a template with weekly indicators: each week of the month and its value blocks. */
async function weekBlocksOf(period: PeriodRecord, template: TemplateRecord): Promise<{ key: string; blocks: ValueBlockRecord[] }[] | undefined> {
  const weekly = template.body.sections.some((section) => section.indicators.some((indicator) => indicator.cadence === 'week'));
  if (!weekly || period.kind !== 'month') return undefined;
  const db = getDb();
  const keys = weeksOfMonth(period.key);
  const weekPeriods = await db.periods.where('[workspaceId+key]').anyOf(keys.map((key) => [period.workspaceId, key])).toArray();
  const byKey = new Map(weekPeriods.filter((p) => p.kind === 'week').map((p) => [p.key, p]));
  const weeks: { key: string; blocks: ValueBlockRecord[] }[] = [];
  for (const key of keys) {
    const weekPeriod = byKey.get(key);
    weeks.push({ key, blocks: weekPeriod ? await valueBlocksOf(weekPeriod.id) : [] });
  }
  return weeks;
}
