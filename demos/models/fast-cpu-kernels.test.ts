import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installFastCpuKernels } from './fast-cpu-kernels.js';
import { mulberry32 } from '../shared/prng.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function random(shape: number[], seed: number): tf.Tensor {
  const rand = mulberry32(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() * 2 - 1),
    shape,
  );
}

/** Every kernel the fast set replaces, exercised through the ops and gradients that reach them. */
function computeAll(): Float32Array[] {
  return tf.tidy(() => {
    const x = random([2, 9, 9, 3], 1);
    const filter = random([3, 3, 3, 4], 2);
    const depthFilter = random([3, 3, 3, 2], 3);
    const convLoss = (f: tf.Tensor) => tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, [2, 2], 'same'));
    const depthLoss = (f: tf.Tensor) =>
      tf.sum(tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'valid'));
    const poolLoss = (t: tf.Tensor) =>
      tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), random([2, 4, 4, 3], 4)));
    const channel = random([1, 1, 1, 3], 5);
    const bias = random([3], 6);
    const outputs = [
      tf.grad(convLoss)(filter),
      tf.grad(depthLoss)(depthFilter),
      tf.grad(poolLoss)(x),
      tf.mul(x, channel),
      tf.add(channel, x),
      tf.sub(x, bias),
      tf.div(x, tf.add(tf.abs(channel), 1)),
      tf.mul(x, random([9, 1, 3], 7)),
      tf.sum(x, [0, 1, 2]),
      tf.sum(x, [0, 1], true),
      tf.mean(x, [0, 1, 2]),
      tf.sum(x, [1, 2]),
    ];
    return outputs.map((t) => Float32Array.from(t.dataSync()));
  });
}

describe('installFastCpuKernels', () => {
  it('computes what the stock cpu kernels compute', () => {
    const stock = computeAll();
    installFastCpuKernels();
    const fast = computeAll();
    expect(fast).toHaveLength(stock.length);
    fast.forEach((values, i) => {
      expect(values.length).toBe(stock[i]!.length);
      const worst = values.reduce((m, v, j) => Math.max(m, Math.abs(v - stock[i]![j]!)), 0);
      expect(worst, `output ${i}`).toBeLessThan(1e-5);
    });
    // Element-wise and reduction paths keep the stock arithmetic exactly.
    for (const i of [3, 4, 5, 6, 8, 9, 10]) expect(fast[i]).toEqual(stock[i]);
  });

  it('is idempotent', () => {
    installFastCpuKernels();
    installFastCpuKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).toBeDefined();
  });
});
