// Corrections to the proposed mapping, and the template rebuilt from the corrected mapping: names
// flow into the translated formulas, a renamed section column renames its section, roles a
// template has one of are checked, and an ignored grade leaves the template without grades.
import { describe, expect, it } from 'vitest';
import { analyzeExcel, buildExcel, openExcel } from '../../../../../src/io/excel-jobs';
import type { ExcelMapping } from '../../../../../src/io/excel-template/index';
import { editField, fieldPlace, includePerson, isPersonIncluded, mappingProblems } from '../../../../../src/ui/studio/excel/mapping-edit';
import { SCORECARD_SHEET, scorecardBytes } from '../../../io/excel-template/scorecard-workbook';

function analyzed() {
  const opened = openExcel({ token: 'edit', file: '考核.xlsx', bytes: scorecardBytes().slice().buffer });
  if (!opened.ok) throw new Error('not opened');
  const result = analyzeExcel({ token: 'edit', sheet: SCORECARD_SHEET });
  if (!result.ok) throw new Error('not analysed');
  return result.value;
}

function proposal(): ExcelMapping {
  return analyzed().mapping;
}

function rebuild(mapping: ExcelMapping) {
  const built = buildExcel({ token: 'edit', mapping });
  if (!built.ok) throw new Error(JSON.stringify(built.refusal));
  return built.value;
}

const keyOf = (mapping: ExcelMapping, name: string) => mapping.fields.find((f) => f.name === name)?.key ?? '';

describe('editing the proposed mapping', () => {
  it('a renamed input is the name the translated formulas use', () => {
    const mapping = proposal();
    const edited = editField(mapping, keyOf(mapping, '投诉次数'), { kind: 'name', name: ' 有效投诉 ' });
    expect(edited.fields.find((f) => f.key === 'E')?.name).toBe('有效投诉');
    const built = rebuild(edited);
    expect(built.review.find((item) => item.name === '投诉处理')?.kaohe).toBe('MAX(0,30-10*[有效投诉])');
    expect(built.template.inputs.map((i) => i.name)).toContain('有效投诉');
    expect(built.comparison.differing).toBe(0);
  });

  it('a renamed section column renames its section and the indicators in it; the 80/20 total still holds', () => {
    const mapping = proposal();
    const edited = editField(mapping, keyOf(mapping, '业绩考核'), { kind: 'name', name: '业绩' });
    expect(edited.sections).toEqual(['业绩', '行为考核']);
    expect(edited.fields.filter((f) => f.section === '业绩').map((f) => f.name)).toEqual(['任务完成', '客户满意', '投诉处理']);
    const built = rebuild(edited);
    expect(built.template.sections.map((s) => [s.name, s.weight, s.indicators.length])).toEqual([
      ['业绩', 0.8, 3],
      ['行为考核', 0.2, 2],
    ]);
    expect(built.review.find((item) => item.role === 'total')?.kaohe).toBe('[业绩]*80%+[行为考核]*20%');
    expect(built.comparison.differing).toBe(0);
  });

  it('an indicator moved to a new section makes that section; an emptied one goes', () => {
    const mapping = proposal();
    let edited = editField(mapping, keyOf(mapping, '服务态度'), { kind: 'section', section: '态度' });
    expect(edited.sections).toEqual(['业绩考核', '行为考核', '态度']);
    expect(edited.fields.find((f) => f.name === '服务态度')?.section).toBe('态度');
    // Without its column the 行为考核 section has no reason to stay once its indicators leave.
    edited = editField(edited, keyOf(edited, '行为考核'), { kind: 'role', role: 'ignore' });
    edited = editField(edited, keyOf(edited, '团队协作'), { kind: 'section', section: '态度' });
    expect(edited.sections).toEqual(['业绩考核', '态度']);
  });

  it('an input made an indicator joins the first section; an indicator made an input gets a type', () => {
    const mapping = proposal();
    const asIndicator = editField(mapping, 'D', { kind: 'role', role: 'indicator' });
    expect(asIndicator.fields.find((f) => f.key === 'D')).toMatchObject({ role: 'indicator', section: '业绩考核' });
    const asInput = editField(mapping, 'K', { kind: 'role', role: 'input' });
    expect(asInput.fields.find((f) => f.key === 'K')).toMatchObject({ role: 'input', inputType: 'number' });
  });

  it('weight, max and target are set and cleared', () => {
    const mapping = proposal();
    const key = keyOf(mapping, '任务完成');
    let edited = editField(mapping, key, { kind: 'weight', value: 0.4 });
    edited = editField(edited, key, { kind: 'max', value: 40 });
    edited = editField(edited, key, { kind: 'target', target: ' 完成率≥100% ' });
    expect(edited.fields.find((f) => f.key === key)).toMatchObject({ weight: 0.4, max: 40, target: '完成率≥100%' });
    edited = editField(edited, key, { kind: 'max', value: undefined });
    edited = editField(edited, key, { kind: 'target', target: '' });
    const field = edited.fields.find((f) => f.key === key);
    expect(field && 'max' in field).toBe(false);
    expect(field && 'target' in field).toBe(false);
    expect(rebuild(edited).template.sections[0]?.indicators[0]).toMatchObject({ name: '任务完成', weight: 0.4, max: 40 });
  });

  it('ignoring the grade column leaves the template without grades and the check without the grade', () => {
    const mapping = proposal();
    const built = rebuild(editField(mapping, keyOf(mapping, '等级'), { kind: 'role', role: 'ignore' }));
    expect(built.template.grades).toEqual([]);
    expect(built.comparison.columns.map((c) => c.name)).not.toContain('等级');
  });
});

describe('the people checked', () => {
  it('a person left out is not scored in the check; taken back, they return in file order', () => {
    const { mapping, people } = analyzed();
    const wang = people.find((p) => p.name === '王五');
    if (!wang) throw new Error('no 王五');
    const without = includePerson(mapping, people, wang, false);
    expect(without.people).toMatchObject({ kind: 'rows', rows: [3, 4, 6] });
    expect(isPersonIncluded(without, wang)).toBe(false);
    const built = rebuild(without);
    expect(built.comparison.people.map((p) => p.name)).toEqual(['张三', '李四', '赵六']);
    expect(built.comparison.compared).toBe(3 * 9);
    const back = includePerson(without, people, wang, true);
    expect(back.people).toMatchObject({ rows: [3, 4, 5, 6] });
  });

  it('forms are people by sheet, and nobody at all stops the mapping', () => {
    const forms: ExcelMapping = { sheet: '张三', layout: 'form', headerRow: 3, people: { kind: 'sheets', sheets: ['张三', '李四'] }, fields: [{ key: 'G5', role: 'indicator', at: { row: 4, col: 6 }, name: '得分', header: '得分', section: '业绩' }], sections: ['业绩'] };
    const found = [
      { sheet: '张三', row: -1 },
      { sheet: '李四', row: -1 },
    ];
    const one = includePerson(forms, found, { sheet: '张三', row: -1 }, false);
    expect(one.people).toEqual({ kind: 'sheets', sheets: ['李四'] });
    expect(mappingProblems(one)).toEqual([]);
    expect(mappingProblems(includePerson(one, found, { sheet: '李四', row: -1 }, false))).toEqual([{ code: 'noPeople' }]);
  });
});

describe('what stops a mapping', () => {
  it('the proposal has no problems', () => {
    expect(mappingProblems(proposal())).toEqual([]);
  });

  it('names the cells of a repeated name, an empty name, two totals, and no indicator at all', () => {
    const mapping = proposal();
    let edited = editField(mapping, 'C', { kind: 'name', name: '投诉次数' });
    edited = editField(edited, 'D', { kind: 'name', name: '' });
    edited = editField(edited, 'N', { kind: 'role', role: 'total' });
    expect(mappingProblems(edited)).toEqual([
      { code: 'emptyName', cell: 'D' },
      { code: 'duplicateName', name: '投诉次数', cells: 'C, E' },
      { code: 'oneOnly', role: 'total', cells: 'N, O' },
    ]);
    const none = mapping.fields.reduce((m, f) => (f.role === 'indicator' ? editField(m, f.key, { kind: 'role', role: 'ignore' }) : m), mapping);
    expect(mappingProblems(none)).toEqual([{ code: 'noIndicator' }]);
  });

  it('an ignored field may share a name', () => {
    const mapping = proposal();
    const edited = editField(editField(mapping, 'C', { kind: 'role', role: 'ignore' }), 'C', { kind: 'name', name: '投诉次数' });
    expect(mappingProblems(edited)).toEqual([]);
  });

  it('places read as the sheet shows them', () => {
    expect(fieldPlace({ key: 'E', role: 'input', at: { row: 'person', col: 4 }, name: 'x', header: 'x' })).toBe('E');
    expect(fieldPlace({ key: 'G7', role: 'indicator', at: { row: 6, col: 6 }, name: 'x', header: 'x' })).toBe('G7');
  });
});
