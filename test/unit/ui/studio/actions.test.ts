import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/helpers';
import { createExampleWorkspace, listTemplates, listVersions } from '../../../../src/store/index';
import { getDb } from '../../../../src/store/db';
import type { KaoheDb } from '../../../../src/store/db';
import { blankTemplate, createBlankTemplate, duplicateTemplate, exportTemplate, importTemplateFile, saveEdit } from '../../../../src/ui/studio/actions';
import { restoreTemplate } from '../../../../src/scoring/index';
import { BUILTIN_TEMPLATES, customerMonthly } from '../../../../src/scoring/builtins/index';
import { updateIndicator, updateSection } from '../../../../src/scoring/edit';
import { templateChanges } from '../../../../src/scoring/diff';
import { describeChanges } from '../../../../src/ui/studio/changes';
import { describeTemplateFileProblem } from '../../../../src/io/template-file';

const AT = new Date('2026-11-20T08:00:00Z');

function file(name: string, text: string) {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}

let db: KaoheDb;
let workspaceId: string;

beforeEach(async () => {
  db = freshDb();
  workspaceId = await createExampleWorkspace('示例', AT);
});

describe('studio actions on the store', () => {
  it('editing the example template, which its period rates with, makes version 2; the period keeps version 1', async () => {
    const [record] = await listTemplates(workspaceId);
    expect(record!.version).toBe(1);
    const edited = updateSection(record!.body, 'results', { weight: 0.7 });
    const note = describeChanges(templateChanges(record!.body, edited), 'zh-CN');
    const saved = await saveEdit(record!.id, edited, note);
    expect(saved.version).toBe(2);
    expect(saved.body.sections[0]!.weight).toBe(0.7);
    const period = await getDb().periods.toCollection().first();
    expect(period!.templateId).toBe(record!.id);
    const versions = await listVersions(workspaceId, record!.familyId);
    expect(versions.map((v) => [v.version, v.changeNote])).toEqual([
      [2, '“业绩考核”权重 80% → 70%'],
      [1, ''],
    ]);
    // A second save of version 2 (no period uses it) updates it in place.
    const again = await saveEdit(saved.id, updateSection(edited, 'behaviour', { weight: 0.3 }), 'x');
    expect(again.version).toBe(2);
    expect((await listVersions(workspaceId, record!.familyId)).length).toBe(2);
  });

  it('a blank template is valid from the start and stored as a new family', async () => {
    const names = { template: '新模板', section: '新分组', indicator: '新指标', grades: ['优秀', '良好', '合格', '不合格'] as const };
    expect(restoreTemplate(blankTemplate(names)).ok).toBe(false); // empty id: createTemplate gives one
    const record = await createBlankTemplate(workspaceId, names);
    expect(restoreTemplate(record.body)).toEqual({ ok: true, value: record.body });
    expect(record.body.id).toBe(record.familyId);
  });

  it('a duplicate of a built-in is a new workspace template with a fresh family id', async () => {
    const copy = await duplicateTemplate(workspaceId, customerMonthly, '客户考核评分表(月度) 副本', '');
    expect(copy.familyId).not.toBe(customerMonthly.id);
    expect(copy.body.name).toBe('客户考核评分表(月度) 副本');
    expect(copy.version).toBe(1);
    expect((await listTemplates(workspaceId)).map((t) => t.body.name)).toContain('客户考核评分表(月度) 副本');
  });

  it('export → import of every built-in stores a template identical but for its new id', async () => {
    for (const template of BUILTIN_TEMPLATES) {
      const exported = exportTemplate(template, AT);
      const result = await importTemplateFile(workspaceId, file(exported.name, exported.text), '');
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect({ ...result.record.body, id: template.id }).toEqual(template);
    }
  });

  it.each([
    ['wrong JSON', '{"format": "kaohe-template",', /not valid JSON/],
    ['missing fields', JSON.stringify({ format: 'kaohe-template', version: 1, exportedAt: '', template: { name: 'x' } }), /template\.id: missing/],
    ['wrong types', exportTemplate(customerMonthly, AT).text.replace('"max": 20', '"max": "20"'), /expected number, found "20"/],
    ['unknown rule kind', exportTemplate(customerMonthly, AT).text.replace('"kind": "bands"', '"kind": "wheel"'), /found "wheel"/],
    ['a newer version', exportTemplate(customerMonthly, AT).text.replace('"version": 1,', '"version": 3,'), /newer Kaohe \(format version 3\)/],
    ['__proto__', exportTemplate(customerMonthly, AT).text.replace('"rankTies"', '"__proto__": {"x": 1}, "rankTies"'), /"__proto__" is not allowed/],
    ['10 MB', `{"format": "kaohe-template", "pad": "${'x'.repeat(10 * 1024 * 1024)}"}`, /is 10 MB, more than the 5 MB/],
  ])('%s: the right error, and nothing stored', async (_name, text, message) => {
    const templates = await db.templates.count();
    const audit = await db.auditLog.count();
    const result = await importTemplateFile(workspaceId, file('bad.kaohe-template.json', text), '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => describeTemplateFileProblem(p, 'en')).join('\n')).toMatch(message);
    expect(await db.templates.count()).toBe(templates);
    expect(await db.auditLog.count()).toBe(audit);
  });
});

describe('change notes', () => {
  it('a weight change, in words', () => {
    const edited = updateIndicator(customerMonthly, 'referrals', { weight: 0.15 });
    expect(describeChanges(templateChanges(customerMonthly, edited), 'en')).toBe('“客户转介绍数” weight 10% → 15%');
  });
});
