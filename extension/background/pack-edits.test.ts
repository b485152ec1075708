import { describe, expect, it } from 'vitest';
import type { EditView } from '../../protocol/pack-edits';
import { ErrorLog } from './error-log';
import { handleContentPacks, handlePagePacks, type HandlerDeps } from './pack-handlers';
import { summarizeEdit } from './packs/edit-summary';
import { MemoryArea } from './packs/kv';
import { MAX_PENDING, PENDING_KEY, PENDING_TTL_MS } from './packs/pending-edits';
import { PackService } from './packs/service';
import { makePack, packText } from './packs/testing';
import { ShareLinks } from './share-links';
import { TabPacks } from './tab-packs';

const PAGE = 'http://127.0.0.1:8080/demo/index.html?q=1#x';

function setup(now = () => 1_000) {
  const area = new MemoryArea();
  const service = new PackService({ area, now });
  const tabs = new TabPacks();
  const opened: string[] = [];
  const links = new ShareLinks({
    service,
    tabs,
    fetch: async () => new Response('', { status: 404 }),
    openPrompt: async () => ({ windowId: 1 }),
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
    sendToTab: async () => undefined,
    grantedSites: async () => [],
    syncSites: async () => [],
    openEditPrompt: async (id) => void opened.push(id),
  };
  const fromContent = (packKey: string, text: string) =>
    handleContentPacks({ type: 'save-pack-edit', packKey, text }, { tabId: 3, frameId: 0, url: PAGE }, deps);
  return { area, service, deps, opened, fromContent };
}

const editedText = (title = 'My better title', extra: Parameters<typeof makePack>[0] = {}) =>
  packText({ title, version: '1.1.0', ...extra });

describe('edited copies from the overlay (issue 15)', () => {
  it('a content script alone never stores a pack: the copy waits, an extension page is opened to confirm', async () => {
    const { service, opened, fromContent } = setup();
    await service.importFile('mine.json', packText());
    const before = (await service.store()).snapshot();
    const reply = await fromContent('files:test-pack', editedText());
    expect(reply).toMatchObject({ ok: true, pendingId: expect.stringMatching(/^e[0-9a-f]{24}$/) });
    expect(opened).toEqual([(reply as { pendingId: string }).pendingId]);
    expect((await service.store()).snapshot()).toEqual(before);
    expect((await service.usable()).map((u) => u.record.key)).toEqual(['files:test-pack']);
  });

  it('refuses an edit of a pack that is not stored, and an invalid one, opening nothing', async () => {
    const { service, opened, fromContent } = setup();
    await service.importFile('mine.json', packText());
    expect(await fromContent('files:nope', editedText())).toMatchObject({
      ok: false,
      reason: /no longer stored/,
    });
    expect(await fromContent('files:test-pack', '{"not":"a pack"}')).toMatchObject({ ok: false });
    expect(opened).toEqual([]);
  });

  it('the extension page shows what the copy changes and only its yes stores it, once', async () => {
    const { service, deps, fromContent } = setup();
    await service.importFile('mine.json', packText());
    const original = makePack();
    const edited = makePack({
      title: 'My better title',
      version: '1.1.0',
      targets: { ...original.targets, pages: [...original.targets.pages, 'https://elsewhere.example/*'] },
    });
    const reply = (await fromContent('files:test-pack', JSON.stringify(edited))) as { pendingId: string };
    const view = (await handlePagePacks({ type: 'edit-get', id: reply.pendingId }, deps)) as EditView;
    expect(view).toMatchObject({
      page: 'http://127.0.0.1:8080/demo/index.html',
      original: { key: 'files:test-pack', title: original.title, source: 'Imported files' },
      summary: {
        title: 'My better title',
        version: '1.1.0',
        pages: { added: ['https://elsewhere.example/*'] },
      },
      replaces: false,
    });
    expect(await handlePagePacks({ type: 'edit-answer', id: reply.pendingId, accept: true }, deps)).toEqual({
      ok: true,
      packKey: 'edits:test-pack',
    });
    const kept = (await service.usable()).find((u) => u.record.key === 'edits:test-pack');
    expect(kept).toMatchObject({ record: { enabled: true, derivedFrom: 'files:test-pack' } });
    expect(
      await handlePagePacks({ type: 'edit-answer', id: reply.pendingId, accept: true }, deps),
    ).toMatchObject({
      ok: false,
    });
    expect(await handlePagePacks({ type: 'edit-get', id: reply.pendingId }, deps)).toBeNull();
  });

  it('a no discards the copy; pending copies are few and expire', async () => {
    let t = 1_000;
    const { area, service, deps, fromContent } = setup(() => t);
    await service.importFile('mine.json', packText());
    const first = (await fromContent('files:test-pack', editedText('a'))) as { pendingId: string };
    expect(await handlePagePacks({ type: 'edit-answer', id: first.pendingId, accept: false }, deps)).toEqual({
      ok: true,
    });
    expect((await service.usable()).map((u) => u.record.key)).toEqual(['files:test-pack']);
    for (let i = 0; i < MAX_PENDING + 2; i++) await fromContent('files:test-pack', editedText(`t${i}`));
    expect((area.snapshot()[PENDING_KEY] as unknown[]).length).toBe(MAX_PENDING);
    const late = (await fromContent('files:test-pack', editedText('late'))) as { pendingId: string };
    t += PENDING_TTL_MS + 1;
    expect(await handlePagePacks({ type: 'edit-get', id: late.pendingId }, deps)).toBeNull();
  });

  it('summarizes added, removed and changed notes and a changed id', () => {
    const a = makePack();
    const first = a.items[0]!;
    const b = makePack({ id: 'other', items: [{ ...first, id: 'new-one' }] });
    const s = summarizeEdit(a, b);
    expect(s.items.added).toEqual(['new-one']);
    expect(s.items.removed).toEqual(a.items.map((i) => i.id));
    expect(s.idChanged).toBe(true);
    const c = makePack({ items: a.items.map((i, n) => (n === 0 ? { ...i, motivation: 'describing' } : i)) });
    expect(summarizeEdit(a, c).items.changed).toEqual([first.id]);
  });
});
