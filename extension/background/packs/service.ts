// The background's pack service: one store per worker, the validated packs cached until something changes, and the
// operations the options page, share links and the update alarm need. Browser-free: fetch and storage are injected.

import { t } from '../../ui/i18n';
import type { FetchLike } from './fetch-text';
import type { KeyValueArea } from './kv';
import { loadPackText } from './pack-text';
import type { Problem, Source } from './schema';
import { EDITS_SOURCE_ID, FILES_SOURCE_ID, PackStore, type UsablePack } from './store';
import { updateSource, type UpdateReport } from './update';
import { packUrlProblem } from '../../share/share-link';
import type { ActionResult } from '../../../protocol/packs-messages';
import { REMOTE_KINDS } from './schema';
import type { EditView } from '../../../protocol/pack-edits';
import { summarizeEdit } from './edit-summary';
import { PendingEdits } from './pending-edits';

export interface PackServiceDeps {
  area: KeyValueArea;
  fetch?: FetchLike;
  now?: () => number;
  /** Called after every change of the store (to tell tabs to match again). */
  onChange?: () => void;
  /** Called with every problem an update or import met (for the diagnostics log). */
  onProblem?: (problem: Problem) => void;
}

export class PackService {
  private storePromise: Promise<PackStore> | null = null;
  private usableCache: Promise<UsablePack[]> | null = null;
  private readonly pending: PendingEdits;

  constructor(private readonly deps: PackServiceDeps) {
    this.pending = new PendingEdits(deps.area, () => this.now());
  }

  store(): Promise<PackStore> {
    this.storePromise ??= PackStore.open(this.deps.area).catch((error) => {
      this.storePromise = null;
      throw error;
    });
    return this.storePromise;
  }

  /** Validated packs, cached until the next change. */
  usable(): Promise<UsablePack[]> {
    this.usableCache ??= this.store().then((s) => s.usable());
    this.usableCache.catch(() => (this.usableCache = null));
    return this.usableCache;
  }

  changed(): void {
    this.usableCache = null;
    this.deps.onChange?.();
  }

  private updateDeps(store: PackStore) {
    return {
      store,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.now ? { now: this.deps.now } : {}),
    };
  }

  private report(result: UpdateReport): UpdateReport {
    for (const p of result.problems) this.deps.onProblem?.(p);
    return result;
  }

  /** Subscribes to a pack URL or registry and fetches it now. A source that cannot be fetched yet is kept. */
  async addRemote(kind: 'url' | 'registry', url: string): Promise<ActionResult & { sourceId?: string }> {
    const trimmed = url.trim();
    const problem = packUrlProblem(trimmed);
    if (problem) return { ok: false, reason: problem, where: trimmed };
    const store = await this.store();
    const source = await store.addSource({ kind, url: trimmed }, this.now());
    const result = this.report(await updateSource(source.id, this.updateDeps(store)));
    this.changed();
    const first = result.problems[0];
    return first
      ? {
          ok: false,
          reason: first.reason,
          where: first.where,
          sourceId: source.id,
          ...(first.errors ? { errors: first.errors } : {}),
        }
      : { ok: true, sourceId: source.id };
  }

  /** Checks one remote source, or all of them, for updates. */
  async update(sourceId: string | null): Promise<UpdateReport[]> {
    const store = await this.store();
    const ids = sourceId
      ? [sourceId]
      : store
          .sources()
          .filter((s) => REMOTE_KINDS.has(s.kind))
          .map((s) => s.id);
    const reports: UpdateReport[] = [];
    for (const id of ids) reports.push(this.report(await updateSource(id, this.updateDeps(store))));
    if (ids.length > 0) this.changed();
    return reports;
  }

  /** Imports a pack file the reader picked or dropped. Invalid files are refused with every error. */
  async importFile(name: string, text: string): Promise<ActionResult & { packKey?: string }> {
    const load = await loadPackText(text);
    if (!load.ok)
      return { ok: false, reason: 'the file is not a valid pack', where: name, errors: load.errors };
    const store = await this.store();
    await store.addSource({ kind: 'file' }, this.now());
    const record = await store.putPack(
      FILES_SOURCE_ID,
      { text, sha256: load.sha256, pack: load.pack, url: name },
      this.now(),
    );
    this.changed();
    return { ok: true, packKey: record.key };
  }

  /**
   * An edited copy of a stored pack from the overlay's authoring mode (a content script): kept pending, never stored
   * as a pack here; the reader confirms it in an extension page (`answerEdit`). Answers the pending id.
   */
  async proposeEdit(
    packKey: string,
    text: string,
    page: string | null,
  ): Promise<ActionResult & { pendingId?: string }> {
    const load = await loadPackText(text);
    if (!load.ok) return { ok: false, reason: 'the edited pack is not valid', errors: load.errors };
    const store = await this.store();
    const original = store.record(packKey);
    if (!original) return { ok: false, reason: 'the pack it is a version of is no longer stored' };
    const pending = await this.pending.add({ basedOn: packKey, text, page });
    return { ok: true, pendingId: pending.id };
  }

  /** What the confirmation page shows for a pending edited copy; null when it expired or was answered. */
  async editView(id: string): Promise<EditView | null> {
    const pending = await this.pending.get(id);
    if (!pending) return null;
    const load = await loadPackText(pending.text);
    if (!load.ok) return null;
    const usable = await this.usable();
    const original = usable.find((u) => u.record.key === pending.basedOn) ?? null;
    const store = await this.store();
    return {
      id,
      page: pending.page,
      original: original && {
        key: original.record.key,
        title: original.pack.title,
        version: original.pack.version,
        source: original.source.url ?? original.source.label,
      },
      summary: summarizeEdit(original?.pack ?? null, load.pack),
      replaces: store.record(`${EDITS_SOURCE_ID}:${load.pack.id}`) !== undefined,
      at: pending.at,
    };
  }

  /** The reader's answer in the extension page: only a yes there stores the edited copy (as "Your edits"). */
  async answerEdit(id: string, accept: boolean): Promise<ActionResult & { packKey?: string }> {
    const pending = await this.pending.take(id);
    if (!pending) return { ok: false, reason: t('editExpiredReason') };
    if (!accept) return { ok: true };
    const load = await loadPackText(pending.text);
    if (!load.ok) return { ok: false, reason: 'the edited pack is not valid', errors: load.errors };
    const store = await this.store();
    const record = await store.saveEdit(
      pending.basedOn,
      { text: pending.text, sha256: load.sha256, pack: load.pack },
      this.now(),
    );
    this.changed();
    return { ok: true, packKey: record.key };
  }

  /**
   * Installs the packs shipped in the extension package (`packs/index.json` lists file names). Runs when the
   * extension version changes, or with `force` on install/reload; the reader's switches are kept; a missing index
   * means no shipped packs.
   */
  async installShipped(
    version: string,
    read: (path: string) => Promise<string | null>,
    force = false,
  ): Promise<Problem[]> {
    const store = await this.store();
    const existing = store.source('shipped');
    if (existing?.version === version && !force) return existing.problems;
    const indexText = await read('packs/index.json');
    const files = parseShippedIndex(indexText);
    const source: Source = await store.addSource({ kind: 'shipped' }, this.now());
    const keep = new Set<string>();
    const problems: Problem[] = [];
    for (const file of files) {
      const text = await read(`packs/${file}`);
      const load = text === null ? null : await loadPackText(text);
      if (!load?.ok) {
        problems.push({
          where: `packs/${file}`,
          reason: load ? 'the shipped pack does not validate' : 'the shipped pack is missing',
          at: this.now(),
          ...(load && !load.ok ? { errors: load.errors } : {}),
        });
        continue;
      }
      const record = await store.putPack(
        source.id,
        { text: text as string, sha256: load.sha256, pack: load.pack, url: `packs/${file}` },
        this.now(),
      );
      keep.add(record.key);
    }
    await store.retainPacks(source.id, keep);
    await store.patchSource(source.id, { version, problems, checkedAt: this.now(), updatedAt: this.now() });
    problems.forEach((p) => this.deps.onProblem?.(p));
    this.changed();
    return problems;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

/** `{"packs": ["a.json", ...]}` → safe file names (no paths). */
export function parseShippedIndex(text: string | null): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as { packs?: unknown };
    return Array.isArray(value.packs)
      ? value.packs.filter(
          (f): f is string =>
            typeof f === 'string' && /^[A-Za-z0-9._-]+\.json$/.test(f) && f !== 'index.json',
        )
      : [];
  } catch {
    return [];
  }
}
