// A person's review steps as the audit log has them, each as one line a person reads: when, who,
// which step, the status before → after, and what it recorded (for a settled appeal, the values
// its change set, read from the value change linked to it).
import { translate, type Locale } from '../../i18n/catalog';
import { formatComputed } from '../rate/sheet-data';
import { appealChanges, listReviewLog, valueChangesOf, type ReviewLogEntry, type ValueChange } from '../../store/index';
import { type AppealTarget, type PlanItem, REVIEW_STATUSES, type ReviewStatus, roleLabel, type Template } from '../../scoring/index';
import { statusText } from './review-rows';

export interface LogLine {
  readonly seq: number;
  readonly at: number;
  readonly by: string;
  readonly step: string;
  readonly change: string;
  readonly detail: string;
}

export interface LoadedLog {
  readonly entries: readonly ReviewLogEntry[];
  /** Per appeal id: the values its settling changed ([name, role, old, new]). */
  readonly changes: ReadonlyMap<string, readonly ValueChange[]>;
}

export async function loadLog(periodId: string, personId: string): Promise<LoadedLog> {
  const entries = await listReviewLog(periodId, personId);
  const changes = new Map<string, ValueChange[]>();
  for (const entry of entries) {
    if (entry.action !== 'resolve' || !entry.link) continue;
    const records = await appealChanges(periodId, entry.link);
    changes.set(
      entry.link,
      records.flatMap((record) => valueChangesOf(record).filter((change) => change.personId === personId)),
    );
  }
  return { entries, changes };
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function asStatus(value: string): ReviewStatus | null {
  return REVIEW_STATUSES.find((status) => status === value) ?? null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function logLines(log: LoadedLog, template: Template, locale: Locale): LogLine[] {
  const say = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const names = new Map<string, string>([...template.inputs.map((input) => [input.id, input.name] as const), ...template.sections.flatMap((s) => s.indicators.map((i) => [i.id, i.name] as const))]);
  const targetName = (target: unknown) => {
    const t = record(target) as Partial<AppealTarget>;
    return t.kind === 'indicator' ? (names.get((t as { indicatorId: string }).indicatorId) ?? '') : say('review.appeal.targetTotal');
  };
  const multiRole = template.roles.length > 1;
  return log.entries.map((entry) => {
    const detail = record(entry.detail);
    let shown = '';
    switch (entry.action) {
      case 'talk': {
        const plan = (Array.isArray(detail.plan) ? (detail.plan as PlanItem[]) : []).map((item) => (item.due ? say('review.log.planItem', { action: item.action, due: item.due }) : item.action));
        shown = [
          text(detail.strengths) && say('review.log.strengths', { text: text(detail.strengths) }),
          text(detail.improve) && say('review.log.improve', { text: text(detail.improve) }),
          text(detail.goals) && say('review.log.goals', { text: text(detail.goals) }),
          plan.length > 0 && say('review.log.plan', { text: plan.join('、') }),
        ]
          .filter(Boolean)
          .join('；');
        break;
      }
      case 'opinion':
        shown = [say(detail.agree ? 'review.opinion.agree' : 'review.opinion.disagree'), text(detail.text), detail.source === 'file' ? say('review.opinion.fromFile', { file: text(detail.file) }) : ''].filter(Boolean).join(' · ');
        break;
      case 'appeal':
        shown = say('review.log.appeal', { target: targetName(detail.target), reason: text(detail.reason) });
        break;
      case 'resolve': {
        const values = (log.changes.get(entry.link) ?? []).map((change) => {
          const role = multiRole ? (locale === 'zh-CN' ? `（${roleLabel(change.role, locale)}）` : ` (${roleLabel(change.role, locale)})`) : '';
          return `${names.get(change.key) ?? change.key}${role} ${formatComputed(change.old, locale) || '—'} → ${formatComputed(change.new, locale) || '—'}`;
        });
        shown = [say(detail.outcome === 'upheld' ? 'review.log.upheld' : 'review.log.rejected', { reason: text(detail.reason) }), ...values].join('；');
        break;
      }
      case 'close':
        shown = text(detail.reason);
        break;
    }
    return {
      seq: entry.seq,
      at: entry.at,
      by: entry.by,
      step: say(`review.step.${entry.action}`),
      change: say('review.log.change', { old: statusText(asStatus(entry.old), locale), new: statusText(asStatus(entry.new), locale) }),
      detail: shown,
    };
  });
}
