import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePackText } from './validate';

const doc = readFileSync(new URL('../FORMAT.md', import.meta.url), 'utf8');

describe('FORMAT.md', () => {
  it('contains a complete example pack that validates', () => {
    const match = /<!-- example-pack -->\n```json\n([\s\S]*?)```/.exec(doc);
    expect(match).not.toBeNull();
    const result = validatePackText(match?.[1] ?? '');
    expect(result.errors).toEqual([]);
    expect(result.ok && result.pack.items.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['note', 'equation', 'view', 'example', 'check']),
    );
  });
});

describe('FORMAT.md literate example', () => {
  it('builds to the same pack as the JSON example', async () => {
    const { buildPack } = await import('../author/build');
    const markdown = /<!-- example-literate -->\n````markdown\n([\s\S]*?)````/.exec(doc)?.[1] ?? '';
    const json = /<!-- example-pack -->\n```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const built = buildPack(markdown);
    expect(built.errors).toEqual([]);
    expect(built.ok && built.pack).toEqual(JSON.parse(json));
  });
});
