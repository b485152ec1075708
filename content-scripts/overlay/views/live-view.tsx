// A node's live values from the page's own predictions: feature maps, bars or top-k probabilities, at most 10 times
// a second, and only while the view is on screen in a visible tab (the subscription is aborted otherwise).

import { formatNumber, t, tn } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DataLayout, ModelGraph, ModelNode } from '../../../model/model-graph';
import { nodeLayout } from '../../../model/data-layout';
import type { TapFrame } from '../../../protocol/bridge';
import type { ContentApi, TapBudget } from '../../relay/content-api';
import { Axes } from './axes';
import { drawBars, putPixels } from './canvas';
import { ColorBar } from './color-bar';
import type { Scale } from './colormap';
import { Enlargeable } from './enlarge';
import { Readable, type ValueReader } from './readable';
import { asMaps, gridLayout, paintGrid, rangeScale, tileScale, type Maps } from './feature-grid';
import {
  describeGridCell,
  gridCellAt,
  gridCellBox,
  gridValue,
  indexAt,
  indexBox,
  moveGridCell,
  moveIndex,
  tileOrigins,
  type GridCell,
} from './readout';
import { mapsText, vectorText } from './text-alt';
import { indexTicks, niceTicks } from './ticks';
import { gateLive } from './live-gate';
import { formatValue, summarize, type Stats } from './stats';
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
  /** Where the channel axis of rank-4 values is (ONNX models: right after the batch). */
  layout: DataLayout;
}

type Status = 'waiting' | 'live' | 'paused' | 'ended';

function decode(frame: TapFrame, node: ModelNode, updates: number, layout: DataLayout): Shown {
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
    layout,
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
  const layout = nodeLayout(graph, node);
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
      if (pending && !stop.signal.aborted) setShown(decode(pending, node, ++updates, layout));
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
  }, [api, graph.id, tap?.nodeId, tap?.reduction, layout]);

  if (!tap) return <WeightsView api={api} graph={graph} node={node} captions={weightCaptions} />;
  return (
    <>
      <section class="live" ref={box} aria-labelledby="lt-live-title" data-status={status}>
        <header class="live-head">
          <h4 id="lt-live-title">{t('liveTitle')}</h4>
          <span class="live-status" data-status={status}>
            <span class="dot" aria-hidden="true" />
            {status === 'live'
              ? shown
                ? tn('liveUpdates', shown.updates)
                : t('liveWaiting')
              : status === 'paused'
                ? t('livePaused')
                : status === 'ended'
                  ? t('liveStopped')
                  : t('liveWaiting')}
          </span>
        </header>
        {shown ? (
          <LiveBody shown={shown} node={node} labels={labels ?? null} k={k ?? 5} />
        ) : (
          <p class="muted live-empty">
            {status === 'ended'
              ? t('liveUnavailable', ended ?? t('liveStoppedByPage'))
              : t('liveWaitingLong')}
          </p>
        )}
        {shown && status === 'ended' && ended && <p class="muted">{t('liveStoppedReason', ended)}</p>}
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
  const maps = useMemo(() => asMaps(shown.shape, shown.values, shown.layout), [shown]);
  const scale = useMemo(() => (maps ? rangeScale(maps.values) : null), [maps]);
  if (!maps || !scale) return <BarsView shown={shown} />;
  const tiles = Math.min(maps.channels, 64);
  const what =
    maps.channels === 1
      ? t('mapsHeat', node.id, maps.height, maps.width)
      : t('mapsFeature', tiles, maps.channels, node.id, maps.height, maps.width);
  const alt = mapsText(node.id, shown.sourceShape, maps, tiles, shown.stats);
  return (
    <figure class="maps">
      <Enlargeable title={what}>
        {(large) => <MapsPicture maps={maps} scale={scale} large={large} alt={alt} name={what} />}
      </Enlargeable>
      <figcaption class="muted">
        {what}
        {shown.reduced && t('mapsThinned', shown.sourceShape.join(' × '))}
        {maps.channels > 1 && t('mapsTiles')}
      </figcaption>
      <StatsLine stats={shown.stats} />
    </figure>
  );
}

function MapsPicture({
  maps,
  scale,
  large,
  alt,
  name,
}: {
  maps: Maps;
  scale: Scale;
  large: boolean;
  alt: string;
  name: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(
    () => gridLayout(maps, large ? 960 : 360, tileScale(maps.width) * (large ? 2 : 1)),
    [maps.width, maps.height, maps.channels, large],
  );
  useEffect(() => {
    if (!canvas.current) return;
    putPixels(canvas.current, layout.width, layout.height, paintGrid(maps, layout, scale));
    // Whole-pixel enlargement to the width available, so every value stays a crisp square.
    // Enlarged, the dialog is not open yet when this runs: its width is the one its style gives it.
    const room = large
      ? Math.min(960, window.innerWidth * 0.94) - 48
      : (canvas.current.closest('.readable')?.parentElement?.clientWidth ?? 320);
    const factor = Math.max(1, Math.min(large ? 24 : 8, Math.floor((room - 2) / layout.width)));
    canvas.current.style.width = `${layout.width * factor + 2}px`;
  }, [maps, layout, scale]);
  const reader = useMemo(
    (): ValueReader<GridCell> => ({
      at: (fx, fy) => gridCellAt(maps, layout, fx, fy),
      move: (cell, key) => moveGridCell(cell, key, maps, layout),
      first: () => ({ channel: 0, row: 0, col: 0 }),
      read: (cell) => describeGridCell(cell, gridValue(maps, cell), maps),
      box: (cell) => gridCellBox(maps, layout, cell),
      valid: (cell) => cell.channel < layout.tiles && cell.row < maps.height && cell.col < maps.width,
    }),
    [maps, layout],
  );
  return (
    <>
      <Readable reader={reader} name={name} inset={1}>
        <canvas ref={canvas} class="pixelated" role="img" aria-label={alt} />
        {maps.channels > 1 &&
          tileOrigins(maps, layout).map((t) => (
            <span
              key={t.channel}
              class="tile-label num"
              aria-hidden="true"
              style={{
                left: `calc(1px + (100% - 2px) * ${t.left})`,
                top: `calc(1px + (100% - 2px) * ${t.top})`,
              }}
            >
              {t.channel}
            </span>
          ))}
      </Readable>
      <ColorBar scale={scale} />
    </>
  );
}

function BarsView({ shown }: { shown: Shown }) {
  const n = shown.values.length;
  const what = n > 256 ? t('barsFirst', n) : t('barsUnits', n);
  const alt = vectorText(t('activations'), shown.sourceShape, shown.values, shown.stats);
  return (
    <figure class="vector">
      <Enlargeable title={t('activationsOf', what)}>
        {(large) => <BarsPicture values={shown.values} large={large} alt={alt} />}
      </Enlargeable>
      <figcaption class="muted">
        {what}
        {shown.reduced && t('barsThinned')}
      </figcaption>
      <StatsLine stats={shown.stats} />
    </figure>
  );
}

function BarsPicture({ values, large, alt }: { values: Float32Array; large: boolean; alt: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = large ? 280 : 72;
  useEffect(() => {
    if (canvas.current) drawBars(canvas.current, values, height);
  }, [values, height]);
  const count = Math.min(values.length, 256);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const reader = useMemo(
    (): ValueReader<number> => ({
      at: (fx) => indexAt(count, fx),
      move: (i, key) => moveIndex(i, key, count),
      first: () => 0,
      read: (i) => t('unitRead', i, formatValue(values[i] ?? Number.NaN)),
      box: (i) => indexBox(count, i),
      valid: (i) => i < count,
    }),
    [values, count],
  );
  return (
    <>
      <Readable
        reader={reader}
        name={t('activations')}
        class="wide"
        frame={(picture) => (
          <Axes
            y={niceTicks(lo, hi, large ? 6 : 3)
              .filter(() => hi > lo)
              .map((t) => ({ ...t, at: (t.value - lo) / (hi - lo) }))}
            yTitle={t('axisValue')}
            x={indexTicks(count)}
            xTitle={t('axisUnit')}
          >
            {picture}
          </Axes>
        )}
      >
        <canvas ref={canvas} class="bars" role="img" aria-label={alt} style={{ height: `${height}px` }} />
      </Readable>
      <BarsLegend />
    </>
  );
}

function BarsLegend() {
  return (
    <p class="bars-legend muted">
      <span class="swatch" data-sign="positive" aria-hidden="true" /> {t('barsAbove')}{' '}
      <span class="swatch" data-sign="negative" aria-hidden="true" /> {t('barsBelow')}
    </p>
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
      <ol class="topk" aria-label={t('runTopClasses')}>
        {/* Keyed by rank, not class: rows stay in place while classes change places from one run to the next. */}
        {top.map((r, rank) => (
          <li key={rank}>
            <span class="topk-label" dir="auto">
              {labelOf(r.index, labels)}
            </span>
            <span class="topk-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(1, r.value)) * 100}%` }} />
            </span>
            <span class="num topk-value">
              {formatNumber(r.value, {
                style: 'percent',
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              })}
            </span>
          </li>
        ))}
      </ol>
      <figcaption class="muted">{t('topkCaption', top.length, shown.values.length)}</figcaption>
    </figure>
  );
}
