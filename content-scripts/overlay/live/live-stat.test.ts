import { describe, expect, it } from 'vitest';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { liveNeed, statOf } from './live-stat';

function node(id: string, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    index: 0,
    op: 'Dense',
    category: 'layer',
    inputs: [],
    outputShape: [null, 4],
    shapeSource: 'config',
    dtype: 'float32',
    params: 0,
    weights: [],
    attrs: {},
    ...extra,
  };
}

const GRAPH = {
  id: 'm1',
  backend: 'webgl',
  fingerprint: 'abc',
  totals: { nodes: 3, params: 26, trainableParams: 26, weightBytes: 104 },
  outputs: [{ name: 'probs', nodeId: 'probs', shape: [null, 2], dtype: 'float32' }],
  nodes: [
    node('x', { category: 'input', op: 'InputLayer', outputShape: [null, 3] }),
    node('hidden', {
      params: 16,
      weights: [
        { name: 'hidden/kernel', role: 'kernel', shape: [3, 4], dtype: 'float32' },
        { name: 'hidden/bias', role: 'bias', shape: [4], dtype: 'float32' },
      ],
    }),
    node('probs', { outputShape: [null, 2] }),
  ],
} as unknown as ModelGraph;

describe('liveNeed', () => {
  it('answers model facts from the graph', () => {
    expect(liveNeed({ alias: 'm', stat: 'params' }, GRAPH)).toEqual({ kind: 'static', value: 26 });
    expect(liveNeed({ alias: 'm', stat: 'backend' }, GRAPH)).toEqual({ kind: 'static', value: 'webgl' });
    expect(liveNeed({ alias: 'm', stat: 'nodes' }, GRAPH)).toEqual({ kind: 'static', value: 3 });
  });

  it('taps the output node for the model’s top1 and a node’s live statistics', () => {
    expect(liveNeed({ alias: 'm', stat: 'top1' }, GRAPH)).toEqual({ kind: 'tap', nodeId: 'probs' });
    expect(liveNeed({ alias: 'm', node: 'hidden', stat: 'mean' }, GRAPH)).toEqual({
      kind: 'tap',
      nodeId: 'hidden',
    });
  });

  it('reads shapes and sizes from the graph, a free batch counting as one', () => {
    expect(liveNeed({ alias: 'm', node: 'x', stat: 'shape' }, GRAPH)).toEqual({
      kind: 'static',
      value: [null, 3],
    });
    expect(liveNeed({ alias: 'm', node: 'x', stat: 'size' }, GRAPH)).toEqual({ kind: 'static', value: 3 });
    expect(liveNeed({ alias: 'm', node: 'hidden', role: 'kernel', stat: 'shape' }, GRAPH)).toEqual({
      kind: 'static',
      value: [3, 4],
    });
  });

  it('reads weights for statistics of a weight role', () => {
    expect(liveNeed({ alias: 'm', node: 'hidden', role: 'bias', stat: 'mean' }, GRAPH)).toEqual({
      kind: 'weights',
      nodeId: 'hidden',
      weightName: 'hidden/bias',
    });
  });

  it('says why it cannot answer', () => {
    expect(liveNeed({ alias: 'm', node: 'nope', stat: 'mean' }, GRAPH)).toEqual({
      kind: 'error',
      reason: 'no node nope',
    });
    expect(liveNeed({ alias: 'm', node: 'probs', role: 'kernel', stat: 'mean' }, GRAPH).kind).toBe('error');
  });
});

describe('statOf', () => {
  const values = Float32Array.from([0, 3, -1, 0]);
  it('computes the statistics of the values', () => {
    expect(statOf('mean', values, [4], null)).toBe(0.5);
    expect(statOf('max', values, [4], null)).toBe(3);
    expect(statOf('min', values, [4], null)).toBe(-1);
    expect(statOf('sparsity', values, [4], null)).toBe(0.5);
    expect(statOf('norm', values, [4], null)).toBeCloseTo(Math.sqrt(10));
    expect(statOf('std', values, [4], null)).toBeCloseTo(Math.sqrt(10 / 4 - 0.25));
  });

  it('names the top class with the pack’s labels, from the first example only', () => {
    const batch = Float32Array.from([0.1, 0.7, 0.2, 0.9, 0.05, 0.05]);
    expect(statOf('top1', batch, [2, 3], ['circle', 'square', 'line'])).toBe('square');
    expect(statOf('argmax', batch, [2, 3], null)).toBe(1);
    expect(statOf('top1', batch, [2, 3], null)).toBe('class 1');
  });

  it('ignores values that are not finite, and has no statistic of nothing', () => {
    expect(statOf('mean', Float32Array.from([NaN, 2]), [2], null)).toBe(2);
    expect(statOf('mean', new Float32Array(0), [0], null)).toBeNull();
  });
});
