// Binding a pack's model aliases to the models live on a page, by documented precedence (fingerprint > model
// URL > structure), one-to-one, with a score and reasons; ties stay unbound rather than guessed.
import type { ModelGraph } from '../../model/model-graph';
import type { ModelTarget, Pack, StructureConstraints } from '../format/types';
import { shapeMatches, shapeToString } from './shapes';
import { matchUrlPattern } from './url-glob';

export type Evidence = 'fingerprint' | 'url' | 'structure' | 'only-model';

export const EVIDENCE_SCORE: Record<Evidence, number> = {
  fingerprint: 1,
  url: 0.8,
  structure: 0.6,
  'only-model': 0.3,
};
/** The most a binding can score when the pack's fingerprint differs from the model's. */
export const STALE_SCORE_CAP = 0.5;

export interface ModelBinding {
  alias: string;
  /** ModelGraph.id of the bound graph, or null when unbound. */
  graphId: string | null;
  score: number;
  evidence: Evidence | null;
  /** The pack names a fingerprint and the bound model's differs: the model changed since the pack was written. */
  stale: boolean;
  optional: boolean;
  reasons: string[];
}

export interface ModelMatch {
  bindings: ModelBinding[];
  /** Every non-optional alias is bound. */
  complete: boolean;
}

interface Candidate {
  graph: ModelGraph;
  score: number;
  evidence: Evidence;
  stale: boolean;
  reasons: string[];
}

/** Failures of the structure constraints against a graph (empty when all hold). */
export function structureFailures(structure: StructureConstraints, graph: ModelGraph): string[] {
  const failures: string[] = [];
  if (structure.kind !== undefined && graph.kind !== structure.kind)
    failures.push(`is a ${graph.kind} model, not ${structure.kind}`);
  if (structure.params !== undefined && graph.totals.params !== structure.params)
    failures.push(`has ${graph.totals.params} params, not ${structure.params}`);
  if (structure.nodeCount !== undefined && graph.nodes.length !== structure.nodeCount)
    failures.push(`has ${graph.nodes.length} nodes, not ${structure.nodeCount}`);
  for (const constraint of structure.nodes ?? []) {
    const node = graph.nodes.find((n) => n.id === constraint.name);
    if (!node) {
      failures.push(`has no node named ${constraint.name}`);
      continue;
    }
    if (constraint.op !== undefined && node.op !== constraint.op)
      failures.push(`node ${node.id} is ${node.op}, not ${constraint.op}`);
    if (constraint.params !== undefined && node.params !== constraint.params)
      failures.push(`node ${node.id} has ${node.params} params, not ${constraint.params}`);
    if (
      constraint.outputShape !== undefined &&
      !(node.outputShape && shapeMatches(constraint.outputShape, node.outputShape))
    )
      failures.push(
        `node ${node.id} outputs ${shapeToString(node.outputShape)}, not ${shapeToString(constraint.outputShape)}`,
      );
  }
  return failures;
}

function evaluate(
  target: ModelTarget,
  graph: ModelGraph,
  graphCount: number,
): Candidate | { rejected: string[] } {
  const name = `${graph.id} (${graph.name})`;
  if (target.fingerprint !== undefined && target.fingerprint === graph.fingerprint)
    return {
      graph,
      score: 1,
      evidence: 'fingerprint',
      stale: false,
      reasons: [`${name}: fingerprint matches`],
    };
  const stale = target.fingerprint !== undefined;
  const reasons = stale
    ? [`${name}: fingerprint differs (the model changed since the pack was written?)`]
    : [];
  if (target.structure) {
    const failures = structureFailures(target.structure, graph);
    if (failures.length > 0) return { rejected: failures.map((f) => `${name} ${f}`) };
  }
  let evidence: Evidence | undefined;
  if (target.url !== undefined && graph.sourceUrl !== null) {
    if (!matchUrlPattern(target.url, graph.sourceUrl))
      return { rejected: [...reasons, `${name}: model URL ${graph.sourceUrl} does not match ${target.url}`] };
    evidence = 'url';
    reasons.push(`${name}: model URL matches ${target.url}`);
  } else if (target.structure) {
    evidence = 'structure';
    reasons.push(`${name}: all structure constraints hold`);
  } else if (target.url === undefined && target.fingerprint === undefined && graphCount === 1) {
    evidence = 'only-model';
    reasons.push(`${name}: no constraints given; it is the only model on the page`);
  }
  if (!evidence) {
    const why =
      target.url !== undefined
        ? 'the model has no source URL and no structure constraints are given'
        : stale
          ? 'nothing but the fingerprint to match on'
          : `no constraints given and the page has ${graphCount} models`;
    return { rejected: [...reasons, `${name}: ${why}`] };
  }
  const score = stale ? Math.min(EVIDENCE_SCORE[evidence], STALE_SCORE_CAP) : EVIDENCE_SCORE[evidence];
  return { graph, score, evidence, stale, reasons };
}

/** Decides which live graph each of the pack's model aliases binds to. */
export function matchModels(pack: Pick<Pack, 'targets'>, graphs: readonly ModelGraph[]): ModelMatch {
  const pending = new Map<string, { target: ModelTarget; candidates: Candidate[]; rejected: string[] }>();
  for (const target of pack.targets.models) {
    const candidates: Candidate[] = [];
    const rejected: string[] = [];
    for (const graph of graphs) {
      const result = evaluate(target, graph, graphs.length);
      if ('rejected' in result) rejected.push(...result.rejected);
      else candidates.push(result);
    }
    pending.set(target.alias, { target, candidates, rejected });
  }
  const taken = new Set<string>();
  const bindings = new Map<string, ModelBinding>();
  const unbound = (alias: string, optional: boolean, reasons: string[]): ModelBinding => ({
    alias,
    graphId: null,
    score: 0,
    evidence: null,
    stale: false,
    optional,
    reasons,
  });

  while (pending.size > 0) {
    let bestAlias: string | undefined;
    let bestScore = -Infinity;
    for (const [alias, entry] of pending) {
      const available = entry.candidates.filter((c) => !taken.has(c.graph.id));
      const top = Math.max(-1, ...available.map((c) => c.score));
      if (top > bestScore) [bestAlias, bestScore] = [alias, top];
    }
    const entry = bestAlias === undefined ? undefined : pending.get(bestAlias);
    if (bestAlias === undefined || !entry) break;
    pending.delete(bestAlias);
    const optional = entry.target.optional === true;
    const available = entry.candidates.filter((c) => !taken.has(c.graph.id) && c.score === bestScore);
    if (available.length === 0) {
      const reasons =
        entry.rejected.length > 0
          ? entry.rejected
          : graphs.length === 0
            ? ['no model on this page']
            : ['every matching model is bound to another alias'];
      bindings.set(bestAlias, unbound(bestAlias, optional, reasons));
    } else if (available.length > 1) {
      bindings.set(
        bestAlias,
        unbound(bestAlias, optional, [
          `ambiguous: ${available.map((c) => c.graph.id).join(', ')} match equally well; add a fingerprint, url or structure constraint`,
        ]),
      );
    } else {
      const chosen = available[0] as Candidate;
      taken.add(chosen.graph.id);
      bindings.set(bestAlias, {
        alias: bestAlias,
        graphId: chosen.graph.id,
        score: chosen.score,
        evidence: chosen.evidence,
        stale: chosen.stale,
        optional,
        reasons: chosen.reasons,
      });
    }
  }
  const ordered = pack.targets.models.map(
    (t) => bindings.get(t.alias) ?? unbound(t.alias, t.optional === true, ['not evaluated']),
  );
  return { bindings: ordered, complete: ordered.every((b) => b.graphId !== null || b.optional) };
}
