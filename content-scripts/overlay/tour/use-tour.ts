// What a tour step does when it becomes current: rings its page anchors and scrolls the first into view (at once
// for readers who asked for reduced motion), opens the layer view it is about, and tells the popup.

import { useEffect, useMemo } from 'preact/hooks';
import type { PackBus } from '../pack/bus';
import { anchorRoot, type PackSession } from '../pack/use-pack-session';
import { resolveStepTarget, type ResolvedPage } from '../pack/resolve';
import { rangeRect } from '../sidenotes/positioner';
import { stepFocus, type StepFocus } from './tour-focus';

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls `anchor` to the middle of the viewport unless it is already wholly in view. */
export function revealAnchor(anchor: ResolvedPage): void {
  const rect = anchor.match === 'element' ? anchor.element.getBoundingClientRect() : rangeRect(anchor.range);
  if (!rect) return;
  const inView = rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0;
  if (inView) return;
  anchor.element.scrollIntoView?.({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

export function useTourFocus(session: PackSession | null, step: number | null): StepFocus | null {
  return useMemo(() => {
    const steps = session?.active.pack.steps ?? [];
    if (!session || step === null || !steps[step]) return null;
    const current = steps[step]!;
    return stepFocus(
      current,
      session.resolution.placed,
      resolveStepTarget(current, session.bindings, anchorRoot()),
    );
  }, [session?.resolution, session?.bindings, step]);
}

export function useTourEffects(
  focus: StepFocus | null,
  step: number | null,
  bus: PackBus,
  openNode: (graphId: string, nodeId: string) => void,
): void {
  useEffect(() => {
    bus.setRings('tour', focus?.pageAnchors ?? []);
    const first = focus?.pageAnchors[0];
    if (first) revealAnchor(first);
    if (focus?.node) openNode(focus.node.graphId, focus.node.nodeId);
    if (focus?.diagram) {
      bus.setDiagramFocus({ ...focus.diagram, n: (bus.currentDiagramFocus()?.n ?? 0) + 1 });
      // Selects the model with no layer view open (an empty node id); its view then shows the diagram and frames
      // the part (overlay/pack/diagram-pack.tsx).
      openNode(focus.diagram.graphId, '');
    }
  }, [focus, step]);
  useEffect(() => () => bus.setRings('tour', []), [bus]);
}
