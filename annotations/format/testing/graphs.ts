// Hand-made ModelGraphs for tests: a small MNIST-style CNN, and a way to vary it.
import type { ModelGraph, ModelNode, WeightSpec } from '../../../model/model-graph';

const weight = (name: string, role: WeightSpec['role'], shape: number[]): WeightSpec => ({
  name,
  role,
  shape,
  dtype: 'float32',
});

function node(
  index: number,
  id: string,
  op: string,
  inputs: string[],
  outputShape: (number | null)[] | null,
  weights: WeightSpec[] = [],
): ModelNode {
  return {
    id,
    index,
    op,
    category: op === 'InputLayer' ? 'input' : 'layer',
    inputs,
    outputShape,
    shapeSource: outputShape ? 'config' : 'unknown',
    dtype: 'float32',
    params: weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0),
    weights,
    attrs: {},
  };
}

export function mnistGraph(overrides: Partial<ModelGraph> = {}): ModelGraph {
  const nodes: ModelNode[] = [
    node(0, 'input', 'InputLayer', [], [null, 28, 28, 1]),
    node(
      1,
      'conv1',
      'Conv2D',
      ['input'],
      [null, 26, 26, 8],
      [weight('conv1/kernel', 'kernel', [3, 3, 1, 8]), weight('conv1/bias', 'bias', [8])],
    ),
    node(2, 'pool1', 'MaxPooling2D', ['conv1'], [null, 13, 13, 8]),
    node(
      3,
      'conv2',
      'Conv2D',
      ['pool1'],
      [null, 11, 11, 16],
      [weight('conv2/kernel', 'kernel', [3, 3, 8, 16]), weight('conv2/bias', 'bias', [16])],
    ),
    node(4, 'flatten', 'Flatten', ['conv2'], [null, 1936]),
    node(
      5,
      'dense_1',
      'Dense',
      ['flatten'],
      [null, 10],
      [weight('dense_1/kernel', 'kernel', [1936, 10]), weight('dense_1/bias', 'bias', [10])],
    ),
    node(6, 'softmax', 'Activation', ['dense_1'], null),
  ];
  const params = nodes.reduce((sum, n) => sum + n.params, 0);
  return {
    schema: 1,
    id: 'm1',
    kind: 'layers',
    name: 'mnist-cnn',
    sourceUrl: 'https://demo.example.org/models/mnist/model.json',
    origin: 'http',
    format: 'layers-model',
    backend: 'cpu',
    tfjsVersion: '4.22.0',
    tfjsVersionClass: '3.x+',
    inputs: [{ name: 'input', nodeId: 'input', shape: [null, 28, 28, 1], dtype: 'float32' }],
    outputs: [{ name: 'softmax', nodeId: 'softmax', shape: [null, 10], dtype: 'float32' }],
    nodes,
    totals: { nodes: nodes.length, params, trainableParams: params, weightBytes: params * 4 },
    fingerprint: 'a'.repeat(64),
    ...overrides,
  };
}
