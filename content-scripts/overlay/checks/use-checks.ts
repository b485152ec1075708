// The overlay's side of a pack's examples and checks: one controller per active pack and bound models (browser
// runners over the probe, page pictures from the isolated world), staleness assessed at once without running
// anything, every check run once on load only when the reader's setting says so; shared through a context.

import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { computeStaleness, runPack, type ModelRunner } from '../../../annotations/checks';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import type { PackSession } from '../pack/use-pack-session';
import { PageInputSource } from '../run/page-input-source';
import { PROBE_LIMIT_MS, ProbeRunner } from '../run/probe-runner';
import { ChecksController, type ChecksState } from './checks-controller';

export interface ChecksUi {
  controller: ChecksController;
  state: ChecksState;
}

export const ChecksContext = createContext<ChecksUi | null>(null);

export function useChecksUi(): ChecksUi | null {
  return useContext(ChecksContext);
}

export function useChecks(api: ContentApi, session: PackSession | null, runOnLoad: boolean): ChecksUi | null {
  const bindings = session?.bindings ?? null;
  // A model described again with more facts (graph op shapes learned from the page's own call) is the same model:
  // the controller, its results and a run under way stay; it reads the newest graphs from this map.
  const structure = bindings
    ? [...bindings.graphs]
        .map(([alias, graph]) => `${alias}=${graph.id}:${graph.fingerprint}`)
        .sort()
        .join('|')
    : '';
  const graphs = useMemo(() => new Map<string, ModelGraph>(), [session?.active.key, structure]);
  if (bindings) for (const [alias, graph] of bindings.graphs) graphs.set(alias, graph);
  const controller = useMemo(() => {
    if (!session || !bindings) return null;
    const runners = new Map<string, ModelRunner>();
    for (const [alias, graph] of bindings.graphs) runners.set(alias, new ProbeRunner(api, graph));
    return new ChecksController({
      pack: session.active.pack,
      graphs,
      runners,
      inputs: new PageInputSource(),
      runPack,
      computeStaleness,
      weightsDigest: (alias) => {
        const graph = graphs.get(alias);
        return graph ? api.weightsDigest(graph.id) : Promise.reject(new Error(`no model for ${alias}`));
      },
      timeoutMs: PROBE_LIMIT_MS,
    });
  }, [api, graphs]);
  const [state, setState] = useState<ChecksState | null>(null);

  useEffect(() => {
    if (!controller) {
      setState(null);
      return;
    }
    setState(controller.snapshot());
    const unsubscribe = controller.subscribe(setState);
    controller.assess();
    if (runOnLoad) void controller.runAll();
    return () => {
      unsubscribe();
      controller.dispose();
    };
  }, [controller]);

  return useMemo(() => (controller && state ? { controller, state } : null), [controller, state]);
}
