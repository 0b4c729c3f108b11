// The "what changed" note of a new version, in words: the studio pre-fills the save dialog with
// it and the version list shows it.
import { formatNumber, translate, type Locale, type MessageKey } from '../../i18n/catalog';
import type { IndicatorField, TemplateChange } from '../../scoring/index';

function weight(value: number | null, locale: Locale): string {
  return value === null ? '—' : `${formatNumber(locale, value * 100)}%`;
}

export function describeChange(change: TemplateChange, locale: Locale): string {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const what = (kind: string) => say(`studio.change.what.${kind}` as MessageKey);
  switch (change.kind) {
    case 'renamed':
      return say('studio.change.renamed', { what: what(change.what), from: change.from, to: change.to });
    case 'added':
      return say('studio.change.added', { what: what(change.what), name: change.name });
    case 'removed':
      return say('studio.change.removed', { what: what(change.what), name: change.name });
    case 'moved':
      return say('studio.change.moved', { what: what(change.what), name: change.name });
    case 'weight':
      return say('studio.change.weight', { name: change.name, from: weight(change.from, locale), to: weight(change.to, locale) });
    case 'max':
      return say('studio.change.max', { name: change.name, from: formatNumber(locale, change.from), to: formatNumber(locale, change.to) });
    case 'indicator':
      return say('studio.change.indicator', {
        name: change.name,
        fields: change.fields.map((field: IndicatorField) => say(`studio.change.field.${field}` as MessageKey)).join(locale === 'zh-CN' ? '、' : ', '),
      });
    case 'combine':
      return say('studio.change.combine', { name: change.name });
    case 'input':
      return say('studio.change.input', { name: change.name });
    default:
      return say(`studio.change.${change.kind}` as MessageKey);
  }
}

/** All changes as one note, or the "no changes" text. */
export function describeChanges(changes: readonly TemplateChange[], locale: Locale): string {
  if (changes.length === 0) return translate(locale, 'studio.change.none');
  return changes.map((change) => describeChange(change, locale)).join(locale === 'zh-CN' ? '；' : '; ');
}
