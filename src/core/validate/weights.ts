/** "Normalise weights to 100": relative weights made into percentages that sum to exactly 100, as a quick fix. */
import type { NodePath } from '../source/path';
import { asRecord } from '../model/raw';
import type { Finding } from './finding';

/**
 * Integer weights proportional to `weights` that sum to 100 (largest remainder: the biggest fractions get the
 * rounding). Zero stays zero; null when every weight is zero.
 */
export function normalisedWeights(weights: readonly number[]): number[] | null {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0) return null;
  const exact = weights.map((w) => (100 * Math.max(0, w)) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = 100 - out.reduce((a, b) => a + b, 0);
  order.slice(0, missing).forEach(({ i }) => (out[i] = (out[i] ?? 0) + 1));
  return out;
}

/**
 * An info with the fix for a list of two or more weighted backends whose weights do not sum to 100 (weights are
 * relative, so this is only easier to read). `weightOf` gives an entry's weight as the resolver reads it.
 */
export function weightsNotHundred(refs: readonly unknown[], at: NodePath, weightOf: (ref: unknown) => number, code: string): Finding | null {
  if (refs.length < 2) return null;
  const weights = refs.map(weightOf);
  const sum = weights.reduce((a, b) => a + b, 0);
  const normal = normalisedWeights(weights);
  if (sum === 100 || !normal) return null;
  return {
    severity: 'info',
    code,
    path: at,
    message: `the weights sum to ${sum}, not 100: they are relative (a backend gets its weight / ${sum} of the traffic); normalised to 100 they are ${normal.join(' / ')}`,
    fix: { title: 'Normalise weights to 100', changes: normal.map((value, i) => ({ op: 'set' as const, path: [...at, i, 'weight'], value })) },
  };
}

/** Kuma's reading of a backendRef's weight: 1 when unset. */
export function kumaWeight(ref: unknown): number {
  const weight = asRecord(ref)?.weight;
  return typeof weight === 'number' ? weight : 1;
}
