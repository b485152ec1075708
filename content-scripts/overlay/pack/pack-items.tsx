// The pack's words inside the panel: its notes and equations for one node (in the layer view, above the built-in
// explanation), its introduction to a whole model (above the outline), a one-line excerpt for an outline row, and
// the captions of its views (under the live or weight view they describe).

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph } from '../../../model/model-graph';
import { formatLiveValue, parseLiveValue } from '../../../annotations/format/live-values';
import { ExecutableItem } from '../checks/executable-item';
import { liveNeed } from '../live/live-stat';
import { usePackUi, type PackUi } from './pack-context';
import { plainText } from './plain-text';
import { nodeKey, type PlacedItem } from './resolve';
import { packLanguage } from './pack-language';
import { RichHtml } from './rich-html';

const PROSE = new Set(['note', 'equation']);
const RUNNABLE = new Set(['example', 'check']);

/** The value of a live placeholder when the graph alone answers it (no tap, no weights), else null. */
function staticLive(ui: PackUi, el: Element): string | null {
  const format = el.getAttribute('data-lit-format');
  const parsed = parseLiveValue(`${el.getAttribute('data-lit-live') ?? ''}${format ? ` | ${format}` : ''}`);
  if (!parsed.ok) return null;
  const graph = ui.session.bindings.graphs.get(parsed.ref.alias);
  const need = graph ? liveNeed(parsed.ref, graph) : null;
  return need?.kind === 'static' ? formatLiveValue(need.value, parsed.ref.format) : null;
}

export function nodeItems(ui: PackUi | null, graphId: string, nodeId: string): PlacedItem[] {
  return ui?.session.nodes.get(nodeKey(graphId, nodeId)) ?? [];
}

function Item({ item, ui }: { item: PlacedItem; ui: PackUi }) {
  const rendered = ui.session.render(item.annotation);
  return (
    <div
      class="pack-item prose"
      data-kind={item.annotation.kind}
      data-annotation-id={item.annotation.id}
      data-step={ui.stepIds.has(item.annotation.id) ? 'current' : undefined}
    >
      <RichHtml html={rendered.html} annotation={item.annotation} />
    </div>
  );
}

/** The pack's notes and equations about one node, then its examples and checks on the node (with Run). */
export function PackNodeExplanation({ graphId, nodeId }: { graphId: string; nodeId: string }) {
  const ui = usePackUi();
  const all = nodeItems(ui, graphId, nodeId);
  const items = all.filter((i) => PROSE.has(i.annotation.kind));
  const runnable = all.filter((i) => RUNNABLE.has(i.annotation.kind) && !i.page);
  if (!ui || items.length + runnable.length === 0) return null;
  return (
    <section class="pack-notes" aria-labelledby="lt-pack-node-notes">
      <h4 id="lt-pack-node-notes" class="pack-notes-head">
        {t('packNotesFrom', ui.session.active.provenance.title || ui.session.active.pack.title)}
      </h4>
      {items.map((item) => (
        <Item key={item.annotation.id} item={item} ui={ui} />
      ))}
      {runnable.map((item) => (
        <ExecutableItem key={item.annotation.id} annotation={item.annotation} />
      ))}
    </section>
  );
}

/** The pack's notes about the whole model (a model selector without a node, or no target at all). */
export function PackIntro({ graph }: { graph: ModelGraph }) {
  const ui = usePackUi();
  if (!ui) return null;
  const defaultGraph = ui.session.bindings.defaultAlias
    ? ui.session.bindings.graphs.get(ui.session.bindings.defaultAlias)
    : undefined;
  const items = ui.session.resolution.placed.filter(
    (p) =>
      PROSE.has(p.annotation.kind) &&
      !p.page &&
      // Notes on part of the diagram are listed under the diagram (diagram-pack.tsx), not here.
      !p.diagram &&
      (p.model ? !p.model.node && p.model.graphId === graph.id : defaultGraph?.id === graph.id),
  );
  if (items.length === 0) return null;
  return (
    <section class="pack-intro" aria-label={t('packAboutModel')}>
      {items.map((item) => (
        <Item key={item.annotation.id} item={item} ui={ui} />
      ))}
    </section>
  );
}

/** A line of the pack's first note on a node, for its outline row. */
export function PackExcerpt({ graphId, nodeId }: { graphId: string; nodeId: string }) {
  const ui = usePackUi();
  const note = nodeItems(ui, graphId, nodeId).find((i) => i.annotation.kind === 'note');
  if (!ui || !note) return null;
  const text = plainText(ui.session.render(note.annotation).html, 180, (el) => staticLive(ui, el));
  if (!text) return null;
  return (
    <p class="pack-excerpt" data-step={ui.stepIds.has(note.annotation.id) ? 'current' : undefined}>
      <span class="sr-only">{t('packNoteSr')}</span>
      <span {...packLanguage(ui.session.active.pack, note.annotation)}>{text}</span>
    </p>
  );
}

/** The pack's view annotations on a node, split by what they show: its output, or one of its weights. */
export function nodeViews(ui: PackUi | null, graphId: string, nodeId: string) {
  const views = nodeItems(ui, graphId, nodeId).filter((i) => i.annotation.kind === 'view');
  const isWeights = (i: PlacedItem) => (i.model?.tensor?.role ?? 'output') !== 'output';
  return { output: views.filter((v) => !isWeights(v)), weights: views.filter(isWeights) };
}

export function ViewCaptions({ items }: { items: readonly PlacedItem[] }) {
  const ui = usePackUi();
  if (!ui || items.length === 0) return null;
  return (
    <div class="view-captions">
      {items.map((item) => (
        <Item key={item.annotation.id} item={item} ui={ui} />
      ))}
    </div>
  );
}
