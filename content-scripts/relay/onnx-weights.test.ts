// The content script's ONNX weights on the gallery's shipped models: the weights digest equals the CLI's for the same
// file (both paths, each with its own hasher), a conv node's Const inputs give their kernels and biases, and external
// data is told to the reader instead of failing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeOnnxBytes } from '../../model/onnx/describe-onnx';
import { digestOnnxSource } from '../../cli/check/onnx-weights-digest';
import { modelWith } from '../../model/onnx/onnx-test-models';
import { sha256Bytes } from '../../model/describe/sha256';
import { OnnxWeights, WeightsNotShown } from './onnx-weights';
import { kernelForPictures } from '../overlay/views/kernel-layout';

const MODELS = ['shapes-cnn-onnx/model.onnx', 'sentiment-tiny/onnx/model.onnx'].map(
  (p) => new URL(`../../demos/onnx-models/${p}`, import.meta.url),
);

function weightsOf(file: Uint8Array): { weights: OnnxWeights; asked: () => number } {
  let asked = 0;
  const graph = describeOnnxBytes(file, {
    id: 'o1',
    sourceUrl: null,
    origin: 'memory',
    executionProvider: 'wasm',
    runtimeVersion: null,
  });
  const weights = new OnnxWeights({
    bytes: () => {
      asked++;
      return Promise.resolve(file.slice().buffer);
    },
    graph: () => Promise.resolve(graph),
  });
  return { weights, asked: () => asked };
}

describe('ONNX weights in the content script', () => {
  for (const url of MODELS) {
    it(`digests ${url.pathname.split('/demos/')[1]} as the CLI does`, async () => {
      const file = new Uint8Array(readFileSync(url));
      const { weights, asked } = weightsOf(file);
      weights.keep('o1', file.slice().buffer);
      const browser = await weights.digest('o1');
      const cli = await digestOnnxSource(url.pathname);
      expect(browser.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(browser.digest).toBe(cli.digest);
      expect(browser.weights).toBe(cli.weights);
      expect(browser.bytes).toBe(cli.bytes);
      // Every value the describe counts is hashed (float32 and int64 alike).
      const params = describeOnnxBytes(file, {
        id: 'o1',
        sourceUrl: null,
        origin: 'files',
        executionProvider: 'wasm',
        runtimeVersion: null,
      }).totals.params;
      expect(cli.entries.reduce((a, e) => a + e.shape.reduce((x, d) => x * d, 1), 0)).toBe(params);
      expect(asked()).toBe(0); // the bytes describe brought were used, nothing asked again
    });
  }

  it('hashes each initializer’s stored bytes (checked with the JS SHA-256 on a slice of the file)', async () => {
    const file = new Uint8Array(readFileSync(MODELS[0]!));
    const cli = await digestOnnxSource(MODELS[0]!.pathname);
    const bias = cli.entries.find((e) => e.name === 'conv1.bias')!;
    // conv1.bias is 16 float32 values; find its raw_data (field 9, 64 bytes) right after its name in the file.
    const name = new TextEncoder().encode('conv1.bias');
    let at = -1;
    for (let i = 0; i < file.length - name.length && at < 0; i++)
      if (name.every((b, j) => file[i + j] === b) && file[i + name.length] === 0x4a) at = i + name.length + 2;
    expect(at).toBeGreaterThan(0);
    expect(sha256Bytes(file.subarray(at, at + 64))).toBe(bias.sha256);
  });

  it('reads a conv node’s kernel and bias through its Const inputs; the op itself answers none', async () => {
    const file = new Uint8Array(readFileSync(MODELS[0]!));
    const { weights, asked } = weightsOf(file);
    const [kernel] = await weights.read('o1', 'conv1.weight', 65_536);
    expect(kernel).toMatchObject({ name: 'conv1.weight', shape: [16, 3, 3, 3], sourceShape: [16, 3, 3, 3] });
    expect(new Float32Array(kernel!.buffer).length).toBe(432);
    expect(asked()).toBe(1); // not kept yet: asked for once, then kept
    const [cut] = await weights.read('o1', 'conv2.weight', 1000);
    expect(cut).toMatchObject({ shape: [6, 16, 3, 3], sourceShape: [32, 16, 3, 3] });
    expect(cut!.stats.std).toBeGreaterThan(0);
    // A tiny budget keeps whole leading rows of the first axes: one filter, one input channel, two kernel rows.
    const [tiny] = await weights.read('o1', 'conv1.weight', 8);
    expect(tiny).toMatchObject({ shape: [1, 1, 2, 3], sourceShape: [16, 3, 3, 3] });
    expect([...new Float32Array(tiny!.buffer)]).toEqual([...new Float32Array(kernel!.buffer).slice(0, 6)]);
    // The Conv op (id: its output 'conv1') answers none: the view reads its Const inputs.
    expect(await weights.read('o1', 'conv1', 100)).toEqual([]);
    await expect(weights.read('o1', 'no-such-node', 100)).rejects.toThrow(/No node no-such-node/);
    expect(asked()).toBe(1);
  });

  it('tells the reader when weights are stored outside the model file', async () => {
    const file = modelWith([{ name: 'emb', dims: [10, 4], dataType: 1, external: 'model.onnx_data' }]);
    const { weights } = weightsOf(file);
    await expect(weights.read('o1', 'emb', 100)).rejects.toBeInstanceOf(WeightsNotShown);
    await expect(weights.read('o1', 'emb', 100)).rejects.toThrow(/stored outside the model file/);
    const digest = await weights.digest('o1');
    expect(digest).toMatchObject({ weights: 0, skipped: 1 });
  });

  it('turns a channels-first kernel [out, in, kh, kw] into the pictures’ [kh, kw, in, out]', () => {
    const values = Float32Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i);
    const { shape, values: hwio } = kernelForPictures([2, 3, 2, 2], values, 'channels-first');
    expect(shape).toEqual([2, 2, 3, 2]);
    // out 1, in 2, y 1, x 0 → OIHW index ((1*3+2)*2+1)*2+0 = 22; HWIO index ((1*2+0)*3+2)*2+1 = 17.
    expect(hwio[17]).toBe(22);
    expect(kernelForPictures([3, 3, 1, 4], values, 'channels-last').shape).toEqual([3, 3, 1, 4]);
  });
});
