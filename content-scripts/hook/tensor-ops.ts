// The few tf.js operations the hook needs, reached through the page's own engine and tensors (a bundled page has
// no global `tf`, and a core-only bundle has no chained ops on Tensor): a tensor method first, else a kernel by name.

import { pageGlobals, read, safely } from './page-globals';

/** A live page tensor, as the hook sees it: an opaque object with a dataId, a shape and a dtype. */
export type Tensor = object;

export type Engine = object;

/** True for a concrete (not symbolic, not disposed) tensor. */
export function isTensor(v: unknown): v is Tensor {
  if (!v || typeof v !== 'object') return false;
  const dataId = read(v, 'dataId');
  if (!dataId || typeof dataId !== 'object') return false;
  if (read(v, 'isDisposedInternal') === true) return false;
  return pageGlobals.isArray(read(v, 'shape')) && typeof read(v, 'dtype') === 'string';
}

/** The tensor's shape as a fresh array of non-negative integers, or null. */
export function shapeOf(t: unknown): number[] | null {
  const shape = read(t, 'shape');
  if (!pageGlobals.isArray(shape) || shape.length > 16) return null;
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) return null;
    out.push(d);
  }
  return out;
}

export function dtypeOf(t: unknown): string | null {
  const d = read(t, 'dtype');
  return typeof d === 'string' ? d : null;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Calls `o[name](...args)` with the captured Reflect.apply; throws when there is no such method. */
export function callMethod(o: unknown, name: string, args: unknown[]): unknown {
  const method = read(o, name);
  if (typeof method !== 'function') throw new TypeError(`no ${name}`);
  return pageGlobals.apply(method as (...a: unknown[]) => unknown, o, args);
}

function hasMethod(o: unknown, name: string): boolean {
  return typeof read(o, name) === 'function';
}

/** `engine.runKernel(name, {x}, attrs)`, the 2.x+ modular kernel call; used when a chained op is missing. */
function kernel(engine: Engine, name: string, x: Tensor, attrs: Record<string, unknown>): Tensor {
  const out = callMethod(engine, 'runKernel', [name, { x }, attrs]);
  if (!isTensor(out)) throw new TypeError(`kernel ${name} gave no tensor`);
  return out;
}

export function clone(t: Tensor): Tensor {
  const c = callMethod(t, 'clone', []);
  if (!isTensor(c)) throw new TypeError('clone gave no tensor');
  return c;
}

/** Marks a tensor as kept, so that the page's enclosing tidy() does not dispose it. */
export function keep(engine: Engine, t: Tensor): Tensor {
  callMethod(engine, 'keep', [t]);
  return t;
}

export function dispose(t: unknown): void {
  safely(() => callMethod(t, 'dispose', []), undefined);
}

/** Runs `fn` in a scope of our own: every intermediate it makes is disposed, the result survives. */
export function tidy<T>(engine: Engine, fn: () => T): T {
  return callMethod(engine, 'tidy', [fn]) as T;
}

export function mean(engine: Engine, t: Tensor, axes: number[] | null): Tensor {
  if (hasMethod(t, 'mean')) return callMethod(t, 'mean', [axes, false]) as Tensor;
  return kernel(engine, 'Mean', t, { axis: axes, keepDims: false });
}

export function max(engine: Engine, t: Tensor, axes: number[] | null): Tensor {
  if (hasMethod(t, 'max')) return callMethod(t, 'max', [axes, false]) as Tensor;
  return kernel(engine, 'Max', t, { reductionIndices: axes, keepDims: false });
}

export function min(engine: Engine, t: Tensor, axes: number[] | null): Tensor {
  if (hasMethod(t, 'min')) return callMethod(t, 'min', [axes, false]) as Tensor;
  return kernel(engine, 'Min', t, { axis: axes, keepDims: false });
}

export function square(engine: Engine, t: Tensor): Tensor {
  if (hasMethod(t, 'square')) return callMethod(t, 'square', []) as Tensor;
  return kernel(engine, 'Square', t, {});
}

export function cast(engine: Engine, t: Tensor, dtype: string): Tensor {
  if (hasMethod(t, 'cast')) return callMethod(t, 'cast', [dtype]) as Tensor;
  return kernel(engine, 'Cast', t, { dtype });
}

export function reshape(engine: Engine, t: Tensor, shape: number[]): Tensor {
  if (hasMethod(t, 'reshape')) return callMethod(t, 'reshape', [shape]) as Tensor;
  return kernel(engine, 'Reshape', t, { shape });
}

/** Every `strides[i]`-th element along each axis, from 0 to `end[i]`. */
export function stridedSlice(engine: Engine, t: Tensor, end: number[], strides: number[]): Tensor {
  const begin = end.map(() => 0);
  if (hasMethod(t, 'stridedSlice')) return callMethod(t, 'stridedSlice', [begin, end, strides]) as Tensor;
  return kernel(engine, 'StridedSlice', t, {
    begin,
    end,
    strides,
    beginMask: 0,
    endMask: 0,
    ellipsisMask: 0,
    newAxisMask: 0,
    shrinkAxisMask: 0,
  });
}

/** The leading `size` block (all of each axis where size is -1). */
export function slice(engine: Engine, t: Tensor, size: number[]): Tensor {
  const begin = size.map(() => 0);
  if (hasMethod(t, 'slice')) return callMethod(t, 'slice', [begin, size]) as Tensor;
  return kernel(engine, 'Slice', t, { begin, size });
}

/** A new tensor from values we own (probe inputs). */
export function makeTensor(
  engine: Engine,
  values: Float32Array | Int32Array,
  shape: number[],
  dtype: string,
): Tensor {
  const t = callMethod(engine, 'makeTensor', [values, shape, dtype]);
  if (!isTensor(t)) throw new TypeError('makeTensor gave no tensor');
  return t;
}

export type Values = Float32Array | Int32Array;

/**
 * Reads a tensor's values asynchronously (`data()`, never `dataSync()`, so GPU backends do not stall) and returns a
 * copy we own: the CPU backend hands out its own storage, which must never be transferred or changed.
 */
export async function readValues(t: Tensor): Promise<{ values: Values; dtype: 'float32' | 'int32' }> {
  const data = await (callMethod(t, 'data', []) as Promise<unknown>);
  if (data instanceof pageGlobals.Float32Array)
    return { values: new pageGlobals.Float32Array(data), dtype: 'float32' };
  if (data instanceof pageGlobals.Int32Array)
    return { values: new pageGlobals.Int32Array(data), dtype: 'int32' };
  if (data instanceof pageGlobals.Uint8Array)
    return { values: new pageGlobals.Int32Array(data), dtype: 'int32' };
  throw new TypeError('unsupported data');
}

/** dtypes whose values we can send (bool travels as int32). */
export function readableDtype(dtype: string | null): boolean {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'bool';
}

/** Engine counters, read without side effects (never `memory()`, which touches the backend). */
export function engineState(engine: Engine | null): {
  numTensors: number;
  gradientDepth: number;
  kernelDepth: number;
  profiling: boolean;
} {
  const state = read(engine, 'state');
  const num = (k: string): number => {
    const v = read(state, k);
    return typeof v === 'number' ? v : 0;
  };
  return {
    numTensors: num('numTensors'),
    gradientDepth: num('gradientDepth'),
    kernelDepth: num('kernelDepth'),
    profiling: read(state, 'profiling') === true,
  };
}

/** Whether capturing now would disturb the page: a gradient tape is recording (training), the page is profiling,
 * or we are inside a kernel. */
export function captureWouldDisturb(engine: Engine | null): boolean {
  if (!engine) return true;
  const s = engineState(engine);
  return s.gradientDepth > 0 || s.profiling || s.kernelDepth > 0;
}
