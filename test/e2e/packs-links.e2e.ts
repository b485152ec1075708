// Share links end to end: a URL link asks once (provenance shown in an extension window) and opens at its step;
// an inline link does the same; a page that forges the fragment cannot load a pack silently.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../demos/server';
import { encodeInlinePack } from '../../extension/share/inline-codec';
import { buildShareLink } from '../../extension/share/share-link';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import {
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type ExtensionSession,
} from './harness';
import {
  acceptConsent,
  axeViolations,
  json,
  packsApiState,
  readerGesture,
  tourPack,
  validPackText,
} from './packs-support';

let session: ExtensionSession;
let server: Awaited<ReturnType<typeof startServer>>;
const DEMO = '/test/packs/demo.html';

beforeAll(async () => {
  server = await startServer({
    port: 0,
    routes: [
      { path: DEMO, handler: html(codeModelsPage(TFJS_UMD['4.22.0']!)) },
      { path: '/test/packs/shared/tour.json', handler: json(validPackText(tourPack())) },
      {
        path: '/test/packs/evil.json',
        handler: json(validPackText(tourPack({ id: 'evil', title: 'A pack the page chose' }))),
      },
      {
        path: '/test/packs/attacker.html',
        handler: html(
          `<!doctype html><title>attacker</title><script>location.href = '${DEMO}#literate=' + encodeURIComponent(location.origin + '/test/packs/evil.json');</script>`,
        ),
      },
    ],
  });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

function waitForPrompt(): Promise<Page> {
  return session.context.waitForEvent('page', {
    predicate: (p) => p.url().includes('options.html?consent='),
    timeout: 20_000,
  });
}

async function openDemo(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"]');
  await readerGesture(page);
  const tabId = await tabIdOf(session, page);
  expect(await waitForBadge(session, tabId, '2')).toBe('2');
  return { page, tabId };
}

describe('share links', () => {
  it('asks before loading a pack from a new source, showing provenance, then opens it at the linked step', async () => {
    const packUrl = `${server.url}/test/packs/shared/tour.json`;
    const link = buildShareLink(`${server.url}${DEMO}`, { url: packUrl }, 1);
    expect(link).toContain('#literate=');
    const prompt = waitForPrompt();
    const { page, tabId } = await openDemo(link);
    const seen = watchConsole(page);
    const consent = await prompt;
    await expect
      .poll(() => consent.getByTestId('consent-title').textContent())
      .toBe('A tour of the two small models');
    expect(await consent.getByTestId('consent-origin').textContent()).toContain(server.url);
    expect(await consent.getByTestId('provenance').textContent()).toContain('Grace Hopper');
    await expect.poll(() => consent.textContent('body')).toContain('opens at step 2');
    await screenshot(consent, 'packs-consent-url');
    expect(await axeViolations(consent)).toEqual([]);
    await consent.emulateMedia({ colorScheme: 'light' });

    // Not loaded before the reader says so.
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByTestId('link-status').getAttribute('data-state')).toBe('asking');
    const before = await packsApiState(page);
    expect(before).not.toBeNull();
    expect(before?.active).toBeNull();

    // The consent window closes itself on the click: do not wait for anything after it.
    await acceptConsent(consent);
    await expect.poll(() => popup.getByTestId('link-status').getAttribute('data-state')).toBe('loaded');
    await expect.poll(() => popup.getByTestId('link-step').textContent()).toBe('Opens at step 2 of 3');
    const packs = popup.getByRole('list', { name: 'Packs for this page' }).getByRole('listitem');
    await expect.poll(() => packs.first().getAttribute('data-active')).toBe('true');
    expect(await packs.first().textContent()).toContain('models found');
    await expect
      .poll(async () => (await packsApiState(page))?.active)
      .toMatchObject({ title: 'A tour of the two small models', step: 1, origin: server.url });
    await screenshot(popup, 'packs-popup-linked');
    expect(await axeViolations(popup)).toEqual([]);

    // Copy share link reproduces a link to the same pack at the same step.
    await popup.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => popup.locator('#share-link').inputValue()).toBe(link);

    // Asked once: the same link in another tab loads without a prompt.
    let prompted = false;
    const onPage = (p: Page) => (prompted ||= p.url().includes('consent='));
    session.context.on('page', onPage);
    const again = await openDemo(link);
    await expect.poll(async () => (await packsApiState(again.page))?.active?.step).toBe(1);
    session.context.off('page', onPage);
    expect(prompted).toBe(false);
    expect(seen.errors).toEqual([]);
    await Promise.all([page.close(), popup.close(), again.page.close()]);
  });

  it('loads an inline pack after asking, and shows that it has no web address', async () => {
    const encoded = await encodeInlinePack(
      validPackText(tourPack({ id: 'inline-tour', title: 'An inline tour' })),
    );
    if (!encoded.ok) throw new Error(encoded.reason);
    const link = buildShareLink(`${server.url}${DEMO}`, { inline: encoded.value }, 2);
    const prompt = waitForPrompt();
    const { page, tabId } = await openDemo(link);
    const consent = await prompt;
    await expect.poll(() => consent.getByTestId('consent-title').textContent()).toBe('An inline tour');
    expect(await consent.getByTestId('consent-origin').textContent()).toContain('inside the link itself');
    // The consent window closes itself on the click: do not wait for anything after it.
    await acceptConsent(consent);
    await expect
      .poll(async () => (await packsApiState(page))?.active)
      .toMatchObject({ title: 'An inline tour', step: 2, origin: null });
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByTestId('link-step').textContent()).toBe('Opens at step 3 of 3');
    await Promise.all([page.close(), popup.close()]);
  });

  it('a link that cannot load says why', async () => {
    const { page, tabId } = await openDemo(
      `${server.url}${DEMO}#literate=${encodeURIComponent(`${server.url}/test/packs/missing.json`)}`,
    );
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByTestId('link-status').getAttribute('data-state')).toBe('failed');
    expect(await popup.getByTestId('link-status').textContent()).toMatch(
      /Could not load the pack from .*missing\.json: 127\.0\.0\.1:\d+ answered HTTP 404/,
    );
    await Promise.all([page.close(), popup.close()]);
  });

  it('a page that forges the fragment for an untrusted source cannot load the pack silently', async () => {
    const prompt = waitForPrompt();
    const page = await session.context.newPage();
    await page.goto(`${server.url}/test/packs/attacker.html`);
    await page.waitForURL(/demo\.html#literate=/);
    await page.waitForSelector('html[data-ready="1"]');
    await readerGesture(page); // the reader clicks: the page still cannot load the pack without their answer
    const tabId = await tabIdOf(session, page);
    const consent = await prompt;
    // The reader is asked, in an extension window the page cannot script.
    await expect.poll(() => consent.getByTestId('consent-title').textContent()).toBe('A pack the page chose');
    expect(consent.url()).toMatch(/^chrome-extension:\/\//);
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByTestId('link-status').getAttribute('data-state')).toBe('asking');
    expect(
      await popup
        .getByRole('list', { name: 'Packs for this page' })
        .textContent()
        .catch(() => ''),
    ).not.toContain('A pack the page chose');
    const state = await packsApiState(page);
    expect(state).not.toBeNull();
    expect(state?.offers).not.toContain('A pack the page chose');
    expect(state?.active?.title).not.toBe('A pack the page chose');

    // Closing the prompt is "not now": nothing loaded or stored.
    await consent.close();
    await expect.poll(() => popup.getByTestId('link-status').getAttribute('data-state')).toBe('declined');
    const stored = await session.worker.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get('packs')),
    );
    expect(stored).not.toContain('A pack the page chose');
    await Promise.all([page.close(), popup.close()]);
  });
});
