// What every rule form receives: its rule (narrowed to its kind), the template for input names
// and types, and a way to hand back the changed rule; and the choices several forms offer.
import { t } from '../../../i18n/locale.svelte';
import type { Indicator, Rule, Template } from '../../../scoring/index';

export interface RuleFormProps<K extends Rule['kind']> {
  readonly rule: Extract<Rule, { kind: K }>;
  readonly template: Template;
  readonly indicator: Indicator;
  /** `key` groups keystrokes in one field into one undo step. */
  readonly onchange: (rule: Extract<Rule, { kind: K }>, key?: string) => void;
  /** Prefix for element ids. */
  readonly idBase: string;
  /** Add a new input named after the indicator; returns its name. */
  readonly newInput: () => string;
}

export function isPercentInput(template: Template, name: string): boolean {
  return template.inputs.find((input) => input.name === name)?.type === 'percent';
}

/** One value a rule field offers, with its text in the current language. */
export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Higher or lower is better (比率, 与团队平均比较). */
export function directionChoices(): readonly Choice<'higher' | 'lower'>[] {
  return [
    { value: 'higher', label: t('studio.ratio.higher') },
    { value: 'lower', label: t('studio.ratio.lower') },
  ];
}
