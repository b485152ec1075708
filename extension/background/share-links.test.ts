import { describe, expect, it } from 'vitest';
import { encodeInlinePack } from '../share/inline-codec';
import { buildShareLink } from '../share/share-link';
import { FakeHost } from './packs/fake-host';
import { MemoryArea } from './packs/kv';
import { PackService } from './packs/service';
import { packText } from './packs/testing';
import { PromptLimiter, PROMPT_LIMITS } from './prompt-limits';
import { ShareLinks, type PromptRef } from './share-links';
import { TabPacks } from './tab-packs';

const PAGE = 'http://127.0.0.1:8080/demo/';
const PACK_URL = 'https://packs.example.org/tour.json';
/** A page on the pack's own origin: its packs are fetched (and described) before the reader is asked. */
const SAME_ORIGIN_PAGE = 'https://packs.example.org/demo/';
const fragmentOf = (link: string) => new URL(link).hash;

/** Opens a link and clicks in the tab, as a reader who opened it would (the window waits for that click). */
async function openClicked(links: ShareLinks, tabId: number, fragment: string, page: string | null) {
  await links.open(tabId, fragment, page);
  await links.gesture(tabId);
}

const GENEROUS = { max: 1000, windowMs: 1000 };

function setup(limiter = new PromptLimiter({ perTab: GENEROUS, perOrigin: GENEROUS, overall: GENEROUS })) {
  const host = new FakeHost();
  const service = new PackService({ area: new MemoryArea(), fetch: host.fetch });
  const tabs = new TabPacks();
  const prompts: string[] = [];
  const closed: PromptRef[] = [];
  const notified: number[] = [];
  const links = new ShareLinks({
    service,
    tabs,
    fetch: host.fetch,
    openPrompt: async (id) => (prompts.push(id), { windowId: prompts.length }),
    closePrompt: async (ref) => void closed.push(ref),
    notify: (tabId) => void notified.push(tabId),
    limiter,
  });
  return { host, service, tabs, links, prompts, closed, notified };
}

describe('ShareLinks', () => {
  it('asks before loading a pack from an untrusted URL, showing provenance, then loads it at the step', async () => {
    const { host, service, tabs, links, prompts } = setup();
    host.put(PACK_URL, packText({ title: 'A guided tour', description: 'Three steps.' }));
    const page = SAME_ORIGIN_PAGE;
    await openClicked(links, 1, fragmentOf(buildShareLink(page, { url: PACK_URL }, 1)), page);
    expect(tabs.link(1)).toMatchObject({ state: 'asking', source: PACK_URL, step: 1 });
    expect(await service.usable()).toEqual([]); // nothing loaded silently
    const view = links.view(prompts[0]!);
    expect(view).toMatchObject({
      provenance: {
        title: 'A guided tour',
        origin: 'https://packs.example.org',
        authors: [{ name: 'Ada' }],
        sourceKind: 'link',
      },
      description: 'Three steps.',
      step: 1,
      steps: 2,
      pageOrigin: 'https://packs.example.org',
      canTrustOrigin: true,
    });
    expect(await links.answer(prompts[0]!, true, false)).toEqual({ ok: true });
    const key = (await service.usable())[0]?.record.key;
    expect(tabs.link(1)).toMatchObject({ state: 'loaded', packKey: key, step: 1 });
    expect(tabs.chosen(1)).toBe(key);
    expect(tabs.linkedKeys(1)).toEqual(new Set([key]));
  });

  it('asks once: the same URL later loads without a prompt', async () => {
    const { host, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    await links.answer(prompts[0]!, true, false);
    await openClicked(links, 2, `#literate=${encodeURIComponent(PACK_URL)}&step=2`, PAGE);
    expect(prompts).toHaveLength(1);
    expect(tabs.link(2)).toMatchObject({ state: 'loaded', step: 1 });
  });

  it('trusting an origin loads its other packs without asking', async () => {
    const { host, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    host.put('https://packs.example.org/other.json', packText({ id: 'other' }));
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    await links.answer(prompts[0]!, true, true);
    await openClicked(
      links,
      2,
      `#literate=${encodeURIComponent('https://packs.example.org/other.json')}`,
      PAGE,
    );
    expect(prompts).toHaveLength(1);
    expect(tabs.link(2)).toMatchObject({ state: 'loaded', packKey: expect.stringMatching(/:other$/) });
  });

  it('a declined (or forged) link does not load, is not asked again, and can be reviewed from the popup', async () => {
    const { host, service, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    await links.answer(prompts[0]!, false, false);
    expect(tabs.link(1)).toMatchObject({ state: 'declined' });
    await openClicked(links, 3, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    expect(prompts).toHaveLength(1);
    expect(tabs.link(3)).toMatchObject({
      state: 'declined',
      reason: expect.stringMatching(/review it again/),
    });
    expect(await service.usable()).toEqual([]);
    expect(await links.review(3)).toEqual({ ok: true });
    expect(prompts).toHaveLength(2);
    await links.answer(prompts[1]!, true, false);
    expect(tabs.link(3)).toMatchObject({ state: 'loaded' });
  });

  it('closing the prompt counts as "not now"', async () => {
    const { host, links, tabs } = setup();
    host.put(PACK_URL, packText());
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    await links.promptClosed({ windowId: 1 });
    expect(tabs.link(1)).toMatchObject({ state: 'declined' });
  });

  it('keeps one question per tab: a newer link closes the older prompt', async () => {
    const { host, links, prompts, closed } = setup();
    host.put(PACK_URL, packText());
    host.put('https://evil.example.net/x.json', packText({ id: 'x' }));
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    await openClicked(links, 1, `#literate=${encodeURIComponent('https://evil.example.net/x.json')}`, PAGE);
    expect(closed).toEqual([{ windowId: 1 }]);
    expect(links.view(prompts[0]!)).toBeNull();
    expect(links.view(prompts[1]!)?.provenance.origin).toBe('https://evil.example.net');
  });

  it('asks before loading an inline pack, and loads the same inline pack again without asking', async () => {
    const { links, prompts, tabs } = setup();
    const encoded = await encodeInlinePack(packText({ title: 'Inline tour' }));
    if (!encoded.ok) throw new Error(encoded.reason);
    const fragment = fragmentOf(buildShareLink(PAGE, { inline: encoded.value }, 0));
    await openClicked(links, 1, fragment, PAGE);
    expect(links.view(prompts[0]!)).toMatchObject({
      provenance: { title: 'Inline tour', origin: null, sourceKind: 'inline' },
      canTrustOrigin: false,
    });
    await links.answer(prompts[0]!, true, true);
    expect(tabs.link(1)).toMatchObject({ state: 'loaded', packKey: 'inline:test-pack', step: 0 });
    await openClicked(links, 2, fragment, PAGE);
    expect(prompts).toHaveLength(1);
    expect(tabs.link(2)).toMatchObject({ state: 'loaded' });
  });

  it('says why a link cannot load', async () => {
    const { host, links, tabs, prompts } = setup();
    const PAGE = SAME_ORIGIN_PAGE;
    await openClicked(links, 1, '#literate=https%3A%2F%2Fpacks.example.org%2Fmissing.json', PAGE);
    expect(tabs.link(1)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/Could not load the pack from .*HTTP 404/),
    });
    host.put(PACK_URL, '{"literate": "1",}');
    await openClicked(links, 2, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    expect(tabs.link(2)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/not valid:\nhttps:\/\/packs.example.org\/tour.json:1:\d+/),
    });
    await openClicked(links, 3, '#literate-inline=%%%', PAGE);
    expect(tabs.link(3)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/base64url/) });
    await openClicked(links, 4, '#literate=javascript%3Aalert(1)', PAGE);
    expect(tabs.link(4)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/http or https/) });
    await openClicked(links, 5, '#section-2', PAGE);
    expect(tabs.link(5)).toBeNull();
    expect(prompts).toEqual([]);
  });

  it('loads at no step, saying why, when the link asks for a step the pack lacks', async () => {
    const { host, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}&step=9`, PAGE);
    await links.answer(prompts[0]!, true, false);
    expect(tabs.link(1)).toMatchObject({
      state: 'loaded',
      step: null,
      reason: 'The link asks for step 9, but the pack has 2 steps.',
    });
  });

  it('keeps pending questions across a worker restart', async () => {
    const { host, links, prompts, service, tabs } = setup();
    host.put(PACK_URL, packText());
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    const saved = JSON.parse(JSON.stringify(links.toJSON()));
    const restarted = new ShareLinks({
      service,
      tabs,
      fetch: host.fetch,
      openPrompt: async () => null,
      closePrompt: async () => undefined,
      notify: () => undefined,
    });
    restarted.restore(saved);
    expect(restarted.view(prompts[0]!)?.provenance.url).toBe(PACK_URL);
    expect(await restarted.answer(prompts[0]!, true, false)).toEqual({ ok: true });
  });

  it('opens no window until the reader clicks in the tab (or presses Review in the popup)', async () => {
    const { host, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    await links.open(1, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    expect(prompts).toEqual([]);
    expect(tabs.link(1)).toMatchObject({
      state: 'asking',
      reason: expect.stringMatching(/Click on the page/),
    });
    await links.gesture(1);
    expect(prompts).toHaveLength(1);
    await links.gesture(1); // a second click does not open a second window
    expect(prompts).toHaveLength(1);

    // A click that comes while the pack is still loading counts once it is ready.
    host.put('https://packs.example.org/b.json', packText({ id: 'b' }));
    const opening = links.open(
      2,
      `#literate=${encodeURIComponent('https://packs.example.org/b.json')}`,
      PAGE,
    );
    await links.gesture(2);
    await opening;
    expect(prompts).toHaveLength(2);

    // The popup's Review needs no click in the page.
    host.put('https://packs.example.org/c.json', packText({ id: 'c' }));
    await links.open(3, `#literate=${encodeURIComponent('https://packs.example.org/c.json')}`, PAGE);
    expect(prompts).toHaveLength(2);
    expect(await links.review(3)).toEqual({ ok: true });
    expect(prompts).toHaveLength(3);
  });

  it('a page that reloads with new links gets a few windows per tab and per origin, then only the popup asks', async () => {
    let now = 5_000_000;
    const { host, links, prompts, tabs } = setup(new PromptLimiter(PROMPT_LIMITS, () => now));
    for (let i = 0; i < 12; i++) {
      const url = `https://evil${i}.example.net/p.json`;
      host.put(url, packText({ id: `p${i}` }));
      await openClicked(links, 1, `#literate=${encodeURIComponent(url)}`, 'https://attacker.example/');
      now += 1_000;
    }
    expect(prompts).toHaveLength(PROMPT_LIMITS.perTab.max);
    expect(tabs.link(1)).toMatchObject({ state: 'asking', reason: expect.stringMatching(/asked too often/) });
    // The same page origin in other tabs: limited too.
    for (let tab = 2; tab < 8; tab++) {
      const url = `https://other${tab}.example.net/p.json`;
      host.put(url, packText({ id: `o${tab}` }));
      await openClicked(links, tab, `#literate=${encodeURIComponent(url)}`, 'https://attacker.example/x');
    }
    expect(prompts).toHaveLength(PROMPT_LIMITS.perOrigin.max);
    // The reader can still look, from the popup.
    expect(await links.review(1)).toEqual({ ok: true });
    expect(prompts).toHaveLength(PROMPT_LIMITS.perOrigin.max + 1);
  });

  it('a "no" covers the pack\'s origin unless the reader narrows it to the one link', async () => {
    const { host, links, prompts, tabs } = setup();
    const a = 'https://evil.example.net/a.json';
    const b = 'https://evil.example.net/b.json?v=2';
    host.put(a, packText({ id: 'a' }));
    host.put(b, packText({ id: 'b' }));
    await openClicked(links, 1, `#literate=${encodeURIComponent(a)}`, PAGE);
    await links.answer(prompts[0]!, false, false);
    await openClicked(links, 2, `#literate=${encodeURIComponent(b)}`, PAGE);
    expect(prompts).toHaveLength(1);
    expect(tabs.link(2)).toMatchObject({ state: 'declined' });

    const narrow = setup();
    narrow.host.put(a, packText({ id: 'a' }));
    narrow.host.put(b, packText({ id: 'b' }));
    await openClicked(narrow.links, 1, `#literate=${encodeURIComponent(a)}`, PAGE);
    await narrow.links.answer(narrow.prompts[0]!, false, false, false);
    await openClicked(narrow.links, 2, `#literate=${encodeURIComponent(b)}`, PAGE);
    expect(narrow.prompts).toHaveLength(2);
    await openClicked(narrow.links, 3, `#literate=${encodeURIComponent(a)}`, PAGE);
    expect(narrow.tabs.link(3)).toMatchObject({ state: 'declined' });
  });

  it('a closed window covers the origin too, and inline packs are covered per page origin', async () => {
    const { links, prompts, tabs } = setup();
    const one = await encodeInlinePack(packText({ id: 'one' }));
    const two = await encodeInlinePack(packText({ id: 'two' }));
    if (!one.ok || !two.ok) throw new Error('encode');
    await openClicked(links, 1, fragmentOf(buildShareLink(PAGE, { inline: one.value }, null)), PAGE);
    await links.promptClosed({ windowId: 1 });
    await openClicked(links, 2, fragmentOf(buildShareLink(PAGE, { inline: two.value }, null)), PAGE);
    expect(prompts).toHaveLength(1);
    expect(tabs.link(2)).toMatchObject({ state: 'declined' });
    // Another page origin still asks.
    await openClicked(
      links,
      3,
      fragmentOf(buildShareLink('http://localhost:9000/', { inline: two.value }, null)),
      'http://localhost:9000/',
    );
    expect(prompts).toHaveLength(2);
  });

  it('always names the page that asks: a document without an http(s) origin cannot ask', async () => {
    const { host, links, prompts, tabs } = setup();
    host.put(PACK_URL, packText());
    for (const [tab, page] of [
      [1, 'about:blank'],
      [2, null],
      [3, 'data:text/html,x'],
    ] as const) {
      await openClicked(links, tab, `#literate=${encodeURIComponent(PACK_URL)}`, page);
      expect(tabs.link(tab)).toMatchObject({
        state: 'failed',
        reason: expect.stringMatching(/http or https/),
      });
    }
    expect(prompts).toEqual([]);
    await openClicked(links, 4, `#literate=${encodeURIComponent(PACK_URL)}`, PAGE);
    expect(links.view(prompts[0]!)?.pageOrigin).toBe('http://127.0.0.1:8080');
  });

  it('does not fetch a pack on a new source on another site before the reader agrees to it', async () => {
    const { host, service, tabs, links, prompts } = setup();
    host.put(PACK_URL, packText({ title: 'A guided tour' }));
    await openClicked(links, 1, `#literate=${encodeURIComponent(PACK_URL)}&step=2`, PAGE);
    expect(host.requests(PACK_URL)).toBe(0);
    expect(tabs.link(1)).toMatchObject({ state: 'asking', source: PACK_URL });
    expect(links.view(prompts[0]!)).toMatchObject({
      unfetched: true,
      provenance: { url: PACK_URL, origin: 'https://packs.example.org' },
      pageOrigin: 'http://127.0.0.1:8080',
    });
    // "Not now": still nothing fetched.
    await links.answer(prompts[0]!, false, false);
    expect(host.requests(PACK_URL)).toBe(0);
    await links.review(1);
    expect(await links.answer(prompts[1]!, true, false)).toEqual({ ok: true });
    expect(host.requests(PACK_URL)).toBe(1);
    const key = (await service.usable())[0]?.record.key;
    expect(tabs.link(1)).toMatchObject({ state: 'loaded', packKey: key, step: 1 });
  });

  it('an agreed source that fails says why, in the window and the popup', async () => {
    const { links, tabs, prompts } = setup();
    await openClicked(links, 1, '#literate=https%3A%2F%2Fpacks.example.org%2Fmissing.json', PAGE);
    const answer = await links.answer(prompts[0]!, true, false);
    expect(answer).toMatchObject({ ok: false, reason: expect.stringMatching(/HTTP 404/) });
    expect(tabs.link(1)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/HTTP 404/) });
  });

  it("never fetches from the reader's machine or network for a page elsewhere, and follows no redirect", async () => {
    const { host, tabs, prompts } = setup();
    const redirects: (RequestRedirect | undefined)[] = [];
    const spy = new ShareLinks({
      service: new PackService({ area: new MemoryArea(), fetch: host.fetch }),
      tabs,
      fetch: (url, init) => (redirects.push(init.redirect), host.fetch(url, init)),
      openPrompt: async (id) => (prompts.push(id), { windowId: 1 }),
      closePrompt: async () => undefined,
      notify: () => undefined,
    });
    for (const target of [
      'http://127.0.0.1:9000/p.json',
      'http://localhost:3000/p.json',
      'http://192.168.1.1/p.json',
      'http://[::1]/p.json',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      host.put(target, packText());
      await openClicked(spy, 7, `#literate=${encodeURIComponent(target)}`, 'https://evil.example/page');
      expect(tabs.link(7)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/local network/) });
      expect(host.requests(target)).toBe(0);
    }
    expect(prompts).toEqual([]);
    // The page's own host may: it is served from there.
    const own = 'http://127.0.0.1:8080/packs/p.json';
    host.put(own, packText({ title: 'Own' }));
    await openClicked(spy, 8, `#literate=${encodeURIComponent(own)}`, PAGE);
    expect(host.requests(own)).toBe(1);
    expect(redirects).toEqual(['error']);
    expect(spy.view(prompts[0]!)?.provenance.title).toBe('Own');
  });
});
