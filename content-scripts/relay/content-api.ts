// The content script's API for the lazily loaded overlay (same ISOLATED world): state, describe, taps and probes.
// The page cannot see the isolated world's globals, so a symbol-keyed global is a private hand-over point.

import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { OverlayCommand } from '../../protocol/runtime';
import type {
  GradientMap,
  PageSnapshot,
  ProbeInput,
  ProbeValue,
  TapFrame,
  TapRequest,
  WeightValues,
} from '../../protocol/bridge';

export const CONTENT_API_KEY = Symbol.for('literate.content-api');

export interface TapBudget {
  maxInFlight: number;
  bytesPerSecond: number;
  hz: number;
}

export interface DescribeOptions {
  learnShapes?: boolean;
}

export interface ContentApi {
  readonly version: 1;
  snapshot(): PageSnapshot;
  /** Calls `listener` on every change of what the hook reports, until `signal` aborts. */
  onChange(listener: (snapshot: PageSnapshot) => void, signal: AbortSignal): void;
  /** Calls `listener` when the reader asks the overlay to open or toggle (keyboard command, popup button). */
  onCommand(listener: (command: OverlayCommand) => void, signal: AbortSignal): void;
  /**
   * The ModelGraph of a model on this frame (cached). Rejects with a readable reason. `learnShapes`: the reader is
   * looking at this model's outline, so the hook may learn a GraphModel's op shapes from the page's next call (asked
   * once per model; the describe after the shapes arrive shows them). Pack matching and hover intents leave it off.
   */
  describe(modelId: string, options?: DescribeOptions): Promise<ModelGraph>;
  /** Streams live values of nodes from the page's own calls until `signal` aborts (then every wrapper is removed). */
  subscribe(
    modelId: string,
    taps: TapRequest[],
    budget: TapBudget,
    onFrame: (frame: TapFrame) => void,
    signal: AbortSignal,
    onEnded?: (reason: string) => void,
  ): void;
  /** Runs an input through the model on the reader's request and returns the chosen nodes' values. */
  probe(modelId: string, input: ProbeInput, nodeIds: string[], timeoutMs?: number): Promise<ProbeValue[]>;
  /**
   * d(output[classIndex]) / d(input) for a picture, computed by the page's own tf.js, reduced per pixel. Resolves
   * `{ map }`, or `{ unsupported }` (why this model gives no gradients: an op without one, executeAsync, ONNX);
   * rejects on any other failure.
   */
  gradient(
    modelId: string,
    input: ProbeInput,
    classIndex: number,
    timeoutMs?: number,
  ): Promise<{ map: GradientMap; unsupported: null } | { map: null; unsupported: string }>;
  /** The values of a node's weights (kernel, bias …), each cut to at most `maxValues` values (statistics cover all). */
  readWeights(
    modelId: string,
    nodeId: string,
    maxValues?: number,
    timeoutMs?: number,
  ): Promise<WeightValues[]>;
  /**
   * An explanation is open on the model (the overlay on it, or a pack bound to it) until `signal` aborts: the hook
   * holds it, and loads it again if the browser already reclaimed it, so examples, checks and weights keep working.
   */
  hold(modelId: string, signal: AbortSignal): void;
  /** The SHA-256 of every weight value the model holds (model/weights-digest.ts), with what computing it cost. */
  weightsDigest(modelId: string, timeoutMs?: number): Promise<WeightsDigestInfo>;
}

export function getContentApi(): ContentApi | null {
  const api = (globalThis as Record<symbol, unknown>)[CONTENT_API_KEY];
  return api && typeof api === 'object' ? (api as ContentApi) : null;
}

// The packs side (which packs apply, the active pack, settings, share links) has its own API and symbol.
export { getPacksApi, PACKS_API_KEY, type PacksApi } from './packs-api';
