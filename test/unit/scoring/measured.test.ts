// The measured value printed beside the points: what happened, in a few characters.
import { describe, expect, it } from 'vitest';
import { measuredText } from '../../../src/scoring/measured';
import { scorePeriod } from '../../../src/scoring/score';
import { customerMonthly, waiter } from '../../../src/scoring/builtins/index';
import type { Explanation } from '../../../src/scoring/sheet-types';

function measured(template: typeof waiter, values: Record<string, number>, indicatorId: string, role?: 'self' | 'supervisor'): string {
  const entries = Object.entries(values).map(([key, value]) => ({ personId: 'p', key, role: role ?? ('supervisor' as const), value }));
  const result = scorePeriod(template, { people: [{ id: 'p', name: 'p' }], entries }).people[0]!;
  const indicator = template.sections.flatMap((s) => s.indicators).find((i) => i.id === indicatorId)!;
  let explanation: Explanation = result.indicators[indicatorId]!.explanation;
  if (explanation.kind === 'roles') explanation = explanation.parts.find((part) => part.role === (role ?? 'supervisor'))!.detail;
  return measuredText(explanation, indicator, template, 'zh-CN');
}

describe('measured values', () => {
  it('a band rate as a percent, a deduction by what was deducted for, a ratio as actual / target', () => {
    expect(measured(customerMonthly, { process_completion: 0.92 }, 'service_process')).toBe('92%');
    expect(measured(customerMonthly, { complaint_unresolved: 1, complaint_no_response: 0 }, 'complaints')).toBe('投诉3个工作日内未解决');
    expect(measured(customerMonthly, { complaint_unresolved: 0, satisfaction_score: 90 }, 'complaints')).toBe('无');
    expect(measured(waiter, { days_attended: 20, days_due: 22 }, 'attendance')).toBe('20 / 22');
  });

  it('points typed as they are need no measured value; a value that does not fit says so', () => {
    expect(measured(waiter, { attitude: 28 }, 'attitude')).toBe('');
    expect(measured(waiter, { outstanding: 7 }, 'outstanding')).toBe('7（无效）');
  });
});
