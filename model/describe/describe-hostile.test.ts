// describe runs inside arbitrary pages: it must fail closed on throwing getters, proxies, cycles, huge objects and
// frozen or booby-trapped prototypes, and always return plain JSON.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeGraphModel, describeLayersModel, describeModel } from './describe-model';
import type { DescribeContext } from './types';

const ctx: DescribeContext = {
  id: 'm1',
  sourceUrl: null,
  origin: 'unknown',
  format: null,
  backend: null,
  tfjsVersion: null,
  tfjsVersionClass: 'unknown',
};

const throwing = new Proxy(
  {},
  {
    get: () => {
      throw new Error('get');
    },
    has: () => {
      throw new Error('has');
    },
    ownKeys: () => {
      throw new Error('ownKeys');
    },
    getPrototypeOf: () => {
      throw new Error('proto');
    },
  },
);

function fakeLayer(
  name: string,
  cls: string,
  inbound: unknown[] = [],
  extra: Record<string, unknown> = {},
): any {
  return {
    name,
    getClassName: () => cls,
    inboundNodes: [{ inboundLayers: inbound, outputTensors: [{ shape: [null, 2], dtype: 'float32' }] }],
    weights: [],
    trainableWeights: [],
    ...extra,
  };
}

function fakeModel(layers: unknown[], input: unknown, output: unknown): any {
  return {
    name: 'fake',
    layers,
    inputs: [{ sourceLayer: input, shape: [null, 2], dtype: 'float32' }],
    outputs: [{ sourceLayer: output, shape: [null, 2], dtype: 'float32' }],
  };
}

const roundTrips = (g: unknown) => expect(JSON.parse(JSON.stringify(g))).toEqual(g);

describe('describe on hostile objects', () => {
  it('fails closed on a proxy that throws on every access', () => {
    expect(describeModel(throwing, ctx)).toBeNull();
    const layers = describeLayersModel(throwing, ctx);
    expect(layers.nodes).toEqual([]);
    const graph = describeGraphModel(throwing, ctx);
    expect(graph.nodes).toEqual([]);
    roundTrips(layers);
    roundTrips(graph);
  });

  it('describes what it can when layer getters throw', () => {
    const input = fakeLayer('in', 'InputLayer');
    const bad = fakeLayer('bad', 'Dense', [input]);
    Object.defineProperty(bad, 'getClassName', {
      get: () => () => {
        throw new Error('class');
      },
    });
    Object.defineProperty(bad, 'weights', {
      get: () => {
        throw new Error('weights');
      },
    });
    Object.defineProperty(bad, 'units', {
      get: () => {
        throw new Error('units');
      },
    });
    const worse = fakeLayer('worse', 'Dense', [bad]);
    Object.defineProperty(worse, 'inboundNodes', {
      get: () => {
        throw new Error('nodes');
      },
    });
    Object.defineProperty(worse, 'name', {
      get: () => {
        throw new Error('name');
      },
    });
    const g = describeModel(fakeModel([input, bad, worse], input, worse), ctx)!;
    expect(g.nodes.map((n) => `${n.id}:${n.op}<${n.inputs.join('+')}`)).toEqual([
      'in:InputLayer<',
      'bad:Layer<in',
      'layer:Dense<',
    ]);
    expect(g.outputs[0]!.nodeId).toBe('layer');
    roundTrips(g);
  });

  it('stops on cycles and on nesting deeper than the limit', () => {
    const input = fakeLayer('in', 'InputLayer');
    const selfNested: any = fakeModel([], input, input);
    selfNested.getClassName = () => 'Model';
    selfNested.layers = [input, selfNested];
    let chain: any = fakeModel([input], input, input);
    for (let depth = 0; depth < 30; depth++) {
      const outer = fakeModel([chain], input, chain);
      outer.name = `level${depth}`;
      chain = outer;
    }
    const g1 = describeModel(selfNested, ctx)!;
    expect(g1.nodes.map((n) => n.id)).toEqual(['in']);
    const g2 = describeModel(chain, ctx)!;
    expect(g2.nodes.length).toBeLessThan(12);
    expect(g2.notes?.[0]).toMatch(/nesting deeper than 8/);
  });

  it('bounds its walk over huge models', () => {
    const input = fakeLayer('in', 'InputLayer');
    const same = new Array(1_000_000).fill(input);
    expect(describeModel(fakeModel(same, input, input), ctx)!.nodes).toHaveLength(1);
    const many = Array.from({ length: 25_000 }, (_, i) => fakeLayer(`l${i}`, 'Dense', [input]));
    const start = performance.now();
    const g = describeModel(fakeModel(many, input, input), ctx)!;
    expect(performance.now() - start).toBeLessThan(5000);
    expect(g.nodes).toHaveLength(20_000);
    expect(g.notes).toEqual(['stopped at 20000 nodes']);
    const wide = fakeLayer('wide', 'Add', new Array(100_000).fill(input));
    expect(describeModel(fakeModel([input, wide], input, wide), ctx)!.nodes[1]!.inputs).toEqual(['in']);
  });

  it('keeps hostile graph names and attributes as plain data', () => {
    const attr = JSON.parse(
      '{"constructor": {"s": "QQ=="}, "__proto__": {"i": "3"}, "valueOf": {"i": "3"}, "toString": {"b": true}}',
    );
    Object.defineProperty(attr, 'strides', {
      enumerable: true,
      get: () => {
        throw new Error('attr');
      },
    });
    const model = {
      execute() {},
      executor: {},
      artifacts: {
        modelTopology: {
          node: [
            { name: '__proto__', op: 'Placeholder', attr },
            { name: 'constructor', op: 'Relu', input: 'not a list', attr: null },
            { name: 'hasOwnProperty', op: 'Neg', input: ['__proto__:0', '^constructor', 7] },
            throwing,
          ],
        },
        weightSpecs: [{ name: 'toString', shape: [2, 'x', -1], dtype: 'float32' }, throwing, null],
      },
    };
    const liveShapes = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('live');
        },
      },
    );
    const g = describeModel(model, { ...ctx, liveShapes })!;
    expect(g.nodes.map((n) => `${n.id}:${n.op}<${n.inputs.join('+')}`)).toEqual([
      '__proto__:Placeholder<',
      'constructor:Relu<',
      'hasOwnProperty:Neg<__proto__+',
      '?:?<',
      'toString:Const<',
    ]);
    expect(Object.keys(g.nodes[0]!.attrs).sort()).toEqual(['constructor', 'toString', 'valueOf']); // '_…' are internal
    expect(g.nodes[0]!.attrs.constructor).toBe('A');
    expect(g.nodes[4]!.weights[0]!.shape).toEqual([2, 0, 0]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(g)).nodes[0].attrs).toEqual({
      valueOf: 3,
      constructor: 'A',
      toString: true,
    });
  });

  it('works in a realm whose prototypes are frozen and booby-trapped by the page', () => {
    const script = `
      const { describeModel } = await import('./model/describe/describe-model.ts');
      for (const key of ['notes', 'quantization', 'id', 'name', 'inputs', 'attrs', 'layers', 'nestedIn', 'T']) {
        Object.defineProperty(Object.prototype, key, { set() { throw new Error('trap ' + key); }, get() { return undefined; } });
      }
      for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) Object.freeze(proto);
      const layer = (name, cls, inbound) => ({ name, getClassName: () => cls, weights: [], trainableWeights: [],
        inboundNodes: [{ inboundLayers: inbound, outputTensors: [{ shape: [null, 2], dtype: 'float32' }] }] });
      const input = layer('in', 'InputLayer', []);
      const inner = { name: 'inner', getClassName: () => 'Sequential', layers: [layer('d', 'Dense', [input])],
        inputs: [{ sourceLayer: input }], inboundNodes: [] };
      inner.outputs = [{ sourceLayer: inner.layers[0] }];
      const ctx = { id: 'm', sourceUrl: null, origin: 'unknown', format: null, backend: null, tfjsVersion: null, tfjsVersionClass: 'unknown' };
      const layers = describeModel({ name: 'm', layers: [inner], inputs: [{ sourceLayer: input }], outputs: [] }, ctx);
      const graph = describeModel({ execute() {}, executor: {}, artifacts: { modelTopology: { node: [
        { name: 'w', op: 'Const' }, { name: 'x', op: 'Placeholder' }, { name: 'y', op: 'MatMul', input: ['x', 'w'], attr: { T: { type: 'DT_FLOAT' } } }] },
        weightSpecs: [{ name: 'w', shape: [2, 2], dtype: 'float32', quantization: { dtype: 'uint8' } }] } }, ctx);
      console.log(JSON.stringify({ layers: layers.nodes.map((n) => n.id), notes: layers.notes ?? null, fp: layers.fingerprint.length,
        graph: graph.nodes.map((n) => n.op), role: graph.nodes[0].weights[0].role, gnotes: graph.notes ?? null }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
      layers: ['in', 'd', 'inner'],
      notes: null,
      fp: 64,
      graph: ['Const', 'Placeholder', 'MatMul'],
      role: 'kernel',
      gnotes: null,
    });
  });
});
