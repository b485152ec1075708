import { describe, expect, it } from 'vitest';
import type { ModelNode } from '../model-graph';
import { canonicalForm, canonicalJson, fingerprint } from './fingerprint';
import type { FingerprintInput } from './fingerprint';

const node = (over: Partial<ModelNode> = {}): ModelNode => ({
  id: 'dense',
  index: 1,
  op: 'Dense',
  category: 'layer',
  inputs: ['in'],
  outputShape: [null, 4],
  shapeSource: 'config',
  dtype: 'float32',
  params: 12,
  weights: [{ name: 'dense/kernel', role: 'kernel', shape: [2, 4], dtype: 'float32' }],
  attrs: { units: 4, activation: 'relu' },
  ...over,
});

const graph = (nodes: ModelNode[]): FingerprintInput => ({
  kind: 'layers',
  inputs: [{ name: 'in', nodeId: 'in', shape: [null, 2], dtype: 'float32' }],
  outputs: [{ name: 'dense', nodeId: 'dense', shape: [null, 4], dtype: 'float32' }],
  nodes,
});

describe('fingerprint', () => {
  it('writes canonical JSON with sorted keys, independent of insertion order', () => {
    expect(canonicalJson({ b: 1, a: [null, 'x"\n', true, NaN, undefined] })).toBe(
      '{"a":[null,"x\\u0022\\u000a",true,null,null],"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('documents its form', () => {
    expect(canonicalForm(graph([node()]))).toBe(
      '["lfp1","layers",[["in",[null,2]]],[["dense",[null,4]]],' +
        '[["dense","Dense","layer",["in"],[null,4],{"activation":"relu","units":4},[[[2,4],"float32",null]]]]]',
    );
  });

  it('ignores weight names, roles, live shapes, dtypes of nodes, params and indexes', () => {
    const base = fingerprint(graph([node()]));
    expect(
      fingerprint(
        graph([
          node({ weights: [{ name: 'dense/kernel_1', role: 'weight', shape: [2, 4], dtype: 'float32' }] }),
        ]),
      ),
    ).toBe(base);
    expect(fingerprint(graph([node({ index: 7, params: 0, dtype: null })]))).toBe(base);
    const liveA = node({ outputShape: [1, 4], shapeSource: 'live' });
    const liveB = node({ outputShape: [8, 4], shapeSource: 'live' });
    expect(fingerprint(graph([liveA]))).toBe(fingerprint(graph([liveB])));
  });

  it('changes with ids, ops, edges, config shapes, attrs, weight shapes, dtypes and quantization', () => {
    const base = fingerprint(graph([node()]));
    const variants = [
      node({ id: 'dense2' }),
      node({ op: 'Conv2D' }),
      node({ inputs: [] }),
      node({ outputShape: [null, 5] }),
      node({ attrs: { units: 4, activation: 'tanh' } }),
      node({ weights: [{ name: 'k', role: 'kernel', shape: [4, 2], dtype: 'float32' }] }),
      node({ weights: [{ name: 'k', role: 'kernel', shape: [2, 4], dtype: 'int32' }] }),
      node({
        weights: [{ name: 'k', role: 'kernel', shape: [2, 4], dtype: 'float32', quantization: 'uint8' }],
      }),
      node({ category: 'op' }),
    ].map((n) => fingerprint(graph([n])));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});
