import { describe, expect, it } from 'vitest';
import { SessionPersister, type SessionArea } from './session-persist';
import { MAX_FRAMES_PER_TAB, TabRegistry } from './tab-registry';
import { TabPacks } from './tab-packs';

/** A session area with a byte quota, like storage.session (10 MB in Chrome). */
function quotaArea(quota: number) {
  const data = new Map<string, string>();
  const used = () => [...data.values()].reduce((n, v) => n + v.length, 0);
  const area: SessionArea & { data: Map<string, string>; sets: number } = {
    data,
    sets: 0,
    async set(items) {
      area.sets++;
      for (const [k, v] of Object.entries(items)) {
        const text = JSON.stringify(v);
        if (used() - (data.get(k)?.length ?? 0) + text.length > quota)
          throw new Error('QUOTA_BYTES quota exceeded');
        data.set(k, text);
      }
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
  return area;
}

function manualTimer() {
  const pending: (() => void)[] = [];
  return {
    setTimer: (fn: () => void) => pending.push(fn),
    run: () => pending.splice(0).forEach((fn) => fn()),
    count: () => pending.length,
  };
}

describe('SessionPersister', () => {
  it('coalesces a burst of changes into one write per key', async () => {
    const area = quotaArea(1_000_000);
    const timer = manualTimer();
    let n = 0;
    const persister = new SessionPersister({
      area,
      setTimer: timer.setTimer,
      keys: [{ key: 'tabs', value: () => ({ n }), maxBytes: 1000, expendable: true }],
    });
    for (let i = 0; i < 100; i++) {
      n = i;
      persister.mark('tabs');
    }
    expect(timer.count()).toBe(1);
    timer.run();
    await persister.flush();
    expect(area.sets).toBe(1);
    expect(JSON.parse(area.data.get('tabs') ?? '{}')).toEqual({ n: 99 });
  });

  it('when storage is full, gives up what tabs can rebuild and keeps the pending consents', async () => {
    const area = quotaArea(10_000);
    const problems: string[] = [];
    let frames = 'x'.repeat(9000);
    const consents = { pending: [{ id: 'c1', text: 'y'.repeat(3000) }] };
    const persister = new SessionPersister({
      area,
      setTimer: () => undefined,
      onProblem: (p) => problems.push(p),
      keys: [
        { key: 'share-links', value: () => consents, maxBytes: 100_000, expendable: false },
        { key: 'tabs', value: () => frames, maxBytes: 100_000, expendable: true },
      ],
    });
    persister.mark('tabs');
    await persister.flush();
    expect(area.data.has('tabs')).toBe(true);
    persister.mark('share-links');
    await persister.flush();
    // The consent is saved; the frame reports made room.
    expect(JSON.parse(area.data.get('share-links') ?? 'null')).toEqual(consents);
    expect(area.data.has('tabs')).toBe(false);
    // Frame reports that no longer fit are dropped, not thrown.
    frames = 'z'.repeat(9500);
    persister.mark('tabs');
    await persister.flush();
    expect(area.data.has('share-links')).toBe(true);
    expect(problems.some((p) => p.startsWith('tabs:'))).toBe(true);
  });

  it('writes a smaller form, or nothing, for a key over its budget', async () => {
    const area = quotaArea(1_000_000);
    const persister = new SessionPersister({
      area,
      setTimer: () => undefined,
      keys: [
        { key: 'a', value: () => 'x'.repeat(500), shrink: () => 'small', maxBytes: 100, expendable: true },
        { key: 'b', value: () => 'x'.repeat(500), maxBytes: 100, expendable: true },
      ],
    });
    persister.mark('a', 'b');
    await persister.flush();
    expect(area.data.get('a')).toBe('"small"');
    expect(area.data.has('b')).toBe(false);
  });
});

describe('frames per tab are bounded', () => {
  const snapshot = (i: number) => ({
    frameUrl: `https://x.test/${i}`,
    engines: [],
    models: [
      {
        id: `m${i}`,
        kind: 'layers' as const,
        name: 'm',
        sourceUrl: null,
        nodes: 1,
        params: 1,
        backend: null,
      },
    ],
  });

  it('keeps the top frame and at most MAX_FRAMES_PER_TAB frames', () => {
    const registry = new TabRegistry();
    expect(registry.report(7, 0, 'aaaaaaaa', snapshot(0)).accepted).toBe(true);
    for (let f = 1; f <= 100; f++) registry.report(7, f, 'aaaaaaaa', snapshot(f));
    expect(registry.get(7).frames.length).toBe(MAX_FRAMES_PER_TAB);
    expect(registry.report(7, 500, 'aaaaaaaa', snapshot(500)).accepted).toBe(false);
    // A frame already known still updates.
    expect(registry.report(7, 1, 'aaaaaaaa', snapshot(1)).accepted).toBe(true);
    expect(registry.topFramesJSON()).toEqual([[7, [expect.objectContaining({ frameId: 0 })]]]);
    const restored = TabRegistry.fromJSON(
      JSON.parse(JSON.stringify([[7, Array.from({ length: 100 }, (_, f) => ({ frameId: f }))]])),
    );
    expect(restored.get(7).frames.length).toBe(MAX_FRAMES_PER_TAB);
  });

  it('bounds the pack offers kept per tab the same way', () => {
    const tabs = new TabPacks();
    const frame = { frameUrl: 'https://x.test/', offers: [], activeKey: null, candidates: 0 };
    for (let f = 1; f <= 100; f++) tabs.setFrame(3, f, frame);
    tabs.setFrame(3, 0, frame);
    const entry = tabs.toJSON()[0]?.[1];
    expect(Object.keys(entry?.frames ?? {}).length).toBe(MAX_FRAMES_PER_TAB + 1);
    expect(entry?.frames['0']).toBeDefined();
  });
});
