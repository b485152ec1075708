import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { run } from './main';

const example = readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8');

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (source) => {
      const text = files[source];
      if (text === undefined) throw new Error(`${source}: no such file`);
      return text;
    },
    write: async (path, text) => {
      written[path] = text;
    },
  };
  return { io, out, err, written };
}

describe('literate pack validate', () => {
  it('exits 0 for a valid pack', async () => {
    const { io, out } = memoryIo({ 'p.json': example });
    expect(await run(['pack', 'validate', 'p.json'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/valid/);
  });

  it('prints FILE:LINE:COL  pointer  reason  (hint) for every error and exits 1', async () => {
    const broken = example
      .replace('"motivation": "commenting"', '"motivaton": "commenting"')
      .replace('"1.0.0"', '"1.0"');
    const { io, out } = memoryIo({ 'p.json': broken });
    expect(await run(['pack', 'validate', 'p.json'], io)).toBe(1);
    expect(out).toContain(
      "p.json:27:7  /items/0/motivaton  unknown property 'motivaton' for kind 'note'  (did you mean 'motivation'?)",
    );
    expect(out.some((l) => /^p\.json:9:14 {2}\/version {2}must be a semantic version/.test(l))).toBe(true);
  });

  it('exits 2 on usage and I/O errors', async () => {
    const { io, err } = memoryIo({});
    expect(await run(['pack', 'validate'], io)).toBe(2);
    expect(await run(['pack', 'validate', 'missing.json'], io)).toBe(2);
    expect(await run(['pack', 'frobnicate'], io)).toBe(2);
    expect(await run([], io)).toBe(2);
    expect(err.join('\n')).toMatch(/no such file/);
  });

  it('prints help with --help and exits 0', async () => {
    const { io, out } = memoryIo({});
    expect(await run(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/literate pack validate FILE\|URL/);
    expect(out.join('\n')).toMatch(/Exit status: 0/);
  });

  it('prints the schema', async () => {
    const { io, out } = memoryIo({});
    expect(await run(['schema'], io)).toBe(0);
    expect(JSON.parse(out.join('\n')).$schema).toMatch(/2020-12/);
  });
});
