// The totals of one model: kind, parameters, weight memory, nodes, backend and runtime version, inputs and outputs.

import { formatNumber, t, tn } from '../../../extension/ui/i18n';
import type { ModelGraph, TensorRef } from '../../../model/model-graph';
import { formatBytes, formatCount } from '../../../extension/ui/format';
import { formatShape } from './outline-rows';

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
  // On a bundled page the relay has read the version from the page's own scripts into the graph.
  const version =
    graph.tfjsVersion ?? (graph.tfjsVersionClass !== 'unknown' ? graph.tfjsVersionClass : 'unknown');
  // The runtime boundary: an ONNX Runtime Web session names its runtime's version (its execution provider is the backend).
  const onnx = graph.runtime === 'onnx';
  return (
    <section class="summary-card" aria-label={t('summaryLabel')}>
      <dl class="totals">
        <div>
          <dt>{t('summaryParameters')}</dt>
          <dd class="num">{formatNumber(totals.params)}</dd>
        </div>
        <div>
          <dt>{t('summaryWeights')}</dt>
          <dd class="num" title={t('summaryWeightsTitle')}>
            {formatBytes(totals.weightBytes)}
          </dd>
        </div>
        <div>
          <dt>{graph.kind === 'layers' ? t('summaryLayers') : t('summaryNodes')}</dt>
          <dd class="num">{formatCount(totals.nodes)}</dd>
        </div>
        <div>
          <dt>{t('summaryBackend')}</dt>
          <dd>{graph.backend ?? t('summaryUnknown')}</dd>
        </div>
        {onnx ? (
          <div>
            <dt>ONNX Runtime Web</dt>
            <dd>{graph.runtimeVersion ?? t('summaryUnknown')}</dd>
          </div>
        ) : (
          <div>
            <dt>tf.js</dt>
            <dd>{version}</dd>
          </div>
        )}
        <div>
          <dt>{t('summaryKind')}</dt>
          <dd>{onnx ? 'ONNX' : graph.kind === 'layers' ? t('summaryKindLayers') : t('summaryKindGraph')}</dd>
        </div>
      </dl>
      <p class="io muted">
        {graph.inputs.length > 0 && (
          <span>
            {t('summaryIn')} <span class="mono">{tensors(graph.inputs)}</span>
          </span>
        )}
        {graph.inputs.length > 0 && graph.outputs.length > 0 && <span aria-hidden="true"> → </span>}
        {graph.outputs.length > 0 && (
          <span>
            {t('summaryOut')} <span class="mono">{tensors(graph.outputs)}</span>
          </span>
        )}
        {frozen > 0 && <span> · {t('summaryFrozen', formatCount(frozen))}</span>}
        <span class="sr-only">
          {' '}
          · {tn(graph.kind === 'layers' ? 'outlineLayers' : 'outlineOps', totals.nodes)}
        </span>
      </p>
    </section>
  );
}
