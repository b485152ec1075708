// @vitest-environment jsdom
// The packs we ship for the ONNX gallery pages, proven against the committed pages and models: each validates, is
// what its source builds, applies on its page only, binds its model by fingerprint (and by URL + structure without
// it), anchors every page selector in the committed HTML, resolves every model anchor and live value, and every
// example and check holds when the checks engine runs it on ONNX Runtime Web (wasm, in Node) through the page's probe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePageTarget } from '../anchors/dom-anchors';
import { resolveModelSelector } from '../anchors/model-anchors';
import { buildPack } from '../author/build';
import { runPack } from '../checks/run-pack';
import { findLiveValues } from '../format/live-values';
import type { ModelSelector, Pack } from '../format/types';
import { validatePackText } from '../format/validate';
import { matchModels } from '../targets/match-models';
import { matchPageUrl } from '../targets/match-page';
import { matchUrlPattern } from '../targets/url-glob';
import { nodeInputSource } from '../../cli/check/image-source';
import { loadOnnxModel, type LoadedOnnxModel } from '../../cli/check/onnx-models';

const ROOT = join(import.meta.dirname, '../..');
const PACKS = join(ROOT, 'annotations/packs');

const ENTRIES = [
  {
    pack: 'onnx-image',
    model: 'demos/onnx-models/shapes-cnn-onnx/model.onnx',
    labels: 'shapes-cnn-onnx/labels.json',
  },
  { pack: 'onnx-text', model: 'demos/onnx-models/sentiment-tiny/onnx/model.onnx', labels: null },
] as const;
const GALLERY = [
  'draw-shapes',
  'moving-shapes',
  'decision-regions',
  'legacy-spiral',
  'onnx-image',
  'onnx-text',
];

function modelSelectors(pack: Pack): { where: string; selector: ModelSelector }[] {
  const found: { where: string; selector: ModelSelector }[] = [];
  for (const a of pack.items) {
    if (a.target?.model) found.push({ where: a.id, selector: a.target.model });
    if (a.kind === 'equation')
      for (const [symbol, binding] of Object.entries(a.body.bindings ?? {}))
        found.push({ where: `${a.id} ${symbol}`, selector: { ...binding, type: 'ModelNodeSelector' } });
  }
  return found;
}

describe.each(ENTRIES)('the $pack pack', (entry) => {
  const text = readFileSync(join(PACKS, `${entry.pack}.json`), 'utf8');
  const pack = JSON.parse(text) as Pack;
  let model: LoadedOnnxModel;

  beforeAll(async () => {
    model = await loadOnnxModel(join(ROOT, entry.model), 'o1', `http://127.0.0.1:8321/${entry.model}`);
  });
  afterAll(async () => model?.release());

  it('validates and is exactly what its literate Markdown source builds', () => {
    const validation = validatePackText(text);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    const built = buildPack(readFileSync(join(PACKS, `${entry.pack}.md`), 'utf8'));
    expect(built.ok ? [] : built.errors).toEqual([]);
    if (built.ok)
      expect(
        text === `${JSON.stringify(built.pack, null, 2)}\n`,
        `run: npx tsx bin/literate.mjs pack build annotations/packs/${entry.pack}.md -o annotations/packs/${entry.pack}.json`,
      ).toBe(true);
  });

  it('applies on its page (any local port, any query) and on no other gallery page', () => {
    for (const url of [
      `http://127.0.0.1:8321/demos/${entry.pack}/`,
      `http://localhost:5173/demos/${entry.pack}/?frames=8&ort=1.22`,
    ])
      expect(matchPageUrl(pack, url).matched).toBe(true);
    for (const other of GALLERY.filter((g) => g !== entry.pack))
      expect(matchPageUrl(pack, `http://127.0.0.1:8321/demos/${other}/`).matched).toBe(false);
  });

  it('binds the committed model by fingerprint, and by URL + structure without it', () => {
    const target = pack.targets.models[0]!;
    expect(target.fingerprint).toBe(model.graph.fingerprint);
    expect(matchModels(pack, [model.graph]).bindings[0]).toMatchObject({
      evidence: 'fingerprint',
      score: 1,
      stale: false,
    });
    expect(matchUrlPattern(target.url ?? '', model.graph.sourceUrl ?? '')).toBe(true);
    const { fingerprint: _omit, ...withoutFingerprint } = target;
    expect(
      matchModels({ targets: { ...pack.targets, models: [withoutFingerprint] } }, [model.graph]).bindings[0],
    ).toMatchObject({ evidence: 'url', graphId: model.graph.id });
    if (entry.labels)
      expect(target.labels).toEqual(
        JSON.parse(readFileSync(join(ROOT, 'demos/onnx-models', entry.labels), 'utf8')),
      );
  });

  it('anchors every page selector uniquely in the committed page', () => {
    const html = readFileSync(join(ROOT, 'demos', entry.pack, 'index.html'), 'utf8');
    const document = new DOMParser().parseFromString(html, 'text/html');
    const targets = pack.items.filter((a) => a.target?.selector);
    expect(targets.length).toBeGreaterThanOrEqual(5);
    for (const a of targets) {
      const anchor = resolvePageTarget(a.target!.selector!, document);
      expect(anchor.status === 'resolved' ? anchor.confidence : `${a.id}: ${anchor.status}`, a.id).toBe(1);
    }
  });

  it('resolves every model anchor, equation binding and live value, and notes every op node', () => {
    const orphans = modelSelectors(pack).flatMap(({ where, selector }) => {
      const anchor = resolveModelSelector(selector, model.graph);
      return anchor.status === 'orphan' ? [`${where}: ${anchor.reason}`] : [];
    });
    expect(orphans).toEqual([]);
    const live: string[] = [];
    for (const a of pack.items)
      if (a.kind === 'note')
        for (const found of findLiveValues(a.body.value)) {
          if (!found.parsed.ok) live.push(`${a.id}: ${found.parsed.error}`);
          else if (found.parsed.ref.node !== undefined) {
            const anchor = resolveModelSelector(
              { type: 'ModelNodeSelector', node: found.parsed.ref.node },
              model.graph,
            );
            if (anchor.status === 'orphan') live.push(`${a.id}: ${anchor.reason}`);
          }
        }
    expect(live).toEqual([]);
    const noted = new Set(
      pack.items.flatMap((a) => (a.kind === 'note' && a.target?.model?.node ? [a.target.model.node] : [])),
    );
    const unexplained = model.graph.nodes
      .filter((n) => n.category !== 'const' && !noted.has(n.id))
      .map((n) => n.id);
    expect(unexplained).toEqual([]);
  });

  it('every example runs and every check holds on ONNX Runtime Web, through the page probe', async () => {
    const alias = pack.targets.models[0]!.alias;
    const result = await runPack(
      pack,
      new Map([[alias, model.graph]]),
      new Map([[alias, model.runner]]),
      nodeInputSource,
      { timeoutMs: 30_000 },
    );
    const bad = [...result.examples, ...result.checks]
      .filter((r) => r.status !== 'pass')
      .map((r) => `${r.id}: ${r.status} ${r.message}`);
    expect(bad).toEqual([]);
    expect(result.examples.length).toBeGreaterThanOrEqual(4);
    expect(result.checks.filter((c) => c.kind === 'behavioural').length).toBeGreaterThanOrEqual(4);
    expect(result.staleness.stale).toBe(false);
  });
});
