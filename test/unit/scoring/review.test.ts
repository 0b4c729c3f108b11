// The review status through the period and the rule of each step.
import { describe, expect, it } from 'vitest';
import {
  appealRefusal,
  cleanTalk,
  closeRefusal,
  EMPTY_REVIEW,
  isDateText,
  opinionRefusal,
  parseAgreement,
  resolveRefusal,
  reviewStatus,
  talkRefusal,
  type AppealRecord,
  type ReviewState,
} from '../../../src/scoring/review';

const signed = { by: '赵经理', at: 1 };
const talk = { strengths: '响应快', improve: '', goals: '', plan: [], ...signed };
const talked: ReviewState = { ...EMPTY_REVIEW, talk };
const agreed: ReviewState = { ...talked, opinion: { agree: true, text: '', source: 'typed', ...signed } };
const disputed: ReviewState = { ...talked, opinion: { agree: false, text: '满意度数据有误', source: 'file', file: 'a.xlsx', ...signed } };
const appeal = (id: string, resolved = false): AppealRecord => ({
  id,
  target: { kind: 'indicator', indicatorId: 'satisfaction' },
  reason: '数据有误',
  ...signed,
  resolution: resolved ? { outcome: 'rejected', reason: '数据核实无误', changed: 0, ...signed } : null,
});
const appealing: ReviewState = { ...disputed, appeals: [appeal('a1')] };
const closed: ReviewState = { ...disputed, appeals: [appeal('a1', true)] };

describe('review status', () => {
  it('goes 待评分 → 已评分 → 已面谈 → 已确认 / 有异议 → 申诉中 → 已结案', () => {
    expect(reviewStatus(undefined, false)).toBe('pending');
    expect(reviewStatus(undefined, true)).toBe('scored');
    expect(reviewStatus(EMPTY_REVIEW, true)).toBe('scored');
    expect(reviewStatus(talked, true)).toBe('talked');
    expect(reviewStatus(agreed, true)).toBe('confirmed');
    expect(reviewStatus(disputed, true)).toBe('disputed');
    expect(reviewStatus(appealing, true)).toBe('appealing');
    expect(reviewStatus(closed, true)).toBe('closed');
    expect(reviewStatus({ ...disputed, closed: { reason: '申诉期已过', ...signed } }, true)).toBe('closed');
    // Still appealing while any appeal is open.
    expect(reviewStatus({ ...disputed, appeals: [appeal('a1', true), appeal('a2')] }, true)).toBe('appealing');
  });
});

describe('review steps', () => {
  it('talk notes can be written until the employee answers', () => {
    expect(talkRefusal(undefined)).toBeNull();
    expect(talkRefusal(talked)).toBeNull();
    expect(talkRefusal(agreed)).toBe('opinionGiven');
    expect(talkRefusal(appealing)).toBe('appealOpen');
    expect(talkRefusal(closed)).toBe('closed');
  });

  it('an opinion needs the talk first and stands once appealed or closed', () => {
    expect(opinionRefusal(undefined)).toBe('noTalk');
    expect(opinionRefusal(talked)).toBeNull();
    expect(opinionRefusal(disputed)).toBeNull(); // may still change their mind before appealing
    expect(opinionRefusal(appealing)).toBe('appealed');
    expect(opinionRefusal({ ...disputed, closed: { reason: 'x', ...signed } })).toBe('closed');
  });

  it('only a disputed result may be appealed, once per target at a time, up to the deadline day', () => {
    const total = { kind: 'total' } as const;
    const satisfaction = { kind: 'indicator', indicatorId: 'satisfaction' } as const;
    expect(appealRefusal(agreed, total, '2026-12-01', '')).toBe('notDisputed');
    expect(appealRefusal(talked, total, '2026-12-01', '')).toBe('notDisputed');
    expect(appealRefusal(disputed, total, '2026-12-10', '2026-12-10')).toBeNull();
    expect(appealRefusal(disputed, total, '2026-12-11', '2026-12-10')).toBe('deadlinePassed');
    expect(appealRefusal(appealing, satisfaction, '2026-12-01', '')).toBe('duplicateAppeal');
    expect(appealRefusal(appealing, total, '2026-12-01', '')).toBeNull();
    expect(appealRefusal(closed, total, '2026-12-01', '')).toBe('closed');
  });

  it('an appeal is resolved once; closing without an appeal is for a disputed result only', () => {
    expect(resolveRefusal(appealing, 'a1')).toBeNull();
    expect(resolveRefusal(appealing, 'nope')).toBe('noSuchAppeal');
    expect(resolveRefusal(closed, 'a1')).toBe('alreadyResolved');
    expect(closeRefusal(disputed)).toBeNull();
    expect(closeRefusal(agreed)).toBe('notDisputed');
    expect(closeRefusal(appealing)).toBe('appealOpen');
    expect(closeRefusal(closed)).toBe('closed');
  });
});

describe('helpers', () => {
  it('trims talk notes and drops empty plan lines', () => {
    expect(cleanTalk({ strengths: ' 快 ', improve: '', goals: ' 提升 ', plan: [{ action: ' 培训 ', due: '2026-12-31' }, { action: ' ', due: '' }] })).toEqual({
      strengths: '快',
      improve: '',
      goals: '提升',
      plan: [{ action: '培训', due: '2026-12-31' }],
    });
  });

  it('reads 同意 / 不同意 as written in Excel or WPS, and nothing else', () => {
    expect(parseAgreement('同意')).toBe(true);
    expect(parseAgreement(' 不同意 ')).toBe(false);
    expect(parseAgreement('Agree')).toBe(true);
    expect(parseAgreement('ＤＩＳＡＧＲＥＥ')).toBe(false);
    expect(parseAgreement('可以吧')).toBeNull();
    expect(parseAgreement('')).toBeNull();
  });

  it('knows a real date', () => {
    expect(isDateText('2026-12-31')).toBe(true);
    expect(isDateText('2026-02-30')).toBe(false);
    expect(isDateText('2026/12/31')).toBe(false);
  });
});
