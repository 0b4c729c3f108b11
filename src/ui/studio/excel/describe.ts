// The wizard's findings as sentences: the import's reasons (with their cell), refusals, mapping
// problems, rule kinds and values as Kaohe shows them.
import { i18n, t } from '../../../i18n/locale.svelte';
import { type ExcelCellValue as CellValue, type ExcelRefusal, type FieldRole, type Issue, issueMessageKey, type ReviewKind } from '../../../io/index';
import { formatScore } from '../../../scoring/index';
import { describeProblem as describeFileProblem } from '../../files/describe';
import type { MappingProblem } from './mapping-edit';
import type { WizardFailure } from './wizard.svelte';

export function issueText(found: Issue): string {
  const text = t(issueMessageKey(found), found.params);
  return found.cell ? `${found.cell}${i18n.locale === 'zh-CN' ? '：' : ': '}${text}` : text;
}

export function roleLabel(role: FieldRole): string {
  return t(`excel.role.${role}`);
}

export function kindLabel(kind: ReviewKind): string {
  return t(`excel.kind.${kind}`);
}

export function valueText(value: CellValue): string {
  return formatScore(value, i18n.locale);
}

export function mappingProblemText(problem: MappingProblem): string {
  switch (problem.code) {
    case 'emptyName':
      return t('excel.wizard.problem.emptyName', { cell: problem.cell });
    case 'duplicateName':
      return t('excel.wizard.problem.duplicateName', { name: problem.name, cells: problem.cells });
    case 'oneOnly':
      return t('excel.wizard.problem.oneOnly', { role: roleLabel(problem.role), cells: problem.cells });
    case 'noIndicator':
      return t('excel.wizard.problem.noIndicator');
    case 'noPeople':
      return t('excel.wizard.problem.noPeople');
  }
}

function refusalLines(refusal: ExcelRefusal): string[] {
  switch (refusal.kind) {
    case 'notWorkbook':
      return [t('excel.wizard.notWorkbook', { file: refusal.file })];
    case 'problem':
      return [describeFileProblem(refusal.problem)];
    case 'issues':
      return refusal.issues.map(issueText);
    case 'closed':
      return [];
  }
}

/** A heading line and the reasons under it. */
export function failureText(failure: WizardFailure): { readonly title: string; readonly lines: readonly string[] } {
  if (failure.kind === 'io') return { title: t('excel.wizard.refused', { file: failure.problem.file }), lines: [describeFileProblem(failure.problem)] };
  const title =
    failure.during === 'open'
      ? t('excel.wizard.refused', { file: failure.file })
      : failure.during === 'analyze'
        ? t('excel.wizard.refusedSheet', { sheet: failure.sheet })
        : t('excel.wizard.refusedBuild');
  // "Not a workbook" says it all in one sentence.
  if (failure.refusal.kind === 'notWorkbook') return { title: refusalLines(failure.refusal)[0] ?? title, lines: [] };
  return { title, lines: refusalLines(failure.refusal) };
}
