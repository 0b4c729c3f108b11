// A roster pasted from Excel/WPS or typed, one person a line: just names, or 工号 ⇥ 姓名 ⇥ 团队
// ⇥ 岗位, or any columns under a header row naming them. Returns the people or the problems.
import { parseTsv } from '../grid/clipboard';

export interface PastedPerson {
  readonly line: number;
  readonly name: string;
  readonly employeeNo: string;
  readonly teamName: string;
  readonly position: string;
}

export type RosterProblem =
  | { readonly code: 'noName'; readonly line: number }
  | { readonly code: 'duplicateNo'; readonly line: number; readonly employeeNo: string }
  | { readonly code: 'existingNo'; readonly line: number; readonly employeeNo: string; readonly name: string };

type Field = 'employeeNo' | 'name' | 'teamName' | 'position';

const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  employeeNo: ['工号', '员工编号', '编号', 'employee no.', 'employee no', 'no.', 'id'],
  name: ['姓名', '名字', 'name'],
  teamName: ['团队', '小组', '组别', '部门', 'team'],
  position: ['岗位', '职位', 'position', 'title'],
};

/** Columns by position when there is no header row. */
const BY_COUNT: Readonly<Record<number, readonly Field[]>> = {
  1: ['name'],
  2: ['employeeNo', 'name'],
  3: ['employeeNo', 'name', 'teamName'],
  4: ['employeeNo', 'name', 'teamName', 'position'],
};

function headerFields(cells: readonly string[]): (Field | null)[] | null {
  const fields = cells.map((cell) => {
    const text = cell.trim().toLowerCase();
    return (Object.keys(HEADERS) as Field[]).find((field) => HEADERS[field].includes(text)) ?? null;
  });
  return fields.includes('name') ? fields : null;
}

export function parseRosterPaste(
  text: string,
  existing: readonly { readonly employeeNo: string; readonly name: string }[],
): { people: PastedPerson[]; problems: RosterProblem[] } {
  const rows = parseTsv(text.replace(/\r\n?/g, '\n')).map((row) => row.map((cell) => cell.trim()));
  const header = rows.length > 0 ? headerFields(rows[0]!) : null;
  const people: PastedPerson[] = [];
  const problems: RosterProblem[] = [];
  const taken = new Map(existing.filter((p) => p.employeeNo !== '').map((p) => [p.employeeNo, p.name]));
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    if (header && index === 0) return;
    if (cells.every((cell) => cell === '')) return;
    const line = index + 1;
    const width = cells.length;
    const fields = header ?? BY_COUNT[Math.min(width, 4)] ?? BY_COUNT[4]!;
    const get = (field: Field) => {
      const at = fields.indexOf(field);
      return at >= 0 ? (cells[at] ?? '') : '';
    };
    const person: PastedPerson = { line, name: get('name'), employeeNo: get('employeeNo'), teamName: get('teamName'), position: get('position') };
    if (person.name === '') {
      problems.push({ code: 'noName', line });
      return;
    }
    if (person.employeeNo !== '') {
      const owner = taken.get(person.employeeNo);
      if (owner !== undefined) problems.push({ code: 'existingNo', line, employeeNo: person.employeeNo, name: owner });
      else if (seen.has(person.employeeNo)) problems.push({ code: 'duplicateNo', line, employeeNo: person.employeeNo });
      seen.add(person.employeeNo);
    }
    people.push(person);
  });
  return { people, problems };
}
