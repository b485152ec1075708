// Proves a shipped official-demo pack against its live demo: valid JSON, every model alias bound (not stale),
// structural checks pass against the hook's ModelGraphs, model anchors resolve, and in the page the pack becomes
// active with the overlay open and no orphans listed.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ModelGraph } from '../../model/model-graph';
import { resolveModelSelector } from '../../annotations/anchors/model-anchors';
import type { Pack } from '../../annotations/format/types';
import { validatePackText } from '../../annotations/format/validate';
import { matchModels } from '../../annotations/targets/match-models';
import { matchPageUrl } from '../../annotations/targets/match-page';
import { evaluateStructuralCheck, isStructuralCheck } from '../../annotations/targets/structural-checks';
import type { OfficialDemo, OfficialDemoId } from '../../demos/official/sites';
import { ROOT } from '../e2e/hook-fixtures/server';
import { packsApiState } from '../e2e/packs-support';
import type { ExtensionSession } from '../e2e/harness';
import { isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { runPackInPage } from './official-behaviour';
import { forceGc } from './official-gc';
import type { PackFacts } from './official-facts';

/** The shipped pack's file name for each demo. */
export const PACK_NAMES: Record<OfficialDemoId, string> = {
  posenet: 'posenet',
  'webcam-transfer-learning': 'webcam-transfer-learning',
  translation: 'translation',
  automl: 'automl-flowers',
  mobilenet: 'mobilenet',
  'knn-classifier': 'knn-classifier',
};

export function packFileFor(id: OfficialDemoId): string | null {
  const file = join(ROOT, 'annotations/packs', `${PACK_NAMES[id]}.json`);
  return existsSync(file) ? file : null;
}

/** Everything that can be proved without the page's DOM: validity, bindings, structural checks, model anchors. */
export function proveOffline(
  pack: Pack,
  pageUrl: string,
  graphs: readonly ModelGraph[],
): Omit<PackFacts, 'file' | 'active' | 'behavioural' | 'overlayChecks'> & {
  graphOf: Map<string, ModelGraph>;
} {
  const problems: string[] = [];
  const orphans: string[] = [];
  if (!matchPageUrl(pack, pageUrl).matched) problems.push(`the pack's pages do not match ${pageUrl}`);
  const match = matchModels(pack, graphs);
  const graphOf = new Map<string, ModelGraph>();
  for (const b of match.bindings) {
    const graph = graphs.find((g) => g.id === b.graphId);
    if (!graph) {
      if (!b.optional) problems.push(`alias ${b.alias} unbound: ${b.reasons.join('; ')}`);
      continue;
    }
    if (b.stale)
      problems.push(`alias ${b.alias} is stale: its fingerprint differs from ${graph.fingerprint}`);
    graphOf.set(b.alias, graph);
  }
  const structural = { passed: 0, failed: [] as string[] };
  const defaultAlias = pack.targets.models[0]?.alias ?? '';
  for (const item of pack.items) {
    const selector = item.target?.model;
    const structuralCheck = item.kind === 'check' && isStructuralCheck(item.body);
    if (!selector && !structuralCheck) continue;
    const alias = selector?.model ?? defaultAlias;
    const graph = graphOf.get(alias);
    if (!graph) {
      orphans.push(`${item.id}: model ${alias} unbound`);
      continue;
    }
    if (selector) {
      const anchor = resolveModelSelector(selector, graph);
      if (anchor.status === 'orphan') orphans.push(`${item.id}: ${anchor.reason}`);
    }
    if (item.kind === 'check' && structuralCheck) {
      const result = evaluateStructuralCheck({ body: item.body, target: item.target }, graph);
      if (result.status === 'pass') structural.passed += 1;
      else structural.failed.push(`${item.id}: ${result.message}`);
    }
  }
  if (structural.failed.length) problems.push(`structural checks failed: ${structural.failed.join('; ')}`);
  if (orphans.length) problems.push(`model anchors orphaned: ${orphans.join('; ')}`);
  return { orphans, structural, problems, graphOf };
}

/** Opens the overlay ("Explain this model") and waits for the active pack's header; returns the orphans listed. */
async function openOverlay(
  page: Page,
  title: string | null,
): Promise<{ opened: boolean; orphans: number; orphanText: string }> {
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  if (title === null) {
    await panel.waitFor({ timeout: 20_000 });
    return { opened: true, orphans: 0, orphanText: '' };
  }
  await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
  const heading = await panel.locator('.pack-head').getByRole('heading', { level: 3 }).textContent();
  const orphans = panel.locator('details.orphans');
  const count = await orphans.count();
  const orphanText = count
    ? ((await orphans.first().textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)
    : '';
  return { opened: heading === title, orphans: count, orphanText };
}

/**
 * Runs the pack's checks the way a reader does — "Run all checks" in the overlay — and returns the summary line
 * once nothing is left to run, or null when the overlay has no such button.
 */
async function runChecksInOverlay(page: Page): Promise<string | null> {
  const panel = page.getByRole('dialog', { name: 'Literate' });
  const button = panel.getByRole('button', { name: 'Run all checks' });
  if ((await button.count()) === 0) return null;
  await button.click();
  const summary = panel.getByTestId('checks-summary');
  const end = Date.now() + 240_000;
  let line = '';
  while (Date.now() < end) {
    line = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const idle = (await button.count()) === 1;
    if (idle && !/not (run|checked) yet/.test(line)) return line;
    await page.waitForTimeout(500);
  }
  return `${line} (still running after 240 s)`;
}

/** "9 of 9 claims hold · 2 of 2 examples run": every claim holds and no example failed or could not run. */
export function allHold(line: string): boolean {
  const m = /^(\d+) of (\d+) claims? holds?\b/.exec(line);
  return !!m && m[1] === m[2] && !/fail|could not run|still running/.test(line);
}

export async function checkPack(
  page: Page,
  session: ExtensionSession,
  demo: OfficialDemo,
  file: string,
  graphs: readonly ModelGraph[],
): Promise<PackFacts> {
  const text = readFileSync(file, 'utf8');
  const name = file.slice(ROOT.length + 1);
  const valid = validatePackText(text);
  if (!valid.ok) {
    return {
      file: name,
      active: false,
      orphans: [],
      structural: { passed: 0, failed: [] },
      behavioural: { passed: 0, failed: [], examples: { passed: 0, ran: 0, failed: [] } },
      overlayChecks: null,
      problems: [`invalid pack: ${JSON.stringify(valid.errors).slice(0, 400)}`],
    };
  }
  const pack = JSON.parse(text) as Pack;
  const offline = proveOffline(pack, demo.pageUrl, graphs);
  const problems = [...offline.problems];
  const state = await packsApiState(page);
  const active = state?.active?.title === pack.title;
  if (!active)
    problems.push(`the pack is not active in the page (active: ${state?.active?.title ?? 'none'})`);
  const overlay = await openOverlay(page, active ? pack.title : null);
  if (active && !overlay.opened) problems.push('the overlay did not show the pack');
  if (overlay.orphans) problems.push(`the overlay lists orphans: ${overlay.orphanText}`);
  // Before the reader's checks and the probes: whatever the page let go of is collected (issue #16).
  await forceGc(page);
  const overlayChecks = active ? await runChecksInOverlay(page) : null;
  if (overlayChecks !== null && !allHold(overlayChecks)) problems.push(`overlay checks: ${overlayChecks}`);
  const behavioural = {
    passed: 0,
    failed: [] as string[],
    examples: { passed: 0, ran: 0, failed: [] as string[] },
  };
  const world = await isolatedWorld(page, session.extensionId);
  let weightsDigests: string[] = [];
  try {
    const run = await runPackInPage(page, world, pack, offline.graphOf);
    for (const c of run.checks) {
      if (c.kind !== 'behavioural') continue;
      if (c.status === 'pass') behavioural.passed += 1;
      else behavioural.failed.push(`${c.id} (${c.status}): ${c.message}`);
    }
    for (const e of run.examples) {
      if (e.status === 'pass') behavioural.examples.passed += 1;
      else if (e.status === 'ran') behavioural.examples.ran += 1;
      else behavioural.examples.failed.push(`${e.id} (${e.status}): ${e.message}`);
    }
    if (run.staleness.stale) {
      problems.push(`stale: ${run.staleness.models.map((m) => m.summary).join('; ')}`);
    }
    // Every pinned weights digest is confirmed by the page's own model (a digest not computed is a problem too).
    for (const m of run.staleness.models)
      if (m.present && m.expectedWeightsDigest !== null && m.weightsMatch !== true)
        problems.push(
          `${m.alias}: weights digest not confirmed (${m.observedWeightsDigest ?? 'not computed'})`,
        );
    weightsDigests = run.models.flatMap((m) => (m.weights ? [`${m.alias} ${m.weights.digest}`] : []));
    for (const m of run.models)
      if (m.weights)
        console.log(
          `  weights digest ${m.alias}: ${m.weights.weights} weights, ${m.weights.bytes} bytes hashed in the page in ${m.weights.ms} ms`,
        );
  } finally {
    await world.close();
  }
  if (behavioural.failed.length) problems.push(`behavioural checks: ${behavioural.failed.join('; ')}`);
  if (behavioural.examples.failed.length)
    problems.push(`examples: ${behavioural.examples.failed.join('; ')}`);
  return {
    file: name,
    active,
    orphans: offline.orphans,
    structural: offline.structural,
    behavioural,
    overlayChecks,
    weightsDigests,
    problems,
  };
}

/** Opens the overlay on a page without a pack (for its screenshot). */
export async function openPlainOverlay(page: Page): Promise<void> {
  await openOverlay(page, null);
}
