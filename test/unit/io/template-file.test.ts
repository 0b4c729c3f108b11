import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, customerMonthly } from '../../../src/scoring/builtins/index';
import {
  TEMPLATE_FILE_MAX_BYTES,
  describeTemplateFileProblem,
  parseTemplateFile,
  readTemplateFile,
  templateFileName,
  templateFileText,
  type TemplateFileResult,
} from '../../../src/io/template-file';

const AT = new Date('2026-11-20T08:00:00Z');

function messages(result: TemplateFileResult, locale: 'en' | 'zh-CN' = 'en'): string[] {
  if (result.ok) return [];
  return result.problems.map((problem) => describeTemplateFileProblem(problem, locale));
}

/** The example template's file, as data to break in a test. */
function envelope(): Record<string, unknown> {
  return JSON.parse(templateFileText(customerMonthly, AT)) as Record<string, unknown>;
}

function withTemplate(change: (template: Record<string, unknown>) => void): string {
  const data = envelope();
  change(data.template as Record<string, unknown>);
  return JSON.stringify(data);
}

describe('template file', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))('%s: export → import gives the identical template', (_name, template) => {
    const text = templateFileText(template, AT);
    const result = parseTemplateFile('t.json', text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template).toEqual(template);
    expect(result.exportedAt).toBe('2026-11-20T08:00:00.000Z');
    // And exporting the import again gives the same bytes.
    expect(templateFileText(result.template, AT)).toBe(text);
  });

  it('writes the envelope with format name, version and time', () => {
    const data = envelope();
    expect(Object.keys(data)).toEqual(['format', 'version', 'exportedAt', 'template']);
    expect(data.format).toBe('kaohe-template');
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('names the file after the template, without characters file systems refuse', () => {
    expect(templateFileName(customerMonthly)).toBe('客户考核评分表(月度).kaohe-template.json');
    expect(templateFileName({ name: 'a/b:c*?', version: 1 })).toBe('a_b_c__.kaohe-template.json');
  });

  it('accepts a byte-order mark', () => {
    expect(parseTemplateFile('bom.json', `\uFEFF${templateFileText(customerMonthly, AT)}`).ok).toBe(true);
  });

  it('wrong JSON: the line and column where it broke', () => {
    const text = '{\n  "format": "kaohe-template",\n  "version": 1,\n  "template": {\n    "name": "x",\n  }\n}';
    const result = parseTemplateFile('broken.json', text);
    expect(result.ok).toBe(false);
    const [message] = messages(result);
    expect(message).toMatch(/^The file “broken\.json” is not valid JSON: error near line 6, column 3 \(.+\)\. Nothing was imported\.$/);
    expect(messages(parseTemplateFile('cut.json', '{"format": "kaohe-'))[0]).toMatch(/line 1, column 19/);
  });

  it('an empty file, an array or a plain string are refused with what they are', () => {
    expect(messages(parseTemplateFile('empty.json', '  \n'))).toEqual(['The file “empty.json” is empty; nothing was imported.']);
    expect(messages(parseTemplateFile('list.json', '[1,2]'))).toEqual(['The file “list.json” should hold one JSON object, but holds array. Nothing was imported.']);
    expect(messages(parseTemplateFile('s.json', '"hello"'))[0]).toContain('but holds "hello"');
  });

  it('another format is refused with the format expected', () => {
    const text = JSON.stringify({ ...envelope(), format: 'kaohe-backup' });
    expect(messages(parseTemplateFile('backup.json', text))).toEqual(['The file “backup.json” is not a Kaohe template file: format should be "kaohe-template", found "kaohe-backup".']);
    const { format: _format, ...rest } = envelope();
    expect(messages(parseTemplateFile('none.json', JSON.stringify(rest)))[0]).toContain('found undefined');
  });

  it('a file from a newer app version is refused with a clear message (in both languages)', () => {
    const text = JSON.stringify({ ...envelope(), version: 2 });
    expect(messages(parseTemplateFile('new.json', text))).toEqual([
      'The file “new.json” was made by a newer Kaohe (format version 2); this app reads up to 1. Update the app, then import it again.',
    ]);
    expect(messages(parseTemplateFile('new.json', text), 'zh-CN')[0]).toBe(
      '文件“new.json”由更新版本的 Kaohe 生成（文件格式版本 2），本应用最多能读取版本 1。请更新应用后再导入。',
    );
    expect(messages(parseTemplateFile('v.json', JSON.stringify({ ...envelope(), version: '1' })))[0]).toBe(
      'The file “v.json” has a version that should be a positive whole number, found "1".',
    );
  });

  it('missing fields and wrong types: every problem with its path, what is wrong and what was expected', () => {
    const text = withTemplate((template) => {
      delete template.name;
      (template.sections as { indicators: { max: unknown }[] }[])[0]!.indicators[2]!.max = 'ten';
      template.periodKind = 'fortnight';
    });
    expect(messages(parseTemplateFile('t.json', text))).toEqual([
      'template.name: missing.',
      'template.periodKind: expected ("week" | "month" | "quarter" | "year"), found "fortnight".',
      'template.sections[0].indicators[2].max: expected number, found "ten".',
    ]);
    const { template: _template, ...bare } = envelope();
    expect(messages(parseTemplateFile('bare.json', JSON.stringify(bare)))).toEqual(['template: missing.']);
  });

  it('an unknown rule kind names the kinds it could be', () => {
    const text = withTemplate((template) => {
      (template.sections as { indicators: { rule: unknown }[] }[])[0]!.indicators[0]!.rule = { kind: 'lottery', input: '完成率' };
    });
    const [message] = messages(parseTemplateFile('t.json', text));
    expect(message).toMatch(/^template\.sections\[0\]\.indicators\[0\]\.rule\.kind: expected .*"bands" \| "deduction".*, found "lottery"\.$/);
  });

  it('a template that parses but does not hold together is refused with the validation message', () => {
    const text = withTemplate((template) => {
      (template.sections as { indicators: { rule: { input: string } }[] }[])[0]!.indicators[0]!.rule.input = '不存在的输入';
    });
    expect(messages(parseTemplateFile('t.json', text))).toEqual([
      'template.sections[0].indicators[0].rule: Indicator "客服流程体系的建立与完善" reads an input "不存在的输入" that does not exist.',
      'template.sections[0].indicators[0].rule: The formula of "客服流程体系的建立与完善" refers to "不存在的输入", which does not exist.',
    ]);
  });

  it('prototype-pollution keys are refused wherever they are', () => {
    const inTemplate = templateFileText(customerMonthly, AT).replace('"rankTies"', '"__proto__": {"admin": true},\n    "rankTies"');
    expect(messages(parseTemplateFile('evil.json', inTemplate))).toEqual([
      'template.__proto__: the key "__proto__" is not allowed; the file may have been tampered with.',
    ]);
    const atRoot = `{"__proto__": {"polluted": 1}, ${templateFileText(customerMonthly, AT).slice(1)}`;
    expect(messages(parseTemplateFile('evil.json', atRoot))).toEqual(['__proto__: the key "__proto__" is not allowed; the file may have been tampered with.']);
    const constructor = templateFileText(customerMonthly, AT).replace('"source"', '"constructor": {"prototype": {}},\n    "source"');
    expect(messages(parseTemplateFile('evil.json', constructor))[0]).toMatch(/^template\.constructor:/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 10 MB file is refused before it is read, naming the file and its size', async () => {
    let read = false;
    const file = {
      name: 'huge.json',
      size: 10 * 1024 * 1024,
      text: async () => {
        read = true;
        return '';
      },
    };
    const result = await readTemplateFile(file);
    expect(read).toBe(false);
    expect(messages(result)).toEqual([
      'The file “huge.json” is 10 MB, more than the 5 MB a template file may have; nothing was imported. Check that you picked a template file exported by Kaohe.',
    ]);
  });

  it('a 10 MB text is refused before JSON.parse', () => {
    const padding = ' '.repeat(10 * 1024 * 1024);
    const text = templateFileText(customerMonthly, AT).replace('{', `{${padding}`);
    expect(text.length).toBeGreaterThan(TEMPLATE_FILE_MAX_BYTES);
    expect(messages(parseTemplateFile('padded.json', text))[0]).toContain('is 10 MB, more than the 5 MB');
    // Multi-byte characters count as the bytes they take in UTF-8.
    const chinese = '考'.repeat(Math.ceil(TEMPLATE_FILE_MAX_BYTES / 3) + 10);
    expect(messages(parseTemplateFile('cjk.json', chinese))[0]).toContain('is 5 MB, more than');
  });

  it('a valid file read through readTemplateFile', async () => {
    const text = templateFileText(customerMonthly, AT);
    const result = await readTemplateFile({ name: 'ok.json', size: text.length, text: async () => text });
    expect(result.ok && result.template.name).toBe('客户考核评分表(月度)');
  });

  it('the complete example in docs/template-format.md imports', () => {
    const doc = readFileSync(new URL('../../../docs/template-format.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const example = blocks.find((block) => block.includes('满意度小表'));
    expect(example).toBeDefined();
    const result = parseTemplateFile('example.json', example!);
    expect(messages(result)).toEqual([]);
    expect(result.ok && result.template.sections[0]!.indicators[0]!.rule.kind).toBe('bands');
  });
});
