// The check before saving: score the people found in the file with the new template and compare
// every indicator, section, total, grade and rank with what Excel cached in the file.
import { scorePeriod } from '../../scoring/index';
import type { PersonResult, ScoreValue } from '../../scoring/sheet-types';
import type { ExcelImport, FieldTarget, ReviewItem } from './build';
import { placeOf, placeText } from './frame';
import type { MappedField } from './mapping';
import { sameValue, type CellValue } from './same-value';

export interface Difference {
  readonly personId: string;
  readonly person: string;
  /** The field's key and name (an indicator, a section, the total …). */
  readonly field: string;
  readonly name: string;
  /** The person's cell (`考核表!E5`). */
  readonly cell: string;
  readonly kaohe: CellValue;
  readonly excel: CellValue;
}

export interface CheckResult {
  /** Person × field pairs compared. */
  readonly compared: number;
  readonly differences: readonly Difference[];
}

function kaoheValue(result: PersonResult, target: FieldTarget): ScoreValue | undefined {
  switch (target.kind) {
    case 'indicator':
      return result.indicators[target.id]?.score;
    case 'section':
      return result.sections[target.id];
    case 'output':
      return result.outputs[target.id];
    case 'input':
      return result.derived[target.id];
    case 'total':
      return result.total;
    case 'grade':
      return result.grade;
    case 'rank':
      return result.rank;
  }
}

/** Only computed fields are compared: entered values are the entries themselves. */
export function isComputed(item: ReviewItem): boolean {
  if (item.target.kind === 'input') return item.kind === 'derived';
  return item.excel !== undefined || item.target.kind === 'total' || item.target.kind === 'grade';
}

/** An empty grade cell and no grade are the same thing. */
function normalise(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}

/**
 * Scores the file's people with the imported template and lists every person and field where
 * Kaohe and Excel's cached value differ (numbers within 1e-9 relative). People with nothing
 * entered are not rated, so not compared.
 */
export function checkImport(imported: Extract<ExcelImport, { ok: true }>): CheckResult {
  const scored = scorePeriod(imported.template, imported.input);
  const byKey = new Map(imported.mapping.fields.map((field): [string, MappedField] => [field.key, field]));
  const items = imported.review.filter(isComputed);
  const differences: Difference[] = [];
  let compared = 0;
  imported.people.forEach((person, index) => {
    const result = scored.people[index];
    // Nothing entered for this person (an empty form): Kaohe does not score 未评 people, while
    // Excel still works its formulas out on blanks; there is nothing to compare.
    if (!result || !result.rated) return;
    for (const item of items) {
      const field = byKey.get(item.field);
      if (!field) continue;
      compared += 1;
      const kaohe = normalise(kaoheValue(result, item.target));
      const excel = normalise(person.cached[item.field]);
      if (sameValue(kaohe, excel)) continue;
      differences.push({ personId: person.id, person: person.name, field: item.field, name: item.name, cell: placeText(placeOf(field, person)), kaohe, excel });
    }
  });
  return { compared, differences };
}
