// The corrections a person makes to the proposed mapping, as pure functions: a field's role, name,
// section, input type, weight, max and target. Sections follow their fields (a renamed section
// column renames the section its indicators name); what cannot be built is listed, not guessed.
import { cellName, columnLetters, type ExcelMapping, type FieldRole, type FormOffset, type MappedField } from '../../../io/index';
import type { InputDef } from '../../../scoring/index';

export type FieldEdit =
  | { readonly kind: 'role'; readonly role: FieldRole }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'section'; readonly section: string }
  | { readonly kind: 'inputType'; readonly inputType: InputDef['type'] }
  | { readonly kind: 'weight' | 'max'; readonly value: number | undefined }
  | { readonly kind: 'target'; readonly target: string };

/** Roles a template has at most one of. */
const SINGLE_ROLES: readonly FieldRole[] = ['total', 'grade', 'rank'];

export type MappingProblem =
  | { readonly code: 'emptyName'; readonly cell: string }
  | { readonly code: 'duplicateName'; readonly name: string; readonly cells: string }
  | { readonly code: 'oneOnly'; readonly role: FieldRole; readonly cells: string }
  | { readonly code: 'noIndicator' }
  | { readonly code: 'noPeople' };

/** A person found in the file: a row of the mapped sheet, a copy of the form on it, or a sheet of their own. */
export interface PersonPlace {
  readonly sheet: string;
  readonly row: number;
  /** Forms on one sheet: where this person's copy is. */
  readonly offset?: FormOffset;
}

function sameOffset(a: FormOffset | undefined, b: FormOffset | undefined): boolean {
  return (a?.row ?? 0) === (b?.row ?? 0) && (a?.col ?? 0) === (b?.col ?? 0);
}

function samePlace(a: PersonPlace, b: PersonPlace): boolean {
  return a.sheet === b.sheet && a.row === b.row && sameOffset(a.offset, b.offset);
}

/** Where a field is, as the sheet says it: a column (`E`) or a cell (`G7`). */
export function fieldPlace(field: MappedField): string {
  return field.at.row === 'person' ? columnLetters(field.at.col) : cellName(field.at.row, field.at.col);
}

function defaultSection(mapping: ExcelMapping): string {
  return mapping.sections[0] ?? mapping.title ?? mapping.sheet;
}

/**
 * Sections in their order: the ones indicators name or a section field stands for; a section
 * named for the first time goes last.
 */
function tidySections(mapping: ExcelMapping, fields: readonly MappedField[], order: readonly string[] = mapping.sections): ExcelMapping {
  const used = new Set<string>();
  for (const field of fields) {
    if (field.role === 'indicator') used.add(field.section ?? defaultSection(mapping));
    if (field.role === 'section') used.add(field.name);
  }
  const kept = order.filter((name) => used.has(name));
  const added = [...used].filter((name) => !kept.includes(name));
  return { ...mapping, fields, sections: [...kept, ...added] };
}

function withRole(mapping: ExcelMapping, field: MappedField, role: FieldRole): MappedField {
  if (role === 'indicator') return { ...field, role, section: field.section ?? defaultSection(mapping) };
  if (role === 'input') return { ...field, role, inputType: field.inputType ?? 'number' };
  return { ...field, role };
}

/** A section column renamed: its section, and every indicator in it, take the new name. */
function renameSection(mapping: ExcelMapping, from: string, to: string): ExcelMapping {
  const fields = mapping.fields.map((field) => (field.role === 'indicator' && (field.section ?? defaultSection(mapping)) === from ? { ...field, section: to } : field));
  return tidySections(mapping, fields, mapping.sections.map((name) => (name === from ? to : name)));
}

function changed(field: MappedField, mapping: ExcelMapping, edit: FieldEdit): MappedField {
  switch (edit.kind) {
    case 'role':
      return withRole(mapping, field, edit.role);
    case 'name':
      return { ...field, name: edit.name.trim() };
    case 'section':
      return { ...field, section: edit.section.trim() || defaultSection(mapping) };
    case 'inputType':
      return { ...field, inputType: edit.inputType };
    case 'target': {
      const { target: _old, ...rest } = field;
      const target = edit.target.trim();
      return target ? { ...rest, target } : rest;
    }
    case 'weight':
    case 'max': {
      const { [edit.kind]: _old, ...rest } = field;
      return edit.value === undefined ? rest : { ...rest, [edit.kind]: edit.value };
    }
  }
}

/** The mapping with one field changed (by key); an unknown key changes nothing. */
export function editField(mapping: ExcelMapping, key: string, edit: FieldEdit): ExcelMapping {
  const field = mapping.fields.find((f) => f.key === key);
  if (!field) return mapping;
  const next = changed(field, mapping, edit);
  const fields = mapping.fields.map((f) => (f.key === key ? next : f));
  if (edit.kind === 'name' && field.role === 'section' && field.name !== next.name) {
    return renameSection({ ...mapping, fields }, field.name, next.name);
  }
  return tidySections(mapping, fields);
}

export function isPersonIncluded(mapping: ExcelMapping, person: PersonPlace): boolean {
  const people = mapping.people;
  if (people.kind === 'rows') return people.rows.includes(person.row);
  if (people.kind === 'blocks') return people.blocks.some((offset) => sameOffset(offset, person.offset));
  return people.sheets.includes(person.sheet);
}

/**
 * A person left out of (or taken back into) the check: a stray row under the table, a sample
 * form. Everyone found keeps their order in the file (`found`); the template itself has no people.
 */
export function includePerson(mapping: ExcelMapping, found: readonly PersonPlace[], person: PersonPlace, included: boolean): ExcelMapping {
  const keep = (other: PersonPlace) => (samePlace(other, person) ? included : isPersonIncluded(mapping, other));
  const people = found.filter(keep);
  if (mapping.people.kind === 'rows') return { ...mapping, people: { ...mapping.people, rows: people.map((p) => p.row) } };
  if (mapping.people.kind === 'blocks') return { ...mapping, people: { ...mapping.people, blocks: people.map((p) => p.offset ?? { row: 0, col: 0 }) } };
  return { ...mapping, people: { ...mapping.people, sheets: people.map((p) => p.sheet) } };
}

/** What stops a mapping from becoming a template, each naming the cells concerned. */
export function mappingProblems(mapping: ExcelMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const used = mapping.fields.filter((field) => field.role !== 'ignore');
  const byName = new Map<string, MappedField[]>();
  for (const field of used) {
    const name = field.name.trim();
    if (name === '') {
      problems.push({ code: 'emptyName', cell: fieldPlace(field) });
      continue;
    }
    byName.set(name, [...(byName.get(name) ?? []), field]);
  }
  for (const [name, fields] of byName) {
    if (fields.length > 1) problems.push({ code: 'duplicateName', name, cells: fields.map(fieldPlace).join(', ') });
  }
  for (const role of SINGLE_ROLES) {
    const fields = used.filter((field) => field.role === role);
    if (fields.length > 1) problems.push({ code: 'oneOnly', role, cells: fields.map(fieldPlace).join(', ') });
  }
  if (!used.some((field) => field.role === 'indicator')) problems.push({ code: 'noIndicator' });
  const people = mapping.people.kind === 'rows' ? mapping.people.rows : mapping.people.kind === 'blocks' ? mapping.people.blocks : mapping.people.sheets;
  if (people.length === 0) problems.push({ code: 'noPeople' });
  return problems;
}
