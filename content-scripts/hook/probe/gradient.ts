// On the reader's request only: d(score of one class) / d(input) for a picture, through the page's own engine
// (`engine.gradients`, the tape tf.grad uses: one forward and one backward pass) in a scope of ours; reduced per
// pixel, everything we made disposed, and the tape's saved tensors freed even when tf.js gives up half-way.

import type { GradientMap, ProbeInput } from '../../../protocol/bridge';
import { MAX_GRADIENT_PIXELS } from '../../../protocol/bridge';
import { asHook } from '../guard';
import { pageGlobals, read, safely } from '../page-globals';
import * as ops from '../tensor-ops';
import { pixelMaps, unsupportedReason } from './gradient-maps';
import { makeInput, type Feed, type ProbeTarget } from './probe';

/** A map, or why this model cannot give one (the overlay then keeps occlusion). Other failures reject. */
export type GradientOutcome = { map: GradientMap; unsupported: null } | { map: null; unsupported: string };

/** A limit of the model or of its tf.js, not a passing failure. */
class Unsupported extends Error {}

/** The input tensor the gradient is taken with respect to: the feed's one tensor. */
function inputOf(feed: Feed): ops.Tensor {
  if ('tensor' in feed) return feed.tensor;
  const keys = Object.keys(feed.map);
  if (keys.length !== 1) throw new Unsupported('gradients: the model needs exactly one input');
  return feed.map[keys[0]!]!;
}

/** The model's first output, run on the feed (GraphModel: execute, which refuses models that need executeAsync). */
function firstOutput(target: ProbeTarget, feed: Feed): ops.Tensor {
  const y =
    'tensor' in feed
      ? ops.callMethod(target.model, 'predict', [feed.tensor])
      : ops.callMethod(target.model, 'execute', [feed.map]);
  const first = pageGlobals.isArray(y) ? y[0] : y;
  if (!ops.isTensor(first)) throw new Error('the model gave no output');
  if (ops.dtypeOf(first) !== 'float32') throw new Unsupported('gradients: the model’s output is not float32');
  return first;
}

/** The output's value at flat index `index`, as a [1] tensor (slice of the flattened output: both have gradients). */
function scoreAt(engine: ops.Engine, y: ops.Tensor, index: number): ops.Tensor {
  const flat = ops.reshape(engine, y, [-1]);
  const size = ops.sizeOf(ops.shapeOf(flat) ?? [0]);
  if (index >= size) throw new Error(`the output has no class ${index}`);
  if (typeof read(flat, 'slice') === 'function')
    return ops.callMethod(flat, 'slice', [[index], [1]]) as ops.Tensor;
  return ops.callMethod(engine, 'runKernel', [
    'Slice',
    { x: flat },
    { begin: [index], size: [1] },
  ]) as ops.Tensor;
}

/**
 * Frees what a gradient run left on the engine's tape: tf.js disposes the tape's saved tensors only when the backward
 * pass succeeds, so an op without a gradient would otherwise leave them in the page. Only at gradient depth 0 (the
 * page itself is not recording): every node on the tape is then ours.
 */
function dropTape(engine: ops.Engine): void {
  if (ops.engineState(engine).gradientDepth !== 0) return;
  const state = read(engine, 'state') as Record<string, unknown> | undefined;
  const tape = read(state, 'activeTape');
  if (!pageGlobals.isArray(tape)) return;
  for (const node of tape) {
    const saved = read(node, 'saved');
    if (pageGlobals.isArray(saved)) for (const t of saved) ops.dispose(t);
  }
  safely(() => {
    if (state) state['activeTape'] = null;
  }, undefined);
}

/**
 * True when the page's tf.js (2.x+) registers no gradient functions at all: a bundle of tfjs-core alone (4.x's core
 * leaves them to the @tensorflow/tfjs package), where every backward pass would fail on its first op.
 */
function noGradientsRegistered(): boolean {
  const globals = read(pageGlobals.global, '_tfGlobals');
  if (!globals || typeof read(globals, 'get') !== 'function') return false;
  const registry = safely(() => ops.callMethod(globals, 'get', ['gradRegistry']), undefined);
  const size = read(registry, 'size');
  return typeof size === 'number' && size === 0;
}

export async function runGradient(
  target: ProbeTarget,
  input: ProbeInput,
  classIndex: number,
  /** Called once both passes have run, before the values are read back. */
  onComputed: () => void = () => undefined,
): Promise<GradientOutcome> {
  const { engine } = target;
  if (typeof read(engine, 'gradients') !== 'function')
    return { map: null, unsupported: 'gradients: this tf.js has no gradients() on its engine' };
  if (noGradientsRegistered())
    return {
      map: null,
      unsupported:
        'gradients: this page’s tf.js bundle registers no gradient functions (tfjs-core without them)',
    };
  const state = ops.engineState(engine);
  if (state.gradientDepth > 0 || state.kernelDepth > 0)
    throw new Error('the page is computing gradients itself (training): try again when it stops');
  const made: ops.Tensor[] = [];
  const t0 = pageGlobals.now();
  try {
    const feed = asHook(() => makeInput(target, input, made));
    const x = inputOf(feed);
    const shape = ops.shapeOf(x);
    if (!shape || shape.length !== 4 || shape[0] !== 1 || ops.dtypeOf(x) !== 'float32')
      throw new Unsupported(
        'gradients: the model’s input is not a float picture [1, height, width, channels]',
      );
    const [, height, width, channels] = shape as [number, number, number, number];
    if (height * width > MAX_GRADIENT_PIXELS) throw new Unsupported('gradients: the input is too big to map');
    const [score, grad] = asHook(() =>
      ops.tidy(engine, () => {
        const result = ops.callMethod(engine, 'gradients', [
          () => scoreAt(engine, firstOutput(target, feed), classIndex),
          [x],
        ]);
        const grads = read(result, 'grads');
        const g = pageGlobals.isArray(grads) ? grads[0] : undefined;
        const value = read(result, 'value');
        if (!ops.isTensor(g) || !ops.isTensor(value))
          throw new Unsupported('gradients: tf.js gave no gradient for the input');
        return [value, g];
      }),
    ) as [ops.Tensor, ops.Tensor];
    made.push(score, grad);
    onComputed();
    const s = await ops.readValues(score);
    const g = await ops.readValues(grad);
    const v = await ops.readValues(x);
    const maps = pixelMaps(g.values, v.values, height, width, channels);
    return {
      map: {
        height,
        width,
        magnitude: maps.magnitude.buffer as ArrayBuffer,
        gradTimesInput: maps.gradTimesInput.buffer as ArrayBuffer,
        score: s.values[0] ?? 0,
        ms: pageGlobals.now() - t0,
      },
      unsupported: null,
    };
  } catch (e) {
    const message = safely(() => (e instanceof Error ? e.message : String(e)), 'failed');
    if (e instanceof Unsupported) return { map: null, unsupported: message };
    const reason = unsupportedReason(message);
    if (reason) return { map: null, unsupported: reason };
    throw e;
  } finally {
    safely(() => dropTape(engine), undefined);
    for (const t of made) ops.dispose(t);
  }
}
