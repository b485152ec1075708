// Types for probability-bars.js (plain JS so pages can load it without a build step).
export function showProbabilities(
  list: HTMLElement,
  labels: readonly string[],
  probs: ArrayLike<number>,
  options?: { limit?: number },
): void;
