// Edits of a rating sheet as data: each changed cell with its value before and after, so the
// same batch can be applied, saved, undone (inverted) and redone.
import type { Scalar } from '../../formula/index';
import type { PersonStatus, RaterRole } from '../../scoring/index';
import type { SheetEdits } from '../../store/index';

export type CellOp =
  | { readonly kind: 'entry'; readonly personId: string; readonly key: string; readonly role: RaterRole; readonly rater: string; readonly before: Scalar; readonly after: Scalar }
  | { readonly kind: 'remark'; readonly personId: string; readonly before: string; readonly after: string }
  | { readonly kind: 'status'; readonly personId: string; readonly before: PersonStatus; readonly after: PersonStatus };

function invertOp(op: CellOp): CellOp {
  switch (op.kind) {
    case 'entry':
      return { ...op, before: op.after, after: op.before };
    case 'remark':
      return { ...op, before: op.after, after: op.before };
    case 'status':
      return { ...op, before: op.after, after: op.before };
  }
}

/** The batch that undoes `ops`: each cell back to its value before, last change first. */
export function invert(ops: readonly CellOp[]): CellOp[] {
  return ops.map(invertOp).reverse();
}

export function toSheetEdits(ops: readonly CellOp[]): SheetEdits {
  const entries = new Map<string, { personId: string; key: string; role: RaterRole; rater: string; value: Scalar }>();
  const remarks = new Map<string, { personId: string; text: string }>();
  const statuses = new Map<string, { personId: string; status: PersonStatus }>();
  // Later ops on the same cell win (a batch can touch a cell twice: undo of a fill, say).
  for (const op of ops) {
    if (op.kind === 'entry') entries.set([op.personId, op.key, op.role, op.rater].join('\u0001'), { personId: op.personId, key: op.key, role: op.role, rater: op.rater, value: op.after });
    else if (op.kind === 'remark') remarks.set(op.personId, { personId: op.personId, text: op.after });
    else statuses.set(op.personId, { personId: op.personId, status: op.after });
  }
  return { entries: [...entries.values()], remarks: [...remarks.values()], statuses: [...statuses.values()] };
}

/** A bounded history of batches for Ctrl+Z / Ctrl+Y. */
export interface UndoHistory {
  readonly done: CellOp[][];
  readonly undone: CellOp[][];
}

export const UNDO_LIMIT = 200;

export function emptyHistory(): UndoHistory {
  return { done: [], undone: [] };
}

export function recordBatch(history: UndoHistory, ops: CellOp[]): void {
  history.done.push(ops);
  if (history.done.length > UNDO_LIMIT) history.done.shift();
  history.undone.length = 0;
}
