// Ask the browser to keep our data (browsers may evict site data otherwise) and report whether
// it agreed, so the header can remind people to download a backup when it did not.
export type PersistenceState = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(): Promise<PersistenceState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
