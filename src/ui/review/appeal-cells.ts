// The values an appeal may change: for an appeal against one indicator, the values that indicator
// reads (each rater role, each rater who entered one); against the total, every value entered for
// the person. Shown with their current value so HR changes exactly what the appeal is about.
import type { Scalar } from '../../formula/index';
import { type AppealTarget, type Indicator, type InputDef, levelLabelsFor, selfEnteredInput, type Template } from '../../scoring/index';
import { type EntryTarget, entryTargets } from '../../io/index';
import type { PeriodSheetData } from '../../store/index';
import { enteredInputsOf } from '../rate/value-history';

export interface AppealCell {
  readonly target: EntryTarget;
  readonly input: InputDef;
  readonly levelLabels: ReadonlyMap<string, number | string>;
  readonly rater: string;
  readonly value: Scalar;
}

export function indicatorsOf(template: Template): Indicator[] {
  return template.sections.flatMap((section) => section.indicators);
}

export function appealCells(data: PeriodSheetData, personId: string, target: AppealTarget): AppealCell[] {
  const template = data.template.body;
  const indicators = new Map(indicatorsOf(template).map((indicator) => [indicator.id, indicator]));
  const inputs = new Map(template.inputs.map((input) => [input.id, input]));
  let targets = entryTargets(template, data.period.kind).filter((t) => !t.team);
  if (target.kind === 'indicator') {
    const indicator = indicators.get(target.indicatorId);
    if (!indicator) return [];
    const read = enteredInputsOf(template, indicator).map((input) => input.id);
    const keys = new Set(read.length > 0 ? read : [indicator.id]);
    targets = targets.filter((t) => keys.has(t.key));
  }
  // What the person has now, per target, per rater who entered it.
  const entered = new Map<string, Map<string, Scalar>>();
  for (const column of data.columns ?? []) {
    const index = column.personIds.indexOf(personId);
    if (index < 0) continue;
    const id = `${column.role}|${column.key}`;
    const byRater = entered.get(id) ?? new Map<string, Scalar>();
    byRater.set(column.rater, column.values[index]!);
    entered.set(id, byRater);
  }
  return targets.flatMap((t) => {
    const input = t.source === 'indicator' ? selfEnteredInput(indicators.get(t.key)!) : inputs.get(t.key)!;
    const levelLabels = levelLabelsFor(template, input);
    const byRater = entered.get(t.id);
    if (!byRater || byRater.size === 0) return [{ target: t, input, levelLabels, rater: '', value: null }];
    return [...byRater].map(([rater, value]) => ({ target: t, input, levelLabels, rater, value }));
  });
}
