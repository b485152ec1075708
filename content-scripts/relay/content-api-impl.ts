// Implements the ContentApi over the bridge: request ids, pending replies with timeouts, subscriptions by id.

import { t } from '../../extension/ui/i18n';
import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import type { ContentBridge } from './content-bridge';
import {
  isBridgeReply,
  type BridgeReply,
  type BridgeRequestKind,
  type PageMessage,
  type PageSnapshot,
  type ProbeValue,
  type WeightValues,
} from '../../protocol/bridge';
import type { OverlayCommand } from '../../protocol/runtime';
import type { ContentApi, DescribeOptions } from './content-api';
import type { FrameState } from './frame-state';
import { Listeners } from '../../base/listeners';
import { describeOnnxSource } from './onnx-describe';
import { OnnxWeights } from './onnx-weights';

const DESCRIBE_TIMEOUT_MS = 10_000;

export class ContentApiImpl implements ContentApi {
  readonly version = 1 as const;
  private readonly listeners = new Listeners<PageSnapshot>();
  private readonly commandListeners = new Listeners<OverlayCommand>();
  private graphs = new Map<string, Promise<ModelGraph>>();
  private revisions = new Map<string, number>();
  /** Models whose describe already carried `learnShapes` to the hook (it arms once per model, so once is enough). */
  private shapesAsked = new Set<string>();
  private pending = new Map<
    string,
    /**
     * Takes the answer when it is of the kind the request expects (else it keeps waiting); `progress` starts the time
     * limit again (the hook said the request is under way).
     */
    { accept: (m: PageMessage) => boolean; timer: ReturnType<typeof setTimeout>; progress(): void }
  >();
  private subscriptions = new Map<
    string,
    { onFrame: Parameters<ContentApi['subscribe']>[3]; onEnded?: (r: string) => void }
  >();
  private nextId = 1;
  /** Weights digests being computed, by model id (only while in flight). */
  private digests = new Map<string, Promise<WeightsDigestInfo>>();
  /** How many explanations hold each model (the hook is told when the count leaves or returns to zero). */
  private holders = new Map<string, number>();
  /** ONNX sessions' weights, read here from the model bytes describe brought (the hook reads tf.js weights only). */
  private readonly onnxWeights = new OnnxWeights({
    bytes: (modelId) => this.onnxBytes(modelId),
    graph: (modelId) => this.describe(modelId),
  });

  constructor(
    private readonly bridge: ContentBridge,
    private readonly state: FrameState,
    /** tf.js's version from the page's own scripts, for bundled pages where the hook could not tell it. */
    private readonly pageTfVersion: () => Promise<string | null> = () => Promise.resolve(null),
    /** ONNX Runtime Web's version from the page's own scripts, for bundled pages (transformers.js). */
    private readonly pageOrtVersion: () => Promise<string | null> = () => Promise.resolve(null),
  ) {}

  /** Feeds every validated page message in; returns nothing, routes replies and tap frames. */
  receive(message: PageMessage): void {
    switch (message.kind) {
      case 'model': {
        // The hook learned more (live shapes): the next describe asks again.
        const known = this.revisions.get(message.model.id);
        if (known !== undefined && known !== (message.model.revision ?? 0))
          this.graphs.delete(message.model.id);
        this.revisions.set(message.model.id, message.model.revision ?? 0);
        return;
      }
      case 'graph':
      case 'probe-result':
      case 'gradient-result':
      case 'weights':
      case 'weights-digest-result': {
        const waiter = this.pending.get(message.requestId);
        if (!waiter?.accept(message)) return;
        this.pending.delete(message.requestId);
        clearTimeout(waiter.timer);
        return;
      }
      case 'probe-progress':
        this.pending.get(message.requestId)?.progress();
        return;
      case 'tap':
        this.subscriptions.get(message.frame.subscriptionId)?.onFrame(message.frame);
        return;
      case 'tap-ended': {
        const sub = this.subscriptions.get(message.subscriptionId);
        this.subscriptions.delete(message.subscriptionId);
        sub?.onEnded?.(message.reason);
        return;
      }
      default:
        return;
    }
  }

  changed(): void {
    this.listeners.emit(this.state.snapshot());
  }

  command(command: OverlayCommand): void {
    this.commandListeners.emit(command);
  }

  onCommand(listener: (command: OverlayCommand) => void, signal: AbortSignal): void {
    this.commandListeners.add(listener, signal);
  }

  snapshot(): PageSnapshot {
    return this.state.snapshot();
  }

  onChange(listener: (snapshot: PageSnapshot) => void, signal: AbortSignal): void {
    this.listeners.add(listener, signal);
  }

  describe(modelId: string, options: DescribeOptions = {}): Promise<ModelGraph> {
    // A cached graph from a describe without the flag must not keep the flag from reaching the hook: the first
    // describe that asks to learn shapes goes out (with the flag) even when a graph is cached.
    const learn = options.learnShapes === true && !this.shapesAsked.has(modelId);
    const cached = this.graphs.get(modelId);
    if (cached && !learn) return cached;
    if (learn) this.shapesAsked.add(modelId);
    const graph = this.request('describe', DESCRIBE_TIMEOUT_MS, (requestId) =>
      this.bridge.send({ kind: 'describe', requestId, modelId, ...(learn ? { learnShapes: true } : {}) }),
    )
      .then((reply) => {
        if (!reply.graph && reply.onnx) {
          const described = describeOnnxSource(modelId, reply.onnx);
          this.onnxWeights.keep(modelId, reply.onnx.bytes);
          return described;
        }
        if (!reply.graph) throw new Error(reply.error ?? t('modelNotDescribed'));
        return reply.graph;
      })
      .then(async (described) => {
        if (described.runtime === 'onnx') {
          if (described.runtimeVersion) return described;
          const version = await this.pageOrtVersion().catch(() => null);
          return version ? { ...described, runtimeVersion: version } : described;
        }
        if (described.tfjsVersion !== null) return described;
        const version = await this.pageTfVersion().catch(() => null);
        return version ? { ...described, tfjsVersion: version } : described;
      });
    graph.catch(() => {
      // Only this request's own entry: a later describe may have replaced it already.
      if (this.graphs.get(modelId) === graph) this.graphs.delete(modelId);
      if (learn) this.shapesAsked.delete(modelId);
    });
    // A graph already cached answers at once (the outline shows without another round trip through the page);
    // the flagged request then only arms the hook's shape learning, whose result comes as a new revision.
    if (cached) return cached;
    this.graphs.set(modelId, graph);
    return graph;
  }

  subscribe(...[modelId, taps, budget, onFrame, signal, onEnded]: Parameters<ContentApi['subscribe']>): void {
    if (signal.aborted) return;
    const subscriptionId = `s${this.nextId++}`;
    this.subscriptions.set(subscriptionId, { onFrame, ...(onEnded ? { onEnded } : {}) });
    this.bridge.send({ kind: 'subscribe', subscriptionId, modelId, taps, budget });
    signal.addEventListener(
      'abort',
      () => {
        this.subscriptions.delete(subscriptionId);
        this.bridge.send({ kind: 'unsubscribe', subscriptionId });
      },
      { once: true },
    );
  }

  hold(modelId: string, signal: AbortSignal): void {
    if (signal.aborted) return;
    const n = this.holders.get(modelId) ?? 0;
    this.holders.set(modelId, n + 1);
    if (n === 0) this.bridge.send({ kind: 'pin', modelId, on: true });
    signal.addEventListener(
      'abort',
      () => {
        const left = (this.holders.get(modelId) ?? 1) - 1;
        if (left > 0) return void this.holders.set(modelId, left);
        this.holders.delete(modelId);
        this.bridge.send({ kind: 'pin', modelId, on: false });
      },
      { once: true },
    );
  }

  async probe(
    ...[modelId, input, nodeIds, timeoutMs = 15_000]: Parameters<ContentApi['probe']>
  ): Promise<ProbeValue[]> {
    const transfer = input.type === 'image' ? [input.rgba] : [];
    const reply = await this.request('probe', timeoutMs, (requestId) =>
      this.bridge.send({ kind: 'probe', requestId, modelId, input, nodeIds }, transfer),
    );
    if (reply.error) throw new Error(reply.error);
    return reply.values;
  }

  async gradient(
    ...[modelId, input, classIndex, timeoutMs = 30_000]: Parameters<ContentApi['gradient']>
  ): ReturnType<ContentApi['gradient']> {
    const transfer = input.type === 'image' ? [input.rgba] : [];
    const reply = await this.request('gradient', timeoutMs, (requestId) =>
      this.bridge.send({ kind: 'gradient', requestId, modelId, input, classIndex }, transfer),
    );
    if (reply.map) return { map: reply.map, unsupported: null };
    if (reply.unsupported) return { map: null, unsupported: reply.error ?? 'gradients: not available' };
    throw new Error(reply.error ?? 'The gradient could not be computed.');
  }

  async readWeights(
    ...[modelId, nodeId, maxValues = 65_536, timeoutMs = 15_000]: Parameters<ContentApi['readWeights']>
  ): Promise<WeightValues[]> {
    if (this.isOnnx(modelId)) return this.onnxWeights.read(modelId, nodeId, maxValues);
    const reply = await this.request('read-weights', timeoutMs, (requestId) =>
      this.bridge.send({ kind: 'read-weights', requestId, modelId, nodeId, maxValues }),
    );
    if (reply.error) throw new Error(reply.error);
    return reply.weights;
  }

  weightsDigest(
    ...[modelId, timeoutMs = 60_000]: Parameters<ContentApi['weightsDigest']>
  ): Promise<WeightsDigestInfo> {
    // One hashing of a model at a time: a second caller (a pinned pack's staleness and a run) shares the answer.
    const running = this.digests.get(modelId);
    if (running) return running;
    const digest = this.isOnnx(modelId)
      ? this.onnxWeights.digest(modelId)
      : this.request('weights-digest', timeoutMs, (requestId) =>
          this.bridge.send({ kind: 'weights-digest', requestId, modelId }),
        ).then((reply) => {
          if (!reply.digest) throw new Error(reply.error ?? 'The weights could not be hashed.');
          return reply.digest;
        });
    this.digests.set(modelId, digest);
    const done = (): void => {
      if (this.digests.get(modelId) === digest) this.digests.delete(modelId);
    };
    digest.then(done, done);
    return digest;
  }

  private isOnnx(modelId: string): boolean {
    return this.state.snapshot().models.some((m) => m.id === modelId && m.runtime === 'onnx');
  }

  /** An ONNX session's model bytes, as the hook hands them over for describing. */
  private async onnxBytes(modelId: string): Promise<ArrayBuffer> {
    const reply = await this.request('describe', DESCRIBE_TIMEOUT_MS, (requestId) =>
      this.bridge.send({ kind: 'describe', requestId, modelId }),
    );
    if (!reply.onnx) throw new Error(reply.error ?? t('modelNotDescribed'));
    return reply.onnx.bytes;
  }

  /** Sends a request of kind `kind`; resolves with the page's answer of the matching kind (BRIDGE_REPLY_KIND). */
  private request<K extends BridgeRequestKind>(
    kind: K,
    timeoutMs: number,
    send: (requestId: string) => void,
  ): Promise<BridgeReply<K>> {
    const requestId = `r${this.nextId++}`;
    return new Promise<BridgeReply<K>>((resolve, reject) => {
      // The limit counts from the request, or from the hook's latest word that it is under way (probe-progress).
      const arm = (): ReturnType<typeof setTimeout> =>
        setTimeout(() => {
          this.pending.delete(requestId);
          reject(new Error(`The page did not answer within ${Math.round(timeoutMs / 1000)} s.`));
        }, timeoutMs);
      const accept = (m: PageMessage): boolean => isBridgeReply(kind, m) && (resolve(m), true);
      const entry = {
        accept,
        timer: arm(),
        progress: () => {
          clearTimeout(entry.timer);
          entry.timer = arm();
        },
      };
      this.pending.set(requestId, entry);
      send(requestId);
    });
  }
}
