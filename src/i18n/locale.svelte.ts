// The current UI language: reactive, remembered in localStorage, zh-CN by default.
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey, type MessageParams } from './catalog';

const STORAGE_KEY = 'kaohe.locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy mode); the default is fine.
  }
  return DEFAULT_LOCALE;
}

/** The language shown. One instance for the app. */
class I18n {
  private current = $state<Locale>(initialLocale());

  get locale(): Locale {
    return this.current;
  }

  set locale(next: Locale) {
    this.current = next;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched for this session.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  }
}

export const i18n = new I18n();

/** Translate in the current language; reading `i18n.locale` makes callers re-render on switch. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(i18n.locale, key, params);
}
