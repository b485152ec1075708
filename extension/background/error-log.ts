// Recent errors for the options page's diagnostics: a small ring in storage.local, about pack sources and the
// extension itself, never about the pages a reader visits.

import type { RecentError } from '../../protocol/packs-messages';
import type { KeyValueArea } from './packs/kv';
import { KEYS } from './packs/schema';

export const MAX_ERRORS = 50;

export function appendError(list: unknown, entry: RecentError, max = MAX_ERRORS): RecentError[] {
  const previous = Array.isArray(list)
    ? list.filter(
        (e): e is RecentError =>
          typeof e?.at === 'number' && typeof e?.where === 'string' && typeof e?.message === 'string',
      )
    : [];
  return [...previous, entry].slice(-max);
}

export class ErrorLog {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly area: KeyValueArea) {}

  add(where: string, message: string, at = Date.now()): void {
    this.queue = this.queue
      .then(async () => {
        const items = await this.area.get(KEYS.errors);
        await this.area.set({
          [KEYS.errors]: appendError(items[KEYS.errors], { at, where, message: message.slice(0, 2000) }),
        });
      })
      .catch(() => undefined);
  }

  async list(): Promise<RecentError[]> {
    await this.queue;
    const items = await this.area.get(KEYS.errors);
    return appendError(items[KEYS.errors], { at: 0, where: '', message: '' }).slice(0, -1);
  }
}
