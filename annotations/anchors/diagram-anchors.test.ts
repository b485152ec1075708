import { describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../model/model-graph';
import { mnistGraph } from '../format/testing/graphs';
import { nameScopes, resolveDiagramAnchor, resolveDiagramSelector } from './diagram-anchors';

const graph = mnistGraph();
/** The same graph with scoped names, as converted graph models have. */
const scoped: ModelGraph = {
  ...graph,
  id: 'scoped',
  nodes: graph.nodes.map((n, i) => ({ ...n, id: i < 2 ? `Net/Block_1/${n.id}` : `Net/${n.id}` })),
};

describe('diagram anchors', () => {
  it('resolves one node, a few nodes (once each) and says what they are', () => {
    expect(resolveDiagramSelector({ type: 'DiagramSelector', node: 'conv1' }, graph)).toEqual({
      status: 'resolved',
      graphId: graph.id,
      ids: ['conv1'],
      kind: 'node',
      description: 'conv1',
    });
    const few = resolveDiagramSelector(
      { type: 'DiagramSelector', nodes: ['conv1', 'conv2', 'conv1'] },
      graph,
    );
    expect(few).toMatchObject({
      status: 'resolved',
      ids: ['conv1', 'conv2'],
      description: '2 nodes: conv1, conv2',
    });
  });

  it('makes a missing node an orphan naming the closest ones', () => {
    expect(resolveDiagramSelector({ type: 'DiagramSelector', node: 'conv3' }, graph)).toEqual({
      status: 'orphan',
      reason: 'no node named conv3; closest: conv1, conv2',
    });
    expect(
      resolveDiagramSelector({ type: 'DiagramSelector', nodes: ['conv1', 'ghost'] }, graph),
    ).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/^no node named ghost/),
    });
  });

  it('finds groups among the diagram’s groups, or among name scopes without a diagram', () => {
    expect(nameScopes(scoped)).toEqual(new Set(['Net', 'Net/Block_1']));
    expect(resolveDiagramSelector({ type: 'DiagramSelector', group: 'Net/Block_1' }, scoped)).toMatchObject({
      status: 'resolved',
      ids: ['Net/Block_1'],
      kind: 'group',
    });
    expect(resolveDiagramSelector({ type: 'DiagramSelector', group: 'Net/Block_2' }, scoped)).toEqual({
      status: 'orphan',
      reason: 'no group Net/Block_2 in the diagram; closest: Net/Block_1',
    });
    // The diagram's own blocks (not name scopes) count when the overlay passes them.
    const groups = new Set(['block 1']);
    expect(resolveDiagramSelector({ type: 'DiagramSelector', group: 'block 1' }, graph, groups).status).toBe(
      'resolved',
    );
  });

  it('goes through the pack’s aliases like model selectors', () => {
    const graphs = new Map([['cnn', graph]]);
    expect(resolveDiagramAnchor({ type: 'DiagramSelector', node: 'conv1' }, graphs, 'cnn').status).toBe(
      'resolved',
    );
    expect(resolveDiagramAnchor({ type: 'DiagramSelector', model: 'other', node: 'conv1' }, graphs)).toEqual({
      status: 'orphan',
      reason: "model 'other' is not bound to a model on this page",
    });
    expect(resolveDiagramAnchor({ type: 'DiagramSelector', node: 'conv1' }, graphs)).toMatchObject({
      status: 'orphan',
    });
  });
});
