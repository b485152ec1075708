// Staleness and diagram anchors: a note or step whose diagram anchor names a node the model no longer has is
// reported as an orphan of that model, with the reason; groups are left to the overlay (the diagram computes them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mnistGraph } from '../format/testing/graphs';
import type { Annotation, Pack } from '../format/types';
import { computeStaleness } from './staleness';

const example: Pack = JSON.parse(
  readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8'),
);

const note = (id: string, diagram: NonNullable<Annotation['target']>['diagram']): Annotation =>
  ({
    id,
    type: 'Annotation',
    motivation: 'commenting',
    kind: 'note',
    body: { type: 'TextualBody', format: 'text/markdown', value: id },
    target: { diagram },
  }) as Annotation;

describe('staleness of diagram anchors', () => {
  it('lists diagram anchors to missing nodes as orphans, and leaves groups to the diagram', () => {
    const pack: Pack = {
      ...example,
      items: [
        note('fine', { type: 'DiagramSelector', node: 'conv1' }),
        note('gone', { type: 'DiagramSelector', nodes: ['conv1', 'conv3'] }),
        note('group', { type: 'DiagramSelector', group: 'anything' }),
      ],
      steps: [
        { id: 'look', title: 'Look', target: { diagram: { type: 'DiagramSelector', node: 'dense_9' } } },
      ],
    };
    const alias = pack.targets.models[0]!.alias;
    const report = computeStaleness(pack, new Map([[alias, mnistGraph()]]));
    expect(report.models[0]!.orphans).toEqual([
      { id: 'gone', kind: 'note', reason: 'diagram: no node named conv3; closest: conv1, conv2' },
      { id: 'look', kind: 'step', reason: expect.stringMatching(/^diagram: no node named dense_9/) },
    ]);
  });
});
