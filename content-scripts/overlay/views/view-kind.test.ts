import { describe, expect, it } from 'vitest';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { kindOf, labelOf, tapFor } from './view-kind';

const node = (over: Partial<ModelNode>): ModelNode => ({
  id: 'n',
  index: 0,
  op: 'Dense',
  category: 'layer',
  inputs: [],
  outputShape: null,
  shapeSource: 'config',
  dtype: 'float32',
  params: 0,
  weights: [],
  attrs: {},
  ...over,
});
const graphOf = (nodes: ModelNode[]) => ({ nodes }) as unknown as ModelGraph;

describe('view choice', () => {
  it('shows images of values as maps, vectors as bars, probabilities as top-k', () => {
    expect(kindOf([1, 28, 28, 8], node({ op: 'Conv2D' }))).toBe('maps');
    expect(kindOf([1, 10, 64], node({ op: 'LSTM' }))).toBe('maps');
    expect(kindOf([1, 32], node({ attrs: { activation: 'relu' } }))).toBe('bars');
    expect(kindOf([1, 5], node({ attrs: { activation: 'softmax' } }))).toBe('probabilities');
    expect(kindOf([1, 5], node({ op: 'Softmax' }))).toBe('probabilities');
    expect(kindOf([1, 5], node({ op: '_FusedMatMul', attrs: { fused_ops: ['BiasAdd', 'Softmax'] } }))).toBe(
      'probabilities',
    );
  });

  it('asks for every value of small outputs and a thinned frame of big ones', () => {
    const small = node({ id: 'a', outputShape: [null, 28, 28, 8] });
    const big = node({ id: 'b', outputShape: [null, 112, 112, 64] });
    const unknown = node({ id: 'c', outputShape: null });
    const g = graphOf([small, big, unknown]);
    expect(tapFor(small, g)).toEqual({ nodeId: 'a', reduction: 'none' });
    expect(tapFor(big, g)).toEqual({ nodeId: 'b', reduction: 'downsample' });
    expect(tapFor(unknown, g)).toEqual({ nodeId: 'c', reduction: 'downsample' });
  });

  it('taps no constants and no strangers', () => {
    const c = node({ category: 'const' });
    expect(tapFor(c, graphOf([c]))).toBeNull();
    expect(tapFor(node({}), graphOf([]))).toBeNull();
  });

  it('labels classes by name when known', () => {
    expect(labelOf(2, ['a', 'b', 'c'])).toBe('c');
    expect(labelOf(3, null)).toBe('class 3');
  });
});
