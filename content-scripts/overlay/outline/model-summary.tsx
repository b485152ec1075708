// The totals of one model: kind, parameters, weight memory, nodes, backend and tf.js version, inputs and outputs.

import type { ModelGraph, TensorRef } from '../../bridge/model-graph';
import { formatBytes, formatCount } from '../../../extension/ui/format';
import { formatShape } from './outline-rows';

function tensors(refs: TensorRef[]): string {
  if (refs.length === 0) return '—';
  return refs
    .map((t) => `${formatShape(t.shape)}${t.dtype && t.dtype !== 'float32' ? ` ${t.dtype}` : ''}`)
    .join(', ');
}

export function ModelSummary({ graph }: { graph: ModelGraph }) {
  const { totals } = graph;
  const frozen = totals.params - totals.trainableParams;
  const version =
    graph.tfjsVersion ?? (graph.tfjsVersionClass !== 'unknown' ? graph.tfjsVersionClass : 'unknown');
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
          <dt>{graph.kind === 'layers' ? 'Layers' : 'Graph nodes'}</dt>
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
        <span>
          In <span class="mono">{tensors(graph.inputs)}</span>
        </span>
        <span aria-hidden="true"> → </span>
        <span>
          out <span class="mono">{tensors(graph.outputs)}</span>
        </span>
        {frozen > 0 && <span> · {formatCount(frozen)} frozen parameters</span>}
        <span class="sr-only">
          {' '}
          · {totals.nodes} {nodeWord}
        </span>
      </p>
    </section>
  );
}
