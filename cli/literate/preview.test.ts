import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../demos/server';
import { previewCommand, previewLink, PACK_PATH } from './preview';
import type { CliIo } from './io';
import type { Pack } from '../../annotations/format/types';

const exampleMd = readFileSync(
  new URL('../../annotations/author/fixtures/example-pack.md', import.meta.url),
  'utf8',
);

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    read: async (f) => {
      if (!(f in files)) throw new Error(`${f}: no such file`);
      return files[f]!;
    },
    write: async () => undefined,
  };
  return { io, out, err, files };
}

describe('literate pack preview', () => {
  it('serves the pack rebuilt from its source and prints a share link to the demo it targets', async () => {
    const md = exampleMd.replace('http://127.0.0.1:*/mnist/*', 'http://127.0.0.1:*/demos/draw-shapes/*');
    const { io, out, files } = memoryIo({ 'notes.md': md });
    const served: { first?: Pack; second?: Pack } = {};
    const code = await previewCommand(['notes.md', '--port', '0'], io, {
      startServer,
      galleryPages: () => ['moving-shapes', 'draw-shapes'],
      untilStopped: async () => {
        const url = out.join('\n').match(/at (http:\/\/127\.0\.0\.1:\d+\/preview\/pack\.json)/)![1]!;
        served.first = (await (await fetch(url)).json()) as Pack;
        files['notes.md'] = md.replace('title: How a small CNN', 'title: How a tiny CNN');
        served.second = (await (await fetch(url)).json()) as Pack;
      },
    });
    expect(code).toBe(0);
    const link = out.join('\n').match(/(http:\/\/127\.0\.0\.1:\d+\/demos\/draw-shapes\/#literate=\S+)/)?.[1];
    expect(link).toBeDefined();
    expect(decodeURIComponent(new URL(link!).hash.slice('#literate='.length))).toMatch(
      /\/preview\/pack\.json$/,
    );
    expect(served.first?.title).toBe('How a small CNN reads handwritten digits');
    expect(served.second?.title).toBe('How a tiny CNN reads handwritten digits');
  });

  it('picks the page asked for, or none when no gallery page matches', () => {
    const pack = { targets: { pages: ['https://example.org/*'], models: [] } } as unknown as Pack;
    expect(previewLink(pack, 'http://127.0.0.1:1', ['draw-shapes'])).toBeNull();
    expect(previewLink(pack, 'http://127.0.0.1:1', ['draw-shapes'], 'legacy-spiral')).toBe(
      `http://127.0.0.1:1/demos/legacy-spiral/#literate=${encodeURIComponent(`http://127.0.0.1:1${PACK_PATH}`)}`,
    );
  });
});
