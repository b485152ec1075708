import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeInlinePack,
  encodeInlinePack,
  fromBase64Url,
  INLINE_LIMITS,
  toBase64Url,
} from './inline-codec';

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('base64url', () => {
  it('round-trips any bytes without + / or =', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('a b')).toBeNull();
  });
});

describe('inline packs', () => {
  it('round-trips JSON text, including non-ASCII', async () => {
    const json = JSON.stringify({
      title: 'Ünïcödé ∑ 🧠',
      items: Array.from({ length: 50 }, (_, i) => ({ id: `n${i}` })),
    });
    const encoded = await encodeInlinePack(json);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.length).toBeLessThan(json.length);
    expect(await decodeInlinePack(encoded.value)).toEqual({ ok: true, value: json });
  });

  it('round-trips arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000, unit: 'grapheme' }), async (s) => {
        const encoded = await encodeInlinePack(s);
        if (!encoded.ok) throw new Error(encoded.reason);
        expect(await decodeInlinePack(encoded.value)).toEqual({ ok: true, value: s });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a pack too large for a link and says what to do instead', async () => {
    // Random text does not compress: well over the encoded limit.
    const noise = Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    const result = await encodeInlinePack(noise);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/Publish it .* URL link/) });
    const huge = await encodeInlinePack('x'.repeat(INLINE_LIMITS.maxJsonBytes + 1));
    expect(huge).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 524288/) });
  });

  it('refuses a decompression bomb', async () => {
    const bomb = toBase64Url(await deflate(new Uint8Array(INLINE_LIMITS.maxJsonBytes * 4)));
    expect(bomb.length).toBeLessThan(INLINE_LIMITS.maxEncodedChars);
    expect(await decodeInlinePack(bomb)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expands beyond/),
    });
  });

  it('says why garbage cannot be read', async () => {
    expect(await decodeInlinePack('')).toMatchObject({ ok: false, reason: 'the inline pack is empty' });
    expect(await decodeInlinePack('%%%')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/base64url/),
    });
    expect(await decodeInlinePack('AAAA')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/compressed/),
    });
    expect(await decodeInlinePack('x'.repeat(INLINE_LIMITS.maxEncodedChars + 1))).toMatchObject({
      ok: false,
    });
    const notUtf8 = toBase64Url(await deflate(new Uint8Array([0xff, 0xfe, 0xfd])));
    expect(await decodeInlinePack(notUtf8)).toMatchObject({
      ok: false,
      reason: 'the inline pack is not UTF-8 text',
    });
    const good = await encodeInlinePack('{"a":1}');
    if (!good.ok) throw new Error(good.reason);
    expect(await decodeInlinePack(good.value.slice(0, -3))).toMatchObject({ ok: false });
  });

  it('never throws on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        const result = await decodeInlinePack(s);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
