// Preact hooks over the ContentApi: the frame's live snapshot, and one model's ModelGraph (described on demand).

import { useEffect, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import type { PageSnapshot } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';

export function useSnapshot(api: ContentApi): PageSnapshot {
  const [snapshot, setSnapshot] = useState(() => api.snapshot());
  useEffect(() => {
    const stop = new AbortController();
    api.onChange(setSnapshot, stop.signal);
    setSnapshot(api.snapshot());
    return () => stop.abort();
  }, [api]);
  return snapshot;
}

export type GraphLoad =
  { status: 'loading' } | { status: 'ready'; graph: ModelGraph } | { status: 'error'; message: string };

/** `revision` (ModelSummary.revision) changes when the hook learned more: the model is described again. */
export function useGraph(api: ContentApi, modelId: string | null, revision = 0): GraphLoad {
  const [load, setLoad] = useState<GraphLoad>({ status: 'loading' });
  useEffect(() => {
    if (!modelId) return;
    let current = true;
    // A first load shows 'loading'; a new revision keeps the old outline until the new one is ready.
    if (revision === 0) setLoad({ status: 'loading' });
    // The outline is on screen: let the hook learn a GraphModel's op shapes from the page's next call (asked once).
    api.describe(modelId, { learnShapes: true }).then(
      (graph) => current && setLoad({ status: 'ready', graph }),
      (error: unknown) =>
        current &&
        setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, modelId, revision]);
  return load;
}
