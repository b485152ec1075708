// Firefox: the readable views on moving-shapes (its animation loop predicts all the time): the feature maps of the
// first convolution read out a value from the keyboard (aria-live), Enlarge opens a modal dialog with the same maps
// larger, Escape closes it and focus returns to the button; axe finds nothing with the dialog open.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  clickElement,
  inShadow,
  launchFirefox,
  poll,
  screenshot,
  shadowElement,
  watchConsole,
  type FirefoxSession,
} from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: FirefoxSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(
      { include: [['literate-overlay', '.lt']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map(
      (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html.slice(0, 120)).join(' | ')}`,
    );
  }) as Promise<string[]>;
}

describe('Firefox: views a reader can read', () => {
  it('moving-shapes: a value read out from the keyboard, Enlarge and Escape with focus returned, axe', async () => {
    const p = await session.newPage();
    const seen = watchConsole(p);
    await p.goto(`${server.url}/demos/moving-shapes/`);
    await clickElement(await shadowElement(p, 'button[aria-label="Explain this model"]', undefined, 30_000));
    await shadowElement(p, '.pack-head h3');
    await clickElement(await shadowElement(p, '.node-button', /Conv2D/));
    await shadowElement(p, 'section.live');
    await inShadow(p, `(root) => root.querySelector('section.live')?.scrollIntoView()`);
    const picture = await shadowElement(p, '.live [role="application"]', /feature maps of/);
    await picture.focus();
    await p.keyboard.press('ArrowRight');
    const announced = () =>
      inShadow<string>(p, `(root) => root.querySelector('.live [aria-live="polite"]')?.textContent ?? ''`);
    expect(await poll(announced, (t) => t.startsWith('channel 0, row 0, column 1: '))).toMatch(
      /^channel 0, row 0, column 1: -?\d/,
    );
    await clickElement(await shadowElement(p, '.live button.enlarge', /feature maps of/));
    const open = () => inShadow<boolean>(p, `(root) => !!root.querySelector('dialog.enlarged')?.open`);
    expect(await poll(open, (o) => o)).toBe(true);
    expect(await axeViolations(p)).toEqual([]);
    await screenshot(p, 'views-enlarged');
    await p.keyboard.press('Escape');
    expect(await poll(open, (o) => !o)).toBe(false);
    const focused = () =>
      inShadow<string>(p, `(root) => root.activeElement?.getAttribute('aria-label') ?? ''`);
    expect(await poll(focused, (f) => f.startsWith('Enlarge:'))).toMatch(/^Enlarge: .*feature maps of/);
    expect(await inShadow<boolean>(p, `(root) => !!root.querySelector('.panel[role="dialog"]')`)).toBe(true);
    expect(seen.errors).toEqual([]);
    await p.close();
  });
});
