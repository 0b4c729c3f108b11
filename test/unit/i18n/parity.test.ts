import { describe, expect, it } from 'vitest';
import { keysOf, translate } from '../../../src/i18n/catalog';
import zhCN from '../../../src/i18n/zh-CN/index';
import en from '../../../src/i18n/en/index';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('i18n', () => {
  it('every key exists in both languages', () => {
    const zh = new Set(keysOf('zh-CN'));
    const english = new Set(keysOf('en'));
    expect([...zh].filter((k) => !english.has(k)), 'in zh-CN but not en').toEqual([]);
    expect([...english].filter((k) => !zh.has(k)), 'in en but not zh-CN').toEqual([]);
  });

  it('both languages use the same placeholders and no message is empty', () => {
    for (const [ns, messages] of Object.entries(zhCN)) {
      for (const [key, zhText] of Object.entries(messages as Record<string, string>)) {
        const enText = (en as unknown as Record<string, Record<string, string>>)[ns]?.[key] ?? '';
        expect(enText.trim(), `${ns}.${key} (en)`).not.toBe('');
        expect(zhText.trim(), `${ns}.${key} (zh-CN)`).not.toBe('');
        expect(placeholders(enText), `${ns}.${key}`).toEqual(placeholders(zhText));
      }
    }
  });

  it('fills placeholders and shows a missing key as itself', () => {
    expect(translate('zh-CN', 'roster.count', { count: 12 })).toBe('共 12 人');
    expect(translate('en', 'roster.count', { count: 12 })).toBe('12 people');
    expect(translate('en', 'nope.missing')).toBe('nope.missing');
  });
});
