// One edit of a rating sheet (a typed cell, a pasted block, an undo) saved in one transaction:
// values, remarks (评语) and per-period statuses together, so a paste that spans them applies
// completely or not at all. A locked period refuses the whole edit. The values it changes are
// one audit record; `origin` marks every record so the sheet that wrote them can skip them.
import { getDb } from './db';
import { openPeriodForWrite, writeEntries, writeRemark, type EntryChange } from './entries';
import { writeStatus } from './periods';
import type { EntryAction } from './records';
import type { PersonStatus } from '../scoring/model';

export interface SheetEdits {
  readonly entries?: readonly EntryChange[];
  readonly remarks?: readonly { readonly personId: string; readonly text: string }[];
  readonly statuses?: readonly { readonly personId: string; readonly status: PersonStatus }[];
}

export interface SheetEditOptions {
  readonly action?: EntryAction;
  readonly origin?: string;
}

export async function saveSheetEdits(periodId: string, edits: SheetEdits, options: SheetEditOptions = {}): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.periods, db.people, db.valueBlocks, db.remarks, db.statuses, db.auditLog], async () => {
    const period = await openPeriodForWrite(periodId);
    if (edits.entries?.length) await writeEntries(periodId, edits.entries, options);
    for (const remark of edits.remarks ?? []) await writeRemark(period, remark.personId, remark.text, options.origin);
    for (const status of edits.statuses ?? []) await writeStatus(period, status.personId, status.status, options.origin);
  });
}
