// Comparing an expected shape (null = any size) with an observed one (null = free dimension): one rule, used by
// structure constraints and shape checks alike.
import type { Shape } from '../../model/model-graph';

export const shapeToString = (shape: Shape | null | undefined): string =>
  shape ? `[${shape.map((d) => (d === null ? 'null' : d)).join(', ')}]` : 'unknown';

/** Same rank, and every non-null expected dimension equals the observed one (a free observed dim only matches null). */
export function shapeMatches(expected: Shape, observed: Shape): boolean {
  return expected.length === observed.length && expected.every((d, i) => d === null || d === observed[i]);
}
