import { describe, expect, it } from 'vitest';
import type { ContentPacksRequest } from '../../protocol/packs-messages';
import { EMPTY_FRAME_PACKS, type FramePacks } from '../../protocol/packs';
import { DEFAULT_SETTINGS, type Settings } from '../../extension/settings/settings';
import { makeGraph, makePack } from '../../extension/background/packs/testing';
import { FrameState } from './frame-state';
import { PacksClient } from './packs-client';

function setup(candidates: number) {
  const state = new FrameState();
  const sent: ContentPacksRequest[] = [];
  const described: string[] = [];
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const reply = (graphs: unknown): FramePacks => ({
    ...EMPTY_FRAME_PACKS,
    candidates,
    active:
      graphs && candidates > 0
        ? {
            key: 's:test-pack',
            pack: makePack(),
            provenance: {
              packId: 'test-pack',
              title: 'T',
              authors: [],
              version: '1',
              license: 'MIT',
              sourceKind: 'url',
              sourceLabel: 'x',
              url: 'https://p.example.org/t.json',
              origin: 'https://p.example.org',
            },
            match: null,
            step: 1,
          }
        : null,
  });
  const client = new PacksClient({
    session: 'abcdef0123456789',
    state,
    // Each describe gives a graph of its own (seq#1, seq#2, …), so a test can tell a fresh one from a cached one.
    describe: async (id) => (described.push(id), makeGraph({ id, name: `seq#${described.length}` })),
    send: async (m) => (sent.push(m), m.type === 'frame-packs' ? reply(m.graphs) : { ok: true }),
    frameUrl: () => 'http://127.0.0.1:8080/demo/#x',
    settings: {
      read: async () => stored,
      write: async (patch) => (stored = { ...stored, ...patch }),
      watch: () => undefined,
    },
  });
  state.apply({
    kind: 'model',
    nonce: 'n',
    model: { id: 'm1', kind: 'layers', name: 'seq', sourceUrl: null, nodes: 1, params: 8, backend: 'cpu' },
  });
  return { client, sent, described, state };
}

describe('PacksClient', () => {
  it('does not describe the models when no pack can apply to the page', async () => {
    const { client, sent, described } = setup(0);
    await client.refresh();
    expect(described).toEqual([]);
    expect(sent).toEqual([
      {
        type: 'frame-packs',
        session: 'abcdef0123456789',
        frameUrl: 'http://127.0.0.1:8080/demo/#x',
        graphs: null,
      },
    ]);
    expect(client.state().active).toBeNull();
  });

  it('describes the models when a pack might apply, and tells listeners about the active pack', async () => {
    const { client, sent, described } = setup(1);
    const seen: FramePacks[] = [];
    client.onChange((s) => seen.push(s), new AbortController().signal);
    await client.refresh();
    expect(described).toEqual(['m1']);
    expect(sent.map((m) => (m.type === 'frame-packs' ? (m.graphs?.length ?? null) : m.type))).toEqual([
      null,
      1,
    ]);
    expect(seen.at(-1)?.active?.step).toBe(1);
    // Described once: later refreshes send the cached graph straight away.
    await client.refresh();
    expect(described).toEqual(['m1']);
    expect(sent).toHaveLength(3);
  });

  it('describes a model again once the hook reports a new revision of it, and sends that graph', async () => {
    const { client, sent, described, state } = setup(1);
    await client.refresh();
    expect(described).toEqual(['m1']);
    // The hook learned the model's live shapes: same model, a new revision, so the cached graph is stale.
    state.apply({
      kind: 'model',
      nonce: 'n',
      model: {
        id: 'm1',
        kind: 'layers',
        name: 'seq',
        sourceUrl: null,
        nodes: 1,
        params: 8,
        backend: 'cpu',
        revision: 1,
      },
    });
    await client.refresh();
    expect(described).toEqual(['m1', 'm1']);
    const last = sent.at(-1);
    expect(last?.type === 'frame-packs' ? last.graphs?.map((g) => g.name) : null).toEqual(['seq#2']);
    // The same revision again: answered from the cache.
    await client.refresh();
    expect(described).toEqual(['m1', 'm1']);
  });

  it('builds a share link for the active pack without the page fragment', async () => {
    const { client } = setup(1);
    expect(await client.shareLink()).toEqual({ ok: false, reason: 'No pack is shown here.' });
    await client.refresh();
    expect(await client.shareLink(2)).toEqual({
      ok: true,
      link: 'http://127.0.0.1:8080/demo/#literate=https%3A%2F%2Fp.example.org%2Ft.json&step=3',
    });
  });

  it('saves settings and tells settings listeners', async () => {
    const { client } = setup(0);
    const seen: Settings[] = [];
    client.onSettings((s) => seen.push(s), new AbortController().signal);
    await client.updateSettings({ launcherPosition: { x: 0.2, y: 0.9 } });
    expect(client.settings().launcherPosition).toEqual({ x: 0.2, y: 0.9 });
    expect(seen).toHaveLength(1);
  });
});
