// Typed text → one-hot rows with a pack's vocabulary: the shipped translation pack's encoder vocabulary turns "Go."
// and "Run!" into exactly the one-hot tensors its own examples feed the model; word vocabularies; bad vocabularies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../annotations/format/validate';
import { isStateOp, summarizeOutput } from './output-rows';
import { decodeOneHot, encodeSequence, indicesToText, isCharacterVocabulary } from './sequence-text';

interface PackJson {
  targets: { models: { alias: string; vocabulary?: string[] }[] };
  items: { id: string; body?: { input?: { tensor?: number[]; shape?: number[] } } }[];
}

const packText = readFileSync(
  new URL('../../../annotations/packs/translation.json', import.meta.url),
  'utf8',
);
const pack = JSON.parse(packText) as PackJson;
const vocabulary = pack.targets.models.find((m) => m.alias === 'encoder')?.vocabulary ?? [];

describe('typed text with a pack vocabulary', () => {
  it('the translation pack gives the encoder 81 one-character tokens, and stays valid', () => {
    expect(validatePack(pack).ok).toBe(true);
    expect(vocabulary).toHaveLength(81);
    expect(isCharacterVocabulary(vocabulary)).toBe(true);
    expect(vocabulary[0]).toBe(' ');
  });

  it('encodes a typed sentence exactly as the pack’s own one-hot examples', () => {
    for (const [text, id] of [
      ['Go.', 'example-go'],
      ['Run!', 'example-run'],
    ] as const) {
      const input = pack.items.find((i) => i.id === id)?.body?.input;
      const e = encodeSequence(text, 81, null, vocabulary);
      expect(e.shape).toEqual(input?.shape);
      expect(Array.from(e.values)).toEqual(input?.tensor);
      expect(e.unknown).toEqual([]);
      expect(indicesToText(decodeOneHot(e.values, 81), vocabulary)).toBe(text);
    }
  });

  it('pads to the page’s own row count, names characters without an index, and says what is cut', () => {
    const e = encodeSequence('Hi ✓', 81, 32, vocabulary);
    expect(e.shape).toEqual([1, 32, 81]);
    expect(e.unknown).toEqual(['✓']);
    expect(decodeOneHot(e.values, 81).slice(0, 5)).toEqual([
      vocabulary.indexOf('H'),
      vocabulary.indexOf('i'),
      0,
      -1,
      -1,
    ]);
    expect(encodeSequence('abcd', 81, 2, vocabulary).cut).toBe(2);
  });

  it('a vocabulary of words takes space-separated words', () => {
    const words = ['<pad>', 'the', 'cat', 'sat'];
    expect(isCharacterVocabulary(words)).toBe(false);
    const e = encodeSequence('the  cat sat on', 4, null, words);
    expect(decodeOneHot(e.values, 4)).toEqual([1, 2, 3, -1]);
    expect(e.unknown).toEqual(['on']);
    expect(indicesToText([1, 2, 3], words)).toBe('the cat sat');
  });

  it('a pack vocabulary with an empty token is refused with its path', () => {
    const bad = JSON.parse(packText) as PackJson;
    bad.targets.models[1]!.vocabulary = ['a', ''];
    const result = validatePack(bad);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.reason}`)).toContain(
      '/targets/models/1/vocabulary/1 must not be empty',
    );
  });
});

describe('a recurrent state as the output', () => {
  it('lists its largest units by size, signed, not classes', () => {
    expect(isStateOp('LSTM')).toBe(true);
    expect(isStateOp('Dense')).toBe(false);
    expect(isStateOp(undefined)).toBe(false);
    const state = new Float32Array([0.1, -0.9, 0.5, 0, 0.7]);
    const s = summarizeOutput([1, 5], state, 3, true);
    expect(s.units).toBe(true);
    expect(s.rows.map((r) => [r.index, r.text])).toEqual([
      [1, '−0.900'],
      [4, '0.700'],
      [2, '0.500'],
    ]);
    expect(summarizeOutput([1, 5], state, 3).rows.map((r) => r.index)).toEqual([4, 2, 0]);
  });
});
