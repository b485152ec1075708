import { describe, expect, it } from 'vitest';
import { chunkFile } from '../content-scripts/overlay/boot/chunk-file';
import { parseBackgroundRequest } from '../protocol/runtime';

describe('the overlay asking for its chunks', () => {
  it('accepts only overlay chunk file names', () => {
    expect(parseBackgroundRequest({ type: 'load-overlay-chunk', file: 'overlay-app.js' })).toEqual({
      type: 'load-overlay-chunk',
      file: 'overlay-app.js',
    });
    expect(parseBackgroundRequest({ type: 'load-overlay-chunk', file: 'overlay-katex.js' })).not.toBeNull();
    for (const file of [
      'background.js',
      'hook.js',
      '../overlay-app.js',
      'overlay-app.js?x',
      'https://evil.example/overlay-app.js',
      'overlay-.js',
      'overlay-APP.js',
      `overlay-${'a'.repeat(41)}.js`,
      42,
      null,
    ])
      expect(parseBackgroundRequest({ type: 'load-overlay-chunk', file })).toBeNull();
  });

  it('takes the file name from the URL webpack asks for, and nothing else', () => {
    expect(chunkFile('overlay-app.js')).toBe('overlay-app.js');
    expect(chunkFile('chrome-extension://abc/overlay-katex.js')).toBe('overlay-katex.js');
    expect(chunkFile('popup.js')).toBeNull();
    expect(chunkFile('')).toBeNull();
  });
});
