// Shared pieces of the packs e2e tests: small packs written here (validated by the real validator), a JSON route
// with ETags, and a way to read the content script's PacksApi state from its isolated world (over CDP).

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { validatePackText } from '../../annotations/format/validate';
import type { Pack } from '../../annotations/format/types';

export function tourPack(overrides: Partial<Pack> = {}): Pack {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'e2e-tour',
    title: 'A tour of the two small models',
    authors: [{ name: 'Grace Hopper', url: 'https://example.org/grace' }],
    license: 'CC-BY-4.0',
    version: '1.0.0',
    description: 'Written by the e2e test.',
    targets: {
      pages: ['http://127.0.0.1:*/test/packs/*'],
      models: [{ alias: 'seq', structure: { kind: 'layers', nodes: [{ name: 'hidden', op: 'Dense' }] } }],
    },
    items: [
      {
        id: 'hello',
        type: 'Annotation',
        motivation: 'describing',
        kind: 'note',
        body: {
          type: 'TextualBody',
          format: 'text/markdown',
          value: 'The hidden layer has {{seq.hidden.params | d}} parameters.',
        },
        target: { model: { type: 'ModelNodeSelector', model: 'seq', node: 'hidden' } },
        step: 's1',
      },
    ],
    steps: [
      { id: 's1', title: 'The input' },
      { id: 's2', title: 'The hidden layer' },
      { id: 's3', title: 'The output' },
    ],
    ...overrides,
  };
}

/** JSON text of a pack, after checking that the validator accepts it (a test pack must be valid). */
export function validPackText(pack: Pack): string {
  const text = JSON.stringify(pack, null, 2);
  const result = validatePackText(text);
  if (!result.ok) throw new Error(`test pack is invalid: ${JSON.stringify(result.errors)}`);
  return text;
}

export function json(body: string, etag = `"${body.length}"`) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      etag,
      'cache-control': 'no-cache',
    });
    res.end(body);
  };
}

export interface PacksApiState {
  active: { key: string; title: string; step: number | null; origin: string | null } | null;
  offers: string[];
  link: { state: string; reason?: string } | null;
}

/** Reads `getPacksApi().state()` in the extension's isolated world of the page's top frame. */
export async function packsApiState(page: Page): Promise<PacksApiState | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const context = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.name.startsWith('Literate'),
    );
    if (!context) return null;
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression: `(() => {
        const api = globalThis[Symbol.for('literate.packs-api')];
        if (!api) return null;
        const s = api.state();
        return {
          active: s.active && { key: s.active.key, title: s.active.pack.title, step: s.active.step, origin: s.active.provenance.origin },
          offers: s.offers.map((o) => o.provenance.title),
          link: s.link && { state: s.link.state, reason: s.link.reason },
        };
      })()`,
    });
    return (result.value ?? null) as PacksApiState | null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations of an extension page, in the light and the dark colour scheme. */
export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> };
        }
      ).axe;
      const result = await axe.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
    });
    found.push(...violations.map((v) => `${colorScheme} ${v}`));
  }
  return found;
}

/**
 * Clicks "Load this explanation" in the consent window. The window closes itself on the click, which Playwright can
 * report as an error of the click; that error is ignored only when the window did close (the tests then check what
 * the click did), so a missing or disabled button still fails.
 */
export async function acceptConsent(consent: Page): Promise<void> {
  await consent
    .getByRole('button', { name: 'Load this explanation' })
    .click({ noWaitAfter: true })
    .catch((error: unknown) => {
      if (!consent.isClosed()) throw error;
    });
}

/**
 * The reader clicks in the page, as after opening a link: the consent window waits for a trusted gesture of theirs
 * in the tab (a page cannot forge one). Top-left, away from the page's widgets and Literate's launcher.
 */
export async function readerGesture(page: Page): Promise<void> {
  await page.mouse.click(2, 2);
}

/**
 * Opens a share link in `context` as a reader would: the consent window asks about the pack called `title`, the
 * reader loads it, the pack becomes active on the page and the reader opens the explanation. Returns the page.
 */
export async function openSharedPack(context: BrowserContext, link: string, title: string): Promise<Page> {
  const prompt = context.waitForEvent('page', {
    predicate: (p) => p.url().includes('options.html?consent='),
    timeout: 30_000,
  });
  const page = await context.newPage();
  await page.goto(link);
  await readerGesture(page);
  const consent = await prompt;
  await expect.poll(() => consent.getByTestId('consent-title').textContent()).toBe(title);
  await acceptConsent(consent);
  await expect.poll(async () => (await packsApiState(page))?.active?.title, { timeout: 30_000 }).toBe(title);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  return page;
}
