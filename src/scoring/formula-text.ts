// Small helpers for writing formula text: names in brackets, numbers without float noise.

/** `[name]`, with `]` escaped as `]]`. Always bracketed: safe for any script or punctuation. */
export function nameRef(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** A number as formula text: 12 significant digits, so 0.9*100 prints as 90, not 90.00000000000001. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  const text = String(Number(value.toPrecision(12)));
  return text.includes('e') ? value.toString() : text;
}

/** A number as a percent literal when it reads better that way (0.9 → 90%). */
export function percent(value: number): string {
  return `${numberLiteral(value * 100)}%`;
}

/** A string literal: double quotes, with inner quotes doubled. */
export function stringLiteral(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function literal(value: number | string): string {
  return typeof value === 'number' ? numberLiteral(value) : stringLiteral(value);
}

/** Joins signed terms into `a+b-c` (a term starting with `-` is not given a `+`). */
export function sumOf(terms: readonly string[]): string {
  if (terms.length === 0) return '0';
  return terms.map((term, i) => (i === 0 || term.startsWith('-') ? term : `+${term}`)).join('');
}
