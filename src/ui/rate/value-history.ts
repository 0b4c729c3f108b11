// "Who changed this": the recorded changes of the values an indicator reads, for one person, as
// lines of the explanation popover (newest first). Read from the audit log on demand.
import { translate, type Locale, type MessageKey } from '../../i18n/catalog';
import { parse, refsOf } from '../../formula/index';
import { type Indicator, type InputDef, type RaterRole, roleLabel, ruleFormula, type Template } from '../../scoring/index';
import { valueHistory, type ValueHistoryItem } from '../../store/index';
import type { ExplainLine } from './explain-cell';
import { formatComputed } from './sheet-data';

/** Changes shown per explanation; older ones are counted. */
const SHOWN = 12;

/** Entered inputs an indicator's rule reads, through derived inputs (询单人数比 → 询单人数, 接待人数). */
export function enteredInputsOf(template: Template, indicator: Indicator): InputDef[] {
  const byName = new Map(template.inputs.map((input) => [input.name, input]));
  const found = new Map<string, InputDef>();
  const visit = (formula: string, depth: number) => {
    const parsed = parse(formula);
    if (!parsed.ok || depth > 8) return;
    for (const name of refsOf(parsed.ast).row) {
      const input = byName.get(name);
      if (!input || found.has(input.id)) continue;
      if (input.formula) visit(input.formula, depth + 1);
      else found.set(input.id, input);
    }
  };
  visit(ruleFormula(indicator, template), 0);
  return [...found.values()];
}

export interface HistoryTarget {
  readonly periodId: string;
  readonly personId: string;
  readonly template: Template;
  readonly indicator: Indicator;
  readonly roles: readonly RaterRole[];
  /** Rater names with values in the period (''= unnamed). */
  readonly raters: readonly string[];
}

export async function historyLines(target: HistoryTarget, locale: Locale): Promise<ExplainLine[]> {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const inputs = enteredInputsOf(target.template, target.indicator);
  // An indicator entered directly (no inputs) is stored under its own id.
  const keys = inputs.length > 0 ? inputs.map((input) => ({ key: input.id, name: input.name })) : [{ key: target.indicator.id, name: target.indicator.name }];
  const items: (ValueHistoryItem & { label: string })[] = [];
  for (const { key, name } of keys) {
    for (const role of target.roles) {
      for (const rater of target.raters) {
        const history = await valueHistory(target.periodId, target.personId, { key, role, rater });
        const who = `${target.roles.length > 1 ? `${roleLabel(role, locale)} · ` : ''}${name}${rater ? ` (${rater})` : ''}`;
        for (const item of history) items.push({ ...item, label: who });
      }
    }
  }
  if (items.length === 0) return [];
  items.sort((a, b) => b.seq - a.seq);
  const text = items
    .slice(0, SHOWN)
    .map((item) =>
      say('rate.history.item', {
        time: new Date(item.at).toLocaleString(locale, { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
        input: item.label,
        action: say(`rate.history.action.${item.action}` as MessageKey),
        old: formatComputed(item.old, locale) || '—',
        new: formatComputed(item.new, locale) || '—',
      }),
    );
  if (items.length > SHOWN) text.push(say('rate.history.more', { count: items.length - SHOWN }));
  return [{ label: say('rate.explain.history'), text: text.join('\n') }];
}
