// One edit of a rating sheet (a typed cell, a pasted block, an undo) saved in one transaction:
// values, remarks (评语) and per-period statuses together, so a paste that spans them applies
// completely or not at all. A locked period refuses the whole edit.
import { getDb } from './db';
import { setEntries, setRemark, type EntryChange } from './entries';
import { setStatus } from './periods';
import { StoreError } from './errors';
import type { PersonStatus } from '../scoring/model';

export interface SheetEdits {
  readonly entries?: readonly EntryChange[];
  readonly remarks?: readonly { readonly personId: string; readonly text: string }[];
  readonly statuses?: readonly { readonly personId: string; readonly status: PersonStatus }[];
}

export async function saveSheetEdits(periodId: string, edits: SheetEdits): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.periods, db.entries, db.remarks, db.statuses, db.audit], async () => {
    const period = await db.periods.get(periodId);
    if (!period) throw new StoreError('missing', `period ${periodId} not found`);
    if (period.locked) throw new StoreError('locked', `period ${period.key} is locked`);
    // The repositories' own writes join this transaction, each still checked and audited.
    if (edits.entries?.length) await setEntries(periodId, edits.entries);
    for (const remark of edits.remarks ?? []) await setRemark(periodId, remark.personId, remark.text);
    for (const status of edits.statuses ?? []) await setStatus(periodId, status.personId, status.status);
  });
}
