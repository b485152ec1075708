// Where an item being written is anchored now: resolved on this page (with the text found), in the model, not
// anchored, or an orphan with the anchoring code's reason (then the editor offers re-anchoring by pointing).

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph } from '../../../model/model-graph';
import type { Annotation } from '../../../annotations/format/types';
import { resolvePageTarget } from '../../../annotations/anchors/dom-anchors';
import { resolveModelSelector } from '../../../annotations/anchors/model-anchors';
import { resolveDiagramSelector } from '../../../annotations/anchors/diagram-anchors';
import { diagramGroupIds } from '../pack/diagram-groups';

/** The described graph a model alias of the draft stands for, when known. */
export type GraphFor = (alias: string | undefined) => ModelGraph | null;

export type AnchorCheck =
  | { state: 'page'; text: string; element: Element }
  | { state: 'model' }
  | { state: 'diagram'; description: string }
  | { state: 'none' }
  | { state: 'orphan'; reason: string };

export function checkAnchor(item: Annotation, root: Document, graphFor: GraphFor = () => null): AnchorCheck {
  const selectors = item.target?.selector;
  if (selectors && selectors.length > 0) {
    const anchor = resolvePageTarget(selectors, root);
    return anchor.status === 'resolved'
      ? { state: 'page', text: anchor.text, element: anchor.element }
      : { state: 'orphan', reason: anchor.reason };
  }
  const model = item.target?.model;
  const diagram = item.target?.diagram;
  if (!model && diagram) {
    const graph = graphFor(diagram.model);
    if (!graph)
      return { state: 'diagram', description: diagram.node ?? diagram.group ?? t('anchorSomeNodes') };
    const anchor = resolveDiagramSelector(diagram, graph, diagramGroupIds(graph));
    return anchor.status === 'orphan'
      ? { state: 'orphan', reason: anchor.reason }
      : { state: 'diagram', description: anchor.description };
  }
  if (!model) return { state: 'none' };
  const graph = graphFor(model.model);
  const anchor = graph ? resolveModelSelector(model, graph) : null;
  return anchor?.status === 'orphan' ? { state: 'orphan', reason: anchor.reason } : { state: 'model' };
}

const short = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 48 ? `${flat.slice(0, 45)}…` : flat;
};

export function anchorLabel(item: Annotation, check: AnchorCheck): string {
  switch (check.state) {
    case 'page': {
      const css = item.target?.selector?.find((s) => s.type === 'CssSelector');
      const where = css?.type === 'CssSelector' ? css.value : `<${check.element.tagName.toLowerCase()}>`;
      return check.text.trim() ? t('anchorToText', where, short(check.text)) : t('anchorTo', where);
    }
    case 'model':
      return t('anchorModel');
    case 'diagram':
      return t('anchorDiagram', check.description);
    case 'none':
      return t('anchorNone');
    case 'orphan':
      return t('anchorOrphan', check.reason);
  }
}

/**
 * Anchor checks by target: typing in a note changes the pack on every key, but not its targets, and resolving a
 * text selector reads the whole page's text, so each distinct target is resolved once.
 */
export class AnchorChecks {
  private readonly known = new Map<string, AnchorCheck>();

  constructor(
    private readonly root: Document,
    private readonly graphFor: GraphFor = () => null,
  ) {}

  get(item: Annotation): AnchorCheck {
    const key = JSON.stringify(item.target ?? null);
    let check = this.known.get(key);
    if (!check) {
      check = checkAnchor(item, this.root, this.graphFor);
      if (this.known.size > 500) this.known.clear();
      this.known.set(key, check);
    }
    return check;
  }
}
