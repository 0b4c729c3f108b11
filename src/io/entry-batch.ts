// Entries to store, compactly: distinct people, (key, role) pairs and rater names once each, and
// per entry only their indexes, the value, and where it came from. A 100,000-row file holds two
// million values; as typed arrays they cost little to build and little to pass from the worker.
import type { RaterRole } from '../scoring/model';
import type { StoredValue } from './values';

export interface EntryTargetRef {
  /** Input id, or indicator id for indicators entered directly. */
  readonly key: string;
  readonly role: RaterRole;
}

export interface EntryBatch {
  /** Person ids, `new:<n>` for people the import creates, or the team pseudo-person. */
  readonly people: readonly string[];
  readonly targets: readonly EntryTargetRef[];
  /** Rater names ('' = not recorded). */
  readonly raters: readonly string[];
  /** Per entry, indexes into the three lists above. */
  readonly person: Uint32Array;
  readonly target: Uint32Array;
  readonly rater: Uint32Array;
  /** Per entry, a number; NaN where the value is text (then in `texts`). */
  readonly numbers: Float64Array;
  /** Text values by entry index (levels such as 优秀, text inputs). */
  readonly texts: ReadonlyMap<number, string>;
  /** Per entry, where it came from: 1-based row, 0-based column. */
  readonly row: Uint32Array;
  readonly column: Uint32Array;
}

export interface Entry {
  readonly person: string;
  readonly key: string;
  readonly role: RaterRole;
  readonly rater: string;
  readonly value: StoredValue;
  readonly row: number;
  readonly column: number;
}

export function batchSize(batch: EntryBatch): number {
  return batch.numbers.length;
}

export function valueAt(batch: EntryBatch, i: number): StoredValue {
  const number = batch.numbers[i]!;
  return number === number ? number : (batch.texts.get(i) ?? '');
}

export function entryAt(batch: EntryBatch, i: number): Entry {
  const target = batch.targets[batch.target[i]!]!;
  return {
    person: batch.people[batch.person[i]!]!,
    key: target.key,
    role: target.role,
    rater: batch.raters[batch.rater[i]!]!,
    value: valueAt(batch, i),
    row: batch.row[i]!,
    column: batch.column[i]!,
  };
}

export function entriesOf(batch: EntryBatch): Entry[] {
  const list: Entry[] = [];
  for (let i = 0; i < batchSize(batch); i++) list.push(entryAt(batch, i));
  return list;
}

export interface BatchBuilder {
  /** Index of a person, added on first use. */
  person(ref: string): number;
  hasPerson(ref: string): boolean;
  /** People numbered so far. */
  readonly personCount: number;
  target(target: EntryTargetRef): number;
  rater(name: string): number;
  add(person: number, target: number, rater: number, value: StoredValue, row: number, column: number): void;
  /** Shorthand for one entry given by names. */
  addEntry(entry: Omit<Entry, 'row' | 'column'> & { readonly row?: number; readonly column?: number }): void;
  readonly size: number;
  done(): EntryBatch;
}

export function batchBuilder(capacity = 1024): BatchBuilder {
  const people: string[] = [];
  const peopleIndex = new Map<string, number>();
  const targets: EntryTargetRef[] = [];
  const targetIndex = new Map<string, number>();
  const raters: string[] = [];
  const raterIndex = new Map<string, number>();
  let room = Math.max(16, capacity);
  let person = new Uint32Array(room);
  let target = new Uint32Array(room);
  let rater = new Uint32Array(room);
  let row = new Uint32Array(room);
  let column = new Uint32Array(room);
  let numbers = new Float64Array(room);
  const texts = new Map<number, string>();
  let size = 0;

  const grow = () => {
    room *= 2;
    const bigger = (old: Uint32Array) => {
      const next = new Uint32Array(room);
      next.set(old);
      return next;
    };
    person = bigger(person);
    target = bigger(target);
    rater = bigger(rater);
    row = bigger(row);
    column = bigger(column);
    const wider = new Float64Array(room);
    wider.set(numbers);
    numbers = wider;
  };

  const builder: BatchBuilder = {
    person(ref) {
      let index = peopleIndex.get(ref);
      if (index === undefined) {
        index = people.length;
        people.push(ref);
        peopleIndex.set(ref, index);
      }
      return index;
    },
    hasPerson(ref) {
      return peopleIndex.has(ref);
    },
    get personCount() {
      return people.length;
    },
    target(ref) {
      const id = `${ref.role}|${ref.key}`;
      let index = targetIndex.get(id);
      if (index === undefined) {
        index = targets.length;
        targets.push({ key: ref.key, role: ref.role });
        targetIndex.set(id, index);
      }
      return index;
    },
    rater(name) {
      let index = raterIndex.get(name);
      if (index === undefined) {
        index = raters.length;
        raters.push(name);
        raterIndex.set(name, index);
      }
      return index;
    },
    add(p, t, r, v, atRow, atColumn) {
      if (size === room) grow();
      person[size] = p;
      target[size] = t;
      rater[size] = r;
      row[size] = atRow;
      column[size] = atColumn;
      if (typeof v === 'number') numbers[size] = v;
      else {
        numbers[size] = Number.NaN;
        texts.set(size, v);
      }
      size += 1;
    },
    addEntry(entry) {
      builder.add(builder.person(entry.person), builder.target(entry), builder.rater(entry.rater), entry.value, entry.row ?? 0, entry.column ?? 0);
    },
    get size() {
      return size;
    },
    done() {
      return {
        people,
        targets,
        raters,
        person: person.slice(0, size),
        target: target.slice(0, size),
        rater: rater.slice(0, size),
        numbers: numbers.slice(0, size),
        texts,
        row: row.slice(0, size),
        column: column.slice(0, size),
      };
    },
  };
  return builder;
}

export function emptyBatch(): EntryBatch {
  return batchBuilder(16).done();
}
