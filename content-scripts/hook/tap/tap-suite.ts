// The tap, probe and weights suite, run once per tf.js version (tap-tfjs{1,2,3,4}.test.ts) on the cpu backend with
// real models: values are the page's own, outputs unchanged, tensors back to baseline, every wrapper removed.
import { afterEach, describe, expect, it } from 'vitest';
import type { TapFrame } from '../../../protocol/bridge';
import { artifactsOf, graphJson, weightData } from '../../../model/describe/test-fixtures';
import { buildConvNet, buildNested, buildTwoBranch, type Tf } from '../../../model/describe/test-models';
import { runProbe } from '../probe/probe';
import { readWeights } from '../probe/weights';
import { heldTensorCount } from './capture';
import { hookedExecutorCount } from './graph-hooks';
import { learnShapesIfAsked, learnShapesOnce, liveShapesOf, nodesToLearn } from './live-shapes';
import { describeModel } from '../../../model/describe/describe-model';
import type { ModelGraph } from '../../../model/model-graph';
import { hookedLayerCount } from './layer-hooks';
import { TapManager } from './tap-manager';

const CHANNEL = 'n'.repeat(16);
const FAST = { maxInFlight: 16, bytesPerSecond: 1 << 30, hz: 1e9 };

/** Deterministic weights so that outputs are not all zero (the describe fixture's are). */
function seeded(tf: Tf, model: any, seed = 1): void {
  let s = seed;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    const names: string[] = layer.weights.map((w: any) => w.name);
    const fill = (w: any, i: number): any =>
      tf.tensor(
        Array.from({ length: w.size }, () => (/variance/.test(names[i]!) ? 0.5 + Math.abs(next()) : next())),
        w.shape,
      );
    if (ws.length) layer.setWeights(ws.map(fill));
  }
}

function graphArtifacts(): Record<string, unknown> {
  const json = graphJson({ stride: 1 });
  const artifacts = artifactsOf(json);
  const bytes = new Uint8Array(weightData(json.weightSpecs));
  // Non-zero kernel (uint16 quantized) and bias, keeping the split axis (the last 4 bytes) at 3.
  for (let i = 0; i < bytes.length - 4; i++) bytes[i] = (i * 37 + 11) % 251;
  return { ...artifacts, weightData: bytes.buffer };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The hook's description of a test model, with the shapes learned for it so far. */
function describeForTest(model: object, id: string, origin: 'unknown' | 'code' = 'unknown'): ModelGraph {
  return describeModel(model, {
    id,
    sourceUrl: null,
    origin,
    format: null,
    backend: 'cpu',
    tfjsVersion: null,
    tfjsVersionClass: 'unknown',
    liveShapes: liveShapesOf(model),
  })!;
}

export function tapSuite(label: string, tf: Tf): void {
  const engine = tf.engine();
  let frames: TapFrame[] = [];
  let ended: string[] = [];
  let models = new Map<string, { kind: 'layers' | 'graph'; object: object }>();
  const manager = new TapManager({
    engine: () => engine,
    model: (id) => models.get(id) ?? null,
    sendFrame: (frame) => frames.push(frame),
    sendEnded: (_id, reason) => ended.push(reason),
  });
  const subscribe = (modelId: string, taps: [string, any][], budget = FAST, id = 's1'): void =>
    manager.subscribe({
      kind: 'subscribe',
      nonce: CHANNEL,
      subscriptionId: id,
      modelId,
      taps: taps.map(([nodeId, reduction]) => ({ nodeId, reduction })),
      budget,
    });
  const values = (f: TapFrame): number[] => Array.from(new Float32Array(f.buffer));
  const close = (a: number[], b: number[]): void => {
    expect(a.length).toBe(b.length);
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 5));
  };

  afterEach(async () => {
    manager.unsubscribe(CHANNEL, 's1');
    manager.unsubscribe(CHANNEL, 's2');
    await settle();
    frames = [];
    ended = [];
    models = new Map();
  });

  describe(`taps, probe and weights with ${label}`, () => {
    it('delivers a LayersModel layer value from the page own predict, and leaves nothing behind', async () => {
      await tf.setBackend('cpu');
      const model = buildConvNet(tf);
      seeded(tf, model);
      models.set('m1', { kind: 'layers', object: model });
      const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 7);
      const before = model.predict(x);
      const expected = Array.from(await before.data()) as number[];
      before.dispose();
      const baseline = tf.memory().numTensors;

      subscribe('m1', [
        ['d1', 'none'],
        ['c1', 'channel-mean'],
        ['c1', 'channel-max'],
        ['dw1', 'downsample'],
      ]);
      expect(model.layers.filter((l: any) => Object.hasOwn(l, 'apply')).length).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) {
        const y = tf.tidy(() => model.predict(x));
        close(Array.from(await y.data()) as number[], expected);
        y.dispose();
        await settle();
      }
      const d1 = frames.filter((f) => f.nodeId === 'd1');
      expect(d1).toHaveLength(3);
      expect(d1[0]!.shape).toEqual([2, 5]);
      close(values(d1[2]!), expected);
      expect(d1.map((f) => f.call)).toEqual([0, 1, 2]);

      // channel reductions: [2, 8, 8, 3] → [2, 3], checked against tf itself
      const c1Out = tf.tidy(() =>
        tf.model({ inputs: model.inputs, outputs: model.getLayer('c1').output }).predict(x),
      );
      const mean = frames.find((f) => f.nodeId === 'c1' && f.reduction === 'channel-mean')!;
      const max = frames.find((f) => f.nodeId === 'c1' && f.reduction === 'channel-max')!;
      expect(mean.shape).toEqual([2, 3]);
      expect(mean.sourceShape).toEqual([2, 8, 8, 3]);
      close(values(mean), Array.from(tf.tidy(() => c1Out.mean([1, 2]).dataSync())) as number[]);
      close(values(max), Array.from(tf.tidy(() => c1Out.max([1, 2]).dataSync())) as number[]);
      c1Out.dispose();

      manager.unsubscribe(CHANNEL, 's1');
      await settle();
      expect(model.layers.filter((l: any) => Object.hasOwn(l, 'apply'))).toEqual([]);
      expect(hookedLayerCount()).toBe(0);
      expect(heldTensorCount()).toBe(0);
      expect(tf.memory().numTensors).toBe(baseline);
      x.dispose();
    });

    it('keeps page outputs bit-identical and tensors at baseline over many frames with 8 taps', async () => {
      const model = buildTwoBranch(tf);
      seeded(tf, model, 3);
      models.set('m1', { kind: 'layers', object: model });
      const x = tf.randomNormal([4, 8], 0, 1, 'float32', 5);
      const plain: Float32Array[] = [];
      for (let i = 0; i < 5; i++) plain.push(tf.tidy(() => model.predict(x.mul(i))).dataSync());
      const baseline = tf.memory().numTensors;
      subscribe('m1', [
        ['a', 'none'],
        ['b', 'none'],
        ['cat', 'none'],
        ['out', 'none'],
        ['a', 'channel-mean'],
        ['b', 'channel-max'],
        ['cat', 'downsample'],
        ['out', 'downsample'],
      ]);
      for (let round = 0; round < 40; round++) {
        const i = round % 5;
        const y = tf.tidy(() => model.predict(x.mul(i)));
        expect(Buffer.from((await y.data()).buffer)).toEqual(Buffer.from(plain[i]!.buffer));
        y.dispose();
        await settle();
      }
      expect(frames.length).toBe(40 * 8);
      manager.unsubscribe(CHANNEL, 's1');
      await settle();
      expect(tf.memory().numTensors).toBe(baseline);
      x.dispose();
    });

    it('taps nested models by their ModelGraph ids and skips capture while training or profiling', async () => {
      const model = buildNested(tf);
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      models.set('m1', { kind: 'layers', object: model });
      subscribe('m1', [
        ['base_dense', 'none'],
        ['head', 'none'],
      ]);
      const x = tf.ones([3, 3]);
      await model.fit(x, tf.ones([3, 2]).div(2), { epochs: 2, batchSize: 3, verbose: 0 });
      await settle();
      expect(frames).toEqual([]);
      if (typeof tf.profile === 'function') {
        await tf.profile(() => model.predict(x).dispose());
        await settle();
        expect(frames).toEqual([]);
      }
      tf.tidy(() => {
        model.predict(x);
      });
      await settle();
      expect(frames.map((f) => f.nodeId).sort()).toEqual(['base_dense', 'head']);
      x.dispose();
    });

    it('ends a subscription whose nodes do not exist, and one for an unknown model', () => {
      models.set('m1', { kind: 'layers', object: buildTwoBranch(tf) });
      subscribe('m1', [['nope', 'none']]);
      subscribe('m9', [['a', 'none']], FAST, 's2');
      expect(ended).toHaveLength(2);
      expect(hookedLayerCount()).toBe(0);
    });

    it('adds watched nodes to a GraphModel execute, predict and executeAsync and strips them again', async () => {
      const model = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      models.set('m1', { kind: 'graph', object: model });
      const x = tf.randomUniform([1, 4, 4, 1], 0, 1, 'float32', 3);
      const plain = model.predict(x);
      const expected = Buffer.from((await plain.data()).buffer);
      plain.dispose();
      const baseline = tf.memory().numTensors;
      subscribe('m1', [
        ['relu', 'none'],
        ['conv/kernel', 'none'],
        ['x', 'none'],
        ['out', 'channel-mean'],
        ['no such node', 'none'],
      ]);
      const runs = [
        () => model.predict(x),
        () => model.execute(x),
        () => model.execute({ x }, 'out'),
        () => model.executeAsync(x),
      ];
      for (const run of runs) {
        const y = await run();
        expect(Array.isArray(y)).toBe(false);
        expect(Buffer.from((await y.data()).buffer)).toEqual(expected);
        y.dispose();
        await settle();
      }
      expect(frames.filter((f) => f.nodeId === 'relu')).toHaveLength(4);
      const kernel = frames.find((f) => f.nodeId === 'conv/kernel')!;
      expect(kernel.shape).toEqual([3, 3, 1, 2]);
      expect(frames.find((f) => f.nodeId === 'x')!.shape).toEqual([1, 4, 4, 1]);
      // the weight is still there: the model runs again and gives the same values
      const again = model.predict(x);
      expect(Buffer.from((await again.data()).buffer)).toEqual(expected);
      again.dispose();
      await settle();
      const executor = (model as any).executor;
      expect(Object.hasOwn(executor, 'execute')).toBe(true);
      manager.unsubscribe(CHANNEL, 's1');
      await settle();
      expect(Object.hasOwn(executor, 'execute') || Object.hasOwn(executor, 'executeAsync')).toBe(false);
      expect(hookedExecutorCount()).toBe(0);
      expect(tf.memory().numTensors).toBe(baseline);
      x.dispose();
    });

    it('learns a GraphModel intermediate shapes from one page call, leaving outputs and tensors as they were', async () => {
      const model = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      const describe = (): ModelGraph => describeForTest(model, 'm1');
      const before = describe();
      const names = nodesToLearn(before.nodes);
      expect(names).toContain('relu');
      expect(before.nodes.find((n) => n.id === 'relu')!.shapeSource).toBe('unknown');
      const x = tf.randomUniform([1, 4, 4, 1], 0, 1, 'float32', 3);
      const plain = model.predict(x);
      const expected = Buffer.from((await plain.data()).buffer);
      plain.dispose();
      const baseline = tf.memory().numTensors;
      let learnedCount = -1;
      let allowed = false;
      expect(
        learnShapesOnce(
          model,
          names,
          () => allowed,
          (n) => (learnedCount = n),
        ),
      ).toBe(true);
      expect(
        learnShapesOnce(
          model,
          names,
          () => true,
          () => undefined,
        ),
      ).toBe(false);
      // Not while capture would disturb the page: the call goes through untouched and the listener stays armed.
      const first = model.predict(x);
      expect(Buffer.from((await first.data()).buffer)).toEqual(expected);
      first.dispose();
      expect(learnedCount).toBe(-1);
      allowed = true;
      const y = model.predict(x);
      expect(Buffer.from((await y.data()).buffer)).toEqual(expected);
      y.dispose();
      await settle();
      expect(learnedCount).toBe(names.length);
      const after = describe();
      const relu = after.nodes.find((n) => n.id === 'relu')!;
      expect(relu.outputShape).toEqual([1, 4, 4, 2]);
      expect(relu.shapeSource).toBe('live');
      expect(after.fingerprint).toBe(before.fingerprint);
      expect(hookedExecutorCount()).toBe(0);
      expect(Object.hasOwn((model as any).executor, 'execute')).toBe(false);
      expect(tf.memory().numTensors).toBe(baseline);
      x.dispose();
    });

    it('arms the shape capture only for a describe that asks for it (the outline), never for other describes', async () => {
      const model = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      const executor = (model as any).executor;
      const wrapped = (): boolean =>
        Object.hasOwn(executor, 'execute') || Object.hasOwn(executor, 'executeAsync');
      const graph = describeForTest(model, 'm1');
      // A LayersModel has its shapes already: the flag arms nothing there (built before the tensor baseline).
      const layers = buildTwoBranch(tf);
      const layersGraph = describeForTest(layers, 'm2', 'code');
      const x = tf.randomUniform([1, 4, 4, 1], 0, 1, 'float32', 5);
      const plain = model.predict(x);
      const expected = Buffer.from((await plain.data()).buffer);
      plain.dispose();
      const baseline = tf.memory().numTensors;
      let learnedCount = -1;
      const onLearned = (n: number): void => void (learnedCount = n);
      // A describe to match packs or on a hover intent (no flag): nothing is wrapped, the page's calls are its own.
      expect(learnShapesIfAsked({}, 'graph', model, graph, () => true, onLearned)).toBe(false);
      expect(wrapped()).toBe(false);
      expect(hookedExecutorCount()).toBe(0);
      for (let i = 0; i < 2; i++) {
        const y = model.predict(x);
        expect(Buffer.from((await y.data()).buffer)).toEqual(expected);
        y.dispose();
      }
      await settle();
      expect(learnedCount).toBe(-1);
      expect(liveShapesOf(model)).toBeUndefined();
      expect(tf.memory().numTensors).toBe(baseline);
      expect(hookedExecutorCount()).toBe(0);
      expect(
        learnShapesIfAsked({ learnShapes: true }, 'layers', layers, layersGraph, () => true, onLearned),
      ).toBe(false);
      expect(hookedExecutorCount()).toBe(0);
      // The outline's describe (the flag): armed, and the page's next call teaches the shapes, outputs unchanged.
      expect(learnShapesIfAsked({ learnShapes: true }, 'graph', model, graph, () => true, onLearned)).toBe(
        true,
      );
      expect(wrapped()).toBe(true);
      const y = model.predict(x);
      expect(Buffer.from((await y.data()).buffer)).toEqual(expected);
      y.dispose();
      await settle();
      expect(learnedCount).toBe(nodesToLearn(graph.nodes).length);
      expect(learnedCount).toBeGreaterThan(0);
      expect(liveShapesOf(model)!['relu']).toEqual([1, 4, 4, 2]);
      expect(wrapped()).toBe(false);
      expect(hookedExecutorCount()).toBe(0);
      expect(tf.memory().numTensors).toBe(baseline);
      x.dispose();
    });

    it('drops frames over budget instead of queueing them', async () => {
      const model = buildTwoBranch(tf);
      models.set('m1', { kind: 'layers', object: model });
      subscribe('m1', [['out', 'none']], { maxInFlight: 1, bytesPerSecond: 1 << 20, hz: 1 });
      const x = tf.ones([1, 8]);
      for (let i = 0; i < 20; i++)
        tf.tidy(() => {
          model.predict(x);
        });
      await settle();
      expect(frames).toHaveLength(1);
      x.dispose();
    });

    it('probes a LayersModel with a tensor, an image and the page last input, disposing all it made', async () => {
      const model = buildConvNet(tf);
      seeded(tf, model, 9);
      models.set('m1', { kind: 'layers', object: model });
      const baseline = tf.memory().numTensors;
      const values = Array.from({ length: 64 }, (_, i) => (i % 7) / 7);
      const out = await runProbe(
        { engine, kind: 'layers', model, lastInput: null },
        { type: 'tensor', shape: [1, 8, 8, 1], values },
        ['c1', 'd1'],
      );
      const expected = tf.tidy(() => model.predict(tf.tensor(values, [1, 8, 8, 1])));
      close(Array.from(new Float32Array(out[1]!.buffer)), Array.from(await expected.data()) as number[]);
      expected.dispose();
      expect(out[0]!.shape).toEqual([1, 8, 8, 3]);
      const rgba = new Uint8Array(16 * 16 * 4).fill(255);
      const img = await runProbe(
        { engine, kind: 'layers', model, lastInput: null },
        { type: 'image', width: 16, height: 16, rgba: rgba.buffer },
        ['d1'],
      );
      expect(img[0]!.shape).toEqual([1, 5]);
      expect(tf.memory().numTensors).toBe(baseline);

      subscribe('m1', [['d1', 'none']]);
      const x = tf.tensor(values, [1, 8, 8, 1]);
      tf.tidy(() => {
        model.predict(x);
      });
      await settle();
      const last = await runProbe(
        { engine, kind: 'layers', model, lastInput: manager.lastInput('m1') },
        { type: 'last-input' },
        ['d1'],
      );
      close(Array.from(new Float32Array(last[0]!.buffer)), Array.from(new Float32Array(out[1]!.buffer)));
      x.dispose();
      manager.unsubscribe(CHANNEL, 's1');
      await settle();
      expect(tf.memory().numTensors).toBe(baseline);
      await expect(
        runProbe(
          { engine, kind: 'layers', model, lastInput: null },
          { type: 'tensor', shape: [1], values: [1] },
          ['zz'],
        ),
      ).rejects.toThrow(/zz/);
      expect(tf.memory().numTensors).toBe(baseline);
    });

    it('probes a GraphModel and reads weights of layers and graph nodes', async () => {
      const graph = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      const baseline = tf.memory().numTensors;
      const values = Array.from({ length: 16 }, (_, i) => i / 16);
      const out = await runProbe(
        { engine, kind: 'graph', model: graph, lastInput: null },
        { type: 'tensor', shape: [1, 4, 4, 1], values },
        ['relu', 'out', 'conv/kernel'],
      );
      const expected = tf.tidy(() => graph.predict(tf.tensor(values, [1, 4, 4, 1])));
      close(Array.from(new Float32Array(out[1]!.buffer)), Array.from(await expected.data()) as number[]);
      expected.dispose();
      expect(out[2]!.shape).toEqual([3, 3, 1, 2]);
      const gw = await readWeights({ engine, kind: 'graph', model: graph }, 'conv/Conv2D', 1000);
      expect(gw.map((w) => w.name)).toEqual(['conv/kernel']);
      close(Array.from(new Float32Array(gw[0]!.buffer)), Array.from(new Float32Array(out[2]!.buffer)));
      expect(tf.memory().numTensors).toBe(baseline);

      const model = buildConvNet(tf);
      seeded(tf, model, 4);
      const base2 = tf.memory().numTensors;
      const lw = await readWeights({ engine, kind: 'layers', model }, 'c1', 1 << 20);
      expect(lw.map((w) => w.shape)).toEqual([[3, 3, 1, 3], [3]]);
      close(
        Array.from(new Float32Array(lw[0]!.buffer)),
        Array.from(model.getLayer('c1').getWeights()[0].dataSync()),
      );
      const cut = await readWeights({ engine, kind: 'layers', model }, 'c1', 18);
      expect(cut[0]!.shape).toEqual([3, 3, 1, 2]);
      expect(cut[0]!.sourceShape).toEqual([3, 3, 1, 3]);
      expect(cut[0]!.stats.max).toBeCloseTo(lw[0]!.stats.max, 5);
      expect(cut[0]!.stats.std).toBeCloseTo(lw[0]!.stats.std, 4);
      expect(tf.memory().numTensors).toBe(base2);
    });
  });
}
