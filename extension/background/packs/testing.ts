// Small valid packs and model graphs for the pack store's unit tests (each pack checked by the real validator).

import type { ModelGraph } from '../../../model/model-graph';
import type { Pack } from '../../../annotations/format/types';

export function makePack(overrides: Partial<Pack> = {}): Pack {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'test-pack',
    title: 'A test pack',
    authors: [{ name: 'Ada', url: 'https://example.org/ada' }],
    license: 'CC-BY-4.0',
    version: '1.0.0',
    targets: { pages: ['http://127.0.0.1:*/demo/*'], models: [{ alias: 'm' }] },
    items: [
      {
        id: 'intro',
        type: 'Annotation',
        motivation: 'commenting',
        kind: 'note',
        body: { type: 'TextualBody', format: 'text/markdown', value: 'Hello.' },
        step: 's1',
      },
    ],
    steps: [
      { id: 's1', title: 'One' },
      { id: 's2', title: 'Two' },
    ],
    ...overrides,
  };
}

export const packText = (overrides: Partial<Pack> = {}): string =>
  JSON.stringify(makePack(overrides), null, 2);

export function makeGraph(overrides: Partial<ModelGraph> = {}): ModelGraph {
  return {
    schema: 1,
    id: 'm1',
    kind: 'layers',
    name: 'seq',
    sourceUrl: null,
    origin: 'code',
    format: null,
    backend: 'cpu',
    tfjsVersion: null,
    tfjsVersionClass: '3.x+',
    inputs: [],
    outputs: [],
    nodes: [
      {
        id: 'dense',
        index: 0,
        op: 'Dense',
        category: 'layer',
        inputs: [],
        outputShape: [null, 2],
        shapeSource: 'config',
        dtype: 'float32',
        params: 8,
        weights: [],
        attrs: {},
      },
    ],
    totals: { nodes: 1, params: 8, trainableParams: 8, weightBytes: 32 },
    fingerprint: 'a'.repeat(64),
    ...overrides,
  };
}
