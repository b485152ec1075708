// The hook's gradient run against real tf.js (4.x, cpu backend): the map equals tf.grad computed directly,
// a LayersModel and a GraphModel, the page's tensor count unchanged — also when an op has no gradient (the tape's
// saved tensors freed) — and the limits named as reasons.
import * as tf4 from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { artifactsOf, graphJson, weightData } from '../../../model/describe/test-fixtures';
import { buildConvNet, type Tf } from '../../../model/describe/test-models';
import { pixelMaps, unsupportedReason } from './gradient-maps';
import { runGradient } from './gradient';

/** Deterministic non-zero weights. */
function seeded(tf: Tf, model: any): void {
  let s = 3;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (const layer of model.layers) {
    const names: string[] = layer.weights.map((w: any) => w.name);
    const ws = layer.getWeights();
    if (ws.length)
      layer.setWeights(
        ws.map((w: any, i: number) =>
          tf.tensor(
            Array.from({ length: w.size }, () =>
              /variance/.test(names[i]!) ? 0.5 + Math.abs(next()) : next(),
            ),
            w.shape,
          ),
        ),
      );
  }
}

function graphArtifacts(): Record<string, unknown> {
  const json = graphJson({ stride: 1 });
  const bytes = new Uint8Array(weightData(json.weightSpecs));
  for (let i = 0; i < bytes.length - 4; i++) bytes[i] = (i * 37 + 11) % 251;
  return { ...artifactsOf(json), weightData: bytes.buffer };
}

/** x [1, 2, 2, 4] → DepthToSpace (no gradient registered in tf.js) → [1, 4, 4, 1]. */
function depthToSpaceArtifacts(): Record<string, unknown> {
  const dims = (...d: number[]) => ({ dim: d.map((size) => ({ size: String(size) })) });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    format: 'graph-model',
    modelTopology: {
      node: [
        {
          name: 'x',
          op: 'Placeholder',
          attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: dims(-1, 2, 2, 4) } },
        },
        {
          name: 'd2s',
          op: 'DepthToSpace',
          input: ['x'],
          attr: { T: { type: 'DT_FLOAT' }, block_size: { i: '2' }, data_format: { s: b64('NHWC') } },
        },
        { name: 'out', op: 'Identity', input: ['d2s'], attr: { T: { type: 'DT_FLOAT' } } },
      ],
      library: {},
      versions: { producer: 27 },
    },
    weightSpecs: [],
    weightData: new ArrayBuffer(0),
  };
}

const values = (n: number) => Array.from({ length: n }, (_, i) => ((i * 13) % 17) / 17);

/** max |g| over channels and Σ g·x per pixel, from tf.grad of the flat output at `k`. */
async function expected(
  tf: Tf,
  f: (x: any) => any,
  x: any,
  k: number,
): Promise<{ mag: number[]; gxi: number[] }> {
  const g = tf.grad((t: any) => f(t).reshape([-1]).slice([k], [1]))(x);
  const mag = tf.tidy(() => g.abs().max(-1).reshape([-1]));
  const gxi = tf.tidy(() => g.mul(x).sum(-1).reshape([-1]));
  const out = {
    mag: Array.from(await mag.data()) as number[],
    gxi: Array.from(await gxi.data()) as number[],
  };
  tf.dispose([g, mag, gxi]);
  return out;
}

function close(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]!).toBeCloseTo(b[i]!, 5);
}

describe('pixelMaps', () => {
  it('takes the largest |gradient| and the signed gradient × input per pixel', () => {
    const m = pixelMaps([1, -3, 0.5, 2, Number.NaN, -1], [1, 1, 2, 3, 4, 5], 1, 2, 3);
    expect(Array.from(m.magnitude)).toEqual([3, 2]);
    expect(Array.from(m.gradTimesInput)).toEqual([1 - 3 + 1, 6 - 5]);
    expect(() => pixelMaps([1, 2], [1], 1, 1, 2)).toThrow(/shape/);
  });

  it('names the op, the fused activation or executeAsync from tf.js messages', () => {
    expect(unsupportedReason('Cannot compute gradient: gradient function not found for DepthToSpace.')).toBe(
      'gradients: op DepthToSpace has no gradient in this tf.js',
    );
    expect(unsupportedReason('Cannot compute gradient for fused activation relu6.')).toMatch(/relu6/);
    expect(
      unsupportedReason(
        "This execution contains the node 'w', which has the dynamic op 'Merge'. Please use model.executeAsync() instead.",
      ),
    ).toMatch(/executeAsync/);
    expect(unsupportedReason('out of memory')).toBeNull();
  });
});

// One tf.js per file: a second copy would reuse the first one's engine (as on a page).
for (const [label, tf] of [['tf.js 4', tf4]] as [string, Tf][]) {
  describe(`runGradient with ${label}`, () => {
    const engine = tf.engine();

    it('gives a LayersModel the gradient tf.grad gives, for two classes, and leaves no tensor behind', async () => {
      await tf.setBackend('cpu');
      const model = buildConvNet(tf);
      seeded(tf, model);
      const v = values(64);
      const x = tf.tensor(v, [1, 8, 8, 1]);
      const want1 = await expected(tf, (t: any) => model.predict(t), x, 1);
      const want3 = await expected(tf, (t: any) => model.predict(t), x, 3);
      const baseline = tf.memory().numTensors;
      const target = { engine, kind: 'layers' as const, model, lastInput: null };
      const input = { type: 'tensor' as const, shape: [1, 8, 8, 1], values: v };
      const one = await runGradient(target, input, 1);
      const three = await runGradient(target, input, 3);
      expect(tf.memory().numTensors).toBe(baseline);
      expect(one.map && three.map).toBeTruthy();
      close(new Float32Array(one.map!.magnitude), want1.mag);
      close(new Float32Array(one.map!.gradTimesInput), want1.gxi);
      close(new Float32Array(three.map!.magnitude), want3.mag);
      expect([...new Float32Array(one.map!.magnitude)].some((m) => m > 0)).toBe(true);
      expect(new Float32Array(one.map!.magnitude)).not.toEqual(new Float32Array(three.map!.magnitude));
      const y = model.predict(x);
      expect(one.map!.score).toBeCloseTo((await y.data())[1], 5);
      expect([one.map!.height, one.map!.width]).toEqual([8, 8]);
      expect(one.map!.ms).toBeGreaterThanOrEqual(0);
      tf.dispose([x, y]);
      const after = tf.memory().numTensors;
      // A picture goes through the probe's own resize: 16 × 16 RGBA to the 8 × 8 × 1 input.
      const rgba = new Uint8Array(16 * 16 * 4).map((_, i) => (i * 7) % 256);
      const pic = await runGradient(target, { type: 'image', width: 16, height: 16, rgba: rgba.buffer }, 0);
      expect(pic.map?.width).toBe(8);
      await expect(runGradient(target, input, 99)).rejects.toThrow(/no class 99/);
      expect(tf.memory().numTensors).toBe(after);
    });

    it('gives a GraphModel (execute) the gradient tf.grad gives', async () => {
      const model = await tf.loadGraphModel(tf.io.fromMemory(graphArtifacts()));
      const v = values(16);
      const x = tf.tensor(v, [1, 4, 4, 1]);
      const want = await expected(tf, (t: any) => model.execute(t), x, 5);
      const baseline = tf.memory().numTensors;
      const out = await runGradient(
        { engine, kind: 'graph', model, lastInput: null },
        { type: 'tensor', shape: [1, 4, 4, 1], values: v },
        5,
      );
      expect(tf.memory().numTensors).toBe(baseline);
      close(new Float32Array(out.map!.magnitude), want.mag);
      close(new Float32Array(out.map!.gradTimesInput), want.gxi);
      x.dispose();
      model.dispose();
    });

    it('names an op without a gradient and frees what the tape saved', async () => {
      const model = await tf.loadGraphModel(tf.io.fromMemory(depthToSpaceArtifacts()));
      const baseline = tf.memory().numTensors;
      const out = await runGradient(
        { engine, kind: 'graph', model, lastInput: null },
        { type: 'tensor', shape: [1, 2, 2, 4], values: values(16) },
        0,
      );
      expect(out).toEqual({
        map: null,
        unsupported: 'gradients: op DepthToSpace has no gradient in this tf.js',
      });
      expect(tf.memory().numTensors).toBe(baseline);
      expect(engine.state.gradientDepth).toBe(0);
      // tf.js itself still computes gradients afterwards (its tape was left clean).
      const g = tf.grad((t: any) => t.square().sum())(tf.scalar(3));
      expect((await g.data())[0]).toBe(6);
      model.dispose();
    });

    it('says so at once when the page’s tf.js registers no gradients (a tfjs-core-only bundle)', async () => {
      const registry = (globalThis as any)._tfGlobals.get('gradRegistry') as Map<string, unknown>;
      const saved = [...registry];
      registry.clear();
      try {
        const model = buildConvNet(tf);
        const out = await runGradient(
          { engine, kind: 'layers', model, lastInput: null },
          { type: 'tensor', shape: [1, 8, 8, 1], values: values(64) },
          0,
        );
        expect(out.unsupported).toMatch(/registers no gradient functions/);
      } finally {
        for (const [k, v] of saved) registry.set(k, v);
      }
    });

    it('refuses a non-picture input as a limit, not a failure', async () => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
      const out = await runGradient(
        { engine, kind: 'layers', model, lastInput: null },
        { type: 'tensor', shape: [1, 3], values: [1, 2, 3] },
        0,
      );
      expect(out.unsupported).toMatch(/not a float picture/);
    });
  });
}
