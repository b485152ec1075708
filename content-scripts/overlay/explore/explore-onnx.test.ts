// "Try your own input" on ONNX models (pure parts): the gallery's real ONNX graphs get a channels-first picture and
// token ids (companions made by the probe), other ONNX inputs a reason; the page's [1, C, H, W] input reads back as
// the picture it is and the reader's picture goes out as [1, C, H, W]; probe values of inner nodes are reduced on
// ONNX's channel axis exactly as the hook's ONNX taps reduce them; typed words and ids become token ids and back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOnnxBytes } from '../../../model/onnx/describe-onnx';
import type { ModelGraph } from '../../../model/model-graph';
import type { TapFrame } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';
import { reduceValues as onnxTapReduce } from '../../hook/onnx/onnx-taps';
import { toProbeInput } from '../run/probe-input';
import { ExploreFeed } from './explore-feed';
import { valuesToImage } from './image-edits';
import { inputKind } from './input-kind';
import { frameFromProbe, reduceValues } from './probe-frames';
import { encodeTokenIds, tokenIdsTensor, tokenIdsToText } from './token-ids';

const MODELS = join(import.meta.dirname, '../../../demos/onnx-models');
const describeFile = (path: string): ModelGraph =>
  describeOnnxBytes(new Uint8Array(readFileSync(join(MODELS, path))), {
    id: path,
    sourceUrl: null,
    origin: 'network' as ModelGraph['origin'],
    executionProvider: 'wasm',
    runtimeVersion: null,
  });
const shapes = describeFile('shapes-cnn-onnx/model.onnx');
const sentiment = describeFile('sentiment-tiny/onnx/model.onnx');
const onnxInput = (name: string, shape: (number | null)[], dtype: string) => ({
  runtime: 'onnx' as const,
  inputs: [{ name, nodeId: name, shape, dtype }],
});

describe('the controls an ONNX model gets', () => {
  it('a channels-first picture for the shapes CNN, token ids for the sentiment model', () => {
    expect(inputKind(shapes)).toEqual({
      kind: 'image',
      height: 32,
      width: 32,
      channels: 3,
      int32: false,
      layout: 'channels-first',
    });
    expect(inputKind(sentiment)).toEqual({ kind: 'tokens', length: null });
    // The same shape on tf.js is channels last: [1, 3, 32, 32] is no picture there.
    expect(inputKind({ inputs: shapes.inputs })).toMatchObject({ kind: 'none' });
  });

  it('a reason naming the inputs for what it cannot feed', () => {
    const two = {
      runtime: 'onnx' as const,
      inputs: [
        { name: 'pixel_values', nodeId: 'pixel_values', shape: [1, 3, 8, 8], dtype: 'float32' },
        { name: 'boxes', nodeId: 'boxes', shape: [1, 4], dtype: 'float32' },
      ],
    };
    expect(inputKind(two)).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/2 inputs \(pixel_values, boxes\).*attention_mask/),
    });
    expect(inputKind(onnxInput('image', [1, 3, 8, 8], 'uint8'))).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/image holds uint8/),
    });
    const floatIds = {
      ...sentiment,
      inputs: [{ ...sentiment.inputs[0]!, dtype: 'float32' }, ...sentiment.inputs.slice(1)],
    };
    expect(inputKind(floatIds)).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/not a sequence of token ids/),
    });
    expect(inputKind(onnxInput('ids', [1, 16], 'int32'))).toEqual({ kind: 'tokens', length: 16 });
    expect(inputKind(onnxInput('x', [1, 4], 'float32'))).toEqual({ kind: 'vector', features: 4 });
  });
});

describe('pictures, channels first', () => {
  const chw = Float32Array.from({ length: 3 * 2 * 2 }, (_, i) => Math.floor(i / 4) * 0.25 + (i % 4) * 0.05);
  it("reads the page's [1, C, H, W] input back as the picture it is, and sends the reader's out the same way", () => {
    const image = valuesToImage(chw, [1, 3, 2, 2], { mean: [0], std: [1] }, false, 'channels-first')!;
    expect([image.width, image.height]).toEqual([2, 2]);
    // Pixel (0, 1) = index 1 of each plane: R 0.05, G 0.3, B 0.55.
    expect([...image.rgba.slice(4, 8)]).toEqual([13, 77, 140, 255]);
    const { input } = toProbeInput(
      { type: 'image', ...image, normalize: { mean: [0], std: [1] } },
      { inputs: [{ name: 'x', nodeId: 'x', shape: [null, 3, 2, 2], dtype: 'float32' }], runtime: 'onnx' },
    );
    expect(input.type).toBe('tensor');
    if (input.type !== 'tensor') return;
    expect(input.shape).toEqual([1, 3, 2, 2]);
    input.values.forEach((v, i) => expect(v).toBeCloseTo(chw[i]!, 2));
  });
});

describe('live views of an ONNX model on the reader’s input', () => {
  const shape = [1, 4, 3, 5];
  const values = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i) * 3);
  it('reduce per channel on axis 1, as the hook’s ONNX taps do', () => {
    for (const reduction of ['channel-mean', 'channel-max'] as const) {
      const ours = reduceValues(shape, values, reduction, 'channels-first');
      const taps = onnxTapReduce(shape, values, reduction);
      expect(ours.shape).toEqual([1, 4]);
      expect(ours.shape).toEqual(taps.shape);
      expect([...ours.values]).toEqual([...taps.values]);
    }
    // Channels last would have averaged other numbers.
    expect([...reduceValues(shape, values, 'channel-mean').values]).not.toEqual([
      ...reduceValues(shape, values, 'channel-mean', 'channels-first').values,
    ]);
  });

  it('the feed hands a view of an ONNX model frames reduced on its channel axis', async () => {
    const frames: TapFrame[] = [];
    const api = {
      version: 1,
      subscribe: () => undefined,
      probe: async (_m: string, _i: unknown, ids: string[]) =>
        ids.map((nodeId) => {
          const v = nodeId === 'relu1' ? values : new Float32Array([0.2, 0.8]);
          return {
            nodeId,
            shape: nodeId === 'relu1' ? shape : [1, 2],
            dtype: 'float32' as const,
            buffer: v.slice().buffer,
          };
        }),
    } as unknown as ContentApi;
    const feed = new ExploreFeed(api);
    const session = feed.session({ ...shapes, id: 'm' });
    const stop = new AbortController();
    feed.api.subscribe(
      'm',
      [{ nodeId: 'relu1', reduction: 'channel-mean' }],
      { maxInFlight: 1, bytesPerSecond: 1e6, hz: 10 },
      (f) => frames.push(f),
      stop.signal,
    );
    session.setInput({ kind: 'tensor', shape: [1, 3, 32, 32], values: new Float32Array(3072) });
    await new Promise((r) => setTimeout(r, 150));
    stop.abort();
    expect(frames.length).toBeGreaterThan(0);
    const frame = frames.at(-1)!;
    expect(frame.shape).toEqual([1, 4]);
    expect([...new Float32Array(frame.buffer)]).toEqual([
      ...onnxTapReduce(shape, values, 'channel-mean').values,
    ]);
    expect(frameFromProbe('s', 'm', { nodeId: 'relu1', shape, values }, 'channel-mean', 1, 0).shape).toEqual([
      1, 5,
    ]);
  });
});

describe('token ids', () => {
  const vocabulary = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'the', 'film', 'was', 'not', 'good'];
  it('typed words through the vocabulary (exact, then lower case), unknown words named', () => {
    expect(encodeTokenIds('[CLS] The film was not good [SEP]', vocabulary)).toEqual({
      ids: [2, 4, 5, 6, 7, 8, 3],
      unknown: [],
      bad: [],
    });
    expect(encodeTokenIds('the zebra was a zebra', vocabulary).unknown).toEqual(['zebra', 'a']);
    expect(tokenIdsTensor('the zebra', vocabulary, null)).toBeNull();
    expect(tokenIdsToText([2, 5, 3, 40], vocabulary)).toBe('[CLS] film [SEP] 40');
  });

  it('typed ids without a vocabulary; what is not an id is named; a fixed length is kept', () => {
    expect(encodeTokenIds('2, 7 62\n3', null)).toEqual({ ids: [2, 7, 62, 3], unknown: [], bad: [] });
    expect(encodeTokenIds('2 -1 x 1.5 x', null).bad).toEqual(['-1', 'x', '1.5']);
    expect(tokenIdsToText(new Float32Array([2, 7, 3]), null)).toBe('2 7 3');
    const t = tokenIdsTensor('2 7 3', null, null)!;
    expect(t.shape).toEqual([1, 3]);
    expect([...t.values]).toEqual([2, 7, 3]);
    expect(tokenIdsTensor('2 7 3', null, 4)).toBeNull();
    expect(tokenIdsTensor('2 7 3 0', null, 4)!.shape).toEqual([1, 4]);
    expect(tokenIdsTensor('  ', null, null)).toBeNull();
  });
});
