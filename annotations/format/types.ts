// The annotation-pack format, version 1, as TypeScript types: the reference for every module that reads packs.
// A pack is a W3C Web Annotation `AnnotationCollection` with our own fields; FORMAT.md explains each one.
import type { Shape, WeightRole } from '../../model/model-graph';

export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our JSON-LD namespace: an identifier only, never fetched. */
export const LITERATE_CONTEXT = 'https://literate.dev/ns/pack/1';
export const FORMAT_VERSION = '1';

export interface Pack {
  '@context': [typeof W3C_ANNO_CONTEXT, typeof LITERATE_CONTEXT, ...string[]];
  type: 'AnnotationCollection';
  literate: typeof FORMAT_VERSION;
  id: string;
  title: string;
  authors: Author[];
  /** An SPDX license expression, e.g. 'CC-BY-4.0' or 'MIT OR Apache-2.0'. */
  license: string;
  /** Semantic version of the pack's content. */
  version: string;
  description?: string;
  /** BCP 47 language tag of the prose, e.g. 'en'. */
  language?: string;
  targets: Targets;
  items: Annotation[];
  /** An ordered tour. */
  steps?: Step[];
  /** The author's signature over the rest of the pack (annotations/format/signature.ts). */
  signature?: PackSignature;
}

/** An Ed25519 signature of the canonical JSON of the pack without `signature` (see FORMAT.md, "Signed packs"). */
export interface PackSignature {
  algorithm: 'Ed25519';
  /** Raw 32-byte public key, base64url without padding. */
  publicKey: string;
  /** 64-byte signature, base64url without padding. */
  value: string;
  /** Who signed, as the signer states it (not proven: the key is what is checked). */
  signer?: string;
  signedAt?: string;
}

export interface Author {
  name: string;
  url?: string;
}

export interface Targets {
  /** URL patterns (see url-glob.ts) of the pages the pack explains. */
  pages: string[];
  models: ModelTarget[];
}

/** One model the pack explains, with the local alias annotations use to refer to it. */
export interface ModelTarget {
  alias: string;
  /** ModelGraph.fingerprint: the strongest evidence. */
  fingerprint?: string;
  /**
   * Weights digest ('lwd1', model/weights-digest.ts) of the exact weight values the pack was written for. Another
   * digest makes the pack stale: "same architecture, different weights".
   */
  weightsDigest?: string;
  /** URL pattern for ModelGraph.sourceUrl. */
  url?: string;
  structure?: StructureConstraints;
  /** Class labels of the model's output, index by index (for top-k views, top-1 examples and checks). */
  labels?: string[];
  /**
   * The model's input tokens, index by index: what each position of a one-hot (or token-id) sequence input stands for
   * (a character, or a word). Lets the reader type text into "Try your own input".
   */
  vocabulary?: string[];
  /** When true, the pack still applies if this model is not on the page (its annotations become orphans). */
  optional?: boolean;
}

/** Every constraint given must hold. */
export interface StructureConstraints {
  kind?: 'layers' | 'graph';
  /** Total parameter count. */
  params?: number;
  /** Total node count. */
  nodeCount?: number;
  nodes?: NodeConstraint[];
}

export interface NodeConstraint {
  name: string;
  op?: string;
  outputShape?: Shape;
  params?: number;
}

export type AnnotationKind = 'note' | 'equation' | 'view' | 'example' | 'check' | 'control' | 'predict';

export type Motivation =
  | 'assessing'
  | 'bookmarking'
  | 'classifying'
  | 'commenting'
  | 'describing'
  | 'editing'
  | 'highlighting'
  | 'identifying'
  | 'linking'
  | 'moderating'
  | 'questioning'
  | 'replying'
  | 'tagging';

interface AnnotationBase {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  target?: Target;
  /** Id of the tour step this annotation belongs to. */
  step?: string;
}

export interface NoteAnnotation extends AnnotationBase {
  kind: 'note';
  body: TextualBody;
}
export interface EquationAnnotation extends AnnotationBase {
  kind: 'equation';
  body: EquationBody;
}
export interface ViewAnnotation extends AnnotationBase {
  kind: 'view';
  body: ViewBody;
}
export interface ExampleAnnotation extends AnnotationBase {
  kind: 'example';
  body: ExampleBody;
}
export interface CheckAnnotation extends AnnotationBase {
  kind: 'check';
  body: CheckBody;
}
/** An input control bound to a model input: the reader changes it and watches the model respond. */
export interface ControlAnnotation extends AnnotationBase {
  kind: 'control';
  body: ControlBody;
}
/** Predict, then reveal: the reader commits to a guess before the model's answer is shown. */
export interface PredictAnnotation extends AnnotationBase {
  kind: 'predict';
  body: PredictBody;
}
export type Annotation =
  | NoteAnnotation
  | EquationAnnotation
  | ViewAnnotation
  | ExampleAnnotation
  | CheckAnnotation
  | ControlAnnotation
  | PredictAnnotation;

export interface TextualBody {
  type: 'TextualBody';
  format: 'text/markdown';
  /** Markdown with $inline$ and $$display$$ TeX and {{live.values}}. */
  value: string;
  language?: string;
}

// ---------------------------------------------------------------- targets and selectors

/** Where an annotation points: on the page, in the model, or both. */
export interface Target {
  /** The page the selectors were made on (informative; targets.pages decides where the pack applies). */
  source?: string;
  /**
   * URL patterns (url-glob.ts) of the pack's pages this target's page selectors belong to. On a page none of them
   * matches, the page part is not looked for: a note with only a page part is for another page (not an orphan).
   * Absent: every page of targets.pages.
   */
  pages?: string[];
  /** Page selectors: alternatives describing the same place, tried in order (W3C semantics). */
  selector?: PageSelector[];
  model?: ModelSelector;
  /** Part of the diagram view: a note shows as a marker there; a tour step focuses and frames it. */
  diagram?: DiagramSelector;
}

/**
 * Part of the diagram of a model: one node, a few nodes, or a group (a name scope such as `MobilenetV1/Conv2d_3`,
 * or a numbered block the diagram gathers). Nodes are named by their full id, as in model selectors.
 */
export interface DiagramSelector {
  type: 'DiagramSelector';
  /** Alias from targets.models; may be left out when the pack targets exactly one model. */
  model?: string;
  node?: string;
  nodes?: string[];
  group?: string;
}

export type PageSelector = CssSelector | TextQuoteSelector | TextPositionSelector;

export interface CssSelector {
  type: 'CssSelector';
  /** Must match exactly one element. */
  value: string;
  refinedBy?: PageSelector;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
  refinedBy?: PageSelector;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
  refinedBy?: PageSelector;
}

export type TensorRole = 'output' | WeightRole;

/**
 * A node (or the whole model) and optionally a tensor of it. Locate the node with exactly one of `node`,
 * `pattern`, `index`, or `op` (+ `nth`); `op` given together with another locator is a guard that must hold.
 */
export interface ModelSelector {
  type: 'ModelNodeSelector';
  /** Alias from targets.models; may be left out when the pack targets exactly one model. */
  model?: string;
  node?: string;
  /** Glob (`*`, `?`) over the whole node id, or `/regex/`; must match exactly one node. */
  pattern?: string;
  op?: string;
  /** With `op` alone: which of the nodes with that op, in topological order (0-based; negative from the end). */
  nth?: number;
  index?: number;
  /** Which tensor of the node: its output (default) or one of its weights by role. */
  role?: TensorRole;
  /** Index along the tensor's last axis (a channel of a conv output or kernel). */
  channel?: number;
  /** Index along the tensor's last axis of a Dense layer (same axis as channel, named for readers). */
  unit?: number;
}

// ---------------------------------------------------------------- kinds

export type LiveStat =
  | 'mean'
  | 'max'
  | 'min'
  | 'std'
  | 'sparsity'
  | 'norm'
  | 'shape'
  | 'params'
  | 'size'
  | 'dtype'
  | 'op'
  | 'top1'
  | 'argmax'
  | 'nodes'
  | 'fingerprint'
  | 'backend';

/** An equation symbol bound to a model tensor, with what to show of it live. */
export interface SymbolBinding extends Omit<ModelSelector, 'type'> {
  type?: 'ModelNodeSelector';
  stat?: LiveStat;
  /** Number format, see live-values.ts: '.3f', '.2e', '.1%', 'd'. */
  format?: string;
}

export interface EquationBody {
  type: 'Equation';
  tex: string;
  /** Display (block) math; default true. */
  display?: boolean;
  /** Symbol (as written in the TeX, e.g. 'W', 'b_c', '\\sigma') → tensor. */
  bindings?: Record<string, SymbolBinding>;
  caption?: string;
}

export type ViewType = 'feature-maps' | 'activation-bars' | 'top-k' | 'weight-histogram' | 'filters';

export interface ViewBody {
  type: 'View';
  view: ViewType;
  /** top-k: how many classes (default 5). */
  k?: number;
  /** top-k: labels overriding targets.models[].labels. */
  labels?: string[];
  /** feature-maps / filters: which channels (default: all, capped by the overlay). */
  channels?: number[];
  /** weight-histogram: number of bins (default 30). */
  bins?: number;
  caption?: string;
}

export type ExampleInput = (
  { image: string } | { tensor: TensorLiteral; shape?: number[] } | { element: string }
) & {
  /**
   * The model's input scaling: value = (pixel / 255 − mean[c]) / std[c] (one number: every channel). Default
   * mean [0], std [1] (pixels in [0, 1]); MobileNet-style models take mean [0.5], std [0.5] ([−1, 1]). Tensor
   * inputs are given already scaled; for them it sets the range brightness clamps to and the value shift pads with.
   */
  normalize?: InputNormalize;
};

export interface InputNormalize {
  mean: number[];
  std: number[];
}

export type TensorLiteral = number | TensorLiteral[];

export interface ExampleExpectation {
  /** Expected top-1 class: a label (from the model's labels) or a class index. */
  top1?: string | number;
  /** Expected output values, compared element-wise within tolerance. */
  values?: number[];
  /** Absolute tolerance for values (default 1e-3). */
  tolerance?: number;
}

export interface ExampleBody {
  type: 'Example';
  input: ExampleInput;
  expected?: ExampleExpectation;
  caption?: string;
}

export type StructuralCheckType = 'shape' | 'params' | 'op' | 'fingerprint';
export type BehaviouralCheckType =
  'output-range' | 'sums-to' | 'top1' | 'invariance' | 'monotonic' | 'compare';

export type Transform =
  | { type: 'shift'; dx: number; dy: number }
  | { type: 'brightness'; amount: number }
  | { type: 'flip'; axis: 'horizontal' | 'vertical' };

interface CheckBase {
  type: 'Check';
  /** Markdown prose stating the claim for readers. */
  claim?: string;
}
export interface ShapeCheck extends CheckBase {
  check: 'shape';
  /** Output shape of the target node (or shape of the selected weight); null matches any size. */
  expected: Shape;
}
export interface ParamsCheck extends CheckBase {
  check: 'params';
  /** Parameter count of the target node, or the model's total when the target has no node. */
  expected: number;
}
export interface OpCheck extends CheckBase {
  check: 'op';
  expected: string;
}
export interface FingerprintCheck extends CheckBase {
  check: 'fingerprint';
  expected: string;
}
export interface OutputRangeCheck extends CheckBase {
  check: 'output-range';
  min: number;
  max: number;
  /** Example ids to run; default: every example of the model. */
  examples?: string[];
}
export interface SumsToCheck extends CheckBase {
  check: 'sums-to';
  /** Default 1. */
  value?: number;
  /** Default 1e-3. */
  tolerance?: number;
  examples?: string[];
}
export interface Top1Check extends CheckBase {
  check: 'top1';
  example: string;
  /** Overrides the example's expected.top1. */
  expected?: string | number;
}
export interface InvarianceCheck extends CheckBase {
  check: 'invariance';
  example: string;
  transform: Transform;
}
export interface MonotonicCheck extends CheckBase {
  check: 'monotonic';
  example: string;
  /** Flat index of the input element that is varied. */
  inputIndex: number;
  from: number;
  to: number;
  /** Samples between from and to (default 8). */
  steps?: number;
  /** Output index (flat) that must move monotonically. */
  outputIndex: number;
  direction: 'increasing' | 'decreasing';
}
/**
 * A step that becomes a check: the output `output` with control `control` set to `a` is `relation` than with it
 * set to `b` (by more than `margin`), e.g. "moving the patch over the face lowers the score".
 */
export interface CompareCheck extends CheckBase {
  check: 'compare';
  /** A slider or choice control of the pack. */
  control: string;
  /** Setting A: a slider value, or a choice's option (an example id). */
  a: ControlSetting;
  /** Setting B. */
  b: ControlSetting;
  /** The output compared: a class label (from the model's labels) or a flat index into the first row. */
  output: string | number;
  /** output at A is less / greater than at B. */
  relation: 'less' | 'greater';
  /** By more than this (default 0). */
  margin?: number;
}
export type CheckBody =
  | CompareCheck
  | ShapeCheck
  | ParamsCheck
  | OpCheck
  | FingerprintCheck
  | OutputRangeCheck
  | SumsToCheck
  | Top1Check
  | InvarianceCheck
  | MonotonicCheck;

export interface Step {
  id: string;
  title: string;
  /** Markdown shown in the tour panel. */
  body?: string;
  /** Annotation ids to show and highlight at this step. */
  highlights?: string[];
  /** Extra anchors (page and/or model) to highlight. */
  target?: Target;
}

// ---------------------------------------------------------------- explorables

/** A slider value, or a choice control's option (an example id). */
export type ControlSetting = number | string;

/**
 * What a slider changes in its example's input: one element of a vector input (`feature`), the picture's
 * brightness (amount added, −1…1), a shift along one axis (pixels), or the position along one axis of a square
 * occluding patch (`size` pixels, black; `at` is its other coordinate).
 */
export type ControlParam =
  | { type: 'feature'; index: number }
  | { type: 'brightness' }
  | { type: 'shift'; axis: 'x' | 'y' }
  | { type: 'patch'; axis: 'x' | 'y'; size: number; at: number };

interface ControlBase {
  type: 'Control';
  /** Names the control for readers (and screen readers). */
  label: string;
  caption?: string;
}
export interface SliderControl extends ControlBase {
  control: 'slider';
  /** The example whose input the slider changes. */
  example: string;
  param: ControlParam;
  min: number;
  max: number;
  /** Default (max − min) / 100. */
  step?: number;
  /** Where it starts; default min. */
  value?: number;
}
export interface ChoiceControl extends ControlBase {
  control: 'choice';
  /** Example ids: the pictures (or inputs) the reader picks from. */
  options: string[];
  /** The option shown first; default the first. */
  value?: string;
}
export interface DrawControl extends ControlBase {
  control: 'draw';
  /** An example whose picture the pad starts from (and whose normalisation it uses); default a blank pad. */
  example?: string;
}
export type ControlBody = SliderControl | ChoiceControl | DrawControl;

export interface PredictBody {
  type: 'Predict';
  /** The control whose current input the model answers for. Exactly one of control and example. */
  control?: string;
  /** Or an example of the pack. */
  example?: string;
  /** With a control: the setting the question is about; the reveal moves the control there. */
  setting?: ControlSetting;
  /** The question, Markdown. */
  question: string;
  /** The answers the reader chooses from: class labels of the model. */
  options: string[];
  /** Shown after the reveal, Markdown. */
  explanation?: string;
}
