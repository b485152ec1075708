// How far two inputs' activations part, layer by layer (pure): cosine similarity and relative L2 distance of the
// same node's values under input A and input B.

export interface LayerDiff {
  nodeId: string;
  /** 1: same direction; 0: orthogonal; NaN when either side is all zeros. */
  cosine: number;
  /** ‖a − b‖ / max(‖a‖, ‖b‖): 0 identical, up to 2 for opposite values; 0 when both are all zeros. */
  relL2: number;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} values with ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return NaN;
  return dot / Math.sqrt(na * nb);
}

export function relativeL2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} values with ${b.length}`);
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    d += (x - y) * (x - y);
    na += x * x;
    nb += y * y;
  }
  const scale = Math.sqrt(Math.max(na, nb));
  return scale === 0 ? 0 : Math.sqrt(d) / scale;
}

/** One row per node present on both sides with the same size, in the order given. */
export function layerDiffs(
  order: readonly string[],
  a: ReadonlyMap<string, ArrayLike<number>>,
  b: ReadonlyMap<string, ArrayLike<number>>,
): LayerDiff[] {
  const out: LayerDiff[] = [];
  for (const id of order) {
    const x = a.get(id);
    const y = b.get(id);
    if (!x || !y || x.length !== y.length) continue;
    out.push({ nodeId: id, cosine: cosine(x, y), relL2: relativeL2(x, y) });
  }
  return out;
}

/** The first node where the inputs part: relative L2 above `threshold` (default 0.5); null when none does. */
export function partingPoint(diffs: readonly LayerDiff[], threshold = 0.5): LayerDiff | null {
  return diffs.find((d) => d.relL2 > threshold) ?? null;
}
