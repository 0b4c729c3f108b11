// Small templates for the engine's own tests (the seed templates have golden tests of their own).
import type { Indicator, InputDef, Rule, Template } from '../../../src/scoring/model';

export function input(id: string, name: string, extra: Partial<InputDef> = {}): InputDef {
  return { id, name, type: 'number', ...extra };
}

export function indicator(id: string, name: string, max: number, rule: Rule, extra: Partial<Indicator> = {}): Indicator {
  return { id, name, max, quantitative: true, rule, ...extra };
}

/** One sum section holding the given indicators; supervisor only; grades 90/70/60. */
export function templateOf(inputs: InputDef[], indicators: Indicator[], extra: Partial<Template> = {}): Template {
  return {
    id: 'test',
    version: 1,
    name: '测试',
    description: '',
    periodKind: 'month',
    inputs,
    sections: [{ id: 's', name: '合计', combine: 'sum', indicators }],
    total: { kind: 'sum' },
    grades: [
      { label: '优秀', min: 90, minInclusive: true },
      { label: '良好', min: 70, minInclusive: true },
      { label: '合格', min: 60, minInclusive: true },
      { label: '不合格', min: null, minInclusive: true, failing: true },
    ],
    roles: [{ role: 'supervisor', weight: 1 }],
    rankTies: 'competition',
    ...extra,
  };
}

export const people = (...names: string[]) => names.map((name) => ({ id: name, name }));

export function entries(rows: Record<string, Record<string, number | string | boolean | null>>, role: 'supervisor' | 'self' = 'supervisor') {
  return Object.entries(rows).flatMap(([personId, values]) => Object.entries(values).map(([key, value]) => ({ personId, key, role, value })));
}
