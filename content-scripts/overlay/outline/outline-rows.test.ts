import { describe, expect, it } from 'vitest';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { constantCount, formatShape, outlineRows, rowParams } from './outline-rows';

function node(id: string, op: string, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    index: 0,
    op,
    category: 'op',
    inputs: [],
    outputShape: null,
    shapeSource: 'unknown',
    dtype: 'float32',
    params: 0,
    weights: [],
    attrs: {},
    ...extra,
  };
}

function graph(nodes: ModelNode[], kind: ModelGraph['kind'] = 'graph'): ModelGraph {
  return {
    schema: 1,
    id: 'm1',
    kind,
    name: 'g',
    sourceUrl: null,
    origin: 'code',
    format: null,
    backend: 'cpu',
    tfjsVersion: null,
    tfjsVersionClass: '3.x+',
    inputs: [],
    outputs: [],
    nodes: nodes.map((n, index) => ({ ...n, index })),
    totals: { nodes: nodes.length, params: 0, trainableParams: 0, weightBytes: 0 },
    fingerprint: 'f',
  };
}

const g = graph([
  node('input', 'Placeholder', { category: 'input' }),
  node('conv/kernel', 'Const', { category: 'const', params: 72 }),
  node('conv/bias', 'Const', { category: 'const', params: 8 }),
  node('conv/Conv2D', 'Conv2D', { inputs: ['input', 'conv/kernel'] }),
  node('conv/BiasAdd', 'BiasAdd', { inputs: ['conv/Conv2D', 'conv/bias'] }),
  node('conv/Relu', 'Relu', { inputs: ['conv/BiasAdd'] }),
]);

describe('outlineRows', () => {
  it('folds constants into the ops that read them', () => {
    const rows = outlineRows(g, { query: '', showConstants: false });
    expect(rows.map((r) => r.node.id)).toEqual(['input', 'conv/Conv2D', 'conv/BiasAdd', 'conv/Relu']);
    expect(rows[1]!.constants.map((c) => c.id)).toEqual(['conv/kernel']);
    expect(rowParams(rows[1]!)).toBe(72);
    expect(constantCount(g)).toBe(2);
  });

  it('lists constants as rows of their own when asked', () => {
    const rows = outlineRows(g, { query: '', showConstants: true });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.constants.length === 0)).toBe(true);
  });

  it('filters by name, op and glossary title, all terms required', () => {
    const ids = (q: string) => outlineRows(g, { query: q, showConstants: false }).map((r) => r.node.id);
    expect(ids('relu')).toEqual(['conv/Relu']);
    expect(ids('convolution')).toEqual(['conv/Conv2D']);
    expect(ids('conv bias')).toEqual(['conv/BiasAdd']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('indents layers inside nested models, and survives a nesting cycle', () => {
    const nested = graph(
      [
        node('inner', 'Sequential', { category: 'layer', attrs: { nestedIn: 'outer' } }),
        node('dense', 'Dense', { category: 'layer', attrs: { nestedIn: 'inner' } }),
        node('outer', 'Model', { category: 'layer', attrs: { nestedIn: 'inner' } }),
      ],
      'layers',
    );
    const rows = outlineRows(nested, { query: '', showConstants: false });
    expect(rows.find((r) => r.node.id === 'dense')!.depth).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.depth <= 16)).toBe(true);
  });
});

describe('formatShape', () => {
  it('leaves out a free batch dimension and marks other free ones', () => {
    const plain = (s: string) => s.replace(/\u202f/g, ' ');
    expect(plain(formatShape([null, 28, 28, 8]))).toBe('28 × 28 × 8');
    expect(plain(formatShape([null, 28, 28, 8], true))).toBe('? × 28 × 28 × 8');
    expect(plain(formatShape([1, null, null, 3]))).toBe('1 × ? × ? × 3');
    expect(formatShape([])).toBe('scalar');
    expect(formatShape(null)).toBe('—');
  });
});
