// A node's weights, read once from the page on demand: a histogram of each weight's values with its statistics, and
// for a first convolution layer its filters as images. Hidden when the hook cannot read weights.

import { t } from '../../../extension/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { Axes } from './axes';
import { drawBars, putPixels } from './canvas';
import { Enlargeable } from './enlarge';
import { Readable, type ValueReader } from './readable';
import { paintFilters, type FilterImage } from './filters';
import { describeBin, indexAt, indexBox, moveIndex } from './readout';
import { formatValue, histogram, summarize, type Histogram, type Stats } from './stats';
import { histogramText, statsText } from './text-alt';
import { rangeTicks, withZero } from './ticks';
import { StatsLine } from './stats-line';
import { useLinkedMark } from '../pack/pack-context';
import { floatValues } from '../../../model/tensor-values';
import type { WeightValues } from '../../../protocol/bridge';
import { graphLayout } from '../../../model/data-layout';
import type { DataLayout } from '../../../model/model-graph';
import { WeightsNotShown } from '../../relay/onnx-weights';
import { kernelForPictures } from './kernel-layout';

type WeightReader = {
  readWeights?(modelId: string, nodeId: string, maxValues?: number): Promise<WeightValues[]>;
};

const MAX_VALUES = 65_536;

type Load =
  | { status: 'loading' }
  | { status: 'ready'; weights: WeightValues[] }
  | { status: 'none' }
  /** The weights exist but are not shown, and the reader is told why (ONNX external data). */
  | { status: 'note'; text: string };

export function WeightsView({
  api,
  graph,
  node,
  captions,
}: {
  api: ContentApi;
  graph: ModelGraph;
  node: ModelNode;
  /** What a pack says about these weights, shown under them. */
  captions?: ComponentChildren;
}) {
  const section = useRef<HTMLElement>(null);
  useLinkedMark(section, graph.id, node.id, 'weights');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    const reader = api as ContentApi & WeightReader;
    if (typeof reader.readWeights !== 'function') {
      setLoad({ status: 'none' });
      return;
    }
    let current = true;
    setLoad({ status: 'loading' });
    const read = async (): Promise<WeightValues[]> => {
      const own = await reader.readWeights!(graph.id, node.id, MAX_VALUES);
      if (own.length > 0 || node.category === 'const') return own;
      // Graph ops keep their weights in the Const nodes they read.
      const consts = node.inputs
        .filter((id) => graph.nodes.find((n) => n.id === id)?.category === 'const')
        .slice(0, 4);
      return (await Promise.all(consts.map((id) => reader.readWeights!(graph.id, id, MAX_VALUES)))).flat();
    };
    read().then(
      (weights) => current && setLoad(weights.length ? { status: 'ready', weights } : { status: 'none' }),
      (e: unknown) =>
        current &&
        setLoad(e instanceof WeightsNotShown ? { status: 'note', text: e.message } : { status: 'none' }),
    );
    return () => {
      current = false;
    };
  }, [api, graph.id, node.id]);

  if (load.status === 'note')
    return (
      <section ref={section} class="block weights-view" aria-labelledby="lt-weight-values">
        <h4 id="lt-weight-values">{t('weightValues')}</h4>
        <p class="muted note" role="note">
          {load.text}
        </p>
        {captions}
      </section>
    );
  if (load.status !== 'ready') return null;
  const layout = graphLayout(graph);
  return (
    <section ref={section} class="block weights-view" aria-labelledby="lt-weight-values">
      <h4 id="lt-weight-values">{t('weightValues')}</h4>
      {load.weights.map((w) => (
        <WeightBlock key={w.name} weight={w} layout={layout} />
      ))}
      {captions}
    </section>
  );
}

function WeightBlock({ weight, layout }: { weight: WeightValues; layout: DataLayout }) {
  const values = useMemo(() => floatValues(weight), [weight]);
  const stats = useMemo(() => summarize(values), [values]);
  const hist = useMemo(() => {
    const { lo, hi } = withZero(stats.min, stats.max);
    return histogram(values, 48, { lo, hi });
  }, [values, stats]);
  const image = useMemo(() => {
    // Filter pictures read [kh, kw, in, out]; a channels-first model (ONNX) keeps [out, in, kh, kw].
    const kernel = kernelForPictures(weight.shape, values, layout);
    return paintFilters(kernel.shape, kernel.values);
  }, [weight, values, layout]);
  const partial = weight.shape.join('x') !== weight.sourceShape.join('x');
  const role = weight.name.split('/').pop() ?? weight.name;
  const histAlt = histogramText(role, weight.sourceShape, hist, {
    ...stats,
    ...weight.stats,
    sparsity: stats.sparsity,
  });
  return (
    <figure class="weight">
      <figcaption>
        <span class="mono">{role}</span> <span class="muted">{weight.sourceShape.join(' × ')}</span>
      </figcaption>
      <Enlargeable title={t('weightsOf', role, weight.sourceShape.join(' × '))}>
        {(large) => (
          <>
            {image && <FiltersPicture image={image} large={large} stats={stats} />}
            <HistogramPicture hist={hist} large={large} alt={histAlt} name={t('histogramOf', role)} />
          </>
        )}
      </Enlargeable>
      <StatsLine stats={{ ...weight.stats, sparsity: stats.sparsity }} std />
      {partial && <p class="muted note">{t('weightsFirstValues', values.length)}</p>}
    </figure>
  );
}

function FiltersPicture({ image, large, stats }: { image: FilterImage; large: boolean; stats: Stats }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) putPixels(canvas.current, image.width, image.height, image.pixels);
  }, [image]);
  const cssWidth = large
    ? Math.min(900, image.width * Math.max(4, Math.floor(720 / Math.max(1, image.width))))
    : Math.min(360, image.width * Math.max(2, Math.floor(240 / Math.max(1, image.width))));
  return (
    <>
      <canvas
        ref={canvas}
        class="pixelated filters"
        role="img"
        aria-label={t('filtersLabel', image.tiles, image.tileHeight, image.tileWidth, statsText(stats))}
        style={{ width: `${cssWidth}px` }}
      />
      <p class="muted note">{t('filtersNote')}</p>
    </>
  );
}

function HistogramPicture({
  hist,
  large,
  alt,
  name,
}: {
  hist: Histogram;
  large: boolean;
  alt: string;
  name: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = large ? 240 : 48;
  const span = hist.hi - hist.lo;
  const zeroAt =
    hist.lo < 0 && hist.hi > 0 ? -hist.lo / span : hist.lo === 0 ? 0 : hist.hi === 0 ? 1 : undefined;
  useEffect(() => {
    if (canvas.current) drawBars(canvas.current, hist.counts, height, 256, zeroAt);
  }, [hist, height, zeroAt]);
  const most = Math.max(0, ...hist.counts);
  const reader = useMemo(
    (): ValueReader<number> => ({
      at: (fx) => indexAt(hist.counts.length, fx),
      move: (i, key) => moveIndex(i, key, hist.counts.length),
      first: () => 0,
      read: (i) => describeBin(hist, i),
      box: (i) => indexBox(hist.counts.length, i),
      valid: (i) => i < hist.counts.length,
    }),
    [hist],
  );
  const x = rangeTicks(hist.lo, hist.hi);
  if (zeroAt !== undefined && !x.some((t) => t.value === 0)) x.push({ value: 0, at: zeroAt, label: '0' });
  return (
    <>
      <Readable
        reader={reader}
        name={name}
        class="wide"
        frame={(picture) => (
          <Axes
            y={[
              { value: 0, at: 0, label: '0' },
              ...(most > 0 ? [{ value: most, at: 1, label: most.toLocaleString('en-US') }] : []),
            ]}
            yTitle={t('axisCount')}
            x={x}
            xTitle={t('axisWeightValue')}
          >
            {picture}
          </Axes>
        )}
      >
        <canvas
          ref={canvas}
          class="bars small"
          role="img"
          aria-label={alt}
          style={{ height: `${height}px` }}
        />
      </Readable>
      <p class="muted note">
        {zeroAt !== undefined ? t('histZeroLine') : t('histZeroOutside')}{' '}
        {t('histRange', formatValue(hist.lo), formatValue(hist.hi))}
      </p>
    </>
  );
}
