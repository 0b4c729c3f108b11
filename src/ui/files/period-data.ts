// What the io jobs need about a period, read from the store: the import context (template,
// people, period) and the export input (scored sheet data, names, labels).
import type { Locale } from '../../i18n/catalog';
import type { ImportContext, PayExport, PeriodExport } from '../../io/index';
import { periodLabel } from '../../scoring/index';
import { getCoefficientTable, getWorkspace, listCalibrations, listPayBases, listPeople, loadPeriodSheet, type PeriodSheetData } from '../../store/index';

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
  const [workspace, pay] = await Promise.all([getWorkspace(data.period.workspaceId), payExport(data)]);
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
    ...(pay ? { pay } : {}),
  };
}

/** The pay columns' data: only when the workspace has a coefficient table for the period's template. */
export async function payExport(data: PeriodSheetData): Promise<PayExport | undefined> {
  const coefficients = await getCoefficientTable(data.period.workspaceId, data.template.familyId);
  if (!coefficients) return undefined;
  const [bases, calibrations] = await Promise.all([listPayBases(data.period.workspaceId), listCalibrations(data.period.id)]);
  return {
    coefficients,
    bases: bases.map((base) => [base.personId, base.amount] as const),
    calibrated: calibrations.map((calibration) => [calibration.personId, calibration.grade] as const),
  };
}
