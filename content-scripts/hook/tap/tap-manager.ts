// Subscriptions: which nodes of which model are watched, through which wrappers, within which budget. The last
// unsubscribe of a layer or executor removes its wrappers; a subscription whose taps all failed ends itself.

import type { ContentMessage, TapFrame } from '../../../protocol/bridge';
import { asHook, hookBusy } from '../guard';
import { pageGlobals, read, safely } from '../page-globals';
import * as ops from '../tensor-ops';
import { Budget } from './budget';
import { captureFrame } from './capture';
import { hookExecutor } from './graph-hooks';
import { hookLayer } from './layer-hooks';
import { entryLayers, layerIndex } from './layer-index';

type SubscribeMessage = Extract<ContentMessage, { kind: 'subscribe' }>;

export interface TapHost {
  engine(): object | null;
  model(modelId: string): { kind: 'layers' | 'graph'; object: object } | null;
  /** Why `model(modelId)` gave nothing, in words for the reader (default: 'model not found'). */
  whyMissing?(modelId: string): string;
  /** `channel` is the nonce of the content script that subscribed: frames go back to it alone. */
  sendFrame(frame: TapFrame, transfer: ArrayBuffer[], channel: string): void;
  sendEnded(subscriptionId: string, reason: string, channel: string): void;
}

/** The page's latest input to a model (remembered as kept clones while subscribed, at most every 100 ms). */
export type LastInput =
  { kind: 'layers'; tensor: ops.Tensor } | { kind: 'graph'; map: Record<string, ops.Tensor> };

interface Tap {
  nodeId: string;
  reduction: SubscribeMessage['taps'][number]['reduction'];
  failures: number;
  dead: boolean;
}

interface Subscription {
  /** Channel and subscription id: ids are the subscriber's own, so two channels may both use 's1'. */
  key: string;
  channel: string;
  id: string;
  modelId: string;
  taps: Tap[];
  budget: Budget;
  closed: boolean;
  call: number;
  seen: Set<number>;
  sampling: boolean;
  undo: (() => void)[];
  lastInput: LastInput | null;
  /** When the last input was remembered: at most every REMEMBER_EVERY_MS, so idle frames pay no clone. */
  rememberedAt: number;
}

const MAX_SUBSCRIPTIONS = 32;
const MAX_FAILURES = 3;
const REMEMBER_EVERY_MS = 100;

export class TapManager {
  private subs = new pageGlobals.Map<string, Subscription>();

  constructor(private readonly host: TapHost) {}

  get size(): number {
    return this.subs.size;
  }

  subscribe(message: SubscribeMessage): void {
    const channel = message.nonce;
    this.unsubscribe(channel, message.subscriptionId);
    const model = this.host.model(message.modelId);
    if (!model)
      return this.host.sendEnded(
        message.subscriptionId,
        this.host.whyMissing?.(message.modelId) ?? 'model not found',
        channel,
      );
    if (this.subs.size >= MAX_SUBSCRIPTIONS) {
      return this.host.sendEnded(message.subscriptionId, 'too many subscriptions', channel);
    }
    const sub: Subscription = {
      key: keyOf(channel, message.subscriptionId),
      channel,
      id: message.subscriptionId,
      modelId: message.modelId,
      taps: message.taps.map((t) => ({ nodeId: t.nodeId, reduction: t.reduction, failures: 0, dead: false })),
      budget: new Budget(message.budget, pageGlobals.now),
      closed: false,
      call: 0,
      seen: new pageGlobals.Set(),
      sampling: false,
      undo: [],
      lastInput: null,
      rememberedAt: -Infinity,
    };
    this.subs.set(sub.key, sub);
    const ok = safely(
      () => (model.kind === 'layers' ? this.tapLayers(sub, model.object) : this.tapGraph(sub, model.object)),
      false,
    );
    if (!ok) this.end(sub, 'none of the requested nodes can be watched');
  }

  unsubscribe(channel: string, subscriptionId: string): void {
    const sub = this.subs.get(keyOf(channel, subscriptionId));
    if (sub) this.close(sub);
  }

  /** The page's last input to a model, if some subscription remembered one. */
  lastInput(modelId: string): LastInput | null {
    for (const sub of this.subs.values()) if (sub.modelId === modelId && sub.lastInput) return sub.lastInput;
    return null;
  }

  private close(sub: Subscription): void {
    sub.closed = true;
    this.subs.delete(sub.key);
    for (const undo of sub.undo) safely(undo, undefined);
    sub.undo = [];
    forgetInput(sub);
  }

  private end(sub: Subscription, reason: string): void {
    this.close(sub);
    this.host.sendEnded(sub.id, reason, sub.channel);
  }

  private tapLayers(sub: Subscription, model: object): boolean {
    const index = layerIndex(model);
    sub.taps.forEach((tap, i) => {
      const layer = index.get(tap.nodeId);
      const undo = layer ? hookLayer(layer, (output) => this.onLayerOutput(sub, i, output)) : null;
      if (undo) sub.undo.push(undo);
      else tap.dead = true;
    });
    if (sub.taps.every((t) => t.dead)) return false;
    for (const layer of entryLayers(model)) {
      const undo = hookLayer(layer, (_output, args) => this.rememberLayerInput(sub, args[0]));
      if (undo) sub.undo.push(undo);
    }
    return true;
  }

  private onLayerOutput(sub: Subscription, i: number, output: unknown): void {
    if (sub.closed || hookBusy()) return;
    const t = firstTensor(output);
    const engine = this.host.engine();
    if (!t || !engine || ops.captureWouldDisturb(engine)) return;
    // A tap seen twice means a new page call began: number calls, and decide once per call whether to sample it.
    if (sub.seen.size === 0 || sub.seen.has(i)) {
      if (sub.seen.size > 0) sub.call++;
      sub.seen.clear();
      sub.sampling = sub.budget.sampleCall();
    }
    sub.seen.add(i);
    const tap = sub.taps[i];
    if (sub.sampling && tap && !tap.dead) this.capture(sub, tap, engine, t);
  }

  private rememberLayerInput(sub: Subscription, input: unknown): void {
    if (sub.closed || hookBusy() || !rememberNow(sub)) return;
    const t = firstTensor(input);
    const engine = this.host.engine();
    if (!t || !engine || ops.captureWouldDisturb(engine)) return;
    const kept = keptClone(engine, t);
    if (!kept) return;
    forgetInput(sub);
    sub.lastInput = { kind: 'layers', tensor: kept };
  }

  private tapGraph(sub: Subscription, model: object): boolean {
    const executor = read(model, 'executor');
    const nodes = read(read(executor, 'graph'), 'nodes');
    if (!executor || typeof executor !== 'object' || !nodes) return false;
    for (const tap of sub.taps) if (!pageGlobals.hasOwn.call(nodes, tap.nodeId)) tap.dead = true;
    if (sub.taps.every((t) => t.dead)) return false;
    const undo = hookExecutor(executor, {
      begin: (inputs) => this.beginGraphCall(sub, inputs),
      deliver: (values) => {
        const engine = this.host.engine();
        if (!engine || sub.closed) return;
        for (const tap of sub.taps) {
          const t = values.get(tap.nodeId);
          if (t && !tap.dead) this.capture(sub, tap, engine, t);
        }
      },
      rejected: (names) => {
        for (const tap of sub.taps) if (names.includes(tap.nodeId)) tap.dead = true;
        if (sub.taps.every((t) => t.dead)) this.end(sub, 'the model cannot output the watched nodes');
      },
    });
    if (!undo) return false;
    sub.undo.push(undo);
    return true;
  }

  private beginGraphCall(sub: Subscription, inputs: unknown): string[] {
    const engine = this.host.engine();
    if (sub.closed || !engine || ops.captureWouldDisturb(engine)) return [];
    this.rememberGraphInputs(sub, engine, inputs);
    sub.call++;
    if (!sub.budget.sampleCall()) return [];
    return sub.taps.filter((t) => !t.dead).map((t) => t.nodeId);
  }

  private rememberGraphInputs(sub: Subscription, engine: object, inputs: unknown): void {
    if (!inputs || typeof inputs !== 'object' || pageGlobals.isArray(inputs) || !rememberNow(sub)) return;
    const map: Record<string, ops.Tensor> = Object.create(null);
    let any = false;
    for (const k of Object.keys(inputs).slice(0, 64)) {
      const t = read(inputs, k);
      const kept = ops.isTensor(t) ? keptClone(engine, t) : null;
      if (kept) {
        map[k] = kept;
        any = true;
      }
    }
    if (!any) return;
    forgetInput(sub);
    sub.lastInput = { kind: 'graph', map };
  }

  private capture(sub: Subscription, tap: Tap, engine: object, t: ops.Tensor): void {
    captureFrame(
      engine,
      t,
      {
        subscriptionId: sub.id,
        modelId: sub.modelId,
        nodeId: tap.nodeId,
        reduction: tap.reduction,
        budget: sub.budget,
        alive: () => !sub.closed,
        send: (frame, transfer) => this.host.sendFrame(frame, transfer, sub.channel),
        failed: () => {
          if (++tap.failures < MAX_FAILURES) return;
          tap.dead = true;
          if (sub.taps.every((x) => x.dead)) this.end(sub, 'reading the watched nodes failed');
        },
      },
      sub.call,
    );
  }
}

function rememberNow(sub: Subscription): boolean {
  const now = pageGlobals.now();
  if (now - sub.rememberedAt < REMEMBER_EVERY_MS) return false;
  sub.rememberedAt = now;
  return true;
}

function keyOf(channel: string, subscriptionId: string): string {
  return `${channel}\n${subscriptionId}`;
}

function firstTensor(v: unknown): ops.Tensor | null {
  if (ops.isTensor(v)) return v;
  if (pageGlobals.isArray(v))
    for (let i = 0; i < v.length && i < 16; i++) if (ops.isTensor(v[i])) return v[i];
  return null;
}

function keptClone(engine: object, t: ops.Tensor): ops.Tensor | null {
  return safely(
    () =>
      asHook(() =>
        ops.keep(
          engine,
          ops.tidy(engine, () => ops.clone(t)),
        ),
      ),
    null,
  );
}

function forgetInput(sub: Subscription): void {
  const last = sub.lastInput;
  sub.lastInput = null;
  if (!last) return;
  if (last.kind === 'layers') ops.dispose(last.tensor);
  else for (const k of Object.keys(last.map)) ops.dispose(last.map[k]);
}
