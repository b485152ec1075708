// Which "try your own input" controls a model gets, from its input spec alone (pure): a picture for
// [batch, H, W, 1|3|4] (or [batch, 1|3|4, H, W] on a channels-first model: ONNX), a slider per feature for
// [batch, n], typed text for one-hot sequences [batch, steps, vocab], token ids for a text model's integer
// [batch, sequence] input (ONNX companions such as attention_mask are made by the probe), otherwise a reason in words.

import { t } from '../../../extension/ui/i18n';
import { graphLayout } from '../../../model/data-layout';
import type { DataLayout, ModelGraph } from '../../../model/model-graph';
import { COMPANION_INPUTS, onlyCompanionsAfterFirst } from '../../../model/onnx/companion-inputs';

export type InputKind =
  | {
      kind: 'image';
      height: number | null;
      width: number | null;
      channels: number;
      int32: boolean;
      /** Where the channel axis is: the reader's picture is laid out so, and the page's input read so. */
      layout: DataLayout;
    }
  | { kind: 'vector'; features: number }
  | { kind: 'sequence'; steps: number | null; vocab: number }
  /** Integer token ids, [batch, length]; length null when the model takes any. */
  | { kind: 'tokens'; length: number | null }
  | { kind: 'none'; reason: string };

/** Most sliders shown for a vector input (a wider vector is not a thing to explore feature by feature). */
export const MAX_FEATURES = 64;

/** Element types the ONNX probe can feed (content-scripts/hook/probe/onnx-probe.ts). */
const ONNX_FEEDABLE = ['float32', 'int32', 'int64'];

const free = (d: number | null | undefined): boolean => d === null || d === undefined || d < 1;

export function inputKind(
  graph: Pick<ModelGraph, 'inputs'> & Partial<Pick<ModelGraph, 'layout' | 'runtime'>>,
): InputKind {
  const onnx = graph.runtime === 'onnx';
  // An ONNX text model's attention_mask, token_type_ids and position_ids are made from the first input's shape.
  const companionsOnly =
    onnx && graph.inputs.length > 1 && onlyCompanionsAfterFirst(graph.inputs.map((i) => i.name));
  if (graph.inputs.length !== 1 && !companionsOnly)
    return {
      kind: 'none',
      reason: onnx
        ? t(
            'exOnnxManyInputs',
            graph.inputs.length,
            graph.inputs.map((i) => i.name).join(', '),
            Object.keys(COMPANION_INPUTS).join(', '),
          )
        : t('exManyInputs', graph.inputs.length),
    };
  const input = graph.inputs[0]!;
  const shape = input.shape;
  if (!shape) return { kind: 'none', reason: t('exNoShape') };
  if (onnx && input.dtype && !ONNX_FEEDABLE.includes(input.dtype))
    return { kind: 'none', reason: t('exOnnxDtype', input.name, input.dtype) };
  const dims = shape.map((d) => (free(d) ? null : (d as number)));
  const layout = graphLayout(graph);
  if (dims.length === 4) {
    const first = layout === 'channels-first';
    const c = dims[first ? 1 : 3] ?? 3;
    if (c === 1 || c === 3 || c === 4)
      return {
        kind: 'image',
        height: dims[first ? 2 : 1]!,
        width: dims[first ? 3 : 2]!,
        channels: c,
        int32: input.dtype === 'int32',
        layout,
      };
  }
  const last = dims[dims.length - 1] ?? null;
  const integer = input.dtype === 'int64' || input.dtype === 'int32';
  if (dims.length === 2 && integer && (input.dtype === 'int64' || last === null || onnx))
    return { kind: 'tokens', length: last };
  if (companionsOnly)
    return { kind: 'none', reason: t('exOnnxNotTokens', input.name, shape.map((d) => d ?? '?').join(', ')) };
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
