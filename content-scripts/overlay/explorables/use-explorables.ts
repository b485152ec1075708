// The active pack's explorables store (one per checks controller, so per pack and bound models), and a hook that
// re-renders a component when one control or question of it changes.

import { useEffect, useState } from 'preact/hooks';
import { useChecksUi } from '../checks/use-checks';
import { explorablesStoreFor, type ExplorablesStore } from './explorables-store';

export function useExplorables(): ExplorablesStore | null {
  const checks = useChecksUi();
  if (!checks) return null;
  const controller = checks.controller;
  return explorablesStoreFor(controller, controller.engine);
}

/** Re-renders when the store says `id` changed; returns a counter that changes with it. */
export function useEntry(store: ExplorablesStore | null, id: string): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!store) return;
    return store.subscribe((changed) => {
      if (changed === id) setVersion((v) => v + 1);
    });
  }, [store, id]);
  return version;
}
