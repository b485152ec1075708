// One model in the panel: described on demand, then its outline, or the layer view of the selected node.

import { t } from '../../../extension/ui/i18n';
import type { ContentApi } from '../../relay/content-api';
import type { ModelSummary as Summary } from '../../../model/model-graph';
import { NodeDetail } from '../node/node-detail';
import { useGraph } from '../state/use-page';
import { ModelOutline, type OutlineNav } from './model-outline';
import { displayName } from './model-name';
import { PackIntro } from '../pack/pack-items';
import { usePackUi } from '../pack/pack-context';
import { useHold } from '../state/use-hold';
import { useState } from 'preact/hooks';
import { PackDiagram, useDiagramFocus } from '../pack/diagram-pack';
import { WeightsDigestLine } from './weights-digest-line';

export interface ModelViewProps {
  api: ContentApi;
  model: Summary;
  nav: OutlineNav;
  onNav(nav: OutlineNav): void;
  nodeId: string | null;
  onNode(nodeId: string | null): void;
  /** The node whose row takes focus when the outline shows again. */
  returnTo: string | null;
  /** Whether opening a layer view moves focus to it (the reader chose it), or leaves focus where it is. */
  focusNode?: boolean;
  onOutlineShown?(): void;
}

function sourceLine(model: Summary): string {
  if (!model.sourceUrl) return model.kind === 'layers' ? t('sourceLayersByPage') : t('sourceGraphModel');
  try {
    const url = new URL(model.sourceUrl);
    return t('sourceLoadedFrom', `${url.host}${url.pathname}`);
  } catch {
    return t('sourceLoadedFrom', model.sourceUrl);
  }
}

/** Where this explanation's values come from when the page no longer holds the model (null: from the page's own). */
export function holdLine(model: Summary): string | null {
  if (model.hold === 'reloaded') return t('holdReloaded', model.sourceUrl ?? t('holdItsUrl'));
  if (model.hold === 'collected') return t('holdCollected');
  return null;
}

export function ModelView(props: ModelViewProps) {
  const { api, model } = props;
  // Held from before the first describe (effects run in order): a model the page let go of is loaded again first.
  useHold(api, [model.id]);
  const load = useGraph(api, model.id, model.revision ?? 0);
  // Outline or diagram: kept while a layer view opened from either is shown, so Back returns to the same one.
  const [diagram, setDiagram] = useState(false);
  // A tour step or a pack note may ask for the diagram, framed on part of it (issue #17: packs point at it).
  const diagramFocus = useDiagramFocus(model.id, () => setDiagram(true));
  const packUi = usePackUi();
  if (load.status === 'loading') {
    return (
      <div class="skeleton" role="status" aria-label={t('modelReading')}>
        {Array.from({ length: 9 }, (_, i) => (
          <span key={i} />
        ))}
      </div>
    );
  }
  if (load.status === 'error') {
    return (
      <p class="state error" role="alert">
        {t('modelCouldNotRead', load.message)}
      </p>
    );
  }
  const { graph } = load;
  const node = props.nodeId ? graph.nodes.find((n) => n.id === props.nodeId) : undefined;
  if (node) {
    return (
      <NodeDetail
        api={api}
        graph={graph}
        node={node}
        onBack={() => props.onNode(null)}
        onSelect={(id) => props.onNode(id)}
        focusTitle={props.focusNode !== false}
      />
    );
  }
  return (
    <>
      <header class="model-head">
        <h3 dir="auto">{displayName(graph.name, graph.sourceUrl)}</h3>
        <p class="muted" title={model.sourceUrl ?? undefined}>
          {sourceLine(model)}
        </p>
      </header>
      {holdLine(model) ? (
        <p class="state notice" role="note" data-testid="hold">
          {holdLine(model)}
        </p>
      ) : null}
      {graph.totals.nodes > graph.nodes.length ? (
        <p class="state notice" role="note" data-testid="truncated">
          {t('modelTruncated', graph.totals.nodes, graph.nodes.length)}
        </p>
      ) : null}
      <PackIntro graph={graph} />
      <div class="view-switch" role="group" aria-label={t('viewSwitch')}>
        <button type="button" aria-pressed={!diagram} onClick={() => setDiagram(false)}>
          {t('viewOutline')}
        </button>
        <button type="button" aria-pressed={diagram} onClick={() => setDiagram(true)}>
          {t('viewDiagram')}
        </button>
      </div>
      {diagram ? (
        // The diagram with the pack's note markers and notes, and authoring's "Pin a note" (pack/diagram-pack.tsx).
        <PackDiagram
          api={api}
          graph={graph}
          onActivate={(id) => props.onNode(id)}
          returnTo={props.returnTo}
          focus={diagramFocus.focus}
          handle={diagramFocus.handle}
          onShow={diagramFocus.show}
        />
      ) : (
        <ModelOutline
          graph={graph}
          nav={props.nav}
          onNav={props.onNav}
          onSelect={(id) => props.onNode(id)}
          focusNodeId={props.returnTo}
          onShown={props.onOutlineShown}
        />
      )}
      <WeightsDigestLine api={api} graph={graph} />
      <p class="foot muted">{packUi ? t('footWithPack') : t('footNoPack')}</p>
    </>
  );
}
