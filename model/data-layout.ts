// Where a node's channel axis is, so that views and inputs index [N, C, H, W] and [N, H, W, C] values alike.

import type { DataLayout, ModelGraph, ModelNode } from './model-graph';

/** True when a node's own attributes say channels first (a Keras data_format, or a graph op's 'NCHW'). */
function saysChannelsFirst(node: ModelNode): boolean {
  const f = node.attrs.dataFormat ?? node.attrs.data_format;
  return typeof f === 'string' && /^(channels_?first|NCHW|NCW|NCDHW)$/i.test(f);
}

/** The layout of a model's rank-4 values: the graph's word, ONNX's channels first, else tf.js's channels last. */
export function graphLayout(graph: Pick<ModelGraph, 'layout' | 'runtime'>): DataLayout {
  return graph.layout ?? (graph.runtime === 'onnx' ? 'channels-first' : 'channels-last');
}

/** The layout of one node's output: the graph's, unless a tf.js layer or op says channels first. */
export function nodeLayout(
  graph: Pick<ModelGraph, 'layout' | 'runtime'>,
  node: ModelNode | null,
): DataLayout {
  const layout = graphLayout(graph);
  return layout === 'channels-last' && node && saysChannelsFirst(node) ? 'channels-first' : layout;
}

/** [N, H, W, C] or [N, C, H, W] → { height, width, channels } in either layout; null for other ranks. */
export function imageDims(
  shape: readonly number[],
  layout: DataLayout,
): { height: number; width: number; channels: number } | null {
  if (shape.length !== 4) return null;
  const [, a, b, c] = shape as [number, number, number, number];
  return layout === 'channels-first'
    ? { channels: a, height: b, width: c }
    : { height: a, width: b, channels: c };
}

/** CHW values → HWC (a copy), the order the views and the tf.js side index. */
export function chwToHwc(
  values: ArrayLike<number>,
  channels: number,
  height: number,
  width: number,
): Float32Array {
  const plane = height * width;
  const out = new Float32Array(plane * channels);
  for (let c = 0; c < channels; c++)
    for (let i = 0; i < plane; i++) out[i * channels + c] = values[c * plane + i] ?? 0;
  return out;
}

/** HWC values → CHW (a copy): an image built channels last, for a channels-first model. */
export function hwcToChw(
  values: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
): Float32Array {
  const plane = height * width;
  const out = new Float32Array(plane * channels);
  for (let i = 0; i < plane; i++)
    for (let c = 0; c < channels; c++) out[c * plane + i] = values[i * channels + c] ?? 0;
  return out;
}
