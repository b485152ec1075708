// Anchors every annotation of the active pack: its page selectors against the document, its model selector against
// the graph its alias is bound to. An annotation any of whose targets fails is an orphan with the reasons, never
// shown in a guessed place. Runs in jsdom and browsers (no layout is read).

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph } from '../../../model/model-graph';
import type { ModelMatch } from '../../../annotations/targets/match-models';
import { resolveModelAnchor, type ModelAnchor } from '../../../annotations/anchors/model-anchors';
import { resolvePageTarget, type PageAnchor } from '../../../annotations/anchors/dom-anchors';
import { resolveDiagramAnchor, type DiagramAnchor } from '../../../annotations/anchors/diagram-anchors';
import { diagramGroupIds } from './diagram-groups';
import type { Annotation, Pack, Step, Target } from '../../../annotations/format/types';
import { matchUrlPattern } from '../../../annotations/targets/url-glob';

export type ResolvedPage = Extract<PageAnchor, { status: 'resolved' }>;
export type ResolvedModel = Extract<ModelAnchor, { status: 'resolved' }>;
export type ResolvedDiagram = Extract<DiagramAnchor, { status: 'resolved' }>;

/** Where one target points, once resolved (either part may be absent). */
export interface Placement {
  page: ResolvedPage | null;
  model: ResolvedModel | null;
  /** The model alias the model part went through. */
  alias: string | null;
  /** The part of the diagram the target names (target.diagram), when it has one. */
  diagram?: ResolvedDiagram | null;
}

export interface PlacedItem extends Placement {
  annotation: Annotation;
  /** Position in pack.items. */
  index: number;
}

export interface OrphanItem {
  annotation: Annotation;
  index: number;
  /** Why, one line per failed part ("page: …", "model: …"). */
  reasons: string[];
}

export interface Resolution {
  placed: PlacedItem[];
  orphans: OrphanItem[];
  /** Annotations whose target is only on another of the pack's pages (target.pages): neither placed nor orphans. */
  elsewhere: { annotation: Annotation; index: number }[];
}

/** Whether a target's page part belongs on the page at `url` (target.pages; absent: every page of the pack). */
export function onThisPage(target: Target, url: string): boolean {
  return !target.pages || target.pages.some((pattern) => matchUrlPattern(pattern, url));
}

const urlOf = (root: Document | Element): string => ('URL' in root ? root.URL : root.ownerDocument.URL) || '';

/** The live graphs a pack's aliases are bound to, and why the others are not bound. */
export interface Bindings {
  graphs: Map<string, ModelGraph>;
  unbound: Map<string, string>;
  /** The alias a selector means when it names none (the pack's only model). */
  defaultAlias: string | undefined;
}

export function bindingsOf(
  pack: Pack,
  match: ModelMatch | null,
  graphsById: ReadonlyMap<string, ModelGraph>,
): Bindings {
  const graphs = new Map<string, ModelGraph>();
  const unbound = new Map<string, string>();
  for (const target of pack.targets.models) {
    const binding = match?.bindings.find((b) => b.alias === target.alias);
    const graph = binding?.graphId ? graphsById.get(binding.graphId) : undefined;
    if (graph) graphs.set(target.alias, graph);
    else
      unbound.set(
        target.alias,
        binding?.graphId
          ? t('resolveUnreadable', target.alias, binding.graphId)
          : binding?.reasons[0]
            ? t('resolveNotOnPageWhy', target.alias, binding.reasons[0])
            : t('resolveNotOnPage', target.alias),
      );
  }
  const defaultAlias = pack.targets.models.length === 1 ? pack.targets.models[0]!.alias : undefined;
  return { graphs, unbound, defaultAlias };
}

/** Resolves one target; `reasons` lists the parts that failed (empty when it is placed). */
export function resolveTarget(
  target: Target,
  bindings: Bindings,
  root: Document | Element,
  url = urlOf(root),
): { placement: Placement; reasons: string[] } {
  const reasons: string[] = [];
  let page: ResolvedPage | null = null;
  let model: ResolvedModel | null = null;
  let alias: string | null = null;
  let diagram: ResolvedDiagram | null = null;
  if (target.selector && target.selector.length > 0 && onThisPage(target, url)) {
    const anchor = resolvePageTarget(target.selector, root);
    if (anchor.status === 'resolved') page = anchor;
    else reasons.push(t('resolvePage', anchor.reason));
  }
  if (target.model) {
    alias = target.model.model ?? bindings.defaultAlias ?? null;
    const unbound = alias !== null ? bindings.unbound.get(alias) : undefined;
    if (unbound) reasons.push(t('resolveModel', unbound));
    else {
      const anchor = resolveModelAnchor(target.model, bindings.graphs, bindings.defaultAlias);
      if (anchor.status === 'resolved') model = anchor;
      else reasons.push(t('resolveModel', anchor.reason));
    }
  }
  if (target.diagram) {
    const diagramAlias = target.diagram.model ?? bindings.defaultAlias ?? null;
    const unbound = diagramAlias !== null ? bindings.unbound.get(diagramAlias) : undefined;
    if (unbound) reasons.push(t('resolveDiagram', unbound));
    else {
      const anchor = resolveDiagramAnchor(
        target.diagram,
        bindings.graphs,
        bindings.defaultAlias,
        diagramGroupIds,
      );
      if (anchor.status === 'resolved') diagram = anchor;
      else reasons.push(t('resolveDiagram', anchor.reason));
    }
    alias ??= diagramAlias;
  }
  return { placement: { page, model, alias, ...(target.diagram ? { diagram } : {}) }, reasons };
}

export function resolvePack(
  pack: Pack,
  bindings: Bindings,
  root: Document | Element,
  url = urlOf(root),
): Resolution {
  const placed: PlacedItem[] = [];
  const orphans: OrphanItem[] = [];
  const elsewhere: Resolution['elsewhere'] = [];
  pack.items.forEach((annotation, index) => {
    const target = annotation.target;
    if (!target) {
      placed.push({ annotation, index, page: null, model: null, alias: null });
      return;
    }
    // A note for another of the pack's pages, with nothing in the model: not for this page at all.
    if (target.selector?.length && !target.model && !target.diagram && !onThisPage(target, url)) {
      elsewhere.push({ annotation, index });
      return;
    }
    const { placement, reasons } = resolveTarget(target, bindings, root, url);
    if (reasons.length > 0) orphans.push({ annotation, index, reasons });
    else placed.push({ annotation, index, ...placement });
  });
  return { placed, orphans, elsewhere };
}

/** The extra anchors a tour step names itself (beyond its highlighted annotations); null when none or failed. */
export function resolveStepTarget(
  step: Step,
  bindings: Bindings,
  root: Document | Element,
): Placement | null {
  if (!step.target) return null;
  const { placement, reasons } = resolveTarget(step.target, bindings, root);
  return reasons.length > 0 ? null : placement;
}

/** A key for one node of one live graph. */
export const nodeKey = (graphId: string, nodeId: string): string => `${graphId}\u0000${nodeId}`;

/** Placed annotations by the node their model part points at. */
export function byNode(placed: readonly PlacedItem[]): Map<string, PlacedItem[]> {
  const map = new Map<string, PlacedItem[]>();
  for (const item of placed) {
    const node = item.model?.node;
    if (!item.model || !node) continue;
    const key = nodeKey(item.model.graphId, node.id);
    const list = map.get(key) ?? [];
    list.push(item);
    map.set(key, list);
  }
  return map;
}

/** Whether a page anchor still stands for what it found (its element is still in the document). */
export function pageAnchorAlive(anchor: ResolvedPage): boolean {
  return anchor.element.isConnected && !(anchor.match !== 'element' && anchor.range.collapsed);
}
