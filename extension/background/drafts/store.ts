// The drafts store over storage.local (or memory in tests): save (replacing the draft with the same id on the same
// page; a new draft only within the per-page and global caps, never evicting one), list a page's drafts, delete.
// Each save is one write of the whole drafts entry, so a crash leaves the last good save.

import { t } from '../../ui/i18n';
import type { KeyValueArea } from '../packs/kv';
import {
  DRAFTS_KEY,
  draftRefusal,
  migrateDrafts,
  storedDrafts,
  type DraftRecord,
  type DraftsState,
} from './schema';

export type DraftSaveResult = { ok: true; savedAt: number } | { ok: false; reason: string };

export class DraftStore {
  private state: Promise<DraftsState> | null = null;
  /** Saves run one after another, each on the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {}

  private load(): Promise<DraftsState> {
    this.state ??= this.area.get(DRAFTS_KEY).then((items) => migrateDrafts(items[DRAFTS_KEY]));
    return this.state;
  }

  async list(page: string): Promise<DraftRecord[]> {
    const { drafts } = await this.load();
    return drafts.filter((d) => d.page === page).sort((a, b) => b.savedAt - a.savedAt);
  }

  async notes(): Promise<string[]> {
    return (await this.load()).notes;
  }

  save(draft: Omit<DraftRecord, 'savedAt'>): Promise<DraftSaveResult> {
    return this.serial(async (state) => {
      if (state.readOnly) return { ok: false, reason: t('draftNewer') };
      const refused = draftRefusal(state.drafts, draft.id, draft.page);
      if (refused) return { ok: false, reason: refused };
      const savedAt = Math.max(this.now(), (state.drafts.find((d) => d.id === draft.id)?.savedAt ?? 0) + 1);
      const next = storedDrafts([{ ...draft, savedAt }, ...state.drafts.filter((d) => d.id !== draft.id)]);
      await this.area.set({ [DRAFTS_KEY]: next });
      state.drafts = next.drafts;
      return { ok: true, savedAt };
    });
  }

  /** Deletes a draft of `page` (a page cannot delete another page's drafts). */
  delete(id: string, page: string): Promise<{ ok: boolean }> {
    return this.serial(async (state) => {
      if (state.readOnly) return { ok: false };
      const kept = state.drafts.filter((d) => !(d.id === id && d.page === page));
      if (kept.length === state.drafts.length) return { ok: false };
      const next = storedDrafts(kept);
      await this.area.set({ [DRAFTS_KEY]: next });
      state.drafts = next.drafts;
      return { ok: true };
    });
  }

  private serial<T>(work: (state: DraftsState) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => work(await this.load()));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
