// Self vs supervisor (and the 360° roles) side by side, per indicator, with the gaps: how far
// each rater's score sits from the supervisor's (or, without a supervisor, from the combined score).
import { RATER_ROLES, type RaterRole, type Template } from './model';
import type { PersonResult, ScoreValue } from './sheet-types';
import { indicatorRoles } from './graph';
import { baseIndicators, toExcelPrecision } from './composite';

export interface RoleGapRow {
  readonly indicatorId: string;
  readonly name: string;
  readonly max: number;
  /** Each role's score; a role that does not rate the indicator is absent. */
  readonly scores: Partial<Record<RaterRole, ScoreValue>>;
  readonly combined: ScoreValue;
  /** Role score − reference score, for the roles other than the reference; absent when either is not a number. */
  readonly gaps: Partial<Record<RaterRole, number>>;
}

export interface RoleGaps {
  /** The roles that rate anything on the template, in the usual order (自评, 上级, 平级 …). */
  readonly roles: readonly RaterRole[];
  /** Gaps are measured from the supervisor's score; `null`: from the combined score. */
  readonly reference: RaterRole | null;
  readonly rows: readonly RoleGapRow[];
}

/** A role that has not rated the person shows as missing (null), never as the score of blanks. */
export function roleGaps(template: Template, person: Pick<PersonResult, 'indicators'>): RoleGaps {
  const indicators = template.sections.flatMap(baseIndicators);
  const used = new Set(indicators.flatMap((indicator) => indicatorRoles(indicator, template).map((weight) => weight.role)));
  const roles = RATER_ROLES.filter((role) => used.has(role));
  const reference = used.has('supervisor') ? 'supervisor' : null;
  const rows = indicators.map((indicator) => {
    const result = person.indicators[indicator.id];
    const own = indicatorRoles(indicator, template).map((weight) => weight.role);
    const combined = result?.score ?? null;
    const scores: Partial<Record<RaterRole, ScoreValue>> = {};
    const missing = new Set(result?.missingRoles ?? own);
    for (const role of own) scores[role] = missing.has(role) ? null : own.length > 1 ? (result?.byRole?.[role] ?? null) : combined;
    const base = reference === null ? combined : scores[reference];
    const gaps: Partial<Record<RaterRole, number>> = {};
    for (const role of own) {
      const score = scores[role];
      if (role === reference || typeof score !== 'number' || typeof base !== 'number') continue;
      gaps[role] = toExcelPrecision(score - base);
    }
    return { indicatorId: indicator.id, name: indicator.name, max: indicator.max, scores, combined, gaps };
  });
  return { roles, reference, rows };
}
