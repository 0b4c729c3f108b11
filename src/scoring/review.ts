// The period's life after the scores, per person: 绩效面谈 (talk notes), 员工确认 (the employee's
// opinion), 申诉 (appeals) and 结案. The state is data; the status is worked out from it (never
// stored twice), and each step's rule says when it may be taken, so the store and the page refuse
// the same things. Pure: dates come in as 'YYYY-MM-DD' text from the caller.

/** 待评分 → 已评分 → 已面谈 → 已确认 / 有异议 → 申诉中 → 已结案. */
export type ReviewStatus = 'pending' | 'scored' | 'talked' | 'confirmed' | 'disputed' | 'appealing' | 'closed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'scored', 'talked', 'confirmed', 'disputed', 'appealing', 'closed'];

/** One line of the 改进计划: what, by when ('' when no date). */
export interface PlanItem {
  readonly action: string;
  readonly due: string;
}

/** 面谈记录. */
export interface TalkNotes {
  /** 优点 / strengths. */
  readonly strengths: string;
  /** 待改进 / to improve. */
  readonly improve: string;
  /** 下期目标 / goals for next period. */
  readonly goals: string;
  /** 改进计划 with dates. */
  readonly plan: readonly PlanItem[];
}

/** 员工意见: 同意 / 不同意 and what the employee wrote. */
export interface OpinionInput {
  readonly agree: boolean;
  readonly text: string;
}

/** Who took a step (a typed name) and when. */
export interface Signed {
  readonly by: string;
  readonly at: number;
}

export type TalkRecord = TalkNotes & Signed;

export interface OpinionRecord extends OpinionInput, Signed {
  /** Typed in the app, or read from a returned confirmation file (named). */
  readonly source: 'typed' | 'file';
  readonly file?: string;
}

/** An appeal is against one indicator or the total. */
export type AppealTarget = { readonly kind: 'total' } | { readonly kind: 'indicator'; readonly indicatorId: string };

export interface AppealResolution extends Signed {
  /** 维持申诉 (values changed) or 驳回 (rejected with a reason). */
  readonly outcome: 'upheld' | 'rejected';
  readonly reason: string;
  /** Values the resolution changed (upheld only; the change is in the audit log, linked by the appeal id). */
  readonly changed: number;
}

export interface AppealRecord extends Signed {
  readonly id: string;
  readonly target: AppealTarget;
  readonly reason: string;
  readonly resolution: AppealResolution | null;
}

export interface ClosedRecord extends Signed {
  readonly reason: string;
}

export interface ReviewState {
  readonly talk: TalkRecord | null;
  readonly opinion: OpinionRecord | null;
  readonly appeals: readonly AppealRecord[];
  /** 结案 without an appeal (有异议, and the deadline passed or HR settled it). */
  readonly closed: ClosedRecord | null;
}

export const EMPTY_REVIEW: ReviewState = { talk: null, opinion: null, appeals: [], closed: null };

export function openAppeals(state: ReviewState | undefined): AppealRecord[] {
  return (state?.appeals ?? []).filter((appeal) => appeal.resolution === null);
}

/**
 * Where a person is in the period. `scored` (the sheet has their result) decides between 待评分 and
 * 已评分 while nothing of the review is recorded.
 */
export function reviewStatus(state: ReviewState | undefined, scored: boolean): ReviewStatus {
  if (state) {
    if (openAppeals(state).length > 0) return 'appealing';
    if (state.appeals.length > 0 || state.closed) return 'closed';
    if (state.opinion) return state.opinion.agree ? 'confirmed' : 'disputed';
    if (state.talk) return 'talked';
  }
  return scored ? 'scored' : 'pending';
}

/** Why a step is refused (the page says it in words; the store throws it). */
export type ReviewRefusal =
  /** Not scored yet: nothing to talk about. */
  | 'notScored'
  /** The employee has given an opinion on these notes: they stay as they were. */
  | 'opinionGiven'
  /** An opinion needs the talk first. */
  | 'noTalk'
  /** Once appealed (or closed), the opinion stands. */
  | 'appealed'
  | 'closed'
  /** Only someone who disagreed (有异议) may appeal, or be closed without an appeal. */
  | 'notDisputed'
  | 'deadlinePassed'
  /** An appeal against the same indicator (or the total) is still open. */
  | 'duplicateAppeal'
  | 'appealOpen'
  | 'noSuchAppeal'
  | 'alreadyResolved'
  /** An upheld appeal changes at least one value. */
  | 'noChange'
  | 'reasonRequired'
  | 'nameRequired';

function sameTarget(a: AppealTarget, b: AppealTarget): boolean {
  return a.kind === b.kind && (a.kind === 'total' || a.indicatorId === (b as { indicatorId: string }).indicatorId);
}

export function talkRefusal(state: ReviewState | undefined): ReviewRefusal | null {
  const status = reviewStatus(state, true);
  if (status === 'closed') return 'closed';
  if (status === 'appealing') return 'appealOpen';
  if (state?.opinion) return 'opinionGiven';
  return null;
}

export function opinionRefusal(state: ReviewState | undefined): ReviewRefusal | null {
  if (!state?.talk) return 'noTalk';
  if (state.appeals.length > 0) return 'appealed';
  if (state.closed) return 'closed';
  return null;
}

/** `today` and `deadline` are 'YYYY-MM-DD' (local dates); the deadline day itself is still open. */
export function appealRefusal(state: ReviewState | undefined, target: AppealTarget, today: string, deadline: string): ReviewRefusal | null {
  const status = reviewStatus(state, true);
  if (status === 'closed') return 'closed';
  if (status !== 'disputed' && status !== 'appealing') return 'notDisputed';
  if (deadline !== '' && today > deadline) return 'deadlinePassed';
  if (openAppeals(state).some((appeal) => sameTarget(appeal.target, target))) return 'duplicateAppeal';
  return null;
}

export function resolveRefusal(state: ReviewState | undefined, appealId: string): ReviewRefusal | null {
  const appeal = state?.appeals.find((item) => item.id === appealId);
  if (!appeal) return 'noSuchAppeal';
  if (appeal.resolution) return 'alreadyResolved';
  return null;
}

export function closeRefusal(state: ReviewState | undefined): ReviewRefusal | null {
  const status = reviewStatus(state, true);
  if (status === 'appealing') return 'appealOpen';
  if (status === 'closed') return 'closed';
  if (status !== 'disputed') return 'notDisputed';
  return null;
}

/** Talk notes with every text trimmed and empty plan lines dropped. */
export function cleanTalk(notes: TalkNotes): TalkNotes {
  return {
    strengths: notes.strengths.trim(),
    improve: notes.improve.trim(),
    goals: notes.goals.trim(),
    plan: notes.plan.map((item) => ({ action: item.action.trim(), due: item.due.trim() })).filter((item) => item.action !== '' || item.due !== ''),
  };
}

/** 'YYYY-MM-DD' that is a real date. */
export function isDateText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** How an employee's answer may be written in a returned file: 同意 / 不同意 (and a few habits). */
export function parseAgreement(text: string): boolean | null {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (['同意', '确认', '认可', 'agree', 'yes', 'y', '是', '√', '✓'].includes(word)) return true;
  if (['不同意', '不认可', '有异议', '异议', 'disagree', 'no', 'n', '否', '×', '✗'].includes(word)) return false;
  return null;
}
