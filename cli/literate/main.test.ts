import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { run } from './main';

const example = readFileSync(
  new URL('../../annotations/format/fixtures/example-pack.json', import.meta.url),
  'utf8',
);
const literate = readFileSync(
  new URL('../../annotations/author/fixtures/example-pack.md', import.meta.url),
  'utf8',
);

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
    expect(out.join('\n')).toMatch(/Exit status:\n {2}0 {2}valid/);
  });

  it("prints one command's usage with GROUP COMMAND --help, and the version with --version", async () => {
    const { io, out } = memoryIo({});
    expect(await run(['pack', 'export', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: literate pack export --w3c PACK\.json\|- \[-o OUT\.jsonld\]/);
    expect(out.join('\n')).not.toMatch(/pack validate/);
    const version = memoryIo({});
    expect(await run(['--version'], version.io)).toBe(0);
    expect(version.out).toEqual([
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
    ]);
  });

  it('refuses unknown options and options without their value (util.parseArgs), exit 2', async () => {
    const { io, err } = memoryIo({ 'p.json': example });
    expect(await run(['pack', 'validate', 'p.json', '--quite'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown option --quite/);
    expect(await run(['pack', 'build', 'notes.md', '-o'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/-o needs a value/);
    expect(await run(['schema', 'extra'], io)).toBe(2);
  });

  it('prints the schema', async () => {
    const { io, out } = memoryIo({});
    expect(await run(['schema'], io)).toBe(0);
    expect(JSON.parse(out.join('\n')).$schema).toMatch(/2020-12/);
  });
});

describe('literate pack build / decompile', () => {
  it('builds Markdown to the pack file', async () => {
    const { io, written } = memoryIo({ 'notes.md': literate });
    expect(await run(['pack', 'build', 'notes.md', '-o', 'pack.json'], io)).toBe(0);
    expect(JSON.parse(written['pack.json'] ?? '')).toEqual(JSON.parse(example));
  });

  it('prints build errors at source lines and writes nothing', async () => {
    const broken = literate.replace('view=feature-maps', 'view=feature-map');
    const { io, out, written } = memoryIo({ 'notes.md': broken });
    expect(await run(['pack', 'build', 'notes.md', '-o', 'pack.json'], io)).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('view=feature-map')) + 1;
    expect(out).toContain(
      `notes.md:${line}:1  /items/2/body/view  expected one of 'feature-maps', 'activation-bars', 'top-k', 'weight-histogram', 'filters', found "feature-map"  (did you mean 'feature-maps'?)`,
    );
    expect(written).toEqual({});
  });

  it('decompiles a pack back to Markdown that builds to the same pack', async () => {
    const { io, out } = memoryIo({ 'p.json': example });
    expect(await run(['pack', 'decompile', 'p.json'], io)).toBe(0);
    const second = memoryIo({ 'again.md': out.join('\n') });
    expect(await run(['pack', 'build', 'again.md'], second.io)).toBe(0);
    expect(JSON.parse(second.out.join('\n'))).toEqual(JSON.parse(example));
  });

  it('preview refuses a pack with errors, naming the file and line', async () => {
    const { io, out } = memoryIo({ 'notes.md': '---\ntitle: x\n---\n' });
    expect(await run(['pack', 'preview', 'notes.md'], io)).toBe(1);
    expect(out.join('\n')).toMatch(/^notes\.md:\d+:\d+/m);
  });
});

describe('literate pack export / import --w3c', () => {
  it('exports and imports', async () => {
    const { io, written } = memoryIo({ 'p.json': example });
    expect(await run(['pack', 'export', '--w3c', 'p.json', '-o', 'a.jsonld'], io)).toBe(0);
    const collection = JSON.parse(written['a.jsonld'] ?? '');
    expect(collection.type).toBe('AnnotationCollection');
    const second = memoryIo({ 'a.jsonld': written['a.jsonld'] ?? '' });
    expect(
      await run(['pack', 'import', '--w3c', 'a.jsonld', '-o', 'b.json', '--title', 'Again'], second.io),
    ).toBe(0);
    const pack = JSON.parse(second.written['b.json'] ?? '');
    expect(pack.title).toBe('Again');
    expect(pack.items).toHaveLength(1);
  });

  it('needs --w3c', async () => {
    const { io } = memoryIo({ 'p.json': example });
    expect(await run(['pack', 'export', 'p.json'], io)).toBe(2);
  });

  it('imports Hypothesis API rows with --hypothesis, listing what it skips', async () => {
    const rows = readFileSync(
      new URL('../../annotations/interop/fixtures/hypothesis-search.json', import.meta.url),
      'utf8',
    );
    const { io, written, err } = memoryIo({ 'rows.json': rows });
    expect(await run(['pack', 'import', '--hypothesis', 'rows.json', '-o', 'p.json'], io)).toBe(0);
    const pack = JSON.parse(written['p.json'] ?? '');
    expect(pack.items).toHaveLength(2);
    expect(err.join('\n')).toMatch(/skipped Yq8rStUvEeyAbC1dEfGhIj: a reply/);
    expect(await run(['pack', 'import', '--hypothesis', '--w3c', 'rows.json'], memoryIo({}).io)).toBe(2);
  });
});

describe('bin/literate.mjs', () => {
  it('runs from a clone without a build', () => {
    const bin = fileURLToPath(new URL('../../bin/literate.mjs', import.meta.url));
    const fixture = fileURLToPath(
      new URL('../../annotations/format/fixtures/example-pack.json', import.meta.url),
    );
    expect(execFileSync(process.execPath, [bin, 'pack', 'validate', fixture], { encoding: 'utf8' })).toMatch(
      /valid \(6 annotations\)/,
    );
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'pack', 'validate', '/nonexistent/pack.json'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
