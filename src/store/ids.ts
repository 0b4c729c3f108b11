// Random ids. crypto.randomUUID exists only in secure contexts; a page served over plain http
// from a static host is not one, so fall back to getRandomValues, which exists everywhere.
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
