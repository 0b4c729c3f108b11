// A click on the sheet's 流程状态, 绩效系数 or 绩效工资 cell: how it came about — the review's steps
// with who and when (read from the audit log when it is asked for), or the grade → coefficient →
// pay arithmetic.
import { translate, type Locale, type MessageKey } from '../../i18n/catalog';
import { listReviewLog } from '../../store/index';
import type { PersonRecord } from '../../store/index';
import type { CellExplanation, ExplainLine } from '../rate/explain-cell';
import { REVIEW_STATUSES, type ReviewStatus } from '../../scoring/index';
import { coefficientText, moneyText, statusText } from './review-rows';

export interface ReviewCellFacts {
  readonly status: ReviewStatus | null;
  readonly grade: string | null;
  readonly coefficient: number | null;
  readonly base: number | null;
  readonly pay: number | null;
}

export function explainReviewCell(kind: 'review' | 'coefficient' | 'pay', title: string, facts: ReviewCellFacts, locale: Locale): CellExplanation {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const result = say('rate.explain.result');
  if (kind === 'review') return { title, lines: [{ label: result, text: statusText(facts.status, locale) }] };
  const grade = facts.grade ?? '—';
  const coefficientLine: ExplainLine = {
    label: say('review.people.coefficient'),
    text: facts.coefficient === null ? say('review.explain.noCoefficient', { grade }) : say('review.explain.coefficient', { grade, coefficient: coefficientText(facts.coefficient, locale) }),
  };
  if (kind === 'coefficient') return { title, lines: [coefficientLine] };
  const payText =
    facts.base === null
      ? say('review.explain.noBase')
      : say('review.explain.pay', { base: moneyText(facts.base, locale), coefficient: coefficientText(facts.coefficient, locale) || '—', pay: moneyText(facts.pay, locale) || '—' });
  return { title, lines: [coefficientLine, { label: say('review.people.pay'), text: payText }] };
}

function asStatus(value: string): ReviewStatus | null {
  return REVIEW_STATUSES.find((status) => status === value) ?? null;
}

/** The review's steps for the popover, oldest first. */
export async function reviewLogLines(periodId: string, person: PersonRecord, locale: Locale): Promise<ExplainLine[]> {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const log = await listReviewLog(periodId, person.id);
  if (log.length === 0) return [{ label: say('review.explain.log'), text: say('review.explain.none') }];
  const text = log
    .map((entry) =>
      say('review.explain.step', {
        step: say(`review.step.${entry.action}` as MessageKey),
        change: say('review.log.change', { old: statusText(asStatus(entry.old), locale), new: statusText(asStatus(entry.new), locale) }),
        by: entry.by,
        at: new Date(entry.at).toLocaleString(locale, { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
      }),
    )
    .join('\n');
  return [{ label: say('review.explain.log'), text }];
}
