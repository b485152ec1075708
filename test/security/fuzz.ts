// The fuzz run (`npm run fuzz`, in .ci/run): the built extension in Chromium against a hostile page that posts
// forged messages through every channel a page can reach (its own hook channel, window.postMessage to the relay,
// CustomEvents, untrusted events on the overlay's shadow root, share-link fragments), then adversarial packs and URL
// patterns through validation, rendering and matching in Node. Prints a table of figures; exits 1 on any failure.
//
//   LITERATE_EXTENSION_DIR=dist-NAME/chrome npx tsx test/security/fuzz.ts      (default: dist/chrome)
//   FUZZ_SCALE=0.2 for a quicker run.

import fc from 'fast-check';
// @ts-expect-error -- jsdom ships no declaration file here; only its window is used.
import { JSDOM } from 'jsdom';
import { arbPack } from '../../annotations/format/testing/arbitrary-pack';
import { LIMITS } from '../../annotations/format/limits';
import { validatePack, validatePackText } from '../../annotations/format/validate';
import { markdownToHtml } from '../../annotations/render/markdown';
import { sanitizeHtml, type RenderWindow } from '../../annotations/render/sanitize';
import { matchUrlPattern, parseUrlPattern, type GlobMeter } from '../../annotations/targets/url-glob';
import {
  badgeText,
  currentWorker,
  launchWithExtension,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type ExtensionSession,
} from '../e2e/harness';
import { startHookServer } from '../e2e/hook-fixtures/server';
import { hostileRoutes, type ForgeFigures, type ForgePlan } from './hostile-page';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const n = (x: number): number => Math.max(1, Math.round(x * SCALE));

interface Row {
  channel: string;
  messages: number;
  ms: number;
  failures: string[];
}
const rows: Row[] = [];
const row = (channel: string, messages: number, ms: number, failures: string[] = []): void => {
  rows.push({ channel, messages, ms: Math.round(ms), failures });
};

async function storageLocal(session: ExtensionSession): Promise<string> {
  const worker = await currentWorker(session);
  return worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

/** storage.local once the extension's own first-run writes (shipped packs) have settled: the same for 1 s. */
async function settledStorage(session: ExtensionSession): Promise<string> {
  let last = await storageLocal(session);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await storageLocal(session);
    if (now === last) return now;
    last = now;
  }
  return last;
}

async function browserRun(): Promise<void> {
  const server = await startHookServer(hostileRoutes());
  const session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
  try {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/sec/page.html`);
    await page.waitForSelector('html[data-ready="1"]', { timeout: 60_000 });
    const tabId = await tabIdOf(session, page);
    const failures: string[] = [];
    if ((await waitForBadge(session, tabId, '2')) !== '2')
      failures.push('badge did not show 2 models before');
    // The launcher (and so the overlay's shadow root) appears once a model is found.
    await page
      .getByRole('button', { name: 'Explain this model' })
      .waitFor({ timeout: 15_000 })
      .catch(() => failures.push('no launcher before the run'));
    await page.waitForTimeout(500);
    const storageBefore = await settledStorage(session);
    const pagesBefore = session.context.pages().length;
    const baseline = await page.evaluate(() => (window as any).numTensors() as number);
    const plan: ForgePlan = process.env.FUZZ_PLAN
      ? JSON.parse(process.env.FUZZ_PLAN)
      : {
          hook: n(10_000),
          relay: n(10_000),
          custom: n(10_000),
          overlay: n(2_000),
          fragments: n(300),
        };
    const figures = await page.evaluate((p) => (window as any).forge(p) as Promise<ForgeFigures>, plan);
    for (const e of figures.errors) failures.push(`page: ${e}`);
    await page.waitForTimeout(1500);

    // After: tensors back to baseline, outputs unchanged, worker and content script alive, nothing stored or opened.
    let tensors = -1;
    for (let i = 0; i < 50 && tensors !== baseline; i++) {
      tensors = await page.evaluate(() => (window as any).numTensors() as number);
      if (tensors !== baseline) await page.waitForTimeout(200);
    }
    const checks: string[] = [];
    if (tensors !== baseline) checks.push(`tensor count ${baseline} -> ${tensors}`);
    const state = await page.evaluate(() => ({
      runs: (window as any).runs,
      mismatches: (window as any).mismatches,
    }));
    if (state.mismatches !== 0) checks.push(`${state.mismatches} of ${state.runs} page runs changed`);
    const badge = await badgeText(session, tabId).catch((e: Error) => `worker gone: ${e.message}`);
    if (badge !== '2') checks.push(`badge ${JSON.stringify(badge)} after the run (expected "2")`);
    // The content script and hook still report: a model the page adds now reaches the badge.
    await page.evaluate(() => {
      const tf = (window as any).tf;
      (window as any).extra = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    });
    const third = await waitForBadge(session, tabId, '3', 15_000);
    if (third !== '3')
      checks.push(`a model added after the run was not reported (badge ${JSON.stringify(third)})`);
    const storageAfter = await storageLocal(session);
    if (storageAfter !== storageBefore) checks.push(`storage.local changed: ${storageAfter.slice(0, 300)}`);
    const opened = session.context.pages().length - pagesBefore;
    if (opened !== 0) checks.push(`${opened} windows or tabs opened (consent or other)`);
    if (seen.errors.length) checks.push(`page errors: ${seen.errors.slice(0, 3).join(' | ')}`);

    for (const key of Object.keys(plan) as (keyof ForgePlan)[])
      row(`page: ${key}`, figures.counts[key], figures.ms[key]);
    row('page: checks after the run', 0, 0, [...failures, ...checks]);
    console.log(
      `hook channel replies: ${figures.hookReplies}; overlay events on its shadow root: ${figures.overlayHits}; tensors ${baseline} -> ${tensors}; page runs ${state.runs}, changed ${state.mismatches}`,
    );
  } finally {
    await session.close();
    await server.close();
  }
}

/** Adversarial packs: arbitrary valid-shaped packs, then mutated and hostile JSON text, within a time budget each. */
function packRun(): void {
  const window = new JSDOM('<!doctype html><body></body>').window as unknown as RenderWindow;
  const failures: string[] = [];
  let count = 0;
  const t0 = performance.now();
  const hostileProse = fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '$$\\href{javascript:alert(1)}{x}$$',
    '<style>@import "http://evil/"</style>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '*'.repeat(5000),
    '['.repeat(3000) + ']('.repeat(3000),
  );
  const packs = fc.sample(arbPack({ text: fc.oneof(hostileProse, fc.string({ maxLength: 200 })) }), n(400));
  for (const pack of packs) {
    count++;
    const start = performance.now();
    try {
      validatePack(pack);
      const text = JSON.stringify(pack);
      validatePackText(text);
      for (const prose of JSON.stringify(pack)
        .match(/"(?:[^"\\]|\\.)*"/g)
        ?.slice(0, 20) ?? []) {
        const html = sanitizeHtml(markdownToHtml(JSON.parse(prose) as string), window);
        if (/<script|\son[a-z]+\s*=|javascript:|<iframe|<style/i.test(html))
          failures.push(`unsafe html: ${html.slice(0, 120)}`);
      }
    } catch (e) {
      failures.push(`threw: ${(e as Error).message}`);
    }
    if (performance.now() - start > 2000)
      failures.push(`one pack took ${Math.round(performance.now() - start)} ms`);
  }
  // Hostile JSON text: deep nesting, huge strings, prototype keys, truncations of valid packs.
  const texts = [
    '['.repeat(100_000),
    '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
    JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
    '{"__proto__": {"polluted": true}, "format": "literate-pack"}',
    `"${'x'.repeat(LIMITS.packBytes + 10)}"`,
    ...packs.slice(0, n(100)).map((p, i) => JSON.stringify(p).slice(0, (i * 37) % 400)),
  ];
  for (const text of texts) {
    count++;
    const start = performance.now();
    try {
      const result = validatePackText(text);
      if (result.ok && text.length < 10) failures.push(`accepted ${text}`);
    } catch (e) {
      failures.push(`threw: ${(e as Error).message}`);
    }
    if (performance.now() - start > 2000)
      failures.push(`a text took ${Math.round(performance.now() - start)} ms`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) failures.push('Object.prototype polluted');
  row('node: adversarial packs (validate, render, sanitize)', count, performance.now() - t0, failures);
}

/** Adversarial URL patterns against long repetitive URLs: linear work, bounded time. */
function urlRun(): void {
  const failures: string[] = [];
  let count = 0;
  const t0 = performance.now();
  const cases: [string, string][] = [];
  for (const len of [70, 1000, 8000]) {
    for (let stars = 1; stars <= 12; stars++) {
      cases.push([`*://*/${'*a'.repeat(stars)}*b`, `https://x.example/${'a'.repeat(len)}`]);
      cases.push([`https://*.example/${'*aaaaaaab'.repeat(stars)}`, `https://a.example/${'a'.repeat(len)}`]);
      cases.push([
        `*://*/*${'a*'.repeat(stars)}?q=${'*a'.repeat(stars)}`,
        `http://h/${'a'.repeat(len)}?q=${'a'.repeat(len)}`,
      ]);
    }
  }
  const random = fc.sample(
    fc.tuple(
      fc
        .array(fc.constantFrom('a', 'b', '*', '/', '.', ':', '?', '#', '%'), { maxLength: 120 })
        .map((a) => `*://*/${a.join('')}`),
      fc
        .array(fc.constantFrom('a', 'b', '/', '.', '%2F'), { maxLength: 2000 })
        .map((a) => `https://h.example/${a.join('')}`),
    ),
    n(3000),
  );
  for (const [pattern, url] of [...cases, ...random]) {
    count++;
    const start = performance.now();
    const meter: GlobMeter = { steps: 0 };
    try {
      parseUrlPattern(pattern);
      matchUrlPattern(pattern, url, meter);
    } catch (e) {
      failures.push(`threw on ${pattern.slice(0, 60)}: ${(e as Error).message}`);
    }
    const ms = performance.now() - start;
    if (ms > 100) failures.push(`${Math.round(ms)} ms for ${pattern.slice(0, 60)} (${url.length} chars)`);
    if (meter.steps > 8 * (url.length + pattern.length) + 64)
      failures.push(`${meter.steps} steps for ${pattern.slice(0, 60)} (${url.length} chars): not linear`);
  }
  row('node: adversarial URL patterns', count, performance.now() - t0, failures.slice(0, 10));
}

async function main(): Promise<void> {
  const started = performance.now();
  try {
    await browserRun();
  } catch (e) {
    row('page: run', 0, 0, [`crashed: ${(e as Error).stack ?? e}`]);
  }
  packRun();
  urlRun();
  const width = Math.max(...rows.map((r) => r.channel.length));
  console.log(`\n${'channel'.padEnd(width)}  messages      ms  failures`);
  for (const r of rows) {
    console.log(
      `${r.channel.padEnd(width)}  ${String(r.messages).padStart(8)}  ${String(r.ms).padStart(6)}  ${r.failures.length}`,
    );
    for (const f of r.failures.slice(0, 10)) console.log(`    - ${f}`);
  }
  const total = rows.reduce((a, r) => a + r.messages, 0);
  const failed = rows.reduce((a, r) => a + r.failures.length, 0);
  console.log(
    `\n${total} messages and inputs in ${Math.round((performance.now() - started) / 1000)} s; ${failed} failures`,
  );
  process.exit(failed === 0 ? 0 : 1);
}

void main();
