// On the reader's request only: runs an example through an ONNX Runtime Web session the page created, by calling the
// session handler's own `run` (the prototype's: a live tap's wrapper never sees it) with plain CPU tensors, the
// way InferenceSession.run calls it, and returns the values asked for. The page's tensors and outputs are never
// touched. Text models' companion inputs (attention_mask, token_type_ids) are filled as a tokenizer would. Inner
// nodes are read from the session's side runner (onnx-inner.ts); 'last-input' is a copy of the page's last feeds,
// remembered only while the model is watched (onnx-taps.ts).

import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';
import { companionValues } from '../../../model/onnx/companion-inputs';
import { MAX_EXTRA_OUTPUTS } from '../../../model/onnx/extra-outputs';
import type { InnerRunner } from '../onnx/onnx-inner';
import { pageGlobals, read, safely } from '../page-globals';

const getPrototypeOf = Object.getPrototypeOf;
const BigInt64ArrayCtor = typeof BigInt64Array === 'function' ? BigInt64Array : undefined;
const toBigInt = typeof BigInt === 'function' ? BigInt : undefined;
const objectKeys = Object.keys;

/** Largest output the probe sends back (values). */
const MAX_VALUES = 2 * 1024 * 1024;

interface InputInfo {
  name: string;
  type: string | null;
}

/** The session's input names and element types (ORT's inputMetadata, 1.22 and later), read without page getters. */
export function sessionInputs(handler: object): InputInfo[] {
  const names = read(handler, 'inputNames');
  const meta = read(handler, 'inputMetadata');
  if (!pageGlobals.isArray(names)) return [];
  const out: InputInfo[] = [];
  for (let i = 0; i < names.length && i < 64; i++) {
    const name: unknown = names[i];
    if (typeof name !== 'string') continue;
    const entry: unknown = pageGlobals.isArray(meta) ? meta[i] : undefined;
    const type = read(entry, 'type');
    out.push({ name, type: typeof type === 'string' ? type : null });
  }
  return out;
}

function sessionOutputs(handler: object): string[] {
  const names = read(handler, 'outputNames');
  if (!pageGlobals.isArray(names)) return [];
  return names.slice(0, 256).filter((n): n is string => typeof n === 'string');
}

/** A plain CPU tensor as ORT's handlers read it: location, type, dims, data. */
function cpuTensor(type: string | null, dims: number[], values: ArrayLike<number>): object {
  const kind = type ?? 'float32';
  let data: ArrayLike<number> | ArrayLike<bigint>;
  if (kind === 'float32') data = pageGlobals.Float32Array.from(values);
  else if (kind === 'int32') data = pageGlobals.Int32Array.from(values);
  else if (kind === 'int64' && BigInt64ArrayCtor && toBigInt) {
    const big = new BigInt64ArrayCtor(values.length);
    for (let i = 0; i < values.length; i++) big[i] = toBigInt(Math.round(values[i]!));
    data = big;
  } else throw new Error(`Examples cannot feed an ONNX input of type ${kind} yet.`);
  return { location: 'cpu', type: kind, dims: dims.slice(), data, size: values.length };
}

/** What the probe may use besides the page's session handler. */
export interface OnnxProbeHelp {
  /** A copy of the page's last feeds (remembered while the model is watched), for 'last-input'. */
  lastFeeds?: Record<string, object> | null;
  /** The session's side runner, for inner nodes (null: the page's ORT cannot make one). */
  inner?: InnerRunner | null;
}

/**
 * The feeds for one example: the first input from the example, companions filled, anything else refused; for
 * 'last-input', the page's own last feeds.
 */
export function makeFeeds(
  inputs: InputInfo[],
  input: ProbeInput,
  lastFeeds: Record<string, object> | null = null,
): Record<string, object> {
  if (input.type === 'last-input') {
    if (!lastFeeds)
      throw new Error(
        'The page has not run this ONNX model since Literate began watching it: its last input is not known yet.',
      );
    return lastFeeds;
  }
  if (input.type === 'image')
    throw new Error('Pictures cannot be fed to an ONNX model here yet: give the example as a tensor.');
  const [first, ...rest] = inputs;
  if (!first) throw new Error('The session has no inputs Literate can read.');
  const feeds: Record<string, object> = Object.create(null);
  feeds[first.name] = cpuTensor(first.type, input.shape, input.values);
  for (const other of rest) {
    const values = companionValues(other.name, input.shape);
    if (!values) throw new Error(`The model also needs input '${other.name}': examples give only one input.`);
    feeds[other.name] = cpuTensor(other.type, input.shape, values);
  }
  return feeds;
}

function outputValues(nodeId: string, t: unknown): ProbeValue {
  const dims = read(t, 'dims');
  const data = read(t, 'data');
  const location = read(t, 'location');
  if (location !== undefined && location !== 'cpu' && location !== 'cpu-pinned')
    throw new Error(`Output ${nodeId} stays on the GPU; the probe reads CPU outputs only.`);
  if (!pageGlobals.isArray(dims) || !data || typeof read(data, 'length') !== 'number')
    throw new Error(`Output ${nodeId} has values we cannot read.`);
  const source = data as ArrayLike<number | bigint>;
  if (source.length > MAX_VALUES) throw new Error(`Output ${nodeId} is too big to send.`);
  const values = new pageGlobals.Float32Array(source.length);
  for (let i = 0; i < source.length; i++) values[i] = Number(source[i]);
  return { nodeId, shape: dims.map(Number), dtype: 'float32', buffer: values.buffer as ArrayBuffer };
}

/** Runs the example on the session and returns the values of `nodeIds` (every output when none). */
export async function runOnnxProbe(
  handler: object,
  input: ProbeInput,
  nodeIds: string[],
  help: OnnxProbeHelp = {},
): Promise<ProbeValue[]> {
  const outputs = sessionOutputs(handler);
  const inputs = sessionInputs(handler);
  const inputNames = inputs.map((i) => i.name);
  const wanted = nodeIds.length ? nodeIds : outputs;
  const inner = wanted.filter((id) => !outputs.includes(id) && !inputNames.includes(id));
  if (inner.length > 0 && !help.inner)
    throw new Error(
      `Only the model's outputs (${outputs.join(', ')}) can be read on ONNX Runtime Web; '${inner[0]}' is inside the graph.`,
    );
  if (inner.length > MAX_EXTRA_OUTPUTS)
    throw new Error(`At most ${MAX_EXTRA_OUTPUTS} inner nodes of an ONNX model can be read at once.`);
  const feeds = makeFeeds(inputs, input, help.lastFeeds ?? null);
  const fromOutputs = wanted.filter((id) => outputs.includes(id));
  let results: unknown = null;
  if (inner.length > 0) results = await help.inner!.run(feeds, inner, fromOutputs, true);
  else if (fromOutputs.length > 0) {
    const fetches: Record<string, null> = Object.create(null);
    for (const id of fromOutputs) fetches[id] = null;
    const proto: unknown = safely(() => getPrototypeOf(handler), null);
    const run = read(proto, 'run') ?? read(handler, 'run');
    if (typeof run !== 'function') throw new Error('This ONNX Runtime Web session cannot be run from here.');
    results = await (pageGlobals.apply(run as (...a: unknown[]) => unknown, handler, [
      feeds,
      fetches,
      {},
    ]) as Promise<unknown>);
  }
  const values: ProbeValue[] = [];
  for (const id of wanted) {
    const t = inputNames.includes(id) ? read(feeds, id) : read(results, id);
    if (!t) throw new Error(`The run gave no output ${id}.`);
    values.push(outputValues(id, t));
  }
  // Release what ORT allocated for the results (a no-op for CPU tensors; GPU outputs were refused above).
  for (const key of objectKeys(results ?? {}))
    safely(() => {
      const dispose = read(read(results, key), 'dispose');
      if (typeof dispose === 'function') pageGlobals.apply(dispose as () => void, read(results, key), []);
    }, undefined);
  return values;
}
