// Live thumbnails' one subscription: the nodes drawn on screen (at most MAX_THUMBS), tapped from the page's own
// calls within the reader's budget, only while the diagram is on screen in a visible tab. Closed, it holds nothing.

import type { ModelGraph } from '../../../model/model-graph';
import type { TapFrame, TapRequest } from '../../../protocol/bridge';
import type { ContentApi, TapBudget } from '../../relay/content-api';
import { gateLive, type GateEnvironment } from '../views/live-gate';
import { tapFor } from '../views/view-kind';

/** Nodes tapped at once (the bridge allows 64 a subscription; fewer keep each sampled call cheap). */
export const MAX_THUMBS = 16;
/** Thumbnails need no more than a few updates a second. */
export const THUMB_HZ = 4;

export interface ThumbFeedOptions {
  api: Pick<ContentApi, 'subscribe'>;
  graph: ModelGraph;
  budget(): TapBudget;
  onFrame(frame: TapFrame): void;
  /** The hook ended the subscription (the reason in words); a later change of the nodes on screen tries again. */
  onEnded?(reason: string): void;
  /** The element whose being on screen gates the subscription (the diagram's viewport). */
  gate: Element;
  env?: GateEnvironment;
}

export class ThumbFeed {
  private nodes: string[] = [];
  private readonly stop = new AbortController();
  private restart: (() => void) | null = null;
  private current: AbortController | null = null;
  private gateSignal: AbortSignal | null = null;

  constructor(private readonly options: ThumbFeedOptions) {
    gateLive(
      options.gate,
      (signal) => {
        this.gateSignal = signal;
        this.subscribe();
        signal.addEventListener('abort', () => (this.gateSignal = null));
      },
      this.stop.signal,
      options.env,
    );
  }

  /** The nodes on screen now, nearest the centre first; only the first MAX_THUMBS are tapped. */
  setVisible(nodeIds: readonly string[]): void {
    const next = nodeIds.slice(0, MAX_THUMBS);
    if (next.length === this.nodes.length && next.every((id, i) => id === this.nodes[i])) return;
    this.nodes = next;
    if (this.gateSignal) this.subscribe();
  }

  get watched(): readonly string[] {
    return this.nodes;
  }

  close(): void {
    this.current?.abort();
    this.stop.abort();
  }

  private subscribe(): void {
    this.current?.abort();
    this.current = null;
    const signal = this.gateSignal;
    if (!signal || signal.aborted) return;
    const byId = new Map(this.options.graph.nodes.map((n) => [n.id, n]));
    const taps = this.nodes
      .map((id) => byId.get(id))
      .map((node) => (node ? tapFor(node, this.options.graph) : null))
      .filter((t): t is TapRequest => t !== null);
    if (taps.length === 0) return;
    const current = new AbortController();
    this.current = current;
    signal.addEventListener('abort', () => current.abort(), { once: true });
    const budget = this.options.budget();
    this.options.api.subscribe(
      this.options.graph.id,
      taps,
      // The reader's bytes a second and no more than THUMB_HZ calls a second; one readback in flight per thumbnail
      // (a single one would let only the first node of each sampled call through). Over the byte budget, the nodes
      // nearest the centre of the view (first in the list) are served first.
      {
        ...budget,
        hz: Math.min(budget.hz, THUMB_HZ),
        maxInFlight: Math.max(budget.maxInFlight, taps.length),
      },
      (frame) => {
        if (!current.signal.aborted) this.options.onFrame(frame);
      },
      current.signal,
      (reason) => {
        if (!current.signal.aborted) this.options.onEnded?.(reason);
      },
    );
  }
}
