// Message catalogs and a pure translate function (no DOM, no state): scoring explanations and
// the UI both format text through it. The reactive "current language" lives in locale.svelte.ts.
import zhCN from './zh-CN/index';
import en from './en/index';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Namespaces = typeof zhCN;
/** Every message key, `namespace.key`, e.g. `shell.nav.templates`. */
export type MessageKey = {
  [N in keyof Namespaces & string]: `${N}.${keyof Namespaces[N] & string}`;
}[keyof Namespaces & string];

export type MessageParams = Readonly<Record<string, string | number>>;

type Catalog = Readonly<Record<string, Readonly<Record<string, string>>>>;
const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'zh-CN': zhCN, en };

/** All keys of a locale, flattened; the parity test compares these. */
export function keysOf(locale: Locale): string[] {
  const catalog = CATALOGS[locale];
  return Object.entries(catalog).flatMap(([ns, messages]) => Object.keys(messages).map((key) => `${ns}.${key}`));
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** Look a message up and fill `{name}` placeholders. A missing key shows itself, never throws. */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  const dot = key.indexOf('.');
  const ns = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const template = CATALOGS[locale][ns]?.[name] ?? CATALOGS[DEFAULT_LOCALE][ns]?.[name] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, param: string) => {
    const value = params[param];
    return value === undefined ? whole : String(value);
  });
}

// Building an Intl.NumberFormat costs ~25 µs; a preview of 200 people formats thousands of
// numbers per keystroke, so each (locale, digits) formatter is made once.
const FORMATTERS = new Map<string, Intl.NumberFormat>();

/** Numbers as people read them: up to `digits` decimals, no trailing zeros. */
export function formatNumber(locale: Locale, value: number, digits = 2): string {
  const key = `${locale}|${digits}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false });
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(value);
}
