// A probe's node values as tap frames (pure), so a live view subscribed to a node shows the reader's input exactly
// as it shows the page's: the same reductions as the hook's taps (one value per channel, or a strided thinning), on
// the channel axis the model's own taps use (last for tf.js, second for ONNX's channels-first values).

import type { DataLayout } from '../../../model/model-graph';
import type { Reduction, TapFrame } from '../../../protocol/bridge';

/** Most values a 'downsample' frame keeps (as the hook's taps). */
export const FRAME_MAX_VALUES = 65_536;

export interface NodeValue {
  nodeId: string;
  shape: number[];
  values: Float32Array | Int32Array;
}

/**
 * Reduces values of `shape` as a tap would: [N, …, C] (channels first: [N, C, …]) → [N, C] for channel reductions,
 * strided for downsample.
 */
export function reduceValues(
  shape: readonly number[],
  values: ArrayLike<number>,
  reduction: Reduction,
  layout: DataLayout = 'channels-last',
): { shape: number[]; values: Float32Array; reduction: Reduction } {
  const rank = shape.length;
  if (
    (reduction === 'channel-mean' || reduction === 'channel-max') &&
    rank >= 3 &&
    layout === 'channels-first'
  )
    return channelsFirstReduce(shape, values, reduction);
  if ((reduction === 'channel-mean' || reduction === 'channel-max') && rank >= 3) {
    const n = shape[0]!;
    const c = shape[rank - 1]!;
    const per = shape.slice(1, -1).reduce((a, b) => a * b, 1);
    const out = new Float32Array(n * c).fill(reduction === 'channel-max' ? -Infinity : 0);
    for (let b = 0; b < n; b++)
      for (let p = 0; p < per; p++)
        for (let ch = 0; ch < c; ch++) {
          const v = values[(b * per + p) * c + ch]!;
          const o = b * c + ch;
          out[o] = reduction === 'channel-max' ? Math.max(out[o]!, v) : out[o]! + v / per;
        }
    return { shape: [n, c], values: out, reduction };
  }
  const size = values.length;
  if (size <= FRAME_MAX_VALUES || rank < 3)
    return { shape: [...shape], values: Float32Array.from(values), reduction };
  // The spatial axes thinned alike until the frame fits.
  let stride = 1;
  const thinned = (s: number) => shape.map((d, i) => (i > 0 && i < rank - 1 ? Math.ceil(d / s) : d));
  while (thinned(stride).reduce((a, b) => a * b, 1) > FRAME_MAX_VALUES && stride < Math.max(...shape))
    stride++;
  const outShape = thinned(stride);
  const out = new Float32Array(outShape.reduce((a, b) => a * b, 1));
  const inStrides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let rest = o;
    for (let i = rank - 1; i >= 0; i--) {
      idx[i] = rest % outShape[i]!;
      rest = Math.floor(rest / outShape[i]!);
    }
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i]! * (i > 0 && i < rank - 1 ? stride : 1) * inStrides[i]!;
    out[o] = values[src]!;
  }
  return { shape: outShape, values: out, reduction: 'downsample' };
}

/** [N, C, …] → [N, C]: the mean (or max) of each channel's plane, as the hook's ONNX taps reduce. */
function channelsFirstReduce(
  shape: readonly number[],
  values: ArrayLike<number>,
  reduction: 'channel-mean' | 'channel-max',
): { shape: number[]; values: Float32Array; reduction: Reduction } {
  const [n, c] = [shape[0]!, shape[1]!];
  const plane = shape.slice(2).reduce((a, b) => a * b, 1);
  const out = new Float32Array(n * c);
  for (let i = 0; i < n * c; i++) {
    let acc = reduction === 'channel-max' ? -Infinity : 0;
    for (let j = 0; j < plane; j++) {
      const v = values[i * plane + j]!;
      acc = reduction === 'channel-max' ? Math.max(acc, v) : acc + v;
    }
    out[i] = reduction === 'channel-max' ? acc : acc / Math.max(1, plane);
  }
  return { shape: [n, c], values: out, reduction };
}

/** A tap frame for one subscribed node from a probe's value. `call` counts the reader's runs (negative: ours). */
export function frameFromProbe(
  subscriptionId: string,
  modelId: string,
  value: NodeValue,
  reduction: Reduction,
  call: number,
  time: number,
  layout: DataLayout = 'channels-last',
): TapFrame {
  const reduced = reduceValues(value.shape, value.values, reduction, layout);
  return {
    subscriptionId,
    modelId,
    nodeId: value.nodeId,
    shape: reduced.shape,
    sourceShape: [...value.shape],
    reduction: reduced.reduction,
    dtype: 'float32',
    buffer: reduced.values.buffer as ArrayBuffer,
    call,
    time,
  };
}
