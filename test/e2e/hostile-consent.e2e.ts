// Hostile pages against the consent window and the hello (issue #15 items 4 and 6): a page that reloads itself with
// new share links opens no window without the reader, and few with them; the load button ignores clicks timed to
// land as the window opens; a "not now" covers the pack's origin; an about:blank document cannot ask; and a page
// that patches MessageEvent's getters and stopImmediatePropagation neither receives the hello's port nor gets to say
// what the tab's URL is.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD, type Handler } from './fixtures';
import { launchWithExtension, openPopup, tabIdOf, waitForBadge, type ExtensionSession } from './harness';
import { json, readerGesture, tourPack, validPackText } from './packs-support';

type Server = Awaited<ReturnType<typeof startServer>>;

let session: ExtensionSession;
const servers: Server[] = [];
/** Every consent window the browser opened, in order. */
const prompts: Page[] = [];

/** A site of its own (its own origin) for each test, so that one test's limits and "no" do not reach another. */
async function site(routes: { path: string | RegExp; handler: Handler }[]): Promise<Server> {
  const server = await startServer({ port: 0, routes });
  servers.push(server);
  return server;
}

const PACK = json(validPackText(tourPack({ id: 'hostile', title: 'A pack the page chose' })));
const packRoute = { path: /^\/packs\/p\d+\.json$/, handler: PACK };

/**
 * A page that sends itself to a new share link (a new pack address each time, `n` counting): by itself after 200 ms
 * (`auto`), or 300 ms after each click of the reader's.
 */
function floodPage(packsOrigin: string): Handler {
  return html(`<!doctype html><html><head><title>flood</title></head><body><p>Click anywhere.</p><script>
const q = new URLSearchParams(location.search);
const n = Number(q.get('n') || 0);
const auto = q.has('auto');
document.documentElement.dataset.n = String(n);
const next = () => {
  if (n >= 11) return;
  const pack = ${JSON.stringify(packsOrigin)} + '/packs/p' + (n + 1) + '.json';
  location.href = '/flood.html?' + (auto ? 'auto=1&' : '') + 'n=' + (n + 1) + '#literate=' + encodeURIComponent(pack);
};
if (auto) setTimeout(next, 200);
else addEventListener('pointerdown', () => setTimeout(next, 300));
</script></body></html>`);
}

beforeAll(async () => {
  session = await launchWithExtension();
  session.context.on('page', (p) => {
    if (p.url().includes('options.html?consent=')) prompts.push(p);
  });
});

afterAll(async () => {
  await session?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function linkState(tabId: number): Promise<{ state: string | null; text: string }> {
  const popup = await openPopup(session, tabId);
  try {
    const status = popup.getByTestId('link-status');
    await status.waitFor({ timeout: 10_000 });
    return { state: await status.getAttribute('data-state'), text: (await status.textContent()) ?? '' };
  } finally {
    await popup.close();
  }
}

describe('consent windows need the reader', () => {
  it('a page that reloads itself with twelve new share links opens no window; the reader’s click opens one', async () => {
    const packs = await site([packRoute]);
    const pages = await site([{ path: '/flood.html', handler: floodPage(packs.url) }]);
    const before = prompts.length;
    const page = await session.context.newPage();
    await page.goto(
      `${pages.url}/flood.html?auto=1&n=0#literate=${encodeURIComponent(`${packs.url}/packs/p0.json`)}`,
    );
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.n), { timeout: 30_000 })
      .toBe('11');
    await page.waitForTimeout(1_500);
    expect(prompts.length - before).toBe(0);
    const tabId = await tabIdOf(session, page);
    await expect.poll(async () => (await linkState(tabId)).state).toBe('asking');

    // The reader clicks in the page: one window, which names the page that asks and the pack's source.
    await readerGesture(page);
    await expect.poll(() => prompts.length - before).toBe(1);
    const consent = prompts.at(-1)!;
    await expect.poll(() => consent.getByTestId('consent-page-origin').textContent()).toBe(pages.url);
    expect(await consent.getByTestId('consent-origin').textContent()).toContain(packs.url);
    await consent.close();
    await page.close();
  });

  it('clicks the page lures from the reader open at most two windows a minute in a tab, then only the popup asks', async () => {
    const packs = await site([packRoute]);
    const pages = await site([{ path: '/flood.html', handler: floodPage(packs.url) }]);
    const before = prompts.length;
    const page = await session.context.newPage();
    // Pages 8, 9 and 10 go on to the next link on a click; page 11 stays.
    await page.goto(
      `${pages.url}/flood.html?n=8#literate=${encodeURIComponent(`${packs.url}/packs/p8.json`)}`,
    );
    for (let n = 8; n <= 11; n++) {
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.n)).toBe(String(n));
      await page.waitForTimeout(700); // the background has read the link
      await readerGesture(page);
      if (n < 11) await page.waitForURL(new RegExp(`n=${n + 1}#`));
    }
    await page.waitForTimeout(1_500);
    expect(prompts.length - before).toBe(2);
    const tabId = await tabIdOf(session, page);
    const link = await linkState(tabId);
    expect(link.state).toBe('asking');
    expect(link.text).toContain('asked too often');

    // The popup's Review is the reader's own: it opens the window whatever the page did.
    const popup = await openPopup(session, tabId);
    await popup.getByRole('button', { name: 'Review the pack' }).click();
    await expect.poll(() => prompts.length - before).toBe(3);
    await Promise.all([
      popup.close(),
      page.close(),
      ...prompts.slice(before).map((p) => p.close().catch(() => undefined)),
    ]);
  });

  it('the load button ignores clicks until the window has been shown for a moment', async () => {
    const packs = await site([packRoute]);
    const pages = await site([{ path: '/flood.html', handler: floodPage(packs.url) }]);
    const before = prompts.length;
    const page = await session.context.newPage();
    await page.goto(
      `${pages.url}/flood.html?n=11#literate=${encodeURIComponent(`${packs.url}/packs/p0.json`)}`,
    );
    await page.waitForTimeout(500);
    await readerGesture(page);
    await expect.poll(() => prompts.length - before).toBe(1);
    const consent = prompts.at(-1)!;
    await consent.waitForSelector('[data-testid="consent-page-origin"]');
    // Measured inside the window: disabled as it appears, armed only after the delay.
    const timing = await consent.evaluate(async () => {
      const t0 = performance.now();
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Load'))!;
      const disabledAtFirst = button.disabled;
      while (button.disabled) await new Promise((r) => setTimeout(r, 10));
      return { disabledAtFirst, waited: performance.now() - t0 };
    });
    expect(timing.disabledAtFirst).toBe(true);
    expect(timing.waited).toBeGreaterThan(200);
    await consent.close();
    await page.close();
  });

  it('a "not now" covers the pack’s origin: another pack from there is not asked about', async () => {
    const packs = await site([packRoute]);
    const pages = await site([{ path: '/flood.html', handler: floodPage(packs.url) }]);
    const before = prompts.length;
    const first = await session.context.newPage();
    await first.goto(
      `${pages.url}/flood.html?n=11#literate=${encodeURIComponent(`${packs.url}/packs/p1.json`)}`,
    );
    await first.waitForTimeout(500);
    await readerGesture(first);
    await expect.poll(() => prompts.length - before).toBe(1);
    const consent = prompts.at(-1)!;
    await consent
      .getByRole('button', { name: 'Not now' })
      .click({ noWaitAfter: true })
      .catch((error: unknown) => {
        if (!consent.isClosed()) throw error;
      });
    const second = await session.context.newPage();
    await second.goto(
      `${pages.url}/flood.html?n=11#literate=${encodeURIComponent(`${packs.url}/packs/p2.json`)}`,
    );
    await second.waitForTimeout(500);
    await readerGesture(second);
    const tabId = await tabIdOf(session, second);
    await expect.poll(async () => (await linkState(tabId)).state).toBe('declined');
    expect(prompts.length - before).toBe(1);
    await Promise.all([first.close(), second.close()]);
  });

  it('an about:blank window the page opened and wrote cannot ask (its origin would not show)', async () => {
    const packs = await site([packRoute]);
    const pack = `${packs.url}/packs/p3.json`;
    const pages = await site([
      {
        path: '/opener.html',
        handler: html(`<!doctype html><title>opener</title><button id="go">go</button><script>
document.getElementById('go').onclick = () => { window.open('about:blank#literate=' + encodeURIComponent(${JSON.stringify(pack)})); };
</script>`),
      },
    ]);
    const before = prompts.length;
    const page = await session.context.newPage();
    await page.goto(`${pages.url}/opener.html`);
    const opened = session.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith('about:blank'),
    });
    await page.click('#go');
    const blank = await opened;
    await blank.waitForTimeout(800);
    await readerGesture(blank);
    await blank.waitForTimeout(1_500);
    expect(prompts.length - before).toBe(0);
    await Promise.all([page.close(), blank.close()]);
  });
});

describe('the hello', () => {
  it('a page that patches MessageEvent getters and stopImmediatePropagation neither takes the port nor names the URL', async () => {
    const thief = `<script>
(() => {
  window.stolen = [];
  const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'ports');
  const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
  Object.defineProperty(MessageEvent.prototype, 'ports', { configurable: true, get() {
    const ports = d.get.call(this);
    const m = data.get.call(this);
    if (ports.length && m && m.kind === 'hello') {
      window.stolen.push(m.nonce);
      const port = ports[0];
      // Answer as the hook would, with a URL of the page's choosing.
      port.postMessage({ ns: 'literate', v: 1, from: 'page', kind: 'welcome', nonce: m.nonce,
        snapshot: { frameUrl: 'https://forged.example/elsewhere', engines: [], models: [] } });
      return Object.freeze([]);
    }
    return ports;
  } });
  Event.prototype.stopImmediatePropagation = function () {};
  addEventListener('message', (e) => { if (d.get.call(e).length) window.stolen.push('listener'); });
  // Ask the content script to say hello again, now that everything is patched.
  postMessage({ ns: 'literate', v: 1, from: 'page', kind: 'hook-ready', hookVersion: 1 }, '*');
})();
</script>`;
    const pages = await site([
      {
        path: '/hello.html',
        handler: html(codeModelsPage(TFJS_UMD['4.22.0']!).replace('<head>', `<head>${thief}`)),
      },
    ]);
    const page = await session.context.newPage();
    await page.goto(`${pages.url}/hello.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { stolen: string[] }).stolen)).toEqual([]);
    // What the background holds for the tab: the frame's real URL, from the content script.
    const popup = await openPopup(session, tabId);
    const state = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }),
      tabId,
    );
    await popup.close();
    const frames = (state as { frames: { frameId: number; frameUrl: string; models: unknown[] }[] }).frames;
    expect(frames.find((f) => f.frameId === 0)).toMatchObject({ frameUrl: `${pages.url}/hello.html` });
    expect(JSON.stringify(state)).not.toContain('forged.example');
    await page.close();
  });
});
