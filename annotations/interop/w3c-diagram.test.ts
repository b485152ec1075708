// W3C export of diagram anchors: W3C has no selector for part of a model, so a note on the diagram alone is listed
// as skipped with that reason, and a note on the page and the diagram is exported with its page part only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation, Pack } from '../format/types';
import { exportW3C } from './w3c';

const example: Pack = JSON.parse(
  readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8'),
);

const note = (id: string, target: Annotation['target']): Annotation =>
  ({
    id,
    type: 'Annotation',
    motivation: 'commenting',
    kind: 'note',
    body: { type: 'TextualBody', format: 'text/markdown', value: `Note ${id}.` },
    target,
  }) as Annotation;

describe('exportW3C and diagram anchors', () => {
  it('skips a note on the diagram alone, and keeps the page part of one on both', () => {
    const pack: Pack = {
      ...example,
      items: [
        note('only-diagram', { diagram: { type: 'DiagramSelector', group: 'block_1' } }),
        note('both', {
          selector: [{ type: 'CssSelector', value: '#digit' }],
          diagram: { type: 'DiagramSelector', node: 'conv1' },
        }),
      ],
    };
    const { collection, skipped } = exportW3C(pack);
    expect(skipped).toEqual([
      { id: 'only-diagram', reason: 'anchored to the diagram only: W3C has no selector for part of a model' },
      { id: 'both', reason: 'exported without its diagram anchor' },
    ]);
    const items = (collection.first as { items: { id: string; target: unknown }[] }).items;
    expect(items.map((i) => i.id)).toEqual(['https://example.org/packs/mnist-cnn#both']);
    expect(items[0]!.target).toMatchObject({ selector: { type: 'CssSelector', value: '#digit' } });
    expect(JSON.stringify(collection)).not.toMatch(/Diagram/);
  });
});
