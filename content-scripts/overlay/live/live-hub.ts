// Fills live values in pack prose and equation tooltips (`{{cnn.probs.max | .1%}}`): graph facts at once, weight
// statistics read once, and node outputs through one tap subscription per model that covers exactly the values on
// screen in a visible tab, within the reader's data budget. Nothing on screen, nothing subscribed.

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph } from '../../../model/model-graph';
import type { TapFrame, WeightValues } from '../../../protocol/bridge';
import type { ContentApi, TapBudget } from '../../relay/content-api';
import { formatLiveValue, type LiveValueRef } from '../../../annotations/format/live-values';
import { tapFor } from '../views/view-kind';
import { liveNeed, statOf, type LiveNeed, type LiveValue } from './live-stat';
import { floatValues } from '../../../model/tensor-values';
import { browserGateEnvironment, type GateEnvironment } from '../views/live-gate';

export interface LiveModel {
  graph: ModelGraph;
  labels: readonly string[] | null;
}

/** What is on screen in a visible tab (the same observers as the views' live gate), and the paint timing. */
export interface LiveEnvironment extends GateEnvironment {
  /** Runs `fn` before the next paint (requestAnimationFrame in browsers). */
  frame(fn: () => void): void;
}

export interface LiveHubDeps {
  api: Pick<ContentApi, 'subscribe' | 'readWeights'>;
  /** The model an alias is bound to (undefined when unbound). */
  model(alias: string): LiveModel | undefined;
  budget(): TapBudget;
  env?: LiveEnvironment;
}

interface Entry {
  el: Element;
  ref: LiveValueRef;
  need: LiveNeed;
  model: LiveModel | undefined;
  visible: boolean;
  stopObserving: () => void;
  onValue?: (text: string) => void;
}

interface Latest {
  values: Float32Array;
  shape: number[];
}

export const browserLiveEnvironment: LiveEnvironment = {
  ...browserGateEnvironment,
  frame: (fn) => void requestAnimationFrame(fn),
};

const key = (graphId: string, nodeId: string) => `${graphId}\u0000${nodeId}`;

export class LiveHub {
  private readonly entries = new Map<Element, Entry>();
  private readonly latest = new Map<string, Latest>();
  private readonly weights = new Map<string, Promise<WeightValues[]>>();
  private readonly subs = new Map<string, { nodes: string; stop: AbortController }>();
  private readonly env: LiveEnvironment;
  private readonly stop = new AbortController();
  private reconcileQueued = false;
  private paintQueued = false;

  constructor(private readonly deps: LiveHubDeps) {
    this.env = deps.env ?? browserLiveEnvironment;
    const stopVisibility = this.env.observePageVisibility(() => this.queueReconcile());
    this.stop.signal.addEventListener('abort', stopVisibility, { once: true });
  }

  /** Starts keeping `el`'s text at the value of `ref`; returns the function that stops it. */
  bind(el: Element, ref: LiveValueRef, onValue?: (text: string) => void): () => void {
    this.unbind(el);
    const model = this.deps.model(ref.alias);
    const need: LiveNeed = model
      ? liveNeed(ref, model.graph)
      : { kind: 'error', reason: t('resolveNotOnPage', ref.alias) };
    const entry: Entry = { el, ref, need, model, visible: false, stopObserving: () => undefined, onValue };
    this.entries.set(el, entry);
    if (need.kind === 'static') this.write(entry, need.value);
    else if (need.kind === 'error') this.fail(entry, need.reason);
    else if (need.kind === 'weights') this.readWeights(entry, need);
    else {
      el.setAttribute('data-lt-live', 'waiting');
      el.setAttribute('title', t('liveWaitingTitle'));
      entry.stopObserving = this.env.observeIntersection(el, (visible) => {
        entry.visible = visible;
        this.queueReconcile();
      });
    }
    return () => this.unbind(el);
  }

  unbind(el: Element): void {
    const entry = this.entries.get(el);
    if (!entry) return;
    entry.stopObserving();
    this.entries.delete(el);
    if (entry.need.kind === 'tap') this.queueReconcile();
  }

  /** Subscriptions live now, by graph id → node ids (for tests and diagnostics). */
  subscriptions(): Record<string, string[]> {
    return Object.fromEntries([...this.subs].map(([g, s]) => [g, s.nodes.split('\u0000')]));
  }

  dispose(): void {
    for (const entry of this.entries.values()) entry.stopObserving();
    this.entries.clear();
    for (const sub of this.subs.values()) sub.stop.abort();
    this.subs.clear();
    this.stop.abort();
  }

  private queueReconcile(): void {
    if (this.reconcileQueued || this.stop.signal.aborted) return;
    this.reconcileQueued = true;
    queueMicrotask(() => {
      this.reconcileQueued = false;
      this.reconcile();
    });
  }

  /** Makes each model's subscription cover exactly the tapped nodes on screen (none while the tab is hidden). */
  private reconcile(): void {
    if (this.stop.signal.aborted) return;
    const wanted = new Map<string, { graph: ModelGraph; nodes: Set<string> }>();
    if (this.env.pageVisible()) {
      for (const entry of this.entries.values()) {
        if (entry.need.kind !== 'tap' || !entry.visible || !entry.model) continue;
        const graph = entry.model.graph;
        const slot = wanted.get(graph.id) ?? { graph, nodes: new Set<string>() };
        slot.nodes.add(entry.need.nodeId);
        wanted.set(graph.id, slot);
      }
    }
    for (const [graphId, sub] of this.subs) {
      const nodes = wanted.get(graphId);
      if (!nodes || [...nodes.nodes].sort().join('\u0000') !== sub.nodes) {
        sub.stop.abort();
        this.subs.delete(graphId);
      }
    }
    for (const [graphId, { graph, nodes }] of wanted) {
      if (this.subs.has(graphId)) continue;
      const ids = [...nodes].sort();
      const taps = ids.flatMap((id) => {
        const node = graph.nodes.find((n) => n.id === id);
        const tap = node ? tapFor(node, graph) : null;
        return tap ? [tap] : [];
      });
      if (taps.length === 0) continue;
      const stop = new AbortController();
      this.subs.set(graphId, { nodes: ids.join('\u0000'), stop });
      this.deps.api.subscribe(
        graphId,
        taps,
        this.deps.budget(),
        (frame: TapFrame) => {
          if (stop.signal.aborted) return;
          this.latest.set(key(graphId, frame.nodeId), { values: floatValues(frame), shape: frame.shape });
          this.queuePaint();
        },
        stop.signal,
      );
    }
  }

  private queuePaint(): void {
    if (this.paintQueued) return;
    this.paintQueued = true;
    this.env.frame(() => {
      this.paintQueued = false;
      for (const entry of this.entries.values()) {
        if (entry.need.kind !== 'tap' || !entry.visible || !entry.model) continue;
        const latest = this.latest.get(key(entry.model.graph.id, entry.need.nodeId));
        if (latest)
          this.write(entry, statOf(entry.ref.stat, latest.values, latest.shape, entry.model.labels));
      }
    });
  }

  private readWeights(entry: Entry, need: Extract<LiveNeed, { kind: 'weights' }>): void {
    const graph = entry.model!.graph;
    const k = key(graph.id, need.nodeId);
    let read = this.weights.get(k);
    if (!read) {
      read = this.deps.api.readWeights(graph.id, need.nodeId, 65_536);
      this.weights.set(k, read);
    }
    entry.el.setAttribute('data-lt-live', 'waiting');
    read.then(
      (all) => {
        if (this.entries.get(entry.el) !== entry) return;
        const weight = all.find((w) => w.name === need.weightName) ?? all[0];
        if (!weight) return this.fail(entry, t('liveNoWeights'));
        const s = weight.stats;
        const exact: Partial<Record<string, number>> = { min: s.min, max: s.max, mean: s.mean, std: s.std };
        const value =
          exact[entry.ref.stat] ?? statOf(entry.ref.stat, floatValues(weight), weight.shape, null);
        this.write(entry, value);
      },
      () => this.entries.get(entry.el) === entry && this.fail(entry, t('liveNoWeights')),
    );
  }

  private write(entry: Entry, value: LiveValue): void {
    const text = formatLiveValue(value, entry.ref.format);
    if (entry.el.textContent !== text) entry.el.textContent = text;
    entry.el.setAttribute('data-lt-live', 'ready');
    entry.el.removeAttribute('title');
    entry.onValue?.(text);
  }

  private fail(entry: Entry, reason: string): void {
    entry.el.textContent = '—';
    entry.el.setAttribute('data-lt-live', 'error');
    entry.el.setAttribute('title', t('liveNotAvailable', reason));
    entry.onValue?.('—');
  }
}
