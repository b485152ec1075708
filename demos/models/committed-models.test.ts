// Checks the model files committed under demos/models: they load, keep their meaningful layer names and labels,
// classify fresh data (generated here, never seen in training) well, and their two formats agree.
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryHandler } from './model-files.js';
import { type Dataset, drawingDataset, regionsDataset, solidDataset, spiralDataset } from './datasets.js';
import { accuracy, examplesTensor } from './train.js';
import { edgeScore } from './edge-score.js';

const MODELS = dirname(fileURLToPath(import.meta.url));
const REPO = join(MODELS, '..', '..');

const loadLayers = (name: string) => tf.loadLayersModel(directoryHandler(join(MODELS, name)));
const loadGraph = (name: string) => tf.loadGraphModel(directoryHandler(join(MODELS, name)));
const labelsOf = (name: string) =>
  JSON.parse(readFileSync(join(MODELS, name, 'labels.json'), 'utf8')) as string[];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each<[string, () => Dataset, number, string[]]>([
  [
    'shapes-cnn',
    () => drawingDataset(400, 9101),
    0.9,
    ['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'dense1', 'probs'],
  ],
  [
    'tiny-mobilenet',
    () => solidDataset(300, 9201),
    0.75,
    ['conv1', 'block1_depthwise', 'block3_pointwise', 'probs'],
  ],
  ['spiral-mlp', () => spiralDataset(600, 9301), 0.95, ['hidden1', 'hidden2', 'probs']],
  ['point-regions-layers', () => regionsDataset(1000, 9401), 0.95, ['hidden1', 'hidden2', 'probs']],
])('%s', (name, fresh, minimumAccuracy, layerNames) => {
  it(`classifies fresh data with accuracy ≥ ${minimumAccuracy}`, async () => {
    const model = await loadLayers(name);
    const data = fresh();
    expect(labelsOf(name)).toEqual([...data.classes]);
    expect(accuracy(model, data)).toBeGreaterThanOrEqual(minimumAccuracy);
  });

  it('keeps meaningful layer names', async () => {
    const model = await loadLayers(name);
    const names = model.layers.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(layerNames));
  });
});

describe.each([
  ['tiny-mobilenet', 'tiny-mobilenet-graph', () => solidDataset(12, 9501)],
  ['point-regions-layers', 'point-regions', () => regionsDataset(200, 9502)],
])('%s and its graph export %s', (layersName, graphName, inputs) => {
  it('give the same outputs with predict, execute and executeAsync', async () => {
    const [model, graph] = await Promise.all([loadLayers(layersName), loadGraph(graphName)]);
    expect(labelsOf(graphName)).toEqual(labelsOf(layersName));
    const xs = examplesTensor(inputs());
    const expected = model.predict(xs) as tf.Tensor;
    const viaExecute = graph.execute(xs) as tf.Tensor;
    const viaAsync = (await graph.executeAsync(xs)) as tf.Tensor;
    for (const actual of [viaExecute, viaAsync]) {
      expect(tf.max(tf.abs(tf.sub(expected, actual))).dataSync()[0]).toBeLessThan(1e-4);
    }
    tf.dispose([xs, expected, viaExecute, viaAsync]);
  });
});

describe('shapes-cnn first layer', () => {
  it('learned oriented edge and line detectors (random 5×5 filters score ~0.35, 90% below 0.47)', async () => {
    const model = await loadLayers('shapes-cnn');
    const kernel = model.getLayer('conv1').getWeights()[0]!;
    expect(kernel.shape).toEqual([5, 5, 1, 8]);
    const values = kernel.dataSync();
    const scores = Array.from({ length: 8 }, (_, f) =>
      edgeScore(
        Array.from({ length: 25 }, (_, i) => values[i * 8 + f]!),
        5,
      ),
    );
    expect(scores.filter((s) => s >= 0.55).length).toBeGreaterThanOrEqual(5);
  });
});

describe('edgeScore', () => {
  it('scores a Sobel edge and a bar high and noise low', () => {
    const sobel = [-1, -2, 0, 2, 1, -2, -4, 0, 4, 2, -3, -6, 0, 6, 3, -2, -4, 0, 4, 2, -1, -2, 0, 2, 1];
    const bar = [
      -1, -1, 2, -1, -1, -1, -1, 2, -1, -1, -1, -1, 2, -1, -1, -1, -1, 2, -1, -1, -1, -1, 2, -1, -1,
    ];
    const checker = Array.from({ length: 25 }, (_, i) => (((i % 5) + Math.floor(i / 5)) % 2 ? 1 : -1));
    expect(edgeScore(sobel, 5)).toBeGreaterThan(0.8);
    expect(edgeScore(bar, 5)).toBeGreaterThan(0.5);
    expect(edgeScore(checker, 5)).toBeLessThan(0.3);
  });
});

describe('spiral-mlp on tf.js 1.7.4', () => {
  it('loads with the legacy loadLayersModel and predicts what tf.js 4 predicts', async () => {
    const points = [0.1, 0.2, -0.5, 0.4, 0.7, -0.6, 0, 0];
    // A separate process: two tf.js copies in one realm would share one engine.
    const script = `
      const tf = require('tfjs1');
      const fs = require('fs');
      const path = require('path');
      const dir = process.env.MODEL_DIR;
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const bytes = fs.readFileSync(path.join(dir, json.weightsManifest[0].paths[0]));
      (async () => {
        await tf.setBackend('cpu');
        const handler = tf.io.fromMemory(json.modelTopology, json.weightsManifest[0].weights, new Uint8Array(bytes).buffer);
        const model = await tf.loadLayersModel(handler);
        const points = JSON.parse(process.env.POINTS);
        const probs = model.predict(tf.tensor2d(points, [points.length / 2, 2])).dataSync();
        console.log(JSON.stringify({ version: tf.version.tfjs, names: model.layers.map((l) => l.name), probs: Array.from(probs) }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: REPO,
      env: { ...process.env, MODEL_DIR: join(MODELS, 'spiral-mlp'), POINTS: JSON.stringify(points) },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const legacy = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      version: string;
      names: string[];
      probs: number[];
    };
    expect(legacy.version).toBe('1.7.4');
    expect(legacy.names).toEqual(['hidden1', 'hidden2', 'probs']);
    const model = await loadLayers('spiral-mlp');
    const modern = (model.predict(tf.tensor2d(points, [4, 2])) as tf.Tensor).dataSync();
    expect(legacy.probs).toHaveLength(12);
    legacy.probs.forEach((p, i) => expect(Math.abs(p - modern[i]!)).toBeLessThan(1e-5));
  });
});
