// `tsx test/bench/diagram.ts`: time to first diagram — grouping, the first view and dagre's layout of what it draws
// — for the gallery's models, the official demos' recorded graphs (PoseNet 152 nodes, AutoML 299) and a generated
// 20,000-node graph (grouped), in Node; then in Chromium with the extension, on moving-shapes: click "Diagram" → the
// first node drawn, and the page's frame time with the outline shown vs the diagram open with live thumbnails.
// Targets: < 100 ms for ~300 nodes, < 1 s for 20,000. Environment: BENCH_ROUNDS (default 9),
// LITERATE_EXTENSION_DIR (default dist/chrome), DIAGRAM_BENCH_BROWSER=0 to skip the browser part.

import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelGraph } from '../../model/model-graph';
import { GALLERY, loadGalleryModel, REPO_ROOT } from '../../cli/pack-tools/gallery';
import { groupGraph } from '../../content-scripts/overlay/diagram/grouping';
import { layoutDiagram } from '../../content-scripts/overlay/diagram/layout';
import { firstExpansion, visibleGraph } from '../../content-scripts/overlay/diagram/visible';
import { startServer } from '../../demos/server';
import { launchWithExtension } from '../e2e/harness';
import { syntheticGraph } from './synthetic-graph';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function official(file: string, alias: string): ModelGraph {
  const doc = JSON.parse(
    readFileSync(join(REPO_ROOT, 'cli/pack-tools/official-graphs', `${file}.json`), 'utf8'),
  );
  return doc.models[alias] as ModelGraph;
}

function firstDiagram(graph: ModelGraph): { items: number } {
  const g = groupGraph(graph);
  const view = visibleGraph(g, firstExpansion(g));
  layoutDiagram(view);
  return { items: view.items.length };
}

async function nodeTable(): Promise<void> {
  await tf.setBackend('cpu');
  const graphs: [string, ModelGraph, number][] = [];
  for (const entry of GALLERY)
    graphs.push([`gallery ${entry.demo}`, (await loadGalleryModel(tf, entry)).graph, 100]);
  graphs.push(['webcam MobileNet (layers)', official('webcam-transfer-learning', 'base'), 100]);
  graphs.push(['MobileNet (graph)', official('mobilenet', 'net'), 100]);
  graphs.push(['PoseNet', official('posenet', 'pose'), 100]);
  graphs.push(['AutoML flowers', official('automl-flowers', 'flowers'), 100]);
  graphs.push(['generated (grouped)', syntheticGraph(20_000), 1000]);
  console.log('\nTime to first diagram (group + first view + layout), Node, median of', ROUNDS);
  console.log('| model | nodes | items drawn | median ms | worst ms | target |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [name, graph, target] of graphs) {
    firstDiagram(graph);
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      items = firstDiagram(graph).items;
      times.push(performance.now() - t0);
    }
    const m = median(times);
    console.log(
      `| ${name} | ${graph.nodes.length} | ${items} | ${m.toFixed(1)} | ${Math.max(...times).toFixed(1)} | < ${target} ms ${m < target ? '✓' : '✗'} |`,
    );
  }
}

async function browserTable(): Promise<void> {
  const server = await startServer({ port: 0 });
  const session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
  try {
    const opens: number[] = [];
    const frames: Record<'outline' | 'diagram', number[]> = { outline: [], diagram: [] };
    const p95s: Record<'outline' | 'diagram', number[]> = { outline: [], diagram: [] };
    for (let round = 0; round < Math.min(ROUNDS, 5); round++) {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/demos/moving-shapes/`);
      await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
      await page
        .getByRole('dialog', { name: 'Literate' })
        .getByRole('button', { name: 'Diagram', exact: true })
        .waitFor();
      // Page scripts as strings: tsx would wrap named functions in a helper the page does not have.
      const frameTimes = () =>
        page.evaluate(`new Promise((done) => {
          const out = [];
          let last = performance.now();
          const end = last + 3000;
          const tick = (now) => {
            out.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else done(out);
          };
          requestAnimationFrame(tick);
        })`) as Promise<number[]>;
      const record = (kind: 'outline' | 'diagram', xs: number[]) => {
        frames[kind].push(xs.reduce((a, b) => a + b, 0) / xs.length);
        p95s[kind].push([...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!);
      };
      record('outline', await frameTimes());
      opens.push(
        (await page.evaluate(`new Promise((done) => {
          const root = document.querySelector('literate-overlay').shadowRoot;
          const button = [...root.querySelectorAll('.view-switch button')].find((b) => b.textContent.trim() === 'Diagram');
          const t0 = performance.now();
          button.click();
          const check = () =>
            root.querySelector('.dg-items [data-node-id]') ? done(performance.now() - t0) : requestAnimationFrame(check);
          check();
        })`)) as number,
      );
      await page.waitForTimeout(1000);
      record('diagram', await frameTimes());
      await page.close();
    }
    console.log(
      '\nIn Chromium with the extension, moving-shapes (44 nodes, rAF loop), median of',
      opens.length,
    );
    console.log('| measure | median | worst |');
    console.log('|---|---:|---:|');
    console.log(
      `| click "Diagram" → first node drawn | ${median(opens).toFixed(1)} ms | ${Math.max(...opens).toFixed(1)} ms |`,
    );
    for (const kind of ['outline', 'diagram'] as const)
      console.log(
        `| page frame time, ${kind === 'outline' ? 'outline shown' : 'diagram open, live thumbnails'}: mean / p95 | ${median(frames[kind]).toFixed(1)} / ${median(p95s[kind]).toFixed(1)} ms | ${Math.max(...frames[kind]).toFixed(1)} / ${Math.max(...p95s[kind]).toFixed(1)} ms |`,
      );
  } finally {
    await session.close();
    await server.close();
  }
}

await nodeTable();
if (process.env.DIAGRAM_BENCH_BROWSER !== '0') await browserTable();
