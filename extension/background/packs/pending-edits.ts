// Why: a content script's "Keep as my copy" must never store an enabled pack by itself (the page can script the
// overlay; a renderer can be compromised). Its copy waits here, in storage.local under its own key, until the reader
// answers in an extension page. Few and short-lived: at most MAX_PENDING (the oldest goes), each for PENDING_TTL_MS.

import type { KeyValueArea } from './kv';
import { randomId } from '../../../base/random-id';

export const PENDING_KEY = 'pendingEdits';
export const MAX_PENDING = 3;
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export interface PendingEdit {
  id: string;
  /** Key of the stored pack this edits. */
  basedOn: string;
  text: string;
  page: string | null;
  at: number;
}

function read(v: unknown): PendingEdit[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { id, basedOn, text, page, at } = e as Record<string, unknown>;
    if (typeof id !== 'string' || typeof basedOn !== 'string' || typeof text !== 'string') return [];
    if (typeof at !== 'number' || !Number.isFinite(at)) return [];
    return [{ id, basedOn, text, page: typeof page === 'string' ? page : null, at }];
  });
}

function newId(): string {
  return randomId(12, 'e');
}

export class PendingEdits {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {}

  private async load(): Promise<PendingEdit[]> {
    const all = read((await this.area.get(PENDING_KEY))[PENDING_KEY]);
    return all.filter((e) => this.now() - e.at < PENDING_TTL_MS);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Keeps an edit for the reader to answer; returns its id. */
  add(edit: Omit<PendingEdit, 'id' | 'at'>): Promise<PendingEdit> {
    return this.serial(async () => {
      const entry: PendingEdit = { ...edit, id: newId(), at: this.now() };
      const kept = [entry, ...(await this.load())].slice(0, MAX_PENDING);
      await this.area.set({ [PENDING_KEY]: kept });
      return entry;
    });
  }

  async get(id: string): Promise<PendingEdit | null> {
    return (await this.load()).find((e) => e.id === id) ?? null;
  }

  /** Removes and returns an edit (answered either way); null when it expired or was answered already. */
  take(id: string): Promise<PendingEdit | null> {
    return this.serial(async () => {
      const all = await this.load();
      const found = all.find((e) => e.id === id) ?? null;
      await this.area.set({ [PENDING_KEY]: all.filter((e) => e.id !== id) });
      return found;
    });
  }
}
