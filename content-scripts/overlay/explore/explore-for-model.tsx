// The explore section for the panel's model: describes it (cached by the relay), then shows ExplorePanel with the
// overlay's feed.

import type { ModelSummary } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { useGraph } from '../state/use-page';
import { ExploreContext, exploreFeedFor } from './explore-context';
import { ExplorePanel } from './explore-panel';

export interface ExploreForModelProps {
  /** The relay's ContentApi. */
  api: ContentApi;
  model: Pick<ModelSummary, 'id' | 'revision'>;
  host?: Element | null;
}

export function ExploreForModel({ api, model, host }: ExploreForModelProps) {
  const load = useGraph(api, model.id, model.revision ?? 0);
  if (load.status !== 'ready') return null;
  return (
    <ExploreContext.Provider value={exploreFeedFor(api)}>
      <ExplorePanel graph={load.graph} host={host ?? null} />
    </ExploreContext.Provider>
  );
}
