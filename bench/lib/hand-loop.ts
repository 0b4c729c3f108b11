// The baseline a programmer would write by hand: the workload's scores computed column by
// column over typed arrays, one tight loop per rule kind, no formula engine. Same semantics as
// the template's formulas (first band that contains the value, MAX(floor, start − Σ), CLAMP,
// RANK.EQ with ties sharing the best rank), so its totals must equal Kaohe's.
import type { Band, ComparisonOp, Indicator, SheetEntry, SheetPerson, Template } from '../../src/scoring/index';
import { gradeFor, toExcelPrecision } from '../../src/scoring/index';
import type { Workload } from './workload';

/** Inputs as typed arrays: numbers as they are, levels as the index of the rule's level row. */
export interface HandColumns {
  readonly size: number;
  readonly numbers: ReadonlyMap<string, Float64Array>;
  readonly levels: ReadonlyMap<string, Int32Array>;
}

export interface HandScores {
  readonly indicators: Float64Array[];
  readonly sections: Float64Array[];
  readonly totals: Float64Array;
  /** Index into `template.grades`. */
  readonly grades: Int8Array;
  readonly ranks: Int32Array;
}

function inputId(template: Template, name: string): string {
  const input = template.inputs.find((candidate) => candidate.name === name);
  if (!input) throw new Error(`no input named ${name}`);
  return input.id;
}

/** Loads the workload's values into typed arrays (the hand loop's starting point). */
export function handColumns(workload: Workload): HandColumns {
  const { template } = workload;
  const size = workload.people.length;
  const numbers = new Map<string, Float64Array>();
  const levels = new Map<string, Int32Array>();
  const levelRows = new Map<string, readonly (number | string)[]>();
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      if (indicator.rule.kind === 'levels') levelRows.set(inputId(template, indicator.rule.input), indicator.rule.levels.map((row) => row.value));
    }
  }
  for (const input of template.inputs) {
    const values = workload.values.get(input.id)!;
    const rows = levelRows.get(input.id);
    if (rows) {
      levels.set(input.id, Int32Array.from(values, (value) => rows.indexOf(value)));
    } else {
      numbers.set(input.id, Float64Array.from(values, (value) => (typeof value === 'number' ? value : Number.NaN)));
    }
  }
  return { size, numbers, levels };
}

/**
 * The same typed arrays loaded from the store's entry list (what Kaohe's createSheet starts
 * from): a person → row map and one array per input, filled entry by entry.
 */
export function handColumnsFromEntries(template: Template, people: readonly SheetPerson[], entries: readonly SheetEntry[]): HandColumns {
  const size = people.length;
  const rowOf = new Map(people.map((person, row) => [person.id, row]));
  const levelRows = new Map<string, readonly (number | string)[]>();
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      if (indicator.rule.kind === 'levels') levelRows.set(inputId(template, indicator.rule.input), indicator.rule.levels.map((row) => row.value));
    }
  }
  const numbers = new Map<string, Float64Array>();
  const levels = new Map<string, Int32Array>();
  for (const input of template.inputs) {
    if (levelRows.has(input.id)) levels.set(input.id, new Int32Array(size).fill(-1));
    else numbers.set(input.id, new Float64Array(size));
  }
  for (const entry of entries) {
    const row = rowOf.get(entry.personId);
    if (row === undefined) continue;
    const number = numbers.get(entry.key);
    if (number) {
      number[row] = typeof entry.value === 'number' ? entry.value : Number.NaN;
      continue;
    }
    const level = levels.get(entry.key);
    if (level && entry.value !== null && typeof entry.value !== 'boolean') level[row] = levelRows.get(entry.key)!.indexOf(entry.value);
  }
  return { size, numbers, levels };
}

function bandsColumn(x: Float64Array, bands: readonly Band[], otherwise: number, out: Float64Array): void {
  const count = bands.length;
  const from = Float64Array.from(bands, (band) => band.from ?? Number.NEGATIVE_INFINITY);
  const to = Float64Array.from(bands, (band) => band.to ?? Number.POSITIVE_INFINITY);
  const fromInclusive = bands.map((band) => band.fromInclusive || band.from === null);
  const toInclusive = bands.map((band) => band.toInclusive || band.to === null);
  const points = Float64Array.from(bands, (band) => band.points);
  for (let row = 0; row < x.length; row++) {
    const value = x[row]!;
    let score = otherwise;
    for (let b = 0; b < count; b++) {
      const low = from[b]!;
      const high = to[b]!;
      if ((fromInclusive[b] ? value >= low : value > low) && (toInclusive[b] ? value <= high : value < high)) {
        score = points[b]!;
        break;
      }
    }
    out[row] = score;
  }
}

function passes(value: number, op: ComparisonOp, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '=':
      return value === threshold;
    case '<>':
      return value !== threshold;
  }
}

/** Ranks 1 = largest with ties sharing the best rank (RANK.EQ order 0) by binary search. */
function countAbove(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return sorted.length - low;
}

function indicatorColumn(template: Template, indicator: Indicator, columns: HandColumns, out: Float64Array): void {
  const rule = indicator.rule;
  const number = (name: string) => columns.numbers.get(inputId(template, name))!;
  const size = columns.size;
  switch (rule.kind) {
    case 'bands':
      return bandsColumn(number(rule.input), rule.bands, rule.otherwise ?? Number.NaN, out);
    case 'deduction': {
      const start = rule.start ?? indicator.max;
      const floor = rule.floor ?? 0;
      const counts = rule.items.map((item) => number(item.input));
      const penalties = rule.items.map((item) => item.penalty);
      for (let row = 0; row < size; row++) {
        let points = start;
        for (let i = 0; i < counts.length; i++) points -= penalties[i]! * counts[i]![row]!;
        out[row] = points > floor ? points : floor;
      }
      return;
    }
    case 'levels': {
      const level = columns.levels.get(inputId(template, rule.input))!;
      const points = Float64Array.from(rule.levels, (row) => row.points);
      for (let row = 0; row < size; row++) out[row] = level[row]! < 0 ? Number.NaN : points[level[row]!]!;
      return;
    }
    case 'ratio': {
      const actual = number(rule.actual);
      const target = typeof rule.target === 'number' ? undefined : number(rule.target);
      const constant = typeof rule.target === 'number' ? rule.target : 0;
      const cap = rule.cap ?? 1;
      for (let row = 0; row < size; row++) {
        const goal = target ? target[row]! : constant;
        const ratio = rule.direction === 'higher' ? actual[row]! / goal : goal / actual[row]!;
        out[row] = Math.min(Math.max(ratio, 0), cap) * indicator.max;
      }
      return;
    }
    case 'threshold': {
      const x = number(rule.input);
      for (let row = 0; row < size; row++) out[row] = passes(x[row]!, rule.op, rule.value) ? rule.pass : rule.fail;
      return;
    }
    case 'rank': {
      const x = number(rule.input);
      const sorted = Float64Array.from(x).sort();
      let sum = 0;
      for (let row = 0; row < size; row++) sum += x[row]!;
      const reference = rule.below?.reference === 'average' ? sum / size : (rule.below?.reference ?? Number.NaN);
      for (let row = 0; row < size; row++) {
        const value = x[row]!;
        const worse = rule.order === 'desc' ? value < reference : value > reference;
        if (rule.below && worse) {
          out[row] = rule.below.points;
          continue;
        }
        const rank = rule.order === 'desc' ? countAbove(sorted, value) + 1 : countBelow(sorted, value) + 1;
        out[row] = rank <= rule.points.length ? rule.points[rank - 1]! : 0;
      }
      return;
    }
    default:
      throw new Error(`the hand loop does not score ${rule.kind} rules`);
  }
}

/** Ranks 1 = smallest (RANK.EQ order 1). */
function countBelow(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Every score of the workload's template, the way a hand-written scorer would compute it. */
export function handScores(template: Template, columns: HandColumns): HandScores {
  const size = columns.size;
  const indicators: Float64Array[] = [];
  const sections: Float64Array[] = [];
  const totals = new Float64Array(size);
  for (const section of template.sections) {
    if (section.combine !== 'weighted') throw new Error('the hand loop knows weighted sections only');
    const sectionScores = new Float64Array(size);
    for (const indicator of section.indicators) {
      const scores = new Float64Array(size);
      indicatorColumn(template, indicator, columns, scores);
      indicators.push(scores);
      // Σ score / max × weight%, in the section formula's order.
      const factor = Number(((indicator.weight ?? 0) * 100).toPrecision(12));
      const max = indicator.max;
      for (let row = 0; row < size; row++) sectionScores[row] = sectionScores[row]! + (scores[row]! / max) * factor;
    }
    sections.push(sectionScores);
    const weight = section.weight ?? 0;
    for (let row = 0; row < size; row++) totals[row] = totals[row]! + sectionScores[row]! * weight;
  }
  const grades = new Int8Array(size);
  for (let row = 0; row < size; row++) {
    const band = gradeFor(totals[row]!, template.grades);
    grades[row] = band ? template.grades.indexOf(band) : -1;
  }
  return { indicators, sections, totals, grades, ranks: competitionRanks(totals) };
}

/** 1 = highest total; equal totals (at 15 significant digits) share the best rank. */
function competitionRanks(totals: Float64Array): Int32Array {
  const size = totals.length;
  const rounded = Float64Array.from(totals, toExcelPrecision);
  const order = Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => rounded[b]! - rounded[a]!);
  const ranks = new Int32Array(size);
  let rank = 0;
  for (let position = 0; position < size; position++) {
    const row = order[position]!;
    if (position === 0 || rounded[row] !== rounded[order[position - 1]!]) rank = position + 1;
    ranks[row] = rank;
  }
  return ranks;
}
