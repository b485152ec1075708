// Asks the page for one gradient map of the reader's picture (one forward and one backward pass through its own
// tf.js, between its frames) and measures what it cost; Cancel stops waiting for it at once.

import type { GradientMap } from '../../../protocol/bridge';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import { toProbeInput, type ProbeModel } from '../run/probe-input';
import { toModelInput, type ExploreInput } from './explore-session';

/** Longest a gradient may take (the limit restarts whenever the page says it is under way). */
export const GRADIENT_MS = 30_000;

export type GradientRun =
  | { map: GradientMap; unsupported: null; wallMs: number }
  | { map: null; unsupported: string; wallMs: number };

export async function runGradientMap(
  api: Pick<ContentApi, 'gradient'>,
  graph: Pick<ModelGraph, 'id'> & ProbeModel,
  input: ExploreInput,
  classIndex: number,
  signal: AbortSignal,
): Promise<GradientRun> {
  if (signal.aborted) throw new Error('Cancelled.');
  const t0 = performance.now();
  const { input: probeInput } = toProbeInput(toModelInput(input), graph);
  const asked = api.gradient(graph.id, probeInput, classIndex, GRADIENT_MS);
  const outcome = await new Promise<Awaited<typeof asked>>((resolve, reject) => {
    const stop = () => reject(new Error('Cancelled.'));
    signal.addEventListener('abort', stop, { once: true });
    asked.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
  return { ...outcome, wallMs: performance.now() - t0 };
}
