// The gradient map over the reader's picture (pure): stretched nearest-pixel, its scales, its pixels' opacity, and
// the ninth of the picture where it is strongest; the run's cancel.
import { describe, expect, it } from 'vitest';
import type { GradientMap } from '../../../protocol/bridge';
import { gradientOnPicture, gradientPixels, strongestNinth } from './gradient-map';
import { runGradientMap } from './gradient-run';

function map(height: number, width: number, magnitude: number[], gxi: number[]): GradientMap {
  return {
    height,
    width,
    magnitude: new Float32Array(magnitude).buffer,
    gradTimesInput: new Float32Array(gxi).buffer,
    score: 0.5,
    ms: 3,
  };
}

describe('gradientOnPicture', () => {
  it('stretches a 2 × 2 map over a 4 × 2 picture, nearest pixel, on 0…max or ±max', () => {
    const m = map(2, 2, [1, 2, 3, 4], [-2, 1, 0, 0.5]);
    const mag = gradientOnPicture(m, 'magnitude', 4, 2);
    expect(Array.from(mag.values)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(mag.extent).toBe(4);
    expect(mag.scale).toEqual({ lo: 0, hi: 4, diverging: false });
    const signed = gradientOnPicture(m, 'gradTimesInput', 2, 2);
    expect(Array.from(signed.values)).toEqual([-2, 1, 0, 0.5]);
    expect(signed.scale).toEqual({ lo: -2, hi: 2, diverging: true });
  });

  it('makes strong pixels opaque and weak ones see-through; a flat map stays drawable', () => {
    const g = gradientOnPicture(map(1, 2, [0, 10], [0, 0]), 'magnitude', 2, 1);
    const px = gradientPixels(g, 40, 220);
    expect(px[3]).toBe(40);
    expect(px[7]).toBe(220);
    const flat = gradientPixels(gradientOnPicture(map(1, 2, [0, 0], [0, 0]), 'gradTimesInput', 2, 1));
    expect(flat[3]).toBe(40);
    expect(flat[7]).toBe(40);
  });
});

describe('strongestNinth', () => {
  it('finds the ninth that holds most of |values| and its share', () => {
    const values = new Array(36).fill(0);
    values[0] = 1; // top left
    values[6 * 5 + 5] = 3; // bottom right
    expect(strongestNinth(map(6, 6, values, values), 'magnitude')).toEqual({ ninth: 8, share: 0.75 });
    const negative = values.map((v) => -v);
    expect(strongestNinth(map(6, 6, values, negative), 'gradTimesInput').ninth).toBe(8);
    expect(strongestNinth(map(6, 6, new Array(36).fill(0), values), 'magnitude')).toEqual({
      ninth: 4,
      share: 0,
    });
  });
});

describe('runGradientMap', () => {
  const image = { width: 2, height: 2, rgba: new Uint8ClampedArray(16) };
  const input = { kind: 'image' as const, image, normalize: { mean: [0], std: [1] } };

  it('sends the picture and the class, and gives back the outcome with its wall time', async () => {
    const asked: unknown[] = [];
    const api = {
      gradient: async (...args: unknown[]) => {
        asked.push(args);
        return { map: null, unsupported: 'gradients: op X has no gradient in this tf.js' } as const;
      },
    };
    const run = await runGradientMap(api, { id: 'm1' }, input, 3, new AbortController().signal);
    expect(run.unsupported).toMatch(/op X/);
    expect(run.wallMs).toBeGreaterThanOrEqual(0);
    const [modelId, probeInput, classIndex] = asked[0] as [string, { type: string }, number];
    expect([modelId, probeInput.type, classIndex]).toEqual(['m1', 'image', 3]);
  });

  it('rejects at once on Cancel', async () => {
    const ctl = new AbortController();
    const api = { gradient: () => new Promise<never>(() => undefined) };
    const run = runGradientMap(api, { id: 'm1' }, input, 0, ctl.signal);
    ctl.abort();
    await expect(run).rejects.toThrow('Cancelled.');
  });
});
