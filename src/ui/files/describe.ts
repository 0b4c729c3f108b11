// io values as sentences: a problem with where it is, a stored value as it will be shown, an
// input column as a person reads it (完成率（上级）).
import { t } from '../../i18n/locale.svelte';
import type { MessageKey } from '../../i18n/catalog';
import { type CellValue, columnLetter, type ColumnTarget, type EntryTarget, headerText, type ImportPlan, type IoProblem, type StoredValue } from '../../io/index';
import { roleLabel } from '../../scoring/index';
import { i18n } from '../../i18n/locale.svelte';

function megabytes(bytes: unknown): string {
  if (typeof bytes !== 'number') return String(bytes ?? '');
  if (!Number.isFinite(bytes)) return '∞';
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export function whereText(problem: IoProblem): string {
  const parts: string[] = [];
  if (problem.file) parts.push(t('files.where.file', { file: problem.file }));
  if (problem.sheet) parts.push(t('files.where.sheet', { sheet: problem.sheet }));
  if (problem.row !== undefined) parts.push(t('files.where.row', { row: problem.row }));
  if (problem.column !== undefined) {
    parts.push(t('files.where.column', { column: columnLetter(problem.column) }) + (problem.header ? t('files.where.header', { header: problem.header }) : ''));
  }
  return parts.join(i18n.locale === 'zh-CN' ? '，' : ', ');
}

export function problemText(problem: IoProblem): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (problem.code === 'fileTooLarge' || problem.code === 'unpackedTooLarge') {
    params.size = megabytes(params.size);
    params.limit = megabytes(params.limit);
  }
  if (problem.code === 'tooManyRows' && typeof params.limit === 'number') params.limit = params.limit.toLocaleString(i18n.locale);
  return t(`files.problem.${problem.code}` as MessageKey, { ...params, expected: problem.expected ?? '', received: problem.received ?? '' });
}

/** "文件 a.csv，第 3 行，C 列（完成率）：应为数字…" */
export function describeProblem(problem: IoProblem): string {
  const where = whereText(problem);
  const text = problemText(problem);
  return where ? `${where}${i18n.locale === 'zh-CN' ? '：' : ': '}${text}` : text;
}

export function targetLabel(target: EntryTarget, multiRole: boolean): string {
  if (!multiRole || target.team) return target.name;
  return i18n.locale === 'zh-CN' ? `${target.name}（${roleLabel(target.role, i18n.locale)}）` : `${target.name} (${roleLabel(target.role, i18n.locale)})`;
}

export function columnTargetLabel(target: ColumnTarget, targets: ReadonlyMap<string, EntryTarget>, multiRole: boolean): string {
  if (target.startsWith('entry:')) {
    const entry = targets.get(target.slice('entry:'.length));
    return entry ? targetLabel(entry, multiRole) : target;
  }
  return t(`files.target.${target}` as MessageKey);
}

/** A stored value with how it reads: 0.9（90%）, 1（是）. */
export function storedText(value: StoredValue | null, target: EntryTarget | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number' && target?.spec.type === 'percent') {
    return t('files.value.percent', { value: String(value), percent: `${Number((value * 100).toPrecision(12))}%` });
  }
  if (typeof value === 'number' && target?.spec.type === 'boolean') return t(value ? 'files.value.yes' : 'files.value.no', { value });
  return String(value);
}

/** A row of a file's head on one line, for choosing the header row (cut at 60 characters). */
export function headRowText(row: readonly CellValue[] | undefined): string {
  const text = (row ?? []).map((cell) => headerText(cell)).filter(Boolean).join(' | ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

type PreviewRow = ImportPlan['preview'][number];

/** Who an import preview row is about: the team, a person the import adds, one not found, or the name. */
export function previewPersonText(row: PreviewRow): string {
  if (row.personState === 'team') return t('files.import.person.team');
  if (row.personState === 'new') return t('files.import.person.new', { name: row.person });
  if (row.personState === 'unknown') return t('files.import.person.unknown', { name: row.person });
  return row.person;
}

/** A previewed value as it will be stored, or a warning sign where it does not fit. */
export function previewValueText(value: PreviewRow['cells'][number], target: EntryTarget | undefined): string {
  return value.problem ? `⚠ ${t('files.severity.error')}` : storedText(value.value, target);
}
