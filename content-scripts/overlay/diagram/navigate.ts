// Keyboard moves over the drawn diagram: arrow keys follow edges (down/right to what an item feeds, up/left to what
// feeds it), nearest first by position; Home/End go to the first and last item. Pure.

import type { Box } from './layout';
import type { VisibleGraph } from './visible';

export type Move = 'next' | 'previous' | 'sibling-next' | 'sibling-previous' | 'first' | 'last';

export function moveFor(key: string): Move | null {
  switch (key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'ArrowRight':
      return 'sibling-next';
    case 'ArrowLeft':
      return 'sibling-previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** The item a move lands on from `from`, or null when there is nowhere to go. */
export function navigate(
  view: VisibleGraph,
  boxes: ReadonlyMap<string, Box>,
  from: string | null,
  move: Move,
): string | null {
  const order = view.items.map((i) => i.id);
  if (order.length === 0) return null;
  if (from === null || !boxes.has(from) || move === 'first') return order[0]!;
  if (move === 'last') return order[order.length - 1]!;
  const here = boxes.get(from)!;
  const cx = (b: Box) => b.x + b.width / 2;
  const cy = (b: Box) => b.y + b.height / 2;
  if (move === 'next' || move === 'previous') {
    const ends =
      move === 'next'
        ? view.edges.filter((e) => e.from === from).map((e) => e.to)
        : view.edges.filter((e) => e.to === from).map((e) => e.from);
    const placed = ends.filter((id) => boxes.has(id));
    if (placed.length === 0) return null;
    // Straight down (or up) first: the least sideways step.
    placed.sort((a, b) => Math.abs(cx(boxes.get(a)!) - cx(here)) - Math.abs(cx(boxes.get(b)!) - cx(here)));
    return placed[0]!;
  }
  // Left/right: the nearest item beside this one (same rank, roughly), in that direction.
  const sign = move === 'sibling-next' ? 1 : -1;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, box] of boxes) {
    if (id === from) continue;
    const dx = (cx(box) - cx(here)) * sign;
    if (dx <= 1) continue;
    const score = dx + 3 * Math.abs(cy(box) - cy(here));
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

/** Every drawn item upstream of `id` (what it is computed from), itself included: the path from the inputs. */
export function upstream(view: VisibleGraph, id: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of view.edges) into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  const seen = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const from of into.get(stack.pop()!) ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      stack.push(from);
    }
  }
  return seen;
}
