// Pieces of the overlay's pack e2e tests and bench: a copy of the built extension that ships extra packs, small
// packs written here (validated by the real validator) for the CNN test page and a 50-note article, and readers of
// the page notes' geometry from the overlay's shadow root.

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Route } from '../../demos/server';
import type { Annotation, Pack } from '../../annotations/format/types';
import { EXTENSION_DIR } from './harness';
import { CNN_SCRIPT } from './overlay-pages';
import { html, TFJS_UMD } from './fixtures';
import { validPackText } from './packs-support';

export const BASE_EXTENSION_DIR = process.env.LITERATE_EXTENSION_DIR ?? EXTENSION_DIR;

/** A temporary copy of the built extension that also ships `packs` (file name → pack JSON text). */
export function extensionWithPacks(packs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'literate-overlay-packs-'));
  cpSync(BASE_EXTENSION_DIR, dir, { recursive: true });
  const indexPath = join(dir, 'packs/index.json');
  const index = existsSync(indexPath)
    ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { packs: string[] })
    : { packs: [] };
  for (const [file, text] of Object.entries(packs)) {
    writeFileSync(join(dir, 'packs', file), text);
    if (!index.packs.includes(file)) index.packs.push(file);
  }
  writeFileSync(indexPath, JSON.stringify(index));
  return dir;
}

/** The packs a built extension ships. */
export function shippedPacks(dir = BASE_EXTENSION_DIR): Pack[] {
  const indexPath = join(dir, 'packs/index.json');
  if (!existsSync(indexPath)) return [];
  const { packs } = JSON.parse(readFileSync(indexPath, 'utf8')) as { packs: string[] };
  return packs.map((f) => JSON.parse(readFileSync(join(dir, 'packs', f), 'utf8')) as Pack);
}

const CONTEXT: Pack['@context'] = ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'];

export function note(id: string, value: string, target?: Annotation['target'], step?: string): Annotation {
  return {
    id,
    type: 'Annotation',
    motivation: 'describing',
    kind: 'note',
    body: { type: 'TextualBody', format: 'text/markdown', value },
    ...(target ? { target } : {}),
    ...(step ? { step } : {}),
  };
}

const css = (value: string): Annotation['target'] => ({ selector: [{ type: 'CssSelector', value }] });
const node = (name: string, role?: 'kernel' | 'bias'): Annotation['target'] => ({
  model: { type: 'ModelNodeSelector', model: 'cnn', node: name, ...(role ? { role } : {}) },
});

export const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * A pack for the CNN test page (overlay-pages.ts) with three deliberately broken anchors (a CSS selector that
 * matches nothing, a quote that is not on the page, a layer the model does not have), live values, an equation
 * with bound symbols, a top-k view with class labels, and a three-step tour.
 */
export function cnnPack(overrides: Partial<Pack> = {}): Pack {
  return {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    literate: '1',
    id: 'e2e-cnn-notes',
    title: 'Reading the digits CNN',
    authors: [{ name: 'Ada Lovelace', url: 'https://example.org/ada' }],
    license: 'CC-BY-4.0',
    version: '2.1.0',
    description: 'Written by the overlay e2e test.',
    targets: {
      pages: ['http://127.0.0.1:*/overlay/cnn.html*'],
      models: [
        {
          alias: 'cnn',
          structure: { kind: 'layers', nodes: [{ name: 'conv1', op: 'Conv2D' }] },
          labels: DIGITS,
        },
      ],
    },
    items: [
      note(
        'title',
        'The **title** of the demo. The network has {{cnn.params | d}} parameters.',
        css('main h1'),
        's1',
      ),
      note(
        'quote',
        'A 28 × 28 drawing is 784 numbers.',
        { selector: [{ type: 'TextQuoteSelector', exact: 'reads a 28 × 28 drawing' }] },
        's1',
      ),
      note('button', 'A button of the page, not of Literate.', css('#page-button'), 's3'),
      note('output', 'Right now the network says {{cnn.top1}} ({{cnn.probs.max | .1%}}).', css('#out'), 's3'),
      note(
        'conv1',
        'Eight 3 × 3 filters; {{cnn.conv1.sparsity | .0%}} of its outputs are zero.',
        node('conv1'),
        's2',
      ),
      {
        id: 'eq-conv1',
        type: 'Annotation',
        motivation: 'describing',
        kind: 'equation',
        body: {
          type: 'Equation',
          tex: 'y_{i,j,c} = \\max\\Big(0,\\; b_c + \\sum_{u,v} W_{u,v,c}\\, x_{i+u,\\,j+v}\\Big)',
          bindings: {
            y: { model: 'cnn', node: 'conv1', stat: 'mean', format: '.3f' },
            W: { model: 'cnn', node: 'conv1', role: 'kernel', stat: 'shape' },
            b: { model: 'cnn', node: 'conv1', role: 'bias', stat: 'mean', format: '.3f' },
          },
          caption: 'One output of conv1: filter $c$ at row $i$, column $j$.',
        },
        target: node('conv1'),
        step: 's2',
      },
      {
        id: 'topk',
        type: 'Annotation',
        motivation: 'describing',
        kind: 'view',
        body: { type: 'View', view: 'top-k', k: 3, caption: 'The three most likely digits, by name.' },
        target: node('probs'),
        step: 's3',
      },
      note('broken-css', 'Points at nothing.', css('#no-such-element')),
      note('broken-quote', 'Quotes text the page does not have.', {
        selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that this page never had' }],
      }),
      note('broken-node', 'Explains a layer the model does not have.', node('dense_9')),
    ],
    steps: [
      { id: 's1', title: 'The page', body: 'A heading and a sentence.', highlights: ['title', 'quote'] },
      { id: 's2', title: 'conv1', body: 'Look at $W$ and $b$.', highlights: ['conv1', 'eq-conv1'] },
      { id: 's3', title: 'The answer', highlights: ['topk', 'output', 'button'] },
    ],
    ...overrides,
  };
}

/** A long article beside the CNN: `n` paragraphs, each with a note in the pack below (some with math). */
export function articlePage(n: number): string {
  const paragraphs = Array.from(
    { length: n },
    (_, i) =>
      `<p id="p${i + 1}">Paragraph ${i + 1}. The network reads the drawing one small patch at a time, and each layer ` +
      `passes on what it found to the next. ${i % 3 === 0 ? 'This paragraph is a little longer than the others, so that the notes beside the article do not all line up the same way.' : ''}</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<style>body{font:16px/1.6 Georgia,serif;margin:0;background:#fbfbf8}main{max-width:620px;margin:40px auto;padding:0 20px}</style>
<script src="${TFJS_UMD['4.22.0']}"></script></head><body><main><h1>Handwritten digits, explained</h1>
<p>A small convolutional network reads a 28 × 28 drawing. <button id="page-button">A page button</button></p>
<output id="out"></output>${paragraphs.join('\n')}</main><script src="/overlay/cnn.js"></script></body></html>`;
}

export function articlePack(n: number): Pack {
  return cnnPack({
    id: 'e2e-article-notes',
    title: `${n} notes on an article`,
    targets: { ...cnnPack().targets, pages: ['http://127.0.0.1:*/overlay/article.html*'] },
    items: Array.from({ length: n }, (_, i) =>
      note(
        `n${i + 1}`,
        i % 5 === 0
          ? `Note ${i + 1}: a convolution computes $y_{i,j} = \\sum_{u,v} W_{u,v}\\, x_{i+u,j+v}$ at every position.`
          : `Note ${i + 1}: **what this paragraph says**, in the margin, in a sentence or two of plain words.`,
        css(`#p${i + 1}`),
      ),
    ),
    steps: undefined,
  });
}

export function articleRoutes(n: number): Route[] {
  return [{ path: '/overlay/article.html', handler: html(articlePage(n)) }];
}

export { validPackText, CNN_SCRIPT };

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface NoteGeometry {
  id: string;
  folded: boolean;
  hidden: boolean;
  box: Box;
}

/** The page notes as drawn (margin notes and markers), read from the overlay's shadow root. */
export function pageNotes(page: Page): Promise<{ mode: string | null; notes: NoteGeometry[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('literate-overlay')?.shadowRoot;
    const layer = root?.querySelector('.page-notes');
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      mode: layer?.getAttribute('data-mode') ?? null,
      notes: [...(layer?.querySelectorAll<HTMLElement>('.sidenote') ?? [])].map((n) => ({
        id: n.dataset.noteId ?? '',
        folded:
          layer?.querySelector(`.marker[data-note-id="${n.dataset.noteId}"]`)?.getAttribute('data-folded') ===
          'true',
        hidden: n.getAttribute('data-shown') !== 'true',
        box: box(n),
      })),
    };
  });
}

/** The highlight rings drawn now (around anchors). */
export function rings(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...(document.querySelector('literate-overlay')?.shadowRoot?.querySelectorAll('.ring') ?? [])].map(
      (e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      },
    ),
  );
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations inside the overlay's shadow root, in the light and the dark colour scheme. */
export async function axeOverlay(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as any).axe;
      const result = await axe.run(
        { include: [['literate-overlay', '.lt']] },
        { resultTypes: ['violations'] },
      );
      return result.violations.map(
        (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html.slice(0, 120)).join(' | ')}`,
      ) as string[];
    });
    found.push(...violations.map((v) => `${colorScheme} ${v}`));
  }
  return found;
}
