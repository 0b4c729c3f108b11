import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../src/scoring/builtins/index';
import { describeRestoreProblem, restoreTemplate } from '../../../src/scoring/index';

function problemsOf(value: unknown, locale: 'zh-CN' | 'en' = 'en'): string[] {
  const result = restoreTemplate(value);
  if (result.ok) return [];
  return result.problems.map((problem) => describeRestoreProblem(problem, locale));
}

const sample = () => JSON.parse(JSON.stringify(BUILTIN_TEMPLATES.find((t) => t.name === '客户考核评分表(月度)')!)) as Record<string, unknown>;

describe('restoreTemplate', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))('%s comes back identical through JSON', (_name, template) => {
    const result = restoreTemplate(JSON.parse(JSON.stringify(template)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(template);
  });

  it('names the path, what was expected and what was found', () => {
    const data = sample();
    (data.sections as { indicators: { max: unknown }[] }[])[0]!.indicators[1]!.max = '20';
    delete (data as { rankTies?: unknown }).rankTies;
    expect(problemsOf(data)).toEqual([
      'sections[0].indicators[1].max: expected number, found "20".',
      'rankTies: missing.',
    ]);
    expect(problemsOf(data, 'zh-CN')[0]).toBe('sections[0].indicators[1].max：应为 number，实际为 "20"。');
  });

  it('an unknown rule kind is refused with the kinds it could be', () => {
    const data = sample();
    (data.sections as { indicators: { rule: unknown }[] }[])[1]!.indicators[0]!.rule = { kind: 'magic', input: 'x' };
    const [problem] = problemsOf(data);
    expect(problem).toMatch(/^sections\[1\]\.indicators\[0\]\.rule\.kind: expected \("direct" \| "scale" \| "levels" \| "bands" \| "deduction" \| "ratio" \| "threshold" \| "rank" \| "relative" \| "bonus" \| "formula"\), found "magic"\.$/);
  });

  it('prototype-pollution keys are refused before anything else', () => {
    const text = JSON.stringify(sample()).replace('"name":"客户考核评分表(月度)"', '"name":"x","__proto__":{"polluted":true}');
    expect(problemsOf(JSON.parse(text))).toEqual(['__proto__: the key "__proto__" is not allowed; the file may have been tampered with.']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a structurally sound template with a broken formula reports the template problem', () => {
    const data = sample();
    (data.inputs as unknown[]).push({ id: 'bad', name: '坏公式', type: 'number', formula: 'IF([完成率]>1' });
    expect(problemsOf(data, 'zh-CN')).toEqual([expect.stringMatching(/^inputs\[\d+\]\.formula：公式有误：.*（第 \d+ 个字符）。$/)]);
  });

  it('wrong types everywhere are all reported at once, and unknown keys are dropped', () => {
    const result = restoreTemplate({ ...sample(), extra: 'ignored', periodKind: 'decade', grades: 'A-E' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['periodKind', 'grades']);
    const clean = restoreTemplate({ ...sample(), extra: 'ignored' });
    expect(clean.ok && 'extra' in clean.value).toBe(false);
  });
});
