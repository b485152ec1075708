// The browser's ModelRunner for the checks engine: runs an input through the live page model with the relay's
// probe (on the reader's action only), bounded by a time limit and the engine's abort signal.

import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import type { ModelInput, ModelRunner, NodeValues } from '../../../annotations/checks/types';
import { fromProbeValues, toProbeInput, type ProbeModel } from './probe-input';

/** Longest one probe may take before it counts as could-not-run. */
export const PROBE_LIMIT_MS = 8000;

export class ProbeRunner implements ModelRunner {
  constructor(
    private readonly api: Pick<ContentApi, 'probe'>,
    private readonly graph: Pick<ModelGraph, 'id' | 'outputs'> & ProbeModel,
    private readonly timeoutMs = PROBE_LIMIT_MS,
  ) {}

  run(input: ModelInput, nodeIds: string[], signal: AbortSignal): Promise<NodeValues[]> {
    const ids = nodeIds.length > 0 ? nodeIds : this.graph.outputs.map((o) => o.nodeId);
    if (ids.length === 0) return Promise.reject(new Error('The model has no outputs to read.'));
    if (signal.aborted) return Promise.reject(new Error('Cancelled.'));
    const { input: probeInput } = toProbeInput(input, this.graph);
    return new Promise<NodeValues[]>((resolve, reject) => {
      const onAbort = () => reject(new Error('Cancelled.'));
      signal.addEventListener('abort', onAbort, { once: true });
      this.api
        .probe(this.graph.id, probeInput, ids, this.timeoutMs)
        .then((values) => resolve(fromProbeValues(values, ids)))
        .catch((e: unknown) =>
          reject(new Error(e instanceof Error && e.message ? e.message : 'The probe failed.')),
        )
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
