// The ContentApi the panel's views and diagram thumbnails are given: the real one, except that while a model is in
// "your input" mode its subscriptions are fed from the reader's probe runs (the same frames, the same reductions)
// instead of the page's own calls; back in page mode they subscribe to the page again. Views need no change (a
// channels-first model's values are reduced on its channel axis, as its taps do).

import { graphLayout } from '../../../model/data-layout';
import type { DataLayout, ModelGraph } from '../../../model/model-graph';
import type { TapRequest } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';
import { ExploreSession } from './explore-session';
import { frameFromProbe } from './probe-frames';

interface Virtual {
  id: string;
  modelId: string;
  taps: TapRequest[];
  args: Parameters<ContentApi['subscribe']>;
  /** The real subscription while the model follows the page. */
  real: AbortController | null;
}

export class ExploreFeed {
  private sessions = new Map<string, ExploreSession>();
  /** Each model's layout: the probe's values are reduced on the axis its own taps use. */
  private layouts = new Map<string, DataLayout>();
  private subs = new Set<Virtual>();
  private nextId = 1;
  /** The ContentApi to hand to views: everything passes through but `subscribe`. */
  readonly api: ContentApi;

  constructor(private readonly base: ContentApi) {
    this.api = Object.freeze({
      ...bindAll(base),
      subscribe: (...args: Parameters<ContentApi['subscribe']>) => this.subscribe(...args),
    }) as ContentApi;
  }

  /** The explore session of a model (one per model id, kept while the overlay lives). */
  session(
    graph: Pick<ModelGraph, 'id' | 'outputs' | 'inputs'> & Partial<Pick<ModelGraph, 'layout' | 'runtime'>>,
  ): ExploreSession {
    let s = this.sessions.get(graph.id);
    if (!s) {
      this.layouts.set(graph.id, graphLayout(graph));
      s = new ExploreSession(this.base, graph);
      const session = s;
      s.setExtraNodes(() =>
        [...this.subs].filter((v) => v.modelId === graph.id).flatMap((v) => v.taps.map((t) => t.nodeId)),
      );
      const stop = new AbortController();
      s.on((e) => {
        if (e.type === 'mode') this.switchModel(graph.id, e.mode);
        if (e.type === 'result') this.deliver(graph.id, session);
      }, stop.signal);
      this.sessions.set(graph.id, s);
    }
    return s;
  }

  /** The model's session if it has one. */
  existing(modelId: string): ExploreSession | null {
    return this.sessions.get(modelId) ?? null;
  }

  private subscribe(...args: Parameters<ContentApi['subscribe']>): void {
    const [modelId, taps, , , signal] = args;
    if (signal.aborted) return;
    const v: Virtual = { id: `x${this.nextId++}`, modelId, taps, args, real: null };
    this.subs.add(v);
    signal.addEventListener(
      'abort',
      () => {
        this.subs.delete(v);
        v.real?.abort();
      },
      { once: true },
    );
    const session = this.sessions.get(modelId);
    if (session?.mode === 'yours') {
      // A view opened on the reader's input: show what the last run read of it, or run again for its node. A last
      // run of an older input is not shown, and a run under way may have started without this view's node: ask again.
      const last = session.last?.input === session.input ? session.last : null;
      if (last) this.deliverOne(v, session);
      if (!last || !taps.every((t) => last.nodes.has(t.nodeId))) session.refresh();
    } else this.goReal(v);
  }

  private goReal(v: Virtual): void {
    if (v.real) return;
    const [modelId, taps, budget, onFrame, , onEnded] = v.args;
    v.real = new AbortController();
    this.base.subscribe(modelId, taps, budget, onFrame, v.real.signal, onEnded);
  }

  private switchModel(modelId: string, mode: 'page' | 'yours'): void {
    for (const v of this.subs) {
      if (v.modelId !== modelId) continue;
      if (mode === 'yours') {
        v.real?.abort();
        v.real = null;
      } else this.goReal(v);
    }
  }

  private deliver(modelId: string, session: ExploreSession): void {
    for (const v of this.subs) if (v.modelId === modelId) this.deliverOne(v, session);
  }

  private deliverOne(v: Virtual, session: ExploreSession): void {
    const result = session.last;
    if (!result) return;
    const onFrame = v.args[3];
    for (const tap of v.taps) {
      const value = result.nodes.get(tap.nodeId);
      if (!value) continue;
      try {
        onFrame(
          frameFromProbe(
            v.id,
            v.modelId,
            value,
            tap.reduction,
            result.run,
            Date.now(),
            this.layouts.get(v.modelId),
          ),
        );
      } catch {}
    }
  }
}

/** The API's methods bound to it, so a spread copy keeps working. */
function bindAll(api: ContentApi): ContentApi {
  const out: Record<string, unknown> = { version: api.version };
  for (const key of [
    'snapshot',
    'onChange',
    'onCommand',
    'describe',
    'subscribe',
    'probe',
    'gradient',
    'readWeights',
    'hold',
    'weightsDigest',
  ] as const) {
    // A method the API lacks stays absent (its callers already guard for older APIs).
    const method = api[key] as unknown;
    if (typeof method === 'function') out[key] = (method as (...a: unknown[]) => unknown).bind(api);
  }
  return out as unknown as ContentApi;
}
