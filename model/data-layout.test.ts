import { describe, expect, it } from 'vitest';
import { chwToHwc, graphLayout, hwcToChw, imageDims, nodeLayout } from './data-layout';
import type { ModelNode } from './model-graph';
import { parseModelGraph } from './model-graph-validate';

const node = (attrs: ModelNode['attrs']): ModelNode => ({
  id: 'c',
  index: 0,
  op: 'Conv2D',
  category: 'layer',
  inputs: [],
  outputShape: null,
  shapeSource: 'unknown',
  dtype: null,
  params: 0,
  weights: [],
  attrs,
});

describe('data layout', () => {
  it('ONNX graphs are channels first, tf.js channels last unless a node says otherwise', () => {
    expect(graphLayout({ runtime: 'onnx' })).toBe('channels-first');
    expect(graphLayout({ layout: 'channels-first' })).toBe('channels-first');
    expect(graphLayout({})).toBe('channels-last');
    expect(nodeLayout({}, node({ dataFormat: 'channelsLast' }))).toBe('channels-last');
    expect(nodeLayout({}, node({ dataFormat: 'channels_first' }))).toBe('channels-first');
    expect(nodeLayout({}, node({ data_format: 'NCHW' }))).toBe('channels-first');
    expect(nodeLayout({}, node({ data_format: 'NHWC' }))).toBe('channels-last');
    expect(nodeLayout({ runtime: 'onnx' }, null)).toBe('channels-first');
  });

  it('reads the height, width and channels of either layout', () => {
    expect(imageDims([1, 16, 32, 32], 'channels-first')).toEqual({ channels: 16, height: 32, width: 32 });
    expect(imageDims([1, 28, 24, 3], 'channels-last')).toEqual({ height: 28, width: 24, channels: 3 });
    expect(imageDims([1, 10], 'channels-first')).toBeNull();
  });

  it('transposes channel c, row y, column x to the same place and back', () => {
    // 2 channels of 2 × 3: value = 100 c + 10 y + x.
    const [C, H, W] = [2, 2, 3];
    const chw = Float32Array.from({ length: C * H * W }, (_, i) => {
      const c = Math.floor(i / (H * W));
      const y = Math.floor((i % (H * W)) / W);
      return 100 * c + 10 * y + (i % W);
    });
    const hwc = chwToHwc(chw, C, H, W);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        for (let c = 0; c < C; c++) expect(hwc[(y * W + x) * C + c]).toBe(100 * c + 10 * y + x);
    expect([...hwcToChw(hwc, H, W, C)]).toEqual([...chw]);
  });

  it('the validator keeps a known layout and refuses an unknown one', () => {
    const graph = {
      schema: 1,
      id: 'm1',
      kind: 'graph',
      name: 'g',
      sourceUrl: null,
      origin: 'memory',
      format: 'onnx',
      backend: 'wasm',
      tfjsVersion: null,
      tfjsVersionClass: 'unknown',
      inputs: [],
      outputs: [],
      nodes: [],
      totals: { nodes: 0, params: 0, trainableParams: 0, weightBytes: 0 },
      fingerprint: 'a'.repeat(64),
      runtime: 'onnx',
    };
    expect(parseModelGraph({ ...graph, layout: 'channels-first' })?.layout).toBe('channels-first');
    expect(parseModelGraph(graph)?.layout).toBeUndefined();
    expect(parseModelGraph({ ...graph, layout: 'NCHW' })).toBeNull();
  });
});
