// Has the model changed since the pack was written? Per model target: fingerprint, structure constraints, and the
// annotations whose model anchors no longer resolve. Reported plainly; nothing is re-bound or guessed.
import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import { resolveModelSelector } from '../anchors/model-anchors';
import { resolveDiagramSelector } from '../anchors/diagram-anchors';
import type { DiagramSelector, ModelSelector, Pack } from '../format/types';
import { structureFailures } from '../targets/match-models';
import type { ModelStaleness, OrphanedAnnotation, StalenessReport } from './types';

/** The alias a selector refers to: its own, or the pack's only one. */
export function aliasOf(pack: Pick<Pack, 'targets'>, selector?: { model?: string }): string | null {
  if (selector?.model !== undefined) return selector.model;
  const models = pack.targets.models;
  return models.length === 1 ? (models[0]?.alias ?? null) : null;
}

/** Every model selector in the pack with the annotation it belongs to. */
function selectorsOf(pack: Pack): { id: string; kind: string; what: string; selector: ModelSelector }[] {
  const out: { id: string; kind: string; what: string; selector: ModelSelector }[] = [];
  for (const item of pack.items) {
    if (item.target?.model)
      out.push({ id: item.id, kind: item.kind, what: 'anchor', selector: item.target.model });
    if (item.kind === 'equation')
      for (const [symbol, binding] of Object.entries(item.body.bindings ?? {}))
        out.push({
          id: item.id,
          kind: item.kind,
          what: `binding ${symbol}`,
          selector: { ...binding, type: 'ModelNodeSelector' },
        });
  }
  for (const step of pack.steps ?? [])
    if (step.target?.model)
      out.push({ id: step.id, kind: 'step', what: 'anchor', selector: step.target.model });
  return out;
}

/**
 * Every diagram selector naming nodes (node, nodes) with its annotation or step. Groups are the diagram's to
 * compute (the overlay checks them); here only the nodes, which the ModelGraph alone answers.
 */
function diagramSelectorsOf(pack: Pack): { id: string; kind: string; selector: DiagramSelector }[] {
  const out: { id: string; kind: string; selector: DiagramSelector }[] = [];
  for (const item of pack.items)
    if (item.target?.diagram && item.target.diagram.group === undefined)
      out.push({ id: item.id, kind: item.kind, selector: item.target.diagram });
  for (const step of pack.steps ?? [])
    if (step.target?.diagram && step.target.diagram.group === undefined)
      out.push({ id: step.id, kind: 'step', selector: step.target.diagram });
  return out;
}

/** What staleness says when the model has the pack's architecture but other weight values. */
export const DIFFERENT_WEIGHTS = 'same architecture, different weights';

export function computeStaleness(
  pack: Pack,
  graphs: ReadonlyMap<string, ModelGraph>,
  weights: ReadonlyMap<string, WeightsDigestInfo> = new Map(),
): StalenessReport {
  const selectors = selectorsOf(pack);
  const diagramSelectors = diagramSelectorsOf(pack);
  const models = pack.targets.models.map((target): ModelStaleness => {
    const graph = graphs.get(target.alias);
    const expectedFingerprint = target.fingerprint ?? null;
    const expectedWeightsDigest = target.weightsDigest ?? null;
    if (!graph)
      return {
        alias: target.alias,
        graphId: null,
        present: false,
        expectedFingerprint,
        observedFingerprint: null,
        fingerprintMatches: null,
        expectedWeightsDigest,
        observedWeightsDigest: null,
        weightsMatch: null,
        structureFailures: [],
        orphans: [],
        stale: target.optional !== true,
        summary: target.optional ? 'optional model, not given' : 'no model given for this alias',
      };
    const fingerprintMatches =
      expectedFingerprint === null ? null : expectedFingerprint === graph.fingerprint;
    const failures = target.structure ? structureFailures(target.structure, graph) : [];
    const orphans: OrphanedAnnotation[] = [];
    for (const entry of selectors) {
      if (aliasOf(pack, entry.selector) !== target.alias) continue;
      const anchor = resolveModelSelector(entry.selector, graph);
      if (anchor.status === 'orphan')
        orphans.push({
          id: entry.id,
          kind: entry.kind,
          reason: entry.what === 'anchor' ? anchor.reason : `${entry.what}: ${anchor.reason}`,
        });
    }
    for (const entry of diagramSelectors) {
      if (aliasOf(pack, entry.selector) !== target.alias) continue;
      const anchor = resolveDiagramSelector(entry.selector, graph);
      if (anchor.status === 'orphan')
        orphans.push({ id: entry.id, kind: entry.kind, reason: `diagram: ${anchor.reason}` });
    }
    const observedWeightsDigest = weights.get(target.alias)?.digest ?? null;
    const weightsMatch =
      expectedWeightsDigest === null || observedWeightsDigest === null
        ? null
        : expectedWeightsDigest === observedWeightsDigest;
    const parts: string[] = [];
    if (fingerprintMatches === false)
      parts.push(
        `fingerprint differs (pack ${short(expectedFingerprint)}, model ${short(graph.fingerprint)})`,
      );
    if (weightsMatch === false)
      parts.push(
        fingerprintMatches === false
          ? `weights differ too (pack ${short(expectedWeightsDigest)}, model ${short(observedWeightsDigest)})`
          : `${DIFFERENT_WEIGHTS} (weights digest: pack ${short(expectedWeightsDigest)}, model ${short(observedWeightsDigest)})`,
      );
    if (failures.length > 0)
      parts.push(`${failures.length} structure constraint${failures.length === 1 ? ' fails' : 's fail'}`);
    if (orphans.length > 0)
      parts.push(
        `${orphans.length} annotation anchor${orphans.length === 1 ? ' no longer resolves' : 's no longer resolve'}`,
      );
    const stale = parts.length > 0;
    const weightsText =
      weightsMatch === true
        ? '; weights digest matches'
        : expectedWeightsDigest !== null
          ? '; weights digest not computed yet'
          : '';
    const summary = stale
      ? parts.join('; ')
      : (fingerprintMatches
          ? 'fingerprint matches; every anchor resolves'
          : 'no fingerprint to compare; structure holds and every anchor resolves') + weightsText;
    return {
      alias: target.alias,
      graphId: graph.id,
      present: true,
      expectedFingerprint,
      observedFingerprint: graph.fingerprint,
      fingerprintMatches,
      expectedWeightsDigest,
      observedWeightsDigest,
      weightsMatch,
      structureFailures: failures,
      orphans,
      stale,
      summary,
    };
  });
  return { models, stale: models.some((m) => m.stale) };
}

const short = (fingerprint: string | null): string => (fingerprint ? `${fingerprint.slice(0, 12)}…` : 'none');
