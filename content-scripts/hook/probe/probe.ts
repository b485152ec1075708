// On the reader's request only: runs an input (a tensor literal, an image, or the page's last input) through a
// model and returns the chosen nodes' values. Everything it makes is disposed; the wait for values is time-limited.

import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';
import { asHook } from '../guard';
import { pageGlobals, read } from '../page-globals';
import * as ops from '../tensor-ops';
import type { LastInput } from '../tap/tap-manager';
import { hookLayer } from '../tap/layer-hooks';
import { layerIndex } from '../tap/layer-index';
import { weightTensors } from '../tap/graph-hooks';
import { imageInputSpec, imageToValues } from '../../../model/image-input';

export interface ProbeTarget {
  engine: object;
  kind: 'layers' | 'graph';
  model: object;
  lastInput: LastInput | null;
}

export const PROBE_TIMEOUT_MS = 10_000;

/** Runs the probe; rejects with a readable message. */
export async function runProbe(
  target: ProbeTarget,
  input: ProbeInput,
  nodeIds: string[],
  timeoutMs = PROBE_TIMEOUT_MS,
  /** Called once the model has run, before its values are read back. */
  onComputed: () => void = () => undefined,
): Promise<ProbeValue[]> {
  const made: ops.Tensor[] = [];
  try {
    const feed = asHook(() => makeInput(target, input, made));
    const outputs =
      target.kind === 'layers'
        ? asHook(() => runLayers(target, feed, nodeIds, made))
        : await runGraph(target, feed, nodeIds, made);
    onComputed();
    return await withTimeout(readAll(outputs), timeoutMs);
  } finally {
    // Reads that lost the race still hold their tensors; dispose() defers on GPU backends until a read completes.
    for (const t of made) ops.dispose(t);
  }
}

export type Feed = { tensor: ops.Tensor } | { map: Record<string, ops.Tensor> };

function modelInputs(model: object): unknown[] {
  const inputs = read(model, 'inputs');
  return pageGlobals.isArray(inputs) ? inputs.slice(0, 64) : [];
}

/** The model's feed for `input`: tensors we make (and keep, so no page scope frees them), each pushed on `made`. */
export function makeInput(target: ProbeTarget, input: ProbeInput, made: ops.Tensor[]): Feed {
  const { engine } = target;
  const own = (t: ops.Tensor): ops.Tensor => {
    made.push(t);
    return ops.keep(engine, t);
  };
  if (input.type === 'last-input') {
    const last = target.lastInput;
    if (!last)
      throw new Error('No page input seen yet: the page has not run the model since it was watched.');
    if (last.kind === 'layers') return { tensor: own(ops.clone(last.tensor)) };
    const map: Record<string, ops.Tensor> = Object.create(null);
    for (const k of Object.keys(last.map)) map[k] = own(ops.clone(last.map[k]!));
    return { map };
  }
  const inputs = modelInputs(target.model);
  if (inputs.length !== 1) throw new Error('Probing needs a model with exactly one input.');
  const first = inputs[0];
  const dtype = read(first, 'dtype') === 'int32' ? 'int32' : 'float32';
  let tensor: ops.Tensor;
  if (input.type === 'tensor') {
    const values =
      dtype === 'int32'
        ? pageGlobals.Int32Array.from(input.values)
        : pageGlobals.Float32Array.from(input.values);
    tensor = own(ops.makeTensor(engine, values, input.shape, dtype));
  } else {
    const shape = read(first, 'shape');
    const spec = imageInputSpec(
      pageGlobals.isArray(shape) ? (shape as (number | null)[]) : null,
      dtype,
      input,
    );
    if (!spec) throw new Error('This model does not take images.');
    const values = imageToValues(
      new pageGlobals.Uint8Array(input.rgba),
      input.width,
      input.height,
      spec,
      input.normalize,
    );
    tensor = own(ops.makeTensor(engine, values, [1, spec.height, spec.width, spec.channels], spec.dtype));
  }
  if (target.kind === 'layers') return { tensor };
  const name = read(first, 'name');
  if (typeof name !== 'string') throw new Error('The model input has no name.');
  const map: Record<string, ops.Tensor> = Object.create(null);
  map[name] = tensor;
  return { map };
}

/** LayersModel: predict once, with a probe-only listener on each chosen layer that keeps a clone of its output. */
function runLayers(
  target: ProbeTarget,
  feed: Feed,
  nodeIds: string[],
  made: ops.Tensor[],
): Map<string, ops.Tensor> {
  if (!('tensor' in feed)) throw new Error('Unexpected input for a layers model.');
  const { engine, model } = target;
  const index = layerIndex(model);
  const found = new pageGlobals.Map<string, ops.Tensor>();
  const inputLayers = new pageGlobals.Set(modelInputs(model).map((t) => read(t, 'sourceLayer')));
  const undo: (() => void)[] = [];
  try {
    for (const id of nodeIds) {
      const layer = index.get(id);
      if (!layer) throw new Error(`No node ${id} in this model.`);
      if (inputLayers.has(layer)) {
        found.set(id, feed.tensor);
        continue;
      }
      const off = hookLayer(layer, (output) => {
        const t = pageGlobals.isArray(output) ? output[0] : output;
        if (found.has(id) || !ops.isTensor(t)) return;
        const kept = ops.keep(engine, ops.clone(t));
        made.push(kept);
        found.set(id, kept);
      });
      if (!off) throw new Error(`Node ${id} cannot be watched.`);
      undo.push(off);
    }
    // In a scope of ours: tf.js makes tensors before it checks the input (a rank-1 input is expanded, then refused),
    // and without a scope each refused probe left one behind in the page (forged probes: 7 -> 18 after 30,000).
    const y = ops.tidy(engine, () => ops.callMethod(model, 'predict', [feed.tensor]));
    for (const t of pageGlobals.isArray(y) ? y : [y]) if (ops.isTensor(t)) made.push(t);
  } finally {
    for (const off of undo) off();
  }
  for (const id of nodeIds) if (!found.has(id)) throw new Error(`Node ${id} did not run for this input.`);
  return found;
}

/** GraphModel: execute (or executeAsync, for control flow) with the chosen nodes as outputs. */
async function runGraph(
  target: ProbeTarget,
  feed: Feed,
  nodeIds: string[],
  made: ops.Tensor[],
): Promise<Map<string, ops.Tensor>> {
  if (!('map' in feed)) throw new Error('Unexpected input for a graph model.');
  const { model } = target;
  const nodes = read(read(read(model, 'executor'), 'graph'), 'nodes');
  for (const id of nodeIds)
    if (!nodes || !pageGlobals.hasOwn.call(nodes, id)) throw new Error(`No node ${id} in this model.`);
  let result: unknown;
  try {
    result = asHook(() => ops.callMethod(model, 'execute', [feed.map, nodeIds]));
  } catch {
    result = await asHook(
      () => ops.callMethod(model, 'executeAsync', [feed.map, nodeIds]) as Promise<unknown>,
    );
  }
  const list = pageGlobals.isArray(result) ? result : [result];
  const weights = weightTensors(read(model, 'executor') as object);
  const inputs = new pageGlobals.Set(Object.keys(feed.map).map((k) => feed.map[k]));
  const found = new pageGlobals.Map<string, ops.Tensor>();
  nodeIds.forEach((id, i) => {
    const t = list[i];
    if (!ops.isTensor(t)) throw new Error(`Node ${id} gave no value.`);
    if (!weights.has(t) && !inputs.has(t) && !made.includes(t)) made.push(t);
    found.set(id, t);
  });
  return found;
}

async function readAll(found: Map<string, ops.Tensor>): Promise<ProbeValue[]> {
  const out: ProbeValue[] = [];
  for (const [nodeId, t] of found) {
    const shape = ops.shapeOf(t);
    if (!shape || !ops.readableDtype(ops.dtypeOf(t)))
      throw new Error(`Node ${nodeId} has values we cannot read.`);
    if (ops.sizeOf(shape) * 4 > 8 * 1024 * 1024) throw new Error(`Node ${nodeId} is too big to send.`);
    const { values, dtype } = await ops.readValues(t);
    out.push({ nodeId, shape, dtype, buffer: values.buffer as ArrayBuffer });
  }
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new pageGlobals.Promise<T>((resolve, reject) => {
    const timer = pageGlobals.setTimeout(
      () => reject(new Error(`The probe took longer than ${ms / 1000} s.`)),
      ms,
    );
    p.then(
      (v) => {
        pageGlobals.clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        pageGlobals.clearTimeout(timer);
        reject(e);
      },
    );
  });
}
