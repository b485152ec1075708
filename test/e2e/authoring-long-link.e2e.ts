// A pack written in place can fill an inline share link close to its limit (~13 K characters of fragment). Such a
// link, opened in a new tab of a fresh profile, must still find the model and load the pack after the prompt
// (the page URL, fragment included, used to be refused past 8 KB by the bridge and the packs messages).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import { encodeInlinePack, INLINE_LIMITS } from '../../extension/share/inline-codec';
import { buildShareLink } from '../../extension/share/share-link';
import { launchWithExtension, type ExtensionSession } from './harness';
import { BASE_EXTENSION_DIR, pageNotes } from './overlay-packs-support';
import { openSharedPack, validPackText } from './packs-support';

const DEMO = '/demos/draw-shapes/';
let server: GalleryServer;
let reader: ExtensionSession;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  reader = await launchWithExtension({ viewport: { width: 1680, height: 1000 } });
});

afterAll(async () => {
  await reader?.close();
  await server?.close();
});

/** Words that do not compress well (a fixed pseudo-random sequence), so the link is long. */
function words(n: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 3 + (i % 6);
    for (let j = 0; j < len; j++) {
      x = (x * 1103515245 + 12345) >>> 0;
      w += String.fromCharCode(97 + ((x >>> 16) % 26));
    }
    out.push(w);
  }
  return out.join(' ');
}

function longPack(wordsPerNote: number): Pack {
  const shipped = JSON.parse(
    readFileSync(join(BASE_EXTENSION_DIR, 'packs', 'draw-shapes.json'), 'utf8'),
  ) as Pack;
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'long-link',
    title: 'A long inline link',
    authors: [{ name: 'Ada Author' }],
    license: 'CC-BY-4.0',
    version: '0.1.0',
    targets: {
      pages: [`${server.url}${DEMO}*`],
      models: [{ ...shipped.targets.models[0]!, alias: 'model' }],
    },
    items: ['#sketch-heading', '#guess-heading', '#sketch-hint', '#verdict'].map((css, i) => ({
      id: `note-${i + 1}`,
      type: 'Annotation' as const,
      motivation: 'commenting' as const,
      kind: 'note' as const,
      body: {
        type: 'TextualBody' as const,
        format: 'text/markdown' as const,
        value: `Long note ${i + 1}. ${words(wordsPerNote, 7 + i)}`,
      },
      target: { selector: [{ type: 'CssSelector' as const, value: css }] },
    })),
  };
}

describe('a long inline share link', () => {
  it('loads a ~13 K-character inline pack in a fresh profile', async () => {
    let encoded = '';
    for (let n = 200; n < 2000; n += 25) {
      const e = await encodeInlinePack(validPackText(longPack(n)));
      if (!e.ok) break;
      encoded = e.value;
      if (encoded.length >= 13_000) break;
    }
    expect(encoded.length).toBeGreaterThanOrEqual(13_000);
    expect(encoded.length).toBeLessThanOrEqual(INLINE_LIMITS.maxEncodedChars);
    const link = buildShareLink(`${server.url}${DEMO}`, { inline: encoded });
    expect(link.length).toBeGreaterThan(8192);

    const page = await openSharedPack(reader.context, link, 'A long inline link');
    await expect
      .poll(async () => (await pageNotes(page)).notes.map((n) => n.id).sort())
      .toEqual(['note-1', 'note-2', 'note-3', 'note-4']);
  });
});
