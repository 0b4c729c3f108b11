// The scoring bench's workload (issue 3): a generated 40-indicator template in three weighted
// sections — bands on percents, deductions over counts, levels, ratios, thresholds and one
// rank rule — and seeded inputs for any number of people. Same seed, same workload, everywhere.
import type { Band, Indicator, InputDef, LevelRow, Rule, Section, SheetEntry, SheetPerson, Template } from '../../src/scoring/index';
import { plausibleValue, seededRandom } from '../../src/scoring/samples';

export type EnteredValue = number | string;

export interface Workload {
  readonly template: Template;
  readonly people: readonly SheetPerson[];
  /** Entered values by input id, one per person (in `people` order). */
  readonly values: ReadonlyMap<string, readonly EnteredValue[]>;
}

type RuleKind = 'bands' | 'deduction' | 'levels' | 'ratio' | 'threshold' | 'rank';

/** 40 indicators: 14 + 8 + 6 + 6 + 5 + 1. */
const KIND_COUNTS: readonly (readonly [RuleKind, number])[] = [
  ['bands', 14],
  ['deduction', 8],
  ['levels', 6],
  ['ratio', 6],
  ['threshold', 5],
];

const SECTIONS: readonly { readonly id: string; readonly name: string; readonly weight: number; readonly size: number }[] = [
  { id: 'performance', name: '业绩', weight: 0.5, size: 16 },
  { id: 'service', name: '服务', weight: 0.3, size: 14 },
  { id: 'conduct', name: '行为', weight: 0.2, size: 10 },
];

const WORD_LEVELS: readonly string[] = ['优秀', '良好', '一般', '较差'];

interface Built {
  readonly indicator: Omit<Indicator, 'weight'>;
  readonly inputs: readonly InputDef[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `k` distinct percent edges between 75% and 105%, highest first. */
function bandEdges(random: () => number, k: number): number[] {
  const edges = new Set<number>();
  while (edges.size < k) edges.add(75 + Math.floor(random() * 31));
  return [...edges].sort((a, b) => b - a).map((edge) => edge / 100);
}

/** 3–5 bands, best first: [e1, ∞) → max, [e2, e1) → …, below the last edge → 0 (or `otherwise`). */
function bandsRule(random: () => number, input: string, max: number): Rule {
  const count = 3 + Math.floor(random() * 3);
  const edges = bandEdges(random, count - 1);
  // Some tables close the upper edge instead (90%以上 / 85%–90%含): (e1, ∞), (e2, e1], …
  const upperClosed = random() < 0.3;
  const bands: Band[] = [];
  for (let i = 0; i < count; i++) {
    const from = i < edges.length ? edges[i]! : null;
    const to = i === 0 ? null : edges[i - 1]!;
    const points = Math.round((max * (count - 1 - i)) / (count - 1));
    bands.push({ from, fromInclusive: !upperClosed, to, toInclusive: upperClosed, points, label: String.fromCharCode(65 + i) });
  }
  return { kind: 'bands', input, bands, otherwise: 0 };
}

function buildIndicator(kind: RuleKind, n: number, random: () => number): Built {
  const tag = String(n).padStart(2, '0');
  const id = `k${tag}`;
  const name = `指标${tag}`;
  const base = { id, name, quantitative: true } as const;
  switch (kind) {
    case 'bands': {
      const max = pick(random, [10, 15, 20]);
      const input: InputDef = { id: `rate${tag}`, name: `达成率${tag}`, type: 'percent', min: 0 };
      return { indicator: { ...base, max, rule: bandsRule(random, input.name, max) }, inputs: [input] };
    }
    case 'deduction': {
      const count = 1 + Math.floor(random() * 3);
      const inputs: InputDef[] = [];
      for (let i = 0; i < count; i++) inputs.push({ id: `count${tag}${'abc'[i]}`, name: `差错次数${tag}${'abc'[i]}`, type: 'count', min: 0 });
      const items = inputs.map((input) => ({ input: input.name, penalty: 1 + Math.floor(random() * 3) }));
      return { indicator: { ...base, max: 10, rule: { kind: 'deduction', items, floor: 0 } }, inputs };
    }
    case 'levels': {
      const words = random() < 0.5;
      const input: InputDef = words
        ? { id: `level${tag}`, name: `评级${tag}`, type: 'text', levels: WORD_LEVELS }
        : { id: `level${tag}`, name: `评级${tag}`, type: 'level', levels: [1, 2, 3, 4, 5] };
      const values = input.levels!;
      const max = 20;
      const levels: LevelRow[] = values.map((value, i) => ({ value, points: words ? max - i * 5 : ((i + 1) * max) / values.length }));
      return { indicator: { ...base, quantitative: false, max, rule: { kind: 'levels', input: input.name, levels } }, inputs: [input] };
    }
    case 'ratio': {
      const actual: InputDef = { id: `actual${tag}`, name: `实际${tag}`, type: 'number', min: 0, max: 100 };
      const byInput = random() < 0.5;
      const target: InputDef = { id: `target${tag}`, name: `目标${tag}`, type: 'number', min: 0, max: 100 };
      const direction = random() < 0.25 ? 'lower' : 'higher';
      const rule: Rule = { kind: 'ratio', actual: actual.name, target: byInput ? target.name : 90, direction, cap: random() < 0.5 ? 1 : 1.2 };
      return { indicator: { ...base, max: pick(random, [10, 20]), rule }, inputs: byInput ? [actual, target] : [actual] };
    }
    case 'threshold': {
      const onCount = random() < 0.4;
      const input: InputDef = onCount
        ? { id: `complaints${tag}`, name: `投诉次数${tag}`, type: 'count', min: 0 }
        : { id: `pass${tag}`, name: `合格率${tag}`, type: 'percent', min: 0 };
      const rule: Rule = onCount
        ? { kind: 'threshold', input: input.name, op: '<=', value: 1, pass: 5, fail: 0 }
        : { kind: 'threshold', input: input.name, op: '>=', value: 0.95, pass: 5, fail: 0 };
      return { indicator: { ...base, max: 5, rule }, inputs: [input] };
    }
    case 'rank': {
      // 接待量: top three of the team get 5/4/3, anyone below the team average 0 (a cohort rule).
      const input: InputDef = { id: `served${tag}`, name: `接待量${tag}`, type: 'number', min: 0, max: 1000 };
      const rule: Rule = { kind: 'rank', input: input.name, order: 'desc', points: [5, 4, 3], below: { reference: 'average', points: 0 } };
      return { indicator: { ...base, max: 5, rule }, inputs: [input] };
    }
  }
}

/** Integer percents summing to 100, roughly proportional to 1–3 shares each. */
function integerWeights(random: () => number, count: number): number[] {
  const shares = Array.from({ length: count }, () => 1 + random() * 2);
  const sum = shares.reduce((a, b) => a + b, 0);
  const weights = shares.map((share) => Math.max(1, Math.floor((share / sum) * 100)));
  let rest = 100 - weights.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) weights[i]! += 1;
  return weights;
}

export function scoringTemplate(seed = 3): Template {
  const random = seededRandom(seed);
  const kinds: RuleKind[] = shuffle(
    random,
    KIND_COUNTS.flatMap(([kind, count]) => Array.from({ length: count }, () => kind)),
  );
  // The rank rule sits in the first section so a cohort change reaches the total.
  kinds.splice(3, 0, 'rank');
  const inputs: InputDef[] = [];
  const sections: Section[] = [];
  let n = 0;
  for (const plan of SECTIONS) {
    const weights = integerWeights(random, plan.size);
    const indicators: Indicator[] = [];
    for (let i = 0; i < plan.size; i++) {
      n += 1;
      const built = buildIndicator(kinds[n - 1]!, n, random);
      inputs.push(...built.inputs);
      indicators.push({ ...built.indicator, weight: weights[i]! / 100 });
    }
    sections.push({ id: plan.id, name: plan.name, weight: plan.weight, combine: 'weighted', indicators });
  }
  return {
    id: 'bench.scoring',
    version: 1,
    name: '基准考核表',
    description: 'Generated for bench/scoring.bench.ts (issue 3).',
    periodKind: 'month',
    inputs,
    sections,
    total: { kind: 'weighted' },
    grades: [
      { label: '优秀', min: 90, minInclusive: true },
      { label: '良好', min: 80, minInclusive: true },
      { label: '合格', min: 60, minInclusive: true },
      { label: '不合格', min: null, minInclusive: true, failing: true },
    ],
    roles: [{ role: 'supervisor', weight: 1 }],
    rankTies: 'competition',
  };
}

export function scoringWorkload(peopleCount: number, seed = 3): Workload {
  const template = scoringTemplate(seed);
  const random = seededRandom(seed * 7919 + 1);
  const people: SheetPerson[] = Array.from({ length: peopleCount }, (_, i) => {
    const tag = String(i + 1).padStart(5, '0');
    return { id: `p${tag}`, name: `员工${tag}` };
  });
  const values = new Map<string, EnteredValue[]>();
  for (const input of template.inputs) values.set(input.id, []);
  for (let p = 0; p < peopleCount; p++) {
    for (const input of template.inputs) {
      const value = plausibleValue(input, random);
      if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`no sample value for ${input.name}`);
      values.get(input.id)!.push(value);
    }
  }
  return { template, people, values };
}

/** The first `count` people of a workload (for warm-ups on a smaller sheet). */
export function firstPeople(workload: Workload, count: number): Workload {
  const values = new Map<string, EnteredValue[]>();
  for (const [id, column] of workload.values) values.set(id, column.slice(0, count));
  return { template: workload.template, people: workload.people.slice(0, count), values };
}

/** Entries as the store hands them over: person by person, the supervisor's value of each input. */
export function entriesOf(workload: Workload): SheetEntry[] {
  const entries: SheetEntry[] = [];
  const columns = workload.template.inputs.map((input) => [input.id, workload.values.get(input.id)!] as const);
  workload.people.forEach((person, p) => {
    for (const [key, column] of columns) entries.push({ personId: person.id, key, role: 'supervisor', value: column[p]! });
  });
  return entries;
}
