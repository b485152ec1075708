import { describe, expect, it } from 'vitest';
import { displayName } from './model-name';

describe('displayName', () => {
  it('keeps a real model name', () => {
    expect(displayName('digits_cnn', null)).toBe('digits_cnn');
    expect(displayName('mobilenet', 'https://x.test/a/model.json')).toBe('mobilenet');
  });

  it('names a bare model.json by its folder', () => {
    expect(displayName('model.json', 'https://x.test/models/pose%20net/model.json')).toBe('pose net');
    expect(displayName('model-stride16.json', 'https://x.test/posenet/model-stride16.json')).toBe('posenet');
  });

  it('falls back to the file name without a usable URL', () => {
    expect(displayName('model.json', null)).toBe('model.json');
    expect(displayName('model.json', 'https://x.test/model.json')).toBe('model.json');
    expect(displayName('model.json', 'not a url')).toBe('model.json');
  });
});
