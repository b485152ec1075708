// Buffers from another realm (Firefox hands a content script the page's message data in the page's realm): the
// bridge's validators copy a real ArrayBuffer in, and refuse look-alikes.

import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownArrayBuffer } from './bridge-validate';

describe('ownArrayBuffer', () => {
  it('copies an ArrayBuffer of another realm into this one, bytes intact', () => {
    const foreign = runInNewContext('new Float32Array([1.5, -2, 3]).buffer') as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    const own = ownArrayBuffer(foreign, 1024);
    expect(own).toBeInstanceOf(ArrayBuffer);
    expect([...new Float32Array(own!)]).toEqual([1.5, -2, 3]);
  });

  it('passes this realm’s buffer through, and keeps to the size limit in both realms', () => {
    const buffer = new ArrayBuffer(8);
    expect(ownArrayBuffer(buffer, 8)).toBe(buffer);
    expect(ownArrayBuffer(buffer, 4)).toBeNull();
    expect(ownArrayBuffer(runInNewContext('new ArrayBuffer(16)'), 8)).toBeNull();
  });

  it('refuses look-alikes: typed arrays, objects claiming to be buffers, primitives', () => {
    const fake = { byteLength: 4, [Symbol.toStringTag]: 'ArrayBuffer' };
    expect(ownArrayBuffer(fake, 1024)).toBeNull();
    expect(ownArrayBuffer(new Float32Array(2), 1024)).toBeNull();
    expect(ownArrayBuffer(runInNewContext('new Uint8Array(4)'), 1024)).toBeNull();
    expect(ownArrayBuffer('abcd', 1024)).toBeNull();
    expect(ownArrayBuffer(null, 1024)).toBeNull();
  });
});
