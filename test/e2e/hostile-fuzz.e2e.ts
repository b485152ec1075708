// Hostile pages against the built extension (issue #15 item 8): a GraphModel of more than 20,000 nodes is found and
// described truncated, with its notice in the outline; 10,000 forged requests on the page's own hook channel (and
// forged relay messages and CustomEvents) leave the page's outputs unchanged and its tensor count at baseline.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, tabIdOf, waitForBadge, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { startHookServer, type HookServer } from './hook-fixtures/server';
import { hostileRoutes, type ForgeFigures } from '../security/hostile-page';

const BIG = 20_005;
let server: HookServer;
let session: ExtensionSession;

beforeAll(async () => {
  [server, session] = await Promise.all([startHookServer(hostileRoutes(BIG)), launchLiterate()]);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('hostile pages: big models and forged requests', () => {
  it(`a GraphModel of ${BIG} nodes is found and described truncated, with a notice`, async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/sec/page.html?bigonly`);
    await page.waitForSelector('html[data-ready="1"]', { timeout: 60_000 });
    expect(await waitForBadge(session, await tabIdOf(session, page), '1')).toBe('1');
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const notice = panel.getByRole('note').filter({ hasText: 'nodes: the outline shows the first' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe(
      `This model has ${BIG.toLocaleString('en')} nodes: the outline shows the first 20,000.`,
    );
    await screenshot(page, 'hostile-big-graph');
    await page.close();
  }, 120_000);

  it('10,000 forged requests on a hook channel leave outputs and the tensor count unchanged', async () => {
    const page = await session.context.newPage();
    const console = watchConsole(page);
    await page.goto(`${server.url}/sec/page.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    await page.waitForTimeout(300);
    const baseline = await page.evaluate(() => (window as any).numTensors() as number);
    const figures = await page.evaluate(
      () =>
        (window as any).forge({
          hook: 10_000,
          relay: 2_000,
          custom: 500,
          overlay: 0,
          fragments: 0,
        }) as Promise<ForgeFigures>,
    );
    expect(figures.counts.hook).toBe(10_000);
    expect(figures.errors).toEqual([]);
    // The page's own channel is answered (it may run its own model), so the forgeries did reach the hook.
    expect(figures.hookReplies).toBeGreaterThan(100);
    await page.waitForTimeout(1000);
    await expect
      .poll(() => page.evaluate(() => (window as any).numTensors() as number), { timeout: 10_000 })
      .toBe(baseline);
    const state = await page.evaluate(() => ({
      runs: (window as any).runs,
      mismatches: (window as any).mismatches,
    }));
    expect(state.runs).toBeGreaterThan(10);
    expect(state.mismatches).toBe(0);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    expect(console.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
