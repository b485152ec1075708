// The contract of the executable-explanation engine: how it runs a model (ModelRunner), where it gets pictures
// (InputSource), and the results it hands back. The overlay (browser probe) and the CLI (Node tf.js) implement it.
import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { CheckBody, ExampleExpectation } from '../format/types';

/** An input for one model run. Image values are `(pixel / 255 − mean[c]) / std[c]` (default mean 0, std 1). */
export type ModelInput =
  | { type: 'tensor'; shape: number[]; values: Float32Array }
  | {
      type: 'image';
      width: number;
      height: number;
      rgba: Uint8ClampedArray;
      normalize?: { mean: number[]; std: number[] };
    }
  | { type: 'last-input' };

/** The values of one node (or model output) after a run, flat in row-major order. */
export interface NodeValues {
  nodeId: string;
  shape: number[];
  values: Float32Array | Int32Array;
}

/** Runs one model. The engine adds its own time limit and aborts `signal` when it gives up. */
export interface ModelRunner {
  /**
   * Runs `input` and returns the values of `nodeIds`, in that order; an empty `nodeIds` asks for the model's
   * outputs (first output first). Rejects with a readable message when the model cannot run the input.
   */
  run(input: ModelInput, nodeIds: string[], signal: AbortSignal): Promise<NodeValues[]>;
}

/** A decoded picture, 8-bit RGBA, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** Where example pictures come from: URLs (both sides) and page elements (only where there is a page). */
export interface InputSource {
  image(url: string, signal: AbortSignal): Promise<RgbaImage>;
  /** Reads a canvas, image or video element; rejects (e.g. "needs the page") where there is none. */
  element(selector: string, signal: AbortSignal): Promise<RgbaImage>;
}

export type Status = 'pass' | 'fail' | 'could-not-run';

export interface TopEntry {
  index: number;
  label?: string;
  score: number;
}

/** What a run produced, trimmed for display. */
export interface ObservedOutput {
  nodeId: string | null;
  shape: number[];
  /** The first values (at most VALUES_SAMPLE), flat. */
  values: number[];
  /** The largest values of the first row (batch item 0, last axis), best first (at most 5). */
  top?: TopEntry[];
}

export interface ExampleResult {
  id: string;
  /** Alias of the model the example runs on. */
  model: string | null;
  /** 'ran': the example ran and states no expectation. */
  status: Status | 'ran';
  observed: ObservedOutput | null;
  expected: ExampleExpectation | null;
  message: string;
  /** Wall time of the run, milliseconds. */
  ms: number;
}

export interface CheckOutcome {
  id: string;
  model: string | null;
  check: CheckBody['check'];
  kind: 'structural' | 'behavioural';
  status: Status;
  /** JSON-safe: what was found (a shape, a count, a top-1 entry, the values along a sweep …). */
  observed: unknown;
  expected: unknown;
  message: string;
  ms: number;
}

/** An annotation whose model anchor no longer resolves against the model it binds to. */
export interface OrphanedAnnotation {
  id: string;
  kind: string;
  reason: string;
}

/** How far one model target still matches the model it was written for. Reported, never re-bound. */
export interface ModelStaleness {
  alias: string;
  /** Null when no model was given for this alias. */
  graphId: string | null;
  /** False when the model was not given / not found. */
  present: boolean;
  /** The target's fingerprint, when it gives one. */
  expectedFingerprint: string | null;
  observedFingerprint: string | null;
  /** Null when the target gives no fingerprint (or the model is absent). */
  fingerprintMatches: boolean | null;
  /** The target's pinned weights digest, when it gives one. */
  expectedWeightsDigest: string | null;
  /** The model's weights digest, when it was computed (on demand: checks, reports, a pinned target). */
  observedWeightsDigest: string | null;
  /** Null when nothing is pinned or the digest was not computed. */
  weightsMatch: boolean | null;
  /** The structure constraints that fail, in words ("has 747 params, not 748"). */
  structureFailures: string[];
  orphans: OrphanedAnnotation[];
  /** Any of: fingerprint differs, structure fails, orphans, model absent (non-optional). */
  stale: boolean;
  /** One line for people. */
  summary: string;
}

export interface StalenessReport {
  models: ModelStaleness[];
  stale: boolean;
}

export interface ModelInfo {
  alias: string;
  graphId?: string;
  name?: string;
  kind?: ModelGraph['kind'];
  fingerprint?: string;
  sourceUrl?: string;
  backend?: string;
  tfjsVersion?: string;
  /** The weights digest of the model as it ran, with its cost, when computed. */
  weights?: WeightsDigestInfo;
}

export interface RunSummary {
  pass: number;
  fail: number;
  couldNotRun: number;
  /** Examples that ran without an expectation. */
  ran: number;
}

export interface PackRunResult {
  pack: { id: string; title: string; version: string };
  /** ISO 8601. */
  startedAt: string;
  finishedAt: string;
  models: ModelInfo[];
  examples: ExampleResult[];
  checks: CheckOutcome[];
  staleness: StalenessReport;
  summary: RunSummary;
}

export interface RunOptions {
  /** Time limit per model run (probe), milliseconds; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Cancels everything still to run (those become could-not-run "cancelled"). */
  signal?: AbortSignal;
  /** Only these example/check ids (staleness is always computed). */
  only?: readonly string[];
  /** Called after each example or check. */
  onProgress?(done: number, total: number): void;
  /** Most model runs for the whole pack; default MAX_PROBES_PER_PACK. */
  maxProbes?: number;
  /** The weights digests of the models by alias, computed before the run (staleness and the report state them). */
  weights?: ReadonlyMap<string, WeightsDigestInfo>;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const MAX_PROBES_PER_PACK = 2048;
/** How many output values an observation keeps. */
export const VALUES_SAMPLE = 16;
