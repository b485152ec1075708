// Audit-grade explanations in real Chromium with the real extension (issue #22): on the draw-shapes gallery demo a
// pack pinned to the model's weights digest (computed here from the weight files) and signed by its author binds,
// shows who signed it, and every check passes; the report exported from the overlay (a real download) is verified by
// the CLI in this test — intact, same fingerprint and weights digest, every result reproduced in Node — and the same
// report with one result edited is not. On the legacy-spiral demo a pack pinned to other weights is stale: "same
// architecture, different weights", in the overlay's banner.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPack } from '../../annotations/format/signature';
import type { Pack } from '../../annotations/format/types';
import { validatePackText } from '../../annotations/format/validate';
import { extractReportData, reportDigest, type ReportData } from '../../annotations/report/report-data';
import { loadTf } from '../../cli/check/tf-models';
import { digestFromFiles } from '../../cli/check/weights-digest';
import type { CliIo } from '../../cli/literate/io';
import { run } from '../../cli/literate/main';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, ROOT, screenshot, watchConsole, type ExtensionSession } from './harness';
import { extensionWithOnly, shippedSource } from './overlay-checks-support';

const POLL = { timeout: 60_000 };
const SHAPES_MODEL = join(ROOT, 'demos/models/shapes-cnn');
const SPIRAL_MODEL = join(ROOT, 'demos/models/spiral-mlp');

let server: GalleryServer;
let session: ExtensionSession;
let dir: string;
let work: string;
let shapesDigest = '';
let spiralDigest = '';
let keyId = '';

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (source) => readFileSync(source, 'utf8'),
    write: async (path, text) => writeFileSync(path, text),
  };
  return { io, text: () => [...out, ...err].join('\n') };
}

/** The pack's text, validated by the real validator. */
function packText(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  const result = validatePackText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return text;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'literate-audit-e2e-'));
  const tf = await loadTf();
  shapesDigest = (await digestFromFiles(tf, SHAPES_MODEL)).digest;
  spiralDigest = (await digestFromFiles(tf, SPIRAL_MODEL)).digest;

  // draw-shapes, pinned to its weights and signed (a fresh key: the extension only ever sees the public half).
  const shapes = shippedSource('draw-shapes');
  const pinned: Pack = {
    ...shapes,
    id: 'e2e-audit-shapes',
    title: 'Draw shapes, pinned and signed',
    targets: {
      ...shapes.targets,
      models: shapes.targets.models.map((m) => ({ ...m, weightsDigest: shapesDigest })),
    },
  };
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey = (await crypto.subtle.exportKey('jwk', pair.publicKey)).x!;
  const signed = await signPack(
    pinned as unknown as Record<string, unknown>,
    pair.privateKey,
    publicKey,
    crypto.subtle,
    { signer: 'E2E Signer' },
  );
  const { keyIdOf } = await import('../../annotations/format/signature');
  keyId = keyIdOf(publicKey)!;

  // legacy-spiral, pinned to other weights (the draw-shapes model's): same architecture, different weights.
  const spiral = shippedSource('legacy-spiral');
  expect(spiralDigest).not.toBe(shapesDigest);
  const otherWeights: Pack = {
    ...spiral,
    id: 'e2e-audit-spiral-other-weights',
    title: 'Spiral, pinned to other weights',
    targets: {
      ...spiral.targets,
      models: spiral.targets.models.map((m) => ({ ...m, weightsDigest: shapesDigest })),
    },
  };

  dir = extensionWithOnly({
    'audit-shapes.json': packText(signed),
    'audit-spiral.json': packText(otherWeights),
  });
  server = await startServer({ port: 0 });
  session = await launchWithExtension({ extensionDir: dir, viewport: { width: 1680, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openPanel(path: string): Promise<{ page: Page; panel: Locator }> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
  return { page, panel };
}

const text = (l: Locator) => async () =>
  (await l.count()) > 0 ? ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';

describe('audit: weights digest, signed pack, verifiable report', () => {
  it('a pinned, signed pack binds on draw-shapes, its checks pass, and its exported report verifies in the CLI', async () => {
    const { page, panel } = await openPanel('/demos/draw-shapes/');
    const seen = watchConsole(page);
    await expect.poll(text(panel.locator('.pack-title')), POLL).toBe('Draw shapes, pinned and signed');
    await expect
      .poll(text(panel.getByTestId('pack-signature')), POLL)
      .toBe(`Signed by “E2E Signer” (key ${keyId})`);
    // The pin is checked on load (the weights are hashed once, on demand): current, no banner.
    await panel.getByRole('button', { name: 'Run all checks' }).click();
    await panel.getByRole('button', { name: 'Run all checks' }).waitFor({ timeout: 90_000 });
    await expect.poll(text(panel.getByTestId('checks-summary')), POLL).toMatch(/^(\d+) of \1 claims hold/);
    expect(await panel.getByTestId('staleness-banner').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      panel.getByRole('button', { name: 'Export report' }).click(),
    ]);
    const reportPath = join(work, download.suggestedFilename());
    await download.saveAs(reportPath);
    const html = readFileSync(reportPath, 'utf8');
    const data = extractReportData(html) as ReportData;
    expect(data.digest).toBe(reportDigest(data));
    expect(data.environment.pageUrl).toBe(`${server.url}/demos/draw-shapes/`);
    expect(data.environment.browser).toMatch(/Chrom/);
    expect(data.environment.tool).toMatch(/^literate \d/);
    const model = data.run.models[0]!;
    expect(model.weights?.digest).toBe(shapesDigest);
    expect(model.weights!.ms).toBeGreaterThanOrEqual(0);
    expect(data.run.staleness.models[0]?.weightsMatch).toBe(true);
    expect(html).toContain(shapesDigest);
    expect(html).toContain(data.pack.digest);
    process.stdout.write(
      `audit e2e: backend ${data.environment.backend}; weights digest hashed in the page: ${model.weights!.weights} weights, ${model.weights!.bytes} bytes, ${model.weights!.ms} ms\n`,
    );

    // The CLI verifies the browser's report on the model files.
    const ok = cliIo();
    const status = await run(['report', 'verify', reportPath, '--model', SHAPES_MODEL], ok.io);
    expect(status, ok.text()).toBe(0);
    expect(ok.text()).toContain('VERIFIED');
    expect(ok.text()).toContain('cnn: weights digest matches');
    expect(ok.text()).toContain(`signed by “E2E Signer” (key ${keyId})`);
    expect(ok.text()).toMatch(/ 0 do not, 0 cannot be re-run here/);
    process.stdout.write(`${ok.text()}\n`);

    // One result edited (and the seal recomputed): the re-run catches it.
    const edited = extractReportData(html) as ReportData;
    const check = edited.run.checks.find((c) => c.status === 'pass')!;
    check.status = 'fail';
    edited.digest = reportDigest(edited);
    const tamperedPath = join(work, 'tampered.html');
    writeFileSync(
      tamperedPath,
      html.replace(
        /(<script type="application\/json" id="literate-report-data">)[\s\S]*?(<\/script>)/,
        (_m, open: string, close: string) =>
          `${open}${JSON.stringify(edited).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}${close}`,
      ),
    );
    const bad = cliIo();
    expect(await run(['report', 'verify', tamperedPath, '--model', SHAPES_MODEL], bad.io)).toBe(1);
    expect(bad.text()).toContain(`DIFFERS     check ${check.id}`);
    await screenshot(page, 'audit-pinned-signed');
    expect(seen.errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('a pack pinned to other weights is stale on legacy-spiral: same architecture, different weights', async () => {
    const { page, panel } = await openPanel('/demos/legacy-spiral/');
    await expect.poll(text(panel.locator('.pack-title')), POLL).toBe('Spiral, pinned to other weights');
    await expect.poll(text(panel.getByTestId('pack-signature')), POLL).toBe('Unsigned');
    const banner = panel.getByTestId('staleness-banner');
    await expect
      .poll(text(banner.locator('[data-stale-weights]')), POLL)
      .toContain('Same architecture, different weights');
    await expect.poll(text(banner), POLL).toContain('same architecture, different weights');
    // The page (tf.js 1.7.4, webgl) hashed its model to the digest the CLI computes from the files.
    expect(await text(banner.locator('[data-stale-weights]'))()).toContain(
      `${spiralDigest.slice(0, 12)}…, not`,
    );
    await screenshot(page, 'audit-other-weights');
    await page.close();
  }, 120_000);
});
