// Pack sources end to end: subscribing to a registry served on 127.0.0.1 brings its pack to the matching page
// (the popup lists it as applying); the periodic update refreshes a subscribed pack and a failed one keeps the copy;
// malformed packs show errors a person can act on in the options page.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import {
  currentWorker,
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  waitForBadge,
  type ExtensionSession,
} from './harness';
import { axeViolations, json, packsApiState, tourPack, validPackText } from './packs-support';

let session: ExtensionSession;
let server: Awaited<ReturnType<typeof startServer>>;
const requests: { path: string; ifNoneMatch: string | null }[] = [];

const registryPack = validPackText(tourPack({ id: 'registry-tour', title: 'From the class registry' }));
// A pack with one misspelt property name.
const malformed = validPackText(tourPack({ id: 'malformed' })).replace(
  '"license": "CC-BY-4.0"',
  '"licence": "CC-BY-4.0"',
);
/** What the subscribed pack URL answers now (the test changes it between updates). */
let periodic: { status: number; body: string; etag?: string } = { status: 200, body: '' };
const periodicPack = (version: string): string =>
  validPackText(tourPack({ id: 'periodic', title: 'Updated by the alarm', version }));

const malformedLine = malformed.split('\n').findIndex((l) => l.includes('"licence"')) + 1;

function logged<T extends (...args: never[]) => void>(path: string, handler: T): T {
  return ((req: { headers: Record<string, unknown> }, res: unknown) => {
    requests.push({ path, ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null });
    (handler as unknown as (a: unknown, b: unknown) => void)(req, res);
  }) as unknown as T;
}

beforeAll(async () => {
  const index = JSON.stringify({
    literateRegistry: 1,
    title: 'Class of 2026',
    packs: [
      {
        url: 'tour.json',
        id: 'registry-tour',
        title: 'From the class registry',
        version: '1.0.0',
        sha256: createHash('sha256').update(registryPack).digest('hex'),
        targets: { pages: ['http://127.0.0.1:*/test/packs/*'], models: ['seq'] },
      },
    ],
  });
  server = await startServer({
    port: 0,
    routes: [
      { path: '/test/packs/demo.html', handler: html(codeModelsPage(TFJS_UMD['4.22.0']!)) },
      { path: '/test/registry/index.json', handler: logged('/test/registry/index.json', json(index)) },
      { path: '/test/registry/tour.json', handler: logged('/test/registry/tour.json', json(registryPack)) },
      { path: '/test/bad/pack.json', handler: json(malformed) },
      {
        path: '/test/periodic/pack.json',
        handler: (req, res) => {
          if (periodic.status === 200) return json(periodic.body, periodic.etag)(req, res);
          res.statusCode = periodic.status;
          res.end('the host is down');
        },
      },
    ],
  });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openOptions() {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Packs and sources' }).waitFor();
  return options;
}

describe('pack sources', () => {
  it('subscribing to a registry brings its pack to the matching page', async () => {
    const options = await openOptions();
    await options.getByLabel('Registry index URL').fill(`${server.url}/test/registry/index.json`);
    await options.getByRole('button', { name: 'Add registry' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toBe('Registry added.');
    const source = options.locator('li.source[data-kind="registry"]');
    await expect.poll(() => source.textContent()).toContain('Class of 2026');
    expect(await source.textContent()).toContain('From the class registry');

    const page = await session.context.newPage();
    await page.goto(`${server.url}/test/packs/demo.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    const popup = await openPopup(session, tabId);
    const packs = popup.getByRole('list', { name: 'Packs for this page' }).getByRole('listitem');
    await expect.poll(() => packs.count()).toBe(1);
    await expect.poll(() => packs.first().getAttribute('data-active')).toBe('true');
    expect(await packs.first().textContent()).toMatch(
      /From the class registry.*from http:\/\/127\.0\.0\.1:\d+.*models found/,
    );
    await expect.poll(async () => (await packsApiState(page))?.active?.title).toBe('From the class registry');
    await screenshot(popup, 'packs-popup-registry');

    // The reader's switch turns it off for this page.
    await popup.getByRole('switch', { name: 'From the class registry' }).click();
    await expect
      .poll(async () => {
        const state = await packsApiState(page);
        return state ? state.active : 'PacksApi not reachable';
      })
      .toBeNull();

    // Update now: the index is revalidated with its ETag (304) and the pack is not fetched again.
    requests.length = 0;
    await options.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => requests.length).toBe(1);
    expect(requests[0]).toMatchObject({
      path: '/test/registry/index.json',
      ifNoneMatch: expect.stringMatching(/^"/),
    });
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it('the periodic update refreshes a subscribed pack, and a failed update keeps the copy it has', async () => {
    periodic = { status: 200, body: periodicPack('1.0.0'), etag: '"v1.0.0"' };
    const options = await openOptions();
    await options.getByLabel('Pack URL').fill(`${server.url}/test/periodic/pack.json`);
    await options.getByRole('button', { name: 'Add pack' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toBe('Pack added.');
    const source = options.locator('li.source[data-kind="url"]', { hasText: 'Updated by the alarm' });
    await expect.poll(() => source.textContent()).toContain('v1.0.0');

    // The alarm the background schedules every few hours, fired now (unpacked extensions may fire alarms early).
    const fireUpdateAlarm = async (): Promise<void> =>
      void (await (
        await currentWorker(session)
      ).evaluate(`chrome.alarms.create('literate-update', { when: Date.now() + 10 })`));
    // What the options page says of the source, read again from a reloaded page until it changes.
    const sourceAfterReload = async (): Promise<string | null> => {
      await options.reload();
      return source.textContent();
    };
    periodic = { status: 200, body: periodicPack('1.1.0'), etag: '"v1.1.0"' };
    await fireUpdateAlarm();
    await expect.poll(sourceAfterReload, { timeout: 20_000 }).toContain('v1.1.0');

    // The host fails: the problem is shown where the reader manages packs, and version 1.1.0 stays.
    periodic = { status: 500, body: '' };
    await fireUpdateAlarm();
    await expect.poll(sourceAfterReload, { timeout: 20_000 }).toMatch(/500/);
    expect(await source.textContent()).toContain('v1.1.0');
    // Leave the options as the next test expects them: one pack URL source at most.
    options.once('dialog', (d) => void d.accept());
    await source.getByRole('button', { name: 'Remove source' }).click();
    await expect.poll(() => source.count()).toBe(0);
    await options.close();
  });

  it('a malformed pack URL shows where and why in the options page', async () => {
    const options = await openOptions();
    const url = `${server.url}/test/bad/pack.json`;
    await options.getByLabel('Pack URL').fill(url);
    await options.getByRole('button', { name: 'Add pack' }).click();
    const alert = options.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain('the pack does not validate');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(url);
    expect(text).toContain(
      `pack.json:${malformedLine}:3 /licence unknown property 'licence' (did you mean 'license'?)`,
    );
    // The source stays, with its problem, so the reader can fix or remove it.
    const source = options.locator('li.source[data-kind="url"]');
    await expect.poll(() => source.textContent()).toContain('/licence');
    await screenshot(options, 'packs-options-malformed');
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'packs-options-dark');
    await options.close();
  });

  it('an invalid imported file is refused with its name, position and reason; a valid one is added', async () => {
    const options = await openOptions();
    await options.getByLabel('Import pack files (or drop them here)').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "literate": "1",\n}'),
    });
    const alert = options.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toMatch(/notes\.json: the file is not a valid pack/);
    expect(await alert.textContent()).toMatch(/notes\.json:3:1 .*invalid JSON/);
    await options.getByLabel('Import pack files (or drop them here)').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(validPackText(tourPack({ id: 'mine', title: 'My own notes' }))),
    });
    await expect
      .poll(() => options.locator('li.source[data-kind="file"]').textContent())
      .toContain('My own notes');
    await options.close();
  });
});
