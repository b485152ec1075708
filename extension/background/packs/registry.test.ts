import { describe, expect, it } from 'vitest';
import { parseRegistryText } from './registry';

const BASE = 'https://packs.example.org/r/index.json';
const entry = {
  url: 'mnist.json',
  id: 'mnist',
  title: 'MNIST',
  version: '1.0.0',
  sha256: 'A'.repeat(64),
  targets: { pages: ['https://*.example.org/*'], models: ['cnn'] },
};

describe('parseRegistryText', () => {
  it('reads a registry and resolves relative pack URLs', () => {
    const result = parseRegistryText(
      JSON.stringify({ literateRegistry: 1, title: 'T', packs: [entry] }),
      BASE,
    );
    expect(result).toEqual({
      ok: true,
      registry: {
        title: 'T',
        packs: [{ ...entry, url: 'https://packs.example.org/r/mnist.json', sha256: 'a'.repeat(64) }],
      },
    });
  });

  it('points at every problem with line and column', () => {
    const text = `{
  "literateRegistry": 2,
  "packs": [
    { "url": "javascript:alert(1)", "id": "a", "title": "A", "version": "1", "sha256": "xyz", "targets": {"pages": []} },
    { "url": "b.json", "id": "a", "title": "B", "version": "1", "sha256": "${'0'.repeat(64)}" }
  ]
}`;
    const result = parseRegistryText(text, BASE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = Object.fromEntries(result.errors.map((e) => [e.pointer, `${e.line}:${e.column} ${e.reason}`]));
    expect(at['/literateRegistry']).toMatch(/^2:\d+ must be 1/);
    expect(at['/title']).toMatch(/needs a title/);
    expect(at['/packs/0/url']).toMatch(/^4:\d+ packs load over http or https only/);
    expect(at['/packs/0/sha256']).toMatch(/^4:/);
    expect(at['/packs/1/id']).toMatch(/listed twice/);
    expect(at['/packs/1/targets']).toMatch(/^5:/);
  });

  it('reports syntax errors with their position', () => {
    const result = parseRegistryText('{"literateRegistry": 1,}', BASE);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ pointer: '', line: 1, reason: expect.stringMatching(/^invalid JSON/) }],
    });
  });
});
