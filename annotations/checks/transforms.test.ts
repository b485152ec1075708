import { describe, expect, it } from 'vitest';
import { applyTransform, channelRange, describeTransform, imageDims } from './transforms';
import { flattenLiteral, topK } from './tensors';
import { seconds, withTimeout, CouldNotRun } from './prober';

const plain = { normalize: { mean: [0], std: [1] }, dtype: 'float32' as const };
const minusOneToOne = { normalize: { mean: [0.5], std: [0.5] }, dtype: 'float32' as const };
// A 3 × 3 single-channel picture, row-major: 1 2 3 / 4 5 6 / 7 8 9.
const grid = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
const shape = [1, 3, 3, 1];

describe('transforms on NHWC values', () => {
  it('shift moves content right/down and pads with the value of a black pixel', () => {
    expect(
      Array.from(applyTransform(grid, shape, { type: 'shift', dx: 1, dy: 0 }, plain) as Float32Array),
    ).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(
      Array.from(
        applyTransform(grid, shape, { type: 'shift', dx: 0, dy: -1 }, minusOneToOne) as Float32Array,
      ),
    ).toEqual([4, 5, 6, 7, 8, 9, -1, -1, -1]);
  });

  it('flip mirrors horizontally or vertically', () => {
    expect(
      Array.from(applyTransform(grid, shape, { type: 'flip', axis: 'horizontal' }, plain) as Float32Array),
    ).toEqual([3, 2, 1, 6, 5, 4, 9, 8, 7]);
    expect(
      Array.from(applyTransform(grid, [3, 3, 1], { type: 'flip', axis: 'vertical' }, plain) as Float32Array),
    ).toEqual([7, 8, 9, 4, 5, 6, 1, 2, 3]);
  });

  it('brightness adds and clamps to the pixel range of the normalisation, per channel', () => {
    const rgb = Float32Array.from([0.2, 0.9, -0.5, 0.5, 0.5, 0.5]);
    const perChannel = { normalize: { mean: [0, 0.5, 0.5], std: [1, 0.5, 0.5] }, dtype: 'float32' as const };
    const out = applyTransform(
      rgb,
      [1, 1, 2, 3],
      { type: 'brightness', amount: 0.3 },
      perChannel,
    ) as Float32Array;
    expect(Array.from(out).map((v) => Number(v.toFixed(4)))).toEqual([0.5, 1, -0.2, 0.8, 0.8, 0.8]);
    const darker = applyTransform(grid, shape, { type: 'brightness', amount: -0.5 }, plain) as Float32Array;
    expect(Array.from(darker)).toEqual([0.5, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(channelRange(minusOneToOne, 0)).toEqual([-1, 1]);
    expect(channelRange({ normalize: { mean: [0], std: [-1] }, dtype: 'float32' }, 0)).toEqual([-1, -0]);
    expect(channelRange({ ...plain, dtype: 'int32' }, 2)).toEqual([0, 255]);
  });

  it('does not change its input, and refuses inputs that are not pictures', () => {
    const copy = grid.slice();
    applyTransform(grid, shape, { type: 'flip', axis: 'horizontal' }, plain);
    expect(grid).toEqual(copy);
    expect(
      applyTransform(Float32Array.from([1, 2]), [1, 2], { type: 'flip', axis: 'vertical' }, plain),
    ).toMatch(/picture-shaped input.*\[1, 2\]/);
    expect(imageDims([1, 3, 3, 1])).toEqual([1, 3, 3, 1]);
    expect(applyTransform(grid, [1, 2, 2, 1], { type: 'flip', axis: 'vertical' }, plain)).toMatch(
      /does not fit 9 values/,
    );
  });

  it('describes transforms for messages', () => {
    expect(describeTransform({ type: 'shift', dx: 2, dy: -1 })).toBe('shift by (2, -1) px');
    expect(describeTransform({ type: 'brightness', amount: -0.2 })).toBe('brightness -0.2');
    expect(describeTransform({ type: 'flip', axis: 'vertical' })).toBe('vertical flip');
  });
});

describe('tensor helpers', () => {
  it('flattens literals with their shape, and ranks the first row', () => {
    expect(
      flattenLiteral([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual({ values: [1, 2, 3, 4, 5, 6], shape: [2, 3] });
    expect(flattenLiteral(7)).toEqual({ values: [7], shape: [] });
    const top = topK({ nodeId: 'x', shape: [2, 3], values: Float32Array.from([0.1, 0.7, 0.2, 1, 0, 0]) }, 2, [
      'a',
      'b',
      'c',
    ]);
    expect(top.map((t) => [t.index, t.label])).toEqual([
      [1, 'b'],
      [2, 'c'],
    ]);
  });
});

describe('withTimeout', () => {
  it('rejects with "timed out after …" and aborts the work', async () => {
    let aborted = false;
    const work = (signal: AbortSignal) =>
      new Promise<never>(() => signal.addEventListener('abort', () => (aborted = true)));
    await expect(withTimeout(work, 20)).rejects.toThrow(new CouldNotRun('timed out after 0.02 s'));
    expect(aborted).toBe(true);
    expect(seconds(5000)).toBe('5 s');
  });

  it('passes results and errors through, and stops on the outer signal', async () => {
    await expect(withTimeout(async () => 42, 1000)).resolves.toBe(42);
    await expect(withTimeout(async () => Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
    const controller = new AbortController();
    const pending = withTimeout(() => new Promise(() => {}), 10_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow('cancelled');
  });
});
