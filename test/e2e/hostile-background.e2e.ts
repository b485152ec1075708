// Hostile pages against the background (issue #15 items 2, 3, 5, 7): a pack pattern built to backtrack, a page of a
// hundred busy iframes, share links aimed at the reader's own machine or at a new site, and a content-script world
// (as a compromised renderer has it) asking for another tab's URL and writing the trust list. Each would stall,
// leak or store on today's code; here Literate keeps working in other tabs and refuses.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import { currentWorker, launchWithExtension, tabIdOf, waitForBadge, type ExtensionSession } from './harness';
import { acceptConsent, json, packsApiState, tourPack, validPackText } from './packs-support';

const DEMO = '/test/packs/bg-demo.html';
/** Eight `*` against a path of 70 `a` with no `b`: the old regex tried ~10^10 ways before saying no. */
const SLOW_PATTERN = `http://127.0.0.1:*/${'*a'.repeat(8)}*b`;
const SLOW_PATH = `/${'a'.repeat(70)}`;
const FRAMES = 100;

let session: ExtensionSession;
let server: Awaited<ReturnType<typeof startServer>>;
/** A second host for packs: another origin on the same machine. */
let packs: Awaited<ReturnType<typeof startServer>>;
const packRequests: string[] = [];

function logged(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    packRequests.push(req.url ?? '');
    handler(req, res);
  };
}

/** A frame that pretends to run tf.js: the hook sees an engine and the frame reports (a long URL makes it weigh). */
const FAKE_ENGINE_FRAME = `<!doctype html><title>f</title><script>globalThis._tfengine = {}; document.documentElement.dataset.ready = '1';</script>`;
const MANY_FRAMES_PAGE = `<!doctype html><title>frames</title><body><script>
for (let i = 0; i < ${FRAMES}; i++) {
  const f = document.createElement('iframe');
  f.src = '/test/bg/frame.html?i=' + i + '&pad=' + 'x'.repeat(7000);
  f.width = 20; f.height = 20;
  document.body.append(f);
}
</script></body>`;

beforeAll(async () => {
  const page = html(codeModelsPage(TFJS_UMD['4.22.0']!));
  server = await startServer({
    port: 0,
    routes: [
      { path: DEMO, handler: page },
      { path: /^\/a+$/, handler: page },
      { path: '/test/bg/frames.html', handler: html(MANY_FRAMES_PAGE) },
      { path: '/test/bg/frame.html', handler: html(FAKE_ENGINE_FRAME) },
    ],
  });
  packs = await startServer({
    port: 0,
    routes: [
      {
        path: '/tour.json',
        handler: logged(json(validPackText(tourPack({ id: 'elsewhere', title: 'A pack on another site' })))),
      },
      { path: '/secret.json', handler: logged(json(validPackText(tourPack({ id: 'secret' })))) },
      { path: '/other.json', handler: logged(json(validPackText(tourPack({ id: 'other' })))) },
    ],
  });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await packs?.close();
});

async function openDemo(url = `${server.url}${DEMO}`): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"]');
  return { page, tabId: await tabIdOf(session, page) };
}

/** An extension page to send privileged requests from (as the options page does). */
async function extensionPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

interface ContentWorldOutcome {
  state: unknown;
  wrote: boolean;
  settings: unknown;
}

/**
 * In the extension's isolated world of a tab's top frame (where the content scripts run, as a compromised renderer
 * would have it): asks for another tab's state, writes the trust list to storage.local, and reads the settings.
 */
async function probeFromContentScriptWorld(tabId: number, otherTabId: number): Promise<ContentWorldOutcome> {
  const worker = await currentWorker(session);
  return worker.evaluate(
    async ([id, other]) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: id },
        world: 'ISOLATED',
        func: async (otherTab: number) => {
          const out = { state: null as unknown, wrote: false, settings: null as unknown };
          try {
            out.state =
              (await chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: otherTab })) ?? null;
          } catch {
            // refused
          }
          try {
            await chrome.storage.local.set({
              packs: { trustedOrigins: ['https://evil.example'] },
              forged: 1,
            });
            out.wrote = true;
          } catch {
            // refused
          }
          try {
            out.settings = await chrome.runtime.sendMessage({ type: 'settings-get' });
          } catch {
            // no answer
          }
          return out;
        },
        args: [other],
      });
      return result?.result as ContentWorldOutcome;
    },
    [tabId, otherTabId] as const,
  );
}

describe('a pack pattern cannot stall the background', () => {
  it('matches eight `*` against a long path at once: other tabs still get their badge', async () => {
    const options = await extensionPage();
    const text = validPackText(
      tourPack({
        id: 'slow',
        title: 'Backtracking',
        targets: { ...tourPack().targets, pages: [SLOW_PATTERN] },
      }),
    );
    const imported = await options.evaluate(
      (t) => chrome.runtime.sendMessage({ type: 'import-pack', name: 'slow.json', text: t }),
      text,
    );
    expect(imported).toMatchObject({ ok: true });
    // The page whose URL the pattern is matched against (a model, so its packs are matched).
    const slow = await session.context.newPage();
    await slow.goto(`${server.url}${SLOW_PATH}`);
    await slow.waitForSelector('html[data-ready="1"]');
    const started = Date.now();
    const other = await openDemo();
    expect(await waitForBadge(session, other.tabId, '2', 15_000)).toBe('2');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await packsApiState(slow))?.offers ?? []).not.toContain('Backtracking');
    await Promise.all([options.close(), slow.close(), other.page.close()]);
  });
});

describe('share links cannot make the background fetch for the page', () => {
  it('never fetches from a host on the reader’s machine that the page is not served from', async () => {
    const before = packRequests.length;
    // localhost is this machine; the page is served from 127.0.0.1, another host name.
    const secret = `http://localhost:${packs.port}/secret.json`;
    const { page } = await openDemo(`${server.url}${DEMO}#literate=${encodeURIComponent(secret)}`);
    await expect.poll(async () => (await packsApiState(page))?.link?.state).toBe('failed');
    expect((await packsApiState(page))?.link?.reason).toMatch(/local network/);
    await page.mouse.click(5, 5); // even with the reader's click
    await new Promise((r) => setTimeout(r, 500));
    expect(packRequests.slice(before)).toEqual([]);
    await page.close();
  });

  it('fetches a pack on a new site only after the reader agrees to the source', async () => {
    const before = packRequests.length;
    const url = `${packs.url}/tour.json`;
    const { page } = await openDemo(`${server.url}${DEMO}#literate=${encodeURIComponent(url)}`);
    await expect.poll(async () => (await packsApiState(page))?.link?.state).toBe('asking');
    const prompt = session.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('options.html?consent='),
      timeout: 20_000,
    });
    await page.mouse.click(5, 5); // the reader's gesture lets the window open
    const consent = await prompt;
    await expect.poll(() => consent.getByTestId('consent-unfetched').isVisible()).toBe(true);
    expect(await consent.getByTestId('consent-origin').textContent()).toContain(packs.url);
    expect(packRequests.slice(before)).toEqual([]);
    await acceptConsent(consent);
    await expect
      .poll(async () => (await packsApiState(page))?.active?.title, { timeout: 20_000 })
      .toBe('A pack on another site');
    expect(packRequests.slice(before)).toEqual(['/tour.json']);
    await page.close();
  });
});

describe('one page cannot stall Literate in every tab', () => {
  it(`keeps a bounded number of a page's ${FRAMES} busy frames, keeps other tabs' badges and pending consents`, async () => {
    // A consent waiting in one tab (a pack on another site: asked about before any fetch).
    const link = `${server.url}${DEMO}#literate=${encodeURIComponent(`${packs.url}/other.json`)}`;
    const waiting = await openDemo(link);
    await expect.poll(async () => (await packsApiState(waiting.page))?.link?.state).toBe('asking');

    const hostile = await session.context.newPage();
    await hostile.goto(`${server.url}/test/bg/frames.html`);
    const hostileTab = await tabIdOf(session, hostile);
    await expect.poll(() => hostile.locator('iframe').count()).toBe(FRAMES);
    const started = Date.now();
    const other = await openDemo();
    expect(await waitForBadge(session, other.tabId, '2', 20_000)).toBe('2');
    const badgeMs = Date.now() - started;

    const popup = await extensionPage();
    const state = (await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }),
      hostileTab,
    )) as { frames: unknown[] };
    expect(state.frames.length).toBeGreaterThan(8);
    expect(state.frames.length).toBeLessThanOrEqual(33);
    const worker = await currentWorker(session);
    // Written in a batch, after a moment: the saved state is bounded too, and the waiting consent is in it.
    await expect
      .poll(
        () =>
          worker.evaluate(async () => {
            const saved = await chrome.storage.session.get(['tabs', 'share-links']);
            return {
              bytes: await chrome.storage.session.getBytesInUse(null),
              consents: (saved['share-links'] as { pending?: unknown[] } | undefined)?.pending?.length ?? 0,
            };
          }),
        { timeout: 10_000 },
      )
      .toMatchObject({ consents: 1 });
    const bytes = await worker.evaluate(() => chrome.storage.session.getBytesInUse(null));
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    console.log(
      `[hostile-background] ${FRAMES} frames: other tab's badge after ${badgeMs} ms, ${state.frames.length} frames kept, session storage ${bytes} bytes`,
    );
    await Promise.all([waiting.page.close(), hostile.close(), other.page.close(), popup.close()]);
  });
});

describe('content scripts are not trusted with privileged reads and writes', () => {
  it('cannot read another tab’s state nor write the trust list', async () => {
    const secretTab = await openDemo(`${server.url}${DEMO}?token=private-123`);
    const { page, tabId } = await openDemo();
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    const outcome = await probeFromContentScriptWorld(tabId, secretTab.tabId);
    expect(JSON.stringify(outcome.state ?? null)).not.toContain('private-123');
    expect(outcome.wrote).toBe(false);
    // What content scripts need still works, through the background.
    expect(outcome.settings).toMatchObject({ theme: expect.any(String) });
    const worker = await currentWorker(session);
    const stored = await worker.evaluate(() => chrome.storage.local.get(['forged', 'packs']));
    expect(JSON.stringify(stored)).not.toContain('evil.example');
    expect(stored.forged).toBeUndefined();
    // The popup (an extension page) still reads tab state.
    const popup = await extensionPage();
    const state = (await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }),
      secretTab.tabId,
    )) as { frames: { frameUrl: string }[] };
    expect(state.frames[0]?.frameUrl).toContain('private-123');
    await Promise.all([page.close(), secretTab.page.close(), popup.close()]);
  });
});
