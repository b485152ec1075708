import { describe, expect, it } from 'vitest';
import { MemoryArea } from './kv';
import { loadPackText } from './pack-text';
import { EDITS_SOURCE_ID, FILES_SOURCE_ID, PackStore, ReadOnlyStoreError } from './store';
import { makePack, packText } from './testing';
import type { Pack } from '../../../annotations/format/types';

async function copy(overrides: Partial<Pack> = {}) {
  const text = packText(overrides);
  const load = await loadPackText(text);
  if (!load.ok) throw new Error(JSON.stringify(load.errors));
  return { text, sha256: load.sha256, pack: load.pack };
}

describe('PackStore', () => {
  it('stores a pack with its text and loads it back validated after a restart', async () => {
    const area = new MemoryArea();
    const store = await PackStore.open(area);
    const source = await store.addSource({ kind: 'url', url: 'https://p.example.org/a.json' });
    const record = await store.putPack(source.id, { ...(await copy()), url: source.url! }, 10);
    expect(record).toMatchObject({
      key: `${source.id}:test-pack`,
      enabled: true,
      title: 'A test pack',
      fetchedAt: 10,
    });

    const reopened = await PackStore.open(area);
    const usable = await reopened.usable();
    expect(usable.map((u) => u.pack.title)).toEqual(['A test pack']);
    expect(area.snapshot()['schema']).toBe(1);
  });

  it('re-adding the same URL returns the existing source (no duplicate, state kept)', async () => {
    const store = await PackStore.open(new MemoryArea());
    const a = await store.addSource({ kind: 'registry', url: 'https://r.example.org/index.json' });
    await store.patchSource(a.id, { http: { etag: '"x"' } });
    const b = await store.addSource({ kind: 'registry', url: 'https://r.example.org/index.json' });
    expect(b.id).toBe(a.id);
    expect(b.http).toEqual({ etag: '"x"' });
    expect(store.sources()).toHaveLength(1);
  });

  it('keeps the reader’s switch when a pack is updated, and frees the old text', async () => {
    const area = new MemoryArea();
    const store = await PackStore.open(area);
    const source = await store.addSource({ kind: 'url', url: 'https://p.example.org/a.json' });
    const v1 = await copy();
    const r1 = await store.putPack(source.id, v1);
    await store.setEnabled(r1.key, false);
    const v2 = await copy({ version: '1.1.0' });
    const r2 = await store.putPack(source.id, v2);
    expect(r2).toMatchObject({ key: r1.key, enabled: false, version: '1.1.0' });
    expect(area.items.has(`text:${v2.sha256}`)).toBe(true);
    expect(area.items.has(`text:${v1.sha256}`)).toBe(false);
  });

  it('keeps the old copy in memory and storage when a write fails', async () => {
    const area = new MemoryArea();
    const store = await PackStore.open(area);
    const source = await store.addSource({ kind: 'url', url: 'https://p.example.org/a.json' });
    const v1 = await copy();
    await store.putPack(source.id, v1);
    area.failNextSet = new Error('QUOTA_BYTES quota exceeded');
    await expect(store.putPack(source.id, await copy({ version: '2.0.0' }))).rejects.toThrow(/quota/);
    expect(store.records()[0]?.version).toBe('1.0.0');
    expect(area.items.has(`text:${v1.sha256}`)).toBe(true);
    expect((await store.usable()).map((u) => u.pack.version)).toEqual(['1.0.0']);
  });

  it('an edited copy survives updates and the removal of its original', async () => {
    const store = await PackStore.open(new MemoryArea());
    const source = await store.addSource({ kind: 'url', url: 'https://p.example.org/a.json' });
    const original = await store.putPack(source.id, await copy());
    const edit = await store.saveEdit(original.key, await copy({ title: 'My better title' }));
    expect(edit).toMatchObject({
      sourceId: EDITS_SOURCE_ID,
      derivedFrom: original.key,
      title: 'My better title',
    });
    await store.putPack(source.id, await copy({ version: '3.0.0', title: 'Publisher update' }));
    expect(store.record(edit.key)?.title).toBe('My better title');
    await store.removeSource(source.id);
    expect(store.records().map((r) => r.key)).toEqual([edit.key]);
    expect((await store.usable()).map((u) => u.pack.title)).toEqual(['My better title']);
  });

  it('imported files live in one source of the reader’s own; re-importing replaces by pack id', async () => {
    const store = await PackStore.open(new MemoryArea());
    await store.addSource({ kind: 'file' });
    await store.putPack(FILES_SOURCE_ID, { ...(await copy()), url: 'mine.json' });
    await store.putPack(FILES_SOURCE_ID, { ...(await copy({ version: '1.0.1' })), url: 'mine.json' });
    expect(store.records(FILES_SOURCE_ID).map((r) => r.version)).toEqual(['1.0.1']);
  });

  it('retainPacks drops only the unlisted packs of that source', async () => {
    const store = await PackStore.open(new MemoryArea());
    const reg = await store.addSource({ kind: 'registry', url: 'https://r.example.org/i.json' });
    await store.addSource({ kind: 'file' });
    const a = await store.putPack(reg.id, await copy({ id: 'a' }));
    await store.putPack(reg.id, await copy({ id: 'b' }));
    await store.putPack(FILES_SOURCE_ID, await copy({ id: 'b' }));
    await store.retainPacks(reg.id, new Set([a.key]));
    expect(
      store
        .records()
        .map((r) => r.key)
        .sort(),
    ).toEqual([a.key, `${FILES_SOURCE_ID}:b`].sort());
  });

  it('reports a stored copy that no longer validates on its source, and keeps its text', async () => {
    const bad = makePack();
    const text = JSON.stringify({ ...bad, literate: '99' });
    const sha = 'f'.repeat(64);
    const area = new MemoryArea({
      schema: 1,
      sources: [{ id: 'files', kind: 'file', label: 'Imported files', addedAt: 0, problems: [] }],
      packs: [{ key: 'files:x', sourceId: 'files', sha256: sha, packId: 'x', title: 'X', url: 'x.json' }],
      trust: { origins: [] },
      [`text:${sha}`]: text,
    });
    const store = await PackStore.open(area);
    expect(await store.usable()).toEqual([]);
    const problem = store.source('files')?.problems[0];
    expect(problem).toMatchObject({ where: 'x.json', reason: 'the stored copy no longer validates' });
    expect(problem?.errors?.[0]).toMatchObject({ pointer: '/literate', line: expect.any(Number) });
    expect(area.items.get(`text:${sha}`)).toBe(text);
  });

  it('serializes concurrent changes (no lost update)', async () => {
    const store = await PackStore.open(new MemoryArea());
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.addSource({ kind: 'url', url: `https://p.example.org/${i}.json` }),
      ),
    );
    expect(store.sources()).toHaveLength(10);
  });

  it('refuses changes to storage from a newer Literate', async () => {
    const area = new MemoryArea({ schema: 9, sources: [], packs: [], trust: { origins: [] } });
    const store = await PackStore.open(area);
    expect(store.readOnly).toBe(true);
    await expect(store.addSource({ kind: 'file' })).rejects.toBeInstanceOf(ReadOnlyStoreError);
    expect(area.snapshot()).toEqual({ schema: 9, sources: [], packs: [], trust: { origins: [] } });
  });

  it('trusts origins once', async () => {
    const store = await PackStore.open(new MemoryArea());
    await store.trustOrigin('https://p.example.org');
    await store.trustOrigin('https://p.example.org');
    expect(store.trustedOrigins()).toEqual(['https://p.example.org']);
    await store.untrustOrigin('https://p.example.org');
    expect(store.trustedOrigins()).toEqual([]);
  });
});
