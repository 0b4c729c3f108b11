// IS… tests and NA(). Like Excel they never return an error themselves; over an array they
// answer element by element.
import type { Value } from '../types';
import { NA, isArray, isError, makeArray } from '../values';
import { eager, type FunctionSpec } from './spec';

function test(predicate: (value: Value) => boolean) {
  return (args: readonly Value[]): Value => {
    const value = args[0] ?? null;
    if (!isArray(value)) return predicate(value);
    return makeArray(value.rows, value.cols, value.data.map(predicate));
  };
}

export const INFO_FUNCTIONS: readonly FunctionSpec[] = [
  eager('ISBLANK', [1, 1], 'ISBLANK(value)', 'TRUE for an empty cell (not for "").', test((v) => v === null)),
  eager('ISNUMBER', [1, 1], 'ISNUMBER(value)', 'TRUE for a number.', test((v) => typeof v === 'number')),
  eager('ISTEXT', [1, 1], 'ISTEXT(value)', 'TRUE for text.', test((v) => typeof v === 'string')),
  eager('ISLOGICAL', [1, 1], 'ISLOGICAL(value)', 'TRUE for TRUE or FALSE.', test((v) => typeof v === 'boolean')),
  eager('ISERROR', [1, 1], 'ISERROR(value)', 'TRUE for any error value.', test(isError)),
  eager('ISNA', [1, 1], 'ISNA(value)', 'TRUE for #N/A.', test((v) => isError(v) && v.code === '#N/A')),
  eager('NA', [0, 0], 'NA()', 'The error #N/A ("not available").', () => NA),
];
