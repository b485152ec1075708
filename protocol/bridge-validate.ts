// Validation of the bridge's messages (protocol.ts): each validator returns a fresh, plain copy with only known
// fields, or null. Page messages are untrusted; content messages are checked too, since the page can forge them.

import { MODEL_RUNTIMES, type ModelGraph, type ModelRuntime, type ModelSummary } from '../model/model-graph';
import { isWeightsDigest, type WeightsDigestInfo } from '../model/weights-digest';
import {
  BRIDGE_LIMITS,
  BRIDGE_NAMESPACE,
  BRIDGE_VERSION,
  MAX_GRADIENT_PIXELS,
  MAX_WEIGHT_VALUES,
  ONNX_MAX_MODEL_BYTES,
  type OnnxModelSource,
  type Reduction,
  type ContentMessage,
  type EngineInfo,
  type GradientMap,
  type PageMessage,
  type PageSnapshot,
  type ProbeInput,
  type ProbeValue,
  type TapFrame,
  type TapRequest,
  type WeightValues,
} from './bridge';
import { isRec } from '../base/is-record';

type Json = unknown;

const bufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;

/**
 * An ArrayBuffer of this realm of at most `maxBytes`, or null. Firefox gives a content script the page's message
 * data as objects of the page's realm (behind Xrays), where `instanceof ArrayBuffer` is false: such a buffer is
 * copied into this realm. Anything that is not a real ArrayBuffer makes the byteLength getter throw.
 */
export function ownArrayBuffer(v: Json, maxBytes: number): ArrayBuffer | null {
  if (v instanceof ArrayBuffer) return v.byteLength <= maxBytes ? v : null;
  if (typeof v !== 'object' || v === null) return null;
  try {
    const n = bufferByteLength.call(v) as number;
    if (n > maxBytes) return null;
    const copy = new Uint8Array(n);
    copy.set(new Uint8Array(v as ArrayBuffer));
    return copy.buffer;
  } catch {
    return null;
  }
}

function str(v: Json, max: number = BRIDGE_LIMITS.maxString): string | null {
  return typeof v === 'string' && v.length <= max ? v : null;
}
function strOrNull(v: Json): string | null | undefined {
  if (v === null) return null;
  const s = str(v);
  return s === null ? undefined : s;
}
function int(v: Json, min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}
function finite(v: Json): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function dims(v: Json, allowNull: boolean, maxRank = 8): (number | null)[] | null {
  if (!Array.isArray(v) || v.length > maxRank) return null;
  const out: (number | null)[] = [];
  for (const d of v) {
    if (d === null || d === -1) {
      if (!allowNull) return null;
      out.push(null);
    } else {
      const n = int(d, 0, 1 << 30);
      if (n === null) return null;
      out.push(n);
    }
  }
  return out;
}
const VERSION_CLASSES = new Set(['1.x', '2.x', '3.x+', 'unknown']);
const MODEL_KINDS = new Set(['layers', 'graph']);
const HOLDS = new Set(['pinned', 'collected', 'reloaded']);
const RUNTIMES = new Set<string>(MODEL_RUNTIMES);
const REDUCTIONS = new Set(['none', 'channel-mean', 'channel-max', 'downsample']);

export function parseEngineInfo(v: Json): EngineInfo | null {
  if (!isRec(v)) return null;
  const id = str(v.id, 32);
  const backend = strOrNull(v.backend);
  const tfjsVersion = strOrNull(v.tfjsVersion);
  const versionClass =
    typeof v.versionClass === 'string' && VERSION_CLASSES.has(v.versionClass) ? v.versionClass : null;
  if (id === null || backend === undefined || tfjsVersion === undefined || versionClass === null) return null;
  if (typeof v.late !== 'boolean') return null;
  return { id, backend, tfjsVersion, versionClass: versionClass as EngineInfo['versionClass'], late: v.late };
}

export function parseModelSummary(v: Json): ModelSummary | null {
  if (!isRec(v)) return null;
  const id = str(v.id, 32);
  const kind =
    typeof v.kind === 'string' && MODEL_KINDS.has(v.kind) ? (v.kind as ModelSummary['kind']) : null;
  const name = str(v.name, 256);
  const sourceUrl = strOrNull(v.sourceUrl);
  // The model's own count: a model bigger than a ModelGraph may carry is still reported (and described truncated).
  const nodes = int(v.nodes);
  const params = int(v.params);
  const backend = strOrNull(v.backend);
  const revision = v.revision === undefined ? undefined : int(v.revision, 0, 1_000_000);
  const hold =
    v.hold === undefined ? undefined : typeof v.hold === 'string' && HOLDS.has(v.hold) ? v.hold : null;
  if (id === null || kind === null || name === null || sourceUrl === undefined) return null;
  if (nodes === null || params === null || backend === undefined || revision === null) return null;
  if (hold === null) return null;
  const runtime =
    v.runtime === undefined
      ? undefined
      : typeof v.runtime === 'string' && RUNTIMES.has(v.runtime)
        ? v.runtime
        : null;
  const runtimeVersion =
    v.runtimeVersion === undefined || v.runtimeVersion === null
      ? v.runtimeVersion
      : str(v.runtimeVersion, 64);
  if (runtime === null || (v.runtimeVersion !== null && runtimeVersion === null)) return null;
  return {
    id,
    kind,
    name,
    sourceUrl,
    nodes,
    params,
    backend,
    ...(revision === undefined ? {} : { revision }),
    ...(hold === undefined ? {} : { hold: hold as NonNullable<ModelSummary['hold']> }),
    ...(runtime === undefined ? {} : { runtime: runtime as ModelRuntime }),
    ...(runtimeVersion === undefined ? {} : { runtimeVersion }),
  };
}

export const MAX_FRAME_URL = 8192;

/**
 * A frame's URL within `max` characters. A longer one loses its fragment (an inline share link's pack, or a page's
 * own state), which nothing that reads frame URLs needs (share links are read from location.hash apart); a URL
 * still too long without it is refused.
 */
export function boundedUrl(v: unknown, max = MAX_FRAME_URL): string | null {
  if (typeof v !== 'string') return null;
  if (v.length <= max) return v;
  const hash = v.indexOf('#');
  return hash >= 0 && hash <= max ? v.slice(0, hash) : null;
}

export function parseSnapshot(v: Json): PageSnapshot | null {
  if (!isRec(v)) return null;
  const frameUrl = boundedUrl(v.frameUrl);
  if (frameUrl === null || !Array.isArray(v.engines) || !Array.isArray(v.models)) return null;
  // One entry the validator refuses is dropped alone: the rest of the page's models are still shown.
  const engines = validEntries(v.engines, BRIDGE_LIMITS.maxEngines, parseEngineInfo);
  const models = validEntries(v.models, BRIDGE_LIMITS.maxModels, parseModelSummary);
  return { frameUrl, engines, models };
}

/** The valid entries among the first `max` of a list, in order. */
function validEntries<T>(list: unknown[], max: number, parse: (v: Json) => T | null): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length && i < max; i++) {
    const entry = parse(list[i]);
    if (entry !== null) out.push(entry);
  }
  return out;
}

/** An ONNX session's model as the hook hands it over for describing (bytes bounded by ONNX_MAX_MODEL_BYTES). */
export function parseOnnxSource(v: Json): OnnxModelSource | null {
  if (!isRec(v)) return null;
  const bytes = ownArrayBuffer(v.bytes, ONNX_MAX_MODEL_BYTES);
  if (bytes === null) return null;
  const url = strOrNull(v.url);
  const executionProvider = strOrNull(v.executionProvider);
  const runtimeVersion = strOrNull(v.runtimeVersion);
  const origin = typeof v.origin === 'string' && ONNX_ORIGINS.has(v.origin) ? v.origin : null;
  if (url === undefined || executionProvider === undefined || runtimeVersion === undefined || origin === null)
    return null;
  if (!Array.isArray(v.liveShapes) || v.liveShapes.length > BRIDGE_LIMITS.maxEndpoints * 2) return null;
  const liveShapes: OnnxModelSource['liveShapes'] = [];
  for (const entry of v.liveShapes) {
    if (!isRec(entry)) return null;
    const name = str(entry.name, 1024);
    const shape = dims(entry.shape, false);
    if (name === null || shape === null) return null;
    liveShapes.push({ name, shape: shape as number[] });
  }
  return {
    bytes,
    url,
    origin: origin as OnnxModelSource['origin'],
    executionProvider,
    runtimeVersion,
    liveShapes,
  };
}
const ONNX_ORIGINS = new Set(['http', 'memory']);

function parseTapFrame(v: Json): TapFrame | null {
  if (!isRec(v)) return null;
  const subscriptionId = str(v.subscriptionId, 64);
  const modelId = str(v.modelId, 32);
  const nodeId = str(v.nodeId, 1024);
  const shape = dims(v.shape, false);
  const sourceShape = dims(v.sourceShape, false);
  const reduction = typeof v.reduction === 'string' && REDUCTIONS.has(v.reduction) ? v.reduction : null;
  const dtype = v.dtype === 'float32' || v.dtype === 'int32' ? v.dtype : null;
  const call = int(v.call);
  const time = finite(v.time);
  if (
    subscriptionId === null ||
    modelId === null ||
    nodeId === null ||
    shape === null ||
    sourceShape === null
  ) {
    return null;
  }
  if (reduction === null || dtype === null || call === null || time === null) return null;
  const buffer = ownArrayBuffer(v.buffer, BRIDGE_LIMITS.maxTapBytes);
  if (!buffer) return null;
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  if (count * 4 !== buffer.byteLength) return null;
  return {
    subscriptionId,
    modelId,
    nodeId,
    shape: shape as number[],
    sourceShape: sourceShape as number[],
    reduction: reduction as Reduction,
    dtype,
    buffer,
    call,
    time,
  };
}

function parseWeightValues(v: Json): WeightValues | null {
  if (!isRec(v)) return null;
  const name = str(v.name, 1024);
  const shape = dims(v.shape, false);
  const sourceShape = dims(v.sourceShape, false);
  const dtype = v.dtype === 'float32' || v.dtype === 'int32' ? v.dtype : null;
  if (name === null || shape === null || sourceShape === null || dtype === null) return null;
  const buffer = ownArrayBuffer(v.buffer, MAX_WEIGHT_VALUES * 4);
  if (!buffer) return null;
  if ((shape as number[]).reduce((a, b) => a * b, 1) * 4 !== buffer.byteLength) return null;
  const st = v.stats;
  if (!isRec(st)) return null;
  const min = finite(st.min);
  const max = finite(st.max);
  const mean = finite(st.mean);
  const std = finite(st.std);
  if (min === null || max === null || mean === null || std === null) return null;
  return {
    name,
    shape: shape as number[],
    sourceShape: sourceShape as number[],
    dtype,
    buffer,
    stats: { min, max, mean, std },
  };
}

function parseProbeValue(v: Json): ProbeValue | null {
  if (!isRec(v)) return null;
  const nodeId = str(v.nodeId, 1024);
  const shape = dims(v.shape, false);
  const dtype = v.dtype === 'float32' || v.dtype === 'int32' ? v.dtype : null;
  if (nodeId === null || shape === null || dtype === null) return null;
  const buffer = ownArrayBuffer(v.buffer, BRIDGE_LIMITS.maxTapBytes);
  if (!buffer) return null;
  if ((shape as number[]).reduce((a, b) => a * b, 1) * 4 !== buffer.byteLength) return null;
  return { nodeId, shape: shape as number[], dtype, buffer };
}

/** Most classes a gradient may be asked for (a flat index into the first output). */
const MAX_CLASS_INDEX = 1 << 24;

/** A gradient map from the page: both per-pixel buffers exactly H × W float32 values, a finite score and cost. */
export function parseGradientMap(v: Json): GradientMap | null {
  if (!isRec(v)) return null;
  const height = int(v.height, 1, 4096);
  const width = int(v.width, 1, 4096);
  const score = finite(v.score);
  const ms = finite(v.ms);
  if (height === null || width === null || score === null || ms === null || ms < 0) return null;
  if (height * width > MAX_GRADIENT_PIXELS) return null;
  const bytes = height * width * 4;
  const magnitude = ownArrayBuffer(v.magnitude, bytes);
  const gradTimesInput = ownArrayBuffer(v.gradTimesInput, bytes);
  if (!magnitude || !gradTimesInput || magnitude === gradTimesInput) return null;
  if (magnitude.byteLength !== bytes || gradTimesInput.byteLength !== bytes) return null;
  return { height, width, magnitude, gradTimesInput, score, ms };
}

/**
 * Validates one `message` event's data from the page world. Returns a clean copy, or null for anything that is not
 * a well-formed message of ours. The graph payload is validated by `parseModelGraph` (deep, bounded).
 */
export function parsePageMessage(data: Json, parseGraph: (g: Json) => ModelGraph | null): PageMessage | null {
  try {
    if (!isRec(data) || data.ns !== BRIDGE_NAMESPACE || data.v !== BRIDGE_VERSION || data.from !== 'page') {
      return null;
    }
    const kind = data.kind;
    if (kind === 'hook-ready') {
      const hookVersion = int(data.hookVersion, 0, 1000);
      return hookVersion === null ? null : { kind, hookVersion };
    }
    const nonce = str(data.nonce, 64);
    if (nonce === null) return null;
    switch (kind) {
      case 'welcome': {
        const snapshot = parseSnapshot(data.snapshot);
        return snapshot ? { kind, nonce, snapshot } : null;
      }
      case 'engine': {
        const engine = parseEngineInfo(data.engine);
        return engine ? { kind, nonce, engine } : null;
      }
      case 'model': {
        const model = parseModelSummary(data.model);
        return model ? { kind, nonce, model } : null;
      }
      case 'graph': {
        const requestId = str(data.requestId, 64);
        const error = strOrNull(data.error);
        if (requestId === null || error === undefined) return null;
        const graph = data.graph === null ? null : parseGraph(data.graph);
        if (data.graph !== null && graph === null)
          return { kind, nonce, requestId, graph: null, error: 'invalid graph' };
        if (data.onnx === undefined) return { kind, nonce, requestId, graph, error };
        const onnx = parseOnnxSource(data.onnx);
        if (onnx === null) return { kind, nonce, requestId, graph: null, error: 'invalid ONNX model source' };
        return { kind, nonce, requestId, graph, error, onnx };
      }
      case 'tap': {
        const frame = parseTapFrame(data.frame);
        return frame ? { kind, nonce, frame } : null;
      }
      case 'tap-ended': {
        const subscriptionId = str(data.subscriptionId, 64);
        const reason = str(data.reason, 512);
        return subscriptionId !== null && reason !== null ? { kind, nonce, subscriptionId, reason } : null;
      }
      case 'probe-progress': {
        const requestId = str(data.requestId, 64);
        const stage = data.stage === 'running' || data.stage === 'reading' ? data.stage : null;
        return requestId !== null && stage !== null ? { kind, nonce, requestId, stage } : null;
      }
      case 'probe-result': {
        const requestId = str(data.requestId, 64);
        const error = strOrNull(data.error);
        if (
          requestId === null ||
          error === undefined ||
          !Array.isArray(data.values) ||
          data.values.length > 64
        ) {
          return null;
        }
        const values = data.values.map(parseProbeValue);
        if (values.some((x) => x === null)) return null;
        return { kind, nonce, requestId, values: values as ProbeValue[], error };
      }
      case 'gradient-result': {
        const requestId = str(data.requestId, 64);
        const error = strOrNull(data.error);
        if (requestId === null || error === undefined || typeof data.unsupported !== 'boolean') return null;
        const map = data.map === null ? null : parseGradientMap(data.map);
        if (data.map !== null && map === null) return null;
        return { kind, nonce, requestId, map, error, unsupported: data.unsupported };
      }
      case 'weights': {
        const requestId = str(data.requestId, 64);
        const error = strOrNull(data.error);
        if (
          requestId === null ||
          error === undefined ||
          !Array.isArray(data.weights) ||
          data.weights.length > 16
        ) {
          return null;
        }
        const weights = data.weights.map(parseWeightValues);
        if (weights.some((x) => x === null)) return null;
        return { kind, nonce, requestId, weights: weights as WeightValues[], error };
      }
      case 'weights-digest-result': {
        const requestId = str(data.requestId, 64);
        const error = strOrNull(data.error);
        if (requestId === null || error === undefined) return null;
        const digest = data.digest === null ? null : parseWeightsDigestInfo(data.digest);
        if (data.digest !== null && digest === null) return null;
        return { kind, nonce, requestId, digest, error };
      }
      default:
        return null;
    }
  } catch {
    // A hostile object (throwing getters, proxies) is simply not a message.
    return null;
  }
}

/** Validates a content-script message inside the hook (the page could forge these too). */
export function parseContentMessage(data: Json): ContentMessage | null {
  try {
    if (
      !isRec(data) ||
      data.ns !== BRIDGE_NAMESPACE ||
      data.v !== BRIDGE_VERSION ||
      data.from !== 'content'
    ) {
      return null;
    }
    const nonce = str(data.nonce, 64);
    if (nonce === null || nonce.length < 16) return null;
    switch (data.kind) {
      case 'hello':
        return { kind: 'hello', nonce };
      case 'describe': {
        const requestId = str(data.requestId, 64);
        const modelId = str(data.modelId, 32);
        // Optional, and only ever `true`: any other value is a forged or broken message.
        if (requestId === null || modelId === null) return null;
        if (data.learnShapes === undefined) return { kind: 'describe', nonce, requestId, modelId };
        return data.learnShapes === true
          ? { kind: 'describe', nonce, requestId, modelId, learnShapes: true }
          : null;
      }
      case 'unsubscribe': {
        const subscriptionId = str(data.subscriptionId, 64);
        return subscriptionId !== null ? { kind: 'unsubscribe', nonce, subscriptionId } : null;
      }
      case 'subscribe': {
        const subscriptionId = str(data.subscriptionId, 64);
        const modelId = str(data.modelId, 32);
        if (
          subscriptionId === null ||
          modelId === null ||
          !Array.isArray(data.taps) ||
          data.taps.length > 64
        ) {
          return null;
        }
        const taps: TapRequest[] = [];
        for (const t of data.taps) {
          if (!isRec(t)) return null;
          const nodeId = str(t.nodeId, 1024);
          if (nodeId === null || typeof t.reduction !== 'string' || !REDUCTIONS.has(t.reduction)) return null;
          taps.push({ nodeId, reduction: t.reduction as Reduction });
        }
        const b = data.budget;
        if (!isRec(b)) return null;
        const maxInFlight = int(b.maxInFlight, 1, 16);
        const bytesPerSecond = int(b.bytesPerSecond, 1, 1 << 30);
        const hz = finite(b.hz);
        if (maxInFlight === null || bytesPerSecond === null || hz === null || hz <= 0 || hz > 60) return null;
        return {
          kind: 'subscribe',
          nonce,
          subscriptionId,
          modelId,
          taps,
          budget: { maxInFlight, bytesPerSecond, hz },
        };
      }
      case 'probe': {
        const requestId = str(data.requestId, 64);
        const modelId = str(data.modelId, 32);
        if (
          requestId === null ||
          modelId === null ||
          !Array.isArray(data.nodeIds) ||
          data.nodeIds.length > 64
        ) {
          return null;
        }
        const nodeIds: string[] = [];
        for (const n of data.nodeIds) {
          const s = str(n, 1024);
          if (s === null) return null;
          nodeIds.push(s);
        }
        const input = parseProbeInput(data.input);
        return input ? { kind: 'probe', nonce, requestId, modelId, input, nodeIds } : null;
      }
      case 'gradient': {
        const requestId = str(data.requestId, 64);
        const modelId = str(data.modelId, 32);
        const classIndex = int(data.classIndex, 0, MAX_CLASS_INDEX);
        if (requestId === null || modelId === null || classIndex === null) return null;
        // A picture or values the reader made: the page's last input is never differentiated.
        const input = parseProbeInput(data.input);
        return input && input.type !== 'last-input'
          ? { kind: 'gradient', nonce, requestId, modelId, input, classIndex }
          : null;
      }
      case 'weights-digest': {
        const requestId = str(data.requestId, 64);
        const modelId = str(data.modelId, 32);
        return requestId !== null && modelId !== null
          ? { kind: 'weights-digest', nonce, requestId, modelId }
          : null;
      }
      case 'pin': {
        const modelId = str(data.modelId, 32);
        return modelId !== null && typeof data.on === 'boolean'
          ? { kind: 'pin', nonce, modelId, on: data.on }
          : null;
      }
      case 'read-weights': {
        const requestId = str(data.requestId, 64);
        const modelId = str(data.modelId, 32);
        const nodeId = str(data.nodeId, 1024);
        const maxValues = int(data.maxValues, 1, MAX_WEIGHT_VALUES);
        return requestId !== null && modelId !== null && nodeId !== null && maxValues !== null
          ? { kind: 'read-weights', nonce, requestId, modelId, nodeId, maxValues }
          : null;
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/** A weights digest as the hook reports it: the hex digest and its measured cost. */
export function parseWeightsDigestInfo(v: Json): WeightsDigestInfo | null {
  if (!isRec(v) || !isWeightsDigest(v.digest)) return null;
  const weights = int(v.weights, 0, 1 << 20);
  const bytes = int(v.bytes);
  const skipped = int(v.skipped, 0, 1 << 20);
  const ms = finite(v.ms);
  if (weights === null || bytes === null || skipped === null || ms === null || ms < 0) return null;
  return { digest: v.digest, weights, bytes, ms, skipped };
}

function parseProbeInput(v: Json): ProbeInput | null {
  if (!isRec(v)) return null;
  if (v.type === 'last-input') return { type: 'last-input' };
  if (v.type === 'tensor') {
    const shape = dims(v.shape, false);
    if (shape === null || !Array.isArray(v.values) || v.values.length > 4 * 1024 * 1024) return null;
    if (!v.values.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
    if ((shape as number[]).reduce((a, b) => a * b, 1) !== v.values.length) return null;
    return { type: 'tensor', shape: shape as number[], values: v.values as number[] };
  }
  if (v.type === 'image') {
    const width = int(v.width, 1, 4096);
    const height = int(v.height, 1, 4096);
    const rgba = width === null || height === null ? null : ownArrayBuffer(v.rgba, width * height * 4);
    if (width === null || height === null || !rgba || rgba.byteLength !== width * height * 4) return null;
    if (v.normalize === undefined) return { type: 'image', width, height, rgba };
    const n = v.normalize;
    if (!isRec(n)) return null;
    const channelList = (x: Json): number[] | null =>
      Array.isArray(x) && (x.length === 1 || x.length === 3) && x.every((y) => finite(y) !== null)
        ? (x as number[]).slice()
        : null;
    const mean = channelList(n.mean);
    const std = channelList(n.std);
    if (mean === null || std === null || std.some((d) => d === 0)) return null;
    return { type: 'image', width, height, rgba, normalize: { mean, std } };
  }
  return null;
}
