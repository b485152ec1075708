// Which pack notes sit on which part of a model's diagram: the notes numbered in pack order, and the numbers to mark
// on one drawn item (a closed group carries the marks of what is inside it). Pure.

import type { Grouping } from '../diagram/grouping';
import { ancestorsOfGroup } from '../diagram/visible';
import type { PlacedItem } from './resolve';

export interface DiagramNote {
  /** The marker's number: 1, 2, … in pack order. */
  n: number;
  item: PlacedItem;
  ids: readonly string[];
  description: string;
}

/** The placed notes (of any kind) that point at part of this graph's diagram, numbered in pack order. */
export function diagramNotes(placed: readonly PlacedItem[], graphId: string): DiagramNote[] {
  return placed
    .filter((p) => p.diagram?.graphId === graphId)
    .map((item, i) => ({ n: i + 1, item, ids: item.diagram!.ids, description: item.diagram!.description }));
}

/**
 * The note numbers to mark on one drawn item: notes on it, and for a closed group the notes on anything inside it.
 * An open group's title carries only the notes on the group itself (its insides are drawn and marked).
 */
export function marksFor(
  itemId: string,
  open: boolean,
  notes: readonly DiagramNote[],
  grouping: Grouping,
): number[] {
  const inside = (id: string): boolean => {
    if (id === itemId) return true;
    if (open) return false;
    const chain = grouping.nodes.has(id)
      ? (grouping.ancestors.get(id) ?? [])
      : ancestorsOfGroup(grouping, id);
    return chain.includes(itemId);
  };
  return notes.filter((note) => note.ids.some(inside)).map((note) => note.n);
}
