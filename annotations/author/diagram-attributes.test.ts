// Literate Markdown for diagram anchors: diagram-node / diagram-nodes / diagram-group (+ diagram-model) on notes
// and steps build into target.diagram, errors point at their lines, and decompiling gives the same pack back.
import { describe, expect, it } from 'vitest';
import { buildPack } from './build';
import { decompilePack } from './decompile';

const header = `---
id: p
title: T
authors: [Ada]
license: MIT
version: 1.0.0
pages: [https://x.org/*]
models:
  - alias: m
---
`;

const markdown = `${header}
:::note {#first diagram-node=conv1}
The first convolution.
:::

:::note {#stage diagram-group="MobilenetV1/Conv2d_3" diagram-model=m}
The third block.
:::

:::step {#look title="The first two layers" diagram-nodes="conv1 pool1"}
Here the picture shrinks.
:::

:::step {#json-list title="Listed as JSON" diagram-nodes='["conv1", "dense 1"]'}
Names with spaces.
:::
`;

describe('diagram anchors in literate Markdown', () => {
  it('builds notes and steps with diagram targets', () => {
    const built = buildPack(markdown);
    expect(built.errors).toEqual([]);
    if (!built.ok) return;
    expect(built.pack.items[0]!.target).toEqual({ diagram: { type: 'DiagramSelector', node: 'conv1' } });
    expect(built.pack.items[1]!.target).toEqual({
      diagram: { type: 'DiagramSelector', model: 'm', group: 'MobilenetV1/Conv2d_3' },
    });
    expect(built.pack.steps?.[0]?.target).toEqual({
      diagram: { type: 'DiagramSelector', nodes: ['conv1', 'pool1'] },
    });
    expect(built.pack.steps?.[1]?.target?.diagram?.nodes).toEqual(['conv1', 'dense 1']);
  });

  it('decompiles back to the same pack', () => {
    const built = buildPack(markdown);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const text = decompilePack(built.pack);
    expect(text).toMatch(/diagram-node=conv1/);
    expect(text).toMatch(/diagram-nodes="conv1 pool1"/);
    const again = buildPack(text);
    expect(again.ok && again.pack).toEqual(built.pack);
  });

  it('points at the line of a diagram anchor that names two things or an unknown alias', () => {
    const bad = buildPack(`${header}
:::note {#x diagram-node=conv1 diagram-group=g}
Two things.
:::

:::note {#y diagram-node=conv1 diagram-model=mm}
Unknown alias.
:::
`);
    expect(bad.ok).toBe(false);
    const errors = bad.errors.map((e) => `${e.line} ${e.pointer} ${e.message}`);
    expect(errors).toContain(
      "12 /items/0/target/diagram give only one of 'node', 'nodes', 'group'; found node and group",
    );
    expect(errors).toContain("16 /items/1/target/diagram/model unknown model alias 'mm'");
  });
});
