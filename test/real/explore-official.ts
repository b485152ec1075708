// `npm run check:explore-official`: "Try your own input" (issue #18) on the official MobileNet demo's stand-in, in
// real Chromium with the built extension, the demo's real URL answered with our stand-in page and the real
// published model (../shared/models, never committed — so this runs beside check:official, not in npm test): the
// page's photo as the reader's input, the patch moved by keyboard, brightness, a sensitivity map (runs and time
// printed), its gradients (the cost, or why this page's tf.js gives none), a comparison layer by layer, axe light
// and dark; the page's published outputs, console and tensor count unchanged. Then the translation demo: the reader types sentences into the encoder (the shipped pack's vocabulary:
// characters, not indices), its state follows, the page's own translation does not move.
// Exits 0 without running when ../shared/models is absent, 1 on any failure.

import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { OFFICIAL_BUNDLES, OFFICIAL_DEMOS, type Roots } from '../../demos/official/sites';
import { screenshot, watchConsole } from '../e2e/harness';
import { launchLiterate } from '../e2e/hook-fixtures/extension';
import { ROOT } from '../e2e/hook-fixtures/server';
import { axeOverlay } from '../e2e/overlay-packs-support';
import { routeOfficialDemos } from './official-routes';

const SHARED = resolve(process.env.LITERATE_SHARED ?? resolve(ROOT, '../shared'));
const WAIT = { timeout: 60_000 };

async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

const runCount = async (explore: Locator): Promise<number> => {
  const cost = explore.getByTestId('ex-cost');
  if ((await cost.count()) === 0) return 0;
  return Number(/Run (\d+)/.exec((await cost.textContent()) ?? '')?.[1] ?? 0);
};
const outputsText = async (explore: Locator): Promise<string> =>
  ((await explore.getByTestId('ex-outputs').textContent()) ?? '').replace(/\s+/g, ' ');

async function nextRun(explore: Locator, before: number): Promise<string> {
  await until(
    () => runCount(explore),
    (n) => n > before,
    'a run of the model',
  );
  return outputsText(explore);
}

const pageOutputs = (page: Page) =>
  page.evaluate(() => ({
    ready: document.documentElement.dataset['ready'],
    top: document.documentElement.dataset['top'],
  }));

/**
 * The translation demo: the encoder's tab, "Try your own input" as a sentence box (the shipped pack names the 81
 * characters), typing changes the encoder's state, a character without an index is named, the page's translation
 * and console untouched.
 */
async function translation(session: Awaited<ReturnType<typeof launchLiterate>>): Promise<void> {
  const demo = OFFICIAL_DEMOS.find((d) => d.id === 'translation')!;
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1300 });
  const log = watchConsole(page);
  await page.goto(`${demo.pageUrl}${demo.testQuery}`);
  await page.locator('#load-pretrained-remote').click(WAIT);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === '1', null, WAIT);
  const translated = () => page.evaluate(() => document.documentElement.dataset['translated']);
  const before = await translated();
  assert.match(before ?? '', /^Go\. → /);
  await page.getByRole('button', { name: 'Explain this model' }).click(WAIT);
  const panel = page.getByRole('dialog', { name: 'Literate' });
  const explore = panel.getByTestId('explore');
  // The encoder is one of the page's three models: the tab whose input is a sentence.
  const tabs = panel.getByRole('tablist').first().getByRole('tab');
  await tabs.first().waitFor(WAIT);
  const box = explore.getByRole('textbox', { name: 'Type a sentence' });
  let found = false;
  for (let i = 0; i < (await tabs.count()) && !found; i++) {
    await tabs.nth(i).click();
    const open = panel.getByRole('button', { name: 'Try your own input' });
    await open.waitFor(WAIT);
    if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
    found = await box
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
  }
  assert.ok(
    found,
    'a model whose explore section takes a typed sentence (the encoder, with the pack’s vocabulary)',
  );
  // The page's own last input is the starting point, read back as characters: the page translates "Go." again (the
  // section watches its calls while open), the same sentence, so its translation stays what it was.
  await page.locator('#englishSentence').fill('Go.');
  await until(
    () => box.inputValue(),
    (v) => v === 'Go.',
    'the page’s last sentence in the box',
  );
  const note = explore.locator('#lt-ex-text-note');
  assert.match((await note.textContent()) ?? '', /^32 rows of 81 \(one-hot\)/);
  const go = await nextRun(explore, 0);
  // The encoder LSTM's open layer view follows the reader's sentence (its frames come from the probe runs).
  await panel.getByRole('button', { name: /^lstm_1 LSTM/ }).click();
  const live = panel.locator('section.live');
  await live.waitFor(WAIT);
  const stats = async () => {
    await live.scrollIntoViewIfNeeded();
    return (await live.locator('.stats').count()) > 0
      ? ((await live.locator('.stats').textContent()) ?? '')
      : '';
  };
  const viewGo = await until(stats, (t) => /min/.test(t), 'the encoder view’s statistics');
  let n = await runCount(explore);
  await box.fill('');
  await box.pressSequentially('Run!');
  const run = await nextRun(explore, n);
  const viewRun = await until(
    stats,
    (t) => /min/.test(t) && t !== viewGo,
    'the encoder view following “Run!”',
  );
  console.log(`explore-official: encoder view “Go.” ${viewGo} → “Run!” ${viewRun}`);
  console.log(
    `explore-official: translation encoder, “Go.” → ${go.slice(0, 120)}…; “Run!” → ${run.slice(0, 120)}…`,
  );
  // The encoder's output is its LSTM state (h, then c): its largest units by size, not classes.
  assert.match(go, /^Output for your input · largest 5 of 256 units, by size \(first of 2 outputs\)unit \d+/);
  assert.notEqual(run, go, 'typing another sentence changes the encoder’s state');
  n = await runCount(explore);
  await box.fill('Go.');
  const again = await nextRun(explore, n);
  assert.equal(again, go, 'the same sentence gives the same state');
  await box.fill('Go ✓');
  assert.match((await note.textContent()) ?? '', /no index for “✓”/);
  const axe = await axeOverlay(page);
  assert.deepEqual(axe, [], `axe: ${axe.join('\n')}`);
  assert.equal(await translated(), before, 'the page’s translation did not change');
  assert.deepEqual(log.errors, [], 'nothing in the page console');
  await page.close();
}

async function main(): Promise<number> {
  if (!existsSync(join(SHARED, 'models'))) {
    console.log(`explore-official: no ${join(SHARED, 'models')} — nothing to run.`);
    return 0;
  }
  const demo = OFFICIAL_DEMOS.find((d) => d.id === 'mobilenet')!;
  assert.ok(
    existsSync(join(ROOT, OFFICIAL_BUNDLES, 'mobilenet.js')),
    'build the stand-ins first: npm run check:official',
  );
  const session = await launchLiterate();
  const roots: Roots = { repo: ROOT, models: join(SHARED, 'models'), inputs: join(SHARED, 'inputs') };
  await routeOfficialDemos(session.context, roots);
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1500, height: 1300 });
    const log = watchConsole(page);
    await page.goto(`${demo.pageUrl}${demo.testQuery}`);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === '1', null, WAIT);
    const before = await pageOutputs(page);
    await page.getByRole('button', { name: 'Explain this model' }).click(WAIT);
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('button', { name: 'Try your own input' }).click(WAIT);
    const explore = panel.getByTestId('explore');

    // The page's photo (the page ran its model once, at load: its pictures are the reader's way in).
    await explore.getByRole('button', { name: 'The page’s pictures…' }).click();
    await explore.getByRole('combobox', { name: 'Page picture' }).selectOption({ index: 0 });
    const label = await explore
      .getByRole('combobox', { name: 'Page picture' })
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    assert.match(label, /^image “A cup of coffee”/);
    await explore.getByRole('button', { name: 'Use it' }).click();
    const photo = await nextRun(explore, 0);
    console.log(`explore-official: the photo → ${photo}`);
    assert.match(photo, /^Output for your input · top 5 of 1,?001/);

    // Edits: the patch moved by keyboard, then brightness.
    let n = await runCount(explore);
    await explore.getByRole('checkbox', { name: /Cover a patch/ }).check();
    await nextRun(explore, n);
    await explore.getByRole('button', { name: /Occluding patch/ }).focus();
    n = await runCount(explore);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
    const moved = await nextRun(explore, n);
    n = await runCount(explore);
    await explore.getByRole('slider', { name: 'Brightness' }).focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    const darker = await nextRun(explore, n);
    assert.notEqual(darker, moved, 'a darker photo changes the scores');
    await explore.getByRole('button', { name: 'Undo all edits' }).click();

    // What mattered: a patch of a quarter of the photo's shorter side.
    const size = /(\d+) × (\d+) pixels, as the model gets it/.exec(
      (await explore
        .getByRole('img', { name: /as the model gets it/ })
        .first()
        .getAttribute('aria-label')) ?? '',
    );
    const side = Math.min(Number(size?.[1] ?? 0), Number(size?.[2] ?? 0));
    await explore.getByRole('tab', { name: 'What mattered' }).click();
    const patch = String(Math.ceil(side / 4));
    await explore.getByRole('spinbutton', { name: 'Patch' }).fill(patch);
    await explore.getByRole('spinbutton', { name: 'Stride' }).fill(patch);
    await explore.getByRole('button', { name: 'Map what mattered' }).click();
    const status = await until(
      async () => (await explore.getByTestId('ex-sens-status').textContent()) ?? '',
      (t) => t.startsWith('Done'),
      'the sensitivity map',
      180_000,
    );
    console.log(`explore-official: ${status}`);
    await explore.getByRole('img', { name: /^Colour scale/ }).waitFor(WAIT);
    await explore.scrollIntoViewIfNeeded();
    const shot = await screenshot(page, 'explore-official-mobilenet');

    // Gradients for the same class: one backward pass through the page's own tf.js — or, on a page whose bundle
    // registers no gradients (tfjs-core with the converter, as this demo's is), the reason, with occlusion kept.
    await explore.getByRole('radio', { name: /^Gradients/ }).check();
    const t0 = Date.now();
    await explore.getByRole('button', { name: 'Map the gradient' }).click();
    const gradient = await until(
      async () => (await explore.getByTestId('ex-grad-status').textContent()) ?? '',
      (t) => t.startsWith('Done') || t.startsWith('No gradients'),
      'the gradient map',
      120_000,
    );
    console.log(`explore-official: gradients (${Date.now() - t0} ms to the answer): ${gradient}`);
    if (gradient.startsWith('Done')) {
      assert.match(gradient, /^Done: 1 backward pass in [\d,]+ ms/);
      await explore.getByRole('img', { name: /^Gradient map \(\|gradient\|\) for / }).waitFor(WAIT);
    } else {
      assert.match(gradient, /registers no gradient functions|has no gradient/);
      await explore.getByRole('button', { name: 'Use occlusion' }).click();
      await explore.getByRole('button', { name: 'Map what mattered' }).waitFor(WAIT);
    }

    // Compare: the photo against its mirror image.
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set A to your input' }).click();
    await explore.getByRole('tab', { name: 'Your input' }).click();
    n = await runCount(explore);
    await explore.getByRole('checkbox', { name: 'Flip left–right' }).check();
    await nextRun(explore, n);
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set B to your input' }).click();
    await explore.getByRole('button', { name: 'Compare A and B' }).click();
    const compared = await until(
      async () => (await explore.getByTestId('ex-cmp-status').textContent()) ?? '',
      (t) => /layers compared/.test(t) || /stopped/.test(t),
      'the comparison',
      180_000,
    );
    console.log(`explore-official: ${compared}`);
    assert.match(compared, /\d+ layers compared/);
    assert.ok((await explore.getByTestId('ex-diff').getByRole('listitem').count()) > 20);

    const axe = await axeOverlay(page);
    assert.deepEqual(axe, [], `axe: ${axe.join('\n')}`);
    assert.deepEqual(await pageOutputs(page), before, "the page's published outputs did not change");
    assert.deepEqual(log.errors, [], 'nothing in the page console');
    if (process.argv.includes('--write')) {
      mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'docs/screenshots/explore-official-mobilenet.png'));
    }
    await page.close();
    await translation(session);
    console.log('explore-official: ok');
    return 0;
  } catch (e) {
    console.error(`explore-official: FAILED — ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    await session.close();
  }
}

main().then((code) => process.exit(code));
