// The example input's `normalize` field (added for the engine): valid shapes pass, zero std and mismatched
// lengths are errors with pointers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../format/validate';

const example = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8'));

function withNormalize(normalize: unknown) {
  const pack = example();
  const index = pack.items.findIndex((i: { kind: string }) => i.kind === 'example');
  pack.items[index].body.input = { image: 'data:image/png;base64,iVBORw0KGgo=', normalize };
  const result = validatePack(pack);
  return { index, errors: result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.reason}`) };
}

describe('example input normalize', () => {
  it('accepts one number for all channels or one per channel', () => {
    expect(withNormalize({ mean: [0.5], std: [0.5] }).errors).toEqual([]);
    expect(withNormalize({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }).errors).toEqual([]);
    expect(withNormalize({ mean: [0.5, 0.5, 0.5], std: [0.5] }).errors).toEqual([]);
  });

  it('rejects a zero std, mismatched lengths, missing parts and unknown keys', () => {
    const zero = withNormalize({ mean: [0], std: [1, 0, 1] });
    expect(zero.errors).toEqual([
      `/items/${zero.index}/body/input/normalize/std/1 std must not be 0 (it divides)`,
    ]);
    const lengths = withNormalize({ mean: [0, 0], std: [1, 1, 1] });
    expect(lengths.errors).toEqual([
      `/items/${lengths.index}/body/input/normalize mean has 2 entries and std 3; give one per channel, or one for all`,
    ]);
    expect(withNormalize({ mean: [0] }).errors.join('\n')).toMatch(/missing required property 'std'/);
    expect(withNormalize({ mean: [0], std: [1], scale: 2 }).errors.join('\n')).toMatch(
      /unknown property 'scale'/,
    );
    expect(withNormalize({ mean: [], std: [1] }).errors.join('\n')).toMatch(/at least one entry/);
  });
});
