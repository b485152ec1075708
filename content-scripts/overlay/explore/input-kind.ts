// Which "try your own input" controls a model gets, from its input spec alone (pure): a picture for
// [batch, H, W, 1|3|4], a slider per feature for [batch, n], typed text for one-hot sequences [batch, steps, vocab],
// otherwise a reason in words.

import type { ModelGraph } from '../../../model/model-graph';

export type InputKind =
  | { kind: 'image'; height: number | null; width: number | null; channels: number; int32: boolean }
  | { kind: 'vector'; features: number }
  | { kind: 'sequence'; steps: number | null; vocab: number }
  | { kind: 'none'; reason: string };

/** Most sliders shown for a vector input (a wider vector is not a thing to explore feature by feature). */
export const MAX_FEATURES = 64;

const free = (d: number | null | undefined): boolean => d === null || d === undefined || d < 1;

export function inputKind(graph: Pick<ModelGraph, 'inputs'>): InputKind {
  if (graph.inputs.length !== 1)
    return {
      kind: 'none',
      reason: `this model takes ${graph.inputs.length} inputs; trying your own input needs a model with exactly one`,
    };
  const input = graph.inputs[0]!;
  const shape = input.shape;
  if (!shape) return { kind: 'none', reason: 'the model does not say the shape of its input' };
  const dims = shape.map((d) => (free(d) ? null : (d as number)));
  if (dims.length === 4) {
    const c = dims[3] ?? 3;
    if (c === 1 || c === 3 || c === 4)
      return {
        kind: 'image',
        height: dims[1]!,
        width: dims[2]!,
        channels: c,
        int32: input.dtype === 'int32',
      };
  }
  const last = dims[dims.length - 1] ?? null;
  if (dims.length === 2 && last !== null) {
    if (last <= MAX_FEATURES) return { kind: 'vector', features: last };
    return {
      kind: 'none',
      reason: `its input has ${last} features; sliders are offered for at most ${MAX_FEATURES}`,
    };
  }
  if (dims.length === 3 && last !== null && last > 1)
    return { kind: 'sequence', steps: dims[1] ?? null, vocab: last };
  return {
    kind: 'none',
    reason: `no controls for an input of shape [${shape.map((d) => d ?? '?').join(', ')}]`,
  };
}

/** How picture pixels map to input values: (pixel / 255 − mean) / std. */
export interface InputScale {
  mean: number[];
  std: number[];
  /** In words, for the control that shows it. */
  label: string;
}

export const SCALES: readonly InputScale[] = [
  { mean: [0], std: [1], label: '0 … 1' },
  { mean: [0.5], std: [0.5], label: '−1 … 1' },
  { mean: [0], std: [1 / 255], label: '0 … 255' },
];

/**
 * The scale that best explains values the page itself fed the model (its last input): negative values mean −1…1,
 * values above 1.5 mean 0…255, else 0…1. Null when nothing was seen.
 */
export function guessScale(observed: { min: number; max: number } | null): InputScale | null {
  if (!observed || !Number.isFinite(observed.min) || !Number.isFinite(observed.max)) return null;
  if (observed.min < -0.05) return SCALES[1]!;
  if (observed.max > 1.5) return SCALES[2]!;
  return SCALES[0]!;
}

export function sameScale(
  a: { mean: number[]; std: number[] },
  b: { mean: number[]; std: number[] },
): boolean {
  return a.mean.join() === b.mean.join() && a.std.join() === b.std.join();
}
