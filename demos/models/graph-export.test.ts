import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPointRegions, buildShapesCnn, buildTinyMobilenet } from './architectures.js';
import {
  exportGraphModel,
  graphModelHandler,
  graphModelJson,
  type GraphExportOptions,
} from './graph-export.js';
import { mulberry32 } from '../shared/prng.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Gives every BatchNormalization layer non-trivial statistics, so folding them is really exercised. */
function randomizeBatchNorms(model: tf.LayersModel, seed: number): void {
  const rand = mulberry32(seed);
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    layer.setWeights(
      layer.getWeights().map((w) => {
        const name = layer.weights[layer.getWeights().indexOf(w)]!.originalName;
        const values = Float32Array.from({ length: w.size }, () =>
          name.endsWith('variance') ? 0.5 + rand() : name.endsWith('gamma') ? 0.5 + rand() : rand() - 0.5,
        );
        return tf.tensor(values, w.shape);
      }),
    );
  }
}

function randomInput(shape: number[], seed: number): tf.Tensor {
  const rand = mulberry32(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rand()),
    shape,
  );
}

async function maxDifferences(model: tf.LayersModel, options: GraphExportOptions, input: tf.Tensor) {
  const exported = exportGraphModel(model, options);
  const graph = await tf.loadGraphModel(graphModelHandler(exported));
  const expected = model.predict(input) as tf.Tensor;
  const viaExecute = graph.execute(input) as tf.Tensor;
  const viaAsync = (await graph.executeAsync(input)) as tf.Tensor;
  const diff = (t: tf.Tensor) => tf.max(tf.abs(tf.sub(expected, t))).dataSync()[0]!;
  const result = { execute: diff(viaExecute), executeAsync: diff(viaAsync), exported, graph };
  tf.dispose([expected, viaExecute, viaAsync]);
  return result;
}

const mobilenetOptions: GraphExportOptions = {
  scope: 'tiny_mobilenet',
  layerScope: (name) => name.replace(/_(bn|relu)$/, '').replace(/^(block\d+)_/, '$1/'),
  inputName: 'image',
  outputName: 'probs',
};

describe('exportGraphModel', () => {
  it('tiny-mobilenet: folded graph gives the LayersModel outputs (execute and executeAsync)', async () => {
    const model = buildTinyMobilenet(6, 11);
    randomizeBatchNorms(model, 12);
    const input = randomInput([4, 32, 32, 3], 13);
    const { execute, executeAsync, exported, graph } = await maxDifferences(model, mobilenetOptions, input);
    expect(execute).toBeLessThan(1e-4);
    expect(executeAsync).toBeLessThan(1e-4);
    const ops = new Set(exported.modelTopology.node.map((n) => n.op));
    for (const op of [
      'Placeholder',
      'Const',
      'Conv2D',
      'DepthwiseConv2dNative',
      'BiasAdd',
      'Relu6',
      'Mean',
    ]) {
      expect(ops).toContain(op);
    }
    expect(ops).toContain('MatMul');
    expect(ops).toContain('Softmax');
    expect(ops).not.toContain('FusedBatchNormV3');
    const names = exported.modelTopology.node.map((n) => n.name);
    expect(names).toContain('tiny_mobilenet/block1/depthwise/depthwise');
    expect(names).toContain('tiny_mobilenet/block3/pointwise/Relu6');
    expect(graph.inputNodes).toEqual(['image']);
    expect(graph.outputNodes).toEqual(['probs']);
  });

  it('tiny-mobilenet: unfolded graph uses FusedBatchNormV3 and agrees too', async () => {
    const model = buildTinyMobilenet(6, 21);
    randomizeBatchNorms(model, 22);
    const input = randomInput([2, 32, 32, 3], 23);
    const result = await maxDifferences(model, { ...mobilenetOptions, foldBatchNorm: false }, input);
    expect(result.execute).toBeLessThan(1e-4);
    expect(result.executeAsync).toBeLessThan(1e-4);
    const batchNorms = result.exported.modelTopology.node.filter((n) => n.op === 'FusedBatchNormV3');
    expect(batchNorms).toHaveLength(7);
  });

  it('point-regions: MatMul/BiasAdd/Relu/Softmax graph agrees with the MLP', async () => {
    const model = buildPointRegions(4, 31);
    const input = randomInput([64, 2], 32);
    const result = await maxDifferences(model, { scope: 'point_regions', inputName: 'points' }, input);
    expect(result.execute).toBeLessThan(1e-4);
    expect(result.executeAsync).toBeLessThan(1e-4);
    expect(result.exported.modelTopology.node.map((n) => n.op)).toEqual(
      expect.arrayContaining(['MatMul', 'BiasAdd', 'Relu', 'Softmax', 'Identity']),
    );
  });

  it('shapes-cnn: MaxPool and Flatten become MaxPool and Reshape', async () => {
    const model = buildShapesCnn(5, 41);
    const input = randomInput([3, 28, 28, 1], 42);
    const result = await maxDifferences(model, { scope: 'shapes_cnn' }, input);
    expect(result.execute).toBeLessThan(1e-4);
    const ops = result.exported.modelTopology.node.map((n) => n.op);
    expect(ops.filter((op) => op === 'MaxPool')).toHaveLength(2);
    expect(ops).toContain('Reshape');
  });

  it('writes a model.json in the converter layout with a manifest that covers the weight bytes', () => {
    const exported = exportGraphModel(buildPointRegions(4, 51), { scope: 'point_regions' });
    const json = graphModelJson(exported) as {
      format: string;
      weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[];
      signature: { inputs: Record<string, { name: string }> };
    };
    expect(json.format).toBe('graph-model');
    expect(json.weightsManifest[0]!.paths).toEqual(['group1-shard1of1.bin']);
    const floats = json.weightsManifest[0]!.weights.reduce(
      (n, w) => n + w.shape.reduce((a, b) => a * b, 1),
      0,
    );
    expect(floats * 4).toBe(exported.weightData.byteLength);
    expect(json.signature.inputs['input']!.name).toBe('input:0');
    const matmul = exported.modelTopology.node.find((n) => n.op === 'MatMul')!;
    expect(matmul.attr!['transpose_a']).toEqual({ b: false });
    const conv = exportGraphModel(buildShapesCnn(5, 52), { scope: 's' }).modelTopology.node.find(
      (n) => n.op === 'Conv2D',
    )!;
    expect(conv.attr!['padding']).toEqual({ s: btoa('SAME') });
    expect(conv.attr!['strides']).toEqual({ list: { i: ['1', '1', '1', '1'] } });
  });

  it('refuses layers it cannot translate instead of exporting a different computation', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [2], units: 3 }), tf.layers.leakyReLU({ alpha: 0.1 })],
    });
    expect(() => exportGraphModel(model, { scope: 'bad' })).toThrow(/LeakyReLU.*not supported/);
  });
});
