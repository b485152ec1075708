// The slice of storage.local the pack store needs, so the store unit-tests against memory.

export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** An in-memory area (tests, and a fallback when storage is unavailable). Values are cloned like storage does. */
export class MemoryArea implements KeyValueArea {
  readonly items = new Map<string, unknown>();
  /** When set, the next `set` call rejects with it (to test failed writes). */
  failNextSet: Error | null = null;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.items.set(k, structuredClone(v));
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.items.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.items.has(k)) out[k] = structuredClone(this.items.get(k));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextSet) {
      const error = this.failNextSet;
      this.failNextSet = null;
      throw error;
    }
    for (const [k, v] of Object.entries(items)) this.items.set(k, structuredClone(v));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.items.delete(k);
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.items].map(([k, v]) => [k, structuredClone(v)]));
  }
}
