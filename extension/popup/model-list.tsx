// A list of found models, as the popup and options diagnostics show them.

import type { ModelSummary } from '../../model/model-graph';
import { formatCount } from '../ui/format';
import { t } from '../ui/i18n';

export function ModelList({ models }: { models: (ModelSummary & { frameUrl?: string })[] }) {
  if (models.length === 0) return null;
  return (
    <ul class="models" aria-label={t('modelListLabel')}>
      {models.map((m) => (
        <li key={`${m.frameUrl ?? ''}#${m.id}`}>
          <div class="model-name" dir="auto">
            {m.name}
          </div>
          {m.runtime === 'onnx' ? (
            <div class="model-meta">
              <span class="tag">ONNX</span>
              {`ONNX Runtime Web${m.runtimeVersion ? ` ${m.runtimeVersion}` : ''}`}
              {m.backend ? ` · ${m.backend}` : ''}
            </div>
          ) : (
            <div class="model-meta">
              <span class="tag">{m.kind === 'layers' ? 'LayersModel' : 'GraphModel'}</span>
              {t(m.kind === 'layers' ? 'modelMetaLayers' : 'modelMetaNodes', m.nodes, formatCount(m.params))}
              {m.backend ? ` · ${m.backend}` : ''}
            </div>
          )}
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
