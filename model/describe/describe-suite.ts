// The describe test suite, run once per tf.js version (describe-tfjs{1,2,3,4}.test.ts) on the cpu backend.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph, ModelNode } from '../model-graph';
import { describeModel, isGraphModel, isLayersModel } from './describe-model';
import {
  artifactsOf,
  functionalTwoBranchJson,
  graphJson,
  nestedSequentialJson,
  sequentialConvJson,
} from './test-fixtures';
import type { FixtureJson } from './test-fixtures';
import { buildConvNet, buildLstm, buildNested, buildTwoBranch, reload } from './test-models';
import type { Tf } from './test-models';
import type { DescribeContext } from './types';

/** Fingerprints of the fixtures: the same JSON must give the same fingerprint in every tf.js version. */
export const GOLDEN = {
  sequentialConv: 'fe6b6af8422457e164eadac2dccecf4ce88b41db941d01c30d781e65f031e9ba',
  functionalTwoBranch: '3e0d1308ec135c9a26d31138c1fb50c182c6ee402cba46aee35f08172dee5ea8',
  nestedSequential: 'a7f15393b9dc0dd1050d28b464feeb89b71d5c5e34e26c85043507c6a5dd206d',
  /** The graph fixture, with or without the format field (the old TF-Hub JSON): the same graph. */
  codeConvNet: '871db832bce169e0df011e16ce7db91956377aea0c62e3f0658de74596aa79a6',
  codeLstm: '0bba01de2c1d05a4725e72d7bb0e072dc706ef0f9e5e7961cd7091e02e591756',
  graph: '7732b641fe2601c2318ae54930dbb4cd99c7a6c2ead5675107b7e4e0bdc51ad4',
};

const ctx = (over: Partial<DescribeContext> = {}): DescribeContext => ({
  id: 'm1',
  sourceUrl: 'https://example.test/models/model.json',
  origin: 'http',
  format: null,
  backend: 'cpu',
  tfjsVersion: null,
  tfjsVersionClass: 'unknown',
  ...over,
});

const byId = (g: ModelGraph, id: string): ModelNode => {
  const node = g.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id} in ${g.nodes.map((n) => n.id).join(', ')}`);
  return node;
};

const sumOfWeights = (weights: { shape: number[] }[]): number =>
  weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);

/** Runs fn while recording any use of tensor data methods, kernels, or engine state with side effects. */
function watchTfAccess<T>(tf: Tf, fn: () => T): { result: T; touched: string[] } {
  const touched: string[] = [];
  const restore: (() => void)[] = [];
  const wrap = (target: any, name: string, own: boolean) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      touched.push(name);
      return original.apply(this, args);
    };
    restore.push(own ? () => delete target[name] : () => (target[name] = original));
  };
  for (const name of [
    'data',
    'dataSync',
    'array',
    'arraySync',
    'buffer',
    'bufferSync',
    'clone',
    'dispose',
    'print',
  ]) {
    wrap(tf.Tensor.prototype, name, false);
  }
  const engine = tf.engine();
  for (const name of [
    'runKernel',
    'runKernelFunc',
    'memory',
    'makeTensor',
    'tidy',
    'startScope',
    'disposeTensor',
  ]) {
    wrap(engine, name, true);
  }
  const backend = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(engine), 'backend');
  Object.defineProperty(engine, 'backend', {
    configurable: true,
    get() {
      touched.push('backend');
      return backend?.get?.call(engine);
    },
  });
  restore.push(() => delete engine.backend);
  try {
    return { result: fn(), touched };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

export function describeSuite(label: string, tf: Tf): void {
  /** Describes, failing the test if describe created tensors or touched tensor data or the engine. */
  const describeNoTensors = (model: unknown, c = ctx()): ModelGraph => {
    const before = tf.memory().numTensors;
    const { result: graph, touched } = watchTfAccess(tf, () => describeModel(model, c));
    expect(touched).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
    expect(graph).not.toBeNull();
    expect(graph!.notes).toBeUndefined();
    return graph!;
  };
  const loadLayers = (json: FixtureJson): Promise<any> =>
    tf.loadLayersModel(tf.io.fromMemory(artifactsOf(json)));
  const loadGraph = (json: FixtureJson): Promise<any> =>
    tf.loadGraphModel(tf.io.fromMemory(artifactsOf(json)));
  const fingerprintOf = async (json: FixtureJson): Promise<string> =>
    describeNoTensors(await loadLayers(json)).fingerprint;

  describe(`describe with ${label}`, () => {
    beforeAll(async () => {
      await tf.setBackend('cpu');
    });

    it('describes a sequential conv net built in code', () => {
      const model = buildConvNet(tf);
      const g = describeNoTensors(model);
      expect(g.kind).toBe('layers');
      expect(g.name).toBe('code_conv');
      expect(g.nodes.map((n) => n.op)).toEqual([
        'InputLayer',
        'Conv2D',
        'MaxPooling2D',
        'DepthwiseConv2D',
        'BatchNormalization',
        'Flatten',
        'Dropout',
        'Dense',
      ]);
      const [input, c1, p1, dw1, bn1, fl, drop, d1] = g.nodes as ModelNode[] as [ModelNode, ...ModelNode[]];
      expect(input.category).toBe('input');
      expect(g.nodes.map((n) => n.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(c1!.inputs).toEqual([input.id]);
      expect(d1!.inputs).toEqual(['drop']);
      expect(c1!.outputShape).toEqual([null, 8, 8, 3]);
      expect(p1!.outputShape).toEqual([null, 4, 4, 3]);
      expect(dw1!.outputShape).toEqual([null, 2, 2, 6]);
      expect(fl!.outputShape).toEqual([null, 24]);
      expect(d1!.outputShape).toEqual([null, 5]);
      expect(c1!.shapeSource).toBe('config');
      expect(c1!.dtype).toBe('float32');
      expect(c1!.attrs).toMatchObject({
        filters: 3,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'same',
        activation: 'relu',
        useBias: true,
      });
      expect(p1!.attrs).toMatchObject({ poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
      expect(dw1!.attrs).toMatchObject({ depthMultiplier: 2, kernelSize: [3, 3] });
      expect(drop!.attrs).toMatchObject({ rate: 0.25 });
      expect(d1!.attrs).toMatchObject({ units: 5, activation: 'softmax' });
      expect(c1!.weights.map((w) => [w.role, w.shape])).toEqual([
        ['kernel', [3, 3, 1, 3]],
        ['bias', [3]],
      ]);
      expect(dw1!.weights.map((w) => w.role)).toEqual(['depthwise_kernel', 'bias']);
      expect(bn1!.weights.map((w) => w.role)).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
      expect(c1!.params).toBe(3 * 3 * 1 * 3 + 3);
      expect(g.totals.params).toBe(model.countParams());
      expect(g.totals.trainableParams).toBe(sumOfWeights(model.trainableWeights));
      expect(g.totals.trainableParams).toBeLessThan(g.totals.params);
      expect(g.totals.weightBytes).toBe(4 * g.totals.params);
      expect(g.totals.nodes).toBe(8);
      expect(g.inputs).toEqual([
        { name: input.id, nodeId: input.id, shape: [null, 8, 8, 1], dtype: 'float32' },
      ]);
      expect(g.outputs).toEqual([{ name: 'd1', nodeId: 'd1', shape: [null, 5], dtype: 'float32' }]);
      expect(g.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });

    it('describes a functional two-branch model with a concatenation', () => {
      const model = buildTwoBranch(tf);
      const g = describeNoTensors(model);
      expect(g.nodes.map((n) => `${n.id}:${n.op}<${n.inputs.join('+')}`)).toEqual([
        'x:InputLayer<',
        'a:Dense<x',
        'b:Dense<x',
        'cat:Concatenate<a+b',
        'out:Dense<cat',
      ]);
      expect(byId(g, 'cat').outputShape).toEqual([null, 8]);
      expect(byId(g, 'cat').attrs).toMatchObject({ axis: -1 });
      expect(g.totals.params).toBe(model.countParams());
      expect(g.inputs.map((r) => r.nodeId)).toEqual(['x']);
      expect(g.outputs.map((r) => r.nodeId)).toEqual(['out']);
    });

    it('flattens nested Sequential models without counting their weights twice', () => {
      const model = buildNested(tf);
      const g = describeNoTensors(model);
      expect(g.nodes.map((n) => `${n.id}:${n.op}<${n.inputs.join('+')}`)).toEqual([
        'base_dense_input:InputLayer<',
        'base_dense:Dense<base_dense_input',
        'base_bn:BatchNormalization<base_dense',
        'base:Sequential<base_bn',
        'head_dense_input:InputLayer<base_bn',
        'head_dense:Dense<head_dense_input',
        'head:Sequential<head_dense',
      ]);
      expect(byId(g, 'base_dense').attrs.nestedIn).toBe('base');
      expect(byId(g, 'head_dense').attrs.nestedIn).toBe('head');
      expect(byId(g, 'head_dense_input').category).toBe('layer');
      expect(byId(g, 'base').attrs.layers).toBe(2);
      expect(byId(g, 'base').params).toBe(0);
      expect(byId(g, 'head').outputShape).toEqual([null, 2]);
      expect(g.totals.params).toBe(model.countParams());
      expect(g.outputs.map((r) => r.nodeId)).toEqual(['head']);
      model.layers[0].trainable = false; // freeze the base, as transfer learning does
      const frozen = describeNoTensors(model);
      expect(frozen.totals.trainableParams).toBe(sumOfWeights(model.trainableWeights));
      expect(frozen.totals.trainableParams).toBe(4 * 2 + 2);
      expect(frozen.fingerprint).toBe(g.fingerprint);
    });

    it('describes an LSTM with its recurrent weights and attributes', () => {
      const model = buildLstm(tf);
      const g = describeNoTensors(model);
      const lstm = byId(g, 'lstm');
      expect(lstm.op).toBe('LSTM');
      expect(lstm.outputShape).toEqual([null, 5, 4]);
      expect(lstm.attrs).toMatchObject({ units: 4, returnSequences: true, activation: 'tanh' });
      expect(lstm.weights.map((w) => [w.role, w.shape])).toEqual([
        ['kernel', [3, 16]],
        ['recurrent_kernel', [4, 16]],
        ['bias', [16]],
      ]);
      expect(byId(g, 'step').outputShape).toEqual([null, 5, 2]);
      expect(g.totals.params).toBe(model.countParams());
    });

    it('gives a model built in code and the same model saved and reloaded one fingerprint', async () => {
      for (const build of [buildConvNet, buildTwoBranch, buildNested, buildLstm]) {
        const model = build(tf);
        const reloaded = await reload(tf, model);
        expect(reloaded.weights[0].name).not.toBe(model.weights[0].name); // tf.js suffixed the variable names
        const a = describeNoTensors(model);
        const b = describeNoTensors(reloaded, ctx({ id: 'm2', sourceUrl: null, origin: 'memory' }));
        expect(b.nodes.map((n) => n.weights.map((w) => w.name))).toEqual(
          a.nodes.map((n) => n.weights.map((w) => w.name)),
        );
        expect(b.fingerprint).toBe(a.fingerprint);
      }
    });

    it('gives the same model built in code the same fingerprint in every version, and as from model.json', () => {
      const fp = (model: unknown) => describeNoTensors(model).fingerprint;
      expect(fp(buildConvNet(tf))).toBe(GOLDEN.codeConvNet);
      expect(fp(buildLstm(tf))).toBe(GOLDEN.codeLstm);
      expect(fp(buildTwoBranch(tf))).toBe(GOLDEN.functionalTwoBranch);
      expect(fp(buildNested(tf))).toBe(GOLDEN.nestedSequential);
    });

    it('loads model.json fixtures through tf.io.fromMemory with the golden fingerprints', async () => {
      const conv = describeNoTensors(await loadLayers(sequentialConvJson()), ctx({ format: 'layers-model' }));
      expect(conv.format).toBe('layers-model');
      expect(conv.nodes.map((n) => n.id)).toEqual(['conv1_input', 'conv1', 'pool1', 'flat', 'dense1']);
      expect(conv.totals.params).toBe(sumOfWeights(sequentialConvJson().weightSpecs));
      const branches = describeNoTensors(await loadLayers(functionalTwoBranchJson()));
      expect(byId(branches, 'cat').inputs).toEqual(['a', 'b']);
      const nested = describeNoTensors(await loadLayers(nestedSequentialJson()));
      expect(nested.totals.params).toBe(sumOfWeights(nestedSequentialJson().weightSpecs));
      expect({
        sequentialConv: conv.fingerprint,
        functionalTwoBranch: branches.fingerprint,
        nestedSequential: nested.fingerprint,
      }).toEqual({
        sequentialConv: GOLDEN.sequentialConv,
        functionalTwoBranch: GOLDEN.functionalTwoBranch,
        nestedSequential: GOLDEN.nestedSequential,
      });
    });

    it('fingerprints: same JSON loaded twice → same; any layer change → different; URL and ids do not matter', async () => {
      const base = await fingerprintOf(sequentialConvJson());
      expect(await fingerprintOf(sequentialConvJson())).toBe(base);
      const model = await loadLayers(sequentialConvJson());
      const elsewhere = describeNoTensors(
        model,
        ctx({
          id: 'm9',
          sourceUrl: 'http://other.test/x/model.json?v=2',
          origin: 'indexeddb',
          backend: 'webgl',
          tfjsVersion: '9.9.9',
        }),
      );
      expect(elsewhere.fingerprint).toBe(base);
      const variants = [
        await fingerprintOf(sequentialConvJson({ units: 11 })),
        await fingerprintOf(sequentialConvJson({ kernelSize: 5 })),
        await fingerprintOf(sequentialConvJson({ activation: 'tanh' })),
        await fingerprintOf(sequentialConvJson({ filters: 5 })),
        await fingerprintOf(sequentialConvJson({ extraLayer: true })),
      ];
      expect(new Set([base, ...variants]).size).toBe(6);
    });

    it('describes a converted graph model: ops, edges, consts, quantization, decoded attrs', async () => {
      const model = await loadGraph(graphJson());
      expect(isGraphModel(model)).toBe(true);
      expect(isLayersModel(model)).toBe(false);
      const g = describeNoTensors(
        model,
        ctx({ sourceUrl: 'https://example.test/pose/model-stride16.json?x=1' }),
      );
      expect(g.kind).toBe('graph');
      expect(g.name).toBe('model-stride16.json');
      expect(g.format).toBe('graph-model');
      expect(g.nodes.map((n) => `${n.id}:${n.op}:${n.category}<${n.inputs.join('+')}`)).toEqual([
        'x:Placeholder:input<',
        'conv/kernel:Const:const<',
        'conv/bias:Const:const<',
        'split/dim:Const:const<',
        'conv/Conv2D:Conv2D:op<x+conv/kernel',
        'conv/BiasAdd:BiasAdd:op<conv/Conv2D+conv/bias',
        'relu:Relu:op<conv/BiasAdd',
        'split:Split:op<split/dim+relu',
        'add:Add:op<split+split',
        'out:Identity:op<add',
      ]);
      expect(byId(g, 'conv/kernel').weights).toEqual([
        {
          name: 'conv/kernel',
          role: 'kernel',
          shape: [3, 3, 1, 2],
          dtype: 'float32',
          quantization: 'uint16',
        },
      ]);
      expect(byId(g, 'conv/bias').weights[0]).toMatchObject({ role: 'bias', shape: [2], dtype: 'float32' });
      expect(byId(g, 'split/dim').weights[0]).toMatchObject({ role: 'weight', shape: [], dtype: 'int32' });
      expect(byId(g, 'conv/kernel').outputShape).toEqual([3, 3, 1, 2]);
      expect({ ...byId(g, 'conv/Conv2D').attrs }).toEqual({
        T: 'float32',
        strides: [1, 2, 2, 1],
        padding: 'SAME',
        data_format: 'NHWC',
        dilations: [1, 1, 1, 1],
        use_cudnn_on_gpu: true,
      });
      expect(byId(g, 'split').attrs.num_split).toBe(2);
      expect(byId(g, 'x').outputShape).toEqual([null, 4, 4, 1]);
      expect(byId(g, 'relu').outputShape).toBeNull();
      expect(byId(g, 'relu').shapeSource).toBe('unknown');
      expect(g.totals.params).toBe(18 + 2 + 1);
      expect(g.totals.trainableParams).toBe(0);
      expect(g.totals.weightBytes).toBe(4 * 21);
      expect(g.inputs).toEqual([{ name: 'x', nodeId: 'x', shape: [null, 4, 4, 1], dtype: 'float32' }]);
      expect(g.outputs.map((r) => r.nodeId)).toEqual(['out']);
      expect(g.fingerprint).toBe(GOLDEN.graph);
      // The fixture is a real, runnable graph.
      const y = model.execute(tf.zeros([1, 4, 4, 1]));
      expect(y.shape).toEqual([1, 2, 2, 1]);
      y.dispose();
    });

    it('reads the old TF-Hub graph JSON (no format field)', async () => {
      const g = describeNoTensors(await loadGraph(graphJson({ tfHub: true })));
      expect(g.format).toBeNull();
      expect(g.nodes).toHaveLength(10);
      expect(g.fingerprint).toBe(GOLDEN.graph);
    });

    it('graph fingerprints: loaded twice → same; a strides change → different; live shapes do not count', async () => {
      const a = describeNoTensors(await loadGraph(graphJson()));
      const b = describeNoTensors(
        await loadGraph(graphJson()),
        ctx({ sourceUrl: 'http://x.test/m.json', id: 'm7' }),
      );
      expect(b.fingerprint).toBe(a.fingerprint);
      const strided = describeNoTensors(await loadGraph(graphJson({ stride: 1 })));
      expect(strided.fingerprint).not.toBe(a.fingerprint);
      const live = describeNoTensors(
        await loadGraph(graphJson()),
        ctx({ liveShapes: { relu: [1, 2, 2, 2], x: [1, 4, 4, 1] } }),
      );
      expect(byId(live, 'relu')).toMatchObject({ outputShape: [1, 2, 2, 2], shapeSource: 'live' });
      expect(byId(live, 'x')).toMatchObject({ outputShape: [null, 4, 4, 1], shapeSource: 'config' });
      expect(live.fingerprint).toBe(a.fingerprint);
    });

    it('falls back to the executor graph when the model keeps no artifacts', async () => {
      const model = await loadGraph(graphJson());
      const full = describeNoTensors(model);
      const bare = Object.create(model, { artifacts: { value: undefined } });
      const before = tf.memory().numTensors;
      const g = describeModel(bare, ctx())!;
      expect(tf.memory().numTensors).toBe(before);
      expect(g.notes).toEqual(['no GraphDef in model.artifacts: read from the executor graph']);
      expect(g.nodes.map((n) => `${n.id}:${n.op}`)).toEqual(full.nodes.map((n) => `${n.id}:${n.op}`));
      expect(g.nodes.map((n) => n.weights.map((w) => w.shape))).toEqual(
        full.nodes.map((n) => n.weights.map((w) => w.shape)),
      );
      expect(byId(g, 'add').inputs).toEqual(['split', 'split']);
      expect(g.totals.params).toBe(full.totals.params);
      expect(g.inputs).toEqual(full.inputs);
    });

    it('returns null for things that are not models', () => {
      const tensor = tf.zeros([1]);
      for (const thing of [null, undefined, 42, 'model', {}, [], { layers: 'no' }, tensor]) {
        expect(describeModel(thing, ctx())).toBeNull();
      }
      tensor.dispose();
    });
  });
}
