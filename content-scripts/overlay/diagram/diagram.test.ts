// The diagram's pure parts on real graphs: the official demos' recorded ModelGraphs (cli/pack-tools/official-graphs),
// the gallery's committed models described as the hook does, and a generated 20,000-node graph.

import * as tf from '@tensorflow/tfjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../../model/model-graph';
import { GALLERY, loadGalleryModel } from '../../../cli/pack-tools/gallery';
import { syntheticGraph } from '../../../test/bench/synthetic-graph';
import { describeNodes, diagramSummary } from './describe-items';
import { groupGraph } from './grouping';
import { layoutDiagram, type Box } from './layout';
import { humanName } from './names';
import { navigate, upstream } from './navigate';
import { opKind } from './op-kinds';
import { searchDiagram } from './search';
import { expansionFor, firstExpansion, FIRST_VIEW_ITEMS, visibleGraph } from './visible';

const ROOT = resolve(import.meta.dirname, '../../..');
const OFFICIAL_DIR = join(ROOT, 'cli/pack-tools/official-graphs');

function official(): [string, ModelGraph][] {
  const out: [string, ModelGraph][] = [];
  for (const file of readdirSync(OFFICIAL_DIR).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(OFFICIAL_DIR, file), 'utf8')) as {
      models: Record<string, ModelGraph>;
    };
    for (const [alias, graph] of Object.entries(doc.models))
      out.push([`${file.replace('.json', '')}/${alias}`, graph]);
  }
  return out;
}

const byName = (name: string) => official().find(([n]) => n === name)![1];
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

const gallery: [string, ModelGraph][] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const entry of GALLERY) gallery.push([entry.demo, (await loadGalleryModel(tf, entry)).graph]);
}, 60_000);

describe('human names', () => {
  it('reads MobileNet nodes as their block and part, not their scope path', () => {
    expect(humanName('module_apply_default/MobilenetV1/MobilenetV1/Conv2d_3_depthwise/depthwise')).toBe(
      'Conv2d_3 · depthwise',
    );
    expect(humanName('module_apply_default/MobilenetV1/MobilenetV1/Conv2d_3_pointwise/Relu6')).toBe(
      'Conv2d_3 · pointwise · Relu6',
    );
    expect(humanName('MobilenetV1/heatmap_2/BiasAdd')).toBe('heatmap_2 · BiasAdd');
    expect(humanName('conv_dw_1_bn')).toBe('conv_dw_1_bn');
  });
});

describe('grouping', () => {
  it('MobileNet: 13 separable blocks, each a repeat of one structure, constants folded with their parameters', () => {
    const graph = byName('mobilenet/net');
    const g = groupGraph(graph);
    const blocks = [...g.groups.values()].filter((x) => /^Conv2d_\d+$/.test(x.label) && x.repeat);
    expect(blocks.map((b) => b.label)).toEqual(Array.from({ length: 13 }, (_, i) => `Conv2d_${i + 1}`));
    expect(blocks.every((b) => b.repeat!.of === 13)).toBe(true);
    expect(blocks[2]!.id).toBe('module_apply_default/MobilenetV1/Conv2d_3');
    expect(blocks[2]!.groups.map((id) => g.groups.get(id)!.label).sort()).toEqual(['depthwise', 'pointwise']);
    expect([...g.nodes.values()].some((n) => n.category === 'const')).toBe(false);
    const drawnParams = [...g.params.values()].reduce((a, b) => a + b, 0);
    expect(drawnParams).toBe(graph.totals.params);
  });

  it('PoseNet: its four heads are groups of their own', () => {
    const g = groupGraph(byName('posenet/pose'));
    const labels = new Set([...g.groups.values()].map((x) => x.label));
    for (const head of ['heatmap_2', 'offset_2', 'displacement_fwd_2', 'displacement_bwd_2'])
      expect(labels.has(head), head).toBe(true);
  });

  it('a layers MobileNet: its numbered layers form 13 blocks; lstm_1 beside dense_1 does not', () => {
    const g = groupGraph(byName('webcam-transfer-learning/base'));
    const blocks = [...g.groups.values()].filter((x) => x.repeat?.of === 13);
    expect(blocks).toHaveLength(13);
    expect(g.groups.get('block 3')!.nodes.sort()).toEqual(
      ['conv_dw_3', 'conv_dw_3_bn', 'conv_dw_3_relu', 'conv_pw_3', 'conv_pw_3_bn', 'conv_pw_3_relu'].sort(),
    );
    expect(groupGraph(byName('translation/seq2seq')).groups.size).toBe(0);
  });

  it('op kinds: convolutions, activations, inputs', () => {
    expect(opKind({ op: 'DepthwiseConv2dNative', category: 'op' })).toBe('conv');
    expect(opKind({ op: 'Relu6', category: 'op' })).toBe('activation');
    expect(opKind({ op: 'Placeholder', category: 'input' })).toBe('input');
    expect(opKind({ op: 'LSTM', category: 'layer' })).toBe('recurrent');
    expect(opKind({ op: 'Sequential', category: 'layer' })).toBe('model');
  });
});

describe('every official and gallery graph', () => {
  it('draws a small first view (at most 80 items), every node reachable, boxes apart, every edge routed', () => {
    const all = [...official(), ...gallery];
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const [name, graph] of all) {
      const g = groupGraph(graph);
      const view = visibleGraph(g, firstExpansion(g));
      expect(view.items.length, name).toBeLessThanOrEqual(
        Math.max(2 * FIRST_VIEW_ITEMS, g.top.nodes.length + g.top.groups.length),
      );
      for (const id of g.nodes.keys()) expect(view.itemOf.has(id), `${name}: ${id}`).toBe(true);
      const layout = layoutDiagram(view);
      const boxes = [...layout.items.values()];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), name).toBe(false);
      for (const e of layout.edges)
        expect(e.points.length, `${name}: ${e.from} → ${e.to}`).toBeGreaterThanOrEqual(2);
      expect(describeNodes(g, view).size).toBe(view.items.length);
      expect(diagramSummary(graph, g, view)).toContain(`Diagram of ${g.nodes.size}`);
      // Opening every group draws every node as itself.
      const open = visibleGraph(g, new Set(g.groups.keys()));
      expect(open.items.filter((i) => i.kind === 'node')).toHaveLength(g.nodes.size);
    }
  });

  it('open frames hold their items inside them', () => {
    const g = groupGraph(byName('mobilenet/net'));
    const view = visibleGraph(
      g,
      expansionFor(g, ['module_apply_default/MobilenetV1/Conv2d_3/depthwise'], firstExpansion(g)),
    );
    const layout = layoutDiagram(view);
    for (const item of view.items) {
      if (!item.parent) continue;
      const f = layout.frames.get(item.parent)!;
      const b = layout.items.get(item.id)!;
      expect(
        b.x >= f.x && b.y >= f.y && b.x + b.width <= f.x + f.width && b.y + b.height <= f.y + f.height,
      ).toBe(true);
    }
  });
});

describe('navigation, path and search', () => {
  it('down follows an edge out, up comes back; the path to a node holds the input', () => {
    const graph = byName('posenet/pose');
    const g = groupGraph(graph);
    const view = visibleGraph(g, new Set(g.groups.keys()));
    const layout = layoutDiagram(view);
    const down = navigate(view, layout.items, 'sub_2', 'next')!;
    expect(view.edges.some((e) => e.from === 'sub_2' && e.to === down)).toBe(true);
    expect(navigate(view, layout.items, down, 'previous')).toBe('sub_2');
    expect(upstream(view, 'MobilenetV1/heatmap_2/BiasAdd').has('sub_2')).toBe(true);
    expect(navigate(view, layout.items, null, 'first')).toBe(view.items[0]!.id);
  });

  it('search finds by human name and op; opening for a hit draws it as itself', () => {
    const g = groupGraph(byName('mobilenet/net'));
    const hits = searchDiagram(g, 'conv2d_3 depthwise');
    expect(hits.length).toBeGreaterThan(0);
    const view = visibleGraph(g, expansionFor(g, [hits[0]!], firstExpansion(g)));
    expect(view.itemOf.get(hits[0]!)).toBe(hits[0]);
    expect(searchDiagram(g, '')).toEqual([]);
  });
});

describe('a generated 20,000-node graph', () => {
  it('groups into stages and units, opens small, and lays out what is drawn', () => {
    const graph = syntheticGraph(20_000);
    expect(graph.nodes.length).toBeGreaterThan(19_990);
    const g = groupGraph(graph);
    const stages = [...g.groups.values()].filter((x) => /^stage_\d+$/.test(x.label));
    expect(stages.length).toBeGreaterThan(50);
    // Every full stage repeats one structure (the last may be cut short).
    expect(stages.filter((s) => s.repeat !== null).length).toBeGreaterThanOrEqual(stages.length - 1);
    const view = visibleGraph(g, firstExpansion(g));
    // The outer scope opens on its stages, each closed.
    expect(view.items.length).toBeLessThanOrEqual(2 * FIRST_VIEW_ITEMS);
    expect(view.items.filter((i) => i.kind === 'group').length).toBe(stages.length);
    const layout = layoutDiagram(view);
    expect(layout.items.size).toBe(view.items.length);
    expect(view.edges.length).toBeGreaterThan(0);
  });
});
