// Diagram anchors in packs: a note on a node or group of the diagram, a tour step that frames part of it; errors
// name the JSON path and the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatValidationError, validatePack } from './validate';

const exampleText = readFileSync(new URL('./fixtures/example-pack.json', import.meta.url), 'utf8');
const example = (): Record<string, any> => JSON.parse(exampleText);

function withDiagram(note: unknown, step?: unknown): Record<string, any> {
  const pack = example();
  pack.items.push({
    id: 'on-diagram',
    type: 'Annotation',
    motivation: 'commenting',
    kind: 'note',
    body: { type: 'TextualBody', format: 'text/markdown', value: 'The first stage.' },
    target: { diagram: note },
  });
  if (step) pack.steps.push({ id: 'frame', title: 'The first block', target: { diagram: step } });
  return pack;
}

const errorsOf = (value: unknown) => {
  const result = validatePack(value);
  return result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.reason}`);
};

describe('diagram anchors', () => {
  it('accepts a note on a node, a group or a few nodes, and a step that frames a group', () => {
    expect(errorsOf(withDiagram({ type: 'DiagramSelector', node: 'conv1' }))).toEqual([]);
    expect(errorsOf(withDiagram({ type: 'DiagramSelector', model: 'cnn', group: 'block_1' }))).toEqual([]);
    expect(
      errorsOf(
        withDiagram(
          { type: 'DiagramSelector', nodes: ['conv1', 'pool1'] },
          { type: 'DiagramSelector', group: 'MobilenetV1/Conv2d_3' },
        ),
      ),
    ).toEqual([]);
  });

  it('wants exactly one of node, nodes and group', () => {
    const both = errorsOf(withDiagram({ type: 'DiagramSelector', node: 'conv1', group: 'g' }));
    expect(both).toContain(
      "/items/6/target/diagram give only one of 'node', 'nodes', 'group'; found node and group",
    );
    const none = errorsOf(withDiagram({ type: 'DiagramSelector', model: 'cnn' }));
    expect(none).toContain("/items/6/target/diagram needs at least one of 'node', 'nodes', 'group'");
  });

  it('names the path and the reason for a wrong type, an empty node list, an unknown alias', () => {
    const pack = withDiagram(
      { type: 'DiagramNode', node: 'conv1' },
      { type: 'DiagramSelector', model: 'cnnn', nodes: [] },
    );
    const errors = errorsOf(pack);
    expect(errors.some((e) => e.startsWith('/items/6/target/diagram/type'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/steps/2/target/diagram/nodes'))).toBe(true);
    expect(errors).toContain("/steps/2/target/diagram/model unknown model alias 'cnnn'");
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(
        formatValidationError(
          'pack.json',
          result.errors.find((e) => e.pointer.endsWith('/model'))!,
        ),
      ).toBe("pack.json  /steps/2/target/diagram/model  unknown model alias 'cnnn'  (did you mean 'cnn'?)");
  });
});
