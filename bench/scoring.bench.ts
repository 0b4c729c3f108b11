// 10,000 people × 40 indicators (bands, deductions, levels, ratios, thresholds, one rank rule;
// weighted sections, grades, rank column). Kaohe's full evaluation and one-input change, against
// HyperFormula on the same formulas and a hand-written loop, in one run. Kaohe and HyperFormula
// get the same warm-up runs and the same number of timed runs; medians and their ratio are reported.
import { availableParallelism, loadavg } from 'node:os';
import type { Value } from '../src/formula/index';
import type { CompiledTemplate, Sheet, SheetEntry, SheetInput } from '../src/scoring/index';
import { bandContains, buildGraph, compileTemplate, createSheet, hasErrors, validateTemplate } from '../src/scoring/index';
import { handColumns, handColumnsFromEntries, handScores, type HandScores } from './lib/hand-loop';
import { buildHyperFormula, hyperFormulaLayout, hyperValue } from './lib/hyperformula-sheet';
import { collect, heapUsed, median, megabytes, ms, quantile, timeMedian, timeMedianBuild, timeOnce } from './lib/timing';
import { entriesOf, scoringWorkload, type EnteredValue, type Workload } from './lib/workload';

const PEOPLE = 10_000;
/**
 * Untimed warm-up runs, then timed runs, of the full evaluation: the same for Kaohe and for
 * HyperFormula (each also builds one untimed sheet first, for its heap and its results). The hand
 * loop gets more timed runs, it is fast.
 */
const WARMUPS = 2;
const FULL_RUNS = 7;
const LOOP_RUNS = 15;
/** Timed one-input changes of each kind, after WARM_CHANGES untimed ones. */
const CHANGES = 200;
const WARM_CHANGES = 50;
/** People whose HyperFormula results are compared with Kaohe's (every n-th). */
const HF_SAMPLE_EVERY = 20;

const TARGET_VS_HF = 3;
const TARGET_VS_LOOP = 3;
const TARGET_CHANGE_MS = 5;

const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
const ratio = (value: number) => `${value.toFixed(value >= 10 ? 0 : 1)}×`;

function numberColumn(sheet: Sheet, slot: number): Float64Array {
  return Float64Array.from(sheet.columns[slot]!, (value) => (typeof value === 'number' ? value : Number.NaN));
}

/** Rows where two sheets (or a sheet and the hand loop) disagree on total, grade or rank. */
function differences(compiled: CompiledTemplate, sheet: Sheet, other: { totals: Float64Array; grades: readonly (string | null)[]; ranks: ArrayLike<number> }): number[] {
  const totals = numberColumn(sheet, compiled.totalSlot);
  const grades = sheet.columns[compiled.gradeSlot]!;
  const ranks = sheet.columns[compiled.rankSlot]!;
  const rows: number[] = [];
  for (let row = 0; row < totals.length; row++) {
    const sameTotal = Math.abs(totals[row]! - other.totals[row]!) <= 1e-9;
    if (!sameTotal || grades[row] !== other.grades[row] || ranks[row] !== other.ranks[row]) rows.push(row);
  }
  return rows;
}

function scoresOfSheet(compiled: CompiledTemplate, sheet: Sheet) {
  return {
    totals: numberColumn(sheet, compiled.totalSlot),
    grades: sheet.columns[compiled.gradeSlot]!.map((value) => (typeof value === 'string' ? value : null)),
    ranks: sheet.columns[compiled.rankSlot]!.map((value) => (typeof value === 'number' ? value : Number.NaN)),
  };
}

function scoresOfLoop(workload: Workload, loop: HandScores) {
  return { totals: loop.totals, grades: Array.from(loop.grades, (index) => workload.template.grades[index]?.label ?? null), ranks: loop.ranks };
}

interface Change {
  readonly entry: SheetEntry;
  readonly row: number;
  /** Slot whose value must differ after the change (the indicator's score). */
  readonly watch: number;
}

/** Percent values an entry could hold (0.70 … 1.10), as plausibleValue writes them. */
const PERCENTS = Array.from({ length: 41 }, (_, i) => Number((0.7 + i * 0.01).toFixed(6)));

/** Changes of one band input of one person each, each moving the person into another band. */
function bandChanges(workload: Workload, compiled: CompiledTemplate, values: Map<string, EnteredValue[]>, count: number, offset: number): Change[] {
  const plans = compiled.indicators.filter((plan) => plan.indicator.rule.kind === 'bands');
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const plan = plans[i % plans.length]!;
    const rule = plan.indicator.rule;
    if (rule.kind !== 'bands') continue;
    const input = workload.template.inputs.find((candidate) => candidate.name === rule.input)!;
    const row = ((i + offset) * 7919 + 13) % workload.people.length;
    const current = values.get(input.id)![row] as number;
    const pointsOf = (value: number) => rule.bands.find((band) => bandContains(band, value))?.points ?? rule.otherwise;
    const start = (i * 17) % PERCENTS.length;
    let next: number | undefined;
    for (let k = 0; k < PERCENTS.length && next === undefined; k++) {
      const candidate = PERCENTS[(start + k) % PERCENTS.length]!;
      if (pointsOf(candidate) !== pointsOf(current)) next = candidate;
    }
    if (next === undefined) throw new Error(`no other band for ${rule.input}`);
    values.get(input.id)![row] = next;
    changes.push({ entry: { personId: workload.people[row]!.id, key: input.id, role: 'supervisor', value: next }, row, watch: plan.finalSlot });
  }
  return changes;
}

/** Changes of the rank rule's input (接待量): a cohort column, so its rule recomputes for everyone. */
function rankInputChanges(workload: Workload, compiled: CompiledTemplate, values: Map<string, EnteredValue[]>, count: number, offset: number): Change[] {
  const plan = compiled.indicators.find((candidate) => candidate.indicator.rule.kind === 'rank')!;
  const rule = plan.indicator.rule;
  if (rule.kind !== 'rank') throw new Error('no rank rule');
  const input = workload.template.inputs.find((candidate) => candidate.name === rule.input)!;
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const row = ((i + offset) * 4391 + 7) % workload.people.length;
    const current = values.get(input.id)![row] as number;
    // Alternate between a top value (changes rank points for the top three) and a shuffle, both
    // within the input's 0–1000: a value above it would not fit, and so not score.
    const next = i % 2 === 0 ? 1000 - ((i + offset) % 5) : 600 + ((current - 600 + 137) % 401);
    values.get(input.id)![row] = next;
    changes.push({ entry: { personId: workload.people[row]!.id, key: input.id, role: 'supervisor', value: next }, row, watch: -1 });
  }
  return changes;
}

/** Applies changes one at a time; milliseconds per change. Band changes must change the score. */
function timeChanges(sheet: Sheet, changes: readonly Change[]): number[] {
  const samples: number[] = [];
  for (const change of changes) {
    const before: Value = change.watch >= 0 ? (sheet.columns[change.watch]![change.row] ?? null) : null;
    samples.push(timeOnce(() => sheet.set(change.entry)));
    if (change.watch >= 0 && sheet.columns[change.watch]![change.row] === before) {
      throw new Error(`changing ${change.entry.key} of ${change.entry.personId} did not change the band`);
    }
  }
  return samples;
}

function copyValues(workload: Workload): Map<string, EnteredValue[]> {
  return new Map([...workload.values].map(([id, column]) => [id, [...column]]));
}

/** RANK.EQ over raw doubles (what HyperFormula computes), for telling noise ties from errors. */
function rawRanks(totals: Float64Array): Int32Array {
  const sorted = Float64Array.from(totals).sort();
  return Int32Array.from(totals, (total) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! <= total) low = middle + 1;
      else high = middle;
    }
    return sorted.length - low + 1;
  });
}

export async function run(): Promise<void> {
  const benchStart = performance.now();
  const workload = scoringWorkload(PEOPLE);
  const { template } = workload;
  const problems = validateTemplate(template);
  if (hasErrors(problems)) throw new Error(`generated template is invalid: ${JSON.stringify(problems)}`);
  const entries = entriesOf(workload);
  const input: SheetInput = { people: workload.people, entries };
  const indicators = template.sections.flatMap((section) => section.indicators);
  const kinds = new Map<string, number>();
  for (const indicator of indicators) kinds.set(indicator.rule.kind, (kinds.get(indicator.rule.kind) ?? 0) + 1);
  const bandCounts = indicators.flatMap((indicator) => (indicator.rule.kind === 'bands' ? [indicator.rule.bands.length] : []));
  // Other checkouts share the machine: a load above the CPU count inflates every figure below.
  console.log(`machine: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(
    `workload: ${PEOPLE} people × ${indicators.length} indicators (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}; ` +
      `${Math.min(...bandCounts)}–${Math.max(...bandCounts)} bands) in ${template.sections.length} weighted sections, ` +
      `${template.inputs.length} inputs, ${entries.length} entries, ${template.grades.length} grades, rank column`,
  );

  // Kaohe: compile once (timed apart), then the full evaluation from the entry list.
  const compileTime = timeMedian(() => void buildGraph(template), FULL_RUNS).median;
  const compiled = compileTemplate(template);
  if (compiled.unknownNames.size > 0 || compiled.cells.some((cell) => cell.fault)) throw new Error('template compiles with unknown names or faults');
  // Heap first, before any other sheet exists: compiled formulas cache per-pass values (a TEAM
  // column among them) and so keep the last evaluated sheet's columns alive.
  const heapBefore = heapUsed();
  const sheet = createSheet(compiled, input);
  const heapAfter = heapUsed();
  const full = timeMedian(() => void createSheet(compiled, input), FULL_RUNS, WARMUPS);
  // Every sheet of the timing runs is garbage now. Compiled formulas hold sheet columns through
  // WeakRefs, which keep their targets until the current job ends: measure after a turn.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const retained = heapUsed() - heapAfter;
  console.log(`kaohe compile: ${ms(compileTime)} (${compiled.cells.length} cells, median of ${FULL_RUNS})`);
  console.log(
    `kaohe full evaluation: ${ms(full.median)} (median of ${FULL_RUNS}; min ${ms(Math.min(...full.samples))}, max ${ms(Math.max(...full.samples))})`,
  );
  console.log(
    `kaohe heap: ${megabytes(heapBefore)} before the sheet (template, ${entries.length} entries), ${megabytes(heapAfter)} after (+${megabytes(heapAfter - heapBefore)}); ` +
      `+${megabytes(retained)} still held after ${WARMUPS + FULL_RUNS} more sheets were built and dropped`,
  );

  // Evaluation alone: every computed column again from the values already in the sheet.
  const recalc = timeMedian(() => sheet.recalculate(), FULL_RUNS);
  console.log(`kaohe evaluation alone (sheet.recalculate, no entry loading): ${ms(recalc.median)} (median of ${FULL_RUNS})`);

  const kaohe = scoresOfSheet(compiled, sheet);

  // Hand-written loop over typed arrays (loaded outside the timing), checked against Kaohe.
  const columns = handColumns(workload);
  const loop = timeMedian(() => void handScores(template, columns), LOOP_RUNS, 3);
  const loopWithLoad = timeMedian(() => void handScores(template, handColumnsFromEntries(template, workload.people, entries)), FULL_RUNS);
  const loopScores = handScores(template, columns);
  const loopDiff = differences(compiled, sheet, scoresOfLoop(workload, loopScores));
  console.log(
    `hand loop: ${ms(loop.median)} from typed arrays (median of ${LOOP_RUNS}); ${ms(loopWithLoad.median)} including loading them from the ${entries.length} entries; ` +
      `totals, grades and ranks equal Kaohe's for ${PEOPLE - loopDiff.length}/${PEOPLE} people`,
  );
  if (loopDiff.length > 0) throw new Error(`hand loop differs from Kaohe at rows ${loopDiff.slice(0, 5).join(', ')}`);

  // One-input changes on the live sheet; the values are mirrored to rebuild a fresh sheet after.
  const values = copyValues(workload);
  timeChanges(sheet, bandChanges(workload, compiled, values, WARM_CHANGES, 100_000));
  collect();
  const bandSamples = timeChanges(sheet, bandChanges(workload, compiled, values, CHANGES, 0));
  timeChanges(sheet, rankInputChanges(workload, compiled, values, WARM_CHANGES / 5, 100_000));
  collect();
  const rankSamples = timeChanges(sheet, rankInputChanges(workload, compiled, values, CHANGES, 0));
  const oneInput = median(bandSamples);
  const rankInput = median(rankSamples);
  const fresh = createSheet(compiled, { people: workload.people, entries: entriesOf({ ...workload, values }) });
  const changeDiff = differences(compiled, sheet, scoresOfSheet(compiled, fresh));
  console.log(
    `one input (band change): median ${ms(oneInput)}, p95 ${ms(quantile(bandSamples, 0.95))}, max ${ms(Math.max(...bandSamples))} over ${CHANGES} changes`,
  );
  console.log(
    `rank-rule input (cohort recompute): median ${ms(rankInput)}, p95 ${ms(quantile(rankSamples, 0.95))}, max ${ms(Math.max(...rankSamples))} over ${CHANGES} changes`,
  );
  console.log(`after ${WARM_CHANGES + CHANGES + WARM_CHANGES / 5 + CHANGES} changes the live sheet equals a fresh one for ${PEOPLE - changeDiff.length}/${PEOPLE} people`);
  if (changeDiff.length > 0) throw new Error(`incremental sheet differs from a fresh one at rows ${changeDiff.slice(0, 5).join(', ')}`);

  // HyperFormula: the same formulas printed as Excel, on the full sheet. As for Kaohe: one untimed
  // build kept for the heap and the check, then WARMUPS untimed and FULL_RUNS timed builds (each
  // instance destroyed, untimed, before the next).
  collect();
  let layout: ReturnType<typeof hyperFormulaLayout> | undefined;
  const layoutTime = timeOnce(() => void (layout = hyperFormulaLayout(compiled, workload)));
  if (!layout) throw new Error('no layout');
  const hfHeapBefore = heapUsed();
  const hf = buildHyperFormula(layout);
  const hfHeapAfter = heapUsed();
  let sampled = 0;
  let totalMismatches = 0;
  let gradeMismatches = 0;
  let rankVsRaw = 0;
  let rankVsKaohe = 0;
  const raw = rawRanks(kaohe.totals);
  for (let row = 0; row < PEOPLE; row += HF_SAMPLE_EVERY) {
    sampled += 1;
    const total = hyperValue(hf, layout, compiled.totalSlot, row);
    if (typeof total !== 'number' || Math.abs(total - kaohe.totals[row]!) > 1e-9) totalMismatches += 1;
    if (hyperValue(hf, layout, compiled.gradeSlot, row) !== kaohe.grades[row]) gradeMismatches += 1;
    const rank = hyperValue(hf, layout, compiled.rankSlot, row);
    if (rank !== raw[row]) rankVsRaw += 1;
    if (rank !== kaohe.ranks[row]) rankVsKaohe += 1;
  }
  // Ties that exist only at 15 significant digits (Kaohe rounds totals to Excel's precision before ranking).
  const noiseTies = kaohe.ranks.filter((rank, row) => rank !== raw[row]).length;
  hf.destroy();
  collect();
  const hfFull = timeMedianBuild(() => buildHyperFormula(layout!), (built) => built.destroy(), FULL_RUNS, WARMUPS);
  const hfTime = hfFull.median;
  console.log(
    `hyperformula: ${ms(hfTime)} build + evaluation (median of ${FULL_RUNS} after ${WARMUPS} warm-ups, as Kaohe; min ${ms(Math.min(...hfFull.samples))}, ` +
      `max ${ms(Math.max(...hfFull.samples))}; ${layout.rows[0]!.length} columns × ${PEOPLE} rows; ` +
      `printing the formulas took ${ms(layoutTime)} more, not counted); heap +${megabytes(hfHeapAfter - hfHeapBefore)}`,
  );
  for (const substitution of layout.substitutions) console.log(`  hyperformula substitution: ${substitution}`);
  console.log(`  e.g. rank column: ${layout.sampleFormulas.get(compiled.cells[compiled.rankSlot]!.name)}`);
  console.log(
    `  check on ${sampled} people (every ${HF_SAMPLE_EVERY}th): totals equal Kaohe's within 1e-9 for ${sampled - totalMismatches}, grades for ${sampled - gradeMismatches}, ` +
      `ranks equal RANK.EQ on raw doubles for ${sampled - rankVsRaw} and Kaohe's rank for ${sampled - rankVsKaohe} ` +
      `(Kaohe ranks totals at 15 significant digits; ${noiseTies}/${PEOPLE} people sit in a tie that exists only there)`,
  );
  if (totalMismatches > 0 || gradeMismatches > 0 || rankVsRaw > 0) throw new Error('HyperFormula disagrees with Kaohe');

  const vsHf = hfTime / full.median;
  // Like for like: entries → scores for both, and evaluation alone against the typed-array loop.
  const vsLoopFromEntries = full.median / loopWithLoad.median;
  const vsLoop = recalc.median / loop.median;
  console.log(
    `kaohe full ${PEOPLE}×${indicators.length}: ${ms(full.median)} | hyperformula: ${ms(hfTime)} (${ratio(vsHf)}; both medians of ${FULL_RUNS} after ${WARMUPS} warm-ups) | hand loop: ${ms(loop.median)} ` +
      `(from entries: kaohe ${ms(full.median)} / loop ${ms(loopWithLoad.median)} = ${ratio(vsLoopFromEntries)}; evaluation alone: ${ms(recalc.median)} / ${ms(loop.median)} = ${ratio(vsLoop)}) | one input: ${ms(oneInput)}, rank input: ${ms(rankInput)}`,
  );
  console.log(`${verdict(vsHf >= TARGET_VS_HF)} full evaluation ≥ ${TARGET_VS_HF}× faster than HyperFormula: ${ratio(vsHf)}`);
  console.log(`${verdict(vsLoopFromEntries <= TARGET_VS_LOOP)} full evaluation from entries within ${TARGET_VS_LOOP}× of the hand loop from entries: ${ratio(vsLoopFromEntries)}`);
  console.log(`${verdict(vsLoop <= TARGET_VS_LOOP)} evaluation alone within ${TARGET_VS_LOOP}× of the hand loop over typed arrays: ${ratio(vsLoop)}`);
  console.log(`${verdict(oneInput < TARGET_CHANGE_MS)} one-input change under ${TARGET_CHANGE_MS} ms: ${ms(oneInput)}`);
  console.log(`${verdict(rankInput < TARGET_CHANGE_MS)} rank-rule input change under ${TARGET_CHANGE_MS} ms: ${ms(rankInput)}`);
  console.log(`(bench took ${((performance.now() - benchStart) / 1000).toFixed(1)} s; load average now ${loadavg()[0]!.toFixed(1)})`);
}
