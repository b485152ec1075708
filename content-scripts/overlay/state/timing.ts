// Performance marks for how fast the overlay appears (model found → launcher → outline), read by e2e and bench.

const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  try {
    performance.mark(name);
  } catch {}
}
