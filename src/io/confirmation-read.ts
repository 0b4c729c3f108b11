// Returned confirmation files: each is recognised by its hidden key (which period, which person,
// where the answers are, the result the employee saw), its answer cells are read and checked, and
// the files are checked together (one answer per person). Problems name the file, sheet, row and
// column. Any error and nothing is applied: `answersToApply` gives the answers only when none has one.
import { readWorkbookMeta } from './workbook-read';
import { fileProblem, shortText, type IoProblem } from './problems';
import type { ReadWorkbook } from './xlsx-read';
import { readWorkbook } from './xlsx-read';
import type { CellPlace, ConfirmationAnswerRead, ConfirmationsRead, ShownResult } from './confirmation-result';
import { isBlank, type CellValue } from './table';
export { answersToApply, type CellPlace, type ConfirmationAnswerRead, type ConfirmationsRead } from './confirmation-result';
import { parseAgreement } from '../scoring/review';

export interface ConfirmationContext {
  readonly periodId: string;
  readonly periodKey: string;
  /** The period's people, with the result each has now (a file that showed another is stale). */
  readonly people: readonly { readonly id: string; readonly name: string; readonly result: ShownResult }[];
  /** Words for the problems' headers (员工意见, 意见说明, 确认人). */
  readonly headers: { readonly agree: string; readonly text: string; readonly by: string };
}

function placeOf(address: string): CellPlace {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const char of match[1]!) column = column * 26 + (char.charCodeAt(0) - 64);
  return { row: Number(match[2]), column: column - 1 };
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Totals compared at 12 significant digits (the file keeps the number as Kaohe wrote it). */
function sameResult(a: ShownResult, b: ShownResult): boolean {
  const close = a.total === null || b.total === null ? a.total === b.total : Number(a.total.toPrecision(12)) === Number(b.total.toPrecision(12));
  return close && a.grade === b.grade;
}

function resultText(result: ShownResult): string {
  return `${result.total === null ? '—' : String(Number(result.total.toFixed(2)))} ${result.grade ?? '—'}`;
}

/** One file: its answer, or the problems that keep it from counting. */
export function readConfirmation(workbook: ReadWorkbook, context: ConfirmationContext): { answer?: ConfirmationAnswerRead; problems: IoProblem[] } {
  const file = workbook.file;
  const found = readWorkbookMeta(workbook);
  if (!found.ok || found.meta.kind !== 'confirmation' || !found.meta.fields || !found.meta.personId) return { problems: [fileProblem('notConfirmationFile', file)] };
  const meta = found.meta;
  const fields = meta.fields!;
  if (meta.periodId !== context.periodId) return { problems: [{ code: 'otherPeriod', severity: 'error', file, expected: context.periodKey, received: meta.periodKey }] };
  const person = context.people.find((p) => p.id === meta.personId);
  if (!person) return { problems: [{ code: 'unknownPerson', severity: 'error', file, received: shortText(meta.personId) }] };
  const table = workbook.table(meta.sheet);
  if (!('rows' in table)) return { problems: [table] };
  const sheet = table.sheet;
  const read = (address: string) => {
    const place = placeOf(address);
    return { place, value: table.rows[place.row - 1]?.[place.column] };
  };
  const at = (place: CellPlace, header: string) => ({ file, sheet, row: place.row, column: place.column, header });
  const problems: IoProblem[] = [];
  if (meta.result && !sameResult(meta.result, person.result)) {
    problems.push({ code: 'resultChanged', severity: 'error', file, sheet, received: resultText(person.result), expected: resultText(meta.result), params: { person: person.name } });
  }
  const agreeCell = read(fields.agree);
  const textCell = read(fields.text);
  const byCell = read(fields.by);
  const agree = parseAgreement(cellText(agreeCell.value));
  if (isBlank(agreeCell.value)) problems.push({ code: 'opinionMissing', severity: 'error', ...at(agreeCell.place, context.headers.agree) });
  else if (agree === null) problems.push({ code: 'notAgreement', severity: 'error', ...at(agreeCell.place, context.headers.agree), received: shortText(cellText(agreeCell.value)) });
  const text = cellText(textCell.value);
  if (agree === false && text === '') problems.push({ code: 'reasonMissing', severity: 'error', ...at(textCell.place, context.headers.text) });
  const by = cellText(byCell.value);
  if (by === '') problems.push({ code: 'signerMissing', severity: 'error', ...at(byCell.place, context.headers.by) });
  if (problems.length > 0 || agree === null) return { problems };
  return { answer: { file, sheet, personId: person.id, agree, text, by, date: cellText(read(fields.date).value), place: agreeCell.place }, problems };
}

/** Every file, then the files together: a person answered in two files is an error in both. */
export function readConfirmations(files: readonly { readonly file: string; readonly bytes: Uint8Array }[], context: ConfirmationContext): ConfirmationsRead {
  const answers: ConfirmationAnswerRead[] = [];
  const problems: IoProblem[] = [];
  for (const { file, bytes } of files) {
    const opened = readWorkbook(file, bytes);
    if (!opened.ok) {
      problems.push(opened.problem);
      continue;
    }
    const read = readConfirmation(opened.workbook, context);
    problems.push(...read.problems);
    if (read.answer) answers.push(read.answer);
  }
  const firstFile = new Map<string, string>();
  for (const answer of answers) {
    const first = firstFile.get(answer.personId);
    if (first === undefined) {
      firstFile.set(answer.personId, answer.file);
      continue;
    }
    const name = context.people.find((p) => p.id === answer.personId)?.name ?? answer.personId;
    problems.push({ code: 'duplicateConfirmation', severity: 'error', file: answer.file, sheet: answer.sheet, received: name, expected: first });
  }
  return { answers, problems };
}
