import { describe, expect, it } from 'vitest';
import { ErrorLog } from './error-log';
import { handleContentPacks, handlePagePacks, type HandlerDeps } from './pack-handlers';
import { FakeHost } from './packs/fake-host';
import { MemoryArea } from './packs/kv';
import { PackService } from './packs/service';
import { makeGraph, packText } from './packs/testing';
import { ShareLinks } from './share-links';
import { TabPacks } from './tab-packs';

const PAGE = 'http://127.0.0.1:8080/demo/index.html';
const SESSION = '0123456789abcdef';

function setup() {
  const host = new FakeHost();
  const service = new PackService({ area: new MemoryArea(), fetch: host.fetch });
  const tabs = new TabPacks();
  const prompts: string[] = [];
  const sent: [number, unknown][] = [];
  const links = new ShareLinks({
    service,
    tabs,
    fetch: host.fetch,
    openPrompt: async (id) => (prompts.push(id), { windowId: 1 }),
    closePrompt: async () => undefined,
    notify: () => undefined,
  });
  const deps: HandlerDeps = {
    service,
    tabs,
    links,
    errors: new ErrorLog(new MemoryArea()),
    tabStates: () => [],
    notifyTab: () => undefined,
    persist: () => undefined,
    sendToTab: async (tabId, message) => void sent.push([tabId, message]),
    grantedSites: async () => [],
    syncSites: async () => [],
  };
  const frame = (graphs: ReturnType<typeof makeGraph>[] | null, frameId = 0) =>
    handleContentPacks(
      { type: 'frame-packs', session: SESSION, frameUrl: PAGE, graphs },
      { tabId: 7, frameId, url: PAGE },
      deps,
    );
  return { host, service, tabs, deps, frame, prompts, sent };
}

describe('pack handlers', () => {
  it('answers a frame with the packs for its URL, then binds them once the models are described', async () => {
    const { service, frame } = setup();
    await service.importFile('mine.json', packText());
    const pageOnly = await frame(null);
    expect(pageOnly).toMatchObject({ candidates: 1, active: null });
    const described = await frame([makeGraph()]);
    expect(described.active).toMatchObject({
      key: 'files:test-pack',
      step: null,
      provenance: { sourceKind: 'file', url: 'mine.json' },
    });
    expect(described.active?.match?.complete).toBe(true);
    expect(described.active?.pack.title).toBe('A test pack');
  });

  it('gives the active pack the step of the share link that opened it, and a share link back', async () => {
    const { host, frame, prompts, deps } = setup();
    host.put('https://p.example.org/t.json', packText());
    await handleContentPacks(
      {
        type: 'share-link',
        session: SESSION,
        fragment: '#literate=https%3A%2F%2Fp.example.org%2Ft.json&step=2',
      },
      { tabId: 7, frameId: 0, url: PAGE },
      deps,
    );
    // The window waits for the reader's click in the top document (a subframe's does not count).
    const gesture = { type: 'share-link-gesture', session: SESSION } as const;
    expect(await handleContentPacks(gesture, { tabId: 7, frameId: 3, url: PAGE }, deps)).toEqual({
      ok: false,
    });
    expect(prompts).toEqual([]);
    expect(await handleContentPacks(gesture, { tabId: 7, frameId: 0, url: PAGE }, deps)).toEqual({
      ok: true,
    });
    await handlePagePacks(
      { type: 'consent-answer', id: prompts[0]!, accept: true, trustOrigin: false },
      deps,
    );
    const state = await frame([makeGraph()]);
    expect(state.active).toMatchObject({ step: 1, provenance: { origin: 'https://p.example.org' } });
    expect(state.link).toMatchObject({ state: 'loaded' });
    expect(await handlePagePacks({ type: 'share-link-for-tab', tabId: 7 }, deps)).toEqual({
      ok: true,
      link: 'http://127.0.0.1:8080/demo/index.html#literate=https%3A%2F%2Fp.example.org%2Ft.json&step=2',
    });
    // The overlay reports the reader moved on to step 1 (0-based 0): the link follows.
    await handleContentPacks(
      { type: 'overlay-status', status: { packKey: state.active!.key, orphans: 2, anchored: 5, step: 0 } },
      { tabId: 7, frameId: 0, url: PAGE },
      deps,
    );
    expect(await handlePagePacks({ type: 'share-link-for-tab', tabId: 7 }, deps)).toMatchObject({
      link: expect.stringMatching(/&step=1$/),
    });
    expect(await handlePagePacks({ type: 'get-tab-packs', tabId: 7 }, deps)).toMatchObject({
      overlay: { orphans: 2 },
      activeKey: state.active!.key,
    });
  });

  it('ignores share links from subframes and shares imported packs inline', async () => {
    const { service, frame, deps, tabs } = setup();
    expect(
      await handleContentPacks(
        { type: 'share-link', session: SESSION, fragment: '#literate=https%3A%2F%2Fx%2Fa.json' },
        { tabId: 7, frameId: 3, url: PAGE },
        deps,
      ),
    ).toEqual({ ok: false });
    expect(tabs.link(7)).toBeNull();
    await service.importFile('mine.json', packText());
    await frame([makeGraph()]);
    expect(await handlePagePacks({ type: 'share-link-for-tab', tabId: 7 }, deps)).toMatchObject({
      ok: true,
      link: expect.stringMatching(/#literate-inline=[A-Za-z0-9_-]+$/),
    });
  });

  it('switching a pack off or choosing another changes what the frame is shown', async () => {
    const { service, frame, deps } = setup();
    await service.importFile('a.json', packText({ id: 'a', title: 'A' }));
    await service.importFile('b.json', packText({ id: 'b', title: 'B' }));
    expect((await frame([makeGraph()])).active?.key).toBe('files:a');
    await handlePagePacks({ type: 'choose-pack', tabId: 7, packKey: 'files:b' }, deps);
    expect((await frame([makeGraph()])).active?.key).toBe('files:b');
    await handlePagePacks({ type: 'set-pack-enabled', packKey: 'files:b', enabled: false }, deps);
    expect((await frame([makeGraph()])).active?.key).toBe('files:a');
  });

  it('exports a pack as a file named after its id', async () => {
    const { service, deps } = setup();
    await service.importFile('x.json', packText({ id: 'https://example.org/packs/my-pack' }));
    const result = await handlePagePacks(
      { type: 'export-pack', packKey: 'files:https://example.org/packs/my-pack' },
      deps,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.name).toBe('https-example.org-packs-my-pack.json');
    expect(JSON.parse(result.text).id).toBe('https://example.org/packs/my-pack');
  });
});
