// A GraphModel bigger than a ModelGraph may carry (more than GRAPH_LIMITS.maxNodes nodes, a node with hundreds of
// inputs) is described truncated, with a note and its true size, and that description passes the bridge's
// validation; a page snapshot keeps its valid models when one is invalid, and reports big models.
import { describe, expect, it } from 'vitest';
import { wrap } from '../../protocol/bridge';
import { parsePageMessage, parseSnapshot } from '../../protocol/bridge-validate';
import { GRAPH_LIMITS } from '../model-graph';
import { parseModelGraph } from '../model-graph-validate';
import { truncationNote } from './assemble';
import { describeModel } from './describe-model';
import type { DescribeContext } from './types';

const ctx: DescribeContext = {
  id: 'm1',
  sourceUrl: 'http://127.0.0.1/big/model.json',
  origin: 'http',
  format: 'graph-model',
  backend: 'cpu',
  tfjsVersion: null,
  tfjsVersionClass: '3.x+',
};

/** A loaded GraphModel's shape (artifacts + executor) with `count` nodes: a chain of Relu, a wide Concat, weights. */
export function bigGraphModel(count: number): object {
  const node: object[] = [{ name: 'x', op: 'Placeholder', attr: {} }];
  const weightSpecs: object[] = [];
  for (let i = 1; i < count; i++) {
    if (i % 10 === 0) {
      node.push({ name: `w${i}`, op: 'Const', attr: {} });
      weightSpecs.push({ name: `w${i}`, shape: [2], dtype: 'float32' });
    } else if (i === 5) {
      node.push({ name: 'wide', op: 'ConcatV2', input: Array.from({ length: 300 }, () => 'x'), attr: {} });
    } else {
      node.push({ name: `n${i}`, op: 'Relu', input: [i === 1 ? 'x' : `n${i - 1}`], attr: {} });
    }
  }
  return {
    execute() {},
    executor: {},
    artifacts: { format: 'graph-model', modelTopology: { node }, weightSpecs },
  };
}

describe('a graph bigger than a ModelGraph may carry', () => {
  it('is described truncated, with its true node count and a note, and passes validation', () => {
    const total = GRAPH_LIMITS.maxNodes + 5_001;
    const g = describeModel(bigGraphModel(total), ctx)!;
    expect(g.nodes).toHaveLength(GRAPH_LIMITS.maxNodes);
    expect(g.totals.nodes).toBe(total);
    expect(g.notes).toContain(truncationNote(total, GRAPH_LIMITS.maxNodes));
    expect(g.nodes.find((n) => n.id === 'wide')!.inputs).toHaveLength(GRAPH_LIMITS.maxNodeInputs);
    // Weights of the nodes left out are not turned into orphan Const nodes.
    expect(g.nodes.some((n) => n.id === `w${total - 1 - ((total - 1) % 10)}`)).toBe(false);
    const parsed = parseModelGraph(g);
    expect(parsed).not.toBeNull();
    expect(parsed!.totals.nodes).toBe(total);
    expect(parsed!.notes).toEqual(g.notes);
    const message = parsePageMessage(
      wrap('page', { kind: 'graph', nonce: 'n'.repeat(16), requestId: 'r1', graph: g, error: null }),
      parseModelGraph,
    );
    expect(message).toMatchObject({ kind: 'graph', error: null });
  });

  it('a graph of exactly the limit is whole: no note', () => {
    const g = describeModel(bigGraphModel(GRAPH_LIMITS.maxNodes), ctx)!;
    expect(g.nodes).toHaveLength(GRAPH_LIMITS.maxNodes);
    expect(g.totals.nodes).toBe(GRAPH_LIMITS.maxNodes);
    expect(g.notes?.some((n) => /are described/.test(n)) ?? false).toBe(false);
  });

  it('a page snapshot drops only its invalid entries, and reports models of any size', () => {
    const summary = (id: string, nodes: unknown) => ({
      id,
      kind: 'graph',
      name: id,
      sourceUrl: null,
      nodes,
      params: 0,
      backend: 'cpu',
    });
    const engine = { id: 'e1', backend: 'cpu', tfjsVersion: null, versionClass: '3.x+', late: false };
    const snapshot = parseSnapshot({
      frameUrl: 'http://127.0.0.1/',
      engines: [engine, { id: 7 }],
      models: [summary('m1', 30_000), summary('m2', -1), 'junk', summary('m3', 12)],
    });
    expect(snapshot!.engines).toEqual([engine]);
    expect(snapshot!.models.map((m) => [m.id, m.nodes])).toEqual([
      ['m1', 30_000],
      ['m3', 12],
    ]);
    const many = Array.from({ length: 100 }, (_, i) => summary(`m${i}`, 1));
    expect(parseSnapshot({ frameUrl: 'http://127.0.0.1/', engines: [], models: many })!.models).toHaveLength(
      64,
    );
  });
});
