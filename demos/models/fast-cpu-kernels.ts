// Faster pure-JS kernels for the cpu backend, used only while training the demo models. tfjs-backend-cpu reads
// gradients element by element through TensorBuffer.get, transposes before every leading-axis reduction and
// broadcasts through index arithmetic, which made training ~20× slower than inference; tfjs-node (native
// kernels) is not available here. Each replacement handles the common case with flat typed-array loops and
// defers to the stock kernel otherwise. Results equal the stock kernels' (bit for bit for the element-wise and
// reduction paths; up to summation order for the convolution gradients) and are deterministic.
import * as tf from '@tensorflow/tfjs';

interface CpuBackendLike {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): tf.TensorInfo;
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };
type KernelFn = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

function valuesOf(backend: CpuBackendLike, t: tf.TensorInfo): Float32Array {
  return backend.data.get(t.dataId).values;
}

type Quad = [number, number, number, number];

interface ConvGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: Quad;
}

function isUnitDilation(d: ConvGradAttrs['dilations']): boolean {
  return d === undefined || d === 1 || (Array.isArray(d) && d[0] === 1 && d[1] === 1);
}

/**
 * Filter gradient of a (depthwise) 2-D convolution, NHWC, no dilation:
 * dW[kh, kw, ci, co] += x[b, y·s + kh − pad, x·s + kw − pad, ci] · dy[b, y, x, co], where for a depthwise
 * convolution co ranges over ci's own multiplier channels only.
 */
function convFilterGradient(args: KernelArgs, depthwise: boolean, fallback: KernelFn): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as ConvGradAttrs;
  if ((attrs.dataFormat ?? 'NHWC') !== 'NHWC' || !isUnitDilation(attrs.dilations) || x.dtype !== 'float32') {
    return fallback(args) as tf.TensorInfo;
  }
  const backend = args.backend as CpuBackendLike;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Quad,
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    'channelsLast',
  );
  const xs = valuesOf(backend, x);
  const dys = valuesOf(backend, dy);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const multiplier = depthwise ? outChannels / inChannels : 0;
  const perTap = depthwise ? outChannels : inChannels * outChannels;
  const acc = new Float64Array(filterHeight * filterWidth * perTap);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const dyBase = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight + wR - top;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth + wC - left;
            if (xC < 0 || xC >= inWidth) continue;
            const xBase = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const tap = (wR * filterWidth + wC) * perTap;
            for (let ci = 0; ci < inChannels; ci++) {
              const xv = xs[xBase + ci]!;
              if (xv === 0) continue;
              if (depthwise) {
                for (let m = 0; m < multiplier; m++) {
                  const co = ci * multiplier + m;
                  acc[tap + co]! += xv * dys[dyBase + co]!;
                }
              } else {
                const row = tap + ci * outChannels;
                for (let co = 0; co < outChannels; co++) acc[row + co]! += xv * dys[dyBase + co]!;
              }
            }
          }
        }
      }
    }
  }
  return backend.makeTensorInfo(info.filterShape, 'float32', Float32Array.from(acc));
}

interface PoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Max-pool gradient: each output's gradient goes to the first maximal input of its window (as tfjs does). */
function maxPoolGradient(args: KernelArgs, fallback: KernelFn): tf.TensorInfo {
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const attrs = args.attrs as unknown as PoolGradAttrs;
  if (input.dtype !== 'float32') return fallback(args) as tf.TensorInfo;
  const backend = args.backend as CpuBackendLike;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as Quad,
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const xs = valuesOf(backend, input);
  const dys = valuesOf(backend, dy);
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const dx = new Float64Array(xs.length);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowStart = yR * strideHeight - info.padInfo.top;
      for (let yC = 0; yC < outWidth; yC++) {
        const colStart = yC * strideWidth - info.padInfo.left;
        const dyBase = ((b * outHeight + yR) * outWidth + yC) * channels;
        for (let d = 0; d < channels; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestIndex = -1;
          for (let r = Math.max(0, rowStart); r < Math.min(inHeight, rowStart + filterHeight); r++) {
            for (let c = Math.max(0, colStart); c < Math.min(inWidth, colStart + filterWidth); c++) {
              const index = ((b * inHeight + r) * inWidth + c) * channels + d;
              const value = xs[index]!;
              if (value > best || bestIndex < 0) {
                best = value;
                bestIndex = index;
              }
            }
          }
          if (bestIndex >= 0) dx[bestIndex]! += dys[dyBase + d]!;
        }
      }
    }
  }
  return backend.makeTensorInfo(input.shape, 'float32', Float32Array.from(dx));
}

/** Shape without leading 1s: [1, 1, 1, 8] → [8]. */
function squeezeLeading(shape: number[]): number[] {
  let start = 0;
  while (start < shape.length && shape[start] === 1) start++;
  return shape.slice(start);
}

function isSuffixOf(suffix: number[], shape: number[]): boolean {
  if (suffix.length > shape.length) return false;
  const offset = shape.length - suffix.length;
  return suffix.every((d, i) => d === shape[offset + i]);
}

type BinaryOp = 'mul' | 'add' | 'sub' | 'div';

// One loop per op: a shared loop calling `op(a, b)` through a closure went megamorphic and ran ~10× slower.
function broadcastLoop(kind: BinaryOp, out: Float32Array, av: Float32Array, bv: Float32Array): void {
  const n = out.length;
  const al = av.length;
  const bl = bv.length;
  if (kind === 'mul') for (let i = 0; i < n; i++) out[i] = av[i % al]! * bv[i % bl]!;
  else if (kind === 'add') for (let i = 0; i < n; i++) out[i] = av[i % al]! + bv[i % bl]!;
  else if (kind === 'sub') for (let i = 0; i < n; i++) out[i] = av[i % al]! - bv[i % bl]!;
  else for (let i = 0; i < n; i++) out[i] = av[i % al]! / bv[i % bl]!;
}

/**
 * Element-wise float32 op where each operand, without its leading 1s, matches the trailing dimensions of the
 * result (e.g. [1, 1, 1, C] against [N, H, W, C]): element i of the result uses operand element i mod size.
 */
function trailingBroadcast(kind: BinaryOp) {
  return (args: KernelArgs, fallback: KernelFn): tf.TensorInfo => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return fallback(args) as tf.TensorInfo;
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    if (!isSuffixOf(squeezeLeading(a.shape), outShape) || !isSuffixOf(squeezeLeading(b.shape), outShape)) {
      return fallback(args) as tf.TensorInfo;
    }
    const backend = args.backend as CpuBackendLike;
    const out = new Float32Array(outShape.reduce((n, d) => n * d, 1));
    broadcastLoop(kind, out, valuesOf(backend, a), valuesOf(backend, b));
    return backend.makeTensorInfo(outShape, 'float32', out);
  };
}

interface ReduceAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/** Sum or mean over a leading run of axes (0..k−1), the shape of bias and batch-norm gradients. */
function leadingReduction(mean: boolean) {
  return (args: KernelArgs, fallback: KernelFn): tf.TensorInfo => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const attrs = args.attrs as unknown as ReduceAttrs;
    const axes = tf.util.parseAxisParam(attrs.axis, x.shape);
    const leading = axes.length > 0 && [...axes].sort((p, q) => p - q).every((axis, i) => axis === i);
    if (x.dtype !== 'float32' || !leading || axes.length === x.shape.length)
      return fallback(args) as tf.TensorInfo;
    const backend = args.backend as CpuBackendLike;
    const xs = valuesOf(backend, x);
    const outer = x.shape.slice(0, axes.length).reduce((n, d) => n * d, 1);
    const inner = xs.length / outer;
    const acc = new Float64Array(inner);
    // Like the stock kernels: mean divides each float32 element first, then sums in doubles.
    for (let o = 0; o < outer; o++) {
      const base = o * inner;
      if (mean) for (let i = 0; i < inner; i++) acc[i]! += Math.fround(xs[base + i]! / outer);
      else for (let i = 0; i < inner; i++) acc[i]! += xs[base + i]!;
    }
    const outShape = attrs.keepDims
      ? x.shape.map((d, i) => (i < axes.length ? 1 : d))
      : x.shape.slice(axes.length);
    return backend.makeTensorInfo(outShape, 'float32', Float32Array.from(acc));
  };
}

const REPLACEMENTS: Record<string, (args: KernelArgs, fallback: KernelFn) => tf.TensorInfo> = {
  Conv2DBackpropFilter: (args, fallback) => convFilterGradient(args, false, fallback),
  DepthwiseConv2dNativeBackpropFilter: (args, fallback) => convFilterGradient(args, true, fallback),
  MaxPoolGrad: maxPoolGradient,
  Multiply: trailingBroadcast('mul'),
  Add: trailingBroadcast('add'),
  Sub: trailingBroadcast('sub'),
  RealDiv: trailingBroadcast('div'),
  Sum: leadingReduction(false),
  Mean: leadingReduction(true),
};

let installed = false;

/** Replaces the cpu backend's slow kernels with the fast versions (idempotent). Training scripts only. */
export function installFastCpuKernels(): void {
  if (installed) return;
  for (const [kernelName, replacement] of Object.entries(REPLACEMENTS)) {
    const stock = tf.getKernel(kernelName, 'cpu');
    if (!stock) throw new Error(`no cpu kernel ${kernelName} to replace`);
    const fallback = stock.kernelFunc as unknown as KernelFn;
    tf.unregisterKernel(kernelName, 'cpu');
    tf.registerKernel({
      kernelName,
      backendName: 'cpu',
      kernelFunc: ((args: KernelArgs) => replacement(args, fallback)) as unknown as tf.KernelFunc,
    });
  }
  installed = true;
}
