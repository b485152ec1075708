// The layer view of one node: what it is (glossary line and equation), its shape, parameters, inputs, attributes
// and weights, and its live values while it is on screen. The active pack's notes, equations and view captions for
// the node come first, and its class labels name the top-k rows.

import { formatNumber, t } from '../../../extension/ui/i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { formatBytes, formatCount } from '../../../extension/ui/format';
import type { ContentApi } from '../../relay/content-api';
import { lookupOp } from '../glossary/lookup';
import { Icon } from '../host/icons';
import { BuiltInExplanation } from '../outline/explain';
import { formatShape } from '../outline/outline-rows';
import { LiveView } from '../views/live-view';
import { usePackUi, useLinkedMark } from '../pack/pack-context';
import { nodeViews, PackNodeExplanation, ViewCaptions } from '../pack/pack-items';
import type { ViewBody } from '../../../annotations/format/types';
import { formatAttr, shownAttrs } from './attrs';

export interface NodeDetailProps {
  api: ContentApi;
  graph: ModelGraph;
  node: ModelNode;
  onBack(): void;
  onSelect(nodeId: string): void;
  /** Move focus to the title when the node changes (not when a tour step or a symbol opened it). */
  focusTitle?: boolean;
}

export function NodeDetail({ api, graph, node, onBack, onSelect, focusTitle = true }: NodeDetailProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const entry = lookupOp(node.op, graph.kind);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const consts = node.inputs.map((id) => byId.get(id)).filter((n): n is ModelNode => n?.category === 'const');
  const dataInputs = node.inputs.filter((id) => byId.get(id)?.category !== 'const');
  const weights = [...node.weights, ...consts.flatMap((c) => (c.weights.length ? c.weights : []))];
  const params = node.params + consts.reduce((n, c) => n + c.params, 0);
  const attrs = shownAttrs(node.attrs);
  const ui = usePackUi();
  const views = nodeViews(ui, graph.id, node.id);
  const topk = views.output.map((v) => v.annotation.body as ViewBody).find((b) => b.view === 'top-k');
  const labels = topk?.labels ?? ui?.session.labelsFor(graph.id) ?? null;

  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [node.id]);

  return (
    <article class="detail" aria-labelledby="lt-node-title">
      <button type="button" class="back" onClick={onBack}>
        <Icon name="back" />
        {graph.kind === 'layers' ? t('detailAllLayers') : t('detailAllOps')}
      </button>
      <header class="detail-head">
        <h3 id="lt-node-title" ref={heading} tabIndex={-1} class="detail-title">
          {node.id}
        </h3>
        <p class="detail-kind">
          <span class="chip" data-family={entry?.family ?? 'other'}>
            {node.op}
          </span>
          {entry && (
            <span class="muted" lang={entry.lang}>
              {entry.title}
            </span>
          )}
          <span class="muted">· #{node.index}</span>
        </p>
      </header>
      <PackNodeExplanation graphId={graph.id} nodeId={node.id} />
      <BuiltInExplanation node={node} kind={graph.kind} />
      <LiveView
        api={api}
        graph={graph}
        node={node}
        labels={labels}
        k={topk?.k}
        captions={<ViewCaptions items={views.output} />}
        weightCaptions={<ViewCaptions items={views.weights} />}
      />
      <dl class="facts">
        <div>
          <dt>{t('rowOutputShape')}</dt>
          <dd class="mono">{node.outputShape ? formatShape(node.outputShape, true) : t('detailNotKnown')}</dd>
        </div>
        <div>
          <dt>{t('summaryParameters')}</dt>
          <dd class="num">{formatNumber(params)}</dd>
        </div>
        {node.dtype && (
          <div>
            <dt>{t('detailType')}</dt>
            <dd class="mono">{node.dtype}</dd>
          </div>
        )}
        {dataInputs.length > 0 && (
          <div class="wide">
            <dt>{t('detailInputs')}</dt>
            <dd>
              <ul class="links">
                {dataInputs.map((id) => (
                  <li key={id}>
                    {byId.has(id) ? (
                      <InputLink graphId={graph.id} id={id} onSelect={onSelect} />
                    ) : (
                      <span class="mono">{id}</span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {attrs.length > 0 && (
        <section class="block" aria-labelledby="lt-attrs">
          <h4 id="lt-attrs">{t('detailSettings')}</h4>
          <dl class="attrs">
            {attrs.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd class="mono">{formatAttr(v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {weights.length > 0 && (
        <section class="block" aria-labelledby="lt-weights">
          <h4 id="lt-weights">{t('summaryWeights')}</h4>
          <table class="weights">
            <thead>
              <tr>
                <th scope="col">{t('detailRole')}</th>
                <th scope="col">{t('detailShape')}</th>
                <th scope="col" class="right">
                  {t('detailValues')}
                </th>
              </tr>
            </thead>
            <tbody>
              {weights.map((w) => {
                const count = w.shape.reduce((a, b) => a * b, 1);
                return (
                  <tr key={w.name}>
                    <th scope="row" title={w.name}>
                      {w.role.replace(/_/g, ' ')}
                    </th>
                    <td class="mono">{w.shape.join(' × ') || t('detailScalar')}</td>
                    <td class="num right" title={t('detailAsFloat32', formatBytes(count * 4))}>
                      {formatCount(count)}
                      {w.quantization && <span class="muted"> ({w.quantization})</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}

/** A link to an input node; lights up when an equation symbol bound to that node is pointed at. */
function InputLink({ graphId, id, onSelect }: { graphId: string; id: string; onSelect(id: string): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useLinkedMark(ref, graphId, id);
  return (
    <button ref={ref} type="button" class="link mono" onClick={() => onSelect(id)}>
      {id}
    </button>
  );
}
