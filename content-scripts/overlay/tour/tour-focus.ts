// What a tour step points at: the annotations it highlights that were placed, their page anchors (to ring and
// scroll to) and the one layer view to open (the first highlighted model node). Pure.

import { t } from '../../../extension/ui/i18n';
import type { Step } from '../../../annotations/format/types';
import type { Placement, PlacedItem, ResolvedPage } from '../pack/resolve';

export interface StepFocus {
  /** Placed annotations the step highlights, in the step's order. */
  items: PlacedItem[];
  /** Highlighted ids that were not placed (orphans or unknown ids). */
  missing: string[];
  pageAnchors: ResolvedPage[];
  /** The layer view to open, or null to leave the panel as it is. */
  node: { graphId: string; nodeId: string } | null;
  /** Part of a diagram to show and frame (the step's own diagram anchor, else a highlighted note's). */
  diagram?: { graphId: string; ids: readonly string[] } | null;
}

export function clampStep(step: number | null | undefined, count: number): number {
  if (count <= 0) return 0;
  if (step === null || step === undefined || !Number.isFinite(step)) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(step)));
}

export function stepFocus(step: Step, placed: readonly PlacedItem[], extra: Placement | null): StepFocus {
  const byId = new Map(placed.map((p) => [p.annotation.id, p]));
  const items: PlacedItem[] = [];
  const missing: string[] = [];
  for (const id of step.highlights ?? []) {
    const item = byId.get(id);
    if (item) items.push(item);
    else missing.push(id);
  }
  const parts: Placement[] = [...(extra ? [extra] : []), ...items];
  const pageAnchors = parts.flatMap((p) => (p.page ? [p.page] : []));
  const withNode = parts.find((p) => p.model?.node);
  const node =
    withNode?.model?.node != null
      ? { graphId: withNode.model.graphId, nodeId: withNode.model.node.id }
      : null;
  const withDiagram = parts.find((p) => p.diagram)?.diagram;
  const diagram = withDiagram ? { graphId: withDiagram.graphId, ids: withDiagram.ids } : null;
  // A step about part of the diagram shows the diagram, not one layer view.
  return { items, missing, pageAnchors, node: diagram ? null : node, diagram };
}

/** "Step 2 of 6". */
export function progressText(step: number, count: number): string {
  return t('tourProgress', step + 1, count);
}
