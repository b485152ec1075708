// The pack store: sources, pack records and their texts in storage.local. Every change is a copy-on-write commit
// (memory changes only once storage took it), texts are content-addressed so an update never overwrites the copy in
// use, and the reader's switches and own packs survive updates and re-installs.

import type { Pack } from '../../../annotations/format/types';
import type { KeyValueArea } from './kv';
import { migrate } from './migrate';
import { loadPackText, summarize } from './pack-text';
import { signatureOfText, signerBookkeeping } from './signatures';
import {
  KEYS,
  REMOTE_KINDS,
  TEXT_PREFIX,
  textKey,
  type HttpValidators,
  type PackRecord,
  type Problem,
  type Source,
  type SourceKind,
  type StoreState,
} from './schema';
import { randomId } from '../../../base/random-id';

export const SHIPPED_SOURCE_ID = 'shipped';
export const FILES_SOURCE_ID = 'files';
export const EDITS_SOURCE_ID = 'edits';
export const INLINE_SOURCE_ID = 'inline';
const FIXED_SOURCES: Partial<Record<SourceKind, { id: string; label: string }>> = {
  shipped: { id: SHIPPED_SOURCE_ID, label: 'Shipped with Literate' },
  file: { id: FILES_SOURCE_ID, label: 'Imported files' },
  edit: { id: EDITS_SOURCE_ID, label: 'Your edits' },
  inline: { id: INLINE_SOURCE_ID, label: 'Packs from inline share links' },
};

export interface UsablePack {
  record: PackRecord;
  source: Source;
  pack: Pack;
}

export interface NewPackCopy {
  text: string;
  sha256: string;
  pack: Pack;
  url?: string;
  http?: HttpValidators;
}

export type SourcePatch = Partial<
  Pick<Source, 'checkedAt' | 'updatedAt' | 'http' | 'problems' | 'label' | 'version'>
>;

export class ReadOnlyStoreError extends Error {
  constructor() {
    super('Pack storage comes from a newer version of Literate; update Literate to change packs.');
  }
}

export class PackStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Packs validated in this worker's lifetime, by text hash. */
  private validated = new Map<string, Pack | null>();

  private constructor(
    private readonly area: KeyValueArea,
    private state: StoreState,
    readonly readOnly: boolean,
    /** What opening repaired (for diagnostics). */
    readonly notes: string[],
  ) {}

  /** Reads storage, migrates it to the current schema and writes the result back. */
  static async open(area: KeyValueArea): Promise<PackStore> {
    const migration = migrate(await area.get(null));
    if (!migration.readOnly) {
      await area.set(migration.set);
      if (migration.remove.length > 0) await area.remove(migration.remove);
    }
    return new PackStore(area, migration.state, migration.readOnly, migration.notes);
  }

  snapshot(): StoreState {
    return structuredClone(this.state);
  }
  sources(): Source[] {
    return structuredClone(this.state.sources);
  }
  source(id: string): Source | undefined {
    const s = this.state.sources.find((x) => x.id === id);
    return s && structuredClone(s);
  }
  records(sourceId?: string): PackRecord[] {
    return structuredClone(this.state.packs.filter((p) => sourceId === undefined || p.sourceId === sourceId));
  }
  record(key: string): PackRecord | undefined {
    const r = this.state.packs.find((p) => p.key === key);
    return r && structuredClone(r);
  }
  findSource(kind: SourceKind, url?: string): Source | undefined {
    const s = this.state.sources.find((x) => x.kind === kind && (url === undefined || x.url === url));
    return s && structuredClone(s);
  }
  trustedOrigins(): string[] {
    return [...this.state.trust.origins];
  }

  async text(sha256: string): Promise<string | undefined> {
    const items = await this.area.get(textKey(sha256));
    const text = items[textKey(sha256)];
    return typeof text === 'string' ? text : undefined;
  }

  /**
   * Every stored pack, validated again as it is loaded into memory (once per text per worker lifetime). A copy that
   * no longer validates is left out and reported on its source; the text stays stored.
   */
  async usable(): Promise<UsablePack[]> {
    const out: UsablePack[] = [];
    for (const record of this.state.packs) {
      const source = this.state.sources.find((s) => s.id === record.sourceId);
      if (!source) continue;
      let pack = this.validated.get(record.sha256);
      if (pack === undefined) {
        const text = await this.text(record.sha256);
        const load = text === undefined ? null : await loadPackText(text);
        pack = load?.ok ? load.pack : null;
        this.validated.set(record.sha256, pack);
        if (!pack && !this.readOnly) {
          const problem: Problem = {
            where: record.url ?? record.title,
            reason: text === undefined ? 'the stored copy is missing' : 'the stored copy no longer validates',
            at: Date.now(),
            ...(load && !load.ok ? { errors: load.errors } : {}),
          };
          await this.patchSource(source.id, { problems: [...source.problems, problem] }).catch(
            () => undefined,
          );
        }
      }
      if (pack) out.push({ record: structuredClone(record), source: structuredClone(source), pack });
    }
    return out;
  }

  // --------------------------------------------------------------------------------------------- mutations

  /** Adds a source, or returns the existing one for the same kind and URL (re-adding changes nothing). */
  addSource(input: { kind: SourceKind; url?: string; label?: string }, now = Date.now()): Promise<Source> {
    return this.commit((draft) => {
      const fixed = FIXED_SOURCES[input.kind];
      const existing = draft.sources.find((s) =>
        fixed ? s.id === fixed.id : s.kind === input.kind && s.url === input.url,
      );
      if (existing) return structuredClone(existing);
      if (REMOTE_KINDS.has(input.kind) && !input.url) throw new Error(`a ${input.kind} source needs a URL`);
      const source: Source = {
        id: fixed?.id ?? randomId(6, 's'),
        kind: input.kind,
        label: input.label ?? fixed?.label ?? input.url ?? input.kind,
        addedAt: now,
        problems: [],
        ...(input.url ? { url: input.url } : {}),
      };
      draft.sources.push(source);
      return structuredClone(source);
    });
  }

  /** Removes a source and the packs that came from it. Edited copies of those packs stay (they are the reader's). */
  removeSource(id: string): Promise<void> {
    return this.commit((draft) => {
      draft.sources = draft.sources.filter((s) => s.id !== id);
      draft.packs = draft.packs.filter((p) => p.sourceId !== id);
    });
  }

  /** Removes one pack; a link source holds one pack, so it goes with it. */
  removePack(key: string): Promise<void> {
    return this.commit((draft) => {
      const record = draft.packs.find((p) => p.key === key);
      if (!record) return;
      draft.packs = draft.packs.filter((p) => p.key !== key);
      const source = draft.sources.find((s) => s.id === record.sourceId);
      if (source?.kind === 'link') draft.sources = draft.sources.filter((s) => s.id !== source.id);
    });
  }

  patchSource(id: string, patch: SourcePatch): Promise<void> {
    return this.commit((draft) => {
      const source = draft.sources.find((s) => s.id === id);
      if (source) Object.assign(source, structuredClone(patch));
    });
  }

  /**
   * Stores a new validated copy of a pack for a source (key `<source>:<pack id>`). The reader's switch is kept; the
   * old text stays until the new one is stored.
   */
  async putPack(
    sourceId: string,
    copy: NewPackCopy,
    now = Date.now(),
    extra: Partial<PackRecord> = {},
  ): Promise<PackRecord> {
    const signature = await signatureOfText(copy.text);
    return this.commit(
      (draft) => {
        if (!draft.sources.some((s) => s.id === sourceId)) throw new Error(`unknown source ${sourceId}`);
        const key = `${sourceId}:${copy.pack.id}`;
        const old = draft.packs.find((p) => p.key === key);
        const signer = signerBookkeeping(old ?? {}, signature, now);
        const record: PackRecord = {
          key,
          sourceId,
          sha256: copy.sha256,
          ...summarize(copy.pack),
          enabled: old?.enabled ?? true,
          fetchedAt: now,
          ...(copy.url ? { url: copy.url } : {}),
          ...(copy.http ? { http: copy.http } : {}),
          ...(old?.derivedFrom ? { derivedFrom: old.derivedFrom } : {}),
          signature,
          ...(signer.signerKeyId ? { signerKeyId: signer.signerKeyId } : {}),
          ...(signer.change ? { signerChange: signer.change } : {}),
          ...extra,
        };
        draft.packs = old ? draft.packs.map((p) => (p.key === key ? record : p)) : [...draft.packs, record];
        this.validated.set(copy.sha256, copy.pack);
        return structuredClone(record);
      },
      { [textKey(copy.sha256)]: copy.text },
    );
  }

  /** Keeps only the listed packs of a source (a registry that stopped listing a pack). */
  retainPacks(sourceId: string, keep: ReadonlySet<string>): Promise<void> {
    return this.commit((draft) => {
      draft.packs = draft.packs.filter((p) => p.sourceId !== sourceId || keep.has(p.key));
    });
  }

  /** Marks a pack as fetched again without change (HTTP 304), refreshing its validators. */
  touchPack(key: string, now: number, http?: HttpValidators): Promise<void> {
    return this.commit((draft) => {
      const record = draft.packs.find((p) => p.key === key);
      if (!record) return;
      record.fetchedAt = now;
      if (http) record.http = http;
    });
  }

  setEnabled(key: string, enabled: boolean): Promise<void> {
    return this.commit((draft) => {
      const record = draft.packs.find((p) => p.key === key);
      if (record) record.enabled = enabled;
    });
  }

  /** Saves the reader's edited copy of a pack: its own record, never touched by updates of the original. */
  async saveEdit(originalKey: string, copy: NewPackCopy, now = Date.now()): Promise<PackRecord> {
    await this.addSource({ kind: 'edit' }, now);
    return this.putPack(EDITS_SOURCE_ID, copy, now, { derivedFrom: originalKey });
  }

  trustOrigin(origin: string): Promise<void> {
    return this.commit((draft) => {
      if (!draft.trust.origins.includes(origin)) draft.trust.origins.push(origin);
    });
  }

  untrustOrigin(origin: string): Promise<void> {
    return this.commit((draft) => {
      draft.trust.origins = draft.trust.origins.filter((o) => o !== origin);
    });
  }

  /** Applies `change` to a copy, writes it, and only then makes it the state; unreferenced texts are removed after. */
  private commit<R>(change: (draft: StoreState) => R, texts: Record<string, string> = {}): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.readOnly) throw new ReadOnlyStoreError();
      const draft = structuredClone(this.state);
      const result = change(draft);
      await this.area.set({
        ...texts,
        [KEYS.sources]: draft.sources,
        [KEYS.packs]: draft.packs,
        [KEYS.trust]: draft.trust,
      });
      const before = new Set(this.state.packs.map((p) => p.sha256));
      this.state = draft;
      const after = new Set(draft.packs.map((p) => p.sha256));
      const unused = [...before, ...Object.keys(texts).map((k) => k.slice(TEXT_PREFIX.length))].filter(
        (sha) => !after.has(sha),
      );
      if (unused.length > 0) await this.area.remove([...new Set(unused)].map(textKey)).catch(() => undefined);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
