// Holds models while an explanation is open on them (the panel's model, the models an active pack binds): the hook
// keeps them, or loads them again if the browser reclaimed them, until the explanation closes (unmount, unbind).

import { useEffect } from 'preact/hooks';
import type { ContentApi } from '../../relay/content-api';

export function useHold(api: ContentApi, modelIds: readonly string[]): void {
  const key = [...new Set(modelIds)].sort().join('\n');
  useEffect(() => {
    if (!key) return;
    const stop = new AbortController();
    for (const id of key.split('\n')) api.hold(id, stop.signal);
    return () => stop.abort();
  }, [api, key]);
}
