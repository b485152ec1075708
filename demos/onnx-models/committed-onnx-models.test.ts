// Checks the ONNX models committed under demos/onnx-models: the files are the ones make.py last wrote (report.json
// hashes), they load in ONNX Runtime Web (wasm, in Node) and transformers.js, and they classify fresh data.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOLID_SIZE, solidDataset } from '../models/datasets.js';

const HERE = dirname(fileURLToPath(import.meta.url));

interface Report {
  files: Record<string, { bytes: number; sha256: string }>;
  'shapes-cnn-onnx': { test_accuracy: number; parameters: number; classes: string[] };
  'sentiment-tiny': { test_accuracy: number; parameters: number; labels: string[] };
}
const report = JSON.parse(readFileSync(join(HERE, 'report.json'), 'utf8')) as Report;

/** HWC floats of `count` images → one NCHW batch. */
function toNchw(xs: Float32Array, count: number, side: number): Float32Array {
  const out = new Float32Array(xs.length);
  const plane = side * side;
  for (let n = 0; n < count; n++) {
    for (let p = 0; p < plane; p++) {
      for (let c = 0; c < 3; c++) out[n * 3 * plane + c * plane + p] = xs[(n * plane + p) * 3 + c]!;
    }
  }
  return out;
}

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

describe('committed ONNX model files', () => {
  it('are the bytes make.py recorded in report.json', () => {
    const names = Object.keys(report.files);
    expect(names).toEqual(
      expect.arrayContaining(['shapes-cnn-onnx/model.onnx', 'sentiment-tiny/onnx/model.onnx']),
    );
    for (const name of names) {
      const bytes = readFileSync(join(HERE, name));
      expect(bytes.length, name).toBe(report.files[name]!.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(report.files[name]!.sha256);
    }
  });
});

describe('shapes-cnn-onnx', () => {
  it('classifies fresh coloured shapes (never seen in training) with accuracy ≥ 0.9 in ONNX Runtime Web', async () => {
    const session = await ort.InferenceSession.create(readFileSync(join(HERE, 'shapes-cnn-onnx/model.onnx')));
    expect(session.inputNames).toEqual(['image']);
    expect(session.outputNames).toEqual(['probabilities']);
    const data = solidDataset(240, 9601);
    const labels = JSON.parse(readFileSync(join(HERE, 'shapes-cnn-onnx/labels.json'), 'utf8')) as string[];
    expect(labels).toEqual([...data.classes]);
    const input = new ort.Tensor('float32', toNchw(data.xs, data.count, SOLID_SIZE), [
      data.count,
      3,
      SOLID_SIZE,
      SOLID_SIZE,
    ]);
    const { probabilities } = await session.run({ image: input });
    const probs = probabilities!.data as Float32Array;
    const classes = labels.length;
    let correct = 0;
    for (let n = 0; n < data.count; n++) {
      const row = probs.subarray(n * classes, (n + 1) * classes);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      if (row.indexOf(Math.max(...row)) === data.labels[n]) correct++;
    }
    expect(correct / data.count).toBeGreaterThanOrEqual(0.9);
    await session.release();
  });
});

describe('sentiment-tiny', () => {
  it('runs as a transformers.js text-classification pipeline from the local folder and gets phrases right', async () => {
    const { pipeline, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = `${HERE}/`;
    const classify = await pipeline('text-classification', 'sentiment-tiny', { dtype: 'fp32' });
    const phrases: [string, string][] = [
      ['The acting was truly superb!', 'POSITIVE'],
      ['the plot was not very clever', 'NEGATIVE'],
      ['i did not enjoy the meal', 'NEGATIVE'],
      ['what a tedious album', 'NEGATIVE'],
      ['my favourite song', 'POSITIVE'],
      ['the hotel was never boring', 'POSITIVE'],
    ];
    const results = (await classify(phrases.map(([text]) => text))) as { label: string; score: number }[];
    expect(results.map((r) => r.label)).toEqual(phrases.map(([, label]) => label));
    for (const r of results) expect(r.score).toBeGreaterThan(0.9);
    // No opinion word (a noun and a word outside the vocabulary, which becomes [UNK]): close to even.
    const neutral = (await classify('the zebra', { top_k: null })) as { label: string; score: number }[];
    for (const r of neutral) expect(r.score).toBeGreaterThan(0.35);
    await classify.dispose();
  });
});
