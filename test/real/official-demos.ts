// `npm run check:official [-- --write] [-- --only=<demo>]`: the official demos of issues #9 and #16 in real Chromium
// with the built extension. Each demo's real URLs are answered by our stand-in page (demos/official/: the tf.js build
// the demo uses, or a webpack bundle of the real npm packages, built here when stale), and the real model files from
// ../shared/models; the page is driven as a reader would, lets go of what the real page lets go of and keeps its
// loops running; a garbage collection is forced (after driving, and again before the pack's checks); then: the badge
// counts the page's models, the hook's ModelGraphs are read (fingerprints, nodes, inputs, outputs), and the demo's
// shipped pack must match the page, bind its models (not stale), have no orphans, pass its structural checks, run
// its examples and behavioural checks through the page's probe (checks engine in Node), become active in the
// overlay, and hold every claim under the overlay's own "Run all checks". --write also refreshes
// test/real/official-demos.{json,md} and the screenshots docs/screenshots/official-<demo>.png.
// Exits 0 without running when ../shared/models ($LITERATE_SHARED/models) is absent — CI runs it only when
// present —, 1 on any failure.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as prettier from 'prettier';
import { OFFICIAL_BUNDLES, OFFICIAL_DEMOS, type OfficialDemo, type Roots } from '../../demos/official/sites';
import { tabIdOf, waitForBadge, type ExtensionSession } from '../e2e/harness';
import { launchLiterate } from '../e2e/hook-fixtures/extension';
import { launchPlain, recordConsole } from '../e2e/hook-fixtures/plain';
import { isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { ROOT } from '../e2e/hook-fixtures/server';
import { checkDiagram } from './official-diagram';
import { driveDemo } from './official-drive';
import { forceGc } from './official-gc';
import { routeOfficialDemos } from './official-routes';
import { factsTable, type DemoFacts, type ModelFacts } from './official-facts';
import { PACK_NAMES, checkPack, openPlainOverlay, packFileFor } from './official-packs';
import { panelCovers } from './official-panel';
import { versionInScript } from '../../content-scripts/relay/page-tf-version';
import type { ModelGraph } from '../../model/model-graph';

/** ../shared (models and inputs); LITERATE_SHARED points elsewhere. */
const SHARED = resolve(process.env.LITERATE_SHARED ?? resolve(ROOT, '../shared'));
const WRITE = process.argv.includes('--write');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

/**
 * Where each model the hook reports stands ('held' by the page, or the snapshot's hold: pinned, collected,
 * reloaded): the badge counts the models the page still holds (protocol/runtime.ts countModels).
 */
async function readHolds(page: Page, session: ExtensionSession): Promise<string[]> {
  const world = await isolatedWorld(page, session.extensionId);
  try {
    return await world.evaluate<string[]>(`
      globalThis[Symbol.for('literate.content-api')].snapshot().models.map((m) => m.hold ?? 'held')`);
  } finally {
    await world.close();
  }
}

/** The ModelGraph of every model the hook reports on the page (described in the extension's isolated world). */
async function readGraphs(page: Page, session: ExtensionSession): Promise<ModelGraph[]> {
  const world = await isolatedWorld(page, session.extensionId);
  try {
    return await world.evaluate<ModelGraph[]>(`(async () => {
      const api = globalThis[Symbol.for('literate.content-api')];
      const out = [];
      for (const m of api.snapshot().models) out.push(await api.describe(m.id));
      return out;
    })()`);
  } finally {
    await world.close();
  }
}

/** The tf.js versions the extension reports for the page's engines (what the popup and the badge's title say). */
async function readEngineVersions(page: Page, session: ExtensionSession): Promise<string[]> {
  const world = await isolatedWorld(page, session.extensionId);
  try {
    return await world.evaluate<string[]>(`(() => {
      const api = globalThis[Symbol.for('literate.content-api')];
      return [...new Set(api.snapshot().engines.map((e) => e.tfjsVersion ?? e.versionClass))];
    })()`);
  } finally {
    await world.close();
  }
}

function factsOf(g: ModelGraph): ModelFacts {
  const tensor = (t: ModelGraph['inputs'][number]) => ({
    name: t.name,
    nodeId: t.nodeId,
    shape: t.shape,
    dtype: t.dtype,
  });
  return {
    id: g.id,
    kind: g.kind,
    name: g.name,
    sourceUrl: g.sourceUrl,
    origin: g.origin,
    format: g.format,
    backend: g.backend,
    tfjsVersion: g.tfjsVersion,
    fingerprint: g.fingerprint,
    nodes: g.totals.nodes,
    params: g.totals.params,
    inputs: g.inputs.map(tensor),
    outputs: g.outputs.map(tensor),
    ops: [...new Set(g.nodes.map((n) => n.op))].sort(),
    nodeIds: g.nodes.filter((n) => n.category !== 'const').map((n) => n.id),
  };
}

async function runDemo(
  session: ExtensionSession,
  demo: OfficialDemo,
  { screenshot = WRITE, control = false } = {},
): Promise<DemoFacts> {
  const started = Date.now();
  const facts: DemoFacts = {
    id: demo.id,
    title: demo.title,
    pageUrl: demo.pageUrl,
    tfjsVersion: demo.tfjsVersion,
    result: '',
    sameWithoutLiterate: null,
    badge: '',
    models: [],
    pack: null,
    reportedVersions: [],
    panel: null,
    diagram: null,
    seconds: 0,
    problems: [],
  };
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const seen = recordConsole(page);
  try {
    await page.goto(demo.pageUrl + demo.testQuery);
    facts.result = await driveDemo(demo.id, page);
    if (!control) consoles.set(demo.id, normalized(seen.lines));
    const before = (await readGraphs(page, session)).length;
    await forceGc(page);
    const graphs = await readGraphs(page, session);
    const holds = await readHolds(page, session);
    console.log(
      `  ${demo.id}: ${before} models reported before a forced garbage collection, ${graphs.length} after (${holds.join(', ')})`,
    );
    facts.models = graphs.map(factsOf);
    const running = holds.filter((h) => h !== 'collected' && h !== 'reloaded').length;
    const expected = running > 0 ? String(running) : '·';
    const tabId = await tabIdOf(session, page);
    facts.badge = await waitForBadge(session, tabId, expected, 20_000);
    if (facts.models.length === 0) facts.problems.push('the hook found no model');
    if (facts.badge !== expected)
      facts.problems.push(
        `badge ${JSON.stringify(facts.badge)}, models the page holds ${running} (${holds.join(', ')})`,
      );
    const loaded = facts.models.filter((m) => m.sourceUrl === demo.modelBase + demo.modelFile);
    if (loaded.length !== 1) {
      facts.problems.push(`${loaded.length} models with sourceUrl ${demo.modelBase + demo.modelFile}`);
    }
    const packFile = packFileFor(demo.id);
    if (packFile) {
      facts.pack = await checkPack(page, session, demo, packFile, graphs);
      facts.problems.push(...facts.pack.problems);
    } else {
      facts.problems.push(`no shipped pack annotations/packs/${PACK_NAMES[demo.id]}.json`);
      await openPlainOverlay(page);
    }
    // Bundled pages have no global `tf`: the version comes from the page's own scripts, and must be the real one. A
    // bundle that tree-shook tfjs-core's version export away (the AutoML demo's) names no version anywhere: then the
    // version class the hook tells by feature detection is all there is to say.
    facts.reportedVersions = await readEngineVersions(page, session);
    const named =
      demo.tfjs !== 'bundled' ||
      versionInScript(readFileSync(join(ROOT, OFFICIAL_BUNDLES, `${demo.id}.js`), 'utf8')) !== null;
    const expectedVersion = named ? demo.tfjsVersion : '3.x+';
    if (facts.reportedVersions.join() !== expectedVersion)
      facts.problems.push(
        `tf.js version reported ${JSON.stringify(facts.reportedVersions)}, not ${expectedVersion}`,
      );
    for (const m of facts.models)
      if ((m.tfjsVersion ?? '3.x+') !== expectedVersion)
        facts.problems.push(`model ${m.id} says tf.js ${m.tfjsVersion}`);
    // Side by side at 1280 px: the panel covers none of the demo.
    facts.panel = await panelCovers(page);
    if (!facts.panel) facts.problems.push('no open panel to measure');
    else if (facts.panel.covered.length)
      facts.problems.push(`the panel (${facts.panel.mode}) covers ${facts.panel.covered.join(', ')}`);
    if (screenshot) {
      const dir = join(ROOT, 'docs/screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `official-${demo.id}.png`) });
    }
    // The Diagram view of the page's model, with live thumbnails (issue #17).
    const diagramShot =
      screenshot && demo.id === 'posenet' ? 'docs/screenshots/official-diagram-posenet.png' : null;
    facts.diagram = await checkDiagram(demo.id, page, diagramShot && join(ROOT, diagramShot));
    facts.problems.push(...facts.diagram.problems);
    if (errors.length) facts.problems.push(`page errors: ${errors.join(' | ')}`);
  } catch (e) {
    facts.problems.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  } finally {
    await page.close().catch(() => undefined);
  }
  facts.seconds = Math.round((Date.now() - started) / 100) / 10;
  return facts;
}

/** Console lines of each demo's run with Literate, up to the end of driving it (compared with a run without). */
const consoles = new Map<string, string[]>();

/** Console lines as a sorted multiset, WebGL context addresses left out (they differ from run to run). */
const normalized = (lines: string[]): string[] =>
  lines.map((l) => l.replace(/\[\.WebGL-0x[0-9a-f]+\]/g, '[.WebGL]')).sort();

/** What must be the same without Literate: everything the page showed (webcam: not the loss of its random init). */
const comparable = (id: string, result: string): string =>
  id === 'webcam-transfer-learning' ? result.replace(/^loss [^,]*, /, '') : result;

/** Drives every demo again in a Chromium without the extension: same results, same console ("never break the page"). */
async function compareWithoutLiterate(roots: Roots, all: DemoFacts[]): Promise<void> {
  const browser = await launchPlain();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await routeOfficialDemos(context, roots);
    for (const facts of all) {
      const demo = OFFICIAL_DEMOS.find((d) => d.id === facts.id)!;
      const page = await context.newPage();
      const seen = recordConsole(page);
      try {
        await page.goto(demo.pageUrl + demo.testQuery);
        const result = await driveDemo(demo.id, page);
        const lines = normalized(seen.lines);
        const same = comparable(demo.id, result) === comparable(demo.id, facts.result);
        const quiet = JSON.stringify(lines) === JSON.stringify(consoles.get(demo.id) ?? []);
        facts.sameWithoutLiterate = same && quiet;
        if (!same) facts.problems.push(`without Literate the page showed ${result}`);
        if (!quiet) {
          const count = (l: string[]): string[] => {
            const n = new Map<string, number>();
            for (const x of l) n.set(x.slice(0, 120), (n.get(x.slice(0, 120)) ?? 0) + 1);
            return [...n].map(([k, v]) => `${v}× ${k}`);
          };
          facts.problems.push(
            `console differs: with ${JSON.stringify(count(consoles.get(demo.id) ?? []))}, without ${JSON.stringify(count(lines))}`,
          );
        }
      } catch (e) {
        facts.problems.push(`without Literate: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
  }
}

/**
 * The check must be able to fail: the AutoML demo's official model URL answered with another real graph model
 * (MobileNet v1 0.25 from TF-Hub) must be caught by the pack checks (stale binding, failing structural checks).
 */
async function controlRun(session: ExtensionSession, roots: Roots): Promise<string> {
  const demo = OFFICIAL_DEMOS.find((d) => d.id === 'automl')!;
  roots.swap = { automl: 'mobilenet-v1-025-224-tfhub-graph' };
  try {
    const facts = await runDemo(session, demo, { screenshot: false, control: true });
    const caught = facts.problems.filter((p) =>
      /stale|unbound|structural checks failed|overlay checks/.test(p),
    );
    return caught.length
      ? `ok: a wrong model at the AutoML URL is caught (${caught.map((p) => p.slice(0, 90)).join('; ')})`
      : `FAIL: a wrong model at the AutoML URL went unnoticed (${facts.problems.join('; ') || 'no problems'})`;
  } finally {
    delete roots.swap;
  }
}

/** Builds the bundled stand-ins (demos/official/webpack.official.js) when one is missing or older than a source. */
function ensureBundles(): void {
  const sources = OFFICIAL_DEMOS.filter((d) => d.bundle).map((d) =>
    join(ROOT, 'demos/official', d.folder, d.bundle!.replace(/\.js$/, '.ts')),
  );
  sources.push(join(ROOT, 'demos/official/shared.ts'), join(ROOT, 'demos/official/webpack.official.js'));
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  const stale = OFFICIAL_DEMOS.filter((d) => d.bundle).some((d) => {
    const out = join(ROOT, OFFICIAL_BUNDLES, `${d.id}.js`);
    return !existsSync(out) || statSync(out).mtimeMs < newest;
  });
  if (!stale) return;
  console.log('check:official: building the bundled stand-ins (demos/official/webpack.official.js)…');
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
      '--config',
      join(ROOT, 'demos/official/webpack.official.js'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // webpack leaves a bundle whose bytes did not change untouched (compareBeforeEmit): mark them all as fresh.
  const now = new Date();
  for (const d of OFFICIAL_DEMOS.filter((x) => x.bundle))
    utimesSync(join(ROOT, OFFICIAL_BUNDLES, `${d.id}.js`), now, now);
}

async function main(): Promise<number> {
  if (!existsSync(join(SHARED, 'models'))) {
    console.log(`check:official: ${join(SHARED, 'models')} is absent; nothing to check.`);
    return 0;
  }
  ensureBundles();
  const session = await launchLiterate();
  const roots: Roots = { repo: ROOT, models: join(SHARED, 'models'), inputs: join(SHARED, 'inputs') };
  const log = await routeOfficialDemos(session.context, roots);
  const all: DemoFacts[] = [];
  let control = '';
  let missing: string[] = [];
  try {
    for (const demo of OFFICIAL_DEMOS) {
      if (ONLY && demo.id !== ONLY) continue;
      all.push(await runDemo(session, demo));
      console.log(`${demo.id}: ${all.at(-1)!.problems.length ? 'FAIL' : 'ok'} (${all.at(-1)!.seconds} s)`);
    }
    missing = [...new Set(log.missing)];
    if (!ONLY) control = await controlRun(session, roots);
  } finally {
    await session.close();
  }
  await compareWithoutLiterate(roots, all);
  console.log(factsTable(all));
  if (missing.length) console.log(`\nrequests answered 404: ${missing.join(', ')}`);
  if (WRITE && !ONLY) {
    const options = { ...(await prettier.resolveConfig(join(ROOT, 'package.json'))), parser: 'json' };
    writeFileSync(
      join(ROOT, 'test/real/official-demos.json'),
      await prettier.format(JSON.stringify(all), options),
    );
    writeFileSync(
      join(ROOT, 'test/real/official-demos.md'),
      factsTable(all, true) + (control ? `\n## Control run\n\n${control}\n` : ''),
    );
  }
  const failed = all.filter((f) => f.problems.length);
  for (const f of failed) console.log(`\n${f.id}:\n  - ${f.problems.join('\n  - ')}`);
  if (control) console.log(`\ncontrol: ${control}`);
  console.log(`\ncheck:official: ${all.length - failed.length}/${all.length} demos ok`);
  return failed.length || control.startsWith('FAIL') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
