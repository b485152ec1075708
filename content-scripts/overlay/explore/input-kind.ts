// Which "try your own input" controls a model gets, from its input spec alone (pure): a picture for
// [batch, H, W, 1|3|4], a slider per feature for [batch, n], typed text for one-hot sequences [batch, steps, vocab],
// otherwise a reason in words.

import { t } from '../../../extension/ui/i18n';
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
      reason: t('exManyInputs', graph.inputs.length),
    };
  const input = graph.inputs[0]!;
  const shape = input.shape;
  if (!shape) return { kind: 'none', reason: t('exNoShape') };
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
      reason: t('exTooManyFeatures', last, MAX_FEATURES),
    };
  }
  if (dims.length === 3 && last !== null && last > 1)
    return { kind: 'sequence', steps: dims[1] ?? null, vocab: last };
  return {
    kind: 'none',
    reason: t('exNoControls', shape.map((d) => d ?? '?').join(', ')),
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
  { mean: [1], std: [-1], label: `1 … 0 (${t('exScaleInk')})` },
];

/** Mean brightness of a picture, 0 (black) … 1 (white). */
export function meanBrightness(rgba: ArrayLike<number>): number {
  let sum = 0;
  const n = Math.floor(rgba.length / 4);
  for (let i = 0; i < n; i++) sum += (rgba[i * 4]! + rgba[i * 4 + 1]! + rgba[i * 4 + 2]!) / 3;
  return n > 0 ? sum / (n * 255) : 0;
}

/**
 * Whether a picture should be read inverted (dark pixels high) to look like what the page feeds its model: the
 * page's inputs average \`pageMean\` (0…1 of their range) and the picture \`pictureMean\`; inverted when 1 − picture is
 * clearly closer. Pages that draw dark ink on white and feed the model light-on-dark need it.
 */
export function looksInverted(pageMean: number, pictureMean: number): boolean {
  return Math.abs(pageMean - (1 - pictureMean)) + 0.1 < Math.abs(pageMean - pictureMean);
}

/** Where values of a scale's range fall, 0…1 (the mean of the page's input, comparable with a picture's). */
export function rangeFraction(values: ArrayLike<number>, scale: { mean: number[]; std: number[] }): number {
  const m = scale.mean[0] ?? 0;
  const s = scale.std[0] ?? 1;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * s + m;
  return values.length > 0 ? Math.min(1, Math.max(0, sum / values.length)) : 0;
}

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
