// A node's live values from the page's own predictions: feature maps, bars or top-k probabilities, at most 10 times
// a second, and only while the view is on screen in a visible tab (the subscription is aborted otherwise).

import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import type { TapFrame } from '../../../protocol/bridge';
import type { ContentApi, TapBudget } from '../../relay/content-api';
import { drawBars, putPixels } from './canvas';
import { asMaps, gridLayout, paintGrid, tileScale } from './feature-grid';
import { gateLive } from './live-gate';
import { summarize, type Stats } from './stats';
import { StatsLine } from './stats-line';
import { firstExample, topK } from './vector';
import { kindOf, labelOf, tapFor, type ViewKind } from './view-kind';
import { WeightsView } from './weights-view';
import { useLinkedMark } from '../pack/pack-context';
import { BudgetContext } from '../state/budget';
import { floatValues } from '../../../model/tensor-values';

interface Shown {
  kind: ViewKind;
  shape: number[];
  sourceShape: number[];
  values: Float32Array;
  stats: Stats;
  call: number;
  /** Frames shown since the view opened. */
  updates: number;
  reduced: boolean;
}

type Status = 'waiting' | 'live' | 'paused' | 'ended';

function decode(frame: TapFrame, node: ModelNode, updates: number): Shown {
  const raw = floatValues(frame);
  const kind = kindOf(frame.shape, node);
  const values = kind === 'maps' ? raw : firstExample(frame.shape, raw);
  return {
    kind,
    shape: frame.shape,
    sourceShape: frame.sourceShape,
    values,
    stats: summarize(values),
    call: frame.call,
    updates,
    reduced: frame.shape.join('x') !== frame.sourceShape.join('x'),
  };
}

export interface LiveViewProps {
  api: ContentApi;
  graph: ModelGraph;
  node: ModelNode;
  /** The tap budget; the reader's (BudgetContext) when not given. */
  budget?: TapBudget;
  /** Class names for top-k views (a pack's labels), else 'class N'. */
  labels?: readonly string[] | null;
  /** How many classes a top-k view lists (default 5). */
  k?: number;
  /** What a pack says about these live values, shown under them. */
  captions?: ComponentChildren;
  /** What a pack says about the node's weights. */
  weightCaptions?: ComponentChildren;
}

export function LiveView({ api, graph, node, budget, labels, k, captions, weightCaptions }: LiveViewProps) {
  const tap = useMemo(() => tapFor(node, graph), [graph, node]);
  const box = useRef<HTMLElement>(null);
  useLinkedMark(box, graph.id, node.id, 'output');
  const fromSettings = useContext(BudgetContext);
  const budgetRef = useRef(budget ?? fromSettings);
  budgetRef.current = budget ?? fromSettings;
  const [shown, setShown] = useState<Shown | null>(null);
  const [status, setStatus] = useState<Status>('waiting');
  const [ended, setEnded] = useState<string | null>(null);

  useEffect(() => {
    setShown(null);
    setEnded(null);
    if (!tap || !box.current) return;
    const stop = new AbortController();
    let pending: TapFrame | null = null;
    let updates = 0;
    let frame = 0;
    const flush = () => {
      frame = 0;
      if (pending && !stop.signal.aborted) setShown(decode(pending, node, ++updates));
      pending = null;
    };
    gateLive(
      box.current,
      (signal) => {
        api.subscribe(
          graph.id,
          [tap],
          budgetRef.current,
          (f) => {
            if (f.nodeId !== tap.nodeId) return;
            pending = f;
            frame ||= requestAnimationFrame(flush);
          },
          signal,
          (reason) => {
            setEnded(reason);
            setStatus('ended');
          },
        );
      },
      stop.signal,
      undefined,
      (running) => setStatus((s) => (s === 'ended' ? s : running ? 'live' : 'paused')),
    );
    return () => {
      stop.abort();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [api, graph.id, tap?.nodeId, tap?.reduction]);

  if (!tap) return <WeightsView api={api} graph={graph} node={node} captions={weightCaptions} />;
  return (
    <>
      <section class="live" ref={box} aria-labelledby="lt-live-title" data-status={status}>
        <header class="live-head">
          <h4 id="lt-live-title">Live values</h4>
          <span class="live-status" data-status={status}>
            <span class="dot" aria-hidden="true" />
            {status === 'live'
              ? shown
                ? `${shown.updates} ${shown.updates === 1 ? 'update' : 'updates'}`
                : 'waiting'
              : status === 'paused'
                ? 'paused'
                : status === 'ended'
                  ? 'stopped'
                  : 'waiting'}
          </span>
        </header>
        {shown ? (
          <LiveBody shown={shown} node={node} labels={labels ?? null} k={k ?? 5} />
        ) : (
          <p class="muted live-empty">
            {status === 'ended'
              ? `Live values are not available here: ${ended ?? 'the page stopped them'}.`
              : 'Waiting for the page to run the model… Values appear here each time it predicts.'}
          </p>
        )}
        {shown && status === 'ended' && ended && <p class="muted">Stopped: {ended}.</p>}
        {captions}
      </section>
      {(node.weights.length > 0 ||
        node.inputs.some((id) => graph.nodes.find((n) => n.id === id)?.category === 'const')) && (
        <WeightsView api={api} graph={graph} node={node} captions={weightCaptions} />
      )}
    </>
  );
}

function LiveBody({
  shown,
  node,
  labels,
  k,
}: {
  shown: Shown;
  node: ModelNode;
  labels: readonly string[] | null;
  k: number;
}) {
  if (shown.kind === 'maps') return <MapsView shown={shown} node={node} />;
  if (shown.kind === 'probabilities') return <ProbabilitiesView shown={shown} labels={labels} k={k} />;
  return <BarsView shown={shown} />;
}

function MapsView({ shown, node }: { shown: Shown; node: ModelNode }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const maps = useMemo(() => asMaps(shown.shape, shown.values), [shown]);
  const layout = useMemo(() => (maps ? gridLayout(maps, 360, tileScale(maps.width)) : null), [maps]);
  useEffect(() => {
    if (!maps || !layout || !canvas.current) return;
    putPixels(canvas.current, layout.width, layout.height, paintGrid(maps, layout));
    // Whole-pixel enlargement to the width available, so every value stays a crisp square.
    const room = canvas.current.parentElement?.clientWidth ?? 320;
    canvas.current.style.width = `${layout.width * Math.max(1, Math.min(8, Math.floor(room / layout.width)))}px`;
  }, [maps, layout]);
  if (!maps || !layout) return <BarsView shown={shown} />;
  const label = `${maps.channels === 1 ? 'Heat map' : `${layout.tiles} of ${maps.channels} feature maps`} of ${node.id}, ${maps.height} × ${maps.width}`;
  return (
    <figure class="maps">
      <canvas ref={canvas} class="pixelated" role="img" aria-label={label} style={{ maxWidth: '100%' }} />
      <figcaption class="muted">
        {label}
        {shown.reduced && ` (thinned from ${shown.sourceShape.join(' × ')})`}
      </figcaption>
      <StatsLine stats={shown.stats} />
    </figure>
  );
}

function BarsView({ shown }: { shown: Shown }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawBars(canvas.current, shown.values, 72);
  }, [shown]);
  const n = shown.values.length;
  return (
    <figure class="vector">
      <canvas ref={canvas} class="bars" role="img" aria-label={`Activations of ${n} units`} />
      <figcaption class="muted">
        {n > 256 ? `First 256 of ${n} units` : `${n} units`}
        {shown.reduced && ' (thinned)'}
      </figcaption>
      <StatsLine stats={shown.stats} />
    </figure>
  );
}

function ProbabilitiesView({
  shown,
  labels,
  k,
}: {
  shown: Shown;
  labels: readonly string[] | null;
  k: number;
}) {
  const top = topK(shown.values, Math.min(Math.max(1, k), shown.values.length));
  return (
    <figure class="probs">
      <ol class="topk" aria-label="Most likely classes">
        {/* Keyed by rank, not class: rows stay in place while classes change places from one run to the next. */}
        {top.map((r, rank) => (
          <li key={rank}>
            <span class="topk-label">{labelOf(r.index, labels)}</span>
            <span class="topk-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(1, r.value)) * 100}%` }} />
            </span>
            <span class="num topk-value">{(r.value * 100).toFixed(1)}%</span>
          </li>
        ))}
      </ol>
      <figcaption class="muted">
        Top {top.length} of {shown.values.length} classes
      </figcaption>
    </figure>
  );
}
