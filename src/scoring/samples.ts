// Plausible sample values for inputs: the example workspace and the studio's "fill with random
// values" both use them. Deterministic: the caller passes the random source.
import type { InputDef } from './model';

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function between(random: () => number, low: number, high: number, step: number): number {
  const steps = Math.round((high - low) / step);
  const value = low + Math.floor(random() * (steps + 1)) * step;
  return Number(value.toFixed(6));
}

/** A value a real person might have entered for this input, or null for derived inputs. */
export function plausibleValue(input: InputDef, random: () => number): number | string | boolean | null {
  if (input.formula) return null;
  if (input.levels && input.levels.length > 0) {
    // Skew towards the upper levels, as real ratings are.
    const index = Math.min(input.levels.length - 1, Math.floor(Math.sqrt(random()) * input.levels.length));
    return input.levels[index] ?? null;
  }
  const min = input.min ?? 0;
  // Most people do reasonably well: values cluster near the top of the range, a few lag.
  const nearTop = () => random() ** 2;
  switch (input.type) {
    case 'percent': {
      const high = Math.min(input.max ?? 1.05, 1.05);
      const low = Math.max(min, 0.75);
      return Number((high - (high - low) * nearTop()).toFixed(2));
    }
    case 'count':
      return random() < 0.7 ? 0 : between(random, min, Math.min(input.max ?? 3, 3), 1);
    case 'boolean':
      return random() < 0.88 ? 0 : 1;
    case 'level':
      return between(random, input.min ?? 1, input.max ?? 5, 1);
    case 'text':
      return null;
    case 'number': {
      const max = input.max ?? 100;
      const span = (max - min) * 0.4;
      const step = max - min > 20 ? 1 : 0.5;
      return Math.round((max - span * nearTop()) / step) * step;
    }
  }
}
