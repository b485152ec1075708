// What the worker keeps in storage.session, written in one coalesced batch instead of on every message: a page with
// a hundred busy frames must not make the worker re-serialize every tab per report (other tabs' badges waited tens
// of seconds). Keys are written one by one, most precious first (pending share-link consents), each within a byte
// budget; when the area is full, the keys that tabs can rebuild (frame reports, pack offers) are given up so that
// consents still fit.

export interface SessionArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface PersistedKey {
  key: string;
  /** The value to write now (called only when the key is dirty at flush time). */
  value(): unknown;
  /** Most bytes of JSON this key may take; over it, `shrink` is asked for a smaller value, then it is dropped. */
  maxBytes: number;
  shrink?(): unknown;
  /** Can be rebuilt (content scripts report again): the first to go when storage is full. */
  expendable: boolean;
}

export interface PersistOptions {
  area: SessionArea;
  keys: PersistedKey[];
  /** How long changes gather before one write (ms). */
  delayMs?: number;
  onProblem?(reason: string): void;
  /** Timers, for tests. */
  setTimer?(fn: () => void, ms: number): unknown;
}

export class SessionPersister {
  private dirty = new Set<string>();
  private timer: unknown = null;
  private running: Promise<void> = Promise.resolve();
  /** Writes done (each set call), for tests and diagnostics. */
  writes = 0;

  constructor(private readonly options: PersistOptions) {}

  /** Marks keys changed; one write follows after the delay, whatever the number of calls. */
  mark(...keys: string[]): void {
    for (const k of keys) this.dirty.add(k);
    if (this.timer !== null) return;
    const setTimer = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs ?? 250);
  }

  /** Writes every dirty key now (serialized with any write under way). */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.writeDirty());
    return this.running;
  }

  private async writeDirty(): Promise<void> {
    const { area, keys } = this.options;
    const order = [...keys].sort((a, b) => Number(a.expendable) - Number(b.expendable));
    for (const spec of order) {
      if (!this.dirty.has(spec.key)) continue;
      this.dirty.delete(spec.key);
      let value = spec.value();
      if (jsonBytes(value) > spec.maxBytes && spec.shrink) value = spec.shrink();
      if (jsonBytes(value) > spec.maxBytes) {
        this.problem(`${spec.key}: over ${spec.maxBytes} bytes, not kept across worker restarts`);
        await area.remove(spec.key).catch(() => undefined);
        continue;
      }
      if (await this.trySet(spec.key, value)) continue;
      if (spec.expendable) {
        await area.remove(spec.key).catch(() => undefined);
        this.problem(`${spec.key}: session storage is full, not kept across worker restarts`);
        continue;
      }
      // Storage is full and this key matters (consents): give up what tabs can rebuild, then try once more.
      const expendable = keys.filter((k) => k.expendable).map((k) => k.key);
      await area.remove(expendable).catch(() => undefined);
      if (!(await this.trySet(spec.key, value))) this.problem(`${spec.key}: could not be saved`);
    }
  }

  private async trySet(key: string, value: unknown): Promise<boolean> {
    try {
      this.writes++;
      await this.options.area.set({ [key]: value });
      return true;
    } catch (error) {
      this.problem(`${key}: ${String(error)}`);
      return false;
    }
  }

  private problem(reason: string): void {
    this.options.onProblem?.(reason);
  }
}

/** Length of the JSON text of `value` (UTF-16 units: close enough to bytes for a budget), or Infinity. */
export function jsonBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}
