import { describe, expect, it } from 'vitest';
import { FakeHost } from './fake-host';
import { fetchText } from './fetch-text';
import { MemoryArea } from './kv';
import { sha256Hex } from './pack-text';
import { PackStore } from './store';
import { packText } from './testing';
import { updateSource } from './update';

const PACK_URL = 'https://packs.example.org/mnist.json';
const INDEX_URL = 'https://packs.example.org/registry/index.json';

async function setup() {
  const host = new FakeHost();
  const store = await PackStore.open(new MemoryArea());
  let clock = 1000;
  const deps = { store, fetch: host.fetch, now: () => clock++ };
  return { host, store, deps };
}

async function registryFor(entries: { id: string; text: string; url: string; version?: string }[]) {
  return JSON.stringify({
    literateRegistry: 1,
    title: 'Example packs',
    packs: await Promise.all(
      entries.map(async (e) => ({
        url: e.url,
        id: e.id,
        title: `Pack ${e.id}`,
        version: e.version ?? '1.0.0',
        sha256: await sha256Hex(e.text),
        targets: { pages: ['http://127.0.0.1:*/demo/*'], models: ['m'] },
      })),
    ),
  });
}

describe('fetchText', () => {
  it('refuses files over the size limit and names HTTP errors', async () => {
    const host = new FakeHost();
    host.put('https://a.example/big', 'x'.repeat(100));
    expect(await fetchText('https://a.example/big', { maxBytes: 10, fetch: host.fetch })).toMatchObject({
      status: 'error',
      reason: 'the file is larger than 10 bytes',
    });
    expect(await fetchText('https://a.example/none', { maxBytes: 10, fetch: host.fetch })).toMatchObject({
      status: 'error',
      reason: 'a.example answered HTTP 404 Not Found',
    });
    host.offline = true;
    expect(await fetchText('https://a.example/big', { maxBytes: 10, fetch: host.fetch })).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^could not reach a.example/),
    });
  });
});

describe('updateSource: a pack URL', () => {
  it('fetches, validates and stores; then revalidates with the ETag and gets 304', async () => {
    const { host, store, deps } = await setup();
    host.put(PACK_URL, packText());
    const source = await store.addSource({ kind: 'url', url: PACK_URL });
    expect(await updateSource(source.id, deps)).toMatchObject({ changed: 1, problems: [] });
    expect(store.records(source.id)[0]).toMatchObject({ title: 'A test pack', url: PACK_URL });
    expect(await updateSource(source.id, deps)).toMatchObject({ changed: 0, problems: [] });
    expect(host.log.map((l) => l.ifNoneMatch)).toEqual([null, '"v1"']);
    expect(store.source(source.id)).toMatchObject({ http: { etag: '"v1"' }, updatedAt: 1001 });
  });

  it('keeps the old copy when the update is invalid, and says where and why', async () => {
    const { host, store, deps } = await setup();
    host.put(PACK_URL, packText());
    const source = await store.addSource({ kind: 'url', url: PACK_URL });
    await updateSource(source.id, deps);
    host.put(PACK_URL, packText({ version: 'one point two' }));
    const report = await updateSource(source.id, deps);
    expect(report.problems[0]).toMatchObject({
      where: PACK_URL,
      reason: 'the pack does not validate; the previous copy stays in use',
      errors: [{ pointer: '/version', line: expect.any(Number), column: expect.any(Number) }],
    });
    expect((await store.usable()).map((u) => u.pack.version)).toEqual(['1.0.0']);
    expect(store.source(source.id)?.problems).toHaveLength(1);
  });

  it('keeps the cached copy offline, and clears the problem once back online', async () => {
    const { host, store, deps } = await setup();
    host.put(PACK_URL, packText());
    const source = await store.addSource({ kind: 'url', url: PACK_URL });
    await updateSource(source.id, deps);
    host.offline = true;
    const report = await updateSource(source.id, deps);
    expect(report.problems[0]?.reason).toMatch(
      /could not reach packs.example.org.*previous copy stays in use/,
    );
    expect(await store.usable()).toHaveLength(1);
    host.offline = false;
    expect((await updateSource(source.id, deps)).problems).toEqual([]);
    expect(store.source(source.id)?.problems).toEqual([]);
  });

  it('keeps the reader’s switch across updates', async () => {
    const { host, store, deps } = await setup();
    host.put(PACK_URL, packText());
    const source = await store.addSource({ kind: 'url', url: PACK_URL });
    await updateSource(source.id, deps);
    await store.setEnabled(store.records()[0]!.key, false);
    host.put(PACK_URL, packText({ version: '2.0.0' }));
    await updateSource(source.id, deps);
    expect(store.records()[0]).toMatchObject({ version: '2.0.0', enabled: false });
  });
});

describe('updateSource: a registry', () => {
  it('stores every listed pack, resolving relative URLs, and skips unchanged packs next time', async () => {
    const { host, store, deps } = await setup();
    const a = packText({ id: 'a' });
    const b = packText({ id: 'b' });
    host.put('https://packs.example.org/registry/a.json', a);
    host.put('https://other.example.org/b.json', b);
    host.put(
      INDEX_URL,
      await registryFor([
        { id: 'a', text: a, url: 'a.json' },
        { id: 'b', text: b, url: 'https://other.example.org/b.json' },
      ]),
    );
    const source = await store.addSource({ kind: 'registry', url: INDEX_URL });
    expect(await updateSource(source.id, deps)).toMatchObject({ changed: 2, problems: [] });
    expect(store.source(source.id)?.label).toBe('Example packs');
    expect(
      store
        .records(source.id)
        .map((r) => r.packId)
        .sort(),
    ).toEqual(['a', 'b']);
    // The index is unchanged: one conditional request, no pack requests.
    host.log = [];
    await updateSource(source.id, deps);
    expect(host.log).toEqual([{ url: INDEX_URL, ifNoneMatch: '"v3"' }]);
  });

  it('refuses a pack whose sha256 differs from the listing, keeping the old copy', async () => {
    const { host, store, deps } = await setup();
    const a = packText({ id: 'a' });
    host.put('https://packs.example.org/registry/a.json', a);
    host.put(INDEX_URL, await registryFor([{ id: 'a', text: a, url: 'a.json' }]));
    const source = await store.addSource({ kind: 'registry', url: INDEX_URL });
    await updateSource(source.id, deps);
    const a2 = packText({ id: 'a', version: '2.0.0' });
    host.put(INDEX_URL, await registryFor([{ id: 'a', text: a2, url: 'a.json' }]));
    host.put(
      'https://packs.example.org/registry/a.json',
      packText({ id: 'a', version: '2.0.0', title: 'tampered' }),
    );
    const report = await updateSource(source.id, deps);
    expect(report.problems[0]?.reason).toMatch(/sha256 .* the registry lists .*previous copy stays in use/);
    expect(store.records(source.id)[0]?.version).toBe('1.0.0');
  });

  it('drops packs the registry no longer lists, but not the reader’s edits of them', async () => {
    const { host, store, deps } = await setup();
    const a = packText({ id: 'a' });
    const b = packText({ id: 'b' });
    host.put('https://packs.example.org/registry/a.json', a);
    host.put('https://packs.example.org/registry/b.json', b);
    host.put(
      INDEX_URL,
      await registryFor([
        { id: 'a', text: a, url: 'a.json' },
        { id: 'b', text: b, url: 'b.json' },
      ]),
    );
    const source = await store.addSource({ kind: 'registry', url: INDEX_URL });
    await updateSource(source.id, deps);
    const edited = packText({ id: 'b', title: 'My notes on b' });
    const { loadPackText } = await import('./pack-text');
    const load = await loadPackText(edited);
    if (!load.ok) throw new Error('invalid');
    await store.saveEdit(`${source.id}:b`, { text: edited, sha256: load.sha256, pack: load.pack });
    host.put(INDEX_URL, await registryFor([{ id: 'a', text: a, url: 'a.json' }]));
    await updateSource(source.id, deps);
    expect(
      store
        .records()
        .map((r) => r.key)
        .sort(),
    ).toEqual([`${source.id}:a`, 'edits:b'].sort());
  });

  it('reports an invalid index with pointer and position, keeping stored packs', async () => {
    const { host, store, deps } = await setup();
    host.put(INDEX_URL, '{"literateRegistry": 1, "title": "x", "packs": [{"url": "a.json"}]}');
    const source = await store.addSource({ kind: 'registry', url: INDEX_URL });
    const report = await updateSource(source.id, deps);
    expect(report.problems[0]?.errors).toContainEqual(
      expect.objectContaining({ pointer: '/packs/0/id', line: 1, column: expect.any(Number) }),
    );
  });

  it('reports a member that does not validate, with its URL', async () => {
    const { host, store, deps } = await setup();
    const bad = packText({ id: 'a', license: '' });
    host.put('https://packs.example.org/registry/a.json', bad);
    host.put(INDEX_URL, await registryFor([{ id: 'a', text: bad, url: 'a.json' }]));
    const source = await store.addSource({ kind: 'registry', url: INDEX_URL });
    const report = await updateSource(source.id, deps);
    expect(report.problems).toEqual([
      expect.objectContaining({
        where: 'https://packs.example.org/registry/a.json',
        reason: 'the pack does not validate',
        errors: expect.arrayContaining([expect.objectContaining({ pointer: '/license' })]),
      }),
    ]);
  });
});
