// Model files the hook's e2e pages load over HTTP: the describe fixtures' small graph (conv → relu → split → add)
// with deterministic non-zero weights, as model.json plus one weights shard, readable by tf.js 1.x–4.x.

import { graphJson, type WeightEntry } from '../../../model/describe/test-fixtures';
import { concatBytes } from '../../../base/bytes';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The weight bytes as stored: quantized weights as random uint16/uint8, floats in [-1, 1], the split axis 3. */
export function weightBytes(specs: WeightEntry[], seed = 1): Uint8Array {
  const rnd = prng(seed);
  const chunks: Uint8Array[] = [];
  for (const w of specs) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.quantization?.dtype === 'uint16') {
      chunks.push(new Uint8Array(Uint16Array.from({ length: n }, () => Math.floor(rnd() * 65535)).buffer));
    } else if (w.quantization?.dtype === 'uint8') {
      chunks.push(Uint8Array.from({ length: n }, () => Math.floor(rnd() * 255)));
    } else if (w.dtype === 'int32') {
      chunks.push(
        new Uint8Array(Int32Array.from({ length: n }, () => (w.name === 'split/dim' ? 3 : 0)).buffer),
      );
    } else {
      chunks.push(new Uint8Array(Float32Array.from({ length: n }, () => rnd() * 2 - 1).buffer));
    }
  }
  return concatBytes(chunks);
}

/** model.json and its shard for the small graph; `shard` is the file name the manifest points at. */
export function smallGraphFiles(shard = 'weights.bin', seed = 1): { json: string; weights: Uint8Array } {
  const fixture = graphJson({ stride: 1 });
  const json = {
    format: 'graph-model',
    generatedBy: 'literate e2e',
    convertedBy: 'hand',
    modelTopology: fixture.modelTopology,
    weightsManifest: [{ paths: [shard], weights: fixture.weightSpecs }],
  };
  return { json: JSON.stringify(json), weights: weightBytes(fixture.weightSpecs, seed) };
}

/** Node ids of the small graph worth tapping (ops, the input and a weight). */
export const SMALL_GRAPH_TAPS = [
  'x',
  'conv/Conv2D',
  'conv/BiasAdd',
  'relu',
  'split',
  'add',
  'out',
  'conv/kernel',
];
