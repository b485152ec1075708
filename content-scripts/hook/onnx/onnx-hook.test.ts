// The hook's ONNX side against the real onnxruntime-web (its wasm backend runs in Node): sessions are found from
// bytes and from a path, their model is handed over, live inputs and outputs are copied from the page's own run
// calls, and the page's outputs stay bit-identical; unsubscribed, nothing of ours is left on the session.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TapFrame } from '../../../protocol/bridge';
import { HELPER_BYTES, OnnxSessions } from './onnx-sessions';
import { OnnxTaps, reduceValues } from './onnx-taps';
import { trapOrtSessions, type OrtSessionFound } from './ort-trap';

type Ort = typeof import('onnxruntime-web');
const MODEL = fileURLToPath(new URL('../../../test/fixtures/onnx/tiny-cnn.onnx', import.meta.url));
const bytes = new Uint8Array(readFileSync(MODEL));
const found: OrtSessionFound[] = [];
let ort: Ort;

beforeAll(async () => {
  // As at document_start: the trap is in place before ORT is loaded.
  trapOrtSessions((f) => found.push(f));
  ort = await import('onnxruntime-web');
});

const input = () =>
  new ort.Tensor(
    'float32',
    Float32Array.from({ length: 64 }, (_, i) => Math.sin(i * 0.7)),
    [1, 1, 8, 8],
  );

describe('ONNX Runtime Web sessions in the hook', () => {
  it('finds every session, created from bytes or from a path, with its source and execution providers', async () => {
    const before = found.length;
    const a = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    const b = await ort.InferenceSession.create(MODEL);
    expect(found.length).toBe(before + 2);
    const [fa, fb] = found.slice(before);
    expect(fa!.source).toBe(bytes);
    expect(fa!.executionProviders).toEqual(['wasm']);
    expect(fb!.source).toBe(MODEL);
    expect((fa!.handler as { inputNames: string[] }).inputNames).toEqual(a.inputNames);
    expect((fb!.handler as { outputNames: string[] }).outputNames).toEqual(b.outputNames);
    // Nothing of ours is left on Object.prototype's trapped name for ordinary objects.
    const plain: Record<string, unknown> = {};
    plain.initPromise = 1;
    expect(Object.getOwnPropertyDescriptor(plain, 'initPromise')?.value).toBe(1);
  });

  it('records the execution provider the session got: webgpu where it is available, else what ORT fell back to', async () => {
    const before = found.length;
    await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu', 'wasm'] });
    // Node has no WebGPU (nor has headless Chromium here): ORT drops it and the session runs on wasm.
    expect(found.slice(before).map((f) => f.executionProviders)).toEqual([['wasm']]);
    const sessions = new OnnxSessions();
    expect(sessions.add(found.at(-1)!)!.summary.backend).toBe('wasm');
  });

  it('hands over a copy of the bytes the page passed, with the session facts', async () => {
    const sessions = new OnnxSessions();
    await ort.InferenceSession.create(bytes);
    const session = sessions.add(found.at(-1)!)!;
    expect(session.summary).toMatchObject({
      id: 'o1',
      kind: 'graph',
      runtime: 'onnx',
      backend: 'wasm',
      sourceUrl: null,
    });
    expect(sessions.names(session)).toEqual({ inputs: ['pixels'], outputs: ['probabilities'] });
    const source = await sessions.source(session);
    expect(new Uint8Array(source.bytes)).toEqual(bytes);
    expect(source.bytes).not.toBe(bytes.buffer);
    expect(source.origin).toBe('memory');
    expect(sessions.add(found.at(-1)!)).toBeNull();
    // A library's op helper (a one-node graph of a few hundred bytes, as transformers.js builds) is not a model.
    const helper = { handler: {}, source: new Uint8Array(HELPER_BYTES - 1), executionProviders: [] };
    expect(sessions.add(helper)).toBeNull();
    expect(sessions.add({ ...helper, source: bytes })).not.toBeNull();
  });

  it('copies live inputs and outputs from the page’s own run; outputs bit-identical; unwraps when unsubscribed', async () => {
    const page = await ort.InferenceSession.create(bytes);
    const sessions = new OnnxSessions();
    const session = sessions.add(found.at(-1)!)!;
    const handler = session.ref.deref()!;
    const frames: TapFrame[] = [];
    const ended: string[] = [];
    const taps = new OnnxTaps({
      session: (id) => sessions.byId(id),
      sendFrame: (frame) => frames.push(frame),
      sendEnded: (_id, reason) => ended.push(reason),
    });
    const plain = (await page.run({ pixels: input() })).probabilities!.data as Float32Array;

    const budget = { maxInFlight: 4, bytesPerSecond: 1e9, hz: 1000 };
    taps.subscribe({
      kind: 'subscribe',
      nonce: 'n',
      subscriptionId: 's1',
      modelId: session.id,
      taps: [
        { nodeId: 'pixels', reduction: 'none' },
        { nodeId: 'probabilities', reduction: 'none' },
        { nodeId: 'relu1', reduction: 'none' },
      ],
      budget,
    });
    expect(Object.hasOwn(handler, 'run')).toBe(true);
    const watched = (await page.run({ pixels: input() })).probabilities!.data as Float32Array;
    expect(Buffer.from(watched.buffer)).toEqual(Buffer.from(plain.buffer));
    expect(frames.map((f) => f.nodeId)).toEqual(['pixels', 'probabilities']);
    expect(Array.from(new Float32Array(frames[0]!.buffer))).toEqual(Array.from(input().data as Float32Array));
    expect(frames[0]!.shape).toEqual([1, 1, 8, 8]);
    expect(Array.from(new Float32Array(frames[1]!.buffer))).toEqual(Array.from(watched));

    taps.unsubscribe('n', 's1');
    expect(Object.hasOwn(handler, 'run')).toBe(false);
    await page.run({ pixels: input() });
    expect(frames.length).toBe(2);

    // A node inside the model alone cannot be watched from the page's calls: the subscription ends, saying why.
    taps.subscribe({
      kind: 'subscribe',
      nonce: 'n',
      subscriptionId: 's2',
      modelId: session.id,
      taps: [{ nodeId: 'relu1', reduction: 'none' }],
      budget,
    });
    expect(ended[0]).toMatch(/inputs and outputs/);
    expect(Object.hasOwn(handler, 'run')).toBe(false);
  });

  it('learns input and output shapes from the next call, once', async () => {
    const page = await ort.InferenceSession.create(bytes);
    const sessions = new OnnxSessions();
    const session = sessions.add(found.at(-1)!)!;
    const taps = new OnnxTaps({
      session: (id) => sessions.byId(id),
      sendFrame: () => {},
      sendEnded: () => {},
    });
    let learned = 0;
    taps.learnShapes(session, () => learned++);
    await page.run({ pixels: input() });
    await page.run({ pixels: input() });
    expect(learned).toBe(1);
    expect(Object.fromEntries(session.liveShapes)).toEqual({ pixels: [1, 1, 8, 8], probabilities: [1, 3] });
    expect(Object.hasOwn(session.ref.deref()!, 'run')).toBe(false);
    const source = await sessions.source(session);
    expect(source.liveShapes).toContainEqual({ name: 'probabilities', shape: [1, 3] });
  });
});

describe('the trap on a hostile page', () => {
  it('lets throwing, frozen and look-alike records through unchanged, with no exception reaching the page', () => {
    const throwing = {
      get backend(): never {
        throw new Error('page getter');
      },
      priority: 1,
    } as Record<string, unknown>;
    throwing.initPromise = 1;
    expect(throwing.initPromise).toBe(1);
    const frozen = Object.freeze({ backend: {}, priority: 1 }) as Record<string, unknown>;
    expect(() => {
      frozen.initPromise = 2;
    }).not.toThrow();
    const hostileBackend = new Proxy(
      {},
      {
        get() {
          throw new Error('proxy trap');
        },
      },
    );
    const lookAlike = { backend: hostileBackend, priority: 1 } as Record<string, unknown>;
    lookAlike.initPromise = 3;
    expect(lookAlike.initPromise).toBe(3);
    // A forged backend is wrapped like ORT's and still answers as the page wrote it.
    const forged = {
      init: () => Promise.resolve(),
      createInferenceSessionHandler: (x: unknown) => Promise.resolve({ echo: x }),
    };
    const record = { backend: forged, priority: 1 } as Record<string, unknown>;
    record.initPromise = 4;
    return expect(forged.createInferenceSessionHandler('a')).resolves.toEqual({ echo: 'a' });
  });
});

describe('reduceValues', () => {
  it('keeps channels first ([N, C, …] → [N, C]) and downsamples big tensors', () => {
    const v = Float32Array.from([1, 2, 3, 4, 10, 20, 30, 40]);
    expect(reduceValues([1, 2, 2, 2], v, 'channel-mean')).toEqual({
      shape: [1, 2],
      values: Float32Array.from([2.5, 25]),
      reduction: 'channel-mean',
    });
    expect(Array.from(reduceValues([1, 2, 2, 2], v, 'channel-max').values)).toEqual([4, 40]);
    const big = reduceValues([200_000], new Float32Array(200_000), 'none');
    expect(big.reduction).toBe('downsample');
    expect(big.values.length).toBeLessThanOrEqual(65_536);
  });
});
