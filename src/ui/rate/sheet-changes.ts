// What a change on the rating sheet means for the open sheet: cells typed, pasted, filled or
// cleared in the grid (and the team values above it) turned into cell operations, each with the
// value before and after, so RateSheetState can apply, save and undo them. Pure: no storage.
import type { Locale } from '../../i18n/catalog';
import { parseEntry, TEAM_PERSON_ID } from '../../scoring/index';
import type { EntryAction } from '../../store/index';
import type { GridChange } from '../grid/types';
import type { RateColumn } from './columns';
import type { CellOp } from './edits';
import { formatEntry, parseStatus } from './sheet-data';
import { enteredValue, type SheetModel } from './sheet-model';

export interface ChangeOps {
  /** The cells whose value changes (cells typed as they were are left out). */
  readonly ops: CellOp[];
  /** Texts typed into the status column that are not a status. */
  readonly badStatuses: string[];
}

/** The grid's change as cell operations, entered under `rater` (blank: the role's unnamed rater). */
export function changeOps(model: SheetModel, columns: readonly RateColumn[], change: GridChange, rater: string): ChangeOps {
  const ops: CellOp[] = [];
  const badStatuses: string[] = [];
  for (const cell of change.cells) {
    const column = columns[cell.col];
    const person = model.people[cell.row];
    if (!column || !person) continue;
    const source = column.source;
    if (source.kind === 'entry') {
      const after = parseEntry(source.input, cell.text, { levelLabels: source.levelLabels });
      const before = enteredValue(model, person.id, source.key, source.role, rater);
      if (before !== after) ops.push({ kind: 'entry', personId: person.id, key: source.key, role: source.role, rater, before, after });
    } else if (source.kind === 'remark') {
      const after = cell.text.trim();
      const before = model.remarks.get(person.id) ?? '';
      if (before !== after) ops.push({ kind: 'remark', personId: person.id, before, after });
    } else if (source.kind === 'status') {
      const after = parseStatus(cell.text);
      if (!after) {
        badStatuses.push(cell.text);
        continue;
      }
      const before = model.statuses.get(person.id) ?? 'active';
      if (before !== after) ops.push({ kind: 'status', personId: person.id, before, after });
    }
  }
  return { ops, badStatuses };
}

/** How the audit log names a change: a paste, a fill and a clear by their names, typing as an update. */
export function changeAction(change: GridChange): EntryAction {
  return change.kind === 'paste' || change.kind === 'fill' || change.kind === 'clear' ? change.kind : 'update';
}

/** A team value (an input the whole team shares) as shown in its field above the grid. */
export function teamValueText(model: SheetModel, inputId: string, locale: Locale): string {
  const input = model.template.inputs.find((i) => i.id === inputId);
  if (!input) return '';
  return formatEntry(input, enteredValue(model, TEAM_PERSON_ID, inputId, model.compiled.primaryRole, ''), locale);
}

/** A team value typed into its field: the operation, or null when nothing changes. */
export function teamValueOp(model: SheetModel, inputId: string, text: string): CellOp | null {
  const input = model.template.inputs.find((i) => i.id === inputId);
  if (!input) return null;
  const role = model.compiled.primaryRole;
  const after = parseEntry(input, text);
  const before = enteredValue(model, TEAM_PERSON_ID, inputId, role, '');
  return before === after ? null : { kind: 'entry', personId: TEAM_PERSON_ID, key: inputId, role, rater: '', before, after };
}
