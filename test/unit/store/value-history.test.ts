// "Who changed this": one value's history read from the audit log, where each action (a paste, an
// import, an undo) is one record holding every value it changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import type { KaoheDb } from '../../../src/store/db';
import { applyImport, auditFor, ensureWorkspace, listEntries, listPeople, listPeriods, saveSheetEdits, valueHistory, type ImportedEntries } from '../../../src/store/index';

let db: KaoheDb;
let workspaceId: string;
let periodId: string;
beforeEach(async () => {
  db = freshDb();
  workspaceId = await ensureWorkspace('示例');
  periodId = (await listPeriods(workspaceId))[0]!.id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function batch(people: readonly string[], key: string, values: readonly number[]): ImportedEntries {
  return {
    people,
    targets: [{ key, role: 'supervisor' }],
    raters: [''],
    person: people.map((_, i) => i),
    target: people.map(() => 0),
    rater: people.map(() => 0),
    numbers: values,
    texts: new Map(),
  };
}

describe('the history of one value', () => {
  it('after a paste, an import and an undo: three changes, oldest first, each from its one audit record', async () => {
    const people = await listPeople(workspaceId);
    const [wang, li, zhang] = people;
    const before = (await listEntries(periodId)).find((e) => e.personId === wang!.id && e.key === 'satisfaction_score' && e.role === 'supervisor')!.value;

    // A 3-cell paste of the column, then an import of two people, then the undo of the import.
    const pasted = [wang!, li!, zhang!].map((person, i) => ({ personId: person.id, key: 'satisfaction_score', role: 'supervisor' as const, value: 90 + i }));
    await saveSheetEdits(periodId, { entries: pasted }, { action: 'paste', origin: 'sheet-a' });
    await applyImport(periodId, [], batch([wang!.id, li!.id], 'satisfaction_score', [77, 78]));
    await saveSheetEdits(periodId, { entries: [{ personId: wang!.id, key: 'satisfaction_score', role: 'supervisor', value: 90 }, { personId: li!.id, key: 'satisfaction_score', role: 'supervisor', value: 91 }] }, { action: 'undo', origin: 'sheet-a' });

    const history = await valueHistory(periodId, wang!.id, { key: 'satisfaction_score', role: 'supervisor' });
    expect(history.map((h) => [h.action, h.old, h.new])).toEqual([
      ['paste', before, 90],
      ['import', 90, 77],
      ['undo', 77, 90],
    ]);
    expect(history.map((h) => h.seq)).toEqual([...history.map((h) => h.seq)].sort((a, b) => a - b));
    // 张伟 was only in the paste.
    expect((await valueHistory(periodId, zhang!.id, { key: 'satisfaction_score', role: 'supervisor' })).map((h) => h.action)).toEqual(['paste']);
    // One record per action, whatever its size; the sheet's own records carry its origin.
    const records = await auditFor('entries', periodId);
    expect(records.map((r) => [r.action, r.new, r.origin ?? null])).toEqual([
      ['paste', 3, 'sheet-a'],
      ['import', 2, null],
      ['undo', 2, 'sheet-a'],
    ]);
    // Another cell of the same column, and the same person in another column, have no such history.
    expect(await valueHistory(periodId, wang!.id, { key: 'satisfaction_score', role: 'self' })).toEqual([]);
  });
});
