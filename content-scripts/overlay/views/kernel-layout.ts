// Convolution kernels in the order the filter pictures read ([kh, kw, in, out], tf.js's): a channels-first model's
// kernel (ONNX's [out, in, kh, kw]) is transposed; a channels-last one is already there. Pure.

import type { DataLayout } from '../../../model/model-graph';

export function kernelForPictures(
  shape: readonly number[],
  values: Float32Array,
  layout: DataLayout,
): { shape: number[]; values: Float32Array } {
  if (layout !== 'channels-first' || shape.length !== 4) return { shape: [...shape], values };
  const [out, inC, kh, kw] = shape as [number, number, number, number];
  const hwio = new Float32Array(out * inC * kh * kw);
  for (let o = 0; o < out; o++)
    for (let c = 0; c < inC; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          hwio[((y * kw + x) * inC + c) * out + o] = values[((o * inC + c) * kh + y) * kw + x] ?? 0;
  return { shape: [kh, kw, inC, out], values: hwio };
}
