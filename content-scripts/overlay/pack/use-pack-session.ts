// The active pack on this frame, ready to show: its models described, every annotation anchored (again when the
// page changes under an orphan or a lost anchor), annotations rendered on first use, live values on a shared hub.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelGraph } from '../../../model/model-graph';
import type { ContentApi } from '../../relay/content-api';
import type { PacksApi } from '../../relay/packs-api';
import type { ActivePack, FramePacks } from '../../../protocol/packs';
import { DEFAULT_SETTINGS, tapBudgetOf, type Settings } from '../../../extension/settings/settings';
import type { Annotation } from '../../../annotations/format/types';
import type { RenderedAnnotation, RenderOptions } from '../../../annotations/render/render-annotation';
import { LiveHub } from '../live/live-hub';
import { markOnce } from '../state/timing';
import { useSnapshot } from '../state/use-page';
import { mayHoldTex } from '../../../annotations/render/tex-engine';
import { useTex } from '../math/use-tex';
import { useRenderer } from './use-renderer';
import {
  bindingsOf,
  byNode,
  pageAnchorAlive,
  resolvePack,
  type Bindings,
  type PlacedItem,
  type Resolution,
} from './resolve';

export interface PackSession {
  active: ActivePack;
  bindings: Bindings;
  resolution: Resolution;
  /** Placed annotations by nodeKey(graphId, nodeId). */
  nodes: Map<string, PlacedItem[]>;
  labelsFor(graphId: string): readonly string[] | null;
  /** The input vocabulary the pack gives for a bound model (index → character or word), for typed input. */
  vocabularyFor(graphId: string): readonly string[] | null;
  render(annotation: Annotation): RenderedAnnotation;
  /** Markdown (a step's body, a pack description) to sanitized HTML. */
  markdown(text: string): string;
  hub: LiveHub;
}

/** Where page anchors are looked for: the page's body (our host sits outside it, on <html>). */
export const anchorRoot = (): Element => document.body ?? document.documentElement;

export function usePacksState(packs: PacksApi | null): FramePacks | null {
  const [state, setState] = useState(() => packs?.state() ?? null);
  useEffect(() => {
    if (!packs) return;
    const stop = new AbortController();
    packs.onChange(setState, stop.signal);
    setState(packs.state());
    return () => stop.abort();
  }, [packs]);
  return state;
}

export function useSettings(packs: PacksApi | null): Settings {
  const [settings, setSettings] = useState<Settings>(() => packs?.settings() ?? { ...DEFAULT_SETTINGS });
  useEffect(() => {
    if (!packs) return;
    const stop = new AbortController();
    packs.onSettings(setSettings, stop.signal);
    setSettings(packs.settings());
    return () => stop.abort();
  }, [packs]);
  return settings;
}

function sameResolution(a: Resolution, b: Resolution): boolean {
  if (a.placed.length !== b.placed.length || a.orphans.length !== b.orphans.length) return false;
  return a.placed.every((p, i) => {
    const q = b.placed[i]!;
    return (
      p.annotation === q.annotation &&
      p.page?.element === q.page?.element &&
      p.page?.text === q.page?.text &&
      p.model?.node?.id === q.model?.node?.id
    );
  });
}

/** Describes the graphs the active pack's aliases are bound to (null until all have answered). */
function useBoundGraphs(api: ContentApi, active: ActivePack | null): Map<string, ModelGraph> | null {
  const ids = (active?.match?.bindings ?? []).flatMap((b) => (b.graphId ? [b.graphId] : [])).sort();
  const idsKey = ids.join('\u0000');
  // The hook learns more about a model (graph op shapes, once the outline shows it): describe again, keeping the
  // graphs on show meanwhile so that the notes do not blink.
  const snapshot = useSnapshot(api);
  const revisions = ids.map((id) => snapshot.models.find((m) => m.id === id)?.revision ?? 0).join(',');
  const [graphs, setGraphs] = useState<Map<string, ModelGraph> | null>(null);
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    const key = `${active?.key ?? ''}\u0001${idsKey}`;
    if (shownFor.current !== key) setGraphs(null);
    shownFor.current = key;
    if (!active) return;
    let current = true;
    void Promise.all(
      ids.map((id) =>
        api.describe(id).then(
          (g) => [id, g] as const,
          () => null,
        ),
      ),
    ).then((pairs) => {
      if (current) setGraphs(new Map(pairs.filter((p): p is readonly [string, ModelGraph] => p !== null)));
    });
    return () => {
      current = false;
    };
  }, [api, active?.key, idsKey, revisions]);
  return graphs;
}

/** Anchors the pack, and again (at most twice a second) when the page changes while something is unplaced. */
function useResolution(active: ActivePack | null, bindings: Bindings | null): Resolution | null {
  const [resolution, setResolution] = useState<Resolution | null>(null);
  useEffect(() => {
    setResolution(null);
    if (!active || !bindings) return;
    let latest = resolvePack(active.pack, bindings, anchorRoot());
    setResolution(latest);
    let timer = 0;
    const check = () => {
      timer = 0;
      const unsettled =
        latest.orphans.length > 0 || latest.placed.some((p) => p.page !== null && !pageAnchorAlive(p.page));
      if (!unsettled) return;
      const next = resolvePack(active.pack, bindings, anchorRoot());
      if (sameResolution(latest, next)) return;
      latest = next;
      setResolution(next);
    };
    const observer = new MutationObserver(() => {
      timer ||= setTimeout(check, 500) as unknown as number;
    });
    observer.observe(anchorRoot(), { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [active?.key, bindings]);
  return resolution;
}

export function usePackSession(
  api: ContentApi,
  packs: PacksApi | null,
  active: ActivePack | null,
  settings: Settings,
): PackSession | null {
  const graphsById = useBoundGraphs(api, active);
  const bindings = useMemo(
    () => (active && graphsById ? bindingsOf(active.pack, active.match, graphsById) : null),
    [active?.key, graphsById],
  );
  const resolution = useResolution(active, bindings);
  // KaTeX is its own chunk: a pack with math waits for it, so that its notes are typeset when first drawn.
  const needsTex = useMemo(() => !!active && mayHoldTex(JSON.stringify(active.pack)), [active?.key]);
  const tex = useTex(needsTex);
  const texReady = !needsTex || tex.engine !== null || tex.failed;
  // The renderer too is a chunk of its own, asked for once there is a pack.
  const renderModule = useRenderer(active !== null);
  const budget = useMemo(() => ({ current: tapBudgetOf(settings) }), []);
  budget.current = tapBudgetOf(settings);

  const labels = useMemo(() => {
    const byGraph = new Map<string, readonly string[]>();
    const byAlias: Record<string, readonly string[]> = {};
    const vocabularies = new Map<string, readonly string[]>();
    if (active && bindings)
      for (const target of active.pack.targets.models) {
        const graph = bindings.graphs.get(target.alias);
        if (graph && target.vocabulary) vocabularies.set(graph.id, target.vocabulary);
        if (!target.labels) continue;
        byAlias[target.alias] = target.labels;
        if (graph) byGraph.set(graph.id, target.labels);
      }
    return { byGraph, byAlias, vocabularies };
  }, [bindings]);

  const hub = useMemo(() => {
    if (!bindings || !packs) return null;
    return new LiveHub({
      api,
      model: (alias) => {
        const graph = bindings.graphs.get(alias);
        return graph ? { graph, labels: labels.byGraph.get(graph.id) ?? null } : undefined;
      },
      budget: () => budget.current,
    });
  }, [bindings, labels]);
  useEffect(() => () => hub?.dispose(), [hub]);

  const renderer = useMemo(() => {
    if (!renderModule) return null;
    const { renderAnnotation, renderMarkdown } = renderModule;
    const cache = new Map<Annotation, RenderedAnnotation>();
    const texts = new Map<string, string>();
    const options: RenderOptions = { window: window as RenderOptions['window'], labels: labels.byAlias };
    return {
      render(annotation: Annotation): RenderedAnnotation {
        let rendered = cache.get(annotation);
        if (!rendered) {
          rendered = renderAnnotation(annotation, options);
          cache.set(annotation, rendered);
        }
        return rendered;
      },
      markdown(text: string): string {
        let html = texts.get(text);
        if (html === undefined) {
          html = renderMarkdown(text, options);
          texts.set(text, html);
        }
        return html;
      },
    };
  }, [active?.key, labels, texReady, renderModule]);

  return useMemo(() => {
    if (!active || !bindings || !resolution || !hub || !texReady || !renderer) return null;
    markOnce('literate:pack-resolved');
    return {
      active,
      bindings,
      resolution,
      nodes: byNode(resolution.placed),
      labelsFor: (graphId: string) => labels.byGraph.get(graphId) ?? null,
      vocabularyFor: (graphId: string) => labels.vocabularies.get(graphId) ?? null,
      render: renderer.render,
      markdown: renderer.markdown,
      hub,
    };
  }, [active, bindings, resolution, hub, renderer]);
}
