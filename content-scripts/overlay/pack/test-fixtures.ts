// A small pack and the graph it explains, for the overlay's unit tests (not shipped: only tests import it).

import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import type { Annotation, Pack } from '../../../annotations/format/types';
import type { FramePacks, Provenance } from '../../../protocol/packs';
import { DEFAULT_SETTINGS } from '../../../extension/settings/settings';
import type { PacksApi } from '../../relay/packs-api';

export function testNode(id: string, index: number, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    index,
    op: 'Dense',
    category: 'layer',
    inputs: [],
    outputShape: [null, 4],
    shapeSource: 'config',
    dtype: 'float32',
    params: 0,
    weights: [],
    attrs: {},
    ...extra,
  };
}

export const TEST_GRAPH: ModelGraph = {
  schema: 1,
  id: 'm1',
  kind: 'layers',
  name: 'tiny',
  sourceUrl: null,
  origin: 'code',
  format: null,
  backend: 'cpu',
  tfjsVersion: '4.22.0',
  tfjsVersionClass: '3.x+',
  inputs: [{ name: 'x', nodeId: 'x', shape: [null, 3], dtype: 'float32' }],
  outputs: [{ name: 'probs', nodeId: 'probs', shape: [null, 2], dtype: 'float32' }],
  nodes: [
    testNode('x', 0, { category: 'input', op: 'InputLayer', outputShape: [null, 3] }),
    testNode('hidden', 1, {
      params: 16,
      attrs: { activation: 'relu', units: 4 },
      weights: [
        { name: 'hidden/kernel', role: 'kernel', shape: [3, 4], dtype: 'float32' },
        { name: 'hidden/bias', role: 'bias', shape: [4], dtype: 'float32' },
      ],
    }),
    testNode('probs', 2, { params: 10, outputShape: [null, 2], attrs: { activation: 'softmax' } }),
  ],
  totals: { nodes: 3, params: 26, trainableParams: 26, weightBytes: 104 },
  fingerprint: 'f',
};

const note = (id: string, value: string, target?: Annotation['target'], step?: string): Annotation => ({
  id,
  type: 'Annotation',
  motivation: 'describing',
  kind: 'note',
  body: { type: 'TextualBody', format: 'text/markdown', value },
  ...(target ? { target } : {}),
  ...(step ? { step } : {}),
});

export function testPack(extraItems: Annotation[] = []): Pack {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'unit-pack',
    title: 'A tiny tour',
    authors: [{ name: 'Ada Lovelace', url: 'https://example.org/ada' }],
    license: 'CC-BY-4.0',
    version: '1.2.0',
    description: 'Written for the unit tests.',
    targets: {
      pages: ['http://127.0.0.1/*'],
      models: [{ alias: 'm', labels: ['cat', 'dog'] }],
    },
    items: [
      note('intro', 'This page has a **tiny** network of {{m.params | d}} parameters.'),
      note('title-note', 'The heading names the demo.', {
        selector: [{ type: 'CssSelector', value: '#title' }],
      }),
      note('quote-note', 'The network guesses.', {
        selector: [{ type: 'TextQuoteSelector', exact: 'The network guesses' }],
      }),
      note('hidden-note', 'The hidden layer has {{m.hidden.params}} parameters.', {
        model: { type: 'ModelNodeSelector', node: 'hidden' },
      }),
      {
        id: 'eq-hidden',
        type: 'Annotation',
        motivation: 'describing',
        kind: 'equation',
        body: {
          type: 'Equation',
          tex: 'h = \\mathrm{ReLU}(W x + b)',
          bindings: {
            W: { node: 'hidden', role: 'kernel', stat: 'shape' },
            b: { node: 'hidden', role: 'bias', stat: 'mean', format: '.3f' },
          },
          caption: 'The hidden layer.',
        },
        target: { model: { type: 'ModelNodeSelector', node: 'hidden' } },
      },
      note('probs-note', 'The output is {{m.top1}}.', {
        model: { type: 'ModelNodeSelector', node: 'probs' },
        selector: [{ type: 'CssSelector', value: '#bars' }],
      }),
      note('broken-css', 'Points at nothing.', {
        selector: [{ type: 'CssSelector', value: '#no-such-element' }],
      }),
      note('broken-node', 'Points at a missing layer.', {
        model: { type: 'ModelNodeSelector', node: 'dense_9' },
      }),
      ...extraItems,
    ],
    steps: [
      { id: 's1', title: 'The page', highlights: ['title-note', 'quote-note'] },
      { id: 's2', title: 'The hidden layer', body: 'Look at $W$.', highlights: ['hidden-note', 'eq-hidden'] },
      { id: 's3', title: 'The output', highlights: ['probs-note', 'broken-css'] },
    ],
  };
}

export const TEST_PAGE = `
  <main>
    <h1 id="title">Tiny demo</h1>
    <p>Type three numbers. The network guesses a class.</p>
    <div id="bars"></div>
  </main>`;

/** What the PacksApi reports for `pack` shown on the page: bound to TEST_GRAPH as the page's only model. */
export function activeState(
  pack: Pack | null,
  source: Pick<Provenance, 'sourceKind' | 'sourceLabel' | 'url' | 'origin'>,
  step: number | null = null,
): FramePacks {
  return {
    offers: [],
    link: null,
    candidates: pack ? 1 : 0,
    active: pack && {
      key: 'shipped:unit-pack',
      pack,
      step,
      provenance: {
        packId: pack.id,
        title: pack.title,
        authors: pack.authors,
        version: pack.version,
        license: pack.license,
        ...source,
      },
      match: {
        complete: true,
        bindings: [
          {
            alias: 'm',
            graphId: TEST_GRAPH.id,
            score: 0.3,
            evidence: 'only-model',
            stale: false,
            optional: false,
            reasons: [],
          },
        ],
      },
    },
  };
}

/** A PacksApi over a fixed state, with default settings; tests pass spies for what they watch. */
export function fakePacksApi(state: FramePacks, overrides: Partial<PacksApi> = {}): PacksApi {
  return {
    version: 1,
    state: () => state,
    onChange: () => undefined,
    settings: () => ({ ...DEFAULT_SETTINGS }),
    onSettings: () => undefined,
    updateSettings: async () => ({ ...DEFAULT_SETTINGS }),
    reportStatus: () => undefined,
    shareLink: async () => ({ ok: true as const, link: 'x' }),
    saveEdit: async () => ({ ok: true as const }),
    ...overrides,
  } as unknown as PacksApi;
}
