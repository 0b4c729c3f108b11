// 绩效系数 and 绩效工资基数: the workspace's grade → coefficient table per template family, and each
// person's base. Both are workspace settings (no period lock), audited in the same transaction:
// a table change is one record (old rows → new rows); a change of bases is one record per action
// (typed, pasted or imported), holding [personId, old, new] for every base it changed.
import { getDb } from './db';
import { writeAudit } from './audit';
import { StoreError } from './errors';
import type { CoefficientTableRecord, PayBaseRecord } from './records';
import { MAX_COEFFICIENT, type CoefficientRow } from '../scoring/pay';

export function coefficientTableId(workspaceId: string, familyId: string): string {
  return `${workspaceId}|${familyId}`;
}

/** The grade → 绩效系数 table of a template family, or null when none is set up. */
export async function getCoefficientTable(workspaceId: string, familyId: string): Promise<CoefficientRow[] | null> {
  const record = await getDb().coefficientTables.get([workspaceId, familyId]);
  return record ? record.rows : null;
}

export async function listCoefficientTables(workspaceId: string): Promise<CoefficientTableRecord[]> {
  return getDb().coefficientTables.where('workspaceId').equals(workspaceId).toArray();
}

function checkRows(rows: readonly CoefficientRow[]): CoefficientRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const grade = row.grade.trim();
    if (grade === '' || seen.has(grade)) throw new StoreError('refused', `grade "${grade}" is empty or repeated`);
    if (!Number.isFinite(row.coefficient) || row.coefficient < 0 || row.coefficient > MAX_COEFFICIENT) throw new StoreError('refused', `coefficient of ${grade} must be 0–${MAX_COEFFICIENT}`);
    seen.add(grade);
    return { grade, coefficient: row.coefficient };
  });
}

/** Set (or, with null, remove) a family's table; audited as one record, old rows → new rows. */
export async function setCoefficientTable(workspaceId: string, familyId: string, rows: readonly CoefficientRow[] | null): Promise<void> {
  const next = rows === null ? null : checkRows(rows);
  const db = getDb();
  await db.transaction('rw', db.coefficientTables, db.auditLog, async () => {
    const before = await db.coefficientTables.get([workspaceId, familyId]);
    const old = before?.rows ?? null;
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    if (next === null) await db.coefficientTables.delete([workspaceId, familyId]);
    else await db.coefficientTables.put({ workspaceId, familyId, rows: next, updatedAt: Date.now() });
    await writeAudit({ workspaceId, entity: 'coefficients', entityId: coefficientTableId(workspaceId, familyId), action: next === null ? 'delete' : 'update', field: 'rows', old, new: next });
  });
}

export async function listPayBases(workspaceId: string): Promise<PayBaseRecord[]> {
  return getDb().payBases.where('workspaceId').equals(workspaceId).toArray();
}

export interface PayBaseChange {
  readonly personId: string;
  /** null removes the base. */
  readonly amount: number | null;
}

/** Larger than any monthly 绩效工资基数: a slip (a year's pay in cents), refused. */
export const MAX_PAY_BASE = 1e9;

/**
 * Set 绩效工资基数 for many people at once, all or nothing (typed, pasted or imported): one audit
 * record for the action. Returns how many bases changed.
 */
export async function setPayBases(workspaceId: string, changes: readonly PayBaseChange[], action: 'update' | 'import' = 'update'): Promise<number> {
  for (const change of changes) {
    if (change.amount !== null && (!Number.isFinite(change.amount) || change.amount < 0 || change.amount > MAX_PAY_BASE)) throw new StoreError('refused', `not a pay base: ${change.amount}`);
  }
  const db = getDb();
  return db.transaction('rw', db.people, db.payBases, db.auditLog, async () => {
    const ids = [...new Set(changes.map((change) => change.personId))];
    const people = await db.people.bulkGet(ids);
    people.forEach((person, i) => {
      if (!person || person.workspaceId !== workspaceId) throw new StoreError('missing', `person ${ids[i]} is not in this workspace`);
    });
    const before = new Map((await db.payBases.bulkGet(ids)).flatMap((record) => (record ? [[record.personId, record.amount] as const] : [])));
    const now = Date.now();
    const after = new Map(before);
    for (const change of changes) {
      if (change.amount === null) after.delete(change.personId);
      else after.set(change.personId, change.amount);
    }
    const changed: [string, number | null, number | null][] = [];
    for (const id of ids) {
      const old = before.get(id) ?? null;
      const next = after.get(id) ?? null;
      if (old !== next) changed.push([id, old, next]);
    }
    if (changed.length === 0) return 0;
    const puts = changed.filter(([, , next]) => next !== null).map(([personId, , amount]): PayBaseRecord => ({ personId, workspaceId, amount: amount!, updatedAt: now }));
    const deletes = changed.filter(([, , next]) => next === null).map(([personId]) => personId);
    if (puts.length) await db.payBases.bulkPut(puts);
    if (deletes.length) await db.payBases.bulkDelete(deletes);
    await writeAudit({ workspaceId, entity: 'payBases', entityId: workspaceId, action, field: 'amount', old: null, new: changed });
    return changed.length;
  });
}
