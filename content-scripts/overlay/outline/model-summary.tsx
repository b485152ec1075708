// The totals of one model: kind, parameters, weight memory, nodes, backend and tf.js version, inputs and outputs.

import { useEffect, useState } from 'preact/hooks';
import type { ModelGraph, TensorRef } from '../../../model/model-graph';
import { formatBytes, formatCount } from '../../../extension/ui/format';
import { formatShape } from './outline-rows';
import { bundledTfVersion } from './page-tf-version';

/** Shapes where known, else names: '28 × 28 × 1', 'image', '? × 10 int32'. */
function tensors(refs: TensorRef[]): string {
  return refs
    .map(
      (t) =>
        `${t.shape ? formatShape(t.shape) : t.name}${t.dtype && t.dtype !== 'float32' ? ` ${t.dtype}` : ''}`,
    )
    .join(', ');
}

export function ModelSummary({ graph }: { graph: ModelGraph }) {
  const { totals } = graph;
  // Graph models have no notion of trainable weights: only layers models can have frozen ones worth a mention.
  const frozen = graph.kind === 'layers' ? totals.params - totals.trainableParams : 0;
  // A bundled page has no global `tf` to ask: its version is read from its own scripts, once, when shown.
  const [bundled, setBundled] = useState<string | null>(null);
  useEffect(() => {
    if (graph.tfjsVersion) return;
    let current = true;
    void bundledTfVersion().then((v) => current && setBundled(v));
    return () => {
      current = false;
    };
  }, [graph.tfjsVersion]);
  const version =
    graph.tfjsVersion ??
    bundled ??
    (graph.tfjsVersionClass !== 'unknown' ? graph.tfjsVersionClass : 'unknown');
  const nodeWord = graph.kind === 'layers' ? 'layers' : 'ops';
  return (
    <section class="summary-card" aria-label="Model totals">
      <dl class="totals">
        <div>
          <dt>Parameters</dt>
          <dd class="num">{totals.params.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Weights</dt>
          <dd class="num" title="Memory the weights take as float32">
            {formatBytes(totals.weightBytes)}
          </dd>
        </div>
        <div>
          <dt>{graph.kind === 'layers' ? 'Layers' : 'Nodes'}</dt>
          <dd class="num">{formatCount(totals.nodes)}</dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd>{graph.backend ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>tf.js</dt>
          <dd>{version}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{graph.kind === 'layers' ? 'Layers' : 'Graph'}</dd>
        </div>
      </dl>
      <p class="io muted">
        {graph.inputs.length > 0 && (
          <span>
            In <span class="mono">{tensors(graph.inputs)}</span>
          </span>
        )}
        {graph.inputs.length > 0 && graph.outputs.length > 0 && <span aria-hidden="true"> → </span>}
        {graph.outputs.length > 0 && (
          <span>
            out <span class="mono">{tensors(graph.outputs)}</span>
          </span>
        )}
        {frozen > 0 && <span> · {formatCount(frozen)} frozen parameters</span>}
        <span class="sr-only">
          {' '}
          · {totals.nodes} {nodeWord}
        </span>
      </p>
    </section>
  );
}
