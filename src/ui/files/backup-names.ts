// How backup files are named and sized on screen.
import { formatNumber } from '../../i18n/catalog';
import { i18n } from '../../i18n/locale.svelte';

function stamp(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** `kaohe-客服一部-20261205-0930.jsonl.gz`, with characters file systems refuse replaced. */
export function backupFileName(name: string, at: number, extension: string): string {
  return `kaohe-${name}-${stamp(at)}${extension}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(i18n.locale, bytes / 1024, 0)} KB`;
  return `${formatNumber(i18n.locale, bytes / (1024 * 1024), 1)} MB`;
}
