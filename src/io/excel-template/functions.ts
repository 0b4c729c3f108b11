// Excel function names as Kaohe knows them. Files store newer functions with prefixes
// (`_xlfn.IFS`, `_xlfn._xlws.SORT`); user-defined functions (`_xludf.`, `_xll.`) are macros.
import { FUNCTION_NAMES } from '../../formula/index';

/** Kaohe's own helpers: in an Excel file a function of that name is someone's macro, not ours. */
const KAOHE_ONLY: ReadonlySet<string> = new Set(['TEAM', 'TEAMSIZE', 'CLAMP', 'BAND']);

const SAME: ReadonlySet<string> = new Set(FUNCTION_NAMES.filter((name) => !KAOHE_ONLY.has(name)));

/** Excel functions Kaohe writes differently (see excel-formula.ts). */
const REWRITTEN: ReadonlySet<string> = new Set(['VLOOKUP', 'HLOOKUP', 'CONCATENATE', 'CONCAT', 'SINGLE']);

export type FunctionMapping =
  | { readonly kind: 'same'; readonly name: string }
  | { readonly kind: 'rewrite'; readonly name: string }
  | { readonly kind: 'macro'; readonly name: string }
  | { readonly kind: 'unsupported'; readonly name: string };

/** How an Excel function name (as stored in the file) maps to Kaohe. */
export function mapFunction(stored: string): FunctionMapping {
  const upper = stored.toUpperCase();
  if (upper.startsWith('_XLUDF.') || upper.startsWith('_XLL.')) return { kind: 'macro', name: stored.slice(stored.indexOf('.') + 1) };
  const name = upper.replace(/^(_XLFN\.)?(_XLWS\.)?/, '');
  if (SAME.has(name)) return { kind: 'same', name };
  if (REWRITTEN.has(name)) return { kind: 'rewrite', name };
  return { kind: 'unsupported', name };
}
