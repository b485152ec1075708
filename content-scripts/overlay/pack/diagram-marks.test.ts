import { describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../../model/model-graph';
import { mnistGraph } from '../../../annotations/format/testing/graphs';
import { groupGraph } from '../diagram/grouping';
import { diagramNotes, marksFor } from './diagram-marks';
import type { PlacedItem } from './resolve';

const base = mnistGraph();
/** Scoped names, as converted graph models have: the first two nodes in one block, the rest in another. */
const graph: ModelGraph = {
  ...base,
  nodes: base.nodes.map((n, i) => ({
    ...n,
    id: `Net/${i < 2 ? 'Stem' : 'Head'}/${n.id}`,
    inputs: n.inputs.map((id) => {
      const j = base.nodes.findIndex((m) => m.id === id);
      return `Net/${j < 2 ? 'Stem' : 'Head'}/${id}`;
    }),
  })),
};

function placed(id: string, graphId: string, ids: string[]): PlacedItem {
  return {
    annotation: { id } as PlacedItem['annotation'],
    index: 0,
    page: null,
    model: null,
    alias: 'm',
    diagram: {
      status: 'resolved',
      graphId,
      ids,
      kind: ids.length > 1 ? 'nodes' : 'node',
      description: ids.join(', '),
    },
  };
}

describe('pack notes on the diagram', () => {
  it('numbers the notes on one graph’s diagram in pack order, leaving out other graphs and other notes', () => {
    const other = placed('elsewhere', 'another-graph', ['x']);
    const plain = { ...placed('plain', graph.id, []), diagram: null };
    const notes = diagramNotes(
      [placed('a', graph.id, ['Net/Stem/conv1']), other, plain, placed('b', graph.id, ['Net/Head/dense_1'])],
      graph.id,
    );
    expect(notes.map((n) => [n.n, n.item.annotation.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('marks a node, a closed group with what is inside it, and an open group’s title with its own notes only', () => {
    const grouping = groupGraph(graph);
    const pool = 'Net/Head/pool1';
    expect(grouping.ancestors.get(pool)).toEqual(['Net', 'Net/Head']);
    const notes = diagramNotes(
      [placed('on-node', graph.id, [pool]), placed('on-group', graph.id, ['Net/Head'])],
      graph.id,
    );
    expect(marksFor(pool, false, notes, grouping)).toEqual([1]);
    expect(marksFor('Net/Head', false, notes, grouping)).toEqual([1, 2]);
    expect(marksFor('Net/Head', true, notes, grouping)).toEqual([2]);
    // The outer group, closed, carries both: the node and the group are inside it.
    expect(marksFor('Net', false, notes, grouping)).toEqual([1, 2]);
    expect(marksFor('Net/Stem/input', false, notes, grouping)).toEqual([]);
  });
});
