// Vertical placement of margin notes: each note as close as possible to its anchor's top, no two overlapping.
// Least squares under "each note starts below the one before" is an isotonic regression, solved exactly by the
// pool-adjacent-violators algorithm: a crowd of notes centres itself on its anchors rather than only pushing down.
// Translation-invariant (scrolling moves every note by the same amount) and pure.

export interface StackItem {
  id: string;
  /** Where the note would like its top to be (its anchor's top). */
  want: number;
  height: number;
}

export interface StackOptions {
  /** Space between two notes. */
  gap: number;
  /** No note starts above this (e.g. the top of the document, in the same coordinates). */
  min?: number;
}

interface Block {
  /** Sum of the shifted targets and number of items pooled. */
  sum: number;
  count: number;
}

/** Tops for each item (by id), in input coordinates. Ties keep the input order. */
export function stackNotes(items: readonly StackItem[], options: StackOptions): Map<string, number> {
  const order = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.want - b.item.want || a.i - b.i)
    .map((x) => x.item);
  // Shift each target by the room the notes above it need, so the constraint becomes z[i] ≤ z[i+1].
  const offsets: number[] = [];
  let offset = 0;
  for (const item of order) {
    offsets.push(offset);
    offset += Math.max(0, item.height) + options.gap;
  }
  const blocks: Block[] = [];
  for (let i = 0; i < order.length; i++) {
    blocks.push({ sum: order[i]!.want - offsets[i]!, count: 1 });
    // Pool while the block before asks for a higher position than this one (a violation).
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2]!;
      if (before.sum / before.count <= last.sum / last.count) break;
      blocks.pop();
      before.sum += last.sum;
      before.count += last.count;
    }
  }
  const tops = new Map<string, number>();
  let i = 0;
  for (const block of blocks) {
    const z = Math.max(block.sum / block.count, options.min ?? -Infinity);
    for (let k = 0; k < block.count; k++, i++) tops.set(order[i]!.id, z + offsets[i]!);
  }
  return tops;
}

/** True when no two [top, top + height) ranges overlap (with `gap` between them). For tests and assertions. */
export function overlapsNone(
  boxes: readonly { top: number; height: number }[],
  gap = 0,
  tolerance = 0.5,
): boolean {
  // Ties: the shorter first (an empty box at the top of another does not overlap it).
  const sorted = [...boxes].sort((a, b) => a.top - b.top || a.height - b.height);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    if (sorted[i]!.top + tolerance < a.top + a.height + gap) return false;
  }
  return true;
}
