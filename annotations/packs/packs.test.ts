// @vitest-environment jsdom
// The packs we ship for the gallery demos, proven against the committed demos: each validates, is built from its
// source, targets its page and model (by fingerprint), anchors every page selector uniquely in the demo's HTML,
// resolves every model anchor, equation binding and live value with zero orphans, explains every node, renders
// cleanly, and every structural and behavioural claim holds on the committed model.
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../model/model-graph';
import { resolvePageTarget, resolvePageSelector } from '../anchors/dom-anchors';
import { resolveModelSelector } from '../anchors/model-anchors';
import { buildPack } from '../author/build';
import { findLiveValues } from '../format/live-values';
import type { Annotation, ModelSelector, Pack, PageSelector, Step } from '../format/types';
import { validatePackText } from '../format/validate';
import { renderAnnotation, renderStep, renderTex } from '../render/render-annotation';
import type { RenderWindow } from '../render/sanitize';
import { matchModels, structureFailures } from '../targets/match-models';
import { matchPageUrl } from '../targets/match-page';
import { evaluateStructuralCheck, isStructuralCheck } from '../targets/structural-checks';
import { matchUrlPattern } from '../targets/url-glob';
import { exampleImages } from '../../cli/pack-tools/example-images';
import {
  GALLERY,
  PACKS_DIR,
  REPO_ROOT,
  demoHtml,
  loadGalleryModel,
  modelLabels,
  type GalleryDemo,
} from '../../cli/pack-tools/gallery';
import { NodeProbe, runBehaviouralCheck, runExample } from '../../cli/pack-tools/node-probe';
import { isControlExpression, parseControlValue } from '../format/control-values';
import { OFFICIAL, officialHtml, readOfficialGraphs, type OfficialPack } from '../../cli/pack-tools/official';
import { fingerprint } from '../../model/describe/fingerprint';
import { LIMITS } from '../format/limits';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Loaded {
  text: string;
  pack: Pack;
  graph: ModelGraph;
  probe: NodeProbe;
  page: Document;
}

/** Every model selector in a pack with where it sits: targets, step targets, equation bindings. */
function modelSelectors(pack: Pack): { where: string; selector: ModelSelector }[] {
  const found: { where: string; selector: ModelSelector }[] = [];
  const fromTarget = (where: string, model: ModelSelector | undefined) => {
    if (model) found.push({ where, selector: model });
  };
  for (const a of pack.items) {
    fromTarget(a.id, a.target?.model);
    if (a.kind === 'equation')
      for (const [symbol, binding] of Object.entries(a.body.bindings ?? {}))
        found.push({
          where: `${a.id} binding ${symbol}`,
          selector: { ...binding, type: 'ModelNodeSelector' },
        });
  }
  for (const s of pack.steps ?? []) fromTarget(`step ${s.id}`, s.target?.model);
  return found;
}

/** Every page target (a list of alternative selectors) in a pack. */
function pageTargets(pack: Pack): { where: string; selectors: PageSelector[] }[] {
  const targets: { where: string; selectors: PageSelector[] }[] = [];
  for (const a of pack.items)
    if (a.target?.selector) targets.push({ where: a.id, selectors: a.target.selector });
  for (const s of pack.steps ?? [])
    if (s.target?.selector) targets.push({ where: `step ${s.id}`, selectors: s.target.selector });
  return targets;
}

/** Every Markdown field of an annotation or step. */
function markdownOf(item: Annotation | Step): string[] {
  if (!('kind' in item)) return [item.body ?? ''];
  switch (item.kind) {
    case 'note':
      return [item.body.value];
    case 'check':
      return [item.body.claim ?? ''];
    case 'predict':
      return [item.body.question, item.body.explanation ?? ''];
    default:
      return [item.body.caption ?? ''];
  }
}

describe.each(GALLERY)('the $demo pack', (entry: GalleryDemo) => {
  let loaded: Loaded;
  const file = join(PACKS_DIR, `${entry.demo}.json`);

  beforeAll(async () => {
    const text = readFileSync(file, 'utf8');
    const { model, graph } = await loadGalleryModel(tf, entry);
    const pack = JSON.parse(text) as Pack;
    const labels = pack.targets.models[0]?.labels ?? [];
    // The committed HTML as the browser parses it, before any script runs (DOMParser runs none).
    const page = new DOMParser().parseFromString(demoHtml(entry.demo), 'text/html');
    loaded = { text, pack, graph, probe: new NodeProbe(tf, model, graph, labels), page };
  });

  it('validates', () => {
    const result = validatePackText(loaded.text);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is exactly what its literate Markdown source builds (literate pack build)', () => {
    const result = buildPack(readFileSync(join(PACKS_DIR, `${entry.demo}.md`), 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(
      loaded.text === `${JSON.stringify(result.pack, null, 2)}\n`,
      `run: npx tsx bin/literate.mjs pack build annotations/packs/${entry.demo}.md -o annotations/packs/${entry.demo}.json`,
    ).toBe(true);
  });

  it("uses the page's own inputs for its example images", () => {
    const expected = exampleImages()[entry.demo] ?? {};
    for (const annotation of loaded.pack.items)
      if (annotation.kind === 'example' && 'image' in annotation.body.input)
        expect(
          annotation.body.input.image === expected[annotation.id],
          `${annotation.id}: regenerate it`,
        ).toBe(true);
  });

  it('applies on the demo page, served on any local port, and on no other gallery page', () => {
    const { pack } = loaded;
    for (const host of ['127.0.0.1:8321', 'localhost:5173', '127.0.0.1:41234'])
      for (const path of ['', 'index.html', '?frames=5&backend=cpu'])
        expect(matchPageUrl(pack, `http://${host}/demos/${entry.demo}/${path}`).matched).toBe(true);
    for (const other of GALLERY.filter((g) => g.demo !== entry.demo))
      expect(matchPageUrl(pack, `http://127.0.0.1:8321/demos/${other.demo}/`).matched).toBe(false);
    expect(matchPageUrl(pack, 'http://127.0.0.1:8321/demos/').matched).toBe(false);
    expect(matchPageUrl(pack, `https://example.org/demos/${entry.demo}/`).matched).toBe(false);
  });

  it('binds its model by fingerprint, with the model URL, structure and labels of the committed model', () => {
    const { pack, graph } = loaded;
    expect(pack.targets.models).toHaveLength(1);
    const target = pack.targets.models[0]!;
    expect(target.fingerprint).toBe(graph.fingerprint);
    expect(matchModels(pack, [graph]).bindings[0]).toMatchObject({
      evidence: 'fingerprint',
      score: 1,
      stale: false,
    });
    expect(matchUrlPattern(target.url ?? '', graph.sourceUrl ?? '')).toBe(true);
    expect(
      matchUrlPattern(target.url ?? '', `https://gallery.example.org/demos/models/${entry.model}/model.json`),
    ).toBe(true);
    expect(structureFailures(target.structure ?? {}, graph)).toEqual([]);
    // Without the fingerprint (a retrained model), URL + structure still bind it.
    const { fingerprint: _omit, ...withoutFingerprint } = target;
    expect(
      matchModels({ targets: { ...pack.targets, models: [withoutFingerprint] } }, [graph]).bindings[0],
    ).toMatchObject({ evidence: 'url', graphId: graph.id });
    expect(target.labels).toEqual(modelLabels(entry.model));
  });

  it('anchors every page selector uniquely in the demo HTML, each alternative on its own too', () => {
    const document = loaded.page;
    const targets = pageTargets(loaded.pack);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const { where, selectors } of targets) {
      const anchor = resolvePageTarget(selectors, document);
      expect(anchor.status === 'resolved' ? 'resolved' : `${where}: ${anchor.reason}`).toBe('resolved');
      if (anchor.status !== 'resolved') continue;
      // Exact quotes whose context (prefix, suffix) agrees in full, or a unique element.
      expect(anchor.confidence, where).toBe(1);
      expect(anchor.match, where).not.toBe('fuzzy');
      for (const alternative of selectors) {
        const one = resolvePageSelector(alternative, document);
        expect(one.status === 'resolved' ? 'resolved' : `${where}: ${one.reason}`).toBe('resolved');
        if (one.status === 'resolved') expect(one.match, where).not.toBe('fuzzy');
      }
    }
  });

  it('resolves every model anchor and equation binding, with zero orphans', () => {
    const orphans = modelSelectors(loaded.pack).flatMap(({ where, selector }) => {
      const anchor = resolveModelSelector(selector, loaded.graph);
      return anchor.status === 'orphan' ? [`${where}: ${anchor.reason}`] : [];
    });
    expect(orphans).toEqual([]);
  });

  it('resolves every live value in its prose to a node and tensor of the model', () => {
    const { pack, graph } = loaded;
    const problems: string[] = [];
    let count = 0;
    for (const item of [...pack.items, ...(pack.steps ?? [])])
      for (const text of markdownOf(item))
        for (const occurrence of findLiveValues(text)) {
          count++;
          if (isControlExpression(occurrence.expression)) {
            const parsed = parseControlValue(occurrence.expression);
            const control = parsed.ok ? pack.items.find((a) => a.id === parsed.ref.control) : undefined;
            if (control?.kind !== 'control')
              problems.push(`${item.id}: {{${occurrence.expression}}} names no control`);
            continue;
          }
          if (!occurrence.parsed.ok) {
            problems.push(`${item.id}: ${occurrence.parsed.error}`);
            continue;
          }
          const ref = occurrence.parsed.ref;
          if (ref.alias !== pack.targets.models[0]?.alias)
            problems.push(`${item.id}: unknown alias ${ref.alias}`);
          if (ref.node === undefined) continue;
          const anchor = resolveModelSelector(
            { type: 'ModelNodeSelector', node: ref.node, ...(ref.role ? { role: ref.role } : {}) },
            graph,
          );
          if (anchor.status === 'orphan')
            problems.push(`${item.id}: {{${occurrence.expression}}}: ${anchor.reason}`);
        }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(3);
  });

  it('explains every node: each op node by a note of its own, each weight through its consumer', () => {
    const { pack, graph } = loaded;
    const explained = new Set(
      pack.items.flatMap((a) =>
        a.kind === 'note' && a.target?.model?.node !== undefined ? [a.target.model.node] : [],
      ),
    );
    const missing = graph.nodes
      .filter((n) =>
        n.category === 'const'
          ? !graph.nodes.some((consumer) => consumer.inputs.includes(n.id) && explained.has(consumer.id))
          : !explained.has(n.id),
      )
      .map((n) => `${n.id} (${n.op})`);
    expect(missing).toEqual([]);
  });

  it('has an equation for every kind of layer that computes something', () => {
    const { pack, graph } = loaded;
    const equationNodes = new Set(
      pack.items.flatMap((a) =>
        a.kind === 'equation'
          ? [a.target?.model?.node, ...Object.values(a.body.bindings ?? {}).map((b) => b.node)]
          : [],
      ),
    );
    const opsWithEquations = new Set(graph.nodes.filter((n) => equationNodes.has(n.id)).map((n) => n.op));
    const computing = new Set(
      graph.nodes.filter((n) => n.category === 'layer' || n.category === 'op').map((n) => n.op),
    );
    computing.delete('Identity');
    expect([...computing].filter((op) => !opsWithEquations.has(op))).toEqual([]);
  });

  it('passes every structural check on the described model', () => {
    const checks = loaded.pack.items.filter((a) => a.kind === 'check' && isStructuralCheck(a.body));
    expect(checks.length).toBeGreaterThanOrEqual(4);
    const results = checks.map((c) => {
      const result = evaluateStructuralCheck(
        c as Parameters<typeof evaluateStructuralCheck>[0],
        loaded.graph,
      );
      return `${c.id}: ${result.status} (${result.message})`;
    });
    expect(results.filter((r) => !/: pass /.test(r))).toEqual([]);
  });

  it('holds every example and behavioural check on the committed model', () => {
    const { pack, probe } = loaded;
    const examples = pack.items.filter((a) => a.kind === 'example');
    const behavioural = pack.items.filter((a) => a.kind === 'check' && !isStructuralCheck(a.body));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(behavioural.length).toBeGreaterThanOrEqual(3);
    const failures = [
      ...examples.map((e) => (e.kind === 'example' ? runExample(probe, e) : null)),
      ...behavioural.map((c) => (c.kind === 'check' ? runBehaviouralCheck(probe, pack, c) : null)),
    ].filter((v) => v && !v.pass);
    expect(failures).toEqual([]);
  });

  it('renders every annotation and step without errors, marking every bound equation symbol', () => {
    const { pack } = loaded;
    const options = {
      window: window as unknown as RenderWindow,
      labels: { [pack.targets.models[0]?.alias ?? 'm']: pack.targets.models[0]?.labels ?? [] },
    };
    for (const annotation of pack.items) {
      const rendered = renderAnnotation(annotation, options);
      expect(rendered.errors, annotation.id).toEqual([]);
      if (annotation.kind === 'equation') {
        // Each bound symbol must occur in the formula itself, not only in the list of bindings.
        const keys = Object.keys(annotation.body.bindings ?? {});
        const math = renderTex(annotation.body.tex, annotation.body.display !== false, options, keys);
        const marked = new Set([...math.matchAll(/data-lit-symbol="([^"]*)"/g)].map((m) => m[1]));
        expect(
          keys.filter((k) => !marked.has(k)),
          annotation.id,
        ).toEqual([]);
        expect(rendered.symbols.sort(), annotation.id).toEqual([...keys].sort());
      }
    }
    for (const s of pack.steps ?? []) expect(renderStep(s, options)).not.toContain('data-lit-error');
  });

  it('has a tour of at least five titled steps, each highlighting annotations that exist', () => {
    const { pack } = loaded;
    const steps = pack.steps ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(5);
    const ids = new Set(pack.items.map((a) => a.id));
    for (const s of steps) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.highlights?.length ?? 0, s.id).toBeGreaterThan(0);
      for (const id of s.highlights ?? []) expect(ids.has(id), `${s.id} → ${id}`).toBe(true);
    }
    const kinds = new Set(pack.items.map((a) => a.kind));
    expect([...kinds].filter((k) => k !== 'control' && k !== 'predict').sort()).toEqual([
      'check',
      'equation',
      'example',
      'note',
      'view',
    ]);
  });
});

/** The tf.js versions each page loads besides 4.x (described in-process above), and the packs that must match. */
const OTHER_VERSIONS: [alias: string, demos: string[]][] = [
  ['tfjs1', ['legacy-spiral']],
  ['tfjs2', ['decision-regions']],
  ['tfjs3', ['decision-regions']],
];

describe.each(OTHER_VERSIONS)('fingerprints under %s', (version, demos) => {
  it(`match the ${demos.join(', ')} pack`, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/pack-tools/fingerprints.ts', version], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const found = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string>;
    for (const demo of demos) {
      const entry = GALLERY.find((g) => g.demo === demo) as GalleryDemo;
      const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${demo}.json`), 'utf8')) as Pack;
      expect(found[entry.model], `${demo} on ${found.version}`).toBe(pack.targets.models[0]?.fingerprint);
    }
  });
});

/**
 * The packs for four official demos (issue #9). Their models are published files we do not commit, so they are
 * proven against the ModelGraphs recorded from those files (tools/official-graphs.ts: built as each demo builds
 * them) and the stand-in pages (demos/official/), which mirror the real pages' element ids. Examples and
 * behavioural checks run on the real files with tools/official-check.ts, and in the page (test/real/).
 */
describe.each(OFFICIAL)('the official $pack pack', (entry: OfficialPack) => {
  const text = readFileSync(join(PACKS_DIR, `${entry.pack}.json`), 'utf8');
  const pack = JSON.parse(text) as Pack;
  const recorded = readOfficialGraphs(entry.pack);
  const graphOf = (alias: string | undefined): ModelGraph => {
    const graph = recorded.models[alias ?? pack.targets.models[0]?.alias ?? ''];
    if (!graph) throw new Error(`no recorded graph for alias ${alias}`);
    return graph;
  };
  const allGraphs = [...Object.values(recorded.models), ...Object.values(recorded.distractors)];

  it('validates, within the size limits', () => {
    const result = validatePackText(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(Buffer.byteLength(text)).toBeLessThan(LIMITS.packBytes / 4);
  });

  it('is exactly what its literate Markdown source builds (literate pack build)', () => {
    const result = buildPack(readFileSync(join(PACKS_DIR, `${entry.pack}.md`), 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok)
      expect(
        text === `${JSON.stringify(result.pack, null, 2)}\n`,
        `run: npx tsx bin/literate.mjs pack build annotations/packs/${entry.pack}.md -o annotations/packs/${entry.pack}.json`,
      ).toBe(true);
  });

  it("applies on the demo's real URLs and on no other demo's page", () => {
    for (const url of entry.pages) {
      expect(matchPageUrl(pack, url).matched, url).toBe(true);
      expect(matchPageUrl(pack, `${url}${url.includes('?') ? '&' : '?'}x=1`).matched, url).toBe(true);
    }
    for (const other of OFFICIAL.filter((o) => o.pack !== entry.pack))
      for (const url of other.pages) expect(matchPageUrl(pack, url).matched, url).toBe(false);
    for (const g of GALLERY)
      expect(matchPageUrl(pack, `http://127.0.0.1:8321/demos/${g.demo}/`).matched).toBe(false);
    expect(matchPageUrl(pack, 'https://storage.googleapis.com/').matched).toBe(false);
  });

  it('records graphs whose fingerprints are their own', () => {
    for (const graph of allGraphs) expect(fingerprint(graph), graph.name).toBe(graph.fingerprint);
  });

  it('binds every alias to the model the demo builds (by fingerprint), and never to the others', () => {
    const bindings = matchModels(pack, allGraphs).bindings;
    for (const target of pack.targets.models) {
      const expected = graphOf(target.alias);
      const binding = bindings.find((b) => b.alias === target.alias);
      expect(binding?.graphId, target.alias).toBe(expected.id);
      expect(binding?.stale, target.alias).toBe(false);
      if (target.fingerprint) {
        expect(target.fingerprint).toBe(expected.fingerprint);
        expect(binding).toMatchObject({ evidence: 'fingerprint', score: 1 });
      }
      expect(structureFailures(target.structure ?? {}, expected), target.alias).toEqual([]);
      if (target.url && expected.sourceUrl)
        expect(matchUrlPattern(target.url, expected.sourceUrl)).toBe(true);
    }
    // A retrained model (no fingerprint match): URL and structure alone still bind the same graphs.
    const withoutFingerprints = {
      targets: {
        ...pack.targets,
        models: pack.targets.models.map(({ fingerprint: _omit, ...rest }) => rest),
      },
    };
    for (const b of matchModels(withoutFingerprints, allGraphs).bindings)
      expect(b.graphId, `${b.alias}: ${b.reasons.join('; ')}`).toBe(graphOf(b.alias).id);
  });

  it("carries the model's own labels", () => {
    for (const [alias, labels] of Object.entries(recorded.labels))
      expect(pack.targets.models.find((m) => m.alias === alias)?.labels).toEqual(labels);
    for (const target of pack.targets.models) {
      const output = graphOf(target.alias).outputs[0];
      const classes = output?.shape?.[output.shape.length - 1];
      if (target.labels && typeof classes === 'number')
        expect(target.labels.length, target.alias).toBe(classes);
    }
  });

  it("anchors every page selector uniquely in the stand-in page, which mirrors the real page's ids", () => {
    const document = new DOMParser().parseFromString(officialHtml(entry), 'text/html');
    const targets = pageTargets(pack);
    expect(targets.length).toBeGreaterThanOrEqual(1);
    for (const { where, selectors } of targets) {
      const anchor = resolvePageTarget(selectors, document);
      expect(anchor.status === 'resolved' ? 'resolved' : `${where}: ${anchor.reason}`).toBe('resolved');
      if (anchor.status === 'resolved') expect(anchor.confidence, where).toBe(1);
    }
  });

  it('resolves every model anchor, equation binding and live value, with zero orphans', () => {
    const problems = modelSelectors(pack).flatMap(({ where, selector }) => {
      const anchor = resolveModelSelector(selector, graphOf(selector.model));
      return anchor.status === 'orphan' ? [`${where}: ${anchor.reason}`] : [];
    });
    let live = 0;
    for (const item of [...pack.items, ...(pack.steps ?? [])])
      for (const markdown of markdownOf(item))
        for (const occurrence of findLiveValues(markdown)) {
          live++;
          if (isControlExpression(occurrence.expression)) {
            const parsed = parseControlValue(occurrence.expression);
            const control = parsed.ok ? pack.items.find((a) => a.id === parsed.ref.control) : undefined;
            if (control?.kind !== 'control')
              problems.push(`${item.id}: {{${occurrence.expression}}} names no control`);
            continue;
          }
          if (!occurrence.parsed.ok) {
            problems.push(`${item.id}: ${occurrence.parsed.error}`);
            continue;
          }
          const ref = occurrence.parsed.ref;
          if (!recorded.models[ref.alias]) problems.push(`${item.id}: unknown alias ${ref.alias}`);
          else if (ref.node !== undefined) {
            const anchor = resolveModelSelector(
              { type: 'ModelNodeSelector', node: ref.node, ...(ref.role ? { role: ref.role } : {}) },
              graphOf(ref.alias),
            );
            if (anchor.status === 'orphan')
              problems.push(`${item.id}: {{${occurrence.expression}}}: ${anchor.reason}`);
          }
        }
    expect(problems).toEqual([]);
    expect(live).toBeGreaterThanOrEqual(3);
  });

  it('has an equation bound to every kind of computing node of every model', () => {
    const bound = new Map<string, Set<string>>();
    const note = (selector: ModelSelector | undefined) => {
      if (!selector) return;
      const key = selector.model ?? pack.targets.models[0]?.alias ?? '';
      const anchor = resolveModelSelector(selector, graphOf(key));
      if (anchor.status === 'resolved' && anchor.node)
        bound.set(key, (bound.get(key) ?? new Set()).add(anchor.node.id));
    };
    for (const a of pack.items)
      if (a.kind === 'equation') {
        note(a.target?.model);
        for (const b of Object.values(a.body.bindings ?? {})) note({ ...b, type: 'ModelNodeSelector' });
      }
    const missing: string[] = [];
    for (const [alias, graph] of Object.entries(recorded.models)) {
      const withEquations = new Set(graph.nodes.filter((n) => bound.get(alias)?.has(n.id)).map((n) => n.op));
      for (const n of graph.nodes)
        if (
          (n.category === 'layer' || n.category === 'op') &&
          n.op !== 'Identity' &&
          !withEquations.has(n.op)
        )
          missing.push(`${alias}: ${n.op}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('passes every structural check on the recorded graphs', () => {
    const checks = pack.items.filter((a) => a.kind === 'check' && isStructuralCheck(a.body));
    expect(checks.length).toBeGreaterThanOrEqual(4);
    const failures = checks.flatMap((c) => {
      const result = evaluateStructuralCheck(
        c as Parameters<typeof evaluateStructuralCheck>[0],
        graphOf(c.target?.model?.model),
      );
      return result.status === 'pass' ? [] : [`${c.id}: ${result.status} (${result.message})`];
    });
    expect(failures).toEqual([]);
    const kinds = new Set(checks.map((c) => (c.kind === 'check' ? c.body.check : '')));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['fingerprint', 'params', 'shape']));
  });

  it('makes runnable claims: examples with small inputs, and behavioural checks that name them', () => {
    const examples = pack.items.filter((a) => a.kind === 'example');
    const behavioural = pack.items.filter((a) => a.kind === 'check' && !isStructuralCheck(a.body));
    expect(examples.length).toBeGreaterThanOrEqual(1);
    expect(behavioural.length).toBeGreaterThanOrEqual(1);
    for (const e of examples)
      if (e.kind === 'example' && 'tensor' in e.body.input)
        expect(JSON.stringify(e.body.input.tensor).length, e.id).toBeLessThan(4000);
  });

  it('renders every annotation and step without errors, marking every bound equation symbol', () => {
    const options = {
      window: window as unknown as RenderWindow,
      labels: Object.fromEntries(pack.targets.models.map((m) => [m.alias, m.labels ?? []])),
    };
    for (const annotation of pack.items) {
      const rendered = renderAnnotation(annotation, options);
      expect(rendered.errors, annotation.id).toEqual([]);
      if (annotation.kind === 'equation') {
        const keys = Object.keys(annotation.body.bindings ?? {});
        expect(rendered.symbols.sort(), annotation.id).toEqual([...keys].sort());
      }
    }
    for (const s of pack.steps ?? []) expect(renderStep(s, options)).not.toContain('data-lit-error');
  });

  it('has a tour of at least eight titled steps over all five kinds of annotation', () => {
    const steps = pack.steps ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(8);
    const ids = new Set(pack.items.map((a) => a.id));
    for (const s of steps) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.highlights?.length ?? 0, s.id).toBeGreaterThan(0);
      for (const id of s.highlights ?? []) expect(ids.has(id), `${s.id} → ${id}`).toBe(true);
    }
    expect(
      [...new Set(pack.items.map((a) => a.kind))].filter((k) => k !== 'control' && k !== 'predict').sort(),
    ).toEqual(['check', 'equation', 'example', 'note', 'view']);
  });
});

/** The packs whose tours lead the reader through an experiment (issue #18): predict, move the control, see, check. */
const EXPERIMENT_PACKS = ['draw-shapes', 'automl-flowers'];

describe.each(EXPERIMENT_PACKS)('the experiment of the %s pack', (name) => {
  const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${name}.json`), 'utf8')) as Pack;
  it('has a tour step that asks first, then gives the control, then the check that the experiment holds', () => {
    const kindOf = (id: string) => pack.items.find((a) => a.id === id);
    const step = (pack.steps ?? []).find((s) => {
      const kinds = (s.highlights ?? []).map((id) => kindOf(id));
      return (
        kinds.some((a) => a?.kind === 'predict') &&
        kinds.some((a) => a?.kind === 'control' && a.body.control === 'slider') &&
        kinds.some((a) => a?.kind === 'check' && a.body.check === 'compare')
      );
    });
    expect(step, 'a step highlighting a predict, a slider and a compare check').toBeDefined();
    const highlighted = (step?.highlights ?? []).map((id) => kindOf(id));
    const predict = highlighted.find((a) => a?.kind === 'predict');
    const check = highlighted.find((a) => a?.kind === 'check');
    const slider = highlighted.find((a) => a?.kind === 'control');
    expect(predict?.kind === 'predict' && predict.body.control).toBe(slider?.id);
    expect(check?.kind === 'check' && check.body.check === 'compare' && check.body.control).toBe(slider?.id);
    expect(highlighted.indexOf(predict)).toBeLessThan(highlighted.indexOf(check));
  });
  it('uses a choice of pictures too', () => {
    expect(pack.items.some((a) => a.kind === 'control' && a.body.control === 'choice')).toBe(true);
  });
});
