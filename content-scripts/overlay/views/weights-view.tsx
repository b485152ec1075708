// A node's weights, read once from the page on demand: a histogram of each weight's values with its statistics, and
// for a first convolution layer its filters as images. Hidden when the hook cannot read weights.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { drawBars, putPixels } from './canvas';
import { paintFilters } from './filters';
import { histogram, summarize } from './stats';
import { StatsLine } from './stats-line';
import { useLinkedMark } from '../pack/pack-context';
import { floatValues } from '../../../model/tensor-values';
import type { WeightValues } from '../../../protocol/bridge';

type WeightReader = {
  readWeights?(modelId: string, nodeId: string, maxValues?: number): Promise<WeightValues[]>;
};

const MAX_VALUES = 65_536;

type Load = { status: 'loading' } | { status: 'ready'; weights: WeightValues[] } | { status: 'none' };

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
      () => current && setLoad({ status: 'none' }),
    );
    return () => {
      current = false;
    };
  }, [api, graph.id, node.id]);

  if (load.status !== 'ready') return null;
  return (
    <section ref={section} class="block weights-view" aria-labelledby="lt-weight-values">
      <h4 id="lt-weight-values">Weight values</h4>
      {load.weights.map((w) => (
        <WeightBlock key={w.name} weight={w} />
      ))}
      {captions}
    </section>
  );
}

function WeightBlock({ weight }: { weight: WeightValues }) {
  const hist = useRef<HTMLCanvasElement>(null);
  const filters = useRef<HTMLCanvasElement>(null);
  const values = floatValues(weight);
  const image = paintFilters(weight.shape, values);
  const partial = weight.shape.join('x') !== weight.sourceShape.join('x');
  const sparsity = summarize(values).sparsity;
  useEffect(() => {
    if (hist.current) drawBars(hist.current, histogram(values, 48).counts, 48);
    if (filters.current && image) putPixels(filters.current, image.width, image.height, image.pixels);
  }, [weight]);
  const role = weight.name.split('/').pop() ?? weight.name;
  return (
    <figure class="weight">
      <figcaption>
        <span class="mono">{role}</span> <span class="muted">{weight.sourceShape.join(' × ')}</span>
      </figcaption>
      {image && (
        <canvas
          ref={filters}
          class="pixelated filters"
          role="img"
          aria-label={`${image.tiles} filters as images, ${image.tileHeight} × ${image.tileWidth}`}
          style={{
            width: `${Math.min(360, image.width * Math.max(2, Math.floor(240 / Math.max(1, image.width))))}px`,
          }}
        />
      )}
      <canvas ref={hist} class="bars small" role="img" aria-label={`Histogram of ${role}`} />
      <StatsLine stats={{ ...weight.stats, sparsity }} std />
      {partial && (
        <p class="muted note">
          Histogram and zeros from the first {values.length.toLocaleString('en-US')} values.
        </p>
      )}
    </figure>
  );
}
