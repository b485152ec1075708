// Intermediate values of an ONNX session on demand, against the real onnxruntime-web in Node: a view on an inner node
// gets that node's values from a side handler made by the page's own backend (after the page's call, from a copy of
// its inputs), equal to what a session with that output computes; the page's outputs stay bit-identical; the side
// handler is made once, skipped while busy (the reader's probe waits instead) and released with the last inner view;
// the page's last feeds are copied only while a subscription watches the session.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TapFrame } from '../../../protocol/bridge';
import { withExtraOutputs } from '../../../model/onnx/extra-outputs';
import { OnnxSessions } from './onnx-sessions';
import { OnnxTaps, reduceValues } from './onnx-taps';
import { InnerRunner, copyFeeds } from './onnx-inner';
import { trapOrtSessions, type OrtSessionFound } from './ort-trap';

type Ort = typeof import('onnxruntime-web');
const MODEL = fileURLToPath(
  new URL('../../../demos/onnx-models/shapes-cnn-onnx/model.onnx', import.meta.url),
);
const bytes = new Uint8Array(readFileSync(MODEL));
const found: OrtSessionFound[] = [];
let ort: Ort;

beforeAll(async () => {
  trapOrtSessions((f) => found.push(f));
  ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
});

const picture = (seed: number) =>
  new ort.Tensor(
    'float32',
    Float32Array.from({ length: 3072 }, (_, i) => (Math.sin(i * 0.37 + seed) + 1) / 2),
    [1, 3, 32, 32],
  );
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('intermediate values of an ONNX session', () => {
  it('a view on inner nodes gets their values from the side handler; the page’s outputs are unchanged', async () => {
    const page = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    const f = found.at(-1)!;
    expect(typeof f.createHandler).toBe('function');
    const sessions = new OnnxSessions();
    const session = sessions.add(f)!;
    let made = 0;
    const runner = new InnerRunner({
      bytes: () => sessions.source(session).then((s) => s.bytes),
      createHandler: (model, options) => {
        made++;
        return f.createHandler!(model, options);
      },
    });
    const frames: TapFrame[] = [];
    const taps = new OnnxTaps({
      session: (id) => sessions.byId(id),
      sendFrame: (frame) => frames.push(frame),
      sendEnded: () => {},
      inner: () => runner,
    });
    const plain = (await page.run({ image: picture(1) })).probabilities!.data as Float32Array;
    taps.subscribe({
      kind: 'subscribe',
      nonce: 'n',
      subscriptionId: 's1',
      modelId: session.id,
      taps: [
        { nodeId: 'relu1', reduction: 'channel-mean' },
        { nodeId: 'features', reduction: 'none' },
        { nodeId: 'probabilities', reduction: 'none' },
      ],
      budget: { maxInFlight: 4, bytesPerSecond: 1e9, hz: 1000 },
    });
    const watched = (await page.run({ image: picture(1) })).probabilities!.data as Float32Array;
    expect(Buffer.from(watched.buffer)).toEqual(Buffer.from(plain.buffer));
    await expect
      .poll(() => frames.map((x) => x.nodeId).sort(), { timeout: 5000 })
      .toEqual(['features', 'probabilities', 'relu1']);
    // What a session that outputs relu1 and features computes for the same input.
    const reference = await ort.InferenceSession.create(withExtraOutputs(bytes, ['relu1', 'features']));
    const direct = await reference.run({ image: picture(1) });
    const relu1 = frames.find((x) => x.nodeId === 'relu1')!;
    expect(relu1.shape).toEqual([1, 16]);
    const mean = reduceValues(
      direct.relu1!.dims as number[],
      direct.relu1!.data as Float32Array,
      'channel-mean',
    );
    expect(Array.from(new Float32Array(relu1.buffer))).toEqual(Array.from(mean.values));
    const features = frames.find((x) => x.nodeId === 'features')!;
    expect(Array.from(new Float32Array(features.buffer))).toEqual(
      Array.from(direct.features!.data as Float32Array),
    );

    // More page calls: one side handler, reused.
    for (const seed of [2, 3]) {
      await page.run({ image: picture(seed) });
      await tick();
    }
    expect(made).toBe(1);
    expect(runner.stats.runs).toBe(3);

    taps.unsubscribe('n', 's1');
    expect(Object.hasOwn((page as unknown as { handler: object }).handler, 'run')).toBe(false);
    await page.run({ image: picture(4) });
    await tick();
    expect(runner.stats.runs).toBe(3);
  });

  it('copies feeds (values, not the page’s buffers) and skips a call while a side run is going', async () => {
    const t = picture(5);
    const copy = copyFeeds({ image: t })!;
    const data = (copy.image as { data: Float32Array }).data;
    expect(data).not.toBe(t.data);
    expect(Array.from(data)).toEqual(Array.from(t.data as Float32Array));
    expect(
      copyFeeds({ image: { location: 'gpu-buffer', type: 'float32', dims: [1], data: null } }),
    ).toBeNull();

    await ort.InferenceSession.create(bytes);
    const f = found.at(-1)!;
    const runner = new InnerRunner({
      bytes: async () => bytes.slice().buffer,
      createHandler: f.createHandler!,
    });
    const [a, b] = await Promise.all([
      runner.run(copyFeeds({ image: picture(6) })!, ['pool1']),
      runner.run(copyFeeds({ image: picture(7) })!, ['pool1']),
    ]);
    expect((a as Record<string, { dims: number[] }>).pool1!.dims).toEqual([1, 16, 16, 16]);
    expect(b).toBeNull();
    expect(runner.stats).toEqual({ runs: 1, skipped: 1 });
    await runner.release();
    await expect(runner.run(copyFeeds({ image: picture(8) })!, ['no_such_tensor'])).rejects.toThrow();
  });

  it('the reader’s probe waits for a side run going; the page’s last feeds are kept only while watched', async () => {
    const page = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    const f = found.at(-1)!;
    const sessions = new OnnxSessions();
    const session = sessions.add(f)!;
    const runner = new InnerRunner({
      bytes: async () => bytes.slice().buffer,
      createHandler: f.createHandler!,
    });
    const [a, b] = await Promise.all([
      runner.run(copyFeeds({ image: picture(6) })!, ['pool1']),
      runner.run(copyFeeds({ image: picture(7) })!, ['pool1'], ['probabilities'], true),
    ]);
    expect(a).not.toBeNull();
    expect(Object.keys(b!).sort()).toEqual(['pool1', 'probabilities']);
    expect(runner.stats).toEqual({ runs: 2, skipped: 0 });
    await runner.release();

    const taps = new OnnxTaps({
      session: (id) => sessions.byId(id),
      sendFrame: () => {},
      sendEnded: () => {},
    });
    await page.run({ image: picture(1) });
    expect(taps.lastFeeds(session.id)).toBeNull();
    taps.subscribe({
      kind: 'subscribe',
      nonce: 'n',
      subscriptionId: 'w',
      modelId: session.id,
      taps: [{ nodeId: 'probabilities', reduction: 'channel-mean' }],
      budget: { maxInFlight: 1, bytesPerSecond: 1e9, hz: 1000 },
    });
    const fed = picture(2);
    await page.run({ image: fed });
    const last = taps.lastFeeds(session.id)!.image as { dims: number[]; data: Float32Array };
    expect(last.dims).toEqual([1, 3, 32, 32]);
    expect(last.data).not.toBe(fed.data);
    expect(Array.from(last.data)).toEqual(Array.from(fed.data as Float32Array));
    taps.unsubscribe('n', 'w');
    expect(taps.lastFeeds(session.id)).toBeNull();
  });
});
