// Pinning and reloading with real tf.js 4 in Node: a pinned model's hold is reported, a model loaded again from its
// URL (a test IO router) matches by fingerprint, computes what the original did, and leaves no tensor behind when
// disposed; a copy with another fingerprint is refused; models Literate loads never count as the page's.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeModel } from '../../model/describe/describe-model';
import { buildConvNet } from '../../model/describe/test-models';
import { ModelRegistry } from './model-registry';
import { disposeModel, findLoader, reloadModel } from './reload';

const URL_PREFIX = 'literate-test://';
const stored = new Map<string, tf.io.ModelArtifacts>();

const fingerprint = (o: object): string | null =>
  describeModel(o, {
    id: 'm1',
    sourceUrl: null,
    origin: 'unknown',
    format: null,
    backend: 'cpu',
    tfjsVersion: null,
    tfjsVersionClass: '3.x+',
  })?.fingerprint ?? null;

async function store(name: string, model: tf.LayersModel): Promise<string> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      stored.set(name, artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return URL_PREFIX + name;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  // A router answers null for URLs that are not its own (tf.js's type says otherwise).
  const router = (url: string | string[]): tf.io.IOHandler | null => {
    const u = Array.isArray(url) ? url[0] : url;
    if (typeof u !== 'string' || !u.startsWith(URL_PREFIX)) return null;
    const artifacts = stored.get(u.slice(URL_PREFIX.length));
    return artifacts ? tf.io.fromMemory(artifacts) : null;
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
  (globalThis as Record<string, unknown>).tf = tf;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).tf;
});

function seededConvNet(): tf.LayersModel {
  const model = buildConvNet(tf) as tf.LayersModel;
  let s = 7;
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (ws.length)
      layer.setWeights(
        ws.map((w) => {
          const values = Array.from(
            { length: w.size },
            () => ((s = (s * 48271) % 2147483647) / 2147483647) * 0.5 + 0.25,
          );
          return tf.tensor(values, w.shape);
        }),
      );
  }
  return model;
}

describe('reloadModel', () => {
  it('loads the same model again, computing what the original did, and disposing it leaves no tensor', async () => {
    const original = seededConvNet();
    const url = await store('conv', original);
    const input = tf.ones([1, 8, 8, 1]);
    const expected = await (original.predict(input) as tf.Tensor).data();
    const before = tf.memory().numTensors;

    const copy = await reloadModel(
      { kind: 'layers', url, graphClass: null, fingerprint: fingerprint(original)! },
      fingerprint,
    );
    expect(copy).not.toBe(original);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    const out = (copy as tf.LayersModel).predict(input) as tf.Tensor;
    expect(Array.from(await out.data())).toEqual(Array.from(expected));
    out.dispose();
    disposeModel(copy);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses (and disposes) a copy whose fingerprint differs from the one recorded', async () => {
    const original = seededConvNet();
    const url = await store('conv2', original);
    const before = tf.memory().numTensors;
    await expect(
      reloadModel({ kind: 'layers', url, graphClass: null, fingerprint: 'not-this-one' }, fingerprint),
    ).rejects.toThrow(/fingerprint differs/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('finds no loader without a global tf.js or a remembered GraphModel class', () => {
    const tfBefore = (globalThis as Record<string, unknown>).tf;
    delete (globalThis as Record<string, unknown>).tf;
    try {
      expect(findLoader('layers', null)).toBeNull();
      expect(findLoader('graph', null)).toBeNull();
      expect(findLoader('graph', class {})).not.toBeNull();
    } finally {
      (globalThis as Record<string, unknown>).tf = tfBefore;
    }
  });
});

describe('ModelRegistry holds', () => {
  it('reports pinned while an explanation holds a model, and the page’s hold again once released', () => {
    const registry = new ModelRegistry([], () => 'cpu');
    const model = seededConvNet();
    registry.add('container', model);
    const [found] = registry.scan();
    expect(found?.summary.hold).toBeUndefined();
    expect(registry.pin(found!.id, true)?.summary.hold).toBe('pinned');
    expect(registry.objectOf(found!.id)).toBe(model);
    expect(registry.pin(found!.id, true)).toBeNull(); // no change: nothing to report
    expect(registry.pin(found!.id, false)?.summary.hold).toBeUndefined();
    expect(registry.needsReload(found!.id)).toBe(false);
    model.dispose();
  });

  it('never takes a model Literate loads (or its parts) for one of the page’s', async () => {
    const registry = new ModelRegistry([], () => 'cpu');
    const page = seededConvNet();
    registry.add('container', page);
    expect(registry.scan()).toHaveLength(1);
    const url = await store('conv3', page);
    // The hook's constructor traps report what tf.js builds while the reload runs.
    const copy = await registry.reloading(async () => {
      const loaded = await tf.loadLayersModel(url);
      registry.add('container', loaded);
      expect(registry.scan()).toEqual([]); // left unscanned while the reload runs
      return loaded;
    });
    // Unwanted (no explanation pinned the model): the copy is disposed, and still never reported.
    let disposed = false;
    expect(registry.adoptReload('m1', copy, () => (disposed = true))).toBe(false);
    expect(disposed).toBe(true);
    expect(registry.scan()).toEqual([]);
    expect(registry.models).toHaveLength(1);
    copy.dispose();
    page.dispose();
  });
});
