// A set of listeners that each end with an AbortSignal: add, tell all (one that throws does not stop the others).

export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds `listener` until `signal` aborts (not at all when it already has); returns a function that removes it. */
  add(listener: (value: T) => void, signal?: AbortSignal): () => void {
    if (signal?.aborted) return () => undefined;
    // Each add is its own entry: the same function added twice is removed once per add, not once for both.
    const entry = (value: T) => listener(value);
    const remove = () => {
      this.set.delete(entry);
      signal?.removeEventListener('abort', remove);
    };
    this.set.add(entry);
    signal?.addEventListener('abort', remove, { once: true });
    return remove;
  }

  /** Calls every listener with `value`; one that throws is passed over and the rest are still called. */
  emit(value: T): void {
    for (const entry of [...this.set]) {
      try {
        entry(value);
      } catch {}
    }
  }

  clear(): void {
    this.set.clear();
  }

  get size(): number {
    return this.set.size;
  }
}
