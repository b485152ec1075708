// A list of found models, as the popup and options diagnostics show them.

import type { ModelSummary } from '../../model/model-graph';
import { formatCount } from '../ui/format';

export function ModelList({ models }: { models: (ModelSummary & { frameUrl?: string })[] }) {
  if (models.length === 0) return null;
  return (
    <ul class="models" aria-label="Models on this tab">
      {models.map((m) => (
        <li key={`${m.frameUrl ?? ''}#${m.id}`}>
          <div class="model-name">{m.name}</div>
          <div class="model-meta">
            <span class="tag">{m.kind === 'layers' ? 'LayersModel' : 'GraphModel'}</span>
            {m.nodes} {m.kind === 'layers' ? 'layers' : 'nodes'} · {formatCount(m.params)} parameters
            {m.backend ? ` · ${m.backend}` : ''}
          </div>
          {m.sourceUrl && (
            <div class="model-meta">
              <code>{m.sourceUrl}</code>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
