// Small timing helpers for the benches: wall-clock with performance.now(), medians, heap.

/** Runs a full collection when node was started with --expose-gc (npm run bench does). */
export function collect(): void {
  globalThis.gc?.();
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value at quantile q (0..1) of the samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Milliseconds one call takes. */
export function timeOnce(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Median milliseconds of `runs` calls after `warmups` untimed ones, with a collection before
 * each call so one run's garbage is not billed to the next.
 */
export function timeMedian(work: () => void, runs: number, warmups = 2): { median: number; samples: number[] } {
  for (let i = 0; i < warmups; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    samples.push(timeOnce(work));
  }
  return { median: median(samples), samples };
}

/**
 * As timeMedian, for work that builds something to be released after each call (a HyperFormula
 * instance, destroyed): the release is not timed.
 */
export function timeMedianBuild<T>(build: () => T, release: (built: T) => void, runs: number, warmups = 2): { median: number; samples: number[] } {
  for (let i = 0; i < warmups; i++) release(build());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    let built: T | undefined;
    samples.push(timeOnce(() => void (built = build())));
    release(built as T);
  }
  return { median: median(samples), samples };
}

/** `38.2 ms`, `0.084 ms`, `2140 ms`: three significant digits at most, no exponent. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return `${value} ms`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function heapUsed(): number {
  collect();
  return process.memoryUsage().heapUsed;
}
