// A fresh fake IndexedDB database per test, installed as the store's database.
import 'fake-indexeddb/auto';
import { openDb, useDb, type KaoheDb } from '../../../src/store/db';

let counter = 0;

export function freshDb(): KaoheDb {
  counter += 1;
  const db = openDb(`kaohe-test-${process.pid}-${counter}`);
  useDb(db);
  return db;
}
