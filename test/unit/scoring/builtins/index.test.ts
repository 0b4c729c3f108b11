// Structural checks of every built-in template (no scoring engine needed): ids, unique names,
// references between rules, inputs and formulas, weights, bands and grades.
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, builtinById, EXAMPLE_TEMPLATE } from '../../../../src/scoring/builtins';
import { validateTemplate } from '../../../../src/scoring/index';
import type { Band, Indicator, Rule, Template } from '../../../../src/scoring/model';

const FUNCTIONS = new Set(['IF', 'MAX', 'MIN', 'ROUND', 'INT', 'AVERAGE', 'TEAM', 'TEAMSIZE', 'ABS', 'SUM', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE']);

function ruleInputs(rule: Rule): string[] {
  switch (rule.kind) {
    case 'direct':
    case 'bonus':
      return rule.input ? [rule.input] : [];
    case 'scale':
    case 'levels':
    case 'bands':
    case 'threshold':
    case 'rank':
    case 'relative':
      return [rule.input];
    case 'deduction':
      return rule.items.map((item) => item.input);
    case 'ratio':
      return typeof rule.target === 'string' ? [rule.actual, rule.target] : [rule.actual];
    case 'formula':
      return [];
  }
}

/** Names a formula refers to: `[bracketed]` and bare words that are not functions or literals. */
function formulaNames(formula: string): string[] {
  const names: string[] = [];
  const withoutBrackets = formula.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    names.push(name);
    return ' 0 ';
  });
  for (const match of withoutBrackets.matchAll(/[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*/g)) {
    const word = match[0];
    const next = withoutBrackets.slice((match.index ?? 0) + word.length).trimStart();
    if (next.startsWith('(') && FUNCTIONS.has(word.toUpperCase())) continue;
    if (FUNCTIONS.has(word.toUpperCase())) continue;
    names.push(word);
  }
  return names;
}

function allIndicators(template: Template): Indicator[] {
  return template.sections.flatMap((section) => section.indicators);
}

function inBand(band: Band, value: number): boolean {
  const lowOk = band.from === null || (band.fromInclusive ? value >= band.from : value > band.from);
  const highOk = band.to === null || (band.toInclusive ? value <= band.to : value < band.to);
  return lowOk && highOk;
}

describe('built-in templates', () => {
  it('have unique builtin.* ids at version 1 and unique names', () => {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of BUILTIN_TEMPLATES) {
      expect(t.id).toMatch(/^builtin\.[a-z0-9-]+$/);
      expect(t.version).toBe(1);
      expect(builtinById(t.id)).toBe(t);
    }
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.name)).size).toBe(BUILTIN_TEMPLATES.length);
    expect(builtinById('builtin.nope')).toBeUndefined();
    expect(EXAMPLE_TEMPLATE.id).toBe('builtin.customer-monthly');
  });

  it('come in the documented order', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.name).slice(0, 12)).toEqual([
      '客服部经理绩效考核表',
      '客服部经理考核评分表',
      '客服经理绩效考核表',
      '客户服务部绩效考核指标评价标准',
      '客户考核评分表(月度)',
      '餐厅服务员考核评分表',
      '客户服务主管考核评分表',
      '客户服务考核评分表',
      '客户服务总监绩效考核表',
      '服务员考核评分表',
      '电商客服服务质量考核表',
      '客服部绩效考核办法(草案)',
    ]);
  });

  for (const t of BUILTIN_TEMPLATES) {
    describe(t.name, () => {
      const indicators = allIndicators(t);
      const inputNames = new Set(t.inputs.map((i) => i.name));

      it('describes itself in Chinese, then a blank line, then English, and names its source', () => {
        const [zh, en] = t.description.split('\n\n');
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(en).toMatch(/^[A-Z]/);
        expect(t.source).toMatch(/seed 00\d_/);
      });

      it('has unique ids and unique names across inputs, indicators and sections', () => {
        const names = [...t.inputs.map((i) => i.name), ...indicators.map((i) => i.name), ...t.sections.map((s) => s.name)];
        expect(new Set(names).size).toBe(names.length);
        for (const ids of [t.inputs.map((i) => i.id), indicators.map((i) => i.id), t.sections.map((s) => s.id)]) {
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        }
        // Indicators entered directly store entries under their id: it must not collide with an input id.
        const inputIds = new Set(t.inputs.map((i) => i.id));
        for (const ind of indicators) expect(inputIds.has(ind.id), ind.id).toBe(false);
      });

      it('refers only to inputs and names that exist', () => {
        for (const ind of indicators) {
          for (const name of ruleInputs(ind.rule)) expect(inputNames.has(name), `${ind.name} → ${name}`).toBe(true);
        }
        const known = new Set([...inputNames, ...indicators.map((i) => i.name), ...t.sections.map((s) => s.name)]);
        const formulas = [
          ...t.inputs.flatMap((i) => (i.formula ? [i.formula] : [])),
          ...indicators.flatMap((i) => (i.rule.kind === 'formula' ? [i.rule.formula] : [])),
          ...(t.outputs ?? []).map((o) => o.formula),
          ...(t.total.kind === 'formula' ? [t.total.formula] : []),
        ];
        for (const formula of formulas) {
          for (const name of formulaNames(formula)) expect(known.has(name), `${formula} → ${name}`).toBe(true);
        }
      });

      it('gives level inputs their levels and level rules known values', () => {
        for (const input of t.inputs) if (input.type === 'level') expect(input.levels?.length).toBeGreaterThan(0);
        for (const ind of indicators) {
          if (ind.rule.kind !== 'levels') continue;
          const rule = ind.rule;
          const input = t.inputs.find((i) => i.name === rule.input);
          expect(rule.levels.map((l) => l.value)).toEqual(input?.levels);
          for (const row of rule.levels) expect(row.points).toBeLessThanOrEqual(ind.max);
        }
      });

      it('has weights that add up where they are used', () => {
        for (const section of t.sections) {
          if (section.combine !== 'weighted') continue;
          const sum = section.indicators.filter((i) => !i.bonus).reduce((s, i) => s + (i.weight ?? NaN), 0);
          expect(sum).toBeCloseTo(1, 9);
        }
        if (t.total.kind === 'weighted') {
          expect(t.sections.reduce((s, sec) => s + (sec.weight ?? NaN), 0)).toBeCloseTo(1, 9);
        }
        for (const roles of [t.roles, ...indicators.flatMap((i) => (i.roles ? [i.roles] : []))]) {
          expect(roles.length).toBeGreaterThan(0);
          for (const r of roles) expect(r.weight).toBeGreaterThan(0);
          expect(new Set(roles.map((r) => r.role)).size).toBe(roles.length);
        }
      });

      it('has bands that do not overlap and points within the scale', () => {
        for (const ind of indicators) {
          const rule = ind.rule;
          if (rule.kind !== 'bands') continue;
          const edges = rule.bands.flatMap((b) => [b.from, b.to]).filter((x): x is number => x !== null);
          const probes = edges.flatMap((x) => [x - 1e-6, x, x + 1e-6]);
          for (const probe of probes) {
            expect(rule.bands.filter((b) => inBand(b, probe)).length, `${ind.name} at ${probe}`).toBeLessThanOrEqual(1);
          }
          if (!ind.bonus) for (const b of rule.bands) expect(b.points).toBeLessThanOrEqual(ind.max);
        }
      });

      it('has grades from highest to lowest ending with the rest', () => {
        const mins = t.grades.map((g) => g.min);
        expect(mins[mins.length - 1]).toBeNull();
        const numeric = mins.slice(0, -1) as number[];
        for (const m of numeric) expect(typeof m).toBe('number');
        for (let i = 1; i < numeric.length; i++) expect(numeric[i]!).toBeLessThan(numeric[i - 1]!);
        expect(new Set(t.grades.map((g) => g.label)).size).toBe(t.grades.length);
      });

      it('passes the template validator without errors or warnings', () => {
        expect(validateTemplate(t)).toEqual([]);
      });

      it('uses weekly cadence only on month templates', () => {
        if (indicators.some((i) => i.cadence === 'week')) expect(t.periodKind).toBe('month');
      });
    });
  }
});
