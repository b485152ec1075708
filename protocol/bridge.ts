// The one protocol between the page (MAIN world hook) and the content script (ISOLATED world): its types, limits and
// envelope. Everything that arrives from the page world is untrusted; `parsePageMessage` (protocol-validate.ts) is the
// only way in.

import { GRAPH_LIMITS, type ModelGraph, type ModelSummary } from '../model/model-graph';
import type { WeightsDigestInfo } from '../model/weights-digest';

export const BRIDGE_NAMESPACE = 'literate';
export const BRIDGE_VERSION = 1;

/** Limits that bound what a (possibly hostile) page can make the content script hold or process. */
export const BRIDGE_LIMITS = {
  maxModels: 64,
  maxEngines: 16,
  ...GRAPH_LIMITS,
  maxTapBytes: 8 * 1024 * 1024,
  maxErrors: 32,
} as const;

export interface EngineInfo {
  /** Page-local id ('e1'). */
  id: string;
  backend: string | null;
  tfjsVersion: string | null;
  versionClass: '1.x' | '2.x' | '3.x+' | 'unknown';
  /** True when the hook arrived after tf.js: models built before it cannot be seen until a reload. */
  late: boolean;
}

export interface PageSnapshot {
  /** URL of the frame the hook runs in. */
  frameUrl: string;
  engines: EngineInfo[];
  models: ModelSummary[];
}

/** Most bytes of an ONNX model the hook copies out of the page for describing (bigger: described by names only). */
export const ONNX_MAX_MODEL_BYTES = 512 * 1024 * 1024;

/** An ONNX Runtime Web session's model, as the hook hands it to the content script to describe. */
export interface OnnxModelSource {
  /** A copy of the model file: the bytes the page passed to InferenceSession.create, or fetched from its URL. */
  bytes: ArrayBuffer;
  /** The URL the page created the session from (resolved), or null when it passed bytes. */
  url: string | null;
  origin: 'http' | 'memory';
  executionProvider: string | null;
  runtimeVersion: string | null;
  /** Input and output shapes of the page's first call, when the model leaves them free. */
  liveShapes: { name: string; shape: number[] }[];
}

/** Values of one watched node from one of the page's own calls. */
export interface TapFrame {
  subscriptionId: string;
  modelId: string;
  nodeId: string;
  /** Shape of the values in `buffer` (after reduction). */
  shape: number[];
  /** Shape of the tensor as the page computed it. */
  sourceShape: number[];
  reduction: Reduction;
  dtype: 'float32' | 'int32';
  buffer: ArrayBuffer;
  /** Sequence number of the page call the values came from. */
  call: number;
  time: number;
}

/**
 * How a tap's values are reduced in the page before they are read back:
 * - 'none': every value (a tensor over the frame limit is downsampled anyway, and the frame says 'downsample');
 * - 'channel-mean' / 'channel-max': one value per channel, the mean or max over every position: [N, …, C] → [N, C]
 *   for rank ≥ 3 (ranks 1–2 are sent as they are);
 * - 'downsample': every k-th position along the spatial axes (then channels, then batch) to at most 65,536 values.
 */
export type Reduction = 'none' | 'channel-mean' | 'channel-max' | 'downsample';

export interface TapRequest {
  nodeId: string;
  reduction: Reduction;
}

/** Messages the hook sends (page world → content script). */
export type PageMessage =
  | { kind: 'hook-ready'; hookVersion: number }
  | { kind: 'welcome'; nonce: string; snapshot: PageSnapshot }
  | { kind: 'engine'; nonce: string; engine: EngineInfo }
  | { kind: 'model'; nonce: string; model: ModelSummary }
  | {
      kind: 'graph';
      nonce: string;
      requestId: string;
      graph: ModelGraph | null;
      error: string | null;
      /** For an ONNX Runtime Web session: its model, which the content script parses (the page pays no parser). */
      onnx?: OnnxModelSource;
    }
  | { kind: 'tap'; nonce: string; frame: TapFrame }
  | { kind: 'tap-ended'; nonce: string; subscriptionId: string; reason: string }
  | { kind: 'probe-result'; nonce: string; requestId: string; values: ProbeValue[]; error: string | null }
  /**
   * A probe is under way: 'running' (its turn came, between the page's frames), 'reading' (the model ran; its values
   * are being read back). The content script's time limit counts from the latest sign, so a probe beside a page loop
   * that keeps the backend busy is not given up while it progresses.
   */
  | { kind: 'probe-progress'; nonce: string; requestId: string; stage: 'running' | 'reading' }
  | { kind: 'weights'; nonce: string; requestId: string; weights: WeightValues[]; error: string | null }
  /**
   * The answer to a 'gradient' request: the map, or an error; `unsupported` when the model cannot give gradients at
   * all (an op without a registered gradient, executeAsync only, an ONNX session), so the overlay keeps occlusion.
   */
  | {
      kind: 'gradient-result';
      nonce: string;
      requestId: string;
      map: GradientMap | null;
      error: string | null;
      unsupported: boolean;
    }
  | {
      kind: 'weights-digest-result';
      nonce: string;
      requestId: string;
      digest: WeightsDigestInfo | null;
      error: string | null;
    };

/** The values of one weight of a node (a layer's kernel or bias, a graph Const), for filter images and histograms. */
export interface WeightValues {
  /** The weight's name, as in the ModelGraph's WeightSpec. */
  name: string;
  /** Shape of the values in `buffer`: the weight's shape, or a leading block of it when it had more than asked. */
  shape: number[];
  sourceShape: number[];
  dtype: 'float32' | 'int32';
  buffer: ArrayBuffer;
  /** Over all of the weight's values, even when `buffer` holds only part of them. */
  stats: { min: number; max: number; mean: number; std: number };
}

/** Most input pixels a gradient map may have (a 1024 × 1024 picture). */
export const MAX_GRADIENT_PIXELS = 1024 * 1024;

/**
 * d(score of one class) / d(input) for a picture input [1, H, W, C], computed by the page's own tf.js (one forward and
 * one backward pass) and reduced per input pixel in the page. Row-major, H × W float32 values each.
 */
export interface GradientMap {
  height: number;
  width: number;
  /** Per pixel: the largest |gradient| over the channels. */
  magnitude: ArrayBuffer;
  /** Per pixel: the sum over the channels of gradient × input (signed: what the pixel's value added to the score). */
  gradTimesInput: ArrayBuffer;
  /** The class's score for this input: the output value the gradient is of. */
  score: number;
  /** Time in the page: forward and backward pass, read back and reduced, ms. */
  ms: number;
}

export interface ProbeValue {
  nodeId: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  buffer: ArrayBuffer;
}

/** Messages the content script sends (content script → page world). */
export type ContentMessage =
  | { kind: 'hello'; nonce: string }
  | {
      kind: 'describe';
      nonce: string;
      requestId: string;
      modelId: string;
      /** Also learn a GraphModel's op shapes from the page's next call (only when the overlay shows its outline). */
      learnShapes?: true;
    }
  | {
      kind: 'subscribe';
      nonce: string;
      subscriptionId: string;
      modelId: string;
      taps: TapRequest[];
      budget: { maxInFlight: number; bytesPerSecond: number; hz: number };
    }
  | { kind: 'unsubscribe'; nonce: string; subscriptionId: string }
  | {
      kind: 'probe';
      nonce: string;
      requestId: string;
      modelId: string;
      input: ProbeInput;
      nodeIds: string[];
    }
  /**
   * d(output[classIndex]) / d(input) for a picture (image or tensor input of shape [1, H, W, C]), through the page's
   * own engine; the score is the first output's value at that flat index, as occlusion reads it.
   */
  | {
      kind: 'gradient';
      nonce: string;
      requestId: string;
      modelId: string;
      input: ProbeInput;
      classIndex: number;
    }
  | {
      kind: 'read-weights';
      nonce: string;
      requestId: string;
      modelId: string;
      nodeId: string;
      maxValues: number;
    }
  /** The SHA-256 of every weight value the model holds (model/weights-digest.ts), on the reader's request only. */
  | { kind: 'weights-digest'; nonce: string; requestId: string; modelId: string }
  /**
   * An explanation is open on the model (`on`) or closed (`!on`): while on, the hook holds it strongly, so examples,
   * checks, weights and probes keep working after the page lets go of it. Pinning never changes what the page computes.
   */
  | { kind: 'pin'; nonce: string; modelId: string; on: boolean };

/** Content-script requests the page answers, each with a `requestId` its answer carries back. */
export type BridgeRequestKind = Extract<ContentMessage, { requestId: string }>['kind'];

/** The bridge's request → reply map: the kind of page message that answers each request. */
export const BRIDGE_REPLY_KIND = {
  describe: 'graph',
  probe: 'probe-result',
  gradient: 'gradient-result',
  'read-weights': 'weights',
  'weights-digest': 'weights-digest-result',
} as const satisfies { [K in BridgeRequestKind]: PageMessage['kind'] };

/** The page's answer to a request of kind `K`. */
export type BridgeReply<K extends BridgeRequestKind> = Extract<
  PageMessage,
  { kind: (typeof BRIDGE_REPLY_KIND)[K] }
>;

/** Whether `message` is the kind of answer a request of kind `kind` expects. */
export function isBridgeReply<K extends BridgeRequestKind>(
  kind: K,
  message: PageMessage,
): message is BridgeReply<K> {
  return message.kind === BRIDGE_REPLY_KIND[kind];
}

/** Most values one weight may send back (a bigger one is cut to its leading filters). */
export const MAX_WEIGHT_VALUES = 2 * 1024 * 1024;

export type ProbeInput =
  | { type: 'tensor'; shape: number[]; values: number[] }
  | { type: 'last-input' }
  | {
      type: 'image';
      width: number;
      height: number;
      rgba: ArrayBuffer;
      /** value = (pixel / 255 − mean[c]) / std[c], per channel (one number: all channels). Default: [0, 1]. */
      normalize?: { mean: number[]; std: number[] };
    };

export type Envelope<M> = M & {
  ns: typeof BRIDGE_NAMESPACE;
  v: typeof BRIDGE_VERSION;
  from: 'page' | 'content';
};

export function wrap<M extends PageMessage | ContentMessage>(
  from: 'page' | 'content',
  message: M,
): Envelope<M> {
  return { ns: BRIDGE_NAMESPACE, v: BRIDGE_VERSION, from, ...message };
}
