// A copy of an ONNX model with extra graph outputs, run by real ONNX Runtime Web (wasm, in Node): the inner tensors
// come out with their shapes and values, and the model's own outputs are bit-identical to the original session's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnnxBytes } from './describe-onnx';
import { MAX_EXTRA_OUTPUTS, withExtraOutputs } from './extra-outputs';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

describe('withExtraOutputs', () => {
  it('adds inner tensors of the image CNN as outputs; its probabilities stay bit-identical', async () => {
    const bytes = read('demos/onnx-models/shapes-cnn-onnx/model.onnx');
    const original = await ort.InferenceSession.create(bytes);
    const extended = await ort.InferenceSession.create(
      withExtraOutputs(bytes, ['relu1', 'pool2', 'logits', 'features']),
    );
    expect(extended.outputNames).toEqual(['probabilities', 'relu1', 'pool2', 'logits', 'features']);
    const values = Float32Array.from({ length: 3072 }, (_, i) => ((i * 53) % 256) / 255);
    const feeds = { image: new ort.Tensor('float32', values, [1, 3, 32, 32]) };
    const [a, b] = [await original.run(feeds), await extended.run(feeds)];
    expect(Array.from(b.probabilities!.data as Float32Array)).toEqual(
      Array.from(a.probabilities!.data as Float32Array),
    );
    expect(b.relu1!.dims).toEqual([1, 16, 32, 32]);
    expect(Math.min(...(b.relu1!.data as Float32Array))).toBeGreaterThanOrEqual(0);
    expect(b.pool2!.dims).toEqual([1, 32, 8, 8]);
    const logits = Array.from(b.logits!.data as Float32Array);
    const exp = logits.map((z) => Math.exp(z - Math.max(...logits)));
    const softmax = exp.map((e) => e / exp.reduce((s, x) => s + x, 0));
    const probs = Array.from(a.probabilities!.data as Float32Array);
    softmax.forEach((p, i) => expect(p).toBeCloseTo(probs[i]!, 6));
  });

  it('works on the transformers.js text model and a model without shape annotations', async () => {
    const text = await ort.InferenceSession.create(
      withExtraOutputs(read('demos/onnx-models/sentiment-tiny/onnx/model.onnx'), ['pooled', 'relu']),
    );
    const ids = [2, 5, 63, 9, 32, 3];
    const t = (f: (i: number) => number) =>
      new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (_, i) => BigInt(f(i))),
        [1, 6],
      );
    const out = await text.run({
      input_ids: t((i) => ids[i]!),
      attention_mask: t(() => 1),
      token_type_ids: t(() => 0),
    });
    expect(out.pooled!.dims).toEqual([1, 32]);
    expect(out.relu!.dims).toEqual([1, 32, 6]);
    // The fixture declares no inner value_info: the extra output has no type in the file either.
    const fixture = read('test/fixtures/onnx/tiny-cnn.onnx');
    const graph = describeOnnxBytes(fixture, {
      id: 'o1',
      sourceUrl: null,
      origin: 'files',
      executionProvider: 'wasm',
      runtimeVersion: null,
    });
    const outputs = new Set(graph.outputs.map((o) => o.nodeId));
    const inner = graph.nodes.find((n) => n.category === 'op' && !outputs.has(n.id))!;
    const session = await ort.InferenceSession.create(withExtraOutputs(fixture, [inner.id]));
    const input = graph.inputs[0]!;
    const shape = input.shape!.map((d) => d ?? 1);
    const size = shape.reduce((a, d) => a * d, 1);
    const result = await session.run({
      [input.name]: new ort.Tensor('float32', new Float32Array(size).fill(0.25), shape),
    });
    expect(result[inner.id]!.dims.length).toBeGreaterThan(0);
  });

  it('refuses empty and oversized requests', () => {
    const bytes = new Uint8Array([8, 8]);
    expect(() => withExtraOutputs(bytes, [])).toThrow(/no extra outputs/);
    expect(() =>
      withExtraOutputs(
        bytes,
        Array.from({ length: MAX_EXTRA_OUTPUTS + 1 }, (_, i) => `t${i}`),
      ),
    ).toThrow(/at most/);
    expect(withExtraOutputs(bytes, ['a', 'a']).length).toBe(bytes.length + 2 + 2 + 3);
  });
});
