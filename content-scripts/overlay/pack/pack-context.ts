// What components deep in the panel and on the page need of the active pack: the session, the link bus, the tour
// step's highlights and a way to open a layer view. Null when no pack is active.

import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { PackBus } from './bus';
import type { PackSession } from './use-pack-session';

export interface PackUi {
  session: PackSession;
  bus: PackBus;
  /** Ids of the annotations the current tour step highlights (empty outside a tour). */
  stepIds: ReadonlySet<string>;
  openNode(graphId: string, nodeId: string): void;
}

export const PackContext = createContext<PackUi | null>(null);

export function usePackUi(): PackUi | null {
  return useContext(PackContext);
}

/**
 * Marks `ref`'s element with data-lt-linked while the reader points at an equation symbol bound to this node
 * (and role, when given: 'output' or a weight role; 'weights' matches any weight role).
 */
export function useLinkedMark(
  ref: { current: Element | null },
  graphId: string,
  nodeId: string,
  role?: string,
): void {
  const ui = usePackUi();
  useEffect(() => {
    if (!ui) return;
    const stop = new AbortController();
    const apply = () => {
      const linked = ui.bus.currentLink();
      const roleOk =
        role === undefined ||
        linked?.role === role ||
        (role === 'weights' && linked !== null && linked.role !== 'output');
      const on = linked !== null && linked.graphId === graphId && linked.nodeId === nodeId && roleOk;
      if (on) ref.current?.setAttribute('data-lt-linked', '');
      else ref.current?.removeAttribute('data-lt-linked');
    };
    ui.bus.onLinked(apply, stop.signal);
    apply();
    return () => stop.abort();
  }, [ui?.bus, graphId, nodeId, role]);
}
