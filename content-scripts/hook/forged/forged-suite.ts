// Forged requests on a hook channel, run once per tf.js version (forged-tfjs{1,2,3,4}.test.ts): thousands of raw
// messages (well-formed, malformed, interleaved subscribe/unsubscribe storms, probes with bad inputs, weight reads,
// describes) go through the hook's validator and handlers while the page keeps predicting; the page's outputs stay
// bit-identical and its tensor count returns to baseline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrap, type ContentMessage } from '../../../protocol/bridge';
import { parseContentMessage } from '../../../protocol/bridge-validate';
import { describeModel } from '../../../model/describe/describe-model';
import { artifactsOf, graphJson, weightData } from '../../../model/describe/test-fixtures';
import { buildConvNet, type Tf } from '../../../model/describe/test-models';
import { answerGradient, answerProbe, answerWeights, type RequestContext } from '../requests';
import { heldTensorCount } from '../tap/capture';
import { hookedExecutorCount } from '../tap/graph-hooks';
import { hookedLayerCount } from '../tap/layer-hooks';
import { learnShapesIfAsked } from '../tap/live-shapes';
import { TapManager } from '../tap/tap-manager';

const NONCES = ['f'.repeat(16), 'g'.repeat(16)];
const LAYER_NODES = ['c1', 'p1', 'dw1', 'bn1', 'fl', 'drop', 'd1', 'c1_input', 'nope', ''];
const GRAPH_NODES = [
  'x',
  'conv/kernel',
  'conv/Conv2D',
  'conv/BiasAdd',
  'relu',
  'split',
  'add',
  'out',
  'split:1',
];
const REDUCTIONS = ['none', 'channel-mean', 'channel-max', 'downsample', 'bogus'];

function graphArtifacts(): Record<string, unknown> {
  const json = graphJson({ stride: 1 });
  const bytes = new Uint8Array(weightData(json.weightSpecs));
  for (let i = 0; i < bytes.length - 4; i++) bytes[i] = (i * 37 + 11) % 251;
  return { ...artifactsOf(json), weightData: bytes.buffer };
}

const settle = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A tensor literal of any rank 0–5 (wrong ranks, sizes and empty dims included), or an image, or the last input. */
const probeInput = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 5 }).map((shape) => ({
    type: 'tensor',
    shape,
    values: new Array(shape.reduce((a, b) => a * b, 1)).fill(0.5),
  })),
  fc.constantFrom<number[]>([1, 8, 8, 1], [1, 4, 4, 1], [16], [64], [2, 8, 8, 1]).map((shape) => ({
    type: 'tensor',
    shape,
    values: new Array(shape.reduce((a, b) => a * b, 1)).fill(0.25),
  })),
  fc
    .record({ width: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 12 }) })
    .map(({ width, height }) => ({
      type: 'image',
      width,
      height,
      rgba: new ArrayBuffer(width * height * 4),
    })),
  fc.constant({ type: 'last-input' }),
  fc.anything(),
);

/** One raw message as a hostile page could post it on its channel: mostly well-formed, some broken. */
const rawMessage = fc.oneof(
  fc.record({
    kind: fc.constant('subscribe'),
    subscriptionId: fc.constantFrom('s1', 's2', 's3', 's4'),
    modelId: fc.constantFrom('m1', 'm2', 'm9'),
    taps: fc.array(
      fc.record({
        nodeId: fc.constantFrom(...LAYER_NODES, ...GRAPH_NODES),
        reduction: fc.constantFrom(...REDUCTIONS),
      }),
      { maxLength: 4 },
    ),
    budget: fc.record({
      maxInFlight: fc.integer({ min: 0, max: 17 }),
      bytesPerSecond: fc.constantFrom(1, 1 << 20),
      hz: fc.constantFrom(0, 1, 60, 1e9),
    }),
  }),
  fc.record({ kind: fc.constant('unsubscribe'), subscriptionId: fc.constantFrom('s1', 's2', 's3', 's9') }),
  fc.record({
    kind: fc.constant('probe'),
    requestId: fc.string({ maxLength: 4 }),
    modelId: fc.constantFrom('m1', 'm2', 'm9'),
    input: probeInput,
    nodeIds: fc.array(fc.constantFrom(...LAYER_NODES, ...GRAPH_NODES), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('gradient'),
    requestId: fc.constant('g'),
    modelId: fc.constantFrom('m1', 'm2', 'm9'),
    input: probeInput,
    classIndex: fc.integer({ min: -1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('read-weights'),
    requestId: fc.constant('w'),
    modelId: fc.constantFrom('m1', 'm2', 'm9'),
    nodeId: fc.constantFrom(...LAYER_NODES, ...GRAPH_NODES),
    maxValues: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant('describe'),
    requestId: fc.constant('d'),
    modelId: fc.constantFrom('m1', 'm2', 'm9'),
    learnShapes: fc.constantFrom(true, undefined, false),
  }),
  fc.anything(),
);

export function forgedSuite(label: string, tf: Tf, messages = 3000): void {
  describe(`forged requests on a hook channel with ${label}`, () => {
    it(`${messages} forged messages leave the page's outputs and tensor count unchanged`, async () => {
      await tf.setBackend('cpu');
      const engine = tf.engine();
      const layers = buildConvNet(tf);
      const graph = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      const models = new Map<string, { kind: 'layers' | 'graph'; object: object }>([
        ['m1', { kind: 'layers', object: layers }],
        ['m2', { kind: 'graph', object: graph }],
      ]);
      const taps = new TapManager({
        engine: () => engine,
        model: (id) => models.get(id) ?? null,
        sendFrame: () => {},
        sendEnded: () => {},
      });
      const ctx: RequestContext = {
        engine: () => engine,
        ready: () => Promise.resolve(),
        model: (id) => models.get(id) ?? null,
        lastInput: (id) => taps.lastInput(id),
        whyMissing: () => 'model not found',
      };
      // The hook's dispatch (index.ts handleRequest), minus the bridge: replies are dropped.
      const handle = (m: ContentMessage): void => {
        if (m.kind === 'subscribe') return taps.subscribe(m);
        if (m.kind === 'unsubscribe') return taps.unsubscribe(m.nonce, m.subscriptionId);
        if (m.kind === 'probe') return answerProbe(ctx, m, () => {});
        if (m.kind === 'read-weights') return answerWeights(ctx, m, () => {});
        if (m.kind === 'gradient') return answerGradient(ctx, m, () => {});
        if (m.kind === 'describe') {
          const model = models.get(m.modelId);
          if (!model) return;
          const ids = { id: m.modelId, sourceUrl: null, origin: 'code' as const, format: null };
          const g = describeModel(model.object, {
            ...ids,
            backend: 'cpu',
            tfjsVersion: null,
            tfjsVersionClass: 'unknown',
          });
          learnShapesIfAsked(
            m,
            model.kind,
            model.object,
            g,
            () => true,
            () => {},
          );
        }
      };

      const xl = tf.randomUniform([1, 8, 8, 1], 0, 1, 'float32', 3);
      const xg = tf.randomUniform([1, 4, 4, 1], 0, 1, 'float32', 4);
      const pageRun = (): [Float32Array, Float32Array] => {
        const a = tf.tidy(() => layers.predict(xl));
        const b = graph.execute(xg);
        const out: [Float32Array, Float32Array] = [a.dataSync().slice(), b.dataSync().slice()];
        tf.dispose([a, b]);
        return out;
      };
      const expected = pageRun();
      await settle();
      const baseline = tf.memory().numTensors;

      const sample = fc.sample(fc.tuple(rawMessage, fc.nat(5), fc.boolean()), {
        numRuns: messages,
        seed: 15,
      });
      let accepted = 0;
      for (const [raw, page, nonceB] of sample) {
        const nonce = NONCES[nonceB ? 1 : 0]!;
        const data =
          raw !== null && typeof raw === 'object' ? wrap('content', { ...raw, nonce } as never) : raw;
        const message = parseContentMessage(data);
        if (message) {
          accepted++;
          handle(message);
        }
        if (page === 0) {
          const [a, b] = pageRun();
          expect(Buffer.from(a.buffer)).toEqual(Buffer.from(expected[0].buffer));
          expect(Buffer.from(b.buffer)).toEqual(Buffer.from(expected[1].buffer));
        }
        if (page === 1) await settle();
      }
      expect(accepted).toBeGreaterThan(messages / 3);
      for (const nonce of NONCES) for (const id of ['s1', 's2', 's3', 's4']) taps.unsubscribe(nonce, id);
      for (let i = 0; i < 20; i++) await settle(5);
      pageRun();
      await settle(50);
      expect(taps.size).toBe(0);
      expect(heldTensorCount()).toBe(0);
      expect(hookedLayerCount()).toBe(0);
      expect(hookedExecutorCount()).toBe(0);
      expect(tf.memory().numTensors).toBe(baseline);
      tf.dispose([xl, xg]);
    }, 120_000);
  });
}
