// What the io jobs need about a period, read from the store: the import context (template,
// people, period) and the export input (scored sheet data, names, labels).
import type { Locale } from '../../i18n/catalog';
import type { ImportContext } from '../../io/validate';
import type { PeriodExport } from '../../io/scored-grid';
import { periodLabel } from '../../scoring/periods';
import { getWorkspace, listPeople, loadPeriodSheet } from '../../store/index';

export interface PeriodContext extends ImportContext {
  readonly periodId: string;
  readonly templateId: string;
  readonly workspaceId: string;
}

/** People an import may name: the period's team (everyone when the period has no team). */
export async function importContext(periodId: string, createMissingPeople = false): Promise<PeriodContext | undefined> {
  const data = await loadPeriodSheet(periodId);
  if (!data) return undefined;
  const people = (await listPeople(data.period.workspaceId, true)).filter((person) => data.period.teamId === '' || person.teamId === data.period.teamId);
  return {
    template: data.template.body,
    templateId: data.template.id,
    periodId,
    workspaceId: data.period.workspaceId,
    periodKey: data.period.key,
    periodKind: data.period.kind,
    people: people.map((person) => ({ id: person.id, name: person.name, employeeNo: person.employeeNo, archived: person.archived === 1 })),
    createMissingPeople,
  };
}

export async function periodExport(periodId: string, locale: Locale, now = new Date()): Promise<PeriodExport | undefined> {
  const data = await loadPeriodSheet(periodId);
  if (!data) return undefined;
  const workspace = await getWorkspace(data.period.workspaceId);
  return {
    template: data.template.body,
    templateId: data.template.id,
    periodId,
    periodKey: data.period.key,
    periodKind: data.period.kind,
    periodLabel: periodLabel(data.period.key, locale),
    workspaceName: workspace?.name ?? '',
    people: data.people.map((person) => ({ id: person.id, name: person.name, employeeNo: person.employeeNo })),
    input: data.input,
    locale,
    exportedAt: now.toLocaleString(locale, { hour12: false }),
  };
}
