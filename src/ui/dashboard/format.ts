// Numbers as the dashboard shows them, in the current language.
import { formatNumber, type Locale } from '../../i18n/catalog';
import { formatScore, type ScoreValue } from '../../scoring/index';

export function showScore(value: ScoreValue, locale: Locale): string {
  return formatScore(value, locale);
}

/** 0.2 → "20%", one decimal at most. */
export function showShare(share: number | null, locale: Locale): string {
  return share === null ? '—' : `${formatNumber(locale, share * 100, 1)}%`;
}

/** A share as a chart value in percent (0–100), rounded like the table shows it. */
export function percentValue(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
