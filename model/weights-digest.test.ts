import { describe, expect, it } from 'vitest';
import { sha256Bytes } from './describe/sha256';
import {
  canonicalWeightBytes,
  combineWeightsDigest,
  differingWeights,
  hasherOf,
  isWeightsDigest,
  type WeightEntry,
} from './weights-digest';

const entry = (name: string, values: number[], dtype: 'float32' | 'int32' = 'float32'): WeightEntry => ({
  name,
  dtype,
  shape: [values.length],
  sha256: sha256Bytes(canonicalWeightBytes(dtype, values)),
});

describe('weights digest (lwd1)', () => {
  it('is a hex SHA-256 that does not depend on the order the weights come in', () => {
    const a = [entry('d/kernel', [1, 2, 3]), entry('d/bias', [0.5])];
    const digest = combineWeightsDigest(a);
    expect(isWeightsDigest(digest)).toBe(true);
    expect(combineWeightsDigest([...a].reverse())).toBe(digest);
  });

  it('changes when one value, a dtype, a shape or a name changes, and says which weight', () => {
    const base = [entry('d/kernel', [1, 2, 3]), entry('d/bias', [0.5])];
    const digest = combineWeightsDigest(base);
    const oneValue = [entry('d/kernel', [1, 2, 3.0000002]), entry('d/bias', [0.5])];
    expect(combineWeightsDigest(oneValue)).not.toBe(digest);
    expect(differingWeights(base, oneValue)).toEqual(['d/kernel']);
    expect(combineWeightsDigest([entry('d/kernel', [1, 2, 3], 'int32'), base[1]!])).not.toBe(digest);
    expect(combineWeightsDigest([{ ...base[0]!, shape: [3, 1] }, base[1]!])).not.toBe(digest);
    expect(combineWeightsDigest([{ ...base[0]!, name: 'd/kernel_1' }, base[1]!])).not.toBe(digest);
  });

  it('hashes little-endian float32 bytes, the same with WebCrypto and the JS SHA-256', async () => {
    const bytes = canonicalWeightBytes('float32', [1]);
    expect([...bytes]).toEqual([0, 0, 0x80, 0x3f]);
    expect([...canonicalWeightBytes('bool', [0, 1, 1])]).toEqual([0, 1, 1]);
    const big = canonicalWeightBytes(
      'float32',
      Array.from({ length: 5000 }, (_, i) => Math.sin(i)),
    );
    expect(await hasherOf(globalThis.crypto.subtle)(big)).toBe(await hasherOf(null)(big));
  });
});
