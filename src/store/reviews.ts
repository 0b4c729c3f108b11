// The period's life after the scores, per person: 面谈 notes, the employee's opinion (typed, or
// from returned confirmation files), appeals and how HR settles them, 结案. Every step checks the
// period lock and the step's rule (src/scoring/review.ts), and writes one audit record with who
// (a typed name) and when, in the same transaction. An appeal upheld by changing values changes
// them through writeEntries (action `appeal`, linked to the appeal), in that same transaction.
import { getDb } from './db';
import { newId } from './ids';
import { writeAudit } from './audit';
import { openPeriodForWrite, writeEntries, type EntryChange } from './entries';
import { StoreError } from './errors';
import type { AuditRecord, PeriodRecord, ReviewAction, ReviewRecord, ReviewSettingsRecord } from './records';
import {
  appealRefusal,
  cleanTalk,
  closeRefusal,
  EMPTY_REVIEW,
  isDateText,
  opinionRefusal,
  resolveRefusal,
  reviewStatus,
  talkRefusal,
  type AppealTarget,
  type OpinionInput,
  type ReviewRefusal,
  type ReviewState,
  type TalkNotes,
} from '../scoring/review';

/** A step its rule does not allow now; `refusal` says which rule (the page words it). */
export class ReviewRefusedError extends StoreError {
  constructor(
    readonly refusal: ReviewRefusal,
    message: string,
  ) {
    super('refused', message);
    this.name = 'ReviewRefusedError';
  }
}

function refuse(refusal: ReviewRefusal | null, what: string): void {
  if (refusal) throw new ReviewRefusedError(refusal, `${what}: ${refusal}`);
}

export function reviewAuditId(periodId: string, personId: string): string {
  return `${periodId}|${personId}`;
}

/** Today as 'YYYY-MM-DD' in the browser's time zone: the calendar day the deadline is compared with. */
export function localDate(time = Date.now()): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export async function listReviews(periodId: string): Promise<ReviewRecord[]> {
  return getDb().reviews.where('periodId').equals(periodId).toArray();
}

export async function getReviewSettings(periodId: string): Promise<ReviewSettingsRecord | undefined> {
  return getDb().reviewSettings.get(periodId);
}

function stateOf(record: ReviewRecord | undefined): ReviewState {
  if (!record) return EMPTY_REVIEW;
  return { talk: record.talk, opinion: record.opinion, appeals: record.appeals, closed: record.closed };
}

interface Step {
  readonly period: PeriodRecord;
  readonly personId: string;
  readonly by: string;
  readonly before: ReviewRecord | undefined;
}

/** Inside a transaction: the period open for writing, the person in its workspace, the record so far. */
async function beginStep(periodId: string, personId: string, by: string): Promise<Step> {
  const name = by.trim();
  refuse(name === '' ? 'nameRequired' : null, 'review step');
  const db = getDb();
  const period = await openPeriodForWrite(periodId);
  const person = await db.people.get(personId);
  if (!person || person.workspaceId !== period.workspaceId) throw new StoreError('missing', `person ${personId} is not in this workspace`);
  const before = await db.reviews.get([periodId, personId]);
  return { period, personId, by: name, before };
}

async function finishStep(step: Step, next: ReviewState, action: ReviewAction, detail: unknown, link?: string): Promise<void> {
  const { period, personId, before, by } = step;
  await getDb().reviews.put({ ...next, periodId: period.id, personId, workspaceId: period.workspaceId, updatedAt: Date.now() });
  await writeAudit({
    workspaceId: period.workspaceId,
    entity: 'review',
    entityId: reviewAuditId(period.id, personId),
    action,
    // The statuses without the sheet's 待评分/已评分, which scoring decides.
    field: 'status',
    old: reviewStatus(before, true),
    new: reviewStatus(next, true),
    by,
    detail,
    ...(link ? { link } : {}),
  });
}

function reviewTables() {
  const db = getDb();
  return [db.periods, db.people, db.reviews, db.reviewSettings, db.templates, db.auditLog];
}

/** 面谈记录: written (or rewritten) until the employee gives an opinion. */
export async function recordTalk(periodId: string, personId: string, notes: TalkNotes, by: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', reviewTables(), async () => {
    const step = await beginStep(periodId, personId, by);
    const state = stateOf(step.before);
    refuse(talkRefusal(state), 'talk');
    const talk = cleanTalk(notes);
    await finishStep(step, { ...state, talk: { ...talk, by: step.by, at: Date.now() } }, 'talk', talk);
  });
}

export interface OpinionSource {
  readonly source: 'typed' | 'file';
  /** The returned file it came from. */
  readonly file?: string;
}

/** 同意 needs no words; 不同意 says why. */
function opinionTextRefusal(opinion: OpinionInput): ReviewRefusal | null {
  return !opinion.agree && opinion.text.trim() === '' ? 'reasonRequired' : null;
}

async function writeOpinion(step: Step, opinion: OpinionInput, source: OpinionSource): Promise<void> {
  const state = stateOf(step.before);
  const text = opinion.text.trim();
  const record = { agree: opinion.agree, text, by: step.by, at: Date.now(), source: source.source, ...(source.file ? { file: source.file } : {}) };
  await finishStep(step, { ...state, opinion: record }, 'opinion', { agree: opinion.agree, text, source: source.source, ...(source.file ? { file: source.file } : {}) });
}

/** 员工意见 typed in the app (the employee tells HR, or signs a printed sheet). */
export async function recordOpinion(periodId: string, personId: string, opinion: OpinionInput, by: string, source: OpinionSource = { source: 'typed' }): Promise<void> {
  const db = getDb();
  await db.transaction('rw', reviewTables(), async () => {
    const step = await beginStep(periodId, personId, by);
    refuse(opinionRefusal(stateOf(step.before)) ?? opinionTextRefusal(opinion), 'opinion');
    await writeOpinion(step, opinion, source);
  });
}

/** One answer read from a returned confirmation file. */
export interface ConfirmationAnswer extends OpinionInput {
  readonly personId: string;
  /** The name the employee wrote in the file. */
  readonly by: string;
  readonly file: string;
}

export type ConfirmationResult =
  | { readonly ok: true; readonly count: number }
  /** Nothing was stored: each refused answer (by its index) and why. */
  | { readonly ok: false; readonly refusals: readonly { readonly index: number; readonly refusal: ReviewRefusal }[] };

/**
 * Store the answers of returned confirmation files, all or nothing: every answer is checked
 * against its person's review first, and one refusal stores none of them. Each person's step is
 * its own audit record, signed with the name written in their file.
 */
export async function applyConfirmations(periodId: string, answers: readonly ConfirmationAnswer[]): Promise<ConfirmationResult> {
  const db = getDb();
  return db.transaction('rw', reviewTables(), async (): Promise<ConfirmationResult> => {
    const period = await openPeriodForWrite(periodId);
    const refusals: { index: number; refusal: ReviewRefusal }[] = [];
    const steps: Step[] = [];
    const seen = new Set<string>();
    for (const [index, answer] of answers.entries()) {
      const by = answer.by.trim();
      const person = await db.people.get(answer.personId);
      if (!person || person.workspaceId !== period.workspaceId) throw new StoreError('missing', `person ${answer.personId} is not in this workspace`);
      const before = await db.reviews.get([periodId, answer.personId]);
      const refusal = by === '' ? 'nameRequired' : seen.has(answer.personId) ? 'opinionGiven' : (opinionRefusal(stateOf(before)) ?? opinionTextRefusal(answer));
      seen.add(answer.personId);
      if (refusal) refusals.push({ index, refusal });
      steps.push({ period, personId: answer.personId, by, before });
    }
    if (refusals.length > 0) return { ok: false, refusals };
    for (const [index, step] of steps.entries()) await writeOpinion(step, answers[index]!, { source: 'file', file: answers[index]!.file });
    return { ok: true, count: answers.length };
  });
}

/** 申诉: against one indicator or the total, with a reason, by the appeal deadline. Returns the appeal's id. */
export async function fileAppeal(periodId: string, personId: string, appeal: { readonly target: AppealTarget; readonly reason: string }, by: string, today = localDate()): Promise<string> {
  const db = getDb();
  return db.transaction('rw', reviewTables(), async () => {
    const step = await beginStep(periodId, personId, by);
    const state = stateOf(step.before);
    const settings = await db.reviewSettings.get(periodId);
    refuse(appealRefusal(state, appeal.target, today, settings?.appealDeadline ?? ''), 'appeal');
    const reason = appeal.reason.trim();
    refuse(reason === '' ? 'reasonRequired' : null, 'appeal');
    if (appeal.target.kind === 'indicator') {
      const indicatorId = appeal.target.indicatorId;
      const template = await db.templates.get(step.period.templateId);
      const known = template?.body.sections.some((section) => section.indicators.some((indicator) => indicator.id === indicatorId));
      if (!known) throw new StoreError('missing', `indicator ${indicatorId} is not in the period's template`);
    }
    const id = newId();
    const record = { id, target: appeal.target, reason, by: step.by, at: Date.now(), resolution: null };
    await finishStep(step, { ...state, appeals: [...state.appeals, record] }, 'appeal', { target: appeal.target, reason }, id);
    return id;
  });
}

export type AppealDecision =
  /** 维持申诉: the values are changed (at least one), through the audited path, linked to the appeal. */
  | { readonly outcome: 'upheld'; readonly reason: string; readonly changes: readonly EntryChange[] }
  /** 驳回: nothing changes; the reason is required. */
  | { readonly outcome: 'rejected'; readonly reason: string };

/**
 * HR settles an appeal. Upheld: the appellant's values change in the same transaction (one audit
 * record of action `appeal` whose `link` is the appeal's id); a decision that changes nothing is
 * refused. Returns the number of values changed.
 */
export async function resolveAppeal(periodId: string, personId: string, appealId: string, decision: AppealDecision, by: string): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [...reviewTables(), db.valueBlocks], async () => {
    const step = await beginStep(periodId, personId, by);
    const state = stateOf(step.before);
    refuse(resolveRefusal(state, appealId), 'resolve');
    const reason = decision.reason.trim();
    refuse(reason === '' ? 'reasonRequired' : null, 'resolve');
    let changed = 0;
    if (decision.outcome === 'upheld') {
      if (decision.changes.some((change) => change.personId !== personId)) throw new StoreError('refused', 'an appeal changes only the appellant\'s values');
      changed = await writeEntries(periodId, decision.changes, { action: 'appeal', by: step.by, link: appealId });
      refuse(changed === 0 ? 'noChange' : null, 'resolve');
    }
    const resolution = { outcome: decision.outcome, reason, by: step.by, at: Date.now(), changed };
    const appeals = state.appeals.map((appeal) => (appeal.id === appealId ? { ...appeal, resolution } : appeal));
    await finishStep(step, { ...state, appeals }, 'resolve', { outcome: decision.outcome, reason, changed }, appealId);
    return changed;
  });
}

/** 结案 without an appeal: the employee disagreed but did not appeal (the deadline passed, or HR settled it). */
export async function closeReview(periodId: string, personId: string, reason: string, by: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', reviewTables(), async () => {
    const step = await beginStep(periodId, personId, by);
    const state = stateOf(step.before);
    refuse(closeRefusal(state), 'close');
    const text = reason.trim();
    refuse(text === '' ? 'reasonRequired' : null, 'close');
    await finishStep(step, { ...state, closed: { reason: text, by: step.by, at: Date.now() } }, 'close', { reason: text });
  });
}

// ---- period settings: appeal deadline and bonus pools ---------------------------------------------

async function updateSettings(periodId: string, change: (settings: ReviewSettingsRecord) => ReviewSettingsRecord, field: string, pick: (settings: ReviewSettingsRecord) => unknown): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.periods, db.reviewSettings, db.auditLog], async () => {
    const period = await openPeriodForWrite(periodId);
    const before = (await db.reviewSettings.get(periodId)) ?? { periodId, workspaceId: period.workspaceId, appealDeadline: '', pools: [], updatedAt: 0 };
    const after = { ...change(before), updatedAt: Date.now() };
    const old = pick(before);
    const next = pick(after);
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    await db.reviewSettings.put(after);
    await writeAudit({ workspaceId: period.workspaceId, entity: 'reviewSettings', entityId: periodId, action: 'update', field, old, new: next });
  });
}

/** The last day an appeal is accepted ('YYYY-MM-DD'), or '' for none. */
export async function setAppealDeadline(periodId: string, deadline: string): Promise<void> {
  const text = deadline.trim();
  if (text !== '' && !isDateText(text)) throw new StoreError('refused', `not a date: ${text}`);
  await updateSettings(periodId, (settings) => ({ ...settings, appealDeadline: text }), 'appealDeadline', (settings) => settings.appealDeadline);
}

/** A team's bonus pool in the period ('' = everyone, '-' = people without a team); null removes it. */
export async function setBonusPool(periodId: string, teamId: string, amount: number | null): Promise<void> {
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) throw new StoreError('refused', `not an amount: ${amount}`);
  await updateSettings(
    periodId,
    (settings) => ({ ...settings, pools: [...settings.pools.filter((pool) => pool.teamId !== teamId), ...(amount === null ? [] : [{ teamId, amount }])] }),
    `pool:${teamId}`,
    (settings) => settings.pools.find((pool) => pool.teamId === teamId)?.amount ?? null,
  );
}

// ---- reading the log --------------------------------------------------------------------------

export interface ReviewLogEntry {
  readonly seq: number;
  readonly at: number;
  readonly personId: string;
  readonly action: ReviewAction;
  readonly by: string;
  readonly old: string;
  readonly new: string;
  readonly detail: unknown;
  readonly link: string;
}

/** A period's review steps as the audit log has them (one person's when given), oldest first. */
export async function listReviewLog(periodId: string, personId?: string): Promise<ReviewLogEntry[]> {
  const db = getDb();
  const rows = personId
    ? await db.auditLog.where('[entity+entityId]').equals(['review', reviewAuditId(periodId, personId)]).toArray()
    : await db.auditLog.where('[entity+entityId]').between(['review', `${periodId}|`], ['review', `${periodId}|\uffff`]).toArray();
  rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return rows.map((row) => ({
    seq: row.seq ?? 0,
    at: row.at,
    personId: row.entityId.slice(periodId.length + 1),
    action: row.action as ReviewAction,
    by: row.by ?? '',
    old: String(row.old ?? ''),
    new: String(row.new ?? ''),
    detail: row.detail,
    link: row.link ?? '',
  }));
}

/** The value changes that settled an appeal (audit records of action `appeal` linked to it). */
export async function appealChanges(periodId: string, appealId: string): Promise<AuditRecord[]> {
  const rows = await getDb().auditLog.where('[entity+entityId]').equals(['entries', periodId]).toArray();
  return rows.filter((row) => row.action === 'appeal' && row.link === appealId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}
