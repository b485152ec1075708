// "Try your own input" on the gallery's ONNX Runtime Web demos, in real Chromium with the built extension: the shapes
// CNN (script-tag ORT, [1, 3, 32, 32] channels first) starts from the page's own last input as a picture, its
// outputs and an open layer view (relu1, 16 maps of 32 × 32) follow the reader's pixel scale, What mattered maps it
// and Compare reads its 12 nodes; the sentiment model (transformers.js 4) takes the reader's words as token ids
// through its pack's vocabulary (the tokenizer lives in the page), its label flips with a word and a pooled-features
// view follows. All through the ONNX probe: the image page's output digest equals a run without Literate, and the
// text page's own scores for a review are the same before and after.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { launchPlain } from './hook-fixtures/plain';
import { axeOverlay, BASE_EXTENSION_DIR } from './overlay-packs-support';

const POLL = { timeout: 30_000 };

let server: GalleryServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension({
    extensionDir: BASE_EXTENSION_DIR,
    viewport: { width: 1500, height: 1200 },
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openExplore(page: Page): Promise<{ panel: Locator; explore: Locator }> {
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('button', { name: 'Try your own input' }).click({ timeout: 30_000 });
  return { panel, explore: panel.getByTestId('explore') };
}

const runs = (explore: Locator) => async () =>
  Number(
    /Run (\d+)/.exec(
      (await explore
        .getByTestId('ex-cost')
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? '',
    )?.[1] ?? 0,
  );
const topLabel = (explore: Locator) => async () =>
  (await explore
    .getByTestId('ex-outputs')
    .locator('li .topk-label')
    .first()
    .textContent({ timeout: 1000 })
    .catch(() => '')) ?? '';
/** The label with the largest value among the outputs listed (logits are listed as values, in the model's order). */
const leading = (explore: Locator) => async () => {
  const rows = await explore
    .getByTestId('ex-outputs')
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => [li.querySelector('.topk-label')?.textContent ?? '', li.textContent ?? '']),
    );
  let best = ['', -Infinity] as [string, number];
  for (const [label, all] of rows) {
    const value = Number(
      all!
        .slice(label!.length)
        .replace('−', '-')
        .replace(/[^\d.eE+-]/g, ''),
    );
    if (value > best[1]) best = [label!, value];
  }
  return best[0];
};
const outputs = (explore: Locator) => async () =>
  (
    (await explore
      .getByTestId('ex-outputs')
      .textContent({ timeout: 1000 })
      .catch(() => '')) ?? ''
  ).replace(/\s+/g, ' ');

/** The open layer view: its statistics line (read on screen) and update count. */
function liveView(panel: Locator) {
  const live = panel.locator('section.live');
  return {
    live,
    stats: async () => {
      await live.scrollIntoViewIfNeeded();
      return (await live.locator('.stats').count()) > 0
        ? ((await live.locator('.stats').textContent()) ?? '')
        : '';
    },
    updates: async () =>
      Number(/(\d+) update/.exec((await live.locator('.live-status').textContent()) ?? '')?.[1] ?? 0),
  };
}

describe('try your own input on ONNX Runtime Web', () => {
  it('onnx-image: the page’s picture, the pixel scale, a layer view, What mattered and Compare; the page’s digest unchanged', async () => {
    const url = `${server.url}/demos/onnx-image/?frames=900`;
    const finished = async (page: Page) => {
      await page.waitForSelector('html[data-demo-done]', { timeout: 120_000 });
      return page.evaluate(() => ({ ...document.documentElement.dataset }));
    };
    // The reference: the same frames without Literate, beside the explored page.
    const reference = (async () => {
      const plain = await launchPlain();
      try {
        const control = await plain.newPage();
        await control.goto(url);
        return await finished(control);
      } finally {
        await plain.close();
      }
    })();
    reference.catch(() => undefined);

    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(url);
    const { panel, explore } = await openExplore(page);

    // The page's own last input, [1, 3, 32, 32], read back as the 32 × 32 picture it is.
    await explore.getByRole('img', { name: /the page's last input, 32 × 32 pixels/ }).waitFor(POLL);
    await expect.poll(runs(explore), POLL).toBeGreaterThan(0);
    await expect.poll(topLabel(explore), POLL).toMatch(/^(circle|square|triangle|star|cross|ring)$/);
    const first = await outputs(explore)();
    expect(first).toMatch(/Output for your input · top 5 of 6/);

    // A layer view on relu1 shows the reader's input, channels first: 16 maps of 32 × 32.
    await panel.locator('.node-button[data-node-id="relu1"]').first().click();
    const view = liveView(panel);
    await view.live.waitFor(POLL);
    await expect.poll(view.updates, POLL).toBeGreaterThan(0);
    await expect
      .poll(async () => (await view.live.locator('figure.maps figcaption').textContent()) ?? '', POLL)
      .toContain('16 of 16 feature maps of relu1, 32 × 32');
    const before = await view.stats();
    expect(before).toMatch(/min/);

    // The same pixels read 0 … 255: the outputs and the layer view follow.
    const n = await runs(explore)();
    await explore
      .getByRole('combobox', { name: 'Pixel values as the model takes them' })
      .selectOption({ label: '0 … 255' });
    await expect.poll(runs(explore), POLL).toBeGreaterThan(n);
    await expect.poll(outputs(explore), POLL).not.toBe(first);
    await expect.poll(view.stats, POLL).not.toBe(before);
    // All of it happened while the page was still classifying its own frames.
    expect(await page.evaluate(() => document.documentElement.dataset.demoDone ?? null)).toBeNull();

    // Back to the page's own scale (0 … 1), then What mattered: one probe per patch placement, channels first.
    await explore
      .getByRole('combobox', { name: 'Pixel values as the model takes them' })
      .selectOption({ label: '0 … 1' });
    await expect.poll(outputs(explore), POLL).toBe(first);
    await explore.getByRole('tab', { name: 'What mattered' }).click();
    // Occlusion only: gradients need the page's tf.js, which an ONNX page has not.
    expect(await explore.getByRole('radio', { name: /Gradients/ }).count()).toBe(0);
    await explore.getByRole('spinbutton', { name: 'Patch' }).fill('8');
    await explore.getByRole('spinbutton', { name: 'Stride' }).fill('8');
    await explore.getByRole('button', { name: 'Map what mattered' }).click();
    await expect
      .poll(async () => (await explore.getByTestId('ex-sens-status').textContent()) ?? '', {
        timeout: 60_000,
      })
      .toMatch(/^Done: 17 runs of the model/);
    await explore.getByRole('img', { name: /Sensitivity map for/ }).waitFor(POLL);

    // Compare: the picture at 0 … 1 (A) and at 0 … 255 (B), node by node — inner nodes from the side session.
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set A to your input' }).click();
    await explore.getByRole('tab', { name: 'Your input' }).click();
    await explore
      .getByRole('combobox', { name: 'Pixel values as the model takes them' })
      .selectOption({ label: '0 … 255' });
    await expect.poll(outputs(explore), POLL).not.toBe(first);
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set B to your input' }).click();
    await explore.getByRole('button', { name: 'Compare A and B' }).click();
    await expect
      .poll(async () => (await explore.getByTestId('ex-cmp-status').textContent()) ?? '', POLL)
      .toMatch(/12 layers compared in [\d.]+ s\.$/);
    const rows = explore.getByTestId('ex-diff').getByRole('listitem');
    expect(await rows.count()).toBe(12);
    expect(await rows.first().textContent()).toMatch(/^conv1[\d.]+ · cos [\d.−-]+$/);
    await screenshot(page, 'explore-onnx-image');
    expect(await axeOverlay(page)).toEqual([]);

    expect(await finished(page)).toEqual(await reference);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('onnx-text: words through the pack’s vocabulary, the label and a layer view follow; the page’s own scores unchanged', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/onnx-text/`);
    /** The page's own scores for a review typed into its form (progress values: the full numbers). */
    const pageScores = async (review: string) => {
      await page.locator('#review').fill(review);
      await page.locator('#review').press('Enter');
      await page.waitForFunction((r) => document.getElementById('verdict')?.textContent?.includes(r), review);
      return page.evaluate(() =>
        [...document.querySelectorAll('#bars progress')].map((p) => (p as HTMLProgressElement).value),
      );
    };
    const REVIEW = 'the plot was not very clever';
    await page.locator('#feed li').first().waitFor(POLL);
    const scoresBefore = await pageScores(REVIEW);
    expect(scoresBefore).toHaveLength(2);

    const { panel, explore } = await openExplore(page);
    // The page's last input, its token ids read back as the words of the pack's vocabulary.
    const ids = explore.getByRole('textbox', { name: 'Type words, separated by spaces (103 tokens known)' });
    await expect.poll(async () => ids.inputValue(), POLL).toMatch(/^\[CLS\]( \S+)+ \[SEP\]$/);
    expect(await explore.getByTestId('ex-tokens').textContent()).toMatch(
      /^Type words.*\d+ tokens, fed with attention_mask, token_type_ids made to match\.$/,
    );
    await expect.poll(runs(explore), POLL).toBeGreaterThan(0);

    // A view on the pooled features follows the reader's ids.
    await panel.locator('.node-button[data-node-id="pooled"]').first().click();
    const view = liveView(panel);
    await view.live.waitFor(POLL);
    await expect.poll(view.updates, POLL).toBeGreaterThan(0);

    // [CLS] the acting was truly superb ! [SEP], then … awful [SEP]: the label flips, the view follows.
    await ids.fill('[CLS] The acting was truly superb ! [SEP]');
    await expect.poll(leading(explore), POLL).toBe('POSITIVE');
    const positive = await view.stats();
    await ids.fill('[CLS] the acting was truly awful [SEP]');
    await expect.poll(leading(explore), POLL).toBe('NEGATIVE');
    await expect.poll(view.stats, POLL).not.toBe(positive);
    expect(await explore.getByTestId('ex-tokens').textContent()).toContain('7 tokens');

    // A word the model has no id for is named, and nothing runs until it is fixed.
    const n = await runs(explore)();
    await ids.fill('[CLS] the zebra [SEP]');
    await explore.getByRole('alert').filter({ hasText: 'Not in the vocabulary: “zebra”' }).waitFor(POLL);
    expect(await ids.getAttribute('aria-invalid')).toBe('true');
    expect(await runs(explore)()).toBeLessThanOrEqual(n);
    await ids.fill('[CLS] the acting was truly superb ! [SEP]');
    await expect.poll(leading(explore), POLL).toBe('POSITIVE');
    await screenshot(page, 'explore-onnx-text');
    expect(await axeOverlay(page)).toEqual([]);

    // The page's own run of the same review, while its views show the reader's input: the same numbers.
    expect(await pageScores(REVIEW)).toEqual(scoresBefore);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
