// COUNTIF/SUMIF/AVERAGEIF criteria: 90, ">=90", "<>0", "=abc", "王*", "?级", "~*" — Excel's
// rules: an operator prefix, then a number, TRUE/FALSE or text with * ? wildcards (~ escapes),
// text compared case-insensitively.
import { compareNumbers, compareText } from '../compare';
import { numberFromText, toScalar } from '../coerce';
import { comparison } from '../operators';
import type { ErrorValue, Scalar, Value } from '../types';
import { isError } from '../values';

export type Criterion = (cell: Scalar | ErrorValue) => boolean;

type Operator = '=' | '<>' | '<' | '<=' | '>' | '>=';
const OPERATOR_PREFIX = /^(<>|<=|>=|=|<|>)?([\s\S]*)$/;

/** A regular expression for a wildcard pattern: * is any run, ? one character, ~ escapes. */
export function wildcardPattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    const next = pattern[i + 1];
    if (char === '~' && (next === '*' || next === '?' || next === '~')) {
      source += `\\${next}`;
      i += 1;
    } else if (char === '*') {
      source += '[\\s\\S]*';
    } else if (char === '?') {
      source += '[\\s\\S]';
    } else {
      source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'iu');
}

function numberCriterion(op: Operator, target: number): Criterion {
  return (cell) => {
    // "=5" also matches the text "5", and "<>5" matches everything that is not 5.
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' && (op === '=' || op === '<>') ? numberFromText(cell) : undefined;
    if (n === undefined) return op === '<>';
    return comparison(op, compareNumbers(n, target));
  };
}

function booleanCriterion(op: Operator, target: boolean): Criterion {
  return (cell) => {
    if (typeof cell !== 'boolean') return op === '<>';
    return comparison(op, cell === target ? 0 : cell ? 1 : -1);
  };
}

function textCriterion(op: Operator, target: string): Criterion {
  if (op === '=' || op === '<>') {
    const pattern = wildcardPattern(target);
    const equal = (cell: Scalar | ErrorValue) => typeof cell === 'string' && pattern.test(cell);
    return op === '=' ? equal : (cell) => !equal(cell);
  }
  return (cell) => typeof cell === 'string' && comparison(op, compareText(cell, target));
}

// "" matches empty cells (and empty text), "=" only empty cells, "<>" every non-empty cell.
function emptyCriterion(op: Operator | undefined): Criterion {
  if (op === undefined) return (cell) => cell === null || cell === '';
  if (op === '=') return (cell) => cell === null;
  if (op === '<>') return (cell) => cell !== null;
  return () => false;
}

export function parseCriterion(value: Value): Criterion | ErrorValue {
  const criterion = toScalar(value);
  if (isError(criterion)) return criterion;
  // A blank criterion cell is 0, as an empty cell is everywhere else in arithmetic.
  if (criterion === null) return numberCriterion('=', 0);
  if (typeof criterion === 'number') return numberCriterion('=', criterion);
  if (typeof criterion === 'boolean') return booleanCriterion('=', criterion);
  const match = OPERATOR_PREFIX.exec(criterion);
  const op = match?.[1] as Operator | undefined;
  const rest = match?.[2] ?? '';
  if (rest === '') return emptyCriterion(op);
  const n = numberFromText(rest);
  if (n !== undefined) return numberCriterion(op ?? '=', n);
  const upper = rest.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return booleanCriterion(op ?? '=', upper === 'TRUE');
  return textCriterion(op ?? '=', rest);
}
