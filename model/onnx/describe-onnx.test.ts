// The ONNX parser and describer on a real model file (test/fixtures/onnx/tiny-cnn.onnx, rebuilt by its script).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelGraph } from '../model-graph-validate';
import { describeOnnxBytes } from './describe-onnx';
import { OnnxParseError, parseOnnxModel } from './onnx-proto';

const bytes = new Uint8Array(
  readFileSync(new URL('../../test/fixtures/onnx/tiny-cnn.onnx', import.meta.url)),
);
const ctx = {
  id: 'o1',
  sourceUrl: 'http://127.0.0.1/test/fixtures/onnx/tiny-cnn.onnx',
  origin: 'http' as const,
  executionProvider: 'wasm',
  runtimeVersion: '1.31.1',
};

describe('parseOnnxModel', () => {
  it('reads the graph, its nodes, attributes, initializers and shapes', () => {
    const model = parseOnnxModel(bytes);
    expect(model.irVersion).toBe(8);
    expect(model.producerName).toBe('literate-test');
    expect(model.opsets).toEqual([{ domain: '', version: 13 }]);
    const g = model.graph;
    expect(g.nodes.map((n) => n.opType)).toEqual([
      'Conv',
      'BatchNormalization',
      'Relu',
      'MaxPool',
      'GlobalAveragePool',
      'Flatten',
      'Gemm',
      'Softmax',
    ]);
    expect(g.nodes[0]!.attrs).toEqual({ kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] });
    expect(g.nodes[1]!.attrs.epsilon).toBeCloseTo(1e-5);
    expect(g.inputs).toEqual([{ name: 'pixels', elemType: 1, shape: ['batch', 1, 8, 8] }]);
    expect(g.valueInfo[0]).toEqual({ name: 'conv1', elemType: 1, shape: ['batch', 4, 8, 8] });
    const conv = g.initializers.find((t) => t.name === 'conv1.weight')!;
    expect(conv.dims).toEqual([4, 1, 3, 3]);
    expect(conv.storedBytes).toBe(36 * 4);
    expect(conv.externalLocation).toBeNull();
  });

  it('refuses bytes that are not an ONNX model, naming why', () => {
    expect(() => parseOnnxModel(new Uint8Array([1, 2, 3]))).toThrow(OnnxParseError);
    expect(() => parseOnnxModel(bytes.subarray(0, bytes.length - 40))).toThrow(OnnxParseError);
    expect(() => parseOnnxModel(new TextEncoder().encode('{"modelTopology":{}}'))).toThrow(/ONNX/);
  });
});

describe('describeOnnxBytes', () => {
  const graph = describeOnnxBytes(bytes, ctx);

  it('makes a valid ModelGraph with the runtime, op types, edges and shapes', () => {
    expect(parseModelGraph(JSON.parse(JSON.stringify(graph)))).toEqual(graph);
    expect(parseModelGraph({ ...graph, runtime: 'pytorch' })).toBeNull();
    expect(parseModelGraph({ ...graph, runtimeVersion: 'x'.repeat(100) })).toBeNull();
    expect(graph.runtime).toBe('onnx');
    expect(graph.runtimeVersion).toBe('1.31.1');
    expect(graph.backend).toBe('wasm');
    expect(graph.format).toBe('onnx');
    expect(graph.name).toBe('tiny-cnn.onnx');
    expect(graph.inputs).toEqual([
      { name: 'pixels', nodeId: 'pixels', shape: [null, 1, 8, 8], dtype: 'float32' },
    ]);
    expect(graph.outputs).toEqual([
      { name: 'probabilities', nodeId: 'probabilities', shape: [null, 3], dtype: 'float32' },
    ]);
    const ops = graph.nodes.filter((n) => n.category === 'op');
    expect(ops.map((n) => n.id)).toEqual([
      'conv1',
      'bn1',
      'relu1',
      'pool1',
      'gap',
      'flat',
      'logits',
      'probabilities',
    ]);
    const conv = graph.nodes.find((n) => n.id === 'conv1')!;
    expect(conv.inputs).toEqual(['pixels', 'conv1.weight', 'conv1.bias']);
    expect(conv.outputShape).toEqual([null, 4, 8, 8]);
    expect(conv.shapeSource).toBe('config');
    expect(graph.nodes.find((n) => n.id === 'logits')!.attrs).toEqual({ transB: 1, onnxName: 'fc' });
    expect(graph.nodes.find((n) => n.id === 'pixels')!.attrs).toEqual({ dims: ['batch', 1, 8, 8] });
  });

  it('counts parameters per initializer and gives weights their roles', () => {
    // conv 36 + 4, batch norm 4 × 4, gemm 12 + 3
    expect(graph.totals.params).toBe(36 + 4 + 16 + 12 + 3);
    expect(graph.totals.weightBytes).toBe((36 + 4 + 16 + 12 + 3) * 4);
    const role = (name: string) => graph.nodes.find((n) => n.id === name)!.weights[0]!.role;
    expect(role('conv1.weight')).toBe('kernel');
    expect(role('conv1.bias')).toBe('bias');
    expect(role('bn1.scale')).toBe('gamma');
    expect(role('bn1.var')).toBe('moving_variance');
    expect(role('fc.weight')).toBe('kernel');
  });

  it('fingerprints the topology, not the URL, runtime facts or live shapes', () => {
    expect(graph.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const elsewhere = describeOnnxBytes(bytes, {
      ...ctx,
      id: 'o7',
      sourceUrl: null,
      origin: 'memory',
      executionProvider: 'webgpu',
      runtimeVersion: null,
      liveShapes: { logits: [2, 3] },
    });
    expect(elsewhere.fingerprint).toBe(graph.fingerprint);
    expect(elsewhere.name).toBe('tiny-cnn');
  });

  it('fills shapes the model leaves unknown from the first call', () => {
    const live = describeOnnxBytes(bytes, { ...ctx, liveShapes: { relu1: [1, 4, 8, 8] } });
    const relu = live.nodes.find((n) => n.id === 'relu1')!;
    expect(relu.outputShape).toEqual([1, 4, 8, 8]);
    expect(relu.shapeSource).toBe('live');
    expect(graph.nodes.find((n) => n.id === 'relu1')!.shapeSource).toBe('unknown');
  });
});
