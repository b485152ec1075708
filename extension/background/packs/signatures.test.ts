// Signed packs in the pack store: each copy's signature is checked as it is stored, a pack from a source remembers
// its first signing key, and a later copy signed by another key (or not validly signed) carries a warning that
// survives a restart and reaches the provenance readers see; other packs of the same source are not affected.
import { describe, expect, it } from 'vitest';
import { signPack } from '../../../annotations/format/signature';
import type { Pack } from '../../../annotations/format/types';
import { signatureText } from '../../../protocol/pack-records';
import { MemoryArea } from './kv';
import { provenanceOf } from './matching';
import { loadPackText } from './pack-text';
import { signerBookkeeping } from './signatures';
import { PackStore } from './store';
import { makePack } from './testing';

async function newKey(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: jwk.x! };
}

async function signedCopy(
  key: { privateKey: CryptoKey; publicKey: string } | null,
  overrides: Partial<Pack> = {},
) {
  const value = makePack(overrides) as unknown as Record<string, unknown>;
  const text = JSON.stringify(
    key ? await signPack(value, key.privateKey, key.publicKey, crypto.subtle, { signer: 'Ada' }) : value,
  );
  const load = await loadPackText(text);
  if (!load.ok) throw new Error(JSON.stringify(load.errors));
  return { text, sha256: load.sha256, pack: load.pack };
}

describe('signed packs in the store', () => {
  it('records a valid signature, then flags a copy from the same source signed by another key', async () => {
    const area = new MemoryArea();
    const store = await PackStore.open(area);
    const source = await store.addSource({ kind: 'url', url: 'https://p.example.org/a.json' });
    const ada = await newKey();
    const mallory = await newKey();

    const first = await store.putPack(source.id, await signedCopy(ada), 1);
    expect(first.signature).toMatchObject({ state: 'valid', signer: 'Ada' });
    expect(first.signature?.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(first.signerChange).toBeUndefined();
    expect(first.signerKeyId).toBe(first.signature?.keyId);

    const second = await store.putPack(source.id, await signedCopy(mallory, { version: '1.0.1' }), 2);
    expect(second.signature?.state).toBe('valid');
    expect(second.signerChange).toEqual({ from: first.signature?.keyId, to: second.signature?.keyId, at: 2 });

    // Survives a restart, and reaches what readers are shown.
    const reopened = await PackStore.open(area);
    const record = reopened.record(second.key)!;
    expect(record.signerChange?.from).toBe(first.signature?.keyId);
    const provenance = provenanceOf(record, reopened.source(source.id)!);
    expect(signatureText(provenance.signature, provenance.signerChange)).toMatch(
      /^signed by “Ada” \(key ed25519:[0-9a-f]{16}\)\. Warning: earlier copies of this pack from this source were signed by key ed25519:/,
    );

    // Back to the known key: no warning.
    const third = await store.putPack(source.id, await signedCopy(ada, { version: '1.0.2' }), 3);
    expect(third.signerChange).toBeUndefined();
  });

  it('shows unsigned and broken signatures as such, and a signed source going unsigned is flagged', async () => {
    const store = await PackStore.open(new MemoryArea());
    const source = await store.addSource({ kind: 'url', url: 'https://q.example.org/a.json' });
    const unsigned = await store.putPack(source.id, await signedCopy(null), 1);
    expect(unsigned.signature).toEqual({ state: 'unsigned' });
    expect(signatureText(unsigned.signature)).toBe('unsigned');

    const ada = await newKey();
    const good = await signedCopy(ada, { version: '2.0.0' });
    await store.putPack(source.id, good, 2);
    // The same text with one value changed after signing.
    const brokenText = good.text.replace('"2.0.0"', '"2.0.1"');
    const load = await loadPackText(brokenText);
    if (!load.ok) throw new Error('invalid');
    const broken = await store.putPack(
      source.id,
      { text: brokenText, sha256: load.sha256, pack: load.pack },
      3,
    );
    expect(broken.signature?.state).toBe('invalid');
    expect(signatureText(broken.signature)).toMatch(/^signature broken: /);
    expect(broken.signerChange?.to).toBeNull();
  });

  it('an unsigned pack beside a signed one in the same source is not a change of signer', async () => {
    const store = await PackStore.open(new MemoryArea());
    const source = await store.addSource({ kind: 'registry', url: 'https://r.example.org/index.json' });
    await store.putPack(source.id, await signedCopy(await newKey()), 1);
    const other = await store.putPack(source.id, await signedCopy(null, { id: 'another-pack' }), 2);
    expect(other.signature?.state).toBe('unsigned');
    expect(other.signerChange).toBeUndefined();
  });

  it('remembers the first key; another key or none is a change', () => {
    const valid = (keyId: string) => ({ state: 'valid' as const, keyId });
    expect(signerBookkeeping({}, valid('k1'), 1)).toEqual({ signerKeyId: 'k1', change: undefined });
    expect(signerBookkeeping({ signerKeyId: 'k1' }, valid('k1'), 1).change).toBeUndefined();
    expect(signerBookkeeping({ signerKeyId: 'k1' }, valid('k2'), 5).change).toEqual({
      from: 'k1',
      to: 'k2',
      at: 5,
    });
    expect(signerBookkeeping({ signerKeyId: 'k1' }, { state: 'unsigned' }, 5).change?.to).toBeNull();
  });
});
