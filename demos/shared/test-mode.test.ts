import { describe, expect, it } from 'vitest';
import { OutputDigest, fnv1a, publishTestError, publishTestResult, readDemoOptions } from './test-mode.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('readDemoOptions', () => {
  it('reads ?frames and ?backend', () => {
    expect(readDemoOptions('?frames=5&backend=cpu')).toEqual({ frames: 5, backend: 'cpu' });
    expect(readDemoOptions('?backend=webgl')).toEqual({ frames: null, backend: 'webgl' });
  });

  it('ignores malformed values rather than guessing', () => {
    expect(readDemoOptions('?frames=-3&backend=wasm')).toEqual({ frames: null, backend: null });
    expect(readDemoOptions('?frames=2.5')).toEqual({ frames: null, backend: null });
    expect(readDemoOptions('')).toEqual({ frames: null, backend: null });
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a(ascii(''))).toBe(0x811c9dc5);
    expect(fnv1a(ascii('a'))).toBe(0xe40c292c);
    expect(fnv1a(ascii('foobar'))).toBe(0xbf9cf968);
  });

  it('continues a running hash', () => {
    expect(fnv1a(ascii('bar'), fnv1a(ascii('foo')))).toBe(fnv1a(ascii('foobar')));
  });
});

describe('OutputDigest', () => {
  it('hashes the float32 bytes of each output, in order', () => {
    const a = new OutputDigest();
    a.add(new Float32Array([0.25, 0.75]));
    a.add([1, 0]);
    const b = new OutputDigest();
    b.add([1, 0]);
    b.add(new Float32Array([0.25, 0.75]));
    expect(a.hex()).toMatch(/^[0-9a-f]{8}$/);
    expect(a.hex()).not.toBe(b.hex());
    expect(a.count).toBe(2);
  });

  it('sees a one-ulp change', () => {
    const values = new Float32Array([0.1, 0.2, 0.7]);
    const nudged = new Float32Array(values);
    new Uint32Array(nudged.buffer)[2]! += 1;
    const a = new OutputDigest();
    a.add(values);
    const b = new OutputDigest();
    b.add(nudged);
    expect(a.hex()).not.toBe(b.hex());
  });

  it('reads a view without the rest of its buffer', () => {
    const backing = new Float32Array([9, 1, 2, 9]);
    const a = new OutputDigest();
    a.add(backing.subarray(1, 3));
    const b = new OutputDigest();
    b.add(new Float32Array([1, 2]));
    expect(a.hex()).toBe(b.hex());
  });
});

describe('publishing', () => {
  it('writes digest, tensor count and frames before marking the run done', () => {
    const seen: string[] = [];
    const dataset = new Proxy({} as Record<string, string>, {
      set(target, key, value) {
        seen.push(String(key));
        target[String(key)] = value;
        return true;
      },
    });
    publishTestResult({ digest: 'abcd0123', numTensors: 8, frames: 5 }, {
      dataset,
    } as unknown as HTMLElement);
    expect(dataset).toEqual({ demoDigest: 'abcd0123', demoTensors: '8', demoFrames: '5', demoDone: '1' });
    expect(seen.at(-1)).toBe('demoDone');
  });

  it('reports failures as done="error" with the message', () => {
    const root = { dataset: {} as Record<string, string> };
    publishTestError(new Error('model.json 404'), root as unknown as HTMLElement);
    expect(root.dataset).toEqual({ demoError: 'model.json 404', demoDone: 'error' });
  });
});
