import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Hex, utf8 } from './sha256';

const nodeSha = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('matches node:crypto on every length around the block boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(sha256Bytes(bytes)).toBe(nodeSha(bytes));
    }
  });

  it('matches node:crypto on random inputs', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = new Uint8Array(randomBytes(Math.floor(Math.random() * 5000)));
      expect(sha256Bytes(bytes)).toBe(nodeSha(bytes));
    }
  });

  it('hashes the UTF-8 bytes of text, as TextEncoder encodes them', () => {
    for (const s of [
      'héllo',
      '日本語',
      'emoji 😀 pair',
      'lone \ud800 surrogate',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
    ]) {
      expect(Array.from(utf8(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      expect(sha256Hex(s)).toBe(nodeSha(Buffer.from(new TextEncoder().encode(s))));
    }
  });
});
