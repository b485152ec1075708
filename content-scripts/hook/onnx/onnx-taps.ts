// Live values of an ONNX session: the inputs and outputs of the page's own `session.run` calls. While a view is
// subscribed (and only then) the session's handler gets an own `run` that calls the original and returns its very
// promise; sampled calls copy the CPU tensors' values out (the page's tensors are read, never changed). The last
// unsubscribe deletes the own property, so the handler's prototype `run` is what the page calls again.

import type { ContentMessage, Reduction, TapFrame } from '../../../protocol/bridge';
import { pageGlobals, read, safely } from '../page-globals';
import { Budget } from '../tap/budget';
import type { OnnxSession } from './onnx-sessions';
import { copyFeeds, type InnerRunner } from './onnx-inner';

type SubscribeMessage = Extract<ContentMessage, { kind: 'subscribe' }>;

export interface OnnxTapHost {
  session(modelId: string): OnnxSession | undefined;
  sendFrame(frame: TapFrame, transfer: ArrayBuffer[], channel: string): void;
  sendEnded(subscriptionId: string, reason: string, channel: string): void;
  /** Intermediate values on demand (onnx-inner.ts): the session's side runner, or null when it cannot have one. */
  inner?(session: OnnxSession): InnerRunner | null;
}

interface Sub {
  key: string;
  channel: string;
  id: string;
  session: OnnxSession;
  taps: { name: string; reduction: Reduction }[];
  /** Taps on inner nodes, computed by the session's side runner from a copy of a sampled call's inputs. */
  inner: { name: string; reduction: Reduction }[];
  budget: Budget;
  call: number;
  /** A copy of the page's last sampled feeds (for the reader's 'last-input' probe), dropped with the subscription. */
  lastFeeds: Record<string, object> | null;
  /** When it was copied: at most every REMEMBER_EVERY_MS, so a fast loop pays few copies. */
  rememberedAt: number;
}

const REMEMBER_EVERY_MS = 100;

/** Most values of one tensor copied out of the page (a bigger one is not shown live). */
const MAX_COPY_VALUES = 16 * 1024 * 1024;
/** Most values one frame carries; a bigger tensor is sent every k-th value ('downsample'). */
const MAX_FRAME_VALUES = 65_536;

/** The values of an ORT CPU tensor as float32, with its dims; null for GPU-resident or non-numeric tensors. */
export function tensorValues(t: unknown): { dims: number[]; values: Float32Array } | null {
  return safely(() => {
    const location = read(t, 'location');
    if (location !== undefined && location !== 'cpu' && location !== 'cpu-pinned') return null;
    const dimsIn = read(t, 'dims');
    const data = read(t, 'data');
    if (
      !pageGlobals.isArray(dimsIn) ||
      !data ||
      typeof data !== 'object' ||
      typeof read(data, 'length') !== 'number'
    )
      return null;
    const dims = dimsIn.map(Number);
    const source = data as ArrayLike<number | bigint>;
    const n = source.length;
    if (!(n >= 0 && n <= MAX_COPY_VALUES)) return null;
    const out = new pageGlobals.Float32Array(n);
    if (data instanceof pageGlobals.Float32Array) out.set(data);
    else if (typeof source[0] === 'bigint' || (n > 0 && typeof source[0] !== 'number'))
      for (let i = 0; i < n; i++) out[i] = Number(source[i]);
    else out.set(source as ArrayLike<number>);
    return { dims, values: out };
  }, null);
}

/** Reduces as the tf.js taps do, for ONNX's channels-first layout: 'channel-*' keeps axes 0 and 1 ([N, C, …] → [N, C]). */
export function reduceValues(
  dims: number[],
  values: Float32Array,
  reduction: Reduction,
): { shape: number[]; values: Float32Array; reduction: Reduction } {
  if ((reduction === 'channel-mean' || reduction === 'channel-max') && dims.length >= 3) {
    const n = dims[0]!;
    const c = dims[1]!;
    const inner = dims.slice(2).reduce((a, d) => a * d, 1);
    const out = new pageGlobals.Float32Array(n * c);
    for (let i = 0; i < n * c; i++) {
      let acc = reduction === 'channel-max' ? -Infinity : 0;
      for (let j = 0; j < inner; j++) {
        const v = values[i * inner + j]!;
        acc = reduction === 'channel-max' ? (v > acc ? v : acc) : acc + v;
      }
      out[i] = reduction === 'channel-max' ? acc : acc / Math.max(1, inner);
    }
    return { shape: [n, c], values: out, reduction };
  }
  if (values.length <= MAX_FRAME_VALUES) return { shape: dims, values, reduction: 'none' };
  const step = Math.ceil(values.length / MAX_FRAME_VALUES);
  const out = new pageGlobals.Float32Array(Math.ceil(values.length / step));
  for (let i = 0, j = 0; i < values.length; i += step) out[j++] = values[i]!;
  return { shape: [out.length], values: out, reduction: 'downsample' };
}

export class OnnxTaps {
  private subs = new pageGlobals.Map<string, Sub>();
  /** Handlers whose `run` we replaced, with the count of subscriptions on them. */
  private wrapped = new pageGlobals.Map<object, { count: number }>();

  constructor(private readonly host: OnnxTapHost) {}

  owns(modelId: string): boolean {
    return this.host.session(modelId) !== undefined;
  }

  subscribe(message: SubscribeMessage): void {
    const channel = message.nonce;
    this.unsubscribe(channel, message.subscriptionId);
    const session = this.host.session(message.modelId);
    const handler = session?.ref.deref();
    if (!session || !handler)
      return this.host.sendEnded(message.subscriptionId, 'the page has released this ONNX session', channel);
    const sub: Sub = {
      key: `${channel} ${message.subscriptionId}`,
      channel,
      id: message.subscriptionId,
      session,
      taps: message.taps.map((t) => ({ name: t.nodeId, reduction: t.reduction })),
      inner: [],
      budget: new Budget(message.budget, pageGlobals.now),
      call: 0,
      lastFeeds: null,
      rememberedAt: -Infinity,
    };
    const names = this.names(handler);
    const watchable = sub.taps.filter((t) => names.has(t.name));
    if (this.host.inner?.(session)) sub.inner = sub.taps.filter((t) => !names.has(t.name));
    if (watchable.length === 0 && sub.inner.length === 0)
      return this.host.sendEnded(
        sub.id,
        'only the inputs and outputs of an ONNX session can be watched live (this node is inside the model)',
        channel,
      );
    sub.taps = watchable;
    this.subs.set(sub.key, sub);
    this.wrap(handler);
  }

  unsubscribe(channel: string, subscriptionId: string): void {
    const sub = this.subs.get(`${channel} ${subscriptionId}`);
    if (!sub) return;
    this.subs.delete(sub.key);
    const handler = sub.session.ref.deref();
    if (handler) this.unwrap(handler);
    const innerLeft = [...this.subs.values()].some((s) => s.session === sub.session && s.inner.length > 0);
    if (sub.inner.length > 0 && !innerLeft) void this.host.inner?.(sub.session)?.release();
  }

  /** True while a live view on an inner node of the model is open (its side handler is in use). */
  watchesInner(modelId: string): boolean {
    for (const sub of this.subs.values()) if (sub.session.id === modelId && sub.inner.length > 0) return true;
    return false;
  }

  /** A copy of the page's last feeds to a model, if a subscription on it remembered one. */
  lastFeeds(modelId: string): Record<string, object> | null {
    for (const sub of this.subs.values())
      if (sub.session.id === modelId && sub.lastFeeds) return sub.lastFeeds;
    return null;
  }

  /**
   * Watches the next call of `session` once, for the shapes of its inputs and outputs (a describe asked for them
   * and the model leaves some free); `done` hears when they were learned.
   */
  learnShapes(session: OnnxSession, done: () => void): void {
    const handler = session.ref.deref();
    if (!handler || session.liveShapes.size > 0) return;
    let learned = false;
    const undo = this.wrap(handler, (feeds, results) => {
      if (learned) return;
      learned = true;
      safely(() => {
        for (const map of [feeds, results])
          for (const [name, t] of entries(map)) {
            const dims = read(t, 'dims');
            if (pageGlobals.isArray(dims) && dims.length <= 8) session.liveShapes.set(name, dims.map(Number));
          }
      }, undefined);
      undo();
      done();
    });
  }

  private names(handler: object): Set<string> {
    const set = new pageGlobals.Set<string>();
    for (const key of ['inputNames', 'outputNames']) {
      const v = read(handler, key);
      if (pageGlobals.isArray(v)) for (const n of v) if (typeof n === 'string') set.add(n);
    }
    return set;
  }

  /** Puts our `run` on the handler (once, counted); `extra` also hears every call until its undo runs. */
  private wrap(handler: object, extra?: (feeds: unknown, results: unknown) => void): () => void {
    const entry = this.wrapped.get(handler);
    const listeners = this.listeners(handler);
    if (extra) listeners.add(extra);
    if (entry) entry.count++;
    else {
      const original = read(handler, 'run');
      if (typeof original !== 'function') return () => undefined;
      this.wrapped.set(handler, { count: 1 });
      const observe = (feeds: unknown, result: unknown): void => this.observe(handler, feeds, result);
      const run = function run(this: unknown, ...args: unknown[]): unknown {
        const result = pageGlobals.apply(original as (...a: unknown[]) => unknown, this, args);
        safely(() => observe(args[0], result), undefined);
        return result;
      };
      safely(
        () => pageGlobals.defineProperty(handler, 'run', { value: run, writable: true, configurable: true }),
        undefined,
      );
    }
    let undone = false;
    return () => {
      if (undone) return;
      undone = true;
      if (extra) listeners.delete(extra);
      this.unwrap(handler);
    };
  }

  private unwrap(handler: object): void {
    const entry = this.wrapped.get(handler);
    if (!entry) return;
    if (--entry.count > 0) return;
    this.wrapped.delete(handler);
    this.extras.delete(handler);
    safely(() => delete (handler as Record<string, unknown>).run, undefined);
  }

  private extras = new pageGlobals.Map<object, Set<(feeds: unknown, results: unknown) => void>>();
  private listeners(handler: object): Set<(feeds: unknown, results: unknown) => void> {
    let set = this.extras.get(handler);
    if (!set) this.extras.set(handler, (set = new pageGlobals.Set()));
    return set;
  }

  /** One page call: copies sampled inputs now (before the page can reuse them), outputs when the run resolves. */
  private observe(handler: object, feeds: unknown, result: unknown): void {
    const subs = [...this.subs.values()].filter((s) => s.session.ref.deref() === handler);
    const sampled = subs.filter((s) => s.budget.sampleCall());
    const extras = this.extras.get(handler);
    if (sampled.length === 0 && !extras?.size) return;
    const now = pageGlobals.now();
    const remember = sampled.filter((s) => now - s.rememberedAt >= REMEMBER_EVERY_MS);
    const copy = remember.length > 0 ? copyFeeds(feeds) : null;
    for (const sub of remember) if (copy) [sub.lastFeeds, sub.rememberedAt] = [copy, now];
    for (const sub of sampled) {
      sub.call++;
      for (const tap of sub.taps) {
        const t = read(feeds, tap.name);
        if (t !== undefined) this.send(sub, tap, t);
      }
    }
    // Inner values: the inputs copied now (the page may reuse its buffers), computed after the page's call is done.
    const withInner = sampled.filter((s) => s.inner.length > 0);
    const innerFeeds = withInner.length > 0 ? copyFeeds(feeds) : null;
    void (result as Promise<unknown>).then(
      (results) =>
        safely(() => {
          for (const listener of extras ?? []) listener(feeds, results);
          for (const sub of sampled) {
            if (!this.subs.has(sub.key)) continue;
            for (const tap of sub.taps) {
              const t = read(results, tap.name);
              if (t !== undefined) this.send(sub, tap, t);
            }
          }
          if (innerFeeds) this.runInner(withInner, innerFeeds);
        }, undefined),
      () => undefined,
    );
  }

  /** One side run for the sampled subscriptions that watch inner nodes; frames for those still open. */
  private runInner(subs: Sub[], feeds: Record<string, object>): void {
    const runner = this.host.inner?.(subs[0]!.session);
    if (!runner) return;
    const names = subs.flatMap((s) => s.inner.map((t) => t.name));
    runner.run(feeds, names).then(
      (results) =>
        safely(() => {
          if (!results) return;
          for (const sub of subs) {
            if (!this.subs.has(sub.key)) continue;
            for (const tap of sub.inner) {
              const t = read(results, tap.name);
              if (t !== undefined) this.send(sub, tap, t);
            }
          }
        }, undefined),
      (error: unknown) =>
        safely(() => {
          const reason = `intermediate values could not be computed: ${error instanceof Error ? error.message : String(error)}`;
          for (const sub of subs) {
            if (!this.subs.has(sub.key) || sub.taps.length > 0) continue;
            this.subs.delete(sub.key);
            const handler = sub.session.ref.deref();
            if (handler) this.unwrap(handler);
            this.host.sendEnded(sub.id, reason.slice(0, 300), sub.channel);
          }
        }, undefined),
    );
  }

  private send(sub: Sub, tap: Sub['taps'][number], tensor: unknown): void {
    const copied = tensorValues(tensor);
    if (!copied) return;
    const reduced = reduceValues(copied.dims, copied.values, tap.reduction);
    const bytes = reduced.values.byteLength;
    if (!sub.budget.reserve(bytes)) return;
    const buffer = reduced.values.buffer as ArrayBuffer;
    const frame: TapFrame = {
      subscriptionId: sub.id,
      modelId: sub.session.id,
      nodeId: tap.name,
      shape: reduced.shape,
      sourceShape: copied.dims,
      reduction: reduced.reduction,
      dtype: 'float32',
      buffer,
      call: sub.call,
      time: pageGlobals.now(),
    };
    safely(() => this.host.sendFrame(frame, [buffer], sub.channel), undefined);
    sub.budget.release(true);
  }
}

function entries(map: unknown): [string, unknown][] {
  return safely(() => {
    if (!map || typeof map !== 'object') return [];
    const out: [string, unknown][] = [];
    for (const key of Object.keys(map).slice(0, 256)) out.push([key, read(map, key)]);
    return out;
  }, []);
}
