// The ONNX probe on real ONNX Runtime Web (wasm, in Node) and the gallery's committed models: the session handler's
// own run gives what InferenceSession.run gives, companion inputs are filled, inner nodes come from a side runner (and
// are refused without one), the page's last feeds run as 'last-input' and read back, other inputs refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { withExtraOutputs } from '../../../model/onnx/extra-outputs';
import { InnerRunner } from '../onnx/onnx-inner';
import { makeFeeds, runOnnxProbe, sessionInputs } from './onnx-probe';

const MODELS = join(import.meta.dirname, '../../../demos/onnx-models');
type WithHandler = ort.InferenceSession & { handler: object };

let image: WithHandler;
let text: WithHandler;

beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  image = (await ort.InferenceSession.create(
    readFileSync(join(MODELS, 'shapes-cnn-onnx/model.onnx')),
  )) as WithHandler;
  text = (await ort.InferenceSession.create(
    readFileSync(join(MODELS, 'sentiment-tiny/onnx/model.onnx')),
  )) as WithHandler;
});

const floats = (buffer: ArrayBuffer) => Array.from(new Float32Array(buffer));

describe('runOnnxProbe', () => {
  it('reads input names and element types from the handler', () => {
    expect(sessionInputs(image.handler)).toEqual([{ name: 'image', type: 'float32' }]);
    expect(sessionInputs(text.handler).map((i) => `${i.name}:${i.type}`)).toEqual([
      'input_ids:int64',
      'attention_mask:int64',
      'token_type_ids:int64',
    ]);
  });

  it('gives the image model’s probabilities exactly as session.run does', async () => {
    const values = Array.from({ length: 3 * 32 * 32 }, (_, i) => ((i * 37) % 255) / 255);
    const [probe] = await runOnnxProbe(image.handler, { type: 'tensor', shape: [1, 3, 32, 32], values }, [
      'probabilities',
    ]);
    const direct = await image.run({
      image: new ort.Tensor('float32', Float32Array.from(values), [1, 3, 32, 32]),
    });
    expect(probe!.nodeId).toBe('probabilities');
    expect(probe!.shape).toEqual([1, 6]);
    expect(floats(probe!.buffer)).toEqual(Array.from(direct.probabilities!.data as Float32Array));
  });

  it('fills attention_mask with ones and token_type_ids with zeros for token ids', async () => {
    const tokenizer = JSON.parse(readFileSync(join(MODELS, 'sentiment-tiny/tokenizer.json'), 'utf8')) as {
      model: { vocab: Record<string, number> };
    };
    const vocab = tokenizer.model.vocab;
    const ids = ['[CLS]', 'the', 'film', 'was', 'not', 'good', '[SEP]'].map((w) => vocab[w]!);
    const [probe] = await runOnnxProbe(
      text.handler,
      { type: 'tensor', shape: [1, ids.length], values: ids },
      [],
    );
    const big = (fill: (i: number) => number) =>
      new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (_, i) => BigInt(fill(i))),
        [1, ids.length],
      );
    const direct = await text.run({
      input_ids: big((i) => ids[i]!),
      attention_mask: big(() => 1),
      token_type_ids: big(() => 0),
    });
    expect(floats(probe!.buffer)).toEqual(Array.from(direct.logits!.data as Float32Array));
    const [negative, positive] = floats(probe!.buffer);
    expect(negative).toBeGreaterThan(positive!);
  });

  it('refuses inner nodes, pictures, the last input and inputs it cannot fill, with reasons', async () => {
    const tensor = { type: 'tensor' as const, shape: [1, 3, 32, 32], values: new Array(3072).fill(0) };
    await expect(runOnnxProbe(image.handler, tensor, ['relu1'])).rejects.toThrow(/Only the model's outputs/);
    expect(() => makeFeeds([{ name: 'image', type: 'float32' }], { type: 'last-input' })).toThrow(
      /last input/,
    );
    expect(() =>
      makeFeeds([{ name: 'image', type: 'float32' }], {
        type: 'image',
        width: 1,
        height: 1,
        rgba: new ArrayBuffer(4),
      }),
    ).toThrow(/as a tensor/);
    expect(() =>
      makeFeeds(
        [
          { name: 'input_ids', type: 'int64' },
          { name: 'pixel_values', type: 'float32' },
        ],
        { type: 'tensor', shape: [1, 2], values: [1, 2] },
      ),
    ).toThrow(/pixel_values/);
    expect(() =>
      makeFeeds([{ name: 'x', type: 'string' }], { type: 'tensor', shape: [1], values: [1] }),
    ).toThrow(/type string/);
  });

  it('reads inner nodes from a side runner, equal to a session that outputs them, beside the outputs', async () => {
    const bytes = new Uint8Array(readFileSync(join(MODELS, 'shapes-cnn-onnx/model.onnx')));
    let made = 0;
    const inner = new InnerRunner({
      bytes: () => Promise.resolve(bytes.slice().buffer),
      createHandler: async (model) => {
        made++;
        return ((await ort.InferenceSession.create(model)) as WithHandler).handler;
      },
    });
    const values = Array.from({ length: 3072 }, (_, i) => Math.abs(Math.sin(i)));
    const got = await runOnnxProbe(
      image.handler,
      { type: 'tensor', shape: [1, 3, 32, 32], values },
      ['relu1', 'probabilities'],
      { inner },
    );
    const reference = await ort.InferenceSession.create(withExtraOutputs(bytes, ['relu1']));
    const direct = await reference.run({
      image: new ort.Tensor('float32', Float32Array.from(values), [1, 3, 32, 32]),
    });
    expect(got.map((v) => v.nodeId)).toEqual(['relu1', 'probabilities']);
    expect(got[0]!.shape).toEqual([...direct.relu1!.dims]);
    expect(floats(got[0]!.buffer)).toEqual(Array.from(direct.relu1!.data as Float32Array));
    expect(floats(got[1]!.buffer)).toEqual(Array.from(direct.probabilities!.data as Float32Array));
    await runOnnxProbe(image.handler, { type: 'tensor', shape: [1, 3, 32, 32], values }, ['relu2'], {
      inner,
    });
    expect(made).toBe(2);
    await inner.release();
  });

  it('runs the page’s last feeds as the last input, and reads an input back from them', async () => {
    const ids = [2, 7, 62, 9, 32, 3];
    const big = (fill: (i: number) => number) =>
      new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (_, i) => BigInt(fill(i))),
        [1, ids.length],
      );
    const lastFeeds = {
      input_ids: big((i) => ids[i]!),
      attention_mask: big(() => 1),
      token_type_ids: big(() => 0),
    };
    const [inputIds, logits] = await runOnnxProbe(
      text.handler,
      { type: 'last-input' },
      ['input_ids', 'logits'],
      { lastFeeds },
    );
    expect(inputIds!.shape).toEqual([1, 6]);
    expect(floats(inputIds!.buffer)).toEqual(ids);
    const direct = await text.run(lastFeeds);
    expect(floats(logits!.buffer)).toEqual(Array.from(direct.logits!.data as Float32Array));
    await expect(runOnnxProbe(text.handler, { type: 'last-input' }, ['input_ids'])).rejects.toThrow(
      /not run this ONNX model since Literate began watching/,
    );
  });
});
