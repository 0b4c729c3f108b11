// The studio preview's work after one keystroke, for 200 sample people, in Node: validate the
// edited template, build the sample input, score it, and describe the explanations the table
// shows. Baseline: scorePeriod alone on a ready input. (The browser figure, with rendering, is
// measured by test/browser/studio.spec.ts and printed there.)
import { customerMonthly } from '../src/scoring/builtins/index';
import { describeExplanation, scorePeriod, validateTemplate } from '../src/scoring/index';
import { updateIndicator } from '../src/scoring/edit';
import { sampleSheetInput, type SampleState } from '../src/ui/studio/samples';
import type { Template } from '../src/scoring/model';

const PEOPLE = 200;
const ROUNDS = 40;
const names = (person: number) => `样例${person + 1}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One keystroke in a band edge: a new template value, as the editor makes it. */
function edited(round: number): Template {
  const indicator = customerMonthly.sections[0]!.indicators[4]!;
  if (indicator.rule.kind !== 'bands') throw new Error('bands expected');
  const bands = indicator.rule.bands.map((band, i) => (i === 1 ? { ...band, from: 85 + (round % 4) } : band));
  return updateIndicator(customerMonthly, indicator.id, { rule: { ...indicator.rule, bands } });
}

export async function run(): Promise<void> {
  const state: SampleState = { count: PEOPLE, seed: 1, edits: {} };
  const ready = sampleSheetInput(customerMonthly, state, names);
  const baseline: number[] = [];
  const keystroke: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const template = edited(round);
    let start = performance.now();
    scorePeriod(template, ready);
    baseline.push(performance.now() - start);

    const next = edited(round + 1);
    start = performance.now();
    validateTemplate(next);
    const scored = scorePeriod(next, sampleSheetInput(next, state, names));
    const indicator = next.sections[0]!.indicators[4]!;
    for (const person of scored.people) describeExplanation(person.indicators[indicator.id]!.explanation, { locale: 'zh-CN', template: next, indicator });
    keystroke.push(performance.now() - start);
  }
  const base = median(baseline.slice(5));
  const full = median(keystroke.slice(5));
  console.log(`scorePeriod, ${PEOPLE} people (baseline): ${base.toFixed(2)} ms`);
  console.log(`keystroke → validate + sample input + score + explanations, ${PEOPLE} people: ${full.toFixed(2)} ms (${(full / base).toFixed(2)}× baseline)`);
}
