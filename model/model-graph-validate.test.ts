import { describe, expect, it } from 'vitest';
import type { ModelGraph } from './model-graph';
import { parseModelGraph } from './model-graph-validate';

function graph(): ModelGraph {
  return {
    schema: 1,
    id: 'm1',
    kind: 'layers',
    name: 'shapes',
    sourceUrl: 'http://127.0.0.1/demos/models/shapes-cnn/model.json',
    origin: 'http',
    format: 'layers-model',
    backend: 'cpu',
    tfjsVersion: '4.22.0',
    tfjsVersionClass: '3.x+',
    inputs: [{ name: 'input', nodeId: 'input', shape: [null, 28, 28, 1], dtype: 'float32' }],
    outputs: [{ name: 'probs', nodeId: 'probs', shape: [null, 5], dtype: 'float32' }],
    nodes: [
      {
        id: 'conv1',
        index: 0,
        op: 'Conv2D',
        category: 'layer',
        inputs: [],
        outputShape: [null, 26, 26, 8],
        shapeSource: 'config',
        dtype: 'float32',
        params: 80,
        weights: [
          { name: 'conv1/kernel', role: 'kernel', shape: [3, 3, 1, 8], dtype: 'float32' },
          { name: 'conv1/bias', role: 'bias', shape: [8], dtype: 'float32' },
        ],
        attrs: { activation: 'relu', kernelSize: [3, 3], useBias: true, nestedIn: null },
      },
    ],
    totals: { nodes: 1, params: 80, trainableParams: 80, weightBytes: 320 },
    fingerprint: 'a'.repeat(64),
    notes: ['partial'],
  };
}

describe('parseModelGraph', () => {
  it('returns an equal, clean copy of a valid graph', () => {
    const g = graph();
    const parsed = parseModelGraph(JSON.parse(JSON.stringify(g)));
    expect(parsed).toEqual(g);
    expect(parsed).not.toBe(g);
  });

  it('drops fields it does not know', () => {
    const g = { ...graph(), evil: '<script>' } as unknown;
    expect(parseModelGraph(g)).not.toHaveProperty('evil');
  });

  it.each([
    ['wrong schema', (g: any) => (g.schema = 2)],
    ['bad fingerprint', (g: any) => (g.fingerprint = 'xyz')],
    ['duplicate node ids', (g: any) => g.nodes.push({ ...g.nodes[0] })],
    ['negative params', (g: any) => (g.nodes[0].params = -1)],
    ['unknown weight role', (g: any) => (g.nodes[0].weights[0].role = 'evil')],
    ['non-finite attr', (g: any) => (g.nodes[0].attrs.rate = Infinity)],
    ['object attr', (g: any) => (g.nodes[0].attrs.x = { a: 1 })],
    ['too long name', (g: any) => (g.name = 'x'.repeat(300))],
    ['rank 9 shape', (g: any) => (g.nodes[0].outputShape = [1, 1, 1, 1, 1, 1, 1, 1, 1])],
    ['string as shape', (g: any) => (g.inputs[0].shape = '1,2')],
  ])('rejects a graph with %s', (_name, mutate) => {
    const g = JSON.parse(JSON.stringify(graph()));
    mutate(g);
    expect(parseModelGraph(g)).toBeNull();
  });

  it('never throws on hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(parseModelGraph(hostile)).toBeNull();
    expect(parseModelGraph({ ...graph(), nodes: hostile })).toBeNull();
  });
});
