// Describes one registered live model: gathers the context the describer needs (URL, backend, version) and calls it.

import type { ModelGraph } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { engineBackendName, engineVersionClass, globalTfVersion } from './engine-trap';
import type { LiveModel, ModelRegistry } from './model-registry';
import { safely } from './page-globals';
import { liveShapesOf } from './tap/live-shapes';

export function describeLiveModel(
  model: LiveModel,
  object: object,
  registry: ModelRegistry,
  engine: object | null,
): { graph: ModelGraph | null; error: string | null } {
  return safely(
    () => {
      const source = registry.sourceOf(model.kind, object);
      const graph = describeModel(object, {
        id: model.id,
        sourceUrl: source.url,
        origin: source.url ? 'http' : model.kind === 'layers' ? 'unknown' : 'unknown',
        format: source.format,
        backend: engine ? engineBackendName(engine) : null,
        tfjsVersion: globalTfVersion(),
        tfjsVersionClass: engine ? engineVersionClass(engine) : 'unknown',
        liveShapes: liveShapesOf(object),
      });
      return graph ? { graph, error: null } : { graph: null, error: 'this model could not be described' };
    },
    { graph: null, error: 'describing this model failed' },
  );
}
